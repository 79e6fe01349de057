"""Reading, checking and writing a file of condition guides.

The format is described for editors in ``docs/import-format.md`` and, for its structure,
in ``docs/import-format.schema.json``. A file is checked in full before anything is
written, and everything is written in one transaction, so a file with one mistake
changes nothing.
"""

import datetime
import difflib
import functools
import html as html_module
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import nh3
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.text import slugify
from jsonschema import Draft202012Validator
from wagtail.blocks import (
    ListBlockValidationError,
    StreamBlockValidationError,
    StructBlockValidationError,
)
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageLogEntry
from wagtail.utils.file import hash_filelike

from home.site_tree import get_or_create_conditions_index

from .evidence import EvidenceLevel, Urgency
from .models import BodySystem, ConditionPage

SCHEMA_PATH = Path(settings.BASE_DIR) / "docs" / "import-format.schema.json"
# The version of the format this site reads and writes. A file may leave it out.
FORMAT_VERSION = 1
# The log action of every revision an import saves, so a later import can tell an
# editor's unsaved-to-live work from its own drafts (see conditions/wagtail_hooks.py).
IMPORT_LOG_ACTION = "conditions.import"

TEXT_SECTION_TYPES = ("overview", "symptoms", "causes", "treatments", "complications")
EARLIEST_STUDY_YEAR = 1900

ALLOWED_TAGS = {"p", "ul", "ol", "li", "a", "b", "strong", "i", "em", "br"}
HEADING_TAGS = {f"h{level}" for level in range(1, 7)}
# Wagtail's editor stores bold as <b>, italic as <i> and line breaks as <br/>, and imported
# text is stored the same way. The format has no headings inside a section: a heading's
# text becomes a paragraph rather than running into the next one.
TAG_RENAMES = {"strong": "b", "em": "i", **dict.fromkeys(HEADING_TAGS, "p")}
_RENAMED_TAG = re.compile(r"<(/?)(" + "|".join(TAG_RENAMES) + r")>")
# nh3 leaves <a> without attributes when it drops an unsafe or relative href.
_BARE_LINK = re.compile(r"<a>(.*?)</a>", re.DOTALL)
_BLOCK_TAG = re.compile(r"<(p|ul|ol|li)>")
_ANY_TAG = re.compile(r"<[^>]*>")
_LINE_END = re.compile(r"</(p|li)>|<br/>")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)

# Messages for the schema's patterns, so an editor reads what is wrong rather than a regex.
PATTERN_MESSAGES = {
    r"\S": "must not be empty",
    r"^[-\w]+$": (
        "not a valid slug: use only letters, digits, hyphens and underscores, such as "
        '"multiple-sclerosis"'
    ),
    r"^[^\r\n]*$": "must be on one line",
    r"^\d{1,9}$": "not a PubMed ID: it is digits only, such as 28182367",
    r"^10\.\d{4,9}/\S+$": (
        "not a DOI: it starts with 10. and a slash, such as 10.17226/24625, "
        "without https://doi.org/ in front"
    ),
    r"^https?://": "not a web address starting with http:// or https://",
    r"^[^/\\]+$": "a file name only, without a folder (the file goes in images/)",
    r"^[0-9a-f]{40}$": "not a SHA-1 checksum: 40 characters, 0-9 and a-f",
}
# Optional study identifiers may also be empty ("" or null).
PATTERN_MESSAGES.update(
    {
        r"^(\d{1,9})?$": PATTERN_MESSAGES[r"^\d{1,9}$"],
        r"^(10\.\d{4,9}/\S+)?$": PATTERN_MESSAGES[r"^10\.\d{4,9}/\S+$"],
        r"^(https?://.*)?$": PATTERN_MESSAGES[r"^https?://"],
    }
)
JSON_TYPE_NAMES = {
    "string": "a string",
    "integer": "a whole number",
    "number": "a number",
    "array": "a list",
    "object": "an object",
    "boolean": "true or false",
    "null": "null",
}
# Where a block's field has another name in the file.
BLOCK_FIELD_NAMES = {"content": "text", "pages": "links"}
MODEL_FIELD_NAMES = {"body": "sections", "__all__": None}


