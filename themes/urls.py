from django.urls import path

from . import pages

urlpatterns = [
    path("themes/<slug:slug>/", pages.term_page, {"page": pages.THEME}, name="theme"),
    # After casestudies' /barriers/<id>/ permalinks: a number is a barrier, a word a category.
    path("barriers/<slug:slug>/", pages.term_page, {"page": pages.BARRIER_CATEGORY}, name="barrier-category"),
]
