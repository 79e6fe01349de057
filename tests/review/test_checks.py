"""What stops a guide going to review, and what only warns the editor."""

import json

import pytest
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import WorkflowState

from conditions.models import ConditionPage
from review.checks import editor_warnings, submission_problems
from tests.factories import ConditionPageFactory, cannabis_evidence, overview, study

from .admin_forms import guide_form
from .test_workflow import workflow_action


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def post_edit(client, page, follow=True, **fields):
    return client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        guide_form(page, **fields),
        follow=follow,
    )


def test_a_complete_guide_can_be_submitted(guide, client_for):
    post_edit(client_for("editor"), guide, **{"action-submit": "1"})
    assert WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS).exists()


def field_errors(response, name):
    return [str(error) for error in response.context["form"].errors.get(name, [])]


def body_error(response):
    """The body's error as the editor's stream shows it: messages at each block."""
    errors = response.context["form"].errors["body"].as_data()
    return json.loads(json.dumps(errors[0].as_json_data()))  # As the browser gets it.


def test_a_guide_without_a_next_review_date_is_not_submitted_and_says_where(guide, client_for):
    response = post_edit(
        client_for("editor"),
        guide,
        summary="New words.",
        next_review_due="",
        **{"action-submit": "1"},
    )
    assert response.status_code == 200  # The form comes back, with what was typed.
    assert not WorkflowState.objects.exists()
    assert field_errors(response, "next_review_due") == [
        "Set the date the guide must be reviewed again before sending it for medical review."
    ]
    assert response.context["form"]["summary"].value() == "New words."
    # One round: no second, separate "not sent" message beside a success message.
    messages = messages_of(response)
    assert not any("has been updated" in m or "not sent" in m for m in messages)


def test_a_draft_may_leave_the_next_review_date_empty(guide, client_for):
    post_edit(client_for("editor"), guide, summary="New words.", next_review_due="")
    draft = ConditionPage.objects.get(pk=guide.pk).get_latest_revision_as_object()
    assert draft.summary == "New words."
    assert draft.next_review_due is None


def test_evidence_above_insufficient_needs_a_study(guide, client_for):
    body = [overview(), cannabis_evidence([], level="moderate")]
    response = post_edit(client_for("editor"), guide, body=body, **{"action-submit": "1"})
    assert not WorkflowState.objects.exists()
    # At the studies list of the second block, the cannabis evidence section.
    studies = body_error(response)["blockErrors"]["1"]["blockErrors"]["studies"]
    assert "add the studies behind it" in studies["messages"][0]


def test_a_draft_may_rate_evidence_before_its_studies_are_added(guide, client_for):
    body = [overview(), cannabis_evidence([], level="moderate")]
    post_edit(client_for("editor"), guide, body=body)
    draft = ConditionPage.objects.get(pk=guide.pk).get_latest_revision_as_object()
    assert draft.body[1].value["evidence_level"] == "moderate"


def test_all_problems_show_in_one_round(guide, client_for):
    no_links = ("resources", {"heading": "", "links": [], "pages": []})
    body = [overview(), cannabis_evidence([], level="moderate"), no_links]
    response = post_edit(
        client_for("editor"), guide, body=body, next_review_due="", **{"action-submit": "1"}
    )
    assert field_errors(response, "next_review_due")
    errors = body_error(response)["blockErrors"]
    assert set(errors) == {"1", "2"}  # The evidence without studies, resources without links.
    assert errors["2"]["blockErrors"]["links"]["messages"] == ["Add at least one link or page."]


def test_insufficient_evidence_needs_no_study(guide, client_for):
    body = [overview(), cannabis_evidence([], level="insufficient")]
    post_edit(client_for("editor"), guide, body=body, **{"action-submit": "1"})
    assert WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS).exists()


def test_a_guide_without_an_overview_is_not_submitted(guide, client_for):
    body = [cannabis_evidence([study()], level="limited")]
    response = post_edit(client_for("editor"), guide, body=body, **{"action-submit": "1"})
    assert response.status_code == 200  # The form comes back with its errors.
    assert not WorkflowState.objects.exists()


