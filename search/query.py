"""Turning what a visitor typed into a query every search backend accepts."""

import re

MAX_QUERY_LENGTH = 200

# Full-text operator syntax (quotes, parentheses, *, -, ^, :) has meaning to SQLite's
# FTS5 and PostgreSQL's tsquery; a stray one raises an error instead of a result.
_OPERATOR_CHARACTERS = re.compile(r"[\"'`()*^:\-+~<>{}\[\]\\/|&!@#$%=;?,.]")
_SPACES = re.compile(r"\s+")


def normalise_query(raw):
    """Plain words only: possessives joined ("parkinson's" → "parkinsons"), operators dropped."""
    text = (raw or "")[: MAX_QUERY_LENGTH * 5]
    text = re.sub(r"(\w)['’](\w)", r"\1\2", text)
    text = _OPERATOR_CHARACTERS.sub(" ", text)
    return _SPACES.sub(" ", text).strip()[:MAX_QUERY_LENGTH]
