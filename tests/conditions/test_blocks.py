"""Each block renders on its own, as the block chooser preview and a guide use it."""

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from wagtail.models import Collection

from conditions.blocks import (
    CalloutBlock,
    CannabisEvidenceBlock,
    CaptionedImageBlock,
    ConditionBodyBlock,
    QuoteBlock,
    ResourcesBlock,
    StudyBlock,
    WhenToSeeADoctorBlock,
)
from tests.factories import ConditionPageFactory, study

BODY = ConditionBodyBlock()


def make_image(title):
    return wagtail_factories.ImageFactory(title=title, collection=Collection.get_first_root_node())


def render(block, raw):
    """Render ``raw`` (as stored in the database) with ``block`` alone."""
    return BeautifulSoup(block.render(block.to_python(raw)), "html.parser")


@pytest.mark.parametrize(
    ("name", "heading"),
    [
        ("overview", "Overview"),
        ("symptoms", "Symptoms and types"),
        ("causes", "Causes"),
        ("treatments", "Treatments"),
        ("complications", "Complications"),
    ],
)
def test_text_section_renders_its_usual_heading_and_content(name, heading):
    soup = render(BODY.child_blocks[name], {"heading": "", "content": "<p>Plain words.</p>"})
    assert soup.find("h2").get_text() == heading
    assert soup.select_one(".rich-text").get_text() == "Plain words."
    assert soup.find("section")["class"] == ["guide-section", f"guide-section--{name}"]


def test_text_section_uses_the_editors_heading_when_given():
    soup = render(BODY.child_blocks["causes"], {"heading": "Why it happens", "content": "<p/>"})
    assert soup.find("h2").get_text() == "Why it happens"


def test_cannabis_evidence_renders_badge_summary_legal_status_and_studies():
    raw = {
        "heading": "",
        "summary": "<p>Too few studies.</p>",
        "evidence_level": "limited",
        "legal_status": "Legal for medical use in some places.",
        "studies": [study(title="One"), study(title="Two")],
    }
    soup = render(CannabisEvidenceBlock(), raw)
    assert soup.find("h2").get_text() == "What research says about cannabis"
    badge = soup.select_one(".evidence > .evidence-badge")
    assert "evidence-badge--limited" in badge["class"]
    assert badge.get_text(" ", strip=True) == "Strength of evidence: Limited evidence"
    assert soup.select_one(".evidence__explanation").get_text().startswith("Only weak or few")
    assert soup.select_one(".legal-status p").get_text() == raw["legal_status"]
    assert [c.get_text() for c in soup.select(".study cite")] == ["One", "Two"]
    assert [li["value"] for li in soup.select("li.study")] == ["1", "2"]


def test_cannabis_evidence_without_studies_or_legal_status_leaves_them_out():
    raw = {
        "heading": "",
        "summary": "<p>Nothing yet.</p>",
        "evidence_level": "insufficient",
        "legal_status": "",
        "studies": [],
    }
    soup = render(CannabisEvidenceBlock(), raw)
    assert soup.select_one(".legal-status") is None
    assert soup.select_one("ol.studies") is None


def test_study_renders_design_participants_finding_and_level():
    soup = render(StudyBlock(), study(participants=1, evidence_level="moderate"))
    item = soup.find("li", class_="study")
    meta = item.select_one(".study__meta").get_text()
    assert meta == "Journal of Examples, 2019. Randomised controlled trial, 1 participant."
    assert item.select_one(".study__finding").get_text() == "No clear difference from placebo."
    assert "Moderate evidence" in item.select_one(".evidence-badge").get_text()


def test_study_without_participants_leaves_the_count_out():
    soup = render(StudyBlock(), study(participants=None, design="systematic_review"))
    meta = soup.select_one(".study__meta").get_text()
    assert meta == "Journal of Examples, 2019. Systematic review or meta-analysis."


