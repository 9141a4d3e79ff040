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
