"""Public: the click-through link behind each search result (included from portal/urls.py)."""

from django.urls import path

from curation.analytics import views

urlpatterns = [path("search/click/", views.click, name="search-click")]
