"""Who is a network member, in which area, and what they still have to do before they can record reuse."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.db import transaction

from casestudies.browse import pioneers_and_network
from casestudies.models import PioneerPage
from casestudies.visibility import shown_q, visible
from curation.roles import leave_drafters, network_members_group

from .models import Membership


class Standing(enum.Enum):
    """Where someone stands: each value but READY names the one step they have left."""

    SIGNED_OUT = "signed-out"
    UNVERIFIED = "unverified"  # signed in (an account made in the admin, say) without a verified address
    NO_AREA = "no-area"
    READY = "ready"


@dataclass(frozen=True)
class Member:
    standing: Standing
    area: PioneerPage | None = None

    @property
    def step(self) -> str:
        """The standing as templates compare it: "signed-out", "unverified", "no-area" or "ready"."""
        return self.standing.value


def is_verified(user) -> bool:
    return user.is_authenticated and EmailAddress.objects.filter(user=user, verified=True).exists()


def area_of(user) -> PioneerPage | None:
    """The member's area, if they chose one and the public can still see it."""
    if not user.is_authenticated:
        return None
    membership = Membership.objects.filter(user=user).only("area_id").first()
    if membership is None or membership.area_id is None:
        return None
    return visible(PioneerPage.objects.filter(pk=membership.area_id)).first()


def standing_of(user) -> Member:
    if not user.is_authenticated:
        return Member(Standing.SIGNED_OUT)
    if not is_verified(user):
        return Member(Standing.UNVERIFIED)
    area = area_of(user)
    return Member(Standing.READY, area) if area else Member(Standing.NO_AREA)


def standing_for(request) -> Member:
    """standing_of the request's user, worked out once per request: a page's reuse and questions panels both
    ask, and each answer costs up to three queries."""
    member = getattr(request, "_network_standing", None)
    if member is None:
        member = request._network_standing = standing_of(request.user)
    return member


def area_groups() -> tuple[list[PioneerPage], list[PioneerPage]]:
    """The areas a member may join: the virtual network's, then the pioneers', as the public sees them."""
    pioneers, network = pioneers_and_network(shown_q())
    return network, pioneers


def join_network(user) -> None:
    """A verified address makes someone a network member (a group with no admin access)."""
    network_members_group().user_set.add(user)


@transaction.atomic
def set_area(user, area: PioneerPage) -> list[str]:
    """Join the area; drafting for any other area ends (network.drafting): the names of those areas."""
    Membership.objects.update_or_create(user=user, defaults={"area": area})
    return leave_drafters(user, keep=area)


@transaction.atomic
def delete_member(user) -> None:
    """The account and everything kept about it: addresses, membership, the reuse records they made, their
    questions (a published exchange stays, its area's alone: models.keep_published_exchanges)."""
    user.delete()
