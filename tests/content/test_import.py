"""`manage.py import_content`: a good file into an empty site, drafts or published, idempotent by slug."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Site

from casestudies.models import BarrierPage, CaseStudyPage, HomePage, PioneerIndexPage, PioneerPage, WorkaroundPage
from search.models import SearchEntry
from tests.content.helpers import good_content, run_export, run_import, snapshot

pytestmark = pytest.mark.django_db

CONTENT_MODELS = (PioneerPage, CaseStudyPage, BarrierPage, WorkaroundPage)


def content_pages():
    return Page.objects.type(*CONTENT_MODELS).specific()


def test_a_good_file_becomes_the_page_tree_as_drafts(write_file, client):
    output = run_import(write_file(good_content()))

    home = HomePage.objects.get()
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    index = PioneerIndexPage.objects.child_of(home).get()
    assert sorted(PioneerPage.objects.child_of(index).values_list("slug", flat=True)) == ["barnsley", "southend"]
    barnsley = PioneerPage.objects.get(slug="barnsley")
    assert [study.slug for study in CaseStudyPage.objects.child_of(barnsley).order_by("path")] == [
        "central-monitoring-hub",
        "telecare-at-home",
    ]
    hub = CaseStudyPage.objects.get(slug="central-monitoring-hub")
    assert [page.slug for page in BarrierPage.objects.child_of(hub).order_by("path")] == [
        "hub-cannot-see-gp-records",
        "night-shifts",
    ]
    assert WorkaroundPage.objects.child_of(hub).count() == 2

    for page in content_pages():
        assert not page.live and page.has_unpublished_changes, page.title
        assert page.revisions.count() == 1, page.title
        assert page.latest_revision_id and page.live_revision_id is None, page.title
    assert client.get("/pioneers/barnsley/").status_code == 404  # drafts are not public
    assert "pioneers: 2 created, 0 changed, 0 published, 0 unchanged" in output
    assert "case studies: 3 created" in output
    assert "barriers: 2 created" in output
    assert "workarounds: 2 created" in output
    assert Page.find_problems() == ([], [], [], [], [])  # the tree's paths and child counts are right


def test_every_value_lands_in_its_field(write_file):
    run_import(write_file(good_content()))

    barnsley = PioneerPage.objects.get(slug="barnsley")
    assert barnsley.title == "Barnsley"
    assert barnsley.region.slug == "north"
    assert barnsley.partner_list() == ["Barnsley Council", "NHS Barnsley CCG"]
    assert barnsley.population_served == 231000
    assert barnsley.website == "https://www.example.org/barnsley/"
    southend = PioneerPage.objects.get(slug="southend")
    assert (southend.status, southend.region, southend.population_served, southend.partners) == (
        "pioneer",
        None,
        None,
        "",
    )

    hub = CaseStudyPage.objects.get(slug="central-monitoring-hub")
    assert hub.narrative.endswith("café-style drop-in for carers.")
    assert sorted(hub.themes.values_list("slug", flat=True)) == ["rapid-community-response", "single-point-of-contact"]
    assert list(hub.care_groups.values_list("slug", flat=True)) == ["frail-older-people"]
    assert hub.stage.slug == "implemented"
    assert (str(hub.start_date), str(hub.date_published)) == ("2014-04-01", "2015-06-01")
    assert sorted(tag.name for tag in hub.tags.all()) == ["ambulance", "telehealth"]
    assert (hub.contact_name, hub.contact_role, hub.contact_email) == (
        "Programme office",
        "Pioneer team",
        "team@example.org",
    )
    assert [(o.measure, o.value, o.unit, o.evidence) for o in hub.outcomes.all()] == [
        ("emergency-admissions-avoided", Decimal("120.00"), "admissions a year", "local-monitoring"),
        ("length-of-stay", Decimal("1.25"), "fewer days", "local-monitoring"),
    ]
    gp_records = BarrierPage.objects.get(slug="hub-cannot-see-gp-records")
    assert (gp_records.category.slug, gp_records.status) == ("it-systems", "partly-overcome")
    assert BarrierPage.objects.get(slug="night-shifts").status == "ongoing"  # the model's default
    rota = WorkaroundPage.objects.get(slug="shared-rota")
    assert [link.barrier.slug for link in rota.barrier_links.all()] == ["night-shifts", "hub-cannot-see-gp-records"]
    assert (rota.requires, rota.effectiveness) == ("local", "too-early")

    planning = CaseStudyPage.objects.get(slug="planning-together")
    assert (planning.stage, planning.start_date) == (None, None)
    assert planning.get_parent().specific == southend


def test_publish_makes_everything_live_and_public(write_file, client):
    output = run_import(write_file(good_content()), "--publish")

    for page in content_pages():
        assert page.live and not page.has_unpublished_changes, page.title
        assert page.live_revision_id == page.latest_revision_id, page.title
        assert page.first_published_at is not None, page.title
        actions = set(PageLogEntry.objects.filter(page=page).values_list("action", flat=True))
        assert actions == {"wagtail.create", "wagtail.publish"}, page.title
    assert client.get("/pioneers/barnsley/central-monitoring-hub/").status_code == 200
    barrier = BarrierPage.objects.get(slug="night-shifts")
    assert client.get(f"/barriers/{barrier.pk}/", follow=True).status_code == 200
    assert "Imported" in output and "published" in output


def test_each_new_pioneer_gets_its_authors_group(write_file):
    run_import(write_file(good_content()))

    for pioneer in PioneerPage.objects.all():
        group = Group.objects.get(name=f"{pioneer.title} authors")
        assert set(group.page_permissions.values_list("page_id", flat=True)) == {pioneer.pk}
        codenames = set(group.page_permissions.values_list("permission__codename", flat=True))
        assert "publish_page" not in codenames and "add_page" in codenames


def test_wagtail_reference_index_is_what_wagtail_would_write(write_file):
    """New pages get their reference rows in bulk; Wagtail's own per-page method finds nothing to change."""
    run_import(write_file(good_content()), "--publish")
    before = set(ReferenceIndex.objects.values_list("object_id", "to_content_type_id", "to_object_id", "content_path"))
    assert before, "imported pages reference their taxonomies and barriers"
    for page in content_pages():
        ReferenceIndex.create_or_update_for_object(page)
    after = set(ReferenceIndex.objects.values_list("object_id", "to_content_type_id", "to_object_id", "content_path"))
    assert after == before


