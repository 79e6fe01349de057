"""The one description of where each value of a guide sits in the file.

Import reads a file's section into a block's value with ``Section.to_block``; export writes
a block's value back with ``Section.to_file``; the page's own fields go both ways through
``GUIDE_FIELDS``. A field added here is imported, compared and exported, and
``tests/conditions/test_import_round_trip.py`` fails until the schema and its sample file
carry it too.
"""

import datetime
import re
from dataclasses import dataclass
from pathlib import Path

from ..blocks import ConditionBodyBlock, TextSectionBlock
from ..evidence import EvidenceLevel, Urgency
from .html import clean_html, plain_text

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


# Fields inside a section: ``key`` in the file, ``name`` in the block when it differs.


@dataclass(frozen=True)
class Text:
    """Plain text; written without surrounding spaces."""

    key: str
    name: str = ""

    @property
    def block_name(self):
        return self.name or self.key

    def to_block(self, raw, context):
        return raw.get(self.key, "")

    def to_file(self, value, context):
        return (value.get(self.block_name) or "").strip()


@dataclass(frozen=True)
class Plain(Text):
    """A value the file and the block hold alike: a number, a choice, a web address."""

    default: object = None

    def to_block(self, raw, context):
        return raw.get(self.key, self.default)

    def to_file(self, value, context):
        return value[self.block_name]


@dataclass(frozen=True)
class RichText(Text):
    """Rich text, cleaned the same way in and out, so what is exported imports unchanged."""

    def to_block(self, raw, context):
        return clean_html(raw[self.key])

    def to_file(self, value, context):
        return clean_html(value[self.block_name].source)


@dataclass(frozen=True)
class Identifier(Text):
    """Optional text the block stores as "" and the file as null."""

    def to_block(self, raw, context):
        return raw.get(self.key) or ""

    def to_file(self, value, context):
        return value[self.block_name] or None


@dataclass(frozen=True)
class Items(Text):
    """A list of small structures, each described by ``fields``."""

    fields: tuple = ()

    def to_block(self, raw, context):
        return [_struct_to_block(self.fields, item, context) for item in raw.get(self.key, [])]

    def to_file(self, value, context):
        return [_struct_to_file(self.fields, item, context) for item in value[self.block_name]]


@dataclass(frozen=True)
class Pages(Text):
    """Pages on the site, named in the file by language and slug. A page the site does
    not have (yet) is left out on import: ``context.page_id`` gives None for it."""

    def to_block(self, raw, context):
        return [pk for ref in raw.get(self.key, []) if (pk := context.page_id(ref))]

    def to_file(self, value, context):
        return [
            {"locale": page.locale.language_code, "slug": page.slug}
            for page in value[self.block_name]
            if page is not None
        ]


@dataclass(frozen=True)
class ImageWithAlt(Text):
    """An image block: the file names the image, and gives its description for this use
    (``alt_text``) and whether it is only decoration, beside it."""

    def to_block(self, raw, context):
        return {
            "image": context.image(raw[self.key]).pk,
            "decorative": raw.get("decorative", False),
            "alt_text": raw.get("alt_text", ""),
        }

    def to_file_items(self, value, context):
        image = value[self.block_name]
        return {
            self.key: image_ref(image),
            "alt_text": (image.contextual_alt_text or "").strip(),
            "decorative": bool(image.decorative),
        }

    @property
    def keys(self):
        return (self.key, "alt_text", "decorative")


def _struct_to_block(fields, raw, context):
    return {field.block_name: field.to_block(raw, context) for field in fields}


def _struct_to_file(fields, value, context):
    data = {}
    for field in fields:
        if isinstance(field, ImageWithAlt):
            data.update(field.to_file_items(value, context))
        else:
            data[field.key] = field.to_file(value, context)
    return data


def image_ref(image):
    if image is None:
        return None
    return {"file": Path(image.file.name).name, "sha1": image.get_file_hash(), "title": image.title}


@dataclass(frozen=True)
class Section:
    """One type of section: its fields, and how the file's short forms read.

    ``whole`` says the block's value is its one field's value (a text block is rich text
    itself); ``required`` names the field without which a block cannot be written out;
    ``short_form`` rewrites a documented short form into the full one (import only).
    """

    fields: tuple
    whole: bool = False
    required: str = ""
    short_form: object = None

    def to_block(self, raw, context):
        if self.short_form:
            raw = self.short_form(raw)
        value = _struct_to_block(self.fields, raw, context)
        return value[self.fields[0].block_name] if self.whole else value

    def to_file(self, value, context):
        """The block's value as the file holds it, or None when it is too incomplete."""
        if self.whole:
            value = {self.fields[0].block_name: value}
        if self.required and not value.get(self.required):
            return None
        return _struct_to_file(self.fields, value, context)

    @property
    def keys(self):
        """Every key this section has in the file, short forms' keys included."""
        keys = [key for field in self.fields for key in getattr(field, "keys", (field.key,))]
        return ["type", *keys, *(getattr(self.short_form, "keys", ()))]


def _short_form(*keys):
    def mark(function):
        function.keys = keys
        return function

    return mark


@_short_form("text")
def _text_as_one_non_urgent_card(raw):
    """Prose about when to see a doctor, with no urgency given, is one non-urgent card."""
    if "care_cards" in raw:
        return raw
    return {**raw, "care_cards": [{"urgency": Urgency.NON_URGENT.value, "text": raw["text"]}]}


@_short_form("text")
def _text_as_quote(raw):
    """A quote given as rich text keeps only its words."""
    return raw if "quote" in raw else {**raw, "quote": plain_text(raw["text"])}


