from django.urls import path

from . import views

urlpatterns = [
    path("guides/", views.guide_list, name="guides"),
    path("guides/<slug:slug>/", views.guide_detail, name="guide"),
]
