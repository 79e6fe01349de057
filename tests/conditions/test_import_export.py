import datetime
import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from jsonschema import Draft202012Validator
from wagtail.blocks import StreamBlockValidationError
from wagtail.models import Locale, Page, Revision

from conditions.blocks import ConditionBodyBlock
from conditions.evidence import EvidenceLevel, StudyDesign, Urgency
from conditions.guides_file.checking import stream_problems
from conditions.guides_file.html import clean_html
from conditions.guides_file.problems import Problem
from conditions.guides_file.schema import SCHEMA_PATH
from conditions.models import BodySystem, ConditionIndexPage, ConditionPage
from home.site_tree import get_or_create_conditions_index

THIS_YEAR = datetime.date.today().year
BODY_SYSTEMS = ["Brain and nerves", "Muscles and joints", "Skin", "Stomach and bowel"]


def full_guide(title="Dystonia", **fields):
    """A guide using every kind of section, so every path in the format can be reached."""
    guide = {
        "title": title,
        "summary": f"{title} makes muscles tighten on their own.",
        "also_known_as": [f"{title} syndrome", f"{title[:3].upper()}"],
        "body_systems": ["Brain and nerves"],
        "sections": [
            {"type": "overview", "text": f"<p>{title} is a movement disorder.</p>"},
            {
                "type": "symptoms",
                "heading": "What people notice",
                "text": "<ul><li>Cramps</li></ul>",
            },
            {"type": "causes", "text": "<p>The cause is often <em>unknown</em>.</p>"},
            {
                "type": "cannabis_evidence",
                "summary": "<p>There is <strong>not enough</strong> good research.</p>",
                "evidence_level": "limited",
                "legal_status": "A qualifying condition in some US states.",
                "studies": [
                    {
                        "title": "Cannabis in cervical dystonia",
                        "journal": "Journal of Movement Disorders",
                        "year": 2020,
                        "design": "case_series",
                        "participants": 12,
                        "finding": "Some people reported less pain.",
                        "evidence_level": "insufficient",
                        "pmid": "28182367",
                        "doi": "10.17226/24625",
                        "url": None,
                    },
                    {
                        "title": "Cannabinoids for movement disorders",
                        "journal": "Review Journal",
                        "year": 2018,
                        "design": "systematic_review",
                        "finding": "No clear benefit was found.",
                    },
                ],
            },
            {
                "type": "see_a_doctor",
                "care_cards": [
                    {"urgency": "non_urgent", "text": "<p>Symptoms last for weeks.</p>"},
                    {"urgency": "emergency", "text": "<p>You cannot swallow.</p>"},
                ],
            },
            {
                "type": "resources",
                "heading": "Where to get help",
                "links": [
                    {
                        "title": "A patient society",
                        "url": "https://example.org/dystonia",
                        "description": "Support groups and a helpline.",
                    }
                ],
            },
            {"type": "text", "text": '<p>More <a href="https://example.org/more">reading</a>.</p>'},
            {"type": "quote", "quote": "Knowing what to ask helped.", "attribution": "A carer"},
            {
                "type": "callout",
                "style": "warning",
                "text": "<p>Do not stop a medicine suddenly.</p>",
            },
            {"type": "treatments", "text": "<p>Injections and physiotherapy.</p>"},
            {"type": "complications", "text": "<p>Long-term pain is possible.</p>"},
        ],
        "reviewed_by": "Dr A. Neurologist, consultant",
        "last_reviewed": "2024-03-01",
        "next_review_due": "2026-03-01",
    }
    guide.update(fields)
    return guide


def generated_guides(count=30):
    """Guides that differ in language, body systems and which sections they have."""
    guides = []
    for number in range(1, count + 1):
        guide = full_guide(f"Condition {number:02d}")
        guide["locale"] = "es" if number % 5 == 0 else "en"
        guide["body_systems"] = [BODY_SYSTEMS[number % 4], BODY_SYSTEMS[(number + 1) % 4]]
        if number % 3:
            guide["sections"] = [
                section for section in guide["sections"] if section["type"] != "cannabis_evidence"
            ]
        if number % 2:
            guide["last_reviewed"] = None
            guide["next_review_due"] = None
        guides.append(guide)
    return {"guides": guides}


