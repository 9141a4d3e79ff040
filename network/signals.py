"""A confirmed email address makes its owner a network member, with no call needed from the views."""

from __future__ import annotations

from allauth.account.signals import email_confirmed


def on_email_confirmed(sender, request, email_address, **kwargs) -> None:
    from .membership import join_network

    join_network(email_address.user)


def connect() -> None:
    email_confirmed.connect(on_email_confirmed, dispatch_uid="network_email_confirmed")
