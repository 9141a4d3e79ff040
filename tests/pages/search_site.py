"""A small published corpus for the search page's tests, indexed by whichever engine is configured."""

from __future__ import annotations

from datetime import date

from tests.factories import indexed_together, make_barrier, make_case_study, make_pioneer, make_workaround

# Two pioneers' case studies as (pioneer, title, summary, narrative, themes, care group, published, tags).
STUDIES = (
    (
        "Leeds",
        "A shared record between council and NHS",
        "Leeds joined up GP, hospital and council records so people could see their own information.",
        "Information governance leads agreed one data sharing agreement for every partner.",
        ("shared-records-and-information-sharing", "digital-access-for-patients"),
        "long-term-conditions",
        date(2015, 3, 1),
        ("records", "consent", "portal", "gp-access", "council", "hospital", "agreements", "online"),
    ),
    (
        "Greenwich",
        "Multidisciplinary teams that respond within 24 hours",
        "Nurses, therapists and social workers in multidisciplinary teams visit people at home.",
        "The teams avoided accident and emergency visits for frail older people.",
        ("multidisciplinary-teams", "rapid-community-response"),
        "frail-older-people",
        date(2016, 5, 1),
        ("rapid-response",),
    ),
)


def build_corpus() -> dict:
    """The pages, indexed together when they are all published."""
    with indexed_together():
        return _publish()


def _publish() -> dict:
    pages = {}
    for name, title, summary, narrative, themes, care_group, published, tags in STUDIES:
        pioneer = make_pioneer(name, region="north")
        pages[name.lower()] = pioneer
        pages[name.lower() + "_study"] = make_case_study(
            pioneer, title, summary=summary, narrative=narrative, themes=themes,
            care_groups=(care_group,), published=published, tags=tags,
        )  # fmt: skip
    pages["shared"], pages["teams"] = pages.pop("leeds_study"), pages.pop("greenwich_study")
    pages["faxes"] = make_barrier(
        pages["shared"],
        "Referral forms sent by fax",
        description="Referrals still went by fax, and half the forms were illegible. Staff phoned to check each one.",
    )
    make_workaround(
        pages["shared"],
        [pages["faxes"]],
        "One data sharing agreement signed once",
        description="The partners wrote one agreement for direct care and signed it once, replacing the fax.",
    )
    make_barrier(
        pages["teams"],
        "Payment by results kept money in the hospital",
        category="payment-mechanisms",
        description="Every admission avoided cut the hospital's income under the national tariff.",
    )
    return pages
