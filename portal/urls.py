from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.documents import urls as wagtaildocs_urls

from casestudies.choosers import GuardedBrowseView, GuardedChosenMultipleView

# The page chooser's views that show a page picked by id, guarded (casestudies.choosers); before the admin's own.
guarded_choosers = [
    path("admin/choose-page/", require_admin_access(GuardedBrowseView.as_view())),
    path("admin/choose-page/<int:parent_page_id>/", require_admin_access(GuardedBrowseView.as_view())),
    path("admin/choose-page/chosen-multiple/", require_admin_access(GuardedChosenMultipleView.as_view())),
]

urlpatterns = guarded_choosers + [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("casestudies.urls")),
    path("", include("curation.analytics.urls")),
    path("", include("search.web.urls")),
    path("", include("curation.guides.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns.append(path("", include(wagtail_urls)))
