from django.urls import path

from search.web import api, api_page, openapi, views

urlpatterns = [
    path("api/", api_page.api_page, name="api-docs"),
    path("api/v1/search", api.search_api, name="api-search"),
    path("api/v1/suggest", api.suggest_api, name="api-suggest"),
    path("api/v1/openapi.json", openapi.openapi_json, name="api-openapi"),
    path("search/", views.search_page, name="search"),
    path("search/feed/", views.search_feed, name="search-feed"),
    path("search/export.csv", views.search_export, name="search-export"),
]
