"""Reading a file of guides as JSON, with a plain reason when it cannot be read."""

import json
from pathlib import Path

from .problems import InvalidGuideFile, Problem


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