def test_wagtail_admin_search_finds_imported_pages(write_file):
    run_import(write_file(good_content()), "--publish")
    assert list(CaseStudyPage.objects.search("monitoring")) == [
        CaseStudyPage.objects.get(slug="central-monitoring-hub")
    ]


@pytest.mark.parametrize("args", [(), ("--publish",)])
def test_importing_the_same_file_again_changes_nothing(write_file, args):
    path = write_file(good_content())
    run_import(path, *args)
    before = snapshot()

    output = run_import(path, *args)

    assert snapshot() == before
    assert "pioneers: 0 created, 0 changed, 0 published, 2 unchanged" in output
    assert "case studies: 0 created, 0 changed, 0 published, 3 unchanged" in output
    assert "barriers: 0 created, 0 changed, 0 published, 2 unchanged" in output
    assert "workarounds: 0 created, 0 changed, 0 published, 2 unchanged" in output


def test_a_changed_record_becomes_a_new_revision_of_its_page(write_file):
    content = good_content()
    run_import(write_file(content), "--publish")
    hub = CaseStudyPage.objects.get(slug="central-monitoring-hub")
    barrier = BarrierPage.objects.get(slug="night-shifts")
    untouched = CaseStudyPage.objects.get(slug="telecare-at-home")
    revisions = {page.pk: page.revisions.count() for page in content_pages()}

    content["case_studies"][0]["summary"] = "A new summary."
    content["case_studies"][0]["themes"] = ["multidisciplinary-teams"]
    content["case_studies"][0]["outcomes"][1]["value"] = 2
    content["case_studies"][0]["barriers"][1]["status"] = "overcome"
    output = run_import(write_file(content), "--publish")

    assert "case studies: 0 created, 1 changed, 0 published, 2 unchanged" in output
    assert "barriers: 0 created, 1 changed, 0 published, 1 unchanged" in output
    for page in content_pages():
        expected = revisions[page.pk] + (1 if page.pk in {hub.pk, barrier.pk} else 0)
        assert page.revisions.count() == expected, page.title
    hub.refresh_from_db()
    assert hub.summary == "A new summary."
    assert list(hub.themes.values_list("slug", flat=True)) == ["multidisciplinary-teams"]
    assert [outcome.value for outcome in hub.outcomes.all()] == [Decimal("120.00"), Decimal("2.00")]
    assert BarrierPage.objects.get(pk=barrier.pk).status == "overcome"
    assert CaseStudyPage.objects.get(pk=untouched.pk).latest_revision_id == untouched.latest_revision_id


def test_a_change_imported_as_a_draft_leaves_the_live_page_alone(write_file):
    content = good_content()
    run_import(write_file(content), "--publish")
    content["case_studies"][0]["title"] = "A renamed hub"
    write_file(content)

    run_import(write_file(content))

    hub = CaseStudyPage.objects.get(slug="central-monitoring-hub")
    assert hub.live and hub.has_unpublished_changes
    assert hub.title == "A central monitoring hub"  # the live page
    assert hub.get_latest_revision_as_object().title == "A renamed hub"  # the draft editors see
    assert '"title": "A renamed hub"' in run_export()  # export writes what editors see