@dataclass(frozen=True)
class Problem:
    """One mistake in a file, with the path to the value it is about."""

    path: tuple
    message: str

    def __str__(self):
        return f"{format_path(self.path)}: {self.message}" if self.path else self.message

    def sort_key(self):
        return tuple((0, part) if isinstance(part, int) else (1, part) for part in self.path)


def format_path(path):
    """``("guides", 3, "sections", 1)`` as ``guides[3].sections[1]``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


class InvalidGuideFile(Exception):
    """The file cannot be imported; ``problems`` lists every reason."""

    def __init__(self, problems):
        self.problems = sorted(dict.fromkeys(problems), key=Problem.sort_key)
        super().__init__(self.summary)

    @property
    def summary(self):
        count = len(self.problems)
        return f"{count} error{'' if count == 1 else 's'}; nothing was imported."


@dataclass
class GuideData:
    """One guide from the file, checked and ready to write."""

    position: int
    locale: Locale
    slug: str
    title: str
    summary: str
    also_known_as: str
    body_systems: list
    body: object
    reviewed_by: str
    last_reviewed: datetime.date | None
    next_review_due: datetime.date | None
    hero_image: object = None
    hero_image_alt: str = ""
    # Builds the whole body once the guides this one links to exist; None when ``body``
    # already is whole (see "Links to pages" in docs/import-format.md).
    complete_body: object = None


@dataclass
class ImportResult:
    publish: bool
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    # Problems naming each guide left alone because an editor has unpublished changes.
    skipped: list = field(default_factory=list)

    def __str__(self):
        total = self.created + self.updated + self.unchanged
        state = "published" if self.publish else "saved as drafts; use --publish to publish"
        text = (
            f"Imported {total} guide{'' if total == 1 else 's'}: {self.created} created, "
            f"{self.updated} updated, {self.unchanged} unchanged ({state})."
        )
        if self.skipped:
            count = len(self.skipped)
            text += (
                f" Skipped {count} guide{'' if count == 1 else 's'} with unpublished changes; "
                "use --force to replace them."
            )
        return text


def derive_slug(text):
    # ASCII slugs make the plainest web addresses; a name in a non-Latin script still
    # needs one, so fall back to a Unicode slug rather than nothing.
    return slugify(text) or slugify(text, allow_unicode=True)


def clean_html(html):
    """Rich text reduced to the tags a guide may use, in Wagtail's storage format."""
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS | HEADING_TAGS,
        attributes={"a": {"href"}},
        url_schemes={"http", "https", "mailto"},
        url_relative="deny",
        link_rel=None,
    )
    cleaned = _RENAMED_TAG.sub(lambda match: f"<{match[1]}{TAG_RENAMES[match[2]]}>", cleaned)
    cleaned = _BARE_LINK.sub(r"\1", cleaned).replace("<br>", "<br/>").strip()
    if cleaned and not _BLOCK_TAG.search(cleaned):
        cleaned = f"<p>{cleaned}</p>"
    return cleaned


def plain_text(html):
    """The text of rich text, a line for each paragraph or list item."""
    lines = _ANY_TAG.sub("", _LINE_END.sub("\n", clean_html(html))).splitlines()
    return "\n".join(line.strip() for line in map(html_module.unescape, lines) if line.strip())


def has_text(html):
    return bool(_ANY_TAG.sub("", html).replace("&nbsp;", "").strip())


def read_guide_file(name, stdin=None):
    """The parsed JSON of a file, or of ``stdin`` when the name is ``-``."""
    try:
        text = stdin.read() if name == "-" else Path(name).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InvalidGuideFile([Problem((), f"{name}: file not found")]) from None
    except IsADirectoryError:
        raise InvalidGuideFile([Problem((), f"{name}: is a folder, not a file")]) from None
    except UnicodeDecodeError as error:
        raise InvalidGuideFile(
            [Problem((), f"{name}: not UTF-8 text (byte {error.start} cannot be read)")]
        ) from None
    except OSError as error:
        raise InvalidGuideFile([Problem((), f"{name}: cannot be read: {error.strerror}")]) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise InvalidGuideFile(
            [
                Problem(
                    (),
                    f"{name}: not valid JSON: {error.msg} "
                    f"(line {error.lineno}, column {error.colno})",
                )
            ]
        ) from None


