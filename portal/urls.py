from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from casestudies.choosers import GuardedBrowseView, GuardedChosenMultipleView
from casestudies.sitemaps import BarrierCategorySitemap, PublicPageSitemap, ThemeSitemap
from curation.guides.sitemaps import GuideSitemap
from network.urls import account_urls, network_urls

from . import health, views

# allauth's rate limits (sign-up, sign-in, password reset) answer with this; Django itself never raises a 429.
handler429 = "network.views.too_many_attempts"

SITEMAPS = {
    "pages": PublicPageSitemap,
    "guides": GuideSitemap,
    "themes": ThemeSitemap,
    "barrier-categories": BarrierCategorySitemap,
}

# The page chooser's views that show a page picked by id, guarded (casestudies.choosers); before the admin's own.
guarded_choosers = [
    path("admin/choose-page/", require_admin_access(GuardedBrowseView.as_view())),
    path("admin/choose-page/<int:parent_page_id>/", require_admin_access(GuardedBrowseView.as_view())),
    path("admin/choose-page/chosen-multiple/", require_admin_access(GuardedChosenMultipleView.as_view())),
]

urlpatterns = guarded_choosers + [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("healthz", health.healthz, name="healthz"),
    path("robots.txt", views.RobotsView.as_view(), name="robots"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("accessibility/", views.InfoPageView.as_view(template_name="info/accessibility.html"), name="accessibility"),
    path("contact/", views.InfoPageView.as_view(template_name="info/contact.html"), name="contact"),
    path("privacy/", views.InfoPageView.as_view(template_name="info/privacy.html"), name="privacy"),
    path("cookies/", views.InfoPageView.as_view(template_name="info/cookies.html"), name="cookies"),
    path("account/", include(account_urls)),
    path("network/", include(network_urls)),
    path("", include("casestudies.urls")),
    path("", include("curation.analytics.urls")),
    path("", include("search.web.urls")),
    path("", include("curation.guides.urls")),
]

if settings.SERVE_MEDIA:  # `make run`: uploaded images and documents, whether DEBUG is on or off
    from django.views.static import serve

    # Not documents: those go through Wagtail's view, which serves only what public pages list (casestudies).
    media = re_path(r"^media/(?P<path>(?!documents/).*)$", serve, {"document_root": settings.MEDIA_ROOT})
    urlpatterns.append(media)

urlpatterns.append(path("", include(wagtail_urls)))
