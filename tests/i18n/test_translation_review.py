"""A translation goes to medical review as translated, and is published as reviewed."""

from urllib.parse import urlencode

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation

from conditions.models import ConditionPage
from tests.factories import ConditionPageFactory, cannabis_evidence, overview, study
from translations.demo import translate_with_strings
from translations.editor import reviewed_editor_props
from translations.templatetags import translation_editor

from .spanish import DYSTONIA


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def submit_url(page):
    return reverse("translations:submit_for_review", args=[page.pk])


def fill_segment(client, page, english, spanish):
    """What the translation editor does when a translator saves a segment."""
    translation = translation_for(page)
    segments = StringSegment.objects.filter(source=translation.source, string__data=english)
    assert segments
    for segment in segments:
        url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
        response = client.put(
            url, urlencode({"value": spanish}), content_type="application/x-www-form-urlencoded"
        )
        assert response.status_code in (200, 201)


def translation_for(page):
    from translations.submission import translation_of

    return translation_of(page)


def approve(client, page):
    page = ConditionPage.objects.get(pk=page.pk)
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    return client.post(url, {"comment": "", "not_clinical": "on"})


def spanish_draft(dystonia, spanish, strings):
    """A Spanish guide just made with "Translate this page": segments as ``strings``."""
    return translate_with_strings(dystonia, spanish, strings)


def test_submitting_saves_the_translated_segments_as_the_revision_under_review(
    people, dystonia, spanish, spanish_index, client
):
    draft = spanish_draft(dystonia, spanish, {})
    translator = client_for(people["translator"])
    for english, spanish_text in DYSTONIA.items():
        if StringSegment.objects.filter(string__data=english).exists():
            fill_segment(translator, draft, english, spanish_text)

    response = translator.post(submit_url(draft))

    assert response.status_code == 302
    draft.refresh_from_db()
    under_review = draft.current_workflow_task_state.revision.as_object()
    assert under_review.title == "Distonía"
    assert "La distonía hace que los músculos" in str(under_review.body)

    approve(client_for(people["reviewer"]), draft)

    page = client.get("/es/conditions/distonia/")
    assert page.status_code == 200
    assert "Distonía" in page.text
    assert "La distonía hace que los músculos se contraigan solos." in page.text
    assert "Dystonia makes muscles tighten" not in page.text


def test_a_live_translation_keeps_its_public_text_until_the_review_approves(
    people, dystonia, spanish, spanish_index, client
):
    guide = spanish_draft(dystonia, spanish, DYSTONIA)
    guide.get_latest_revision().publish()
    translator = client_for(people["translator"])
    fill_segment(
        translator, guide, "Muscles tighten on their own.", "Los músculos se tensan solos."
    )

    assert translator.post(submit_url(guide)).status_code == 302

    assert "Los músculos se contraen por sí solos." in client.get("/es/conditions/distonia/").text
    approve(client_for(people["reviewer"]), guide)
    public = client.get("/es/conditions/distonia/").text
    assert "Los músculos se tensan solos." in public
    assert "Los músculos se contraen por sí solos." not in public


def test_a_segment_changed_during_review_is_saved_into_the_revision_under_review(
    people, dystonia, spanish, spanish_index, client, django_capture_on_commit_callbacks
):
    draft = spanish_draft(dystonia, spanish, DYSTONIA)
    translator = client_for(people["translator"])
    translator.post(submit_url(draft))
    reviewer = client_for(people["reviewer"])
    revisions_before = draft.revisions.count()

    # The translator mends a segment while the review is open (a reviewer who changed the
    # text could not then approve it: review/sign_off.py).
    with django_capture_on_commit_callbacks(execute=True):
        fill_segment(translator, draft, "Often unknown.", "La causa suele ser desconocida.")

    draft.refresh_from_db()
    assert draft.revisions.count() == revisions_before + 1
    assert "La causa suele ser desconocida." in str(draft.get_latest_revision_as_object().body)
    approve(reviewer, draft)
    assert "La causa suele ser desconocida." in client.get("/es/conditions/distonia/").text


def test_machine_translation_during_review_saves_one_revision(
    people, dystonia, spanish, spanish_index, django_capture_on_commit_callbacks
):
    draft = spanish_draft(dystonia, spanish, {"Dystonia": "Distonía", "dystonia": "distonia"})
    # Submitted with English text: the translator was warned, nothing carried a mark.
    client_for(people["translator"]).post(submit_url(draft))
    revisions_before = draft.revisions.count()

    with django_capture_on_commit_callbacks(execute=True):
        client_for(people["reviewer"]).post(
            reverse("wagtail_localize:machine_translate", args=[translation_for(draft).pk]),
            {"next": reverse("wagtailadmin_home")},
        )

    assert draft.revisions.count() == revisions_before + 1
    draft.refresh_from_db()
    assert "[ES] Often unknown." in str(draft.get_latest_revision_as_object().body)


