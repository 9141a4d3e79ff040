"""Sign-up, email verification and sign-in end to end through the test client, the honeypot, allauth's rate
limits, and the rule that a network member never reaches the Wagtail admin."""

from __future__ import annotations

import re

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.cache import cache

from curation.roles import NETWORK_MEMBERS

from .conftest import PASSWORD, make_member

pytestmark = pytest.mark.django_db

EMAIL = "sam.patel@dorset.example.org"
CONFIRM_LINK = re.compile(r"http://testserver(/account/confirm-email/[^/\s]+/)")
RESET_LINK = re.compile(r"http://testserver(/account/password/reset/key/[^/\s]+/)")


def sign_up(client, email: str = EMAIL, **extra):
    data = {"email": email, "password1": PASSWORD, "password2": PASSWORD, **extra}
    return client.post("/account/signup/", data)


def test_sign_up_verify_and_sign_in(client):
    page = client.get("/account/signup/")
    assert page.status_code == 200
    html = page.content.decode()
    assert '<header class="nhsuk-header"' in html and "<h1>Create an account</h1>" in html
    assert '<label class="nhsuk-label" for="id_email">' in html
    assert 'style="' not in html  # allauth's own honeypot markup has one, which the CSP would refuse

    response = sign_up(client)
    assert response.status_code == 302 and response["Location"] == "/account/confirm-email/"
    user = get_user_model().objects.get(email=EMAIL)
    assert not EmailAddress.objects.get(user=user).verified
    assert not user.groups.exists()  # a member only once the address is confirmed

    # Mandatory verification: the password alone does not sign in.
    client.logout()
    refused = client.post("/account/login/", {"login": EMAIL, "password": PASSWORD})
    assert refused.status_code == 302 and refused["Location"] == "/account/confirm-email/"
    assert "_auth_user_id" not in client.session

    assert len(mail.outbox) == 1  # the refused sign-in sends no second link within the cooldown
    assert mail.outbox[0].to == [EMAIL] and mail.outbox[0].subject.startswith("Pioneer Exchange: ")
    path = CONFIRM_LINK.search(mail.outbox[-1].body).group(1)
    confirm_page = client.get(path)
    assert confirm_page.status_code == 200 and 'method="post"' in confirm_page.content.decode()
    assert not EmailAddress.objects.get(user=user).verified  # a GET (a mail scanner) confirms nothing
    confirmed = client.post(path)
    assert confirmed.status_code == 302
    assert EmailAddress.objects.get(user=user).verified
    assert list(user.groups.values_list("name", flat=True)) == [NETWORK_MEMBERS]

    signed_in = client.post("/account/login/", {"login": EMAIL, "password": PASSWORD})
    assert signed_in.status_code == 302 and signed_in["Location"] == "/account/"
    account = client.get("/account/")
    assert account.status_code == 200 and "Choose your area" in account.content.decode()


def test_a_bot_filling_the_honeypot_is_told_all_went_well_and_nothing_is_made(client):
    response = sign_up(client, "bot@spam.example.com", website="http://cheap-pills.example.com")
    # The same answer as a person gets, so the bot learns nothing; but no account and no email.
    assert response.status_code == 302 and response["Location"] == "/account/confirm-email/"
    assert not get_user_model().objects.filter(email="bot@spam.example.com").exists()
    assert mail.outbox == []
    # The control: the same form without the honeypot makes the account (so the test above can fail).
    sign_up(client, "person@dorset.example.org")
    assert get_user_model().objects.filter(email="person@dorset.example.org").exists()


def test_a_verified_member_is_refused_the_admin(client):
    member = make_member("verified@norfolk.example.org")
    group = Group.objects.get(name=NETWORK_MEMBERS)
    assert not group.permissions.exists()  # the migration's group grants nothing
    assert not member.has_perm("wagtailadmin.access_admin")
    client.force_login(member)
    for url in ("/admin/", "/admin/pages/", "/admin/network/reuse/"):
        response = client.get(url)
        assert response.status_code in {302, 403}, url
        if response.status_code == 302:
            assert response["Location"].startswith("/admin/login/"), url
    # The control: the same member given admin access by a curator does reach it.
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    member = get_user_model().objects.get(pk=member.pk)  # no cached permissions
    client.force_login(member)
    assert client.get("/admin/").status_code == 200


