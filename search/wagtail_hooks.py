"""The search vocabulary in the admin, where curators edit acronyms and synonyms; batched index changes."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import index_queue
from .models import SearchSynonym


class SearchSynonymViewSet(SnippetViewSet):
    model = SearchSynonym
    icon = "search"
    menu_label = "Search synonyms"
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["terms", "note", "updated_at"]
    search_fields = ["terms"]


register_snippet(SearchSynonymViewSet)


@hooks.register("batch_content_writes")
def record_index_changes_as_one_batch():
    """A content import records its thousands of page changes in one insert, applied by one task."""
    return index_queue.batched()
