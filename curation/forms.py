"""The case study's admin form: the moderation checklist, and who confirmed there is no patient data."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from wagtail.admin.forms import WagtailAdminPageForm

from . import checklist

# The edit view's buttons that send a case study to the curators (a first submission, a resubmission
# after changes were asked for, and a restart of the workflow).
SUBMIT_ACTIONS = ("action-submit", "action-restart-workflow")


def _display_name(user) -> str:
    return (user.get_full_name() or user.get_username()) if user else "a user since removed"


class CaseStudyForm(WagtailAdminPageForm):
    """Refuses to submit a case study for moderation until the checklist is complete, listing the gaps;
    records who ticked the no-patient-data box and when (server side), and forgets it when unticked."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        confirmation = self.fields.get("no_patient_data")
        if confirmation is not None:
            confirmation.help_text = self._checklist_help()

    def _checklist_help(self) -> str:
        page = self.instance
        lines = [f"Needed before submitting: {'; '.join(item.needs for item in checklist.CHECKLIST)}."]
        if page.no_patient_data and page.no_patient_data_confirmed_at:
            when = date_format(timezone.localtime(page.no_patient_data_confirmed_at), "j F Y, H:i")
            lines.append(f"Confirmed by {_display_name(page.no_patient_data_confirmed_by)} on {when}.")
        missing = checklist.gaps(checklist.draft_of(page))
        lines.append(f"Still missing: {'; '.join(missing)}." if missing else "Nothing is missing.")
        return " ".join(lines)

    @property
    def is_submitting(self) -> bool:
        return self.is_bound and any(self.data.get(action) for action in SUBMIT_ACTIONS)

    def clean(self):
        cleaned_data = super().clean()
        if self.is_submitting:
            missing = checklist.gaps(self._draft())
            if missing:
                self.add_error(
                    None,
                    ValidationError(
                        [f"Not submitted for moderation: it still needs {gap}." for gap in missing],
                        code="checklist",
                    ),
                )
        return cleaned_data

    def _draft(self) -> checklist.Draft:
        data = self.cleaned_data
        outcomes = self.formsets.get("outcomes")
        kept = 0
        if outcomes is not None and outcomes.is_valid():
            kept = sum(1 for form in outcomes.forms if form.cleaned_data and not form.cleaned_data.get("DELETE"))
        return checklist.Draft(
            summary=data.get("summary") or "",
            themes=len(data.get("themes") or ()),
            outcomes=kept,
            barriers=checklist.barrier_count(self.instance),
            contact=f"{data.get('contact_name') or ''}{data.get('contact_email') or ''}",
            no_patient_data=bool(data.get("no_patient_data", self.instance.no_patient_data)),
        )

    def save(self, commit=True):
        page = self.instance
        if "no_patient_data" in self.cleaned_data:
            if not self.cleaned_data["no_patient_data"]:
                page.no_patient_data_confirmed_by = None
                page.no_patient_data_confirmed_at = None
            elif not self.initial.get("no_patient_data") or page.no_patient_data_confirmed_at is None:
                page.no_patient_data_confirmed_by = self.for_user
                page.no_patient_data_confirmed_at = timezone.now()
        return super().save(commit=commit)
