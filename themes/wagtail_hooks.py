"""The taxonomies and tags live together under one "Taxonomies" menu in the admin.

Curators add, rename, reorder (drag and drop) and merge terms there; a term
still in use cannot be deleted, only merged into another.
"""

from django.urls import path, reverse
from taggit.models import Tag
from wagtail import hooks
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import BarrierCategory, CareGroup, Region, Stage, Taxonomy, Theme
from .views import TermDeleteView, can_merge, merge_view


class TermViewSet(SnippetViewSet):
    delete_view_class = TermDeleteView
    search_fields = ["name"]

    def get_delete_view_kwargs(self, **kwargs):
        return super().get_delete_view_kwargs(template_name="themes/confirm_delete.html", **kwargs)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path(f"merge/<{self.pk_path_converter}:pk>/", self.merge_view, name="merge"),
        ]

    def merge_view(self, request, pk):
        return merge_view(request, pk, viewset=self)


class TaxonomyViewSet(TermViewSet):
    list_display = ["name", "slug", "sort_order"]
    ordering = ["sort_order", "name"]
    sort_order_field = "sort_order"


class TagViewSet(TermViewSet):
    model = Tag
    icon = "tag"
    menu_label = "Tags"
    list_display = ["name", "slug"]
    ordering = ["name"]


def taxonomy_viewset(taxonomy_model, icon_name):
    return type(
        f"{taxonomy_model.__name__}ViewSet",
        (TaxonomyViewSet,),
        {"model": taxonomy_model, "icon": icon_name},
    )


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = "Taxonomies"
    menu_icon = "tag"
    menu_order = 300
    items = (
        taxonomy_viewset(Theme, "tag"),
        taxonomy_viewset(BarrierCategory, "warning"),
        taxonomy_viewset(CareGroup, "group"),
        taxonomy_viewset(Stage, "time"),
        taxonomy_viewset(Region, "site"),
        TagViewSet,
    )


register_snippet(TaxonomyGroup)


@hooks.register("register_snippet_listing_buttons")
def merge_button(snippet, user, next_url=None):
    if isinstance(snippet, Taxonomy | Tag) and can_merge(user, type(snippet)):
        url = reverse(snippet.snippet_viewset.get_url_name("merge"), args=[snippet.pk])
        yield ListingButton("Merge into…", url, icon_name="resubmit", priority=40)