@functools.cache
def schema_validator():
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def check_format_version(data):
    """Refuse a file written in a version of the format this site does not read."""
    if not isinstance(data, dict) or data.get("format", FORMAT_VERSION) == FORMAT_VERSION:
        return
    version = data["format"]
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        message = (
            f"this file is in format {version}, newer than this site reads (format "
            f"{FORMAT_VERSION}); update the site, or export the guides again in format "
            f"{FORMAT_VERSION}"
        )
    else:
        message = f"{_json(version)} is not a format version; leave it out or use {FORMAT_VERSION}"
    # Nothing else in a file of another version can be read by this version's rules.
    raise InvalidGuideFile([Problem(("format",), message)])


def check_guides(data, folder=None):
    """Every guide in a parsed file, checked; raises ``InvalidGuideFile`` on any mistake.

    ``folder`` is where the file is: images it names that the site does not have are
    read from ``images/`` in it, and added to the site (call this in the transaction
    the import writes in, so a file with mistakes adds none).
    """
    check_format_version(data)
    problems = []
    for error in schema_validator().iter_errors(data):
        problems.extend(_schema_problems(error))
    if not (isinstance(data, dict) and isinstance(data.get("guides"), list)):
        raise InvalidGuideFile(problems)
    checker = _GuideChecker(problems, folder=folder, guides=data["guides"])
    guides = [checker.check(position, raw) for position, raw in enumerate(data["guides"])]
    if problems:
        raise InvalidGuideFile(problems)
    return guides


def _schema_problems(error):
    path = tuple(error.absolute_path)
    if error.validator == "required":
        return [
            Problem((*path, name), "required, but missing")
            for name in error.validator_value
            if name not in error.instance
        ]
    if error.validator == "additionalProperties":
        allowed = list(error.schema.get("properties", {}))
        return [
            Problem((*path, key), _unknown_key_message(key, allowed))
            for key in error.instance
            if key not in allowed
        ]
    return [Problem(path, _schema_message(error, path))]


def _unknown_key_message(key, allowed):
    close = difflib.get_close_matches(key, allowed, n=1)
    if close:
        return f'unknown key (did you mean "{close[0]}"?)'
    return f"unknown key (allowed here: {', '.join(allowed)})"


def _schema_message(error, path):
    value = error.instance
    # A rule the schema states with its own message, beside it ("x-messages").
    own_message = error.schema.get("x-messages", {}).get(error.validator)
    if own_message:
        return own_message
    if path and path[-1] == "year" and error.validator in {"type", "minimum"}:
        return _not_a_year(value)
    match error.validator:
        case "type" if not path:
            return f'the file should be a JSON object with a "guides" list, not {_json_type(value)}'
        case "type":
            expected = error.validator_value
            expected = [expected] if isinstance(expected, str) else expected
            names = " or ".join(JSON_TYPE_NAMES[name] for name in expected)
            return f"should be {names}, not {_json_type(value)}"
        case "maxLength":
            return f"longer than {error.validator_value} characters ({len(value)})"
        case "pattern":
            return PATTERN_MESSAGES.get(error.validator_value, error.message)
        case "enum":
            return f"{_json(value)} is not one of: {', '.join(error.validator_value)}"
        case "format":
            return f"not a date: use YYYY-MM-DD, such as 2024-03-01 (got {_json(value)})"
        case "minimum":
            return f"must be at least {error.validator_value}"
        case "minItems":
            return "needs at least one item"
        case _:
            return error.message


def _json(value):
    return json.dumps(value, ensure_ascii=False)


def _json_type(value):
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    return "an object"


def _not_a_year(value):
    this_year = datetime.date.today().year
    return f"not a year between {EARLIEST_STUDY_YEAR} and {this_year} (got {_json(value)})"


def _parse_date(value):
    """A ``YYYY-MM-DD`` date, or None for anything else (the schema reports it)."""
    if not (isinstance(value, str) and _ISO_DATE.fullmatch(value)):
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None


def _items(value):
    return value if isinstance(value, list) else []


