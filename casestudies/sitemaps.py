"""sitemap.xml's pages: Wagtail's sitemap, narrowed to what the public may see (visibility.py)."""

from wagtail.contrib.sitemaps import Sitemap

from .visibility import visible


class PublicPageSitemap(Sitemap):
    """Live, unrestricted pages with no unpublished ancestor: drafts and hidden branches never appear."""

    def items(self):
        return visible(super().items())
