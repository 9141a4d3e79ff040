"""A network area, a pioneer with a workaround and case study, and members at each stage of signing up."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from casestudies.models import CaseStudyPage, PioneerPage, WorkaroundPage
from casestudies.site_structure import ensure_site_structure
from network.membership import join_network, set_area
from tests.factories import make_barrier, make_case_study, make_pioneer, make_workaround

PASSWORD = "a-long-and-unusual-passphrase-42"


@dataclass
class Exchange:
    pioneer: PioneerPage
    study: CaseStudyPage
    workaround: WorkaroundPage
    norfolk: PioneerPage  # a virtual-network area
    dorset: PioneerPage  # another


@pytest.fixture
def exchange(db) -> Exchange:
    ensure_site_structure()
    pioneer = make_pioneer("Network Leeds")
    study = make_case_study(pioneer, "One shared care record")
    barrier = make_barrier(study, "Records in five systems")
    workaround = make_workaround(study, [barrier], "A read-only summary for the hub")
    norfolk = make_pioneer("West Norfolk", status="virtual-network")
    dorset = make_pioneer("Dorset", status="virtual-network", region="south")
    return Exchange(pioneer, study, workaround, norfolk, dorset)


def make_member(email: str, *, verified: bool = True, area: PioneerPage | None = None):
    """An account as sign-up and verification leave it (the journey itself is tested in test_signup)."""
    user = get_user_model().objects.create_user(username=email.split("@")[0], email=email, password=PASSWORD)
    EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
    if verified:
        join_network(user)
    if area is not None:
        set_area(user, area)
    return user


@pytest.fixture
def norfolk_member(exchange):
    return make_member("jo.bloggs@norfolk.example.org", area=exchange.norfolk)


@pytest.fixture
def member_client(client, norfolk_member):
    client.force_login(norfolk_member)
    return client
