"""The search vocabulary in the admin, where curators edit acronyms and synonyms; batched index changes."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from search.indexing import queue as index_queue
from search.models import SearchSynonym


class SearchSynonymCreateView(CreateView):
    """Adding a synonym can start from words: `?terms=` fills the form (the search report links here)."""

    def get_initial_form_instance(self):
        terms = " ".join(self.request.GET.get("terms", "").split())[:500]
        if not terms:
            return super().get_initial_form_instance()
        instance = super().get_initial_form_instance() or self.model()
        instance.terms = terms
        return instance


class SearchSynonymViewSet(SnippetViewSet):
    model = SearchSynonym
    icon = "search"
    menu_label = "Search synonyms"
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["terms", "note", "updated_at"]
    search_fields = ["terms"]
    add_view_class = SearchSynonymCreateView


register_snippet(SearchSynonymViewSet)


@hooks.register("batch_content_writes")
def record_index_changes_as_one_batch():
    """A content import records its thousands of page changes in one insert, applied by one task."""
    return index_queue.batched()
