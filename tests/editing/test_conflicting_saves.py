"""Two people edit one guide: a save built on an out-of-date version is refused."""

from django.urls import resolve, reverse
from wagtail.models import Revision, WorkflowState

from conditions.models import ConditionPage
from editing.views import ConflictCheckingEditView
from tests.review.admin_forms import guide_form

STALE_MESSAGE = "Saving will overwrite a newer version."


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def loaded_form(page):
    """What the edit form carries about the version it was loaded from."""
    page = ConditionPage.objects.get(pk=page.pk)
    revision = page.latest_revision
    return {
        "loaded_revision_id": str(revision.pk),
        "loaded_revision_created_at": revision.created_at.isoformat(),
    }


def save(client, page, loaded, **fields):
    page = ConditionPage.objects.get(pk=page.pk)
    return client.post(edit_url(page), guide_form(page, **fields) | loaded)


def latest_summary(page):
    return ConditionPage.objects.get(pk=page.pk).get_latest_revision_as_object().summary


def test_wagtails_edit_url_is_answered_by_the_conflict_checking_view(guide):
    match = resolve(edit_url(guide))
    assert match.func.view_class is ConflictCheckingEditView


def test_second_save_from_an_older_form_is_refused_and_keeps_the_input(guide, client_for):
    first, second = client_for("editor"), client_for("manager")
    loaded_by_first = loaded_form(guide)
    loaded_by_second = loaded_form(guide)
    revisions_before = Revision.objects.for_instance(guide).count()

    assert save(first, guide, loaded_by_first, summary="First editor's summary.").status_code == 302
    response = save(second, guide, loaded_by_second, summary="Second editor's summary.")

    html = response.content.decode()
    assert response.status_code == 200
    assert STALE_MESSAGE in html
    assert "Editor Tester saved a newer version" in html
    assert "Second editor&#x27;s summary." in html or "Second editor's summary." in html
    assert latest_summary(guide) == "First editor's summary."
    assert Revision.objects.for_instance(guide).count() == revisions_before + 1
    # The refused form still says where it was loaded from, so autosave is refused too.
    assert f'name="loaded_revision_id" value="{loaded_by_second["loaded_revision_id"]}"' in html


def test_editor_can_choose_to_overwrite_the_newer_version(guide, client_for):
    first, second = client_for("editor"), client_for("manager")
    loaded_by_second = loaded_form(guide)
    save(first, guide, loaded_form(guide), summary="First editor's summary.")

    response = save(
        second,
        guide,
        loaded_by_second | {"overwrite_newer_version": "1"},
        summary="Second editor's summary.",
    )

    assert response.status_code == 302
    assert latest_summary(guide) == "Second editor's summary."


def test_every_successful_save_makes_one_revision(guide, client_for):
    editor = client_for("editor")
    revisions_before = Revision.objects.for_instance(guide).count()
    for number in range(3):
        response = save(editor, guide, loaded_form(guide), summary=f"Summary {number}.")
        assert response.status_code == 302
    assert Revision.objects.for_instance(guide).count() == revisions_before + 3
    assert latest_summary(guide) == "Summary 2."


def test_autosave_from_an_older_form_is_refused(guide, client_for):
    first, second = client_for("editor"), client_for("manager")
    loaded_by_second = loaded_form(guide)
    save(first, guide, loaded_form(guide), summary="First editor's summary.")

    page = ConditionPage.objects.get(pk=guide.pk)
    response = second.post(
        edit_url(page),
        guide_form(page, summary="Autosaved.") | loaded_by_second,
        headers={"Accept": "application/json"},
    )

    assert response.json()["error_code"] == "invalid_revision"
    assert latest_summary(guide) == "First editor's summary."


def test_submitting_from_an_older_form_is_refused(guide, client_for):
    first, second = client_for("editor"), client_for("manager")
    loaded_by_second = loaded_form(guide)
    save(first, guide, loaded_form(guide), summary="First editor's summary.")

    page = ConditionPage.objects.get(pk=guide.pk)
    response = second.post(
        edit_url(page),
        guide_form(page, summary="Second editor's summary.")
        | loaded_by_second
        | {"action-submit": "1"},
    )

    assert response.status_code == 200
    assert STALE_MESSAGE in response.content.decode()
    assert not WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS).exists()


def test_save_over_the_editors_own_newer_autosave_is_not_a_conflict(guide, client_for):
    """The editor clicks Save while their own autosave is still on its way."""
    editor = client_for("editor")
    loaded = loaded_form(guide)
    page = ConditionPage.objects.get(pk=guide.pk)
    autosave = editor.post(
        edit_url(page),
        guide_form(page, summary="Autosaved.") | loaded,
        headers={"Accept": "application/json"},
    )
    assert autosave.json()["success"]

    response = save(editor, guide, loaded, summary="Saved by hand.")

    assert response.status_code == 302
    assert latest_summary(guide) == "Saved by hand."


def test_someone_elses_save_after_the_editors_autosave_is_still_a_conflict(guide, client_for):
    editor, manager = client_for("editor"), client_for("manager")
    loaded = loaded_form(guide)
    page = ConditionPage.objects.get(pk=guide.pk)
    editor.post(
        edit_url(page),
        guide_form(page, summary="Autosaved.") | loaded,
        headers={"Accept": "application/json"},
    )
    save(manager, guide, loaded_form(guide), summary="Manager's summary.")

    response = save(editor, guide, loaded, summary="Saved by hand.")

    assert response.status_code == 200
    assert STALE_MESSAGE in response.content.decode()
    assert latest_summary(guide) == "Manager's summary."
