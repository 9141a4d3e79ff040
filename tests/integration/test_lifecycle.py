"""The index follows the content: publish, drafts, unpublish, delete, privacy, moves and renames.

Each change runs its on-commit indexing (factories.committed), then both
indices are read back: Elasticsearch through its engine and stored
fingerprints, the database index through its SearchEntry rows.
"""

from __future__ import annotations

import pytest
from wagtail.models import PageViewRestriction

from casestudies.models import CaseStudyPage
from search.engines.database.engine import DatabaseEngine
from search.request import SearchRequest
from tests.factories import committed, make_barrier, make_case_study, make_pioneer, make_workaround
from themes.models import Theme

from .conftest import db_documents, es_hits, es_ids

pytestmark = [pytest.mark.elasticsearch, pytest.mark.django_db]


def test_publishing_indexes_in_both_and_a_draft_never_is(es_store, es_engine):
    pioneer = make_pioneer("Lifecycle Leeds")
    study = make_case_study(pioneer, "Joined up records for carers", themes=("workforce-redesign",))
    draft = make_case_study(pioneer, "Unpublished pilot of virtual wards", live=False)

    assert set(es_hits(es_engine)) == {study.pk}
    assert es_ids(es_store) == {study.pk}
    assert set(db_documents()) == {study.pk}
    assert db_documents()[study.pk]["title"] == "Joined up records for carers"
    assert es_hits(es_engine, "virtual wards") == {}
    assert draft.pk not in es_ids(es_store)


def test_a_new_draft_of_a_live_page_changes_nothing_until_it_is_published(es_store, es_engine):
    pioneer = make_pioneer("Draft Durham")
    study = make_case_study(pioneer, "Original title about hospital discharge")

    study.title = "Rewritten title about frailty hubs"
    with committed():
        study.save_revision()
    # Something else re-indexes the case study meanwhile: it must still index the live version.
    barrier = make_barrier(study, "Discharge letters arrived late")

    hits = es_hits(es_engine, type=["case_study"])
    assert hits[study.pk].title == "Original title about hospital discharge"
    assert es_hits(es_engine, "frailty hubs") == {}
    assert db_documents()[study.pk]["title"] == "Original title about hospital discharge"

    with committed():
        CaseStudyPage.objects.get(pk=study.pk).get_latest_revision().publish()

    assert es_hits(es_engine, type=["case_study"])[study.pk].title == "Rewritten title about frailty hubs"
    # The barrier's document quotes its case study's title, so it changes too.
    assert set(es_hits(es_engine, "frailty hubs")) == {study.pk, barrier.pk}
    assert db_documents()[study.pk]["title"] == "Rewritten title about frailty hubs"


def test_unpublishing_a_case_study_removes_it_and_its_barriers_and_workarounds(es_store, es_engine):
    pioneer = make_pioneer("Unpublish Umbria")
    study = make_case_study(pioneer, "Care navigators in general practice")
    barrier = make_barrier(study, "Navigators could not see GP records")
    workaround = make_workaround(study, [barrier], "Honorary contracts for navigators")
    other = make_case_study(pioneer, "Community pharmacists in care homes")
    everything = {study.pk, barrier.pk, workaround.pk, other.pk}
    assert es_ids(es_store) == everything
    assert set(db_documents()) == everything

    with committed():
        study.unpublish()  # Wagtail leaves the children live: their ancestor's state must hide them

    assert es_ids(es_store) == {other.pk}
    assert set(es_hits(es_engine)) == {other.pk}
    assert es_hits(es_engine, "navigators") == {}
    assert set(db_documents()) == {other.pk}
    db_response = DatabaseEngine().search(SearchRequest(q="navigators"))
    assert db_response.total == 0

    with committed():
        CaseStudyPage.objects.get(pk=study.pk).get_latest_revision().publish()
    assert es_ids(es_store) == everything
    assert set(db_documents()) == everything


def test_deleting_pages_removes_their_documents_and_updates_the_case_study(es_store, es_engine):
    pioneer = make_pioneer("Delete Devon")
    study = make_case_study(pioneer, "Integrated discharge team")
    kept = make_barrier(study, "Two assessment forms", category="workforce-and-skills")
    doomed = make_barrier(study, "Budgets could not be pooled", category="payment-mechanisms")
    workaround = make_workaround(study, [doomed], "A section 75 agreement")
    other_study = make_case_study(pioneer, "Falls prevention in the community")
    other_barrier = make_barrier(other_study, "Nobody owned falls data")
    assert set(es_hits(es_engine, barrier_category=["payment-mechanisms"])) == {study.pk, doomed.pk, workaround.pk}

    with committed():
        doomed.delete()

    assert doomed.pk not in es_ids(es_store)
    assert doomed.pk not in db_documents()
    # The case study no longer has a payment barrier; the workaround's document no longer names it.
    assert set(es_hits(es_engine, barrier_category=["payment-mechanisms"])) == set()
    assert set(es_hits(es_engine, barrier_category=["workforce-and-skills"])) == {study.pk, kept.pk}
    assert db_documents()[study.pk]["barrier_category"] == ["workforce-and-skills"]
    assert db_documents()[workaround.pk]["barrier_category"] == []

    with committed():
        CaseStudyPage.objects.get(pk=other_study.pk).delete()  # and its barrier with it

    remaining = {study.pk, kept.pk, workaround.pk}
    assert es_ids(es_store) == remaining
    assert set(db_documents()) == remaining
    assert other_barrier.pk not in set(es_hits(es_engine))


