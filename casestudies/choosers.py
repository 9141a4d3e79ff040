"""Wagtail's page chooser, opened only on pages the user may see.

The chooser's lists pass through the construct_page_chooser_queryset hook
(casestudies.wagtail_hooks), but it also shows a page picked by id in the
address, as the parent being browsed or as a chosen page, with its draft
title. These views refuse such a page when the hook would not list it.
portal/urls.py routes the chooser's addresses here, ahead of the admin's own.
"""

from __future__ import annotations

from django.http import Http404
from wagtail.admin.views.chooser import BrowseView, ChosenMultipleView
from wagtail.models import Page

from .wagtail_hooks import choosable


class GuardedBrowseView(BrowseView):
    def get_object_list(self):
        # Called once the parent page is known, whether from the address or found from the page types.
        if not choosable(Page.objects.filter(pk=self.parent_page.pk), self.request.user).exists():
            raise Http404("No such page.")
        return super().get_object_list()


class GuardedChosenMultipleView(ChosenMultipleView):
    def get(self, request):
        ids = set(request.GET.getlist("id"))
        if not all(pk.isascii() and pk.isdigit() and len(pk) < 19 for pk in ids):
            raise Http404("Page ids are whole numbers.")
        if choosable(Page.objects.filter(pk__in=ids), request.user).count() != len(ids):
            raise Http404("No such page.")
        return super().get(request)