class _GuideChecker:
    """The checks a JSON Schema cannot express, and the guide built from what passes."""

    def __init__(self, problems, folder=None, guides=()):
        self.problems = problems
        self.locales = {locale.language_code: locale for locale in Locale.objects.all()}
        self.default_locale = Locale.get_default()
        self.images = _ImageFinder(folder)
        # Guides in this file, by (locale, slug): a link to one of them is made once it exists.
        self.in_file = {self.address_of(raw) for raw in guides if isinstance(raw, dict)}
        self.slugs = {}
        self.new_system_slugs = {}
        self.existing_systems = {}
        self.stream_block = ConditionPage._meta.get_field("body").stream_block

    def add(self, path, message):
        self.problems.append(Problem(path, message))

    def check(self, position, raw):
        path = ("guides", position)
        if not isinstance(raw, dict):
            return None
        locale = self.check_locale(raw, path)
        slug = self.check_slug(raw, path, position, locale)
        self.check_dates(raw, path)
        sections = raw.get("sections")
        if isinstance(sections, list):
            self.check_sections(sections, (*path, "sections"))
        body_systems = raw.get("body_systems", [])
        if locale and isinstance(body_systems, list):
            self.check_body_systems(body_systems, (*path, "body_systems"), locale)
        hero = raw.get("hero_image")
        hero_image = self.images.find(hero, (*path, "hero_image"), self) if hero else None
        if any(problem.path[:2] == path for problem in self.problems):
            return None
        sections_path = (*path, "sections")
        body = self.build_body(sections, sections_path, self.existing_page_id)
        if body is None:
            return None
        complete_body = None
        if self.links_ahead(sections):

            def complete_body():
                return self.build_body(sections, sections_path, self.existing_page_id)

        return GuideData(
            position=position,
            locale=locale,
            slug=slug,
            title=raw["title"].strip(),
            summary=raw["summary"].strip(),
            also_known_as="\n".join(name.strip() for name in raw.get("also_known_as", [])),
            body_systems=[name.strip() for name in body_systems],
            body=body,
            reviewed_by=raw.get("reviewed_by", "").strip(),
            last_reviewed=_parse_date(raw.get("last_reviewed")),
            next_review_due=_parse_date(raw.get("next_review_due")),
            hero_image=hero_image,
            hero_image_alt=raw.get("hero_image_alt", "").strip(),
            complete_body=complete_body,
        )

    def address_of(self, raw):
        code = raw.get("locale", self.default_locale.language_code)
        slug = raw.get("slug")
        if slug is None and isinstance(raw.get("title"), str):
            slug = derive_slug(raw["title"])
        return (code, slug)

    def existing_page_id(self, ref):
        """The id of the page a link names, or None for a guide this file creates."""
        pages = Page.objects.filter(
            locale__language_code=ref["locale"], slug=ref["slug"], alias_of__isnull=True
        ).values_list("pk", "content_type__model")
        # Any page type may be linked to; a guide wins when another page shares its slug.
        guides = [pk for pk, model in pages if model == "conditionpage"]
        return guides[0] if guides else next((pk for pk, _model in pages), None)

    def links_ahead(self, sections):
        return any(
            self.existing_page_id(ref) is None
            for section in sections
            if section.get("type") == "resources"
            for ref in section.get("pages", [])
        )

    def check_page_links(self, refs, path):
        for index, ref in enumerate(refs):
            if not isinstance(ref, dict) or not {"locale", "slug"} <= set(ref):
                continue
            address = (ref["locale"], ref["slug"])
            if address not in self.in_file and self.existing_page_id(ref) is None:
                self.add(
                    (*path, index),
                    f"no page {ref['locale']}/{ref['slug']} on this site or in this file",
                )

    def check_locale(self, raw, path):
        code = raw.get("locale", self.default_locale.language_code)
        if not isinstance(code, str):
            return None
        locale = self.locales.get(code)
        if locale is None:
            self.add(
                (*path, "locale"),
                f"{_json(code)} is not a locale this site has "
                f"(it has: {', '.join(sorted(self.locales))})",
            )
        return locale

    def check_slug(self, raw, path, position, locale):
        derived = "slug" not in raw
        if derived:
            title = raw.get("title")
            if not isinstance(title, str) or not title.strip():
                return None
            slug = derive_slug(title)
            if not slug:
                self.add((*path, "slug"), "cannot be made from the title; add a slug")
                return None
        else:
            slug = raw["slug"]
            if not isinstance(slug, str):
                return None
        if locale is None:
            return slug
        first = self.slugs.setdefault((locale.language_code, slug), position)
        if first != position:
            made = " (made from the title)" if derived else ""
            self.add(
                (*path, "slug"),
                f"{_json(slug)}{made} appears twice in this file (also guides[{first}])",
            )
        return slug

    def check_dates(self, raw, path):
        last_reviewed = _parse_date(raw.get("last_reviewed"))
        next_review_due = _parse_date(raw.get("next_review_due"))
        if last_reviewed and next_review_due and next_review_due <= last_reviewed:
            self.add(
                (*path, "next_review_due"),
                f"must be after last_reviewed ({last_reviewed.isoformat()})",
            )

    def check_sections(self, sections, path):
        kinds = [section.get("type") if isinstance(section, dict) else None for section in sections]
        overviews = [index for index, kind in enumerate(kinds) if kind == "overview"]
        if not overviews:
            self.add(path, "needs an overview section, as the first section")
        elif overviews[0] != 0:
            self.add((*path, overviews[0]), "the overview must be the first section")
        for index in overviews[1:]:
            self.add((*path, index), "a second overview section; a guide has exactly one")
        for index, section in enumerate(sections):
            if isinstance(section, dict):
                self.check_section(section, (*path, index))

    def check_section(self, section, path):
        kind = section.get("type")
        if kind in (*TEXT_SECTION_TYPES, "text", "callout", "see_a_doctor", "quote"):
            self.check_html(section.get("text"), (*path, "text"))
        elif kind == "cannabis_evidence":
            self.check_html(section.get("summary"), (*path, "summary"))
            for index, study in enumerate(_items(section.get("studies"))):
                if isinstance(study, dict):
                    study_path = (*path, "studies", index)
                    self.check_year(study.get("year"), (*study_path, "year"))
                    self.check_url(study.get("url"), (*study_path, "url"))
        elif kind == "see_a_doctor":
            for index, card in enumerate(_items(section.get("care_cards"))):
                if isinstance(card, dict):
                    self.check_html(card.get("text"), (*path, "care_cards", index, "text"))
        elif kind == "resources":
            for index, link in enumerate(_items(section.get("links"))):
                if isinstance(link, dict):
                    self.check_url(link.get("url"), (*path, "links", index, "url"))
            self.check_page_links(_items(section.get("pages")), (*path, "pages"))
        elif kind == "image" and isinstance(section.get("image"), dict):
            section["_image"] = self.images.find(section["image"], (*path, "image"), self)

    def check_html(self, value, path):
        if isinstance(value, str) and value.strip() and not has_text(clean_html(value)):
            self.add(path, "has no text left once disallowed HTML is removed")

    def check_year(self, value, path):
        is_year = isinstance(value, int) and not isinstance(value, bool)
        if is_year and value >= EARLIEST_STUDY_YEAR and value > datetime.date.today().year:
            self.add(path, _not_a_year(value))

    def check_url(self, value, path):
        if not (isinstance(value, str) and re.match(r"https?://", value)):
            return
        try:
            URLValidator(schemes=["http", "https"])(value)
        except ValidationError:
            self.add(path, f"not a valid web address (got {_json(value)})")

    def check_body_systems(self, names, path, locale):
        existing_names, existing_slugs = self.systems_in(locale)
        listed = {}
        for index, name in enumerate(names):
            if not isinstance(name, str) or not name.strip():
                continue
            name = name.strip()
            key = name.casefold()
            if key in listed:
                self.add((*path, index), f"{_json(name)} is listed twice")
                continue
            listed[key] = index
            if key in existing_names:
                continue
            slug = derive_slug(name)
            if not slug:
                self.add((*path, index), f"{_json(name)} cannot be made into a slug")
            elif slug in existing_slugs:
                self.add(
                    (*path, index),
                    f"{_json(name)} would get the slug {_json(slug)}, which the body system "
                    f"{_json(existing_slugs[slug])} has; use that name",
                )
            else:
                other = self.new_system_slugs.setdefault(
                    (locale.language_code, slug), (key, name, (*path, index))
                )
                if other[0] != key:
                    self.add(
                        (*path, index),
                        f"{_json(name)} and {_json(other[1])} ({format_path(other[2])}) would "
                        f"get the same slug {_json(slug)}; use one name",
                    )

    def systems_in(self, locale):
        if locale.pk not in self.existing_systems:
            systems = BodySystem.objects.filter(locale=locale)
            self.existing_systems[locale.pk] = (
                {system.name.strip().casefold() for system in systems},
                {system.slug: system.name for system in systems},
            )
        return self.existing_systems[locale.pk]

    def build_body(self, sections, path, page_id):
        """The body as a StreamField value, checked again by the blocks' own rules.

        ``page_id`` finds the page a resources link names; links it finds no page for
        are left out (a resources section with nothing left, too).
        """
        raw = [
            {"type": section["type"], "value": _block_value(section, page_id)}
            for section in sections
        ]
        raw = [
            item
            for item in raw
            if item["type"] != "resources" or item["value"]["links"] or item["value"]["pages"]
        ]
        try:
            return self.stream_block.clean(self.stream_block.to_python(raw))
        except StreamBlockValidationError as error:
            kinds = [item["type"] for item in raw]
            self.problems.extend(stream_problems(error, path, kinds))
            return None


