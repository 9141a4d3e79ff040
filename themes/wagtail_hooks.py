"""The taxonomies live together under one "Taxonomies" menu in the admin."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import BarrierCategory, CareGroup, Region, Stage, Theme


class TaxonomyViewSet(SnippetViewSet):
    list_display = ["name", "slug", "sort_order"]
    ordering = ["sort_order", "name"]
    search_fields = ["name"]


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
    )


register_snippet(TaxonomyGroup)
