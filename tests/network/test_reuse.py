""" "We reused this": recording, updating and withdrawing, the public count, and everyone else told what to do."""

from __future__ import annotations

import pytest
from django.core.cache import caches
from django.test import Client

from network.models import ReuseRecord
from network.reuse import record_reuse
from portal.security import ratelimit

from .conftest import make_member

pytestmark = pytest.mark.django_db

NOTE = "Took us four months; our GP federation signed the same agreement."


def reuse_url(page) -> str:
    return f"/network/reuse/{page.pk}/"


def test_anonymous_readers_see_the_count_and_a_sign_in_link_not_the_form(client, exchange):
    html = client.get(exchange.workaround.url).content.decode()
    assert "No area has recorded reusing this yet." in html
    assert "Sign in to record that your area reused this" in html
    assert f'action="{reuse_url(exchange.workaround)}"' not in html
    response = client.post(reuse_url(exchange.workaround), {"note": NOTE})
    assert response.status_code == 302 and response["Location"].startswith("/account/login/?next=")
    assert not ReuseRecord.objects.exists()


def test_record_update_and_withdraw(member_client, exchange, norfolk_member):
    page = exchange.workaround
    assert f'action="{reuse_url(page)}"' in member_client.get(page.url).content.decode()

    response = member_client.post(reuse_url(page), {"action": "record", "note": NOTE})
    assert response.status_code == 302 and response["Location"] == f"{page.url}#reuse"
    record = ReuseRecord.objects.get()
    assert (record.area, record.page_id, record.note) == (exchange.norfolk, page.pk, NOTE)
    assert record.recorded_by == norfolk_member
    html = member_client.get(page.url).content.decode()
    assert "Reused by 1 area</strong>" in html and ">West Norfolk</a>" in html
    assert "West Norfolk is recorded as reusing this." in html

    # Recording again updates the one record of the area.
    member_client.post(reuse_url(page), {"action": "record", "note": "Now in every practice."})
    assert ReuseRecord.objects.get().note == "Now in every practice."
    assert ReuseRecord.objects.count() == 1

    # Another area's member: two areas, counted once each.
    other = make_member("kim@dorset.example.org", area=exchange.dorset)
    dorset_client = Client()
    dorset_client.force_login(other)
    dorset_client.post(reuse_url(page), {"action": "record", "note": ""})
    html = Client().get(page.url).content.decode()
    assert "Reused by 2 areas</strong>" in html and ">Dorset</a>, <a" in html

    response = member_client.post(reuse_url(page), {"action": "withdraw"})
    assert response.status_code == 302
    assert list(ReuseRecord.objects.values_list("area__title", flat=True)) == ["Dorset"]
    assert "Reused by 1 area</strong>" in Client().get(page.url).content.decode()


def test_a_case_study_can_be_recorded_too(member_client, exchange):
    member_client.post(reuse_url(exchange.study), {"action": "record"})
    assert "Reused by 1 area</strong>" in Client().get(exchange.study.url).content.decode()


def test_the_note_is_never_shown_publicly_nor_who_recorded_it(member_client, exchange, norfolk_member):
    member_client.post(reuse_url(exchange.workaround), {"action": "record", "note": NOTE})
    other_area = Client()
    other_area.force_login(make_member("kim@dorset.example.org", area=exchange.dorset))
    for client in (Client(), other_area):
        html = client.get(exchange.workaround.url).content.decode()
        assert "West Norfolk" in html  # the area's name is public (so the checks below could fail)
        for private in (NOTE, norfolk_member.email, norfolk_member.username, "norfolk.example.org"):
            assert private not in html, private
    # The member who recorded it sees the note only in the box that edits it.
    own = member_client.get(exchange.workaround.url).content.decode()
    assert own.count(NOTE) == 1 and f"{NOTE}</textarea>" in own


def test_a_note_over_1000_characters_is_a_400_and_nothing_is_written(member_client, exchange):
    response = member_client.post(reuse_url(exchange.workaround), {"action": "record", "note": "x" * 1001})
    assert response.status_code == 400
    assert 'class="nhsuk-error-summary"' in response.content.decode()
    assert not ReuseRecord.objects.exists()
    ok = member_client.post(reuse_url(exchange.workaround), {"action": "record", "note": "x" * 1000})
    assert ok.status_code == 302 and ReuseRecord.objects.get().note == "x" * 1000


