"""Network members who draft case studies for their area: who they are, and a curator's grant and withdrawal.

A grant puts a confirmed member with an area in the area's network drafters' group
(curation.roles.ensure_drafters): the admin, Wagtail's "add" on the area's page (pages they
make there are theirs to edit and submit to the exchange's moderation, never to publish) and
the area's documents. The grant follows the area: choosing another area ends it (set_area),
so does the area's page being unpublished or deleted, and deleting the account.
"""

from __future__ import annotations

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse

from casestudies.models import PioneerPage
from curation.roles import NETWORK_MEMBERS, areas_drafted_for, curators_group, ensure_drafters, leave_drafters

from .digests import absolute
from .membership import Standing, standing_of


class CannotDraft(Exception):
    """The member cannot be let draft yet: the message says what they lack."""


def network_members():
    """Everyone who signed up through the network (an allauth address) or is in the network members' group,
    with whether an address is confirmed; by email address."""
    users = get_user_model().objects
    confirmed = EmailAddress.objects.filter(user=OuterRef("pk"), verified=True)
    signed_up = EmailAddress.objects.filter(user=OuterRef("pk"))
    return (
        users.filter(Q(Exists(signed_up)) | Q(groups__name=NETWORK_MEMBERS))
        .distinct()
        .annotate(confirmed=Exists(confirmed))
        .select_related("network_membership__area")
        .order_by("email", "pk")
    )


def drafting_area(user) -> PioneerPage | None:
    """The area the member may draft for, if a curator let them."""
    return areas_drafted_for(user).first()


@transaction.atomic
def allow_drafting(user) -> PioneerPage:
    """Let a confirmed member with an area draft for it (and for no other area)."""
    member = standing_of(user)
    if member.standing is Standing.UNVERIFIED:
        raise CannotDraft("This member has not confirmed their email address yet.")
    if member.standing is not Standing.READY:
        raise CannotDraft("This member has not chosen an area yet.")
    leave_drafters(user, keep=member.area)
    ensure_drafters(member.area).user_set.add(user)
    return member.area


def withdraw_drafting(user) -> list[str]:
    """End the member's drafting: the names of the areas they drafted for (none if they did not)."""
    return leave_drafters(user)


def ask_to_draft(user, area: PioneerPage) -> None:
    """Email the curators (the exchange's address if none has one) that the member asks to draft for the area."""
    curators = curators_group().user_set.filter(is_active=True).exclude(email="")
    recipients = sorted(set(curators.values_list("email", flat=True))) or [settings.CONTACT_EMAIL]
    members_page = absolute(reverse("network_drafting"))
    message = (
        f"{user.email}, a network member for {area.title}, asks to draft case studies for {area.title}.\n\n"
        f"To let them, or not, open Curation → Network members in the admin:\n{members_page}\n"
    )
    subject = f"Pioneer Exchange: a member asks to draft case studies for {area.title}"
    send_mail(subject, message, None, recipients)
