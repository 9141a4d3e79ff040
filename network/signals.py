"""A confirmed email address makes its owner a network member, and an area's page withdrawn from the public
ends its members' drafting, with no call needed from the views."""

from __future__ import annotations

from allauth.account.signals import email_confirmed
from wagtail.signals import page_unpublished


def on_email_confirmed(sender, request, email_address, **kwargs) -> None:
    from .membership import join_network

    join_network(email_address.user)


def on_area_unpublished(sender, instance, **kwargs) -> None:
    """Members of an unpublished area have no area (membership.area_of): their drafting ends too."""
    from curation.roles import clear_drafters

    clear_drafters(instance)


def connect() -> None:
    from casestudies.models import PioneerPage

    email_confirmed.connect(on_email_confirmed, dispatch_uid="network_email_confirmed")
    page_unpublished.connect(on_area_unpublished, sender=PioneerPage, dispatch_uid="network_area_unpublished")
