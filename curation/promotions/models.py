"""Promotions: for some searches, pages curators put above the ordinary results."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, PageChooserPanel
from wagtail.models import Orderable
from wagtail.search import index

from search.indexing.documents import INDEXED_MODELS
from search.request import normalise_query

MAX_PAGES = 5
PROMOTABLE_TYPES = [model._meta.label for model in INDEXED_MODELS]  # case studies, barriers, workarounds


class PromotionQuerySet(models.QuerySet):
    def current(self, today: date) -> PromotionQuerySet:
        """Active, and within their dates (both days included) on `today`."""
        return self.filter(
            Q(active=True),
            Q(starts_on__isnull=True) | Q(starts_on__lte=today),
            Q(ends_on__isnull=True) | Q(ends_on__gte=today),
        )


class PromotionForm(WagtailAdminModelForm):
    """A promotion recommends a guide, some pages, or both: never nothing."""

    def is_valid(self):
        valid = super().is_valid()  # the pages' formset is checked after the form itself
        if valid:
            items = self.formsets.get("items")
            forms = items.forms if items else []
            kept = [form for form in forms if form.cleaned_data and not form.cleaned_data.get("DELETE")]
            if not self.cleaned_data.get("guide") and not kept:
                self.add_error(None, "Choose a guide or at least one page to recommend.")
                return False
        return valid


class Promotion(index.Indexed, ClusterableModel):
    """Pages recommended ("best bets") above the results of the searches listed.

    A search matches when its words, normalised as the search log normalises
    them, are exactly one of the listed searches, or a synonym of one
    (search.vocabulary). Shown on page 1 only; pages the public may not see are
    never shown.
    """

    name = models.CharField(max_length=100, help_text="For curators: what this promotion is for.")
    queries = models.TextField(
        "searches",
        help_text="One per line. A search matches when its words are exactly one of these, "
        "ignoring capitals and extra spaces, or a synonym of one.",
    )
    note = models.CharField(
        max_length=120,
        blank=True,
        help_text="Shown with each recommended page, for example “Recommended by the exchange team”.",
    )
    starts_on = models.DateField("first day", null=True, blank=True, help_text="Leave empty to start at once.")
    ends_on = models.DateField("last day", null=True, blank=True, help_text="Leave empty to keep it running.")
    active = models.BooleanField(default=True, help_text="Untick to stop showing it, whatever the dates.")
    guide = models.ForeignKey(
        "guides.Guide",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="promotions",
        help_text="Optional: a guide to recommend first (shown while it is live).",
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = PromotionQuerySet.as_manager()
    base_form_class = PromotionForm

    panels = [
        FieldPanel("name"),
        FieldPanel("queries"),
        FieldPanel("guide"),
        InlinePanel("items", heading="Pages to recommend, in order", label="Page", max_num=MAX_PAGES),
        FieldPanel("note"),
        FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")]),
        FieldPanel("active"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("queries")]

    class Meta:
        verbose_name = "promoted result"
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name

    def query_list(self) -> list[str]:
        """The listed searches, normalised, each once."""
        return list(dict.fromkeys(query for query in map(normalise_query, self.queries.splitlines()) if query))

    def is_current(self, today: date) -> bool:
        return (
            self.active
            and (self.starts_on is None or self.starts_on <= today)
            and (self.ends_on is None or self.ends_on >= today)
        )

    def clean(self):
        errors = {}
        if not self.query_list():
            errors["queries"] = "List at least one search, one per line."
        else:
            self.queries = "\n".join(self.query_list())
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = "The last day must be on or after the first day."
        if errors:
            raise ValidationError(errors)

    def window(self) -> str:
        if not (self.starts_on or self.ends_on):
            return "Always"
        first = self.starts_on.isoformat() if self.starts_on else "now"
        last = self.ends_on.isoformat() if self.ends_on else "no end"
        return f"{first} to {last}"

    window.short_description = "Dates"


class PromotedPage(Orderable):
    promotion = ParentalKey(Promotion, on_delete=models.CASCADE, related_name="items")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")

    panels = [PageChooserPanel("page", page_type=PROMOTABLE_TYPES)]

    class Meta(Orderable.Meta):
        verbose_name = "promoted page"

    def clean(self):
        if self.page_id and self.page.specific_class not in INDEXED_MODELS:
            raise ValidationError({"page": "Choose a case study, barrier or workaround."})