@pytest.fixture
def spanish(db):
    return Locale.objects.get_or_create(language_code="es")[0]


def import_file(path, *args):
    stdout = io.StringIO()
    call_command("import_guides", path, *args, stdout=stdout, stderr=io.StringIO())
    return stdout.getvalue().strip()


def rejected(path, *args):
    """The CommandError message and the error lines of an import that must fail."""
    stderr = io.StringIO()
    with pytest.raises(CommandError) as caught:
        call_command("import_guides", path, *args, stdout=io.StringIO(), stderr=stderr)
    return str(caught.value), stderr.getvalue().splitlines()


def export_text(tmp_path, name="export.json"):
    path = tmp_path / name
    call_command("export_guides", str(path), stdout=io.StringIO())
    return path.read_bytes()


def database_state():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "body systems": BodySystem.objects.count(),
        "live": sorted(ConditionPage.objects.live().values_list("slug", flat=True)),
        "summaries": sorted(ConditionPage.objects.values_list("slug", "summary")),
    }


@pytest.mark.django_db
def test_importing_thirty_guides_with_publish_makes_thirty_live_pages(spanish, guide_file):
    output = import_file(guide_file(generated_guides()), "--publish")

    assert output == "Imported 30 guides: 30 created, 0 updated, 0 unchanged (published)."
    assert ConditionPage.objects.count() == 30
    assert ConditionPage.objects.live().count() == 30
    assert ConditionPage.objects.filter(locale=spanish).count() == 6
    for page in ConditionPage.objects.all():
        assert page.get_parent().specific == get_or_create_conditions_index(page.locale)
        assert not page.has_unpublished_changes


@pytest.mark.django_db
def test_imported_guide_holds_every_field_and_section(guide_file):
    import_file(guide_file({"guides": [full_guide()]}), "--publish")

    page = ConditionPage.objects.get(slug="dystonia")
    assert page.title == "Dystonia"
    assert page.locale.language_code == "en"
    assert page.alternative_names == ["Dystonia syndrome", "DYS"]
    assert page.also_known_as == "Dystonia syndrome\nDYS"
    assert [system.name for system in page.body_systems.all()] == ["Brain and nerves"]
    assert page.last_reviewed == datetime.date(2024, 3, 1)
    assert page.next_review_due == datetime.date(2026, 3, 1)
    assert [block.block_type for block in page.body] == [
        "overview",
        "symptoms",
        "causes",
        "cannabis_evidence",
        "see_a_doctor",
        "resources",
        "text",
        "quote",
        "callout",
        "treatments",
        "complications",
    ]
    symptoms = page.body[1].value
    assert symptoms["heading"] == "What people notice"
    assert symptoms["content"].source == "<ul><li>Cramps</li></ul>"
    evidence = page.body[3].value
    assert evidence["evidence_level"] == EvidenceLevel.LIMITED
    assert evidence["summary"].source == "<p>There is <b>not enough</b> good research.</p>"
    first, second = evidence["studies"]
    assert (first["year"], first["pmid"], first["doi"], first["url"]) == (
        2020,
        "28182367",
        "10.17226/24625",
        "",
    )
    assert second["evidence_level"] == EvidenceLevel.INSUFFICIENT
    assert second["participants"] is None
    assert page.body[4].value["care_cards"][1]["urgency"] == Urgency.EMERGENCY
    assert page.body[5].value["links"][0]["url"] == "https://example.org/dystonia"
    assert (
        page.body[6].value.source == '<p>More <a href="https://example.org/more">reading</a>.</p>'
    )
    assert page.evidence_level == EvidenceLevel.LIMITED


