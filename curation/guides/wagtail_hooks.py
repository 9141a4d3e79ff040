"""Curators assemble guides in the admin, as snippets with an ordered list of pages."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Guide


class GuideViewSet(SnippetViewSet):
    model = Guide
    icon = "list-ol"
    menu_label = "Guides"
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["title", "live", "featured", "updated_at"]
    list_filter = ["live", "featured"]
    search_fields = ["title"]


register_snippet(GuideViewSet)
