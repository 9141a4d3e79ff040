"""sitemap.xml's guides: the live ones, at /guides/<slug>/."""

from wagtail.contrib.sitemaps import Sitemap

from .models import Guide


class GuideSitemap(Sitemap):
    """Each guide lists itself (Guide.get_sitemap_urls), as Wagtail's pages do."""

    def items(self):
        return Guide.objects.filter(live=True).order_by("slug")