@pytest.mark.django_db
def test_importing_the_same_file_again_adds_no_page_and_revises_only_changed_guides(
    spanish, guide_file
):
    data = generated_guides()
    import_file(guide_file(data), "--publish")
    pages, revisions = ConditionPage.objects.count(), Revision.objects.count()

    data["guides"][3]["summary"] = "A new summary."
    data["guides"][9]["sections"][0]["text"] = "<p>A new overview.</p>"
    output = import_file(guide_file(data), "--publish")

    assert output == "Imported 30 guides: 0 created, 2 updated, 28 unchanged (published)."
    assert ConditionPage.objects.count() == pages
    assert Revision.objects.count() == revisions + 2
    assert ConditionPage.objects.get(slug="condition-04").summary == "A new summary."
    overview = ConditionPage.objects.get(slug="condition-10").body[0].value
    assert overview["content"].source == "<p>A new overview.</p>"


@pytest.mark.django_db
def test_import_matches_existing_guides_by_locale_and_slug(spanish, guide_file):
    import_file(guide_file({"guides": [full_guide(), full_guide(locale="es")]}), "--publish")
    english = ConditionPage.objects.get(locale__language_code="en")

    changed = full_guide(title="Dystonia (updated)", slug="dystonia")
    output = import_file(guide_file({"guides": [changed]}), "--publish")

    assert output == "Imported 1 guide: 0 created, 1 updated, 0 unchanged (published)."
    assert ConditionPage.objects.count() == 2
    english.refresh_from_db()
    assert english.title == "Dystonia (updated)"
    assert ConditionPage.objects.get(locale=spanish).title == "Dystonia"


@pytest.mark.django_db
def test_without_publish_a_new_guide_is_a_draft_and_not_live(guide_file):
    output = import_file(guide_file({"guides": [full_guide()]}))

    assert output == (
        "Imported 1 guide: 1 created, 0 updated, 0 unchanged "
        "(saved as drafts; use --publish to publish)."
    )
    page = ConditionPage.objects.get(slug="dystonia")
    assert not page.live
    assert page.has_unpublished_changes
    assert page.revisions.count() == 1


@pytest.mark.django_db
def test_without_publish_a_live_guide_keeps_its_live_version_under_a_new_draft(guide_file):
    import_file(guide_file({"guides": [full_guide()]}), "--publish")

    import_file(guide_file({"guides": [full_guide(summary="A draft summary.")]}))

    page = ConditionPage.objects.get(slug="dystonia")
    assert page.live
    assert page.summary == "Dystonia makes muscles tighten on their own."
    assert page.has_unpublished_changes
    assert page.get_latest_revision_as_object().summary == "A draft summary."


@pytest.mark.django_db
def test_importing_drafts_again_with_publish_publishes_them_without_new_revisions(guide_file):
    path = guide_file({"guides": [full_guide(), full_guide("Asthma")]})
    import_file(path)
    revisions = Revision.objects.count()

    output = import_file(path, "--publish")

    assert output == "Imported 2 guides: 0 created, 2 updated, 0 unchanged (published)."
    assert ConditionPage.objects.live().count() == 2
    assert Revision.objects.count() == revisions


@pytest.mark.django_db
def test_import_rejects_bad_year_with_its_path_and_writes_nothing(spanish, guide_file):
    import_file(guide_file({"guides": [full_guide()]}), "--publish")
    before = database_state()
    data = generated_guides()
    data["guides"][17]["sections"][3]["studies"][0]["year"] = THIS_YEAR + 1

    message, errors = rejected(guide_file(data), "--publish")

    assert errors == [
        f"guides[17].sections[3].studies[0].year: not a year between 1900 and {THIS_YEAR} "
        f"(got {THIS_YEAR + 1})"
    ]
    assert message == "1 error; nothing was imported."
    assert database_state() == before


