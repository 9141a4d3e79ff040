"""What the network keeps: which area a member belongs to, which areas reused which pages, members' saved
searches and their questions to the pioneers.

Nothing here is shown publicly but area names and counts, and the question-and-answer exchanges a curator
published (with the asking area's name): a record's note and who made it, and who asked what, stay with the
exchange team (network.reuse, network.questions).
"""

from django.conf import settings
from django.db import models

NOTE_LENGTH = 1000
SAVED_QUERY_LENGTH = 4000
QUESTION_LENGTH = 2000
ANSWER_LENGTH = 5000


class Membership(models.Model):
    """A member's area: one pioneer page (a virtual-network area or a pioneer), chosen on "Your account"."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="network_membership")
    # An area page deleted leaves its members without an area: they are asked to choose again.
    area = models.ForeignKey(
        "casestudies.PioneerPage", on_delete=models.SET_NULL, null=True, blank=True, related_name="network_members"
    )
    joined_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Membership {self.pk}"


class ReuseRecord(models.Model):
    """An area's word that it adopted a workaround or case study: one per area and page."""

    area = models.ForeignKey("casestudies.PioneerPage", on_delete=models.CASCADE, related_name="reuse_records_made")
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="reuse_records")
    # The member who recorded it last; deleting their account deletes what they recorded.
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reuse_records")
    note = models.TextField(blank=True, max_length=NOTE_LENGTH)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["area", "page"], name="one_reuse_record_per_area_and_page")]

    def __str__(self) -> str:
        return f"Reuse record {self.pk}"


class SavedSearch(models.Model):
    """A member's search (its query string as the search page has it) and how often its digest is sent."""

    DAILY = "daily"
    WEEKLY = "weekly"
    FREQUENCIES = [(DAILY, "Daily"), (WEEKLY, "Weekly")]

    member = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="saved_searches")
    name = models.CharField(max_length=100)
    # Normalised through search.request (network.saved_searches.normalised_query): no page, defaults left out.
    query = models.CharField(max_length=SAVED_QUERY_LENGTH, blank=True)
    frequency = models.CharField(max_length=10, choices=FREQUENCIES, default=WEEKLY)
    created_at = models.DateTimeField(auto_now_add=True)
    # The end of the window the last digest covered; None until the first one (the window then starts at created_at).
    last_sent_at = models.DateTimeField(null=True, blank=True)
    # Random, and signed in the unsubscribe link (network.saved_searches.unsubscribe_token): a link for a deleted
    # and re-made search, or a guessed id, unsubscribes nothing.
    token = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"Saved search {self.pk}"


def keep_published_exchanges(collector, field, sub_objs, using):
    """A deleted account takes its questions with it, except the exchanges a curator published: those stay,
    attributed to the asking area alone (asked_by becomes NULL)."""
    published = [question for question in sub_objs if question.published]
    unpublished = [question for question in sub_objs if not question.published]
    if unpublished:
        models.CASCADE(collector, field, unpublished, using)
    if published:
        collector.add_field_update(field, None, published)


class Question(models.Model):
    """A member's question to the area that wrote a page, its authors' answer, and whether a curator published
    the exchange under the page (network.questions). Only the asking area's name is ever shown with it."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="network_questions")
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=keep_published_exchanges,
        null=True,
        blank=True,
        related_name="network_questions",
    )
    # The asking member's area when they asked; an area page deleted leaves the question with no area name.
    area = models.ForeignKey(
        "casestudies.PioneerPage", on_delete=models.SET_NULL, null=True, blank=True, related_name="questions_asked"
    )
    text = models.TextField(max_length=QUESTION_LENGTH)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    answer = models.TextField(blank=True, max_length=ANSWER_LENGTH)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    published = models.BooleanField(default=False)
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        permissions = [("curate_questions", "Can see, answer and publish every question to the pioneers")]
        indexes = [models.Index(fields=["page", "published"], name="network_question_page_pub")]

    def __str__(self) -> str:
        return f"Question {self.pk}"

    @property
    def is_answered(self) -> bool:
        return bool(self.answer)