def test_a_view_restriction_hides_a_pioneers_content_until_it_is_lifted(es_store, es_engine):
    private = make_pioneer("Private Portsmouth")
    study = make_case_study(private, "Closed pilot of shared budgets")
    barrier = make_barrier(study, "Closed pilot barrier")
    public = make_pioneer("Public Plymouth")
    public_study = make_case_study(public, "Open pilot of shared budgets")

    with committed():
        restriction = PageViewRestriction.objects.create(
            page=private, restriction_type=PageViewRestriction.PASSWORD, password="only-staff"
        )

    assert es_ids(es_store) == {public_study.pk}
    assert set(es_hits(es_engine, "shared budgets")) == {public_study.pk}
    assert set(db_documents()) == {public_study.pk}

    with committed():
        restriction.delete()

    assert es_ids(es_store) == {study.pk, barrier.pk, public_study.pk}
    assert set(es_hits(es_engine, "shared budgets")) == {study.pk, barrier.pk, public_study.pk}
    assert set(db_documents()) == {study.pk, barrier.pk, public_study.pk}


def test_moving_a_case_study_moves_its_documents_to_the_new_pioneer(es_store, es_engine):
    north = make_pioneer("Move Morecambe", region="north")
    south = make_pioneer("Move Southampton", region="south")
    study = make_case_study(north, "Hospital at home for children")
    barrier = make_barrier(study, "Paediatric nurses were scarce")
    before = es_hits(es_engine)
    assert before[study.pk].pioneer == {"slug": north.slug, "name": "Move Morecambe"}
    assert before[barrier.pk].url.startswith(north.url)

    with committed():
        CaseStudyPage.objects.get(pk=study.pk).move(south, pos="last-child")

    study.refresh_from_db()
    after = es_hits(es_engine)
    for pk in (study.pk, barrier.pk):
        assert after[pk].pioneer == {"slug": south.slug, "name": "Move Southampton"}
        assert after[pk].url.startswith(south.url)
    assert after[study.pk].url == study.url
    assert set(es_hits(es_engine, region=["south"])) == {study.pk, barrier.pk}
    assert es_hits(es_engine, region=["north"]) == {}
    assert es_hits(es_engine, pioneer=[north.slug]) == {}
    documents = db_documents()
    assert {documents[pk]["region"] for pk in (study.pk, barrier.pk)} == {"south"}
    assert {documents[pk]["pioneer_name"] for pk in (study.pk, barrier.pk)} == {"Move Southampton"}


def test_renaming_a_theme_updates_every_document_that_names_it(es_store, es_engine):
    pioneer = make_pioneer("Theme Telford")
    study = make_case_study(pioneer, "Therapists in the front door", themes=("multidisciplinary-teams",))
    barrier = make_barrier(study, "Rotas did not line up")
    untouched = make_case_study(pioneer, "Digital front door", themes=("digital-access-for-patients",))
    assert es_hits(es_engine, "Kaleidoscope collaboratives") == {}

    theme = Theme.objects.get(slug="multidisciplinary-teams")
    theme.name = "Kaleidoscope collaboratives"
    with committed():
        theme.save()

    found = es_hits(es_engine, "Kaleidoscope collaboratives")
    assert set(found) == {study.pk, barrier.pk}
    assert found[study.pk].themes == [{"slug": "multidisciplinary-teams", "name": "Kaleidoscope collaboratives"}]
    labels = {
        value.value: value.label
        for facet in es_engine.search(SearchRequest()).facets
        if facet.name == "theme"
        for value in facet.values
    }
    assert labels["multidisciplinary-teams"] == "Kaleidoscope collaboratives"
    assert db_documents()[barrier.pk]["theme_names"] == ["Kaleidoscope collaboratives"]
    assert db_documents()[untouched.pk]["theme_names"] == ["Digital access for patients"]
    database = DatabaseEngine().search(SearchRequest(q="Kaleidoscope"))
    assert {hit.id for hit in database.results} == {study.pk, barrier.pk}


def test_renaming_a_pioneer_updates_its_case_studies_and_barriers(es_store, es_engine):
    pioneer = make_pioneer("Rename Rotherham")
    study = make_case_study(pioneer, "Social prescribing link workers")
    barrier = make_barrier(study, "Link workers had no desks")

    pioneer.title = "South Yorkshire Partnership"
    with committed():
        pioneer.save_revision().publish()

    hits = es_hits(es_engine)
    assert {hits[pk].pioneer["name"] for pk in (study.pk, barrier.pk)} == {"South Yorkshire Partnership"}
    assert set(es_hits(es_engine, "Yorkshire")) == {study.pk, barrier.pk}
    assert {db_documents()[pk]["pioneer_name"] for pk in (study.pk, barrier.pk)} == {"South Yorkshire Partnership"}


def test_publishing_a_barrier_updates_its_case_studys_barrier_categories(es_store, es_engine):
    pioneer = make_pioneer("Category Cumbria")
    study = make_case_study(pioneer, "Rural virtual clinics")
    assert es_hits(es_engine, barrier_category=["information-governance"]) == {}

    barrier = make_barrier(study, "Patients lacked broadband", category="information-governance")

    assert set(es_hits(es_engine, barrier_category=["information-governance"])) == {study.pk, barrier.pk}
    assert db_documents()[study.pk]["barrier_category"] == ["information-governance"]
    assert db_documents()[study.pk]["barrier_category_names"] == ["Information governance and data sharing"]


def test_deleting_a_pioneer_removes_its_content_and_its_suggestion(es_store, es_engine):
    pioneer = make_pioneer("Zebedee Borough")
    study = make_case_study(pioneer, "Zebedee community beds")
    assert {s["text"] for s in es_engine.suggest("Zebedee")} == {"Zebedee Borough", "Zebedee community beds"}

    with committed():
        pioneer.delete()

    assert study.pk not in es_ids(es_store)
    assert db_documents() == {}
    assert es_engine.suggest("Zebedee") == []
