"""Promoted results in the admin, in the "Curation" menu."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from curation.promotions.models import Promotion


class PromotionViewSet(SnippetViewSet):
    model = Promotion
    icon = "pick"
    menu_label = "Promoted results"
    list_display = ["name", "queries", "window", "active", "updated_at"]
    list_filter = ["active"]
    search_fields = ["name", "queries"]
    copy_view_enabled = True


class CurationGroup(SnippetViewSetGroup):
    menu_label = "Curation"
    menu_icon = "clipboard-list"
    menu_order = 320
    items = (PromotionViewSet,)


register_snippet(CurationGroup)
