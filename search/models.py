"""Search data kept in the database: the curators' vocabulary and the database engine's index."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class SearchSynonym(index.Indexed, models.Model):
    """Words that mean the same to people searching: "IG, information governance".

    Expanded at query time, so a curator's edit takes effect on the next search.
    """

    terms = models.TextField(
        help_text="Terms that mean the same thing, separated by commas, e.g. “A&E, accident and emergency”."
    )
    note = models.CharField(max_length=200, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [FieldPanel("terms"), FieldPanel("note")]
    search_fields = [index.SearchField("terms")]

    class Meta:
        verbose_name = "synonym"
        ordering = ["terms"]

    def __str__(self) -> str:
        return self.terms

    def term_list(self) -> list[str]:
        return [term.strip() for term in self.terms.split(",") if term.strip()]

    def clean(self):
        from django.core.exceptions import ValidationError

        if len(self.term_list()) < 2:
            raise ValidationError({"terms": "List at least two terms, separated by commas."})


class SearchEntry(models.Model):
    """One index document held in the database: what the database engine searches.

    Written by the same indexing code as the Elasticsearch index, so both
    engines see the same documents.
    """

    page = models.OneToOneField("wagtailcore.Page", on_delete=models.CASCADE, primary_key=True, related_name="+")
    content_type = models.CharField(max_length=20, db_index=True)
    title = models.CharField(max_length=255)
    text = models.TextField(help_text="Lower-cased searchable text.")
    published = models.DateField(null=True, db_index=True)
    document = models.JSONField()
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name_plural = "search entries"

    def __str__(self) -> str:
        return f"{self.content_type}: {self.title}"


class IndexChange(models.Model):
    """One change the search indices must take in: the durable queue between content and index.

    Rows are written in the same transaction as the change itself, so a change
    that commits is never lost, whatever happens to Elasticsearch or to the
    process. Applying a row recomputes the documents from the pages as they are
    then, so rows can be applied late, twice or out of order. Applied rows are
    kept for a while: a rebuild replays every row written while it ran.
    """

    PAGE, SUGGESTION, ENSURE = "page", "suggestion", "ensure"
    KINDS = [
        (PAGE, "a page and the documents that quote it"),
        (SUGGESTION, "a suggestion entry (theme, barrier category)"),
        (ENSURE, "build the Elasticsearch index if it is missing"),
    ]

    kind = models.CharField(max_length=12, choices=KINDS)
    key = models.CharField(max_length=80, blank=True, help_text="Page id, or suggestion id such as “theme-4”.")
    created_at = models.DateTimeField(auto_now_add=True)
    applied_at = models.DateTimeField(null=True, blank=True, db_index=True)
    enqueued = models.BooleanField(default=False, help_text="A task to apply it has been asked for.")
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["applied_at", "next_attempt_at"], name="search_indexchange_due")]

    def __str__(self) -> str:
        return f"{self.kind} {self.key}".strip()
