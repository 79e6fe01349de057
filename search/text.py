"""Words as search compares them: folded, possessives dropped, lightly stemmed.

The same functions read the guides (titles, alternative names, summaries) and the
visitor's query, so "Parkinson's", "parkinsons" and "parkinson" meet on one stem on
every backend, whatever stemming SQLite FTS5 or PostgreSQL would (or would not) do.
"""

import re
import unicodedata
from functools import lru_cache

# An apostrophe inside a word: "Parkinson's", "Crohn’s", "Alzheimer`s".
_POSSESSIVE = re.compile(r"(\w)['’‘`´]s\b", re.IGNORECASE)
_APOSTROPHE = re.compile(r"(\w)['’‘`´](\w)")
_WORD = re.compile(r"\w+")

# Words too common to narrow a search. PostgreSQL drops them itself; SQLite would
# require every guide to contain them.
STOP_WORDS = frozenset(
    """a an and are as at be by de del el en for from how i in is it la las los my of on or
    para por que the to un una what with y""".split()
)


def fold(text):
    """Lower case without accents: "Migraña" → "migrana"."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def words(text):
    """The folded words of a text, possessives and apostrophes joined up."""
    text = _POSSESSIVE.sub(r"\1", text or "")
    text = _APOSTROPHE.sub(r"\1\2", text)
    return _WORD.findall(fold(text))


def _undouble(word):
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz":
        return word[:-1]
    return word


@lru_cache(maxsize=65536)
def stem(word):
    """A light stemmer for plurals and verb forms ("cramps", "cramping" → "cramp").

    Deliberately simple and symmetrical: it only has to give a query word and a
    guide word the same stem, not find the linguistic root. Short words (MS, IBS,
    ALS) are left alone so abbreviations keep their meaning.
    """
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("sses"):
        word = word[:-2]
    elif word.endswith(("ches", "shes", "xes", "zes")):
        word = word[:-2]
    elif word.endswith("ing") and len(word) >= 6:
        word = _undouble(word[:-3])
    elif word.endswith("ed") and not word.endswith("eed") and len(word) >= 5:
        word = _undouble(word[:-2])
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word


def surface_variants(word):
    """Forms of a word to ask a backend for when it may not stem (SQLite FTS5)."""
    root = stem(word)
    variants = {word, root}
    if root != word or len(word) > 3:
        variants.update({root + "s", root + "e", root + "es", root + "ing", root + "ed"})
        if root.endswith("y"):
            variants.add(root[:-1] + "ies")
    return sorted(variants)


def allowed_edits(word):
    """How many typing mistakes a word of this length may carry and still be corrected."""
    if len(word) < 4:
        return 0
    if len(word) < 6:
        return 1
    return 2