@pytest.mark.django_db
def test_import_reports_every_error_in_the_file_in_order(guide_file):
    data = {"guides": [full_guide(), full_guide("Asthma"), full_guide()]}
    data["guides"][0]["summary"] = "x" * 301
    data["guides"][1]["sections"][3]["studies"][1]["doi"] = "doi.org/10.1/x"
    data["guides"][1]["next_review_due"] = "2024-01-01"

    message, errors = rejected(guide_file(data))

    assert errors == [
        "guides[0].summary: longer than 300 characters (301)",
        "guides[1].next_review_due: must be after last_reviewed (2024-03-01)",
        "guides[1].sections[3].studies[1].doi: not a DOI: it starts with 10. and a slash, "
        "such as 10.17226/24625, without https://doi.org/ in front",
        'guides[2].slug: "dystonia" (made from the title) appears twice in this file '
        "(also guides[0])",
    ]
    assert message == "4 errors; nothing was imported."
    assert not ConditionPage.objects.exists()


def _set(path, value):
    def change(data):
        *parents, last = path
        target = data
        for part in parents:
            target = target[part]
        target[last] = value

    return change


def _delete(path):
    def change(data):
        *parents, last = path
        target = data
        for part in parents:
            target = target[part]
        del target[last]

    return change


def _move_overview_second(data):
    sections = data["guides"][0]["sections"]
    sections[0], sections[1] = sections[1], sections[0]


def _add_second_overview(data):
    data["guides"][0]["sections"].append({"type": "overview", "text": "<p>Again.</p>"})


def _duplicate_with_explicit_slug(data):
    data["guides"].append(full_guide("Another title", slug="dystonia"))


def _duplicate_body_system(data):
    data["guides"][0]["body_systems"] = ["Skin", "skin"]


