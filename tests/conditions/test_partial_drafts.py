"""Drafts are partial: Wagtail saves them with required fields empty, and the live preview
and the draft view must still show the guide, leaving out only what is missing."""

import copy

import pytest
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.test.utils.form_data import rich_text

from conditions.models import ConditionPage
from tests.factories import ConditionPageFactory, overview
from tests.review.admin_forms import guide_form

OVERVIEW_TEXT = "Dystonia makes muscles tighten on their own."
QUOTE_TEXT = "Knowing what to ask my doctor helped."
SUMMARY = "A movement disorder that makes muscles tighten."
PREVIEW_MODES = ["", "search_result", "social_card"]


def every_block(image, page):
    """One of every block type, every field filled in."""
    study = {
        "title": "Cannabis in cervical dystonia",
        "journal": "Journal of Movement Disorders",
        "year": 2020,
        "design": "case_series",
        "participants": 12,
        "finding": "Some people reported less pain.",
        "evidence_level": "limited",
        "pmid": "28182367",
        "doi": "10.17226/24625",
        "url": "https://example.org/study",
    }
    return [
        ("overview", {"heading": "About it", "content": f"<p>{OVERVIEW_TEXT}</p>"}),
        ("symptoms", {"heading": "Signs", "content": "<ul><li>Cramps</li></ul>"}),
        ("causes", {"heading": "Why", "content": "<p>Often unknown.</p>"}),
        ("treatments", {"heading": "Help", "content": "<p>Injections.</p>"}),
        (
            "cannabis_evidence",
            {
                "heading": "Cannabis",
                "summary": "<p>Little evidence.</p>",
                "evidence_level": "limited",
                "legal_status": "A qualifying condition in some US states.",
                "studies": [study],
            },
        ),
        ("complications", {"heading": "Problems", "content": "<p>Pain.</p>"}),
        (
            "see_a_doctor",
            {"heading": "Help", "care_cards": [{"urgency": "urgent", "text": "<p>New pain.</p>"}]},
        ),
        (
            "resources",
            {
                "heading": "More",
                "links": [
                    {"title": "A society", "url": "https://example.org/", "description": "Help."}
                ],
                "pages": [page.pk],
            },
        ),
        ("text", "<p>A paragraph of text.</p>"),
        (
            "image",
            {
                "image": {"image": image.pk, "decorative": "", "alt_text": "A person stretching."},
                "caption": "Stretching.",
            },
        ),
        ("quote", {"quote": QUOTE_TEXT, "attribution": "A carer"}),
        ("callout", {"style": "warning", "text": "<p>Do not stop a medicine suddenly.</p>"}),
    ]


def _emptied(value):
    if isinstance(value, list):
        return []
    if isinstance(value, dict) and "image" in value:
        return {"image": "", "decorative": "", "alt_text": ""}
    return ""


def empty_field_cases():
    """(block position, path to one field) for every field of every block, and for each
    field of the first study, care card and link inside them."""
    cases = []
    for position, (kind, value) in enumerate(every_block(_Stub(), _Stub())):
        if not isinstance(value, dict):
            cases.append((kind, position, ()))
            continue
        for key, child in value.items():
            cases.append((kind, position, (key,)))
            if isinstance(child, list) and child and isinstance(child[0], dict):
                cases.extend((kind, position, (key, 0, name)) for name in child[0])
    return cases


class _Stub:
    pk = 1


def as_form_body(body):
    # A text block's value is rich text itself, which the form posts as the editor's JSON.
    return [(kind, rich_text(value) if kind == "text" else value) for kind, value in body]


def with_empty_field(body, position, path):
    body = copy.deepcopy(body)
    kind, value = body[position]
    if not path:
        body[position] = (kind, "")
        return body
    *parents, last = path
    target = value
    for part in parents:
        target = target[part]
    target[last] = _emptied(target[last])
    return body


@pytest.fixture
def image(db):
    return get_image_model().objects.create(title="Stretching", file=get_test_image_file())


@pytest.fixture
def guide(conditions_index):
    ConditionPageFactory(title="Asthma", slug="asthma")
    return ConditionPageFactory(
        title="Dystonia", slug="dystonia", summary=SUMMARY, body=[overview()]
    )


def _still_shows_the_guide(content, body_with_gap, position):
    assert "Dystonia" in content
    assert SUMMARY in content
    # The rest of the guide still shows: text from a block that was not emptied.
    if position != 0:
        assert OVERVIEW_TEXT in content
    else:
        assert QUOTE_TEXT in content


@pytest.mark.parametrize(
    ("kind", "position", "path"),
    empty_field_cases(),
    ids=[
        "-".join(map(str, (kind, *path))) or kind for kind, _position, path in empty_field_cases()
    ],
)
def test_a_draft_with_an_empty_field_previews_and_views_in_every_mode(
    kind, position, path, guide, image, admin_client
):
    body = with_empty_field(
        every_block(image, ConditionPage.objects.get(slug="asthma")), position, path
    )
    form = guide_form(guide, body=as_form_body(body), summary=SUMMARY)

    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[guide.pk])
    assert admin_client.post(preview_url, form).json()["is_valid"]
    for mode in PREVIEW_MODES:
        response = admin_client.get(preview_url, {"mode": mode})
        assert response.status_code == 200, mode
        content = response.content.decode()
        assert "Dystonia" in content
        assert SUMMARY in content
        if mode == "":
            _still_shows_the_guide(content, body, position)

    saved = admin_client.post(reverse("wagtailadmin_pages:edit", args=[guide.pk]), form)
    assert saved.status_code == 302, saved.context and saved.context["form"].errors
    draft = ConditionPage.objects.get(pk=guide.pk).get_latest_revision_as_object()
    assert [block.block_type for block in draft.body][position] == kind

    response = admin_client.get(reverse("wagtailadmin_pages:view_draft", args=[guide.pk]))
    assert response.status_code == 200
    _still_shows_the_guide(response.content.decode(), body, position)


def test_a_study_without_design_year_or_level_leaves_them_out(guide, admin_client):
    partial_study = {
        "title": "A study still being entered",
        "journal": "",
        "year": None,
        "design": "",
        "participants": None,
        "finding": "",
        "evidence_level": "",
        "pmid": "",
        "doi": "",
        "url": "",
    }
    body = [
        ("overview", {"heading": "", "content": f"<p>{OVERVIEW_TEXT}</p>"}),
        (
            "cannabis_evidence",
            {
                "heading": "",
                "summary": "",
                "evidence_level": "",
                "legal_status": "",
                "studies": [partial_study],
            },
        ),
    ]
    form = guide_form(guide, body=body)
    admin_client.post(reverse("wagtailadmin_pages:edit", args=[guide.pk]), form)
    draft = ConditionPage.objects.get(pk=guide.pk).get_latest_revision_as_object()

    assert draft.evidence_level is None
    assert draft.structured_data()["citation"] == [
        {"@type": "MedicalScholarlyArticle", "headline": "A study still being entered"}
    ]
    content = admin_client.get(
        reverse("wagtailadmin_pages:view_draft", args=[guide.pk])
    ).content.decode()
    assert "A study still being entered" in content
    assert "None" not in content
    assert "Strength of evidence" not in content