def test_publish_after_a_draft_import_publishes_without_a_new_revision(write_file, client):
    path = write_file(good_content())
    run_import(path)
    revisions = {page.pk: page.latest_revision_id for page in content_pages()}

    output = run_import(path, "--publish")

    assert "pioneers: 0 created, 0 changed, 2 published, 0 unchanged" in output
    for page in content_pages():
        assert page.live and page.latest_revision_id == revisions[page.pk], page.title
        assert page.live_revision_id == page.latest_revision_id, page.title
        assert not page.has_unpublished_changes and page.first_published_at, page.title
        assert PageLogEntry.objects.filter(page=page, action="wagtail.publish").count() == 1, page.title
    assert SearchEntry.objects.count() == 3 + 2 + 2  # indexed once published
    assert client.get("/pioneers/barnsley/central-monitoring-hub/").status_code == 200


def test_publish_brings_a_draft_change_of_a_live_page_live(write_file, client):
    """Not a first draft: Wagtail's own publish copies the revision's content to the live page."""
    content = good_content()
    run_import(write_file(content), "--publish")
    content["case_studies"][0]["title"] = "A renamed hub"
    content["case_studies"][0]["tags"] = ["renamed"]
    run_import(write_file(content))  # a draft of the change

    output = run_import(write_file(content), "--publish")

    assert "case studies: 0 created, 0 changed, 1 published, 2 unchanged" in output
    hub = CaseStudyPage.objects.get(slug="central-monitoring-hub")
    assert hub.live and not hub.has_unpublished_changes
    assert hub.title == "A renamed hub"
    assert [tag.name for tag in hub.tags.all()] == ["renamed"]
    assert "A renamed hub" in client.get(hub.url).content.decode()


def test_import_never_deletes_what_the_file_leaves_out(write_file):
    run_import(write_file(good_content()), "--publish")
    content = good_content()
    content["pioneers"] = content["pioneers"][:1]
    content["case_studies"] = content["case_studies"][:1]
    del content["case_studies"][0]["barriers"]
    content["case_studies"][0]["workarounds"] = []
    before = snapshot()

    output = run_import(write_file(content), "--publish")

    assert snapshot() == before
    assert "workarounds: 0 created, 0 changed, 0 published, 0 unchanged" in output
    assert PioneerPage.objects.filter(slug="southend").exists()


def test_a_later_file_can_add_to_what_is_on_the_site(write_file):
    """A case study of a pioneer already on the site, and a workaround for a barrier already there."""
    run_import(write_file(good_content()), "--publish")
    addition = {
        "format": "pioneer-exchange/1",
        "case_studies": [
            {
                "slug": "central-monitoring-hub",
                "pioneer": "barnsley",
                **{key: good_content()["case_studies"][0][key] for key in ("title", "summary", "narrative")},
                **{key: good_content()["case_studies"][0][key] for key in ("themes", "care_groups", "stage")},
                **{key: good_content()["case_studies"][0][key] for key in ("start_date", "published", "tags")},
                **{key: good_content()["case_studies"][0][key] for key in ("contact", "outcomes")},
                "workarounds": [
                    {
                        "slug": "night-gp",
                        "title": "A GP on call at night",
                        "addresses": ["hub-cannot-see-gp-records"],
                        "description": "Funded by the CCG.",
                    }
                ],
            }
        ],
    }
    output = run_import(write_file(addition), "--publish")

    assert "case studies: 0 created, 0 changed, 0 published, 1 unchanged" in output
    assert "workarounds: 1 created" in output
    night_gp = WorkaroundPage.objects.get(slug="night-gp")
    assert [barrier.slug for barrier in night_gp.barriers()] == ["hub-cannot-see-gp-records"]


def test_dry_run_reports_and_writes_nothing(write_file):
    path = write_file(good_content())
    before = snapshot()

    output = run_import(path, "--dry-run")

    assert snapshot() == before
    assert not PioneerPage.objects.exists()
    assert "  to create  pioneer     barnsley" in output
    assert "  to create  case study  barnsley/central-monitoring-hub" in output
    assert "  to create  barrier     barnsley/central-monitoring-hub/night-shifts" in output
    assert "  to create  workaround  barnsley/central-monitoring-hub/shared-rota" in output
    assert "pioneers: 2 to create, 0 to change, 0 to publish, 0 unchanged" in output
    assert "Dry run of" in output and "nothing was written" in output


def test_dry_run_tells_changed_from_unchanged(write_file):
    content = good_content()
    run_import(write_file(content), "--publish")
    content["case_studies"][1]["summary"] = "Changed."
    before = snapshot()

    output = run_import(write_file(content), "--dry-run", "--publish")

    assert snapshot() == before
    assert "  to change  case study  barnsley/telecare-at-home" in output
    assert "central-monitoring-hub" not in output  # left alone: listed only with -v 2
    assert "case studies: 0 to create, 1 to change, 0 to publish, 2 unchanged" in output