@pytest.mark.parametrize(
    ("urgency", "lead"),
    [
        ("non_urgent", "See a doctor if:"),
        ("urgent", "Ask for an urgent appointment if:"),
        ("emergency", "Call emergency services now if:"),
    ],
)
def test_see_a_doctor_card_says_how_fast_to_get_help(urgency, lead):
    raw = {"heading": "", "care_cards": [{"urgency": urgency, "text": "<p>Signs.</p>"}]}
    soup = render(WhenToSeeADoctorBlock(), raw)
    card = soup.select_one(".care-card")
    assert f"care-card--{urgency}" in card["class"]
    assert card.select_one(".care-card__heading").get_text() == lead
    assert card.select_one(".care-card__content").get_text() == "Signs."


def test_resources_list_links_and_pages_on_this_site(conditions_index):
    guide = ConditionPageFactory(title="Epilepsy", slug="epilepsy")
    draft = ConditionPageFactory(title="Draft", publish=False)
    raw = {
        "heading": "Where to get help",
        "links": [
            {"title": "A society", "url": "https://example.org/", "description": "A helpline."},
        ],
        "pages": [guide.pk, draft.pk],
    }
    soup = render(ResourcesBlock(), raw)
    assert soup.find("h2").get_text() == "Where to get help"
    links = [(a.get_text(), a["href"]) for a in soup.select(".resource-list a")]
    assert links == [("A society", "https://example.org/"), ("Epilepsy", guide.url)]
    assert soup.select_one(".resource-list p").get_text() == "A helpline."


def test_image_renders_with_its_description_and_caption(db):
    image = make_image("Calm water")
    block = CaptionedImageBlock()
    raw = {
        "image": {"image": image.pk, "alt_text": "Blue water at dawn", "decorative": False},
        "caption": "Photo by the team",
    }
    soup = render(block, raw)
    img = soup.find("img")
    assert img["alt"] == "Blue water at dawn"
    # WebP for browsers that take it, a JPEG for the rest (conditions/images.py).
    assert soup.select_one('picture source[type="image/webp"]')["srcset"]
    assert img["src"].endswith(".jpg")
    assert soup.find("figcaption").get_text() == "Photo by the team"


def test_decorative_image_has_empty_alt_text(db):
    image = make_image("Pattern")
    raw = {"image": {"image": image.pk, "alt_text": "", "decorative": True}, "caption": ""}
    soup = render(CaptionedImageBlock(), raw)
    assert soup.find("img")["alt"] == ""
    assert soup.find("figcaption") is None


def test_quote_renders_words_and_attribution():
    soup = render(QuoteBlock(), {"quote": "It helped to ask.", "attribution": "A carer"})
    assert soup.select_one("blockquote").get_text(strip=True) == "It helped to ask."
    assert soup.find("figcaption").get_text() == "A carer"


@pytest.mark.parametrize("style", ["info", "warning"])
def test_callout_renders_its_style(style):
    soup = render(CalloutBlock(), {"style": style, "text": "<p>Do not stop suddenly.</p>"})
    callout = soup.select_one(".callout")
    assert f"callout--{style}" in callout["class"]
    assert callout.get_text() == "Do not stop suddenly."


def test_text_renders_rich_text():
    soup = render(BODY.child_blocks["text"], "<p>Plain <b>words</b>.</p>")
    assert soup.select_one(".rich-text b").get_text() == "words"


PREVIEWED = [name for name, block in BODY.child_blocks.items() if name != "image"]


@pytest.mark.parametrize("name", PREVIEWED)
def test_block_preview_value_renders(name):
    block = BODY.child_blocks[name]
    assert hasattr(block.meta, "preview_value"), f"{name} needs a preview_value"
    html = block.render(block.get_preview_value())
    assert html.strip()


def test_study_preview_value_renders():
    block = StudyBlock()
    soup = BeautifulSoup(block.render(block.get_preview_value()), "html.parser")
    assert soup.find("cite").get_text().startswith("Botulinum toxin")


@pytest.mark.parametrize(
    ("kinds", "expected"),
    [
        (["overview", "symptoms"], []),
        (["symptoms"], [("missing", None)]),
        ([], [("missing", None)]),
        (["symptoms", "overview"], [("not_first", 1)]),
        (["overview", "causes", "overview"], [("extra", 2)]),
    ],
)
def test_section_order_rule_names_where_a_guide_breaks_one_overview_first(kinds, expected):
    # The importer asks the block this, and the block's own clean() reports the same rule.
    assert ConditionBodyBlock().section_order_problems(kinds) == expected
