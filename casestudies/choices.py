"""Fixed vocabularies of the content model (values stored, labels shown)."""

from django.db import models


class ProgrammeStatus(models.TextChoices):
    PIONEER = "pioneer", "Integrated care pioneer"
    UNDER_REVIEW = "under-review", "Pioneer, under review"
    STATUS_WITHDRAWN = "withdrawn", "Pioneer status withdrawn"
    VIRTUAL_NETWORK = "virtual-network", "Virtual network area"


class BarrierStatus(models.TextChoices):
    OVERCOME = "overcome", "Overcome"
    PARTLY_OVERCOME = "partly-overcome", "Partly overcome"
    ONGOING = "ongoing", "Ongoing"
    ESCALATED = "escalated", "Escalated nationally"


class Effectiveness(models.TextChoices):
    WORKED_WELL = "worked-well", "Worked well"
    PARTLY_WORKED = "partly-worked", "Partly worked"
    TOO_EARLY = "too-early", "Too early to tell"
    DID_NOT_WORK = "did-not-work", "Did not work"


class Requirement(models.TextChoices):
    LOCAL_ONLY = "local", "Local agreement only"
    NATIONAL_FLEXIBILITY = "national-flexibility", "A national flexibility"
    NATIONAL_GUIDANCE = "national-guidance", "National guidance or support"
    FUNDING = "funding", "Extra or pooled funding"
    LEGAL_CHANGE = "legal-change", "A change in law or regulation"


class OutcomeMeasure(models.TextChoices):
    EMERGENCY_ADMISSIONS_AVOIDED = "emergency-admissions-avoided", "Emergency admissions avoided"
    DELAYED_DISCHARGES = "delayed-discharges", "Delayed discharges"
    LENGTH_OF_STAY = "length-of-stay", "Length of stay"
    CARE_HOME_ADMISSIONS = "care-home-admissions", "Care home admissions"
    FALLS_AND_INJURIES = "falls-and-injuries", "Falls and injuries in the over-65s"
    PATIENT_EXPERIENCE = "patient-experience", "Patient experience"
    COST_SAVINGS = "cost-savings", "Cost savings (£)"


class EvidenceStrength(models.TextChoices):
    ANECDOTAL = "anecdotal", "Anecdotal"
    LOCAL_MONITORING = "local-monitoring", "Local monitoring"
    BEFORE_AND_AFTER = "before-and-after", "Before-and-after comparison"
    CONTROLLED = "controlled", "Controlled comparison"
    INDEPENDENT = "independent", "Independent evaluation"


# The design system's tag colour for each status and effectiveness value: the tag's text says the same,
# so the colour only reinforces it.
TAG_COLOURS = {
    BarrierStatus.OVERCOME: "green",
    BarrierStatus.PARTLY_OVERCOME: "yellow",
    BarrierStatus.ONGOING: "orange",
    BarrierStatus.ESCALATED: "red",
    Effectiveness.WORKED_WELL: "green",
    Effectiveness.PARTLY_WORKED: "yellow",
    Effectiveness.TOO_EARLY: "grey",
    Effectiveness.DID_NOT_WORK: "red",
}
