"""wagtail-localize's translation editor, as translators and reviewers meet it."""

import html
import json
import re
from pathlib import Path

import wagtail_localize
from django.urls import reverse
from wagtail_localize.models import StringTranslation

from tests.factories import ConditionPageFactory
from translations.demo import translate_with_strings

from .spanish import DYSTONIA
from .test_translation_review import client_for, submit_url, translation_for

LOCALIZE_TEMPLATE = (
    Path(wagtail_localize.__file__).parent
    / "templates"
    / "wagtail_localize"
    / "admin"
    / "edit_translation.html"
)


def editor_props(response):
    match = re.search(r'class="js-translation-editor" data-props="([^"]*)"', response.text)
    assert match, "wagtail-localize's editor element is missing"
    return json.loads(html.unescape(match.group(1)))


def test_wagtail_localize_still_hands_its_editor_the_props_we_adjust():
    # translations/editor.py rewrites these; an upgrade that renames them must fail here.
    template = LOCALIZE_TEMPLATE.read_text()
    assert 'class="js-translation-editor" data-props="{{ props }}"' in template
    assert "{% block content %}" in template and "{% block extra_js %}" in template


def test_editor_footer_offers_no_delete_lock_or_alias_as_its_main_action(
    people, dystonia, spanish, spanish_index
):
    draft = translate_with_strings(dystonia, spanish, {})
    for role in ("translator", "reviewer"):
        response = client_for(people[role]).get(reverse("wagtailadmin_pages:edit", args=[draft.pk]))
        props = editor_props(response)
        assert props["perms"]["canDelete"] is False
        assert props["perms"]["canLock"] is False
        assert props["perms"]["canPublish"] is False
        assert props["links"]["convertToAliasUrl"] is None


def test_study_fields_are_labelled_by_study_and_field(people, dystonia, spanish, spanish_index):
    draft = translate_with_strings(dystonia, spanish, {})

    response = client_for(people["translator"]).get(
        reverse("wagtailadmin_pages:edit", args=[draft.pk])
    )

    labels = {
        (segment["location"]["field"], segment["location"]["subField"])
        for segment in editor_props(response)["segments"]
        if segment["type"] == "string"
    }
    assert ("Cannabis evidence", "Study 2 › Title") in labels
    assert ("Cannabis evidence", "Study 1 › Finding") in labels
    assert not any(sub == "Studies" for _field, sub in labels)


def test_machine_translation_asks_before_filling_empty_segments(
    people, dystonia, spanish, spanish_index
):
    draft = translate_with_strings(dystonia, spanish, {"Dystonia": "Distonía"})
    translator = client_for(people["translator"])
    edit_url = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    props = editor_props(translator.get(edit_url))
    confirm_url = props["machineTranslator"]["url"]

    # The editor's button posts its form here, with the page to come back to.
    confirm = translator.post(confirm_url, {"next": edit_url})

    assert confirm.status_code == 200
    assert not StringTranslation.objects.filter(data__startswith="[ES]").exists()
    assert "[ES]" in confirm.text and "cannot go to medical review" in confirm.text
    localize_url = reverse("wagtail_localize:machine_translate", args=[translation_for(draft).pk])
    assert f'action="{localize_url}"' in confirm.text
    assert f'name="next" value="{edit_url}"' in confirm.text

    translator.post(localize_url, {"next": edit_url})
    assert StringTranslation.objects.filter(data="[ES] Often unknown.").exists()
    assert StringTranslation.objects.get(translation_of__data="Dystonia").data == "Distonía"


def test_reviewer_approves_or_requests_changes_from_the_translation_editor(
    people, dystonia, spanish, spanish_index
):
    draft = translate_with_strings(dystonia, spanish, DYSTONIA)
    client_for(people["translator"]).post(submit_url(draft))
    draft.refresh_from_db()
    task_state = draft.current_workflow_task_state
    edit_url = reverse("wagtailadmin_pages:edit", args=[draft.pk])

    as_reviewer = client_for(people["reviewer"]).get(edit_url).text
    as_translator = client_for(people["translator"]).get(edit_url).text

    for action in ("approve", "reject"):
        url = reverse("wagtailadmin_pages:workflow_action", args=[draft.pk, action, task_state.pk])
        assert f'data-workflow-action-url="{url}"' in as_reviewer
        assert url not in as_translator
    assert "Approve" in as_reviewer and "Request changes" in as_reviewer


def test_also_known_as_is_translated_name_by_name(people, conditions_index, spanish, spanish_index):
    guide = ConditionPageFactory(
        title="Dystonia", slug="dystonia", also_known_as="Torsion dystonia\nSpasmodic torticollis"
    )

    draft = translate_with_strings(
        guide,
        spanish,
        {
            "Dystonia": "Distonía",
            "Torsion dystonia": "Distonía de torsión",
            "Spasmodic torticollis": "Tortícolis espasmódica",
        },
    )
    props = editor_props(
        client_for(people["translator"]).get(reverse("wagtailadmin_pages:edit", args=[draft.pk]))
    )

    names = [s["source"] for s in props["segments"] if s["location"]["field"] == "Also known as"]
    assert names == ["Torsion dystonia", "Spasmodic torticollis"]
    assert draft.alternative_names == ["Distonía de torsión", "Tortícolis espasmódica"]
