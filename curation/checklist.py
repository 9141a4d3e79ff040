"""What a case study needs before it goes to the curators: one list, used by the admin form
(submission is refused until it is complete), the edit form's reminder and the preview notice."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from casestudies.models import BarrierPage, CaseStudyPage


@dataclass(frozen=True)
class Draft:
    """The facts the checklist looks at, from a saved page or from a form being submitted."""

    summary: str
    themes: int
    outcomes: int
    barriers: int
    contact: str
    no_patient_data: bool


@dataclass(frozen=True)
class Item:
    needs: str  # completes "it still needs ..."
    met: Callable[[Draft], bool]


CHECKLIST: tuple[Item, ...] = (
    Item("a summary", lambda draft: bool(draft.summary.strip())),
    Item("at least one theme", lambda draft: draft.themes > 0),
    Item("at least one barrier or outcome", lambda draft: draft.barriers + draft.outcomes > 0),
    Item("a contact (a name or an email address)", lambda draft: bool(draft.contact.strip())),
    Item(
        "the author's confirmation that it holds no patient-identifiable information",
        lambda draft: draft.no_patient_data,
    ),
)


def gaps(draft: Draft) -> list[str]:
    """What the case study still needs, in checklist order; empty when it may be submitted."""
    return [item.needs for item in CHECKLIST if not item.met(draft)]


def barrier_count(study: CaseStudyPage) -> int:
    """Barriers under the case study, drafts included: they go to the curators alongside it."""
    return BarrierPage.objects.child_of(study).count() if study.pk else 0


def draft_of(study: CaseStudyPage) -> Draft:
    """The facts of a page instance: saved, or built from the form for a preview (its themes and
    outcomes are then held in memory by the page's cluster)."""
    return Draft(
        summary=study.summary or "",
        themes=len(study.themes.all()),
        outcomes=len(study.outcomes.all()),
        barriers=barrier_count(study),
        contact=f"{study.contact_name}{study.contact_email}",
        no_patient_data=study.no_patient_data,
    )