class _ImageFinder:
    """The image a file names: on the site by checksum or file name, or else read from
    ``images/`` beside the file and added to the site."""

    def __init__(self, folder):
        self.folder = Path(folder) / "images" if folder else None
        self.added = {}

    def find(self, ref, path, checker):
        if not isinstance(ref, dict):
            return None
        sha1, name = ref.get("sha1"), ref.get("file")
        Image = get_image_model()
        # A checksum names the picture itself; a file name only when no checksum is given.
        if sha1:
            image = Image.objects.filter(file_hash=sha1).order_by("pk").first()
        else:
            image = Image.objects.filter(file__endswith=f"/{name}").order_by("pk").first()
        if image is None:
            image = self.add(ref, path, checker)
        return image

    def add(self, ref, path, checker):
        name = ref.get("file")
        source = self.folder / name if self.folder and name else None
        if source is None or not source.is_file() or Path(name).name != name:
            where = f"images/{name} beside the file" if name else "a file name to read it from"
            checker.add(
                path,
                f"no image on this site has this {'checksum' if ref.get('sha1') else 'file name'}"
                f", and there is no {where}",
            )
            return None
        with source.open("rb") as file:
            sha1 = hash_filelike(file)
        if ref.get("sha1") and ref["sha1"] != sha1:
            checker.add(path, f"images/{name} does not have the checksum the file gives")
            return None
        if sha1 not in self.added:
            with source.open("rb") as file:
                image = get_image_model()(
                    title=ref.get("title") or Path(name).stem, file=ImageFile(file, name=name)
                )
                image.save()
            self.added[sha1] = image
        return self.added[sha1]