def test_unverified_and_area_less_members_are_told_what_to_do(client, exchange):
    unverified = make_member("new@norfolk.example.org", verified=False, area=exchange.norfolk)
    area_less = make_member("no-area@norfolk.example.org")
    for user, advice in ((unverified, "Confirm your email address"), (area_less, "Choose your area")):
        client.force_login(user)
        page_html = client.get(exchange.workaround.url).content.decode()
        assert advice in page_html and f'action="{reuse_url(exchange.workaround)}"' not in page_html
        response = client.post(reuse_url(exchange.workaround), {"action": "record", "note": NOTE}, follow=True)
        assert response.redirect_chain == [("/account/", 302)]
        assert response.status_code == 200 and advice in response.content.decode()
    assert not ReuseRecord.objects.exists()


def test_only_public_case_studies_and_workarounds_take_a_record(member_client, exchange):
    barrier = exchange.workaround.barriers().get()
    for page_id in (barrier.pk, exchange.pioneer.pk, 999_999):
        assert member_client.post(f"/network/reuse/{page_id}/", {"action": "record"}).status_code == 404
    assert member_client.get(reuse_url(exchange.workaround)).status_code == 405
    exchange.workaround.unpublish()
    assert member_client.post(reuse_url(exchange.workaround), {"action": "record"}).status_code == 404
    assert not ReuseRecord.objects.exists()


def test_the_form_needs_the_csrf_token(exchange, norfolk_member):
    client = Client(enforce_csrf_checks=True)
    client.force_login(norfolk_member)
    assert client.post(reuse_url(exchange.workaround), {"action": "record"}).status_code == 403
    assert not ReuseRecord.objects.exists()
    # The control: with the token the page's form carries, the same post is recorded.
    client.get(exchange.workaround.url)
    token = client.cookies["csrftoken"].value
    response = client.post(reuse_url(exchange.workaround), {"action": "record", "csrfmiddlewaretoken": token})
    assert response.status_code == 302 and ReuseRecord.objects.count() == 1


def test_a_preview_of_a_page_never_saved_shows_no_panel(rf, exchange, norfolk_member):
    """Wagtail previews a new page before it has an id: the panel must not try to build its form's address."""
    from django.template import Context, Template

    from casestudies.models import WorkaroundPage

    request = rf.get("/")
    request.user = norfolk_member  # a member ready to record: the form would be shown
    template = Template("{% load network_tags %}{% reuse_panel page %}")
    saved = template.render(Context({"request": request, "page": exchange.workaround}))
    assert 'id="reuse"' in saved and f'action="{reuse_url(exchange.workaround)}"' in saved
    unsaved = template.render(Context({"request": request, "page": WorkaroundPage(title="New", description="x")}))
    assert 'id="reuse"' not in unsaved


def test_an_area_cannot_record_reusing_its_own_work(client, exchange):
    author_area_member = make_member("lee@leeds.example.org", area=exchange.pioneer)
    client.force_login(author_area_member)
    html = client.get(exchange.workaround.url).content.decode()
    assert "This is Network Leeds's own work" in html and f'action="{reuse_url(exchange.workaround)}"' not in html
    refused = client.post(reuse_url(exchange.workaround), {"action": "record"})
    assert refused.status_code == 400 and refused["Content-Type"].startswith("text/plain")
    assert not ReuseRecord.objects.exists()


# --- the rate limit ------------------------------------------------------------------------------------------


@pytest.fixture
def reuse_limit(settings):
    """Turns the reuse limit on (the test settings leave it off); fresh counters before and after."""
    caches["ratelimit"].clear()

    def turn_on(limit: int) -> None:
        settings.REUSE_RATE_LIMIT = limit

    yield turn_on
    caches["ratelimit"].clear()


