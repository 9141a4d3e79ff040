from django.apps import AppConfig


class CurationConfig(AppConfig):
    name = "curation"
    verbose_name = "Curation"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from casestudies.models import CaseStudyPage

        from . import signals
        from .forms import CaseStudyForm

        signals.connect(self)
        # Pages know nothing of curation, so curation gives the case study its admin form (the checklist).
        # Set before anything asks the page for its edit handler, which Wagtail builds once and keeps.
        CaseStudyPage.base_form_class = CaseStudyForm
