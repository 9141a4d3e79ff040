"""Everything the portal keeps about a member, as one JSON document: "Download your data" on "Your account".

Each part of the portal that keeps something about members registers a section:
`register("questions", collect)`, where `collect(user)` returns what is kept about
that user, as JSON-ready values (dates and datetimes are written as ISO 8601).
Sections appear in the order they were registered; a name registered twice is
an error, so two parts cannot silently replace each other's section.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from allauth.account.models import EmailAddress
from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone
from wagtail.models import Page

from curation.roles import areas_drafted_for

from .models import Membership, ReuseRecord, SavedSearch
from .questions import questions_of

FORMAT = "pioneer-exchange-personal-data/1"

Collector = Callable[[Any], Any]
_sections: dict[str, Collector] = {}


def register(name: str, collect: Collector) -> None:
    if name in _sections or name in {"format", "generated_at"}:
        raise ImproperlyConfigured(f"A personal data section named {name!r} is already registered.")
    _sections[name] = collect


def personal_data(user) -> dict[str, Any]:
    """The member's data, every registered section in turn."""
    data: dict[str, Any] = {"format": FORMAT, "generated_at": timezone.now()}
    for name, collect in _sections.items():
        data[name] = collect(user)
    return data


def _account(user) -> dict[str, Any]:
    addresses = EmailAddress.objects.filter(user=user).order_by("-primary", "email")
    return {
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary} for address in addresses
        ],
        "date_joined": user.date_joined,
        "last_login": user.last_login,
    }


def _membership(user) -> dict[str, Any]:
    membership = Membership.objects.filter(user=user).select_related("area").first()
    area = membership.area if membership else None
    return {
        "area": {"id": area.pk, "title": area.title} if area else None,
        "joined_area_at": membership.joined_at if membership else None,
        "may_draft_for": [{"id": page.pk, "title": page.title} for page in areas_drafted_for(user)],
    }


def _reuse_records(user) -> list[dict[str, Any]]:
    records = ReuseRecord.objects.filter(recorded_by=user).select_related("area", "page").order_by("created_at")
    return [
        {
            "area": record.area.title,
            "page": {"id": record.page_id, "title": record.page.title, "url": record.page.full_url},
            "note": record.note,
            "created_at": record.created_at,
            "updated_at": record.updated_at,
        }
        for record in records
    ]


def _saved_searches(user) -> list[dict[str, Any]]:
    return [
        {
            "name": saved.name,
            "query": saved.query,
            "frequency": saved.frequency,
            "created_at": saved.created_at,
            "last_sent_at": saved.last_sent_at,
        }
        for saved in SavedSearch.objects.filter(member=user)
    ]


def _questions(user) -> list[dict[str, Any]]:
    """The questions the member asked pioneers, with the answers and whether a curator published them."""
    return [
        {
            "page": {"id": question.page_id, "title": question.page.title, "url": question.page.full_url},
            "area": question.area.title if question.area else None,
            "text": question.text,
            "asked_at": question.created_at,
            "answer": question.answer,
            "answered_at": question.answered_at,
            "published": question.published,
            "published_at": question.published_at,
        }
        for question in questions_of(user).select_related("area")
    ]


def _pages_drafted(user) -> list[dict[str, Any]]:
    """Pages the member made in the admin as a drafter (Wagtail records their owner)."""
    pages = Page.objects.filter(owner=user).order_by("pk")
    return [{"id": page.pk, "title": page.title, "live": page.live} for page in pages]


register("account", _account)
register("membership", _membership)
register("reuse_records", _reuse_records)
register("saved_searches", _saved_searches)
register("questions", _questions)
register("pages_drafted", _pages_drafted)
