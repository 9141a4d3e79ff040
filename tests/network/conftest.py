"""A network area, a pioneer with a workaround and case study, and members at each stage of signing up."""

from __future__ import annotations

import email
import socket
from dataclasses import dataclass
from email.message import EmailMessage
from email.policy import default as default_policy

import pytest
from aiosmtpd.controller import Controller
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


# --- a real SMTP server (aiosmtpd) for the email tests --------------------------------------------------------


class Collector:
    """An SMTP handler that keeps every message it is given."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        self.messages.append(email.message_from_bytes(envelope.content, policy=default_policy))
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def smtp_server():
    collector = Collector()
    controller = Controller(collector, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller
    controller.stop()


@pytest.fixture
def inbox(smtp_server, settings) -> list[EmailMessage]:
    """Django's SMTP backend pointed at the local server; the list of what it received in this test."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = smtp_server.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.WAGTAILADMIN_BASE_URL = "https://exchange.example.org"
    smtp_server.handler.messages.clear()
    return smtp_server.handler.messages