def _block_value(section, page_id):
    kind = section["type"]
    heading = section.get("heading", "")
    if kind in TEXT_SECTION_TYPES:
        return {"heading": heading, "content": clean_html(section["text"])}
    if kind == "text":
        return clean_html(section["text"])
    if kind == "cannabis_evidence":
        return {
            "heading": heading,
            "summary": clean_html(section["summary"]),
            "evidence_level": section.get("evidence_level", EvidenceLevel.INSUFFICIENT.value),
            "legal_status": section.get("legal_status", ""),
            "studies": [_study_value(study) for study in section["studies"]],
        }
    if kind == "see_a_doctor":
        # Prose about when to see a doctor, with no urgency given, is one non-urgent card.
        cards = section.get("care_cards") or [
            {"urgency": Urgency.NON_URGENT.value, "text": section["text"]}
        ]
        return {
            "heading": heading,
            "care_cards": [
                {"urgency": card["urgency"], "text": clean_html(card["text"])} for card in cards
            ],
        }
    if kind == "resources":
        return {
            "heading": heading,
            "links": [
                {
                    "title": link["title"],
                    "url": link["url"],
                    "description": link.get("description", ""),
                }
                for link in section.get("links", [])
            ],
            "pages": [pk for ref in section.get("pages", []) if (pk := page_id(ref))],
        }
    if kind == "image":
        image = section["_image"]
        return {
            "image": {
                "image": image.pk,
                "decorative": section.get("decorative", False),
                "alt_text": section.get("alt_text", ""),
            },
            "caption": section.get("caption", ""),
        }
    if kind == "quote":
        quote = section["quote"] if "quote" in section else plain_text(section["text"])
        return {"quote": quote, "attribution": section.get("attribution", "")}
    return {"style": section.get("style", "info"), "text": clean_html(section["text"])}


