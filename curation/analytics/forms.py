"""The report's period: the last 7, 30 or 90 days, or the days between two dates."""

from __future__ import annotations

from datetime import timedelta

from django import forms
from django.utils import timezone

from curation.analytics.report import Period

LAST_DAYS = {"7": 7, "30": 30, "90": 90}
CUSTOM = "custom"
DEFAULT_PERIOD = "30"
OLDEST_YEARS = 10


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self):
        super().__init__(format="%Y-%m-%d")


class PeriodForm(forms.Form):
    period = forms.ChoiceField(
        label="Period",
        choices=[("7", "Last 7 days"), ("30", "Last 30 days"), ("90", "Last 90 days"), (CUSTOM, "Between dates")],
        required=False,
        widget=forms.RadioSelect,
    )
    start = forms.DateField(label="From", required=False, widget=DateInput(), help_text="For example 2025-03-01.")
    end = forms.DateField(label="To (included)", required=False, widget=DateInput())

    def __init__(self, data, *, today=None):
        """Always bound: with no period chosen, the last 30 days."""
        self.today = today or timezone.localdate()
        if not any(data.get(name) for name in ("period", "start", "end")):
            data = {"period": DEFAULT_PERIOD}
        super().__init__(data)

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        between = data.get("period") == CUSTOM or start or end
        if self.errors or not between:
            return data
        if start is None:
            self.add_error("start", "Enter the first day of the period, or choose one of the last 7, 30 or 90 days.")
        if end is None:
            self.add_error("end", "Enter the last day of the period.")
        if start is None or end is None:
            return data
        if end > self.today:
            self.add_error("end", "The last day cannot be after today.")
        elif start > end:
            self.add_error("start", "The first day must be on or before the last day.")
        elif start < self.today - timedelta(days=OLDEST_YEARS * 366):
            self.add_error("start", f"Choose a first day within the last {OLDEST_YEARS} years.")
        else:
            data["period"] = CUSTOM
        return data

    def chosen_period(self) -> Period:
        data = self.cleaned_data
        if data.get("period") == CUSTOM:
            return Period(data["start"], data["end"])
        days = LAST_DAYS.get(data.get("period") or DEFAULT_PERIOD, LAST_DAYS[DEFAULT_PERIOD])
        return Period(self.today - timedelta(days=days - 1), self.today)

    def query_string(self) -> dict[str, str]:
        """The period as parameters, for links that must show the same period (CSV exports)."""
        data = self.cleaned_data
        if data.get("period") == CUSTOM:
            return {"period": CUSTOM, "start": data["start"].isoformat(), "end": data["end"].isoformat()}
        return {"period": data.get("period") or DEFAULT_PERIOD}
