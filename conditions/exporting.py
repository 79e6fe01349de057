"""Every condition guide in the import format (``docs/import-format.md``).

A live guide is exported as readers see it, even when a draft waits on top of it; a
guide that is not live is exported as its latest draft, since it has no published
version. Images are named by checksum and file name, and copied into ``images/``
beside the file; links to pages by language and slug. What the format has no place for
(links to pages inside rich text) is left out, so exporting, importing into an empty
site and exporting again gives the same file.
"""

import json
import os
import tempfile
from pathlib import Path

from wagtail.images import get_image_model

from .importing import FORMAT_VERSION, TEXT_SECTION_TYPES, clean_html
from .models import ConditionPage


def export_guides():
    guides = []
    for page in ConditionPage.objects.filter(alias_of__isnull=True).select_related("locale"):
        current = page if page.live else page.get_latest_revision_as_object()
        guides.append(guide_data(current, page.locale.language_code))
    guides.sort(key=lambda guide: (guide["locale"], guide["title"].casefold(), guide["slug"]))
    return {"format": FORMAT_VERSION, "guides": guides}


def dumps(data):
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def guide_data(page, language_code):
    names = [system.name.strip() for system in page.body_systems.all()]
    return {
        "title": page.title.strip(),
        "slug": page.slug,
        "locale": language_code,
        "summary": page.summary.strip(),
        "also_known_as": page.alternative_names,
        "body_systems": sorted(names, key=lambda name: (name.casefold(), name)),
        "hero_image": image_ref(page.hero_image),
        "hero_image_alt": page.hero_image_alt.strip(),
        "sections": [
            section for block in page.body if (section := section_data(block)) is not None
        ],
        "reviewed_by": page.reviewed_by.strip(),
        "last_reviewed": _iso_date(page.last_reviewed),
        "next_review_due": _iso_date(page.next_review_due),
    }


def section_data(block):
    """A body block as a section of the file, or None for a block the format cannot hold."""
    kind, value = block.block_type, block.value
    if kind in TEXT_SECTION_TYPES:
        return {"type": kind, "heading": _text(value, "heading"), "text": _html(value["content"])}
    if kind == "text":
        return {"type": kind, "text": _html(value)}
    if kind == "cannabis_evidence":
        return {
            "type": kind,
            "heading": _text(value, "heading"),
            "summary": _html(value["summary"]),
            "evidence_level": value["evidence_level"],
            "legal_status": _text(value, "legal_status"),
            "studies": [study_data(study) for study in value["studies"]],
        }
    if kind == "see_a_doctor":
        return {
            "type": kind,
            "heading": _text(value, "heading"),
            "care_cards": [
                {"urgency": card["urgency"], "text": _html(card["text"])}
                for card in value["care_cards"]
            ],
        }
    if kind == "resources":
        return {
            "type": kind,
            "heading": _text(value, "heading"),
            "links": [
                {
                    "title": _text(link, "title"),
                    "url": link["url"],
                    "description": _text(link, "description"),
                }
                for link in value["links"]
            ],
            "pages": [
                {"locale": linked.locale.language_code, "slug": linked.slug}
                for linked in value["pages"]
                if linked is not None
            ],
        }
    if kind == "quote":
        return {
            "type": kind,
            "quote": _text(value, "quote"),
            "attribution": _text(value, "attribution"),
        }
    if kind == "callout":
        return {"type": kind, "style": value["style"], "text": _html(value["text"])}
    if kind == "image" and value["image"]:
        image = value["image"]
        return {
            "type": kind,
            "image": image_ref(image),
            "alt_text": (image.contextual_alt_text or "").strip(),
            "decorative": bool(image.decorative),
            "caption": _text(value, "caption"),
        }
    return None


def image_ref(image):
    if image is None:
        return None
    return {"file": _file_name(image), "sha1": image.get_file_hash(), "title": image.title}


def _file_name(image):
    return Path(image.file.name).name


def images_in(data):
    """The images a file of guides names, so they can be written beside it."""
    hashes = {
        ref["sha1"]
        for guide in data["guides"]
        for ref in [guide["hero_image"]]
        + [section["image"] for section in guide["sections"] if section["type"] == "image"]
        if ref
    }
    return get_image_model().objects.filter(file_hash__in=hashes).order_by("pk")


def write_images(images, folder):
    """Copy each image's original file into ``folder/images/``, named as the file names it."""
    target = Path(folder) / "images"
    for image in images:
        target.mkdir(exist_ok=True)
        with image.open_file() as source:
            (target / _file_name(image)).write_bytes(source.read())


def study_data(study):
    return {
        "title": _text(study, "title"),
        "journal": _text(study, "journal"),
        "year": study["year"],
        "design": study["design"],
        "participants": study["participants"],
        "finding": _text(study, "finding"),
        "evidence_level": study["evidence_level"],
        "pmid": study["pmid"] or None,
        "doi": study["doi"] or None,
        "url": study["url"] or None,
    }


def write_atomically(path, text):
    """Replace the file at ``path`` in one step, so no reader ever sees half of it."""
    path = Path(path)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as file:
            file.write(text)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, _file_mode(path))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _file_mode(path):
    # mkstemp makes a private file; keep the mode the file had, or the one a new file gets.
    if path.exists():
        return path.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _text(value, name):
    return (value.get(name) or "").strip()


def _html(rich_text):
    # The same cleaning as on import, so what is exported imports unchanged.
    return clean_html(rich_text.source)


def _iso_date(value):
    return value.isoformat() if value else None
