"""Import and export read one field map (conditions/guides_file/fields.py): every key the
format carries is in the map and the schema alike, and a guide using all of them comes
back out of an export exactly as it went in."""

import json

import pytest
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale

from conditions.blocks import EARLIEST_STUDY_YEAR, ConditionBodyBlock, StudyBlock
from conditions.guides_file.fields import (
    CARE_CARD_FIELDS,
    GUIDE_FIELDS,
    LINK_FIELDS,
    SECTIONS,
    STUDY_FIELDS,
)
from conditions.guides_file.schema import load_schema

from .test_import_export import export_text, import_file

SCHEMA = load_schema()
DEFINITIONS = SCHEMA["$defs"]


def resolved(schema):
    """A property's schema with the definition it refers to merged in."""
    if "$ref" in schema:
        return {**resolved(DEFINITIONS[schema["$ref"].rsplit("/", 1)[1]]), **schema}
    return schema


def section_definitions():
    """Each section type's definition in the schema, by type."""
    found = {}
    for rule in DEFINITIONS["section"]["allOf"]:
        kind = rule["if"]["properties"]["type"]
        definition = resolved(rule["then"])
        for name in kind.get("enum", [kind.get("const")]):
            found[name] = definition
    return found


def keys(fields):
    return {key for field in fields for key in getattr(field, "keys", (field.key,))}


def test_the_field_map_the_schema_and_the_body_have_the_same_section_types():
    schema_types = DEFINITIONS["section"]["properties"]["type"]["enum"]

    assert set(SECTIONS) == set(ConditionBodyBlock().child_blocks)
    assert set(schema_types) == set(SECTIONS)
    assert set(section_definitions()) == set(SECTIONS)


@pytest.mark.parametrize("kind", list(SECTIONS))
def test_every_key_of_a_section_in_the_schema_is_in_the_field_map(kind):
    assert set(section_definitions()[kind]["properties"]) == set(SECTIONS[kind].keys)


@pytest.mark.parametrize(
    ("definition", "fields"),
    [
        ("guide", GUIDE_FIELDS),
        ("study", STUDY_FIELDS),
        ("careCard", CARE_CARD_FIELDS),
        ("link", LINK_FIELDS),
    ],
)
def test_every_key_of_a_part_in_the_schema_is_in_the_field_map(definition, fields):
    assert set(DEFINITIONS[definition]["properties"]) == keys(fields)


def test_schema_and_blocks_agree_on_the_earliest_study_year():
    year = DEFINITIONS["study"]["properties"]["year"]

    assert year["minimum"] == EARLIEST_STUDY_YEAR
    assert StudyBlock().child_blocks["year"].field.min_value == EARLIEST_STUDY_YEAR
    assert year["x-notAfterThisYear"] is True


def _length_rules():
    """(where, schema's maxLength, block's max_length) for each field the map names."""
    body = ConditionBodyBlock()
    parts = [(kind, SECTIONS[kind].fields, body.child_blocks[kind]) for kind in SECTIONS]
    evidence = body.child_blocks["cannabis_evidence"].child_blocks["studies"].child_block
    links = body.child_blocks["resources"].child_blocks["links"].child_block
    parts += [("study", STUDY_FIELDS, evidence), ("link", LINK_FIELDS, links)]
    definitions = {
        **section_definitions(),
        "study": DEFINITIONS["study"],
        "link": DEFINITIONS["link"],
    }
    for where, fields, block in parts:
        children = getattr(block, "child_blocks", {})
        for field in fields:
            child = children.get(field.block_name)
            limit = getattr(getattr(child, "field", None), "max_length", None)
            schema = resolved(definitions[where]["properties"].get(field.key, {}))
            if limit or "maxLength" in schema:
                yield f"{where}.{field.key}", schema.get("maxLength"), limit


@pytest.mark.parametrize(("where", "in_schema", "in_block"), list(_length_rules()))
def test_schema_and_blocks_agree_on_the_longest_text(where, in_schema, in_block):
    assert in_schema == in_block


