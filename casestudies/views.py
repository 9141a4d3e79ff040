"""Stable permalinks for barriers and workarounds, by id, whatever their place in the tree."""

from django.http import Http404
from django.shortcuts import redirect

from .models import BarrierPage, WorkaroundPage
from .visibility import visible


def _redirect_to_live(model, pk: int):
    page = visible(model.objects.filter(pk=pk)).first()
    if page is None or page.url is None:
        raise Http404(f"No published {model._meta.verbose_name} with id {pk}.")
    return redirect(page.url, permanent=False)


def barrier_permalink(request, pk: int):
    return _redirect_to_live(BarrierPage, pk)


def workaround_permalink(request, pk: int):
    return _redirect_to_live(WorkaroundPage, pk)
