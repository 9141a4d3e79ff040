"""/account/ (allauth's sign-up, sign-in, verification and password pages, and "Your account") and /network/."""

from django.urls import include, path
from django.views.generic import TemplateView

from . import question_views, views

account_urls = [
    path("", views.account, name="network_account"),
    path("data/", views.download_data, name="network_download_data"),
    path("drafting/ask/", views.ask_to_draft_view, name="network_ask_to_draft"),
    path("delete/", views.delete_account, name="network_delete_account"),
    path(
        "deleted/", TemplateView.as_view(template_name="network/account_deleted.html"), name="network_account_deleted"
    ),
    path("", include("allauth.urls")),
]

network_urls = [
    path("reuse/<int:page_id>/", views.reuse, name="network_reuse"),
    path("questions/<int:page_id>/", question_views.ask_question, name="network_ask_question"),
    path("saved-searches/", views.save_search_view, name="network_save_search"),
    path("saved-searches/<int:saved_id>/", views.saved_search_frequency, name="network_saved_search_frequency"),
    path("saved-searches/<int:saved_id>/delete/", views.saved_search_delete, name="network_saved_search_delete"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="network_unsubscribe"),
]
