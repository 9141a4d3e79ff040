"""Hostile form bodies on the network's forms: asking a question, recording reuse, saving a search, choosing an
area and changing a saved search's frequency, each POSTed by a signed-in, verified member with an area.

The fields come from the forms' own declarations (each test checks its list against the form, so a new field
must be added here), and the bodies from the same strategy as the hostile query strings: valid values, hostile
text, raw bytes, broken escapes, unknown names. The property: never a 5xx, and an answer of 400 or more
writes nothing (no question, reuse record or saved search more or less, the area unchanged).
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.test import Client
from hypothesis import event, given, settings
from hypothesis import strategies as st

from network.forms import AreaForm, FrequencyForm, QuestionForm, ReuseForm, SaveSearchForm
from network.models import Membership, Question, ReuseRecord, SavedSearch
from tests.conftest import content_for_the_module
from tests.factories import make_barrier, make_case_study, make_pioneer, make_workaround
from tests.network.conftest import make_member

from .hostile_inputs import HOSTILE, QueryString, query_strings

pytestmark = pytest.mark.django_db

FORM_BODY = "application/x-www-form-urlencoded"


@dataclass(frozen=True)
class World:
    study_id: int
    workaround_id: int
    member_id: int
    saved_id: int


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with content_for_the_module(django_db_blocker, None):
        from casestudies.site_structure import ensure_site_structure

        ensure_site_structure()
        leeds = make_pioneer("Hostile Leeds")
        study = make_case_study(leeds, "One shared care record")
        workaround = make_workaround(study, [make_barrier(study, "Records in five systems")], "A read-only summary")
        norfolk = make_pioneer("West Norfolk", status="virtual-network")
        member = make_member("fuzz@norfolk.example.org", area=norfolk)
        saved = SavedSearch.objects.create(member=member, name="Records", query="q=records", token="f" * 64)
        yield World(study.pk, workaround.pk, member.pk, saved.pk)


@pytest.fixture
def member(world, settings) -> Client:
    settings.NETWORK_QUESTIONS_PER_HOUR = 0  # the limit has its own tests: here every body reaches the form
    client = Client()
    client.force_login(Membership.objects.get(user_id=world.member_id).user)
    return client


def snapshot(world: World) -> tuple:
    membership = Membership.objects.get(user_id=world.member_id)
    saved = SavedSearch.objects.get(pk=world.saved_id)
    return (
        Question.objects.count(),
        ReuseRecord.objects.count(),
        SavedSearch.objects.count(),
        membership.area_id,
        saved.frequency,
    )


def posted(client: Client, world: World, path: str, body: QueryString):
    before = snapshot(world)
    response = client.post(path, data=body.raw, content_type=FORM_BODY)
    event(f"{response.status_code}, {'all valid' if body.all_valid else 'some at fault'}")
    assert response.status_code < 500, (path, body)
    if response.status_code >= 400:
        assert snapshot(world) == before, (path, body, response.status_code)
    return response


def fields(form_class, schemas: dict) -> list[dict]:
    declared = set(form_class.base_fields)
    assert declared <= set(schemas), (
        f"{form_class.__name__} has fields this test does not fuzz: {declared - set(schemas)}"
    )
    return [{"name": name, "schema": schema} for name, schema in schemas.items()]


TEXT = {"type": "string"}
QUESTION = fields(QuestionForm, {"text": TEXT, "website": TEXT})
REUSE = fields(ReuseForm, {"note": TEXT, "website": TEXT, "action": {"enum": ["record", "withdraw"]}})
SAVE = fields(SaveSearchForm, {"query": TEXT, "name": TEXT, "frequency": {"enum": ["daily", "weekly"]}})
AREA = fields(AreaForm, {"area": {"type": "integer", "minimum": 0, "maximum": 40}})
FREQUENCY = fields(FrequencyForm, {"frequency": {"enum": ["daily", "weekly"]}})[0]["schema"]


@settings(HOSTILE, max_examples=150)
@given(body=query_strings(QUESTION))
def test_asking_a_question(member, world, body):
    posted(member, world, f"/network/questions/{world.workaround_id}/", body)


@settings(HOSTILE, max_examples=150)
@given(body=query_strings(REUSE))
def test_recording_reuse(member, world, body):
    posted(member, world, f"/network/reuse/{world.study_id}/", body)


@settings(HOSTILE, max_examples=150)
@given(body=query_strings(SAVE))
def test_saving_a_search(member, world, body):
    posted(member, world, "/network/saved-searches/", body)


@settings(HOSTILE, max_examples=100)
@given(body=query_strings(AREA))
def test_choosing_an_area(member, world, body):
    posted(member, world, "/account/", body)


@settings(HOSTILE, max_examples=100)
@given(data=st.data())
def test_changing_a_saved_searchs_frequency(member, world, data):
    # Each saved search's form on "Your account" is prefixed with its id: s<id>-frequency.
    body = data.draw(query_strings([{"name": f"s{world.saved_id}-frequency", "schema": FREQUENCY}]))
    posted(member, world, f"/network/saved-searches/{world.saved_id}/", body)
