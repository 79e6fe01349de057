"""A mistake in a file of guides, named by the path to the value it is about."""

from dataclasses import dataclass


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
