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

from ..models import ConditionPage
from .fields import GUIDE_FIELDS
from .schema import FORMAT_VERSION


def export_guides():
    guides = []
    for page in ConditionPage.objects.filter(alias_of__isnull=True).select_related("locale"):
        current = page if page.live else page.get_latest_revision_as_object()
        guides.append(guide_data(current))
    guides.sort(key=lambda guide: (guide["locale"], guide["title"].casefold(), guide["slug"]))
    return {"format": FORMAT_VERSION, "guides": guides}


def dumps(data):
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def guide_data(page):
    return {guide_field.key: guide_field.to_file(page) for guide_field in GUIDE_FIELDS}


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
            (target / Path(image.file.name).name).write_bytes(source.read())


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