STUDY = ("guides", 0, "sections", 3, "studies", 0)
BAD_INPUTS = {
    "unknown key": (
        _set(("guides", 0, "titel"), "Dystonia"),
        'guides[0].titel: unknown key (did you mean "title"?)',
    ),
    "unknown key in a study": (
        _set((*STUDY, "jornal"), "x"),
        'guides[0].sections[3].studies[0].jornal: unknown key (did you mean "journal"?)',
    ),
    "unknown key in a text section": (
        _set(("guides", 0, "sections", 6, "heading"), "x"),
        "guides[0].sections[6].heading: unknown key (allowed here: type, text)",
    ),
    "missing title": (
        _delete(("guides", 0, "title")),
        "guides[0].title: required, but missing",
    ),
    "wrong type": (
        _set(("guides", 0, "also_known_as"), "MS"),
        "guides[0].also_known_as: should be a list, not a string",
    ),
    "name on two lines": (
        _set(("guides", 0, "also_known_as"), ["MS\nMultiple sclerosis"]),
        "guides[0].also_known_as[0]: must be on one line",
    ),
    "overview missing": (
        _delete(("guides", 0, "sections", 0)),
        "guides[0].sections: needs an overview section, as the first section",
    ),
    "overview not first": (
        _move_overview_second,
        "guides[0].sections[1]: the overview must be the first section",
    ),
    "two overviews": (
        _add_second_overview,
        "guides[0].sections[11]: a second overview section; a guide has exactly one",
    ),
    "unknown section type": (
        _set(("guides", 0, "sections", 2, "type"), "cause"),
        'guides[0].sections[2].type: "cause" is not one of: overview, symptoms, causes, '
        "treatments, complications, text, cannabis_evidence, see_a_doctor, resources, "
        "quote, callout, image",
    ),
    "bad doi": (
        _set((*STUDY, "doi"), "https://doi.org/10.17226/24625"),
        "guides[0].sections[3].studies[0].doi: not a DOI: it starts with 10. and a slash, "
        "such as 10.17226/24625, without https://doi.org/ in front",
    ),
    "bad pmid": (
        _set((*STUDY, "pmid"), "PMID28182367"),
        "guides[0].sections[3].studies[0].pmid: not a PubMed ID: it is digits only, "
        "such as 28182367",
    ),
    "year too early": (
        _set((*STUDY, "year"), 1850),
        f"guides[0].sections[3].studies[0].year: not a year between 1900 and {THIS_YEAR} "
        "(got 1850)",
    ),
    "year as text": (
        _set((*STUDY, "year"), "2020"),
        f"guides[0].sections[3].studies[0].year: not a year between 1900 and {THIS_YEAR} "
        '(got "2020")',
    ),
    "year in the future": (
        _set((*STUDY, "year"), THIS_YEAR + 1),
        f"guides[0].sections[3].studies[0].year: not a year between 1900 and {THIS_YEAR} "
        f"(got {THIS_YEAR + 1})",
    ),
    "participants zero": (
        _set((*STUDY, "participants"), 0),
        "guides[0].sections[3].studies[0].participants: must be at least 1",
    ),
    "date that does not exist": (
        _set(("guides", 0, "last_reviewed"), "2024-02-30"),
        "guides[0].last_reviewed: not a date: use YYYY-MM-DD, such as 2024-03-01 "
        '(got "2024-02-30")',
    ),
    "date in another format": (
        _set(("guides", 0, "next_review_due"), "01/03/2026"),
        "guides[0].next_review_due: not a date: use YYYY-MM-DD, such as 2024-03-01 "
        '(got "01/03/2026")',
    ),
    "next review before last review": (
        _set(("guides", 0, "next_review_due"), "2023-01-01"),
        "guides[0].next_review_due: must be after last_reviewed (2024-03-01)",
    ),
    "bad evidence level": (
        _set(("guides", 0, "sections", 3, "evidence_level"), "strong"),
        'guides[0].sections[3].evidence_level: "strong" is not one of: conclusive, '
        "substantial, moderate, limited, insufficient",
    ),
    "bad study design": (
        _set((*STUDY, "design"), "rct"),
        'guides[0].sections[3].studies[0].design: "rct" is not one of: systematic_review, '
        "randomised_trial, observational, case_series, survey, laboratory, guideline",
    ),
    "bad urgency": (
        _set(("guides", 0, "sections", 4, "care_cards", 1, "urgency"), "now"),
        'guides[0].sections[4].care_cards[1].urgency: "now" is not one of: non_urgent, '
        "urgent, emergency",
    ),
    "no care cards": (
        _set(("guides", 0, "sections", 4, "care_cards"), []),
        "guides[0].sections[4].care_cards: needs at least one item",
    ),
    "callout without text": (
        _delete(("guides", 0, "sections", 8, "text")),
        "guides[0].sections[8].text: required, but missing",
    ),
    "link that is not http": (
        _set(("guides", 0, "sections", 5, "links", 0, "url"), "ftp://example.org/"),
        "guides[0].sections[5].links[0].url: not a web address starting with http:// or https://",
    ),
    "link that is not a web address": (
        _set(("guides", 0, "sections", 5, "links", 0, "url"), "https://not a site"),
        'guides[0].sections[5].links[0].url: not a valid web address (got "https://not a site")',
    ),
    "text that is only a script": (
        _set(("guides", 0, "sections", 2, "text"), "<script>alert(1)</script>"),
        "guides[0].sections[2].text: has no text left once disallowed HTML is removed",
    ),
    "empty summary": (
        _set(("guides", 0, "summary"), "  "),
        "guides[0].summary: must not be empty",
    ),
    "long summary": (
        _set(("guides", 0, "summary"), "x" * 301),
        "guides[0].summary: longer than 300 characters (301)",
    ),
    "bad slug": (
        _set(("guides", 0, "slug"), "multiple sclerosis"),
        "guides[0].slug: not a valid slug: use only letters, digits, hyphens and underscores, "
        'such as "multiple-sclerosis"',
    ),
    "duplicate slug": (
        _duplicate_with_explicit_slug,
        'guides[1].slug: "dystonia" appears twice in this file (also guides[0])',
    ),
    "unknown locale": (
        _set(("guides", 0, "locale"), "fr"),
        'guides[0].locale: "fr" is not a locale this site has (it has: en)',
    ),
    "body system listed twice": (
        _duplicate_body_system,
        'guides[0].body_systems[1]: "skin" is listed twice',
    ),
}


