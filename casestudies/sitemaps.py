"""sitemap.xml's pages: Wagtail's sitemap, narrowed to what the public may see (visibility.py), and the
theme and barrier-category pages that have something published on them."""

from wagtail.contrib.sitemaps import Sitemap

from .browse import categories_with_counts, themes_with_counts
from .visibility import shown_q, visible


class PublicPageSitemap(Sitemap):
    """Live, unrestricted pages with no unpublished ancestor: drafts and hidden branches never appear."""

    def items(self):
        return visible(super().items())


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
