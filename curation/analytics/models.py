"""What is kept of public searches: the words and choices, never the person.

No user, IP address, cookie, session or browser is recorded. Rows are removed
after SEARCH_LOG_RETENTION_DAYS (`manage.py purge_search_log`).
"""

import uuid

from django.db import models
from django.utils import timezone


class SearchLog(models.Model):
    """One page of results shown for a public search (the search page or the API).

    Every page is kept, so a click on page 2 belongs to a row; the report counts
    only page 1 rows as searches.
    """

    PAGE, API = "page", "api"
    SURFACES = [(PAGE, "search page"), (API, "search API")]

    # Made in the request, written after it: the search page links results to the id before the row exists.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    query = models.CharField(
        max_length=1000, blank=True, help_text="Cleaned, lower-cased, e-mail addresses and long numbers blanked."
    )
    filters = models.JSONField(default=dict, blank=True, help_text="Facet name → values chosen.")
    sort = models.CharField(max_length=20)
    page = models.PositiveIntegerField(default=1)
    result_count = models.PositiveIntegerField()
    engine = models.CharField(max_length=20, help_text="The engine that answered: elasticsearch or database.")
    took_ms = models.PositiveIntegerField(help_text="Time to answer, in milliseconds.")
    surface = models.CharField(max_length=10, choices=SURFACES)

    class Meta:
        verbose_name = "search log entry"
        verbose_name_plural = "search log"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.query or '(no words)'} · page {self.page} · {self.result_count} results"


class SearchClick(models.Model):
    """A result followed from the search page, through its click-through link."""

    search = models.ForeignKey(SearchLog, on_delete=models.CASCADE, related_name="clicks")
    page_id = models.PositiveIntegerField(help_text="The page followed (kept if the page is deleted later).")
    rank = models.PositiveIntegerField(help_text="Its position in the results, from 1, or among the promoted ones.")
    promoted = models.BooleanField(default=False, help_text="A recommended result, above the ordinary ones.")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "search result click"

    def __str__(self) -> str:
        return f"page {self.page_id} at rank {self.rank}"