@pytest.mark.django_db
@pytest.mark.parametrize(("change", "expected"), BAD_INPUTS.values(), ids=BAD_INPUTS.keys())
def test_import_rejects_bad_input_with_a_clear_message_at_its_path(change, expected, guide_file):
    data = {"guides": [full_guide()]}
    change(data)

    message, errors = rejected(guide_file(data))

    assert errors == [expected]
    assert message == "1 error; nothing was imported."
    assert not ConditionPage.objects.exists()


@pytest.mark.django_db
def test_import_rejects_a_missing_file(tmp_path):
    path = tmp_path / "nowhere.json"

    message, errors = rejected(str(path))

    assert errors == [f"{path}: file not found"]
    assert message == "1 error; nothing was imported."


@pytest.mark.django_db
def test_import_rejects_a_file_that_is_not_json_with_its_line_and_column(guide_file):
    path = guide_file('{\n  "guides": [\n    {"title": "Asthma",}\n  ]\n}\n')

    message, errors = rejected(path)

    assert errors == [
        f"{path}: not valid JSON: Expecting property name enclosed in double quotes "
        "(line 3, column 24)"
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[]", 'the file should be a JSON object with a "guides" list, not a list'),
        ('"guides"', 'the file should be a JSON object with a "guides" list, not a string'),
        ("{}", "guides: required, but missing"),
        ('{"guides": {}}', "guides: should be a list, not an object"),
        ('{"guides": [], "guidez": []}', 'guidez: unknown key (did you mean "guides"?)'),
        ('{"guides": [[]]}', "guides[0]: should be an object, not a list"),
    ],
    ids=["list", "string", "no guides", "guides not a list", "unknown key", "guide not object"],
)
def test_import_rejects_a_wrong_top_level(text, expected, guide_file):
    message, errors = rejected(guide_file(text))

    assert errors == [expected]


@pytest.mark.django_db
def test_import_of_an_empty_list_imports_nothing(guide_file):
    assert import_file(guide_file({"guides": []})) == (
        "Imported 0 guides: 0 created, 0 updated, 0 unchanged "
        "(saved as drafts; use --publish to publish)."
    )


@pytest.mark.django_db
def test_import_reads_standard_input_and_accepts_a_schema_reference():
    data = {"$schema": "../docs/import-format.schema.json", "guides": [full_guide()]}
    stdout = io.StringIO()

    call_command(
        "import_guides",
        "-",
        stdin=io.StringIO(json.dumps(data)),
        stdout=stdout,
        stderr=io.StringIO(),
    )

    assert "1 created" in stdout.getvalue()
    assert ConditionPage.objects.filter(slug="dystonia").exists()


@pytest.mark.django_db
def test_import_rolls_back_every_guide_when_one_fails_while_writing(guide_file):
    index = get_or_create_conditions_index()
    index.add_child(instance=Page(title="Asthma", slug="asthma"))
    before = database_state()

    message, errors = rejected(guide_file({"guides": [full_guide(), full_guide("Asthma")]}))

    [error] = errors
    assert error.startswith("guides[1].slug: The slug 'asthma' is already in use")
    assert message == "1 error; nothing was imported."
    assert database_state() == before


@pytest.mark.django_db
def test_html_is_sanitised_to_the_tags_the_editor_stores(guide_file):
    overview = (
        '<p onclick="steal()">Hello <strong>bold</strong> <em>it</em>'
        "<script>alert(1)</script><style>p {}</style>"
        '<a href="javascript:alert(1)">bad</a> <a href="https://example.org" target="_blank">'
        'good</a> <img src="x.png" onerror="alert(1)"><span>kept</span></p>'
    )
    data = {"guides": [full_guide()]}
    data["guides"][0]["sections"][0]["text"] = overview

    import_file(guide_file(data))

    stored = ConditionPage.objects.get().body[0].value["content"].source
    assert stored == (
        '<p>Hello <b>bold</b> <i>it</i>bad <a href="https://example.org">good</a> kept</p>'
    )


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("Plain words.", "<p>Plain words.</p>"),
        ("<h3>Types</h3><p>Two types.</p>", "<p>Types</p><p>Two types.</p>"),
        ("<p>One<br>two</p>", "<p>One<br/>two</p>"),
        ('<a href="/about/">About</a> us', "<p>About us</p>"),
        (
            '<p><a href="mailto:help@example.org">Email</a></p>',
            '<p><a href="mailto:help@example.org">Email</a></p>',
        ),
        ("<p>5 < 6 & 7</p>", "<p>5 &lt; 6 &amp; 7</p>"),
        ("<ul><li><strong>A</strong></li></ul>", "<ul><li><b>A</b></li></ul>"),
    ],
)
def test_clean_html_gives_wagtail_storage_format_and_is_stable(html, expected):
    assert clean_html(html) == expected
    assert clean_html(expected) == expected