HEADING = Text("heading")
INSUFFICIENT = EvidenceLevel.INSUFFICIENT.value
STUDY_FIELDS = (
    Text("title"),
    Text("journal"),
    Plain("year"),
    Plain("design"),
    Plain("participants"),
    Text("finding"),
    Plain("evidence_level", default=INSUFFICIENT),
    Identifier("pmid"),
    Identifier("doi"),
    Identifier("url"),
)
CARE_CARD_FIELDS = (Plain("urgency"), RichText("text"))
LINK_FIELDS = (Text("title"), Plain("url"), Text("description"))

# The body's blocks whose value is a heading and rich text: Overview, Symptoms, ...
TEXT_SECTION_TYPES = tuple(
    name
    for name, block in ConditionBodyBlock.base_blocks.items()
    if isinstance(block, TextSectionBlock)
)

SECTIONS = {
    **{kind: Section((HEADING, RichText("text", "content"))) for kind in TEXT_SECTION_TYPES},
    "text": Section((RichText("text"),), whole=True),
    "cannabis_evidence": Section(
        (
            HEADING,
            RichText("summary"),
            Plain("evidence_level", default=INSUFFICIENT),
            Text("legal_status"),
            Items("studies", fields=STUDY_FIELDS),
        )
    ),
    "see_a_doctor": Section(
        (HEADING, Items("care_cards", fields=CARE_CARD_FIELDS)),
        short_form=_text_as_one_non_urgent_card,
    ),
    "resources": Section((HEADING, Items("links", fields=LINK_FIELDS), Pages("pages"))),
    "quote": Section((Text("quote"), Text("attribution")), short_form=_text_as_quote),
    "callout": Section((Plain("style", default="info"), RichText("text"))),
    "image": Section((ImageWithAlt("image"), Text("caption")), required="image"),
}


def section_to_block(raw, context):
    """A section of the file as ``{"type", "value"}`` for the body's StreamField.

    The schema refuses an unknown type with its path before anything is built; a type
    still unknown here is a mistake in this module, not in the file.
    """
    return {"type": raw["type"], "value": SECTIONS[raw["type"]].to_block(raw, context)}


def section_to_file(block, context=None):
    """A body block as a section of the file, or None for one too incomplete to write."""
    data = SECTIONS[block.block_type].to_file(block.value, context)
    return None if data is None else {"type": block.block_type, **data}


# The page's own fields, in the order a guide is written. ``name`` is the page's
# attribute when it differs from the key; ``plain`` fields are read straight from the
# file, the others are checked and found (a locale, an image) by the importer.


@dataclass(frozen=True)
class PageField:
    key: str
    name: str = ""
    plain: bool = True

    @property
    def attr(self):
        return self.name or self.key

    def from_file(self, raw):
        return raw.get(self.key, "").strip()

    def to_file(self, page):
        return getattr(page, self.attr).strip()

    def compared(self, page):
        """What an import compares to tell whether it changes the page."""
        return getattr(page, self.attr)


@dataclass(frozen=True)
class Names(PageField):
    """One name a line on the page, a list in the file."""

    def from_file(self, raw):
        return "\n".join(name.strip() for name in raw.get(self.key, []))

    def to_file(self, page):
        return page.alternative_names


@dataclass(frozen=True)
class Date(PageField):
    def from_file(self, raw):
        return parse_date(raw.get(self.key))

    def to_file(self, page):
        value = getattr(page, self.attr)
        return value.isoformat() if value else None


@dataclass(frozen=True)
class Slug(PageField):
    def to_file(self, page):
        return page.slug


@dataclass(frozen=True)
class PageLocale(PageField):
    def to_file(self, page):
        return page.locale.language_code

    def compared(self, page):
        return page.locale_id


@dataclass(frozen=True)
class BodySystems(PageField):
    def to_file(self, page):
        names = [system.name.strip() for system in page.body_systems.all()]
        return sorted(names, key=lambda name: (name.casefold(), name))

    def compared(self, page):
        return sorted(system.pk for system in page.body_systems.all())


@dataclass(frozen=True)
class HeroImage(PageField):
    def to_file(self, page):
        return image_ref(page.hero_image)

    def compared(self, page):
        return page.hero_image_id


@dataclass(frozen=True)
class Body(PageField):
    def to_file(self, page):
        return [section for block in page.body if (section := section_to_file(block)) is not None]

    def compared(self, page):
        # Each block's value as its block writes it: a value stored before a field was
        # added (an image without a caption) compares equal to one with it empty.
        return _without_ids(
            [[block.block_type, block.block.get_prep_value(block.value)] for block in page.body]
        )


GUIDE_FIELDS = (
    PageField("title"),
    Slug("slug", plain=False),
    PageLocale("locale", plain=False),
    PageField("summary"),
    Names("also_known_as"),
    BodySystems("body_systems", plain=False),
    HeroImage("hero_image", plain=False),
    PageField("hero_image_alt"),
    Body("sections", "body", plain=False),
    PageField("reviewed_by"),
    Date("last_reviewed"),
    Date("next_review_due"),
)


def parse_date(value):
    """A ``YYYY-MM-DD`` date, or None for anything else (the schema reports it)."""
    if not (isinstance(value, str) and _ISO_DATE.fullmatch(value)):
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        return None


def _without_ids(value):
    # Block ids are new on every import and mean nothing to a reader.
    if isinstance(value, list):
        return [_without_ids(item) for item in value]
    if isinstance(value, dict):
        return {key: _without_ids(item) for key, item in value.items() if key != "id"}
    return value
