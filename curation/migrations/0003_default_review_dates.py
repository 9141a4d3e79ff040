"""Case studies already published get the default review date: two years after first publishing.

Written to the page and to its latest revision (which the editor starts from),
as curation.moderation.set_default_review_date does for pages published later.
The rule is frozen here, as it was when this migration was written.
"""

from django.db import migrations
from django.utils import timezone

REVIEW_AFTER_YEARS = 2


def add_years(day, years):
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def set_review_dates(apps, schema_editor):
    CaseStudyPage = apps.get_model("casestudies", "CaseStudyPage")
    Revision = apps.get_model("wagtailcore", "Revision")
    studies = CaseStudyPage.objects.filter(review_by__isnull=True, first_published_at__isnull=False)
    for study in studies.only("pk", "first_published_at", "latest_revision_id"):
        due = add_years(timezone.localdate(study.first_published_at), REVIEW_AFTER_YEARS)
        CaseStudyPage.objects.filter(pk=study.pk).update(review_by=due)
        revision = Revision.objects.filter(pk=study.latest_revision_id).first()
        if revision is not None and revision.content.get("review_by") is None:
            revision.content["review_by"] = due.isoformat()
            revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [("curation", "0002_roles_and_moderation")]

    operations = [migrations.RunPython(set_review_dates, migrations.RunPython.noop)]