@pytest.mark.django_db
def test_body_systems_are_created_when_missing_and_reused_by_name_in_any_case(guide_file):
    english = Locale.objects.get(language_code="en")
    brain = BodySystem.objects.create(locale=english, name="Brain and nerves", slug="brain")
    data = {
        "guides": [
            full_guide(body_systems=["brain AND nerves", "Skin"]),
            full_guide("Eczema", body_systems=["skin"]),
        ]
    }

    import_file(guide_file(data))

    assert BodySystem.objects.count() == 2
    skin = BodySystem.objects.get(slug="skin")
    assert skin.name == "Skin"
    assert set(ConditionPage.objects.get(slug="dystonia").body_systems.all()) == {brain, skin}
    assert list(ConditionPage.objects.get(slug="eczema").body_systems.all()) == [skin]


@pytest.mark.django_db
def test_body_systems_are_kept_apart_by_locale(spanish, guide_file):
    data = {
        "guides": [
            full_guide(body_systems=["Piel"]),
            full_guide(locale="es", body_systems=["Piel"]),
        ]
    }

    import_file(guide_file(data))

    assert sorted(BodySystem.objects.values_list("locale__language_code", "slug")) == [
        ("en", "piel"),
        ("es", "piel"),
    ]


@pytest.mark.django_db
def test_import_rejects_a_new_body_system_whose_slug_another_already_has(guide_file):
    english = Locale.objects.get(language_code="en")
    BodySystem.objects.create(locale=english, name="Skin", slug="skin")

    message, errors = rejected(guide_file({"guides": [full_guide(body_systems=["Skin."])]}))

    assert errors == [
        'guides[0].body_systems[0]: "Skin." would get the slug "skin", which the body system '
        '"Skin" has; use that name'
    ]


@pytest.mark.django_db
def test_export_import_into_an_empty_database_export_is_byte_identical(
    spanish, guide_file, tmp_path
):
    data = generated_guides()
    data["guides"][0]["sections"][0]["text"] = (
        "Unwrapped <strong>text</strong><script>x()</script><h2>Heading</h2>"
    )
    import_file(guide_file(data), "--publish")
    data["guides"][1]["summary"] = "A draft on top of the live guide."
    data["guides"].append(full_guide("A never published guide"))
    import_file(guide_file(data))

    first = export_text(tmp_path, "first.json")
    ConditionIndexPage.objects.all().delete()
    BodySystem.objects.all().delete()
    assert not ConditionPage.objects.exists()
    import_file(str(tmp_path / "first.json"))
    second = export_text(tmp_path, "second.json")

    assert second == first
    exported = json.loads(first)["guides"]
    assert len(exported) == 31
    assert [(guide["locale"], guide["title"]) for guide in exported] == sorted(
        (guide["locale"], guide["title"]) for guide in exported
    )
    live_one = next(guide for guide in exported if guide["slug"] == "condition-02")
    assert live_one["summary"] == "Condition 02 makes muscles tighten on their own."