def _study_value(study):
    return {
        "title": study["title"],
        "journal": study["journal"],
        "year": study["year"],
        "design": study["design"],
        "participants": study.get("participants"),
        "finding": study["finding"],
        "evidence_level": study.get("evidence_level", EvidenceLevel.INSUFFICIENT.value),
        "pmid": study.get("pmid") or "",
        "doi": study.get("doi") or "",
        "url": study.get("url") or "",
    }


def _messages(errors):
    return [str(message) for error in errors for message in error.messages]


def stream_problems(error, path, kinds):
    """A StreamField validation error as problems, with paths named as in the file.

    ``kinds`` are the section types in order: a ``text`` section's value is its rich
    text, so its errors belong to its ``text`` key.
    """
    problems = [Problem(path, message) for message in _messages(error.non_block_errors.as_data())]
    for index, child_error in error.block_errors.items():
        child_path = (*path, index, "text") if kinds[index] == "text" else (*path, index)
        problems.extend(Problem(*problem) for problem in _block_problems(child_error, child_path))
    return problems


def _block_problems(error, path):
    if isinstance(
        error, StreamBlockValidationError | StructBlockValidationError | ListBlockValidationError
    ):
        for message in _messages(error.non_block_errors.as_data()):
            yield path, message
        for key, child_error in error.block_errors.items():
            yield from _block_problems(child_error, (*path, BLOCK_FIELD_NAMES.get(key, key)))
    else:
        for message in _messages([error]):
            yield path, message


def import_guides(guides, *, publish=False, force=False, strict=False, user=None):
    """Write checked guides in one transaction; nothing is written if any guide fails.

    A guide an editor has changed since it was last published or imported is left as it
    is, and named in ``result.skipped``, unless ``force``; with ``strict`` such a guide is
    an error and nothing is written. ``user`` is recorded on every revision saved.
    """
    result = ImportResult(publish=publish)
    writer = _GuideWriter(publish, force=force, user=user)
    problems = []
    linking = []
    with transaction.atomic():
        for guide in guides:
            try:
                with transaction.atomic():
                    outcome = writer.write(guide)
            except ValidationError as error:
                problems.extend(_model_problems(error, ("guides", guide.position)))
                # The savepoint took back whatever this guide created.
                writer.forget()
            except UnpublishedChanges as skipped:
                result.skipped.append(skipped.problem(guide))
            else:
                setattr(result, outcome, getattr(result, outcome) + 1)
                if guide.complete_body:
                    linking.append(guide)
        # Links to guides this file created: now that they exist, save the whole body.
        for guide in linking:
            guide.body = guide.complete_body()
            try:
                writer.write(guide)
            except ValidationError as error:
                problems.extend(_model_problems(error, ("guides", guide.position)))
        if strict:
            problems.extend(result.skipped)
        if problems:
            raise InvalidGuideFile(problems)
    return result


class UnpublishedChanges(Exception):
    """An editor's draft sits on top of the guide; an import without --force keeps it."""

    def __init__(self, revision):
        self.revision = revision
        super().__init__()

    def problem(self, guide):
        user = self.revision.user
        who = (user.get_full_name() or user.get_username()) if user else "someone"
        return Problem(
            ("guides", guide.position),
            f"{guide.locale.language_code}/{guide.slug} has unpublished changes "
            f"(saved by {who} on {self.revision.created_at:%Y-%m-%d %H:%M}); not imported, "
            "so they are kept. Use --force to replace them with the file's version",
        )


def _model_problems(error, path):
    if not hasattr(error, "error_dict"):
        return [Problem(path, message) for message in error.messages]
    return [
        Problem(path if name is None else (*path, name), message)
        for field, messages in error.message_dict.items()
        for name in [MODEL_FIELD_NAMES.get(field, field)]
        for message in messages
    ]


