"""Checking a parsed file against ``docs/import-format.schema.json``.

The schema states the rules and, beside each rule that needs one, the message an editor
reads when it is broken: ``"x-messages": {"<keyword>": "<message>"}`` in the same schema
object as the keyword. A message may name the value (``{value}``), another keyword of that
object (``{minimum}``) and the current year (``{this_year}``). Keywords without a message
of their own get the general one below, written for the keyword. One rule no standard
keyword states is a keyword of this site's own: ``x-notAfterThisYear``.
"""

import datetime
import difflib
import functools
import json
from pathlib import Path

from django.conf import settings
from jsonschema import Draft202012Validator, ValidationError, validators

from .problems import InvalidGuideFile, Problem

SCHEMA_PATH = Path(settings.BASE_DIR) / "docs" / "import-format.schema.json"
# The version of the format this site reads and writes. A file may leave it out.
FORMAT_VERSION = 1

JSON_TYPE_NAMES = {
    "string": "a string",
    "integer": "a whole number",
    "number": "a number",
    "array": "a list",
    "object": "an object",
    "boolean": "true or false",
    "null": "null",
}


def load_schema():
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def _not_after_this_year(validator, enabled, instance, schema):
    is_year = isinstance(instance, int) and not isinstance(instance, bool)
    if enabled and is_year and instance > datetime.date.today().year:
        yield ValidationError(f"{instance} is later than this year")


GuideFileValidator = validators.extend(
    Draft202012Validator, {"x-notAfterThisYear": _not_after_this_year}
)


@functools.cache
def schema_validator():
    return GuideFileValidator(load_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)


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
        message = (
            f"{as_json(version)} is not a format version; leave it out or use {FORMAT_VERSION}"
        )
    # Nothing else in a file of another version can be read by this version's rules.
    raise InvalidGuideFile([Problem(("format",), message)])


def schema_problems(data):
    """Every way ``data`` breaks the schema, as problems at their paths."""
    return [
        problem for error in schema_validator().iter_errors(data) for problem in _problems_of(error)
    ]


def own_message(schema, keyword, value):
    """The message the schema gives beside ``keyword``, filled in, or None."""
    message = schema.get("x-messages", {}).get(keyword)
    if message is None:
        return None
    return message.format_map(
        {**schema, "value": as_json(value), "this_year": datetime.date.today().year}
    )


def _problems_of(error):
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
    message = own_message(error.schema, error.validator, error.instance)
    return [Problem(path, message or _general_message(error, path))]


def _unknown_key_message(key, allowed):
    close = difflib.get_close_matches(key, allowed, n=1)
    if close:
        return f'unknown key (did you mean "{close[0]}"?)'
    return f"unknown key (allowed here: {', '.join(allowed)})"


def _general_message(error, path):
    value = error.instance
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
        case "enum":
            return f"{as_json(value)} is not one of: {', '.join(error.validator_value)}"
        case "format":
            return f"not a date: use YYYY-MM-DD, such as 2024-03-01 (got {as_json(value)})"
        case "minimum":
            return f"must be at least {error.validator_value}"
        case "minItems":
            return "needs at least one item"
        case _:
            return error.message


def as_json(value):
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
