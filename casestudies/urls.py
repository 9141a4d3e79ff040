from django.urls import path

from . import views

urlpatterns = [
    path("barriers/<int:pk>/", views.barrier_permalink, name="barrier-permalink"),
    path("workarounds/<int:pk>/", views.workaround_permalink, name="workaround-permalink"),
]