def test_password_reset_by_email(client):
    make_member(EMAIL)
    assert client.get("/account/password/reset/").status_code == 200
    response = client.post("/account/password/reset/", {"email": EMAIL})
    assert response.status_code == 302
    path = RESET_LINK.search(mail.outbox[-1].body).group(1)
    form_page = client.get(path, follow=True)
    assert form_page.status_code == 200 and '<header class="nhsuk-header"' in form_page.content.decode()
    new_password = "another-long-unusual-passphrase-7"
    done = client.post(form_page.redirect_chain[-1][0], {"password1": new_password, "password2": new_password})
    assert done.status_code == 302
    client.logout()
    signed_in = client.post("/account/login/", {"login": EMAIL, "password": new_password})
    assert signed_in.status_code == 302 and signed_in["Location"] == "/account/"


def test_the_sign_in_form_shows_its_error_in_the_design_systems_summary(client):
    response = client.post("/account/login/", {"login": EMAIL, "password": "wrong"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="nhsuk-error-summary"' in html and "<h1>Sign in</h1>" in html


def test_the_confirmation_pages_speak_plainly_and_a_broken_link_says_what_to_do(client):
    sent = client.get("/account/confirm-email/")
    assert sent.status_code == 200 and "<h1>Check your email</h1>" in sent.content.decode()
    broken = client.get("/account/confirm-email/not-a-real-key/")
    html = broken.content.decode()
    assert broken.status_code == 200  # allauth's answer for an unknown key: the page explains
    assert "This link has expired or does not work" in html and 'method="post"' not in html


# --- allauth's rate limits (docs/network.md, "Abuse and privacy") -----------------------------------------


@pytest.fixture
def fresh_limits():
    """allauth counts in the default cache: a fresh count for the test, and none left for the next."""
    cache.clear()
    yield
    cache.clear()


def test_past_twenty_sign_ups_a_minute_from_one_address_the_portal_answers_429(client, fresh_limits):
    for number in range(20):
        assert sign_up(client, f"person{number}@dorset.example.org").status_code == 302, number
    refused = sign_up(client, "one-too-many@dorset.example.org")
    assert refused.status_code == 429
    html = refused.content.decode()
    assert "<h1>Too many attempts</h1>" in html and 'class="nhsuk-header"' in html
    assert not get_user_model().objects.filter(email="one-too-many@dorset.example.org").exists()
    # Another address is counted on its own.
    data = {"email": "neighbour@dorset.example.org", "password1": PASSWORD, "password2": PASSWORD}
    assert client.post("/account/signup/", data, REMOTE_ADDR="10.9.9.9").status_code == 302


def test_five_failed_sign_ins_lock_the_account_for_a_while(client, fresh_limits):
    make_member(EMAIL)
    for _ in range(5):
        client.post("/account/login/", {"login": EMAIL, "password": "wrong"}, REMOTE_ADDR="10.0.0.1")
    # Even the right password, from another address, is refused now.
    locked = client.post("/account/login/", {"login": EMAIL, "password": PASSWORD}, REMOTE_ADDR="10.0.0.2")
    assert locked.status_code == 200 and "Too many failed login attempts" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    # The control: another account signs in from the same addresses.
    make_member("other@dorset.example.org")
    signed_in = client.post("/account/login/", {"login": "other@dorset.example.org", "password": PASSWORD})
    assert signed_in.status_code == 302 and "_auth_user_id" in client.session


def test_five_password_reset_requests_a_minute_per_address(client, fresh_limits):
    make_member(EMAIL)
    for _ in range(6):
        client.post("/account/password/reset/", {"email": EMAIL})
    assert len(mail.outbox) == 5
