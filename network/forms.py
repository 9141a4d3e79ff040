"""The member's forms: their area, a reuse record, a question to a pioneer (and its answer in the admin), saving
a search, and deleting their account."""

from __future__ import annotations

from django import forms
from django.conf import settings

from casestudies.models import PioneerPage

from .membership import area_groups
from .models import ANSWER_LENGTH, NOTE_LENGTH, QUESTION_LENGTH, SavedSearch


class AreaForm(forms.Form):
    area = forms.TypedChoiceField(
        label="Your area",
        help_text="The virtual-network area or pioneer you work for. Reuse you record is recorded for it.",
        coerce=int,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        network, pioneers = area_groups()
        self.fields["area"].choices = [
            ("", "Choose your area"),
            ("Virtual network areas", [(area.pk, area.title) for area in network]),
            ("Pioneers", [(area.pk, area.title) for area in pioneers]),
        ]
        self.areas = {area.pk: area for area in (*network, *pioneers)}

    def clean_area(self) -> PioneerPage:
        return self.areas[self.cleaned_data["area"]]  # the choices allow only these


class HoneypotForm(forms.Form):
    """A form with a field hidden by the stylesheet that only bots fill in, named as the sign-up form's, so the
    templates' one honeypot rule (network_tags.is_honeypot) hides it. A bot that fills it in is answered as a
    person would be, and nothing is written or sent."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.honeypot = settings.ACCOUNT_SIGNUP_FORM_HONEYPOT_FIELD
        self.fields[self.honeypot] = forms.CharField(label="Leave this empty", required=False)

    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get(self.honeypot))


class ReuseForm(HoneypotForm):
    note = forms.CharField(
        label="How did it go? (optional)",
        help_text=f"Up to {NOTE_LENGTH:,} characters. Only the exchange team reads this; it is never shown publicly.",
        required=False,
        max_length=NOTE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class QuestionForm(HoneypotForm):
    """ "Ask the pioneer": the question, and the honeypot."""

    text = forms.CharField(
        label="Your question",
        help_text=(
            f"Up to {QUESTION_LENGTH:,} characters. The page's authors answer it; if the exchange team publishes "
            "the answer, your question is shown with your area's name, never your name or email address."
        ),
        max_length=QUESTION_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Enter your question"},
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "question-%s")  # apart from the reuse form's ids on the same page
        super().__init__(*args, **kwargs)


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label="Your answer",
        help_text=f"Up to {ANSWER_LENGTH:,} characters. Shown under the page only if a curator publishes it.",
        max_length=ANSWER_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": "Enter an answer"},
    )


class DeleteAccountForm(forms.Form):
    confirm = forms.BooleanField(
        label="I understand my account, my area, the reuse I recorded and my questions will be deleted",
        error_messages={"required": "Tick the box to confirm you want to delete your account"},
    )


class SaveSearchForm(forms.Form):
    """The "Save this search" form: the search's query string (checked by network.saved_searches), a name and
    how often its digest comes."""

    query = forms.CharField(required=False, widget=forms.HiddenInput)  # its length: normalised_query
    name = forms.CharField(
        label="Name this search",
        help_text="Up to 100 characters; it is the subject of your digest emails.",
        required=False,
        max_length=100,
    )
    frequency = forms.ChoiceField(label="Email me new matches", choices=SavedSearch.FREQUENCIES)


class FrequencyForm(forms.Form):
    frequency = forms.ChoiceField(label="How often", choices=SavedSearch.FREQUENCIES)
