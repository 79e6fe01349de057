"""Checking a parsed file in full, and building each guide's values from what passes.

The schema (``schema.py``) checks the file's shape; this module checks what a schema
cannot (languages and pages the site has, slugs unique in the file, the order of
sections as ``ConditionBodyBlock`` states it, images) and then asks the body's blocks to
clean what ``fields.py`` built, naming each problem by its path in the file.
"""

import re
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.core.validators import URLValidator
from django.utils.text import slugify
from wagtail.blocks import (
    ListBlockValidationError,
    StreamBlockValidationError,
    StructBlockValidationError,
)
from wagtail.images import get_image_model
from wagtail.models import Locale, Page
from wagtail.utils.file import hash_filelike

from ..models import BodySystem, ConditionPage
from .fields import GUIDE_FIELDS, SECTIONS, parse_date, section_to_block
from .html import clean_html, has_text
from .problems import InvalidGuideFile, Problem, format_path
from .schema import as_json, check_format_version, schema_problems

# What the file says when its sections break "exactly one Overview, first", by the rule
# ConditionBodyBlock.section_order_problems names.
SECTION_ORDER_MESSAGES = {
    "missing": "needs an overview section, as the first section",
    "not_first": "the overview must be the first section",
    "extra": "a second overview section; a guide has exactly one",
}
# Where a block's field has another name in the file.
BLOCK_FIELD_NAMES = {"content": "text", "pages": "links"}


@dataclass
class GuideData:
    """One guide from the file, checked and ready to write: ``values`` holds each of
    ``GUIDE_FIELDS`` by the page attribute it sets (body systems still by name)."""

    position: int
    locale: Locale
    slug: str
    values: dict
    # Builds the whole body once the guides this one links to exist; None when the body
    # already is whole (see "Links to pages" in docs/import-format.md).
    complete_body: object = None


def derive_slug(text):
    # ASCII slugs make the plainest web addresses; a name in a non-Latin script still
    # needs one, so fall back to a Unicode slug rather than nothing.
    return slugify(text) or slugify(text, allow_unicode=True)