def test_new_guides_are_checked_too(conditions_index, client_for):
    url = reverse(
        "wagtailadmin_pages:add",
        args=["conditions", "conditionpage", conditions_index.pk],
    )
    data = guide_form(body=[overview()], next_review_due="") | {"action-submit": "1"}
    response = client_for("editor").post(url, data, follow=True)
    assert not ConditionPage.objects.filter(slug="dystonia").exists()
    assert not WorkflowState.objects.exists()
    assert field_errors(response, "next_review_due")


def test_a_new_guide_opens_with_an_empty_overview(conditions_index, client_for):
    url = reverse(
        "wagtailadmin_pages:add",
        args=["conditions", "conditionpage", conditions_index.pk],
    )
    form = client_for("editor").get(url).context["form"]
    body = form.initial["body"]
    assert [block.block_type for block in body] == ["overview"]
    assert not form.errors


def test_submission_problems_lists_each_problem(conditions_index):
    page = ConditionPageFactory.build(
        body=[cannabis_evidence([], level="substantial")], next_review_due=None
    )
    problems = submission_problems(page)
    assert len(problems) == 3
    assert any(p.startswith("What research says about cannabis: ") for p in problems)


def test_editors_are_warned_about_flagged_claims_and_http_links(guide, client_for):
    body = [
        overview('<p>This miracle oil. See <a href="http://example.org/old">this</a>.</p>'),
        cannabis_evidence(
            [study(url="http://example.com/study", pmid="", doi="")], level="limited"
        ),
    ]
    response = post_edit(client_for("editor"), guide, body=body, summary="Guaranteed relief.")
    messages = messages_of(response)
    claims = [m for m in messages if "Health regulators flag" in m]
    assert "Summary: “Guaranteed relief.” Health regulators flag claims like “guaranteed”." in (
        " ".join(claims)
    )
    assert any(m.startswith("Overview: “This miracle oil.”") for m in claims)
    links = [m for m in messages if "http:" in m]
    assert links and "http://example.org/old" in links[0] and "http://example.com/study" in links[0]
    # Warnings never block: the draft is saved.
    assert ConditionPage.objects.get(pk=guide.pk).has_unpublished_changes


def test_a_careful_guide_has_no_warnings(guide):
    assert editor_warnings(guide, ["cure", "miracle"]) == []


def test_claim_words_match_whole_words_only(guide):
    guide.summary = "Securement of the brace."  # Contains "cure" inside a word.
    assert editor_warnings(guide, ["cure"]) == []


@pytest.mark.django_db
def test_images_without_a_description_are_flagged(guide):
    image = get_image_model().objects.create(title="Leaves", file=get_test_image_file())
    guide.hero_image = image
    guide.hero_image_alt = ""
    warnings = editor_warnings(guide, [])
    assert any("no description" in warning for warning in warnings)


def test_resubmitting_after_changes_requested_is_checked_too(guide, client_for):
    editor = client_for("editor")
    post_edit(editor, guide, **{"action-submit": "1"})
    workflow_action(client_for("reviewer"), guide, "reject", comment="Add the review date.")
    response = post_edit(
        editor,
        ConditionPage.objects.get(pk=guide.pk),
        next_review_due="",
        **{"action-submit": "1"},
    )
    assert field_errors(response, "next_review_due")
    state = WorkflowState.objects.get()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES  # Not resubmitted.


@pytest.mark.parametrize(
    "sentence",
    [
        "There is no cure for dystonia.",
        "Cannabis is not a cure.",
        "No hay cura para la distonía.",
        "It is never a miracle.",
    ],
)
def test_a_negated_claim_is_not_flagged(guide, sentence):
    guide.summary = sentence
    assert editor_warnings(guide, ["cure", "cura", "miracle"]) == []


def test_a_claim_is_flagged_with_its_section_and_sentence(guide):
    guide.body = [
        overview("<p>Dystonia is lifelong. There is no cure. Cannabis cures the spasms.</p>")
    ]
    assert editor_warnings(guide, ["cure", "cures"]) == [
        "Overview: “Cannabis cures the spasms.” Health regulators flag claims like “cures”. "
        "Check the guide does not promise what the evidence cannot."
    ]


def test_no_side_effects_is_still_a_claim(guide):
    guide.summary = "This oil has no side effects."
    assert editor_warnings(guide, ["no side effects"])