class _GuideWriter:
    def __init__(self, publish, force=False, user=None):
        self.publish = publish
        self.force = force
        self.user = user
        self.forget()

    def forget(self):
        self.indexes = {}
        self.systems = {}

    def index_for(self, locale):
        if locale.pk not in self.indexes:
            self.indexes[locale.pk] = get_or_create_conditions_index(locale)
        return self.indexes[locale.pk]

    def systems_for(self, locale, names):
        if locale.pk not in self.systems:
            self.systems[locale.pk] = {}
            for system in BodySystem.objects.filter(locale=locale).order_by("pk"):
                self.systems[locale.pk].setdefault(system.name.strip().casefold(), system)
        known = self.systems[locale.pk]
        for name in names:
            if name.casefold() not in known:
                known[name.casefold()] = BodySystem.objects.create(
                    locale=locale, name=name, slug=derive_slug(name)
                )
        return [known[name.casefold()] for name in names]

    def write(self, guide):
        index = self.index_for(guide.locale)
        systems = self.systems_for(guide.locale, guide.body_systems)
        page = (
            ConditionPage.objects.child_of(index)
            .filter(locale=guide.locale, slug=guide.slug)
            .first()
        )
        if page is None:
            page = ConditionPage(locale=guide.locale, live=False)
            _apply(page, guide, systems)
            page.owner = self.user
            index.add_child(instance=page)
            self.save(page)
            return "created"
        if page.alias_of_id:
            raise ValidationError(
                {"slug": "this guide is an alias of another page; import into that page"}
            )
        editors_draft = self.editors_draft(page)
        draft = page.get_latest_revision_as_object()
        before = _content(draft)
        _apply(draft, guide, systems)
        if _content(draft) != before:
            if editors_draft:
                # The file may be what the draft was made from (an export writes the
                # live version): then it brings nothing new, and the draft stays.
                if page.live and _content(_applied(page, guide, systems)) == _content(page):
                    return "unchanged"
                raise UnpublishedChanges(editors_draft)
            self.save(draft)
            return "updated"
        if self.publish and (page.has_unpublished_changes or not page.live):
            if editors_draft:
                raise UnpublishedChanges(editors_draft)
            revision = page.latest_revision if page.has_unpublished_changes else None
            (revision or draft.save_revision(user=self.user, log_action=IMPORT_LOG_ACTION)).publish(
                user=self.user
            )
            return "updated"
        return "unchanged"

    def editors_draft(self, page):
        """The latest revision, when someone saved it in the admin after the guide was
        last published (or imported) and ``--force`` was not given; otherwise None."""
        if self.force or not page.has_unpublished_changes or page.latest_revision is None:
            return None
        imported = PageLogEntry.objects.filter(
            page=page, revision=page.latest_revision, action=IMPORT_LOG_ACTION
        ).exists()
        return None if imported else page.latest_revision

    def save(self, page):
        revision = page.save_revision(user=self.user, log_action=IMPORT_LOG_ACTION)
        if self.publish:
            revision.publish(user=self.user)


def _apply(page, guide, systems):
    page.title = guide.title
    page.slug = guide.slug
    page.summary = guide.summary
    page.also_known_as = guide.also_known_as
    page.body = guide.body
    page.body_systems = systems
    page.reviewed_by = guide.reviewed_by
    page.last_reviewed = guide.last_reviewed
    page.next_review_due = guide.next_review_due
    page.hero_image = guide.hero_image
    page.hero_image_alt = guide.hero_image_alt


def _applied(page, guide, systems):
    """A copy of the stored ``page`` with the file's guide applied, for comparing."""
    copy = ConditionPage.objects.get(pk=page.pk)
    _apply(copy, guide, systems)
    return copy


def _content(page):
    """What an import sets on a page, comparable between a stored page and a new one."""
    return (
        page.title,
        page.slug,
        page.summary,
        page.also_known_as,
        page.reviewed_by,
        page.last_reviewed,
        page.next_review_due,
        page.hero_image_id,
        page.hero_image_alt,
        sorted(system.pk for system in page.body_systems.all()),
        # Each block's value as its block writes it: a value stored before a field was
        # added (an image without a caption) compares equal to one with it empty.
        _without_ids(
            [[block.block_type, block.block.get_prep_value(block.value)] for block in page.body]
        ),
    )


def _without_ids(value):
    # Block ids are new on every import and mean nothing to a reader.
    if isinstance(value, list):
        return [_without_ids(item) for item in value]
    if isinstance(value, dict):
        return {key: _without_ids(item) for key, item in value.items() if key != "id"}
    return value
