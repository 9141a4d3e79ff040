"""The fixed top of the page tree: one home page (the site root) and /pioneers/."""

from django.db import transaction
from wagtail.models import Page, Site

from .models import HomePage, PioneerIndexPage

HOME_TITLE = "Pioneer Exchange"
HOME_INTRO = (
    "What England's integrated care pioneers did, the barriers they met and the "
    "workarounds that got them past: shared so that every area can learn from them."
)
PIONEERS_INTRO = (
    "The fourteen integrated care pioneers named in November 2013, and the areas of "
    "the virtual network learning alongside them."
)


@transaction.atomic
def ensure_site_structure() -> tuple[HomePage, PioneerIndexPage]:
    """Make sure a HomePage is the default site's root and holds /pioneers/.

    A fresh Wagtail database has a placeholder "Welcome" page; it is replaced
    when it has no children of its own.
    """
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = root.add_child(instance=HomePage(title=HOME_TITLE, slug="pioneer-exchange", intro=HOME_INTRO))
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname="localhost", port=80, root_page=home, is_default_site=True, site_name=HOME_TITLE
            )
        else:
            placeholder = site.root_page.specific
            site.root_page = home
            site.site_name = site.site_name or HOME_TITLE
            site.save()
            if type(placeholder) is Page and not placeholder.get_children().exists():
                placeholder.delete()
    index = PioneerIndexPage.objects.child_of(home).first()
    if index is None:
        index = home.add_child(instance=PioneerIndexPage(title="Pioneers", slug="pioneers", intro=PIONEERS_INTRO))
    return home, index
