"""Promoted results in the admin, in the "Curation" menu."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from curation.promotions.models import Promotion


class PromotionViewSet(SnippetViewSet):
    model = Promotion
    icon = "pick"
    menu_label = "Promoted results"
    menu_order = 200
    menu_hook = "register_curation_menu_item"  # the Curation menu (curation/wagtail_hooks.py)
    list_display = ["name", "queries", "window", "active", "updated_at"]
    list_filter = ["active"]
    search_fields = ["name", "queries"]
    copy_view_enabled = True


register_snippet(PromotionViewSet)
