"""Merging terms: every use moves to the survivor, drafts follow, the old slug redirects, the term goes."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command
from taggit.models import Tag

from casestudies.models import BarrierPage, CaseStudyPage, PioneerPage
from tests.factories import committed, make_barrier, make_case_study, make_pioneer
from themes.merging import MergeRefused, clean_tags, merge
from themes.models import BarrierCategory, CareGroup, Region, SlugRedirect, Stage, Theme
from themes.usage import TermInUse, term_uses

pytestmark = pytest.mark.django_db


def slugs(queryset) -> set[str]:
    return set(queryset.values_list("slug", flat=True))


def test_merging_a_theme_moves_every_case_study_and_keeps_one_link_where_both_were_used():
    pioneer = make_pioneer()
    only_old = make_case_study(pioneer, themes=("pooled-budgets",))
    both = make_case_study(pioneer, themes=("pooled-budgets", "new-payment-and-contracting-models"))
    other = make_case_study(pioneer, themes=("workforce-redesign",))
    old, new = Theme.objects.get(slug="pooled-budgets"), Theme.objects.get(slug="new-payment-and-contracting-models")

    result = merge(old, new)

    assert not Theme.objects.filter(pk=old.pk).exists()
    assert slugs(CaseStudyPage.objects.get(pk=only_old.pk).themes) == {"new-payment-and-contracting-models"}
    assert list(CaseStudyPage.objects.get(pk=both.pk).themes.values_list("slug", flat=True)) == [
        "new-payment-and-contracting-models"
    ]
    assert slugs(CaseStudyPage.objects.get(pk=other.pk).themes) == {"workforce-redesign"}
    assert [use.label for use in result.moved] == ["2 case studies"]
    assert SlugRedirect.current("theme", ["pooled-budgets"]) == {"pooled-budgets": "new-payment-and-contracting-models"}


def test_foreign_key_terms_move_too_stage_barrier_category_and_region():
    pioneer = make_pioneer(region="london")
    study = make_case_study(pioneer, stage="planning")
    barrier = make_barrier(study, category="estates")

    merge(Stage.objects.get(slug="planning"), Stage.objects.get(slug="early-implementation"))
    merge(BarrierCategory.objects.get(slug="estates"), BarrierCategory.objects.get(slug="workforce-and-skills"))
    merge(Region.objects.get(slug="london"), Region.objects.get(slug="south"))

    assert CaseStudyPage.objects.get(pk=study.pk).stage.slug == "early-implementation"
    assert BarrierPage.objects.get(pk=barrier.pk).category.slug == "workforce-and-skills"
    assert PioneerPage.objects.get(pk=pioneer.pk).region.slug == "south"


def test_a_draft_that_named_the_old_term_names_the_survivor_when_published():
    pioneer = make_pioneer()
    study = make_case_study(pioneer, themes=("workforce-redesign",), care_groups=("cancer",))
    draft = CaseStudyPage.objects.get(pk=study.pk)
    draft.themes = [Theme.objects.get(slug="pooled-budgets")]
    draft.care_groups = [CareGroup.objects.get(slug="cancer")]
    revision = draft.save_revision()  # a draft, not published: the live page still has workforce-redesign

    merge(Theme.objects.get(slug="pooled-budgets"), Theme.objects.get(slug="workforce-redesign"))
    with committed():
        revision.refresh_from_db()
        revision.publish()

    assert slugs(CaseStudyPage.objects.get(pk=study.pk).themes) == {"workforce-redesign"}


def test_merging_tags_keeps_one_tag_per_page_and_rewrites_drafts():
    pioneer = make_pioneer()
    both = make_case_study(pioneer, tags=("Tele-health", "telehealth"))
    one = make_case_study(pioneer, tags=("Tele-health",))
    capital, lower = Tag.objects.get(name="Tele-health"), Tag.objects.get(name="telehealth")

    merge(capital, lower)

    assert list(CaseStudyPage.objects.get(pk=both.pk).tags.values_list("name", flat=True)) == ["telehealth"]
    assert list(CaseStudyPage.objects.get(pk=one.pk).tags.values_list("name", flat=True)) == ["telehealth"]
    latest = CaseStudyPage.objects.get(pk=both.pk).get_latest_revision_as_object()
    assert [tag.name for tag in latest.tags.all()] == ["telehealth"]
    assert SlugRedirect.current("tag", [capital.slug]) == {capital.slug: lower.slug}


def test_clean_tags_merges_spellings_into_the_most_used_and_drops_unused():
    pioneer = make_pioneer()
    make_case_study(pioneer, tags=("Tele health",))
    make_case_study(pioneer, tags=("telehealth",))
    make_case_study(pioneer, tags=("telehealth",))
    Tag.objects.create(name="nobody uses this", slug="nobody-uses-this")

    preview = clean_tags(dry_run=True)
    assert preview.merged == [("Tele health", "telehealth")] and preview.deleted == ["nobody uses this"]
    assert Tag.objects.count() == 3  # the dry run changed nothing

    clean_tags()
    assert sorted(Tag.objects.values_list("name", flat=True)) == ["telehealth"]


def test_chained_merges_and_renames_redirect_to_the_current_slug():
    a, b, c = (Theme.objects.get(slug=s) for s in ("pooled-budgets", "workforce-redesign", "seven-day-services"))
    merge(a, b)
    merge(b, c)
    c.slug = "seven-day-working"
    c.save()
    assert SlugRedirect.current("theme", ["pooled-budgets", "workforce-redesign", "seven-day-services"]) == {
        "pooled-budgets": "seven-day-working",
        "workforce-redesign": "seven-day-working",
        "seven-day-services": "seven-day-working",
    }


def test_renaming_back_to_an_old_slug_removes_its_redirect():
    theme = Theme.objects.get(slug="pooled-budgets")
    theme.slug = "shared-budgets"
    theme.save()
    theme.slug = "pooled-budgets"
    theme.save()
    assert SlugRedirect.current("theme", ["pooled-budgets", "shared-budgets"]) == {"shared-budgets": "pooled-budgets"}


def test_deleting_a_term_in_use_is_refused_with_its_uses_named():
    pioneer = make_pioneer()
    make_case_study(pioneer, themes=("pooled-budgets",))
    theme = Theme.objects.get(slug="pooled-budgets")
    with pytest.raises(TermInUse, match="“Pooled budgets” is used by 1 case study; merge it into another term"):
        theme.delete()
    assert Theme.objects.filter(pk=theme.pk).exists()
    unused = Theme.objects.create(name="Unused idea", slug="unused-idea")
    unused.delete()
    assert not Theme.objects.filter(slug="unused-idea").exists()


def test_merge_refuses_itself_and_mixed_kinds():
    theme = Theme.objects.get(slug="pooled-budgets")
    with pytest.raises(MergeRefused):
        merge(theme, theme)
    with pytest.raises(MergeRefused):
        merge(theme, Stage.objects.get(slug="planning"))


def test_a_failed_merge_changes_nothing(monkeypatch):
    pioneer = make_pioneer()
    study = make_case_study(pioneer, themes=("pooled-budgets",))
    old, new = Theme.objects.get(slug="pooled-budgets"), Theme.objects.get(slug="workforce-redesign")

    def explode(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(SlugRedirect, "point", explode)
    with pytest.raises(RuntimeError):
        merge(old, new)
    assert slugs(CaseStudyPage.objects.get(pk=study.pk).themes) == {"pooled-budgets"}
    assert term_uses(old) and Theme.objects.filter(pk=old.pk).exists()


def test_the_command_merges_and_explains_bad_input(capsys):
    pioneer = make_pioneer()
    make_case_study(pioneer, themes=("pooled-budgets",))
    call_command("merge_terms", "theme", "pooled-budgets", "workforce-redesign", "--dry-run")
    assert "Would merge “Pooled budgets” into “Workforce redesign”, moving 1 case study." in capsys.readouterr().out
    assert Theme.objects.filter(slug="pooled-budgets").exists()

    call_command("merge_terms", "theme", "pooled-budgets", "workforce-redesign")
    assert "Merged “Pooled budgets” into “Workforce redesign”: moved 1 case study" in capsys.readouterr().out
    with pytest.raises(CommandError, match="No theme with the slug 'pooled-budgets'"):
        call_command("merge_terms", "theme", "pooled-budgets", "workforce-redesign")
    with pytest.raises(CommandError, match="Unknown kind 'colour'; expected one of: theme, barrier_category"):
        call_command("merge_terms", "colour", "a", "b")
    with pytest.raises(CommandError, match="into itself"):
        call_command("merge_terms", "theme", "workforce-redesign", "workforce-redesign")
