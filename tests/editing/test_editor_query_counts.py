"""SQL queries of the guide editor's steps: few, and the same however big the guide and
however long its history.

The editor's form and Save draft were the slow steps of the editor benchmark
(docs/benchmarks.md); a query per block, per study or per past revision would make them
slower with every guide an editor writes, so the counts are pinned here.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conditions.models import ConditionPage
from tests.factories import ConditionPageFactory, cannabis_evidence, full_body, study
from tests.review.admin_forms import guide_form

# Measured with a warm cache; Wagtail's own edit view makes most of them. PostgreSQL's
# save makes one query more than SQLite's, so each database keeps its own measured bound.
EDIT_FORM_QUERIES = 61  # +2 over the measured 59: the guide's helpfulness (feedback/panels.py)
SAVE_DRAFT_QUERIES = {"sqlite": 69, "postgresql": 70}


def big_body():
    """Every section, and evidence with many studies: the size of the demo's largest guide."""
    return [*full_body(), cannabis_evidence([study(title=f"Study {n}") for n in range(12)])]


def with_history(guide, revisions):
    """Past drafts and publications, as a guide collects them over its life."""
    for n in range(revisions):
        guide.summary = f"Summary, version {n}."
        revision = guide.save_revision()
        if n % 2:
            revision.publish()
    return ConditionPage.objects.get(pk=guide.pk)


@pytest.fixture
def editor(client_for):
    return client_for("editor")


def edit_form_queries(editor, guide):
    url = f"/admin/pages/{guide.pk}/edit/"
    editor.get(url)  # Fills the per-process caches (content types, site root paths).
    with CaptureQueriesContext(connection) as captured:
        response = editor.get(url)
    assert response.status_code == 200
    return len(captured)


def warm_up(editor, guide):
    """A first save creates the site settings and the editor's page subscription."""
    url = f"/admin/pages/{guide.pk}/edit/"
    editor.get(url)
    assert editor.post(url, guide_form(guide, summary="A first draft.")).status_code == 302
    return url


def save_draft_queries(editor, guide, summary):
    url = f"/admin/pages/{guide.pk}/edit/"
    with CaptureQueriesContext(connection) as captured:
        response = editor.post(url, guide_form(guide, summary=summary))
    assert response.status_code == 302, response.content[:2000]
    assert ConditionPage.objects.get(pk=guide.pk).get_latest_revision_as_object().summary == (
        summary
    )
    return len(captured)


def test_edit_form_makes_few_queries(editor, guide, django_assert_max_num_queries):
    url = f"/admin/pages/{guide.pk}/edit/"
    editor.get(url)
    with django_assert_max_num_queries(EDIT_FORM_QUERIES):
        response = editor.get(url)
    assert response.status_code == 200
    assert "Dystonia" in response.text


def test_edit_form_queries_do_not_grow_with_the_guide_or_its_history(editor, conditions_index):
    small = ConditionPageFactory(title="Small", slug="small")
    big = with_history(ConditionPageFactory(title="Big", slug="big", body=big_body()), 8)
    assert edit_form_queries(editor, big) == edit_form_queries(editor, small)


def test_save_draft_makes_few_queries(editor, guide, django_assert_max_num_queries):
    url = warm_up(editor, guide)
    with django_assert_max_num_queries(SAVE_DRAFT_QUERIES[connection.vendor]):
        response = editor.post(url, guide_form(guide, summary="A shorter summary."))
    assert response.status_code == 302
    draft = ConditionPage.objects.get(pk=guide.pk).get_latest_revision_as_object()
    assert draft.summary == "A shorter summary."


def test_save_draft_queries_do_not_grow_with_the_guide_or_its_history(editor, conditions_index):
    small = ConditionPageFactory(title="Small", slug="small")
    big = with_history(ConditionPageFactory(title="Big", slug="big", body=big_body()), 8)
    warm_up(editor, small)
    warm_up(editor, big)
    assert save_draft_queries(editor, big, "Big, edited.") == save_draft_queries(
        editor, small, "Small, edited."
    )
