"""The member's forms: their area, a reuse record, and deleting their account."""

from __future__ import annotations

from django import forms

from casestudies.models import PioneerPage

from .membership import area_groups
from .models import NOTE_LENGTH, SavedSearch


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


class ReuseForm(forms.Form):
    note = forms.CharField(
        label="How did it go? (optional)",
        help_text=f"Up to {NOTE_LENGTH:,} characters. Only the exchange team reads this; it is never shown publicly.",
        required=False,
        max_length=NOTE_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class DeleteAccountForm(forms.Form):
    confirm = forms.BooleanField(
        label="I understand my account, my area and the reuse I recorded will be deleted",
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
