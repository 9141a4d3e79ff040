"""The page tree: Home → Pioneers → pioneer → case study → its barriers and workarounds.

Ownership follows the tree, so permissions granted on a pioneer's page cover
that pioneer's case studies, barriers and workarounds and nothing else.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.documents import get_document_model_string
from wagtail.models import Orderable, Page
from wagtail.search import index

from .choices import (
    BarrierStatus,
    Effectiveness,
    EvidenceStrength,
    OutcomeMeasure,
    ProgrammeStatus,
    Requirement,
)
from .forms import WorkaroundForm
from .markdown import markdown_to_text
from .visibility import PublicSubtreeMixin, shown_q, visible

DOCUMENTS_HELP = "Documents others can reuse, such as data sharing agreements, business cases or job descriptions."
MARKDOWN_HELP = "Markdown: blank lines between paragraphs, ## for headings, - for lists, [text](link) for links."
META_DESCRIPTION_LENGTH = 160
LATEST_ON_HOME = 6


def meta_description(text: str) -> str:
    """Text for <meta name="description">: one line, cut at a word boundary near 160 characters.

    The base template prefers an editor's own "search description" (Promote tab) to this.
    """
    text = " ".join((text or "").split())
    if len(text) <= META_DESCRIPTION_LENGTH:
        return text
    return text[: META_DESCRIPTION_LENGTH - 1].rsplit(" ", 1)[0].rstrip(",;:.") + "…"


def distinct_contacts(studies) -> list:
    """The case studies that name a contact, one for each different contact, in the order given."""
    seen, contacts = set(), []
    for study in studies:
        key = (study.contact_name, study.contact_role, study.contact_email.lower())
        if any(key) and key not in seen:
            seen.add(key)
            contacts.append(study)
    return contacts


class HomePage(PublicSubtreeMixin, Page):
    intro = models.TextField(blank=True, help_text="A sentence or two shown at the top of the home page.")

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["casestudies.PioneerIndexPage"]
    max_count = 1

    def meta_description(self) -> str:
        return meta_description(self.intro)

    def get_context(self, request, *args, **kwargs):
        from . import browse  # it reads the page types defined below

        context = super().get_context(request, *args, **kwargs)
        shown = shown_q()
        context["pioneer_index"] = visible(PioneerIndexPage.objects.all(), shown).first()
        context["themes"] = browse.themes_with_counts(shown)
        context["barrier_categories"] = browse.categories_with_counts(shown)
        context["pioneers"], context["network_areas"] = browse.pioneers_and_network(shown)
        context["latest_case_studies"] = browse.attach_pioneers(browse.published_case_studies(shown)[:LATEST_ON_HOME])
        return context


class PioneerIndexPage(PublicSubtreeMixin, Page):
    intro = models.TextField(blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["casestudies.HomePage"]
    subpage_types = ["casestudies.PioneerPage"]
    max_count = 1

    def meta_description(self) -> str:
        return meta_description(self.intro)

    def pioneers(self):
        return visible(PioneerPage.objects.child_of(self)).select_related("region").order_by("title")

    def get_context(self, request, *args, **kwargs):
        from .browse import pioneers_and_network

        context = super().get_context(request, *args, **kwargs)
        context["pioneers"], context["network_areas"] = pioneers_and_network(shown_q())
        return context


class PioneerPage(PublicSubtreeMixin, Page):
    region = models.ForeignKey(
        "themes.Region", on_delete=models.PROTECT, related_name="pioneers", null=True, blank=True
    )
    partners = models.TextField(
        blank=True, help_text="The organisations in the partnership, one per line or separated by semicolons."
    )
    population_served = models.PositiveIntegerField(null=True, blank=True)
    plan_summary = models.TextField(blank=True)
    status = models.CharField(max_length=20, choices=ProgrammeStatus.choices, default=ProgrammeStatus.PIONEER)
    website = models.URLField(blank=True)

    # Taxonomies are snippets, which Wagtail would offer through a pop-up chooser: a few values read better as a list.
    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("region", widget=forms.Select), FieldPanel("status")]),
        FieldPanel("plan_summary"),
        FieldPanel("partners"),
        FieldRowPanel([FieldPanel("population_served"), FieldPanel("website")]),
    ]
    search_fields = Page.search_fields + [index.SearchField("plan_summary"), index.SearchField("partners")]
    parent_page_types = ["casestudies.PioneerIndexPage"]
    subpage_types = ["casestudies.CaseStudyPage"]

    class Meta:
        verbose_name = "pioneer"

    def meta_description(self) -> str:
        fallback = f"What {self.title} did to join up health and social care: case studies, barriers and workarounds."
        return meta_description(self.plan_summary or fallback)

    def partner_list(self) -> list[str]:
        separators = self.partners.replace("\n", ";")
        return [part.strip() for part in separators.split(";") if part.strip()]

    def case_studies(self):
        return visible(CaseStudyPage.objects.child_of(self).select_related("stage")).order_by("-date_published")

    def barriers_search_url(self) -> str:
        """The search for every barrier this pioneer met."""
        return f"{reverse('search')}?{urlencode({'pioneer': self.slug, 'type': 'barrier'})}"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["case_studies"] = list(self.case_studies())
        context["contacts"] = distinct_contacts(context["case_studies"])
        return context


class CaseStudyTag(TaggedItemBase):
    content_object = ParentalKey("casestudies.CaseStudyPage", related_name="tagged_items", on_delete=models.CASCADE)


class AttachedDocumentsMixin:
    """A page with documents attached (data sharing agreements, business cases, job descriptions)."""

    def attachments(self):
        return self.attached_documents.select_related("document")


class CaseStudyPage(AttachedDocumentsMixin, PublicSubtreeMixin, Page):
    summary = models.CharField(
        max_length=300, help_text="One or two plain sentences shown in listings and search results."
    )
    narrative = models.TextField(help_text=MARKDOWN_HELP)
    themes = ParentalManyToManyField("themes.Theme", blank=True, related_name="case_studies")
    care_groups = ParentalManyToManyField("themes.CareGroup", blank=True, related_name="case_studies")
    stage = models.ForeignKey(
        "themes.Stage", on_delete=models.PROTECT, null=True, blank=True, related_name="case_studies"
    )
    start_date = models.DateField(null=True, blank=True, help_text="When the work started.")
    date_published = models.DateField(default=timezone.localdate, help_text="When this write-up was published.")
    tags = ClusterTaggableManager(through=CaseStudyTag, blank=True)
    contact_name = models.CharField(max_length=120, blank=True)
    contact_role = models.CharField(max_length=160, blank=True)
    contact_email = models.EmailField(blank=True)
    # The author's word that nothing here identifies a patient: who gave it and when is recorded by the
    # admin form (curation.forms), and cleared when the box is unticked.
    no_patient_data = models.BooleanField(
        "This case study holds no patient-identifiable information",
        default=False,
        help_text="No names, dates of birth, NHS numbers, addresses or details that could identify a patient.",
    )
    no_patient_data_confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, editable=False, related_name="+"
    )
    no_patient_data_confirmed_at = models.DateTimeField(null=True, blank=True, editable=False)
    review_by = models.DateField(
        "review by",
        null=True,
        blank=True,
        help_text="When curators check it is still right: two years after first publishing unless they set a date.",
    )

    # The admin form, with the moderation checklist, is curation.forms.CaseStudyForm: curation builds on
    # pages, so it installs the form itself (curation.apps) and this module knows nothing of it.
    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("narrative"),
        MultiFieldPanel(
            [
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("care_groups", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel(
                    [
                        FieldPanel("stage", widget=forms.Select),
                        FieldPanel("start_date"),
                        FieldPanel("date_published"),
                    ]
                ),
                FieldPanel("tags"),
            ],
            heading="Classification",
        ),
        InlinePanel("outcomes", heading="Outcomes", label="Outcome"),
        InlinePanel("attached_documents", heading="Documents", label="Document", help_text=DOCUMENTS_HELP),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("contact_name"), FieldPanel("contact_role")]), FieldPanel("contact_email")],
            heading="Contact",
        ),
        MultiFieldPanel([FieldPanel("no_patient_data")], heading="Before you submit for moderation"),
        FieldPanel("review_by", permission="casestudies.set_review_date", heading="Review by (curators)"),
    ]
    # The stage filter lets Wagtail's own search filter and facet like ours (bench.comparison).
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("narrative"),
        index.FilterField("stage"),
    ]
    # A copy is new content: its author confirms it afresh, and it gets its own review date.
    exclude_fields_in_copy = [
        "no_patient_data",
        "no_patient_data_confirmed_by",
        "no_patient_data_confirmed_at",
        "review_by",
    ]
    parent_page_types = ["casestudies.PioneerPage"]
    subpage_types = ["casestudies.BarrierPage", "casestudies.WorkaroundPage"]

    class Meta:
        verbose_name = "case study"
        verbose_name_plural = "case studies"
        permissions = [("set_review_date", "Can set a case study's review-by date")]

    @property
    def pioneer(self):
        return PioneerPage.objects.ancestor_of(self).first()

    def meta_description(self) -> str:
        return meta_description(self.summary)

    def barriers(self):
        return visible(BarrierPage.objects.child_of(self)).select_related("category")

    def workarounds(self):
        return visible(WorkaroundPage.objects.child_of(self))

    def get_context(self, request, *args, **kwargs):
        from .browse import attach_barriers, attach_workarounds

        context = super().get_context(request, *args, **kwargs)
        shown = shown_q()
        context["pioneer"] = PioneerPage.objects.ancestor_of(self).select_related("region").first()
        # Each barrier with the workarounds that got past it; each workaround knows all the barriers it addresses.
        workarounds = attach_barriers(visible(WorkaroundPage.objects.child_of(self), shown), shown)
        by_pk = {workaround.pk: workaround for workaround in workarounds}
        barriers = attach_workarounds(
            visible(BarrierPage.objects.child_of(self), shown).select_related("category"), shown
        )
        for barrier in barriers:
            barrier.addressed_by = [by_pk.get(workaround.pk, workaround) for workaround in barrier.addressed_by]
        context["barriers"] = barriers
        context["other_workarounds"] = [workaround for workaround in workarounds if not workaround.addresses]
        return context

    def clean(self):
        super().clean()
        if self.start_date and self.date_published and self.start_date > self.date_published:
            raise ValidationError({"start_date": "The work cannot start after the write-up was published."})


class Outcome(Orderable):
    page = ParentalKey(CaseStudyPage, on_delete=models.CASCADE, related_name="outcomes")
    measure = models.CharField(max_length=40, choices=OutcomeMeasure.choices)
    value = models.DecimalField(max_digits=14, decimal_places=2)
    unit = models.CharField(max_length=60, blank=True, help_text="For example: admissions a year, days, %, £.")
    baseline = models.CharField(max_length=200, blank=True, help_text="What the value is compared with.")
    evidence = models.CharField(
        "strength of evidence",
        max_length=20,
        choices=EvidenceStrength.choices,
        default=EvidenceStrength.LOCAL_MONITORING,
    )

    panels = [
        FieldRowPanel([FieldPanel("measure"), FieldPanel("value"), FieldPanel("unit")]),
        FieldRowPanel([FieldPanel("baseline"), FieldPanel("evidence")]),
    ]

    def __str__(self) -> str:
        return f"{self.get_measure_display()}: {self.value} {self.unit}".strip()


class CaseStudyChildPage(Page):
    """A barrier or workaround: a record of its own, always inside one case study."""

    description = models.TextField(help_text=MARKDOWN_HELP)

    search_fields = Page.search_fields + [index.SearchField("description")]
    parent_page_types = ["casestudies.CaseStudyPage"]
    subpage_types: list[str] = []
    permalink_name = ""

    class Meta:
        abstract = True

    @property
    def case_study(self):
        return CaseStudyPage.objects.ancestor_of(self).first()

    @property
    def pioneer(self):
        return PioneerPage.objects.ancestor_of(self).first()

    def meta_description(self) -> str:
        return meta_description(markdown_to_text(self.description))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["case_study"] = self.case_study
        context["pioneer"] = self.pioneer
        return context

    def permalink(self) -> str:
        """The stable /barriers/<id>/ or /workarounds/<id>/ address; empty for an unsaved page (a preview)."""
        return reverse(self.permalink_name, args=[self.pk]) if self.pk else ""


class BarrierPage(CaseStudyChildPage):
    category = models.ForeignKey("themes.BarrierCategory", on_delete=models.PROTECT, related_name="barriers")
    status = models.CharField(max_length=20, choices=BarrierStatus.choices, default=BarrierStatus.ONGOING)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("category", widget=forms.Select), FieldPanel("status")]),
        FieldPanel("description"),
    ]
    permalink_name = "barrier-permalink"

    class Meta:
        verbose_name = "barrier"

    def workarounds(self):
        if self.pk is None:  # previewing a barrier not yet saved: nothing can link to it
            return WorkaroundPage.objects.none()
        return visible(WorkaroundPage.objects.filter(barrier_links__barrier=self)).distinct()


class WorkaroundPage(AttachedDocumentsMixin, CaseStudyChildPage):
    requires = models.CharField(
        "what it needs", max_length=30, choices=Requirement.choices, default=Requirement.LOCAL_ONLY
    )
    requirement_detail = models.CharField(
        max_length=255, blank=True, help_text="For example: which national flexibility, or whose agreement."
    )
    effectiveness = models.CharField(
        "how well it worked", max_length=20, choices=Effectiveness.choices, default=Effectiveness.TOO_EARLY
    )

    content_panels = Page.content_panels + [
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("requires"), FieldPanel("effectiveness")]),
        FieldPanel("requirement_detail"),
        InlinePanel("barrier_links", heading="Barriers it addresses", label="Barrier", min_num=1),
        InlinePanel("attached_documents", heading="Documents", label="Document", help_text=DOCUMENTS_HELP),
    ]
    permalink_name = "workaround-permalink"
    base_form_class = WorkaroundForm

    class Meta:
        verbose_name = "workaround"

    def barriers(self):
        # Read the links through the cluster so a preview shows the barriers chosen in the form.
        barrier_ids = [link.barrier_id for link in self.barrier_links.all()]
        return visible(BarrierPage.objects.filter(pk__in=barrier_ids)).select_related("category")


class WorkaroundBarrier(Orderable):
    workaround = ParentalKey(WorkaroundPage, on_delete=models.CASCADE, related_name="barrier_links")
    barrier = models.ForeignKey(BarrierPage, on_delete=models.CASCADE, related_name="workaround_links")

    # A drop-down of the case study's own barriers (casestudies.forms.WorkaroundForm), not a tree chooser.
    panels = [FieldPanel("barrier", widget=forms.Select)]

    class Meta(Orderable.Meta):
        constraints = [models.UniqueConstraint(fields=["workaround", "barrier"], name="unique_workaround_barrier")]


class AttachedDocument(Orderable):
    """A document from the library attached to a page, with what it is for readers."""

    document = models.ForeignKey(get_document_model_string(), on_delete=models.CASCADE, related_name="+")
    description = models.CharField(
        max_length=255, blank=True, help_text="Optional: what it is and how others could reuse it."
    )

    panels = [FieldPanel("document"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        abstract = True

    def __str__(self) -> str:
        return self.document.title


class CaseStudyDocument(AttachedDocument):
    page = ParentalKey(CaseStudyPage, on_delete=models.CASCADE, related_name="attached_documents")


class WorkaroundDocument(AttachedDocument):
    page = ParentalKey(WorkaroundPage, on_delete=models.CASCADE, related_name="attached_documents")