def check_guides(data, folder=None):
    """Every guide in a parsed file, checked; raises ``InvalidGuideFile`` on any mistake.

    ``folder`` is where the file is: images it names that the site does not have are
    read from ``images/`` in it, and added to the site (call this in the transaction
    the import writes in, so a file with mistakes adds none).
    """
    check_format_version(data)
    problems = schema_problems(data)
    if not (isinstance(data, dict) and isinstance(data.get("guides"), list)):
        raise InvalidGuideFile(problems)
    checker = _GuideChecker(problems, folder=folder, guides=data["guides"])
    guides = [checker.check(position, raw) for position, raw in enumerate(data["guides"])]
    if problems:
        raise InvalidGuideFile(problems)
    return guides


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
        body = self.build_body(sections, sections_path)
        if body is None:
            return None
        complete_body = None
        if self.links_ahead(sections):

            def complete_body():
                return self.build_body(sections, sections_path)

        values = {field.attr: field.from_file(raw) for field in GUIDE_FIELDS if field.plain}
        values.update(
            slug=slug,
            locale=locale,
            body_systems=[name.strip() for name in body_systems],
            hero_image=hero_image,
            body=body,
        )
        return GuideData(
            position=position,
            locale=locale,
            slug=slug,
            values=values,
            complete_body=complete_body,
        )

    def address_of(self, raw):
        code = raw.get("locale", self.default_locale.language_code)
        slug = raw.get("slug")
        if slug is None and isinstance(raw.get("title"), str):
            slug = derive_slug(raw["title"])
        return (code, slug)

    def page_id(self, ref):
        """The id of the page a link names, or None for a guide this file creates."""
        pages = Page.objects.filter(
            locale__language_code=ref["locale"], slug=ref["slug"], alias_of__isnull=True
        ).values_list("pk", "content_type__model")
        # Any page type may be linked to; a guide wins when another page shares its slug.
        guides = [pk for pk, model in pages if model == "conditionpage"]
        return guides[0] if guides else next((pk for pk, _model in pages), None)

    def image(self, ref):
        """The image a checked reference names (``fields.ImageWithAlt`` asks)."""
        return self.images.found[_ImageFinder.key(ref)]

    def links_ahead(self, sections):
        return any(
            self.page_id(ref) is None
            for section in sections
            if section.get("type") == "resources"
            for ref in section.get("pages", [])
        )

    def check_page_links(self, refs, path):
        for index, ref in enumerate(refs):
            if not isinstance(ref, dict) or not {"locale", "slug"} <= set(ref):
                continue
            address = (ref["locale"], ref["slug"])
            if address not in self.in_file and self.page_id(ref) is None:
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
                f"{as_json(code)} is not a locale this site has "
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
                f"{as_json(slug)}{made} appears twice in this file (also guides[{first}])",
            )
        return slug

    def check_dates(self, raw, path):
        last_reviewed = parse_date(raw.get("last_reviewed"))
        next_review_due = parse_date(raw.get("next_review_due"))
        if last_reviewed and next_review_due and next_review_due <= last_reviewed:
            self.add(
                (*path, "next_review_due"),
                f"must be after last_reviewed ({last_reviewed.isoformat()})",
            )

    def check_sections(self, sections, path):
        kinds = [section.get("type") if isinstance(section, dict) else None for section in sections]
        for rule, index in self.stream_block.section_order_problems(kinds):
            self.add(path if index is None else (*path, index), SECTION_ORDER_MESSAGES[rule])
        for index, section in enumerate(sections):
            if isinstance(section, dict):
                self.check_section(section, (*path, index))

    def check_section(self, section, path):
        kind = section.get("type")
        if kind not in SECTIONS:
            # The schema names the unknown type at its path.
            return
        if "text" in SECTIONS[kind].keys:
            self.check_html(section.get("text"), (*path, "text"))
        if kind == "cannabis_evidence":
            self.check_html(section.get("summary"), (*path, "summary"))
            for index, study in enumerate(_items(section.get("studies"))):
                if isinstance(study, dict):
                    self.check_url(study.get("url"), (*path, "studies", index, "url"))
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
            self.images.find(section["image"], (*path, "image"), self)

    def check_html(self, value, path):
        if isinstance(value, str) and value.strip() and not has_text(clean_html(value)):
            self.add(path, "has no text left once disallowed HTML is removed")

    def check_url(self, value, path):
        if not (isinstance(value, str) and re.match(r"https?://", value)):
            return
        try:
            URLValidator(schemes=["http", "https"])(value)
        except ValidationError:
            self.add(path, f"not a valid web address (got {as_json(value)})")

    def check_body_systems(self, names, path, locale):
        existing_names, existing_slugs = self.systems_in(locale)
        listed = {}
        for index, name in enumerate(names):
            if not isinstance(name, str) or not name.strip():
                continue
            name = name.strip()
            key = name.casefold()
            if key in listed:
                self.add((*path, index), f"{as_json(name)} is listed twice")
                continue
            listed[key] = index
            if key in existing_names:
                continue
            slug = derive_slug(name)
            if not slug:
                self.add((*path, index), f"{as_json(name)} cannot be made into a slug")
            elif slug in existing_slugs:
                self.add(
                    (*path, index),
                    f"{as_json(name)} would get the slug {as_json(slug)}, which the body system "
                    f"{as_json(existing_slugs[slug])} has; use that name",
                )
            else:
                other = self.new_system_slugs.setdefault(
                    (locale.language_code, slug), (key, name, (*path, index))
                )
                if other[0] != key:
                    self.add(
                        (*path, index),
                        f"{as_json(name)} and {as_json(other[1])} ({format_path(other[2])}) would "
                        f"get the same slug {as_json(slug)}; use one name",
                    )

    def systems_in(self, locale):
        if locale.pk not in self.existing_systems:
            systems = BodySystem.objects.filter(locale=locale)
            self.existing_systems[locale.pk] = (
                {system.name.strip().casefold() for system in systems},
                {system.slug: system.name for system in systems},
            )
        return self.existing_systems[locale.pk]

    def build_body(self, sections, path):
        """The body as a StreamField value, checked again by the blocks' own rules.

        Links to pages the site does not have yet are left out (a resources section with
        nothing left, too); ``complete_body`` builds them once the file's guides exist.
        """
        raw = [section_to_block(section, self) for section in sections]
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
        self.found = {}

    @staticmethod
    def key(ref):
        return (ref.get("sha1"), ref.get("file"))

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
        self.found[self.key(ref)] = image
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
