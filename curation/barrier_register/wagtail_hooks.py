from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import VIEW_PERMISSION, BarrierRegisterView


class CuratorsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(VIEW_PERMISSION)


@hooks.register("register_admin_urls")
def barrier_register_urls():
    return [
        path("reports/barrier-register/", BarrierRegisterView.as_view(), name="barrier_register"),
        path(
            "reports/barrier-register/results/",
            BarrierRegisterView.as_view(results_only=True),
            name="barrier_register_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def barrier_register_menu_item():
    return CuratorsMenuItem("Barrier register", reverse("barrier_register"), icon_name="warning", order=50)