def test_submission_is_refused_while_a_segment_carries_the_development_marker(
    people, dystonia, spanish, spanish_index
):
    draft = spanish_draft(dystonia, spanish, {"Dystonia": "Distonía", "dystonia": "distonia"})
    translator = client_for(people["translator"])
    translator.post(
        reverse("wagtail_localize:machine_translate", args=[translation_for(draft).pk]),
        {"next": reverse("wagtailadmin_home")},
    )
    fill_segment(translator, draft, "Often unknown.", "[ES] A menudo se desconoce.")

    confirm = translator.get(submit_url(draft))
    response = translator.post(submit_url(draft))

    assert response.status_code == 400
    assert not WorkflowState.objects.filter(object_id=str(draft.pk)).exists()
    assert "development translator" in response.text
    assert "Causes" in response.text  # The segment is named by its section.
    assert "[ES] A menudo se desconoce." in response.text
    assert 'type="submit"' not in confirm.text.split("marked-segments")[1].split("</form>")[0]


def test_translator_sees_untranslated_and_machine_translated_segments_before_submitting(
    people, dystonia, spanish, spanish_index
):
    strings = dict(DYSTONIA)
    del strings["Pain and fatigue."]
    draft = spanish_draft(dystonia, spanish, strings)
    StringTranslation.objects.filter(data="Hay poca evidencia.").update(
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE
    )

    response = client_for(people["translator"]).get(submit_url(draft))

    assert response.status_code == 200
    untranslated = response.text.split('id="untranslated-segments"')[1].split("</div>")[0]
    assert "Complications" in untranslated and "Pain and fatigue." in untranslated
    machine = response.text.split('id="machine-translated-segments"')[1].split("</div>")[0]
    assert "Hay poca evidencia." in machine
    assert 'id="marked-segments"' not in response.text


def test_study_segments_are_named_by_study_and_field(people, dystonia, spanish, spanish_index):
    strings = dict(DYSTONIA)
    del strings["Second study"]
    draft = spanish_draft(dystonia, spanish, strings)

    response = client_for(people["translator"]).get(submit_url(draft))

    untranslated = response.text.split('id="untranslated-segments"')[1].split("</div>")[0]
    assert "Cannabis evidence › Study 2 › Title" in untranslated


def test_resubmitting_after_changes_were_requested_resumes_the_review(
    people, dystonia, spanish, spanish_index
):
    draft = spanish_draft(dystonia, spanish, DYSTONIA)
    translator = client_for(people["translator"])
    translator.post(submit_url(draft))
    draft = ConditionPage.objects.get(pk=draft.pk)
    task_state = draft.current_workflow_task_state
    client_for(people["reviewer"]).post(
        reverse("wagtailadmin_pages:workflow_action", args=[draft.pk, "reject", task_state.pk]),
        {"comment": "Say 'a menudo' only once."},
    )
    fill_segment(translator, draft, "Often unknown.", "Se desconoce con frecuencia.")

    response = translator.post(submit_url(draft))

    assert response.status_code == 302
    draft = ConditionPage.objects.get(pk=draft.pk)
    assert draft.workflow_in_progress
    assert WorkflowState.objects.filter(object_id=str(draft.pk)).count() == 1
    under_review = draft.current_workflow_task_state.revision.as_object()
    assert "Se desconoce con frecuencia." in str(under_review.body)


def queries_for(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_submit_page_and_editor_labels_make_as_many_queries_for_ten_studies_as_for_one(
    people, conditions_index, spanish, spanish_index, monkeypatch
):
    # wagtail-localize's own editor view makes queries per segment; what this project
    # adds to it (translations/editor.py) must not.
    adjusting = []

    def counted(props, translation):
        with CaptureQueriesContext(connection) as context:
            result = reviewed_editor_props(props, translation)
        adjusting.append(len(context.captured_queries))
        return result

    monkeypatch.setattr(translation_editor, "reviewed_editor_props", counted)
    translator = client_for(people["translator"])
    submit_page = []
    for number, studies in enumerate((1, 10)):
        guide = ConditionPageFactory(
            title=f"Guide {number}",
            body=[
                overview("<p>An overview.</p>"),
                cannabis_evidence([study(title=f"Study {n}") for n in range(studies)]),
            ],
        )
        draft = spanish_draft(guide, spanish, {})
        submit_page.append(queries_for(translator, submit_url(draft)))
        queries_for(translator, reverse("wagtailadmin_pages:edit", args=[draft.pk]))

    assert submit_page[0] == submit_page[1]
    assert len(adjusting) == 2 and adjusting[0] == adjusting[1]


def test_a_translation_the_page_rejects_is_not_sent_and_says_why(
    people, dystonia, spanish, spanish_index, monkeypatch
):
    from django.core.exceptions import ValidationError

    from translations import views

    def refuse(translation, user=None):
        raise ValidationError("The slug is already in use.")

    monkeypatch.setattr(views, "save_translated_draft", refuse)
    draft = spanish_draft(dystonia, spanish, DYSTONIA)

    response = client_for(people["translator"]).post(submit_url(draft))

    assert response.status_code == 400
    assert "The slug is already in use." in response.text
    assert not WorkflowState.objects.filter(object_id=str(draft.pk)).exists()