def every_field_guides(image):
    """Two guides that between them set every key the format carries, none to its default,
    written as an export writes them (sorted, cleaned, in the map's order)."""
    ref = {
        "file": image.file.name.rsplit("/", 1)[1],
        "sha1": image.get_file_hash(),
        "title": "Stretching",
    }
    text = {"heading": "In short", "text": "<p>Plain words.</p>"}
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
    dystonia = {
        "title": "Dystonia",
        "slug": "dystonia",
        "locale": "en",
        "summary": "Dystonia makes muscles tighten on their own.",
        "also_known_as": ["Dystonia syndrome", "DYS"],
        "body_systems": ["Brain and nerves", "Muscles and joints"],
        "hero_image": ref,
        "hero_image_alt": "A person stretching.",
        "sections": [
            {"type": "overview", "heading": "What it is", "text": "<p>A movement disorder.</p>"},
            {"type": "symptoms", **text},
            {"type": "causes", **text},
            {"type": "treatments", **text},
            {"type": "complications", **text},
            {
                "type": "cannabis_evidence",
                "heading": "Research",
                "summary": "<p>Some <b>limited</b> evidence.</p>",
                "evidence_level": "limited",
                "legal_status": "A qualifying condition in some US states.",
                "studies": [study],
            },
            {
                "type": "see_a_doctor",
                "heading": "Get help",
                "care_cards": [{"urgency": "emergency", "text": "<p>You cannot swallow.</p>"}],
            },
            {
                "type": "resources",
                "heading": "Help",
                "links": [
                    {
                        "title": "A patient society",
                        "url": "https://example.org/dystonia",
                        "description": "Support groups.",
                    }
                ],
                "pages": [{"locale": "es", "slug": "distonia"}],
            },
            {"type": "text", "text": '<p>More <a href="https://example.org/">reading</a>.</p>'},
            {
                "type": "image",
                "image": ref,
                "alt_text": "A person stretching a leg.",
                "decorative": False,
                "caption": "Stretching helps some people.",
            },
            {"type": "image", "image": ref, "alt_text": "", "decorative": True, "caption": ""},
            {"type": "quote", "quote": "Knowing what to ask helped.", "attribution": "A carer"},
            {"type": "callout", "style": "warning", "text": "<p>Do not stop suddenly.</p>"},
        ],
        "reviewed_by": "Dr A. Neurologist",
        "last_reviewed": "2024-03-01",
        "next_review_due": "2026-03-01",
    }
    distonia = {
        **dystonia,
        "title": "Distonía",
        "slug": "distonia",
        "locale": "es",
        "body_systems": ["Cerebro y nervios"],
        "sections": [{"type": "overview", "heading": "", "text": "<p>Un trastorno.</p>"}],
    }
    return {"format": 1, "guides": [dystonia, distonia]}


def keys_used(data):
    """(definition, key) for each key the guides set to something other than empty."""
    used = set()
    kinds = section_definitions()
    for guide in data["guides"]:
        used |= {("guide", key) for key, value in guide.items() if value not in ("", None, [])}
        for section in guide["sections"]:
            used |= {
                (section["type"], key)
                for key, value in section.items()
                if value not in ("", None, [])
            }
            for study in section.get("studies", []):
                used |= {("study", key) for key, value in study.items() if value is not None}
            for card in section.get("care_cards", []):
                used |= {("careCard", key) for key in card}
            for link in section.get("links", []):
                used |= {("link", key) for key, value in link.items() if value}
    assert set(kinds) <= {kind for kind, _key in used}
    return used


def test_the_round_trip_sample_sets_every_key_the_format_carries():
    used = keys_used(every_field_guides(_FakeImage()))
    short_forms = {
        (kind, key)
        for kind, section in SECTIONS.items()
        for key in getattr(section.short_form, "keys", ())
    }
    expected = {
        (kind, key)
        for kind, definition in section_definitions().items()
        for key in definition["properties"]
    } | {
        (name, key)
        for name in ("guide", "study", "careCard", "link")
        for key in DEFINITIONS[name]["properties"]
    }

    # Short forms are read on import only; test_import_contract covers them.
    assert used >= expected - short_forms


class _FakeImage:
    class file:
        name = "original_images/stretching.png"

    title = "Stretching"

    def get_file_hash(self):
        return "0" * 40


@pytest.mark.django_db
def test_a_guide_with_every_field_set_exports_exactly_as_it_was_imported(guide_file, tmp_path):
    Locale.objects.get_or_create(language_code="es")
    image = get_image_model().objects.create(
        title="Stretching", file=get_test_image_file(filename="stretching.png")
    )
    data = every_field_guides(image)

    import_file(guide_file(data), "--publish")
    exported = json.loads(export_text(tmp_path))

    assert exported == data