def test_past_the_hourly_limit_a_member_gets_429_and_nothing_is_written(
    member_client, exchange, norfolk_member, reuse_limit, monkeypatch
):
    reuse_limit(2)
    clock = [1_000 * 3600 + 600.0]  # ten minutes into an hour
    monkeypatch.setattr(ratelimit.time, "time", lambda: clock[0])
    page = exchange.workaround
    assert member_client.post(reuse_url(page), {"action": "record", "note": "First."}).status_code == 302
    assert member_client.post(reuse_url(page), {"action": "withdraw"}).status_code == 302  # withdrawing counts too
    refused = member_client.post(reuse_url(page), {"action": "record", "note": "Third."})
    assert refused.status_code == 429 and refused["Retry-After"] == "3000"
    html = refused.content.decode()
    assert "<h1>Too many reuse records</h1>" in html and 'class="nhsuk-header"' in html
    assert "Nothing was recorded" in html and "Try again in 3000 seconds" in html
    assert not ReuseRecord.objects.exists()

    # Another member's count is their own.
    other = make_member("kim@dorset.example.org", area=exchange.dorset)
    dorset_client = Client()
    dorset_client.force_login(other)
    assert dorset_client.post(reuse_url(page), {"action": "record"}).status_code == 302
    assert list(ReuseRecord.objects.values_list("area__title", flat=True)) == ["Dorset"]

    # The next hour starts a new count.
    clock[0] += 3000
    assert member_client.post(reuse_url(page), {"action": "record", "note": "Third."}).status_code == 302
    assert ReuseRecord.objects.filter(area=exchange.norfolk, note="Third.").exists()


def test_the_reuse_limit_is_off_at_zero(member_client, exchange, reuse_limit):
    reuse_limit(0)
    for _ in range(3):
        assert member_client.post(reuse_url(exchange.workaround), {"action": "record"}).status_code == 302
    assert not caches["ratelimit"]._cache  # nothing counted at all


def test_area_pages_show_what_the_area_reused_and_whose_work_travelled(exchange, norfolk_member):
    assert "area-reuse-heading" not in Client().get(exchange.pioneer.url).content.decode()  # nothing yet: no section
    record_reuse(exchange.norfolk, exchange.workaround, norfolk_member, "A private note")
    dorset_member = make_member("kim@dorset.example.org", area=exchange.dorset)
    record_reuse(exchange.dorset, exchange.workaround, dorset_member, "")
    record_reuse(exchange.dorset, exchange.study, dorset_member, "")

    norfolk_page = Client().get(exchange.norfolk.url).content.decode()
    assert "What West Norfolk reused from others" in norfolk_page
    assert f'<a href="{exchange.workaround.url}">{exchange.workaround.title}</a>' in norfolk_page
    assert exchange.study.title not in norfolk_page and "A private note" not in norfolk_page

    pioneer_page = Client().get(exchange.pioneer.url).content.decode()
    travelled = pioneer_page[pioneer_page.index("work reused by other areas") :]
    assert f"{exchange.workaround.title}</a>: reused by 2 areas" in travelled
    assert f"{exchange.study.title}</a>: reused by 1 area<" in travelled
    assert travelled.index(exchange.workaround.title) < travelled.index(exchange.study.title)  # most reused first

    exchange.dorset.unpublish()  # an area the public cannot see is not counted
    pioneer_page = Client().get(exchange.pioneer.url).content.decode()
    assert f"{exchange.workaround.title}</a>: reused by 1 area<" in pioneer_page
    assert f"{exchange.study.title}</a>: reused by" not in pioneer_page


def test_a_bot_filling_the_honeypot_is_sent_back_as_a_person_and_nothing_is_recorded(member_client, exchange):
    page = member_client.get(exchange.workaround.url).content.decode()
    panel = page[page.index('id="reuse"') :]
    assert '<div class="network-honeypot">' in panel and 'name="website"' in panel  # hidden by the stylesheet
    url = f"/network/reuse/{exchange.workaround.pk}/"
    bot = member_client.post(url, {"action": "record", "note": "Buy now", "website": "http://spam.example.com"})
    assert bot.status_code == 302 and bot["Location"] == f"{exchange.workaround.url}#reuse"
    assert not ReuseRecord.objects.exists()
    person = member_client.post(url, {"action": "record", "note": "Went well.", "website": ""})  # the control
    assert person.status_code == 302 and ReuseRecord.objects.get().note == "Went well."


def test_a_page_works_out_where_the_member_stands_once_for_both_panels(member_client, exchange, monkeypatch):
    from network import membership

    calls = []
    real = membership.standing_of
    monkeypatch.setattr(membership, "standing_of", lambda user: calls.append(user.pk) or real(user))
    html = member_client.get(exchange.workaround.url).content.decode()
    assert 'id="reuse"' in html and 'id="questions"' in html  # both panels, each showing the member's forms
    assert "We reused this" in html and "Send your question" in html
    assert len(calls) == 1
