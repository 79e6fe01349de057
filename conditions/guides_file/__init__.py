"""Condition guides to and from a JSON file (``docs/import-format.md``).

- ``reading``: the file as JSON, or a plain reason it cannot be read.
- ``schema``: its shape, checked against ``docs/import-format.schema.json``, whose rules
  carry their own messages.
- ``checking``: what a schema cannot check, and each guide's values built from the file.
- ``fields``: the one map of where each value sits in the file and in the page and its
  blocks, which import and export both read.
- ``writing``: the guides saved as revisions in one transaction.
- ``exporting``: every guide written back in the same format.

A file is checked in full before anything is written, and everything is written in one
transaction, so a file with one mistake changes nothing.
"""

from .checking import check_guides
from .exporting import dumps, export_guides, images_in, write_atomically, write_images
from .problems import InvalidGuideFile, Problem
from .reading import read_guide_file
from .writing import IMPORT_LOG_ACTION, import_guides

__all__ = [
    "IMPORT_LOG_ACTION",
    "InvalidGuideFile",
    "Problem",
    "check_guides",
    "dumps",
    "export_guides",
    "images_in",
    "import_guides",
    "read_guide_file",
    "write_atomically",
    "write_images",
]
