from django.urls import path

from . import term_pages, views

urlpatterns = [
    path("barriers/<int:pk>/", views.barrier_permalink, name="barrier-permalink"),
    path("workarounds/<int:pk>/", views.workaround_permalink, name="workaround-permalink"),
    path("themes/<slug:slug>/", term_pages.term_page, {"page": term_pages.THEME}, name="theme"),
    # After the /barriers/<id>/ permalinks: a number is a barrier, a word a category.
    path("barriers/<slug:slug>/", term_pages.term_page, {"page": term_pages.BARRIER_CATEGORY}, name="barrier-category"),
]
