"""Two pioneers with content, an author of the first, a curator, and clients logged in as each."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from casestudies.models import BarrierPage, CaseStudyPage, PioneerPage, WorkaroundBarrier, WorkaroundPage
from casestudies.site_structure import ensure_site_structure
from curation.roles import CURATORS
from tests.factories import committed, make_barrier, make_case_study, make_pioneer, make_workaround
from themes.models import BarrierCategory

PASSWORD = "correct-horse-battery-staple"
SECRET = "Quokkaville"  # only ever in drafts: it must show up nowhere an outsider can look


def draft(parent, page):
    """A page saved as a draft (never published), as the admin's "Save draft" leaves it."""
    page.live = False
    with committed():
        parent.add_child(instance=page)
        page.save_revision()
    return page


@dataclass
class Corner:
    """One pioneer's pages: live ones of each type, and never-published drafts of each type."""

    pioneer: PioneerPage
    study: CaseStudyPage
    barrier: BarrierPage
    workaround: WorkaroundPage
    draft_study: CaseStudyPage
    draft_barrier: BarrierPage
    draft_workaround: WorkaroundPage

    def live(self, kind: str):
        return {"pioneer": self.pioneer, "case study": self.study, "barrier": self.barrier}.get(kind, self.workaround)

    def drafts(self):
        return [self.draft_study, self.draft_barrier, self.draft_workaround]


def make_corner(name: str, region: str, secret: str = "") -> Corner:
    pioneer = make_pioneer(name, region=region)
    study = make_case_study(pioneer, f"{name} neighbourhood teams", themes=("multidisciplinary-teams",))
    barrier = make_barrier(study, f"{name} consent rules")
    workaround = make_workaround(study, [barrier], f"{name} one data sharing agreement")
    label = f"{secret} {name}".strip()
    draft_study = draft(
        pioneer, CaseStudyPage(title=f"{label} unannounced pilot", summary="Not ready.", narrative="Draft.")
    )
    category = BarrierCategory.objects.get(slug="information-governance")
    draft_barrier = draft(study, BarrierPage(title=f"{label} draft barrier", description="Draft.", category=category))
    draft_workaround = WorkaroundPage(title=f"{label} draft workaround", description="Draft.")
    draft_workaround.barrier_links = [WorkaroundBarrier(barrier=barrier)]
    draft(study, draft_workaround)
    return Corner(pioneer, study, barrier, workaround, draft_study, draft_barrier, draft_workaround)


@pytest.fixture
def site(db):
    return ensure_site_structure()


@pytest.fixture
def leeds(site) -> Corner:
    return make_corner("Leeds", "north")


@pytest.fixture
def kent(site) -> Corner:
    """The other pioneer, whose drafts carry the secret word."""
    return make_corner("Kent", "south", secret=SECRET)


def make_user(username: str, *groups: Group):
    user = get_user_model().objects.create_user(username, f"{username}@example.org", PASSWORD)
    user.groups.add(*groups)
    return user


@pytest.fixture
def leeds_author(leeds):
    return make_user("leeds-author", leeds.pioneer.authors_role.group)


@pytest.fixture
def kent_author(kent):
    return make_user("kent-author", kent.pioneer.authors_role.group)


@pytest.fixture
def curator(site):
    return make_user("curator", Group.objects.get(name=CURATORS))


def client_for(client_class, user):
    client = client_class()
    client.force_login(user)
    return client


@pytest.fixture
def author_client(client, leeds_author):
    client.force_login(leeds_author)
    return client


@pytest.fixture
def curator_client(curator):
    from django.test import Client

    return client_for(Client, curator)
