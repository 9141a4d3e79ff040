"""sitemap.xml's theme and barrier-category pages: those with something published on them."""

from wagtail.contrib.sitemaps import Sitemap

from casestudies.browse import categories_with_counts, themes_with_counts
from casestudies.visibility import shown_q


class TermSitemap(Sitemap):
    """Terms at the Wagtail site's address, as the pages' entries are."""

    def _urls(self, page, protocol, domain):
        root = self.get_wagtail_site().root_url
        return [{"location": f"{root}{term.get_absolute_url()}"} for term in self.paginator.page(page).object_list]


class ThemeSitemap(TermSitemap):
    def items(self):
        return themes_with_counts(shown_q()).order_by("slug")


class BarrierCategorySitemap(TermSitemap):
    def items(self):
        return categories_with_counts(shown_q()).order_by("slug")