@pytest.mark.django_db
def test_export_is_valid_against_the_schema_and_writes_every_field(guide_file, tmp_path):
    import_file(guide_file({"guides": [full_guide()]}), "--publish")

    exported = json.loads(export_text(tmp_path))

    Draft202012Validator(json.loads(SCHEMA_PATH.read_text())).validate(exported)
    guide = exported["guides"][0]
    assert list(guide) == [
        "title",
        "slug",
        "locale",
        "summary",
        "also_known_as",
        "body_systems",
        "hero_image",
        "hero_image_alt",
        "sections",
        "reviewed_by",
        "last_reviewed",
        "next_review_due",
    ]
    assert guide["sections"][2] == {
        "type": "causes",
        "heading": "",
        "text": "<p>The cause is often <i>unknown</i>.</p>",
    }
    assert guide["sections"][3]["studies"][1] == {
        "title": "Cannabinoids for movement disorders",
        "journal": "Review Journal",
        "year": 2018,
        "design": "systematic_review",
        "participants": None,
        "finding": "No clear benefit was found.",
        "evidence_level": "insufficient",
        "pmid": None,
        "doi": None,
        "url": None,
    }


@pytest.mark.django_db
def test_export_leaves_out_links_to_pages_inside_rich_text(guide_file, tmp_path):
    import_file(guide_file({"guides": [full_guide()]}), "--publish")
    page = ConditionPage.objects.get()
    page.body.append(("text", f'<p>See <a linktype="page" id="{page.pk}">this page</a>.</p>'))
    page.save_revision().publish()

    guide = json.loads(export_text(tmp_path))["guides"][0]

    assert guide["sections"][-1]["text"] == "<p>See this page.</p>"


@pytest.mark.django_db
def test_export_to_standard_output(guide_file):
    import_file(guide_file({"guides": [full_guide()]}), "--publish")
    stdout, stderr = io.StringIO(), io.StringIO()

    call_command("export_guides", "-", stdout=stdout, stderr=stderr)

    assert json.loads(stdout.getvalue())["guides"][0]["slug"] == "dystonia"
    assert stderr.getvalue().strip() == "Exported 1 guide."


@pytest.mark.django_db
def test_export_overwrites_a_file_but_fails_clearly_when_its_folder_is_missing(tmp_path):
    target = tmp_path / "guides.json"
    target.write_text("old")
    call_command("export_guides", str(target), stdout=io.StringIO())
    assert json.loads(target.read_text()) == {"format": 1, "guides": []}
    assert [path.name for path in tmp_path.iterdir()] == ["guides.json"]

    with pytest.raises(CommandError, match="the folder .*missing does not exist"):
        call_command("export_guides", str(tmp_path / "missing" / "guides.json"))


def test_block_validation_errors_are_named_by_their_path_in_the_file():
    block = ConditionBodyBlock()
    raw = [
        {"type": "symptoms", "value": {"heading": "", "content": ""}},
        {"type": "text", "value": ""},
        {
            "type": "cannabis_evidence",
            "value": {
                "summary": "<p>Some.</p>",
                "studies": [{**full_guide()["sections"][3]["studies"][0], "year": 1800}],
            },
        },
    ]
    with pytest.raises(StreamBlockValidationError) as caught:
        block.clean(block.to_python(raw))

    problems = stream_problems(
        caught.value, ("guides", 0, "sections"), ["symptoms", "text", "cannabis_evidence"]
    )

    assert {str(problem) for problem in problems} >= {
        "guides[0].sections[0].text: This field is required.",
        "guides[0].sections[1].text: This field is required.",
        "guides[0].sections[2].studies[0].year: "
        "Ensure this value is greater than or equal to 1900.",
    }
    assert (
        Problem(("guides", 0, "sections"), "Overview: The minimum number of items is 1") in problems
    )


def test_schema_is_valid_and_its_choices_match_the_blocks():
    schema = json.loads(SCHEMA_PATH.read_text())
    Draft202012Validator.check_schema(schema)
    definitions = schema["$defs"]

    assert definitions["evidenceLevel"]["enum"] == list(EvidenceLevel.values)
    assert definitions["study"]["properties"]["design"]["enum"] == list(StudyDesign.values)
    assert definitions["careCard"]["properties"]["urgency"]["enum"] == list(Urgency.values)
    section_types = definitions["section"]["properties"]["type"]["enum"]
    assert set(section_types) == set(ConditionBodyBlock().child_blocks)
