"""Words as search compares them: folded, possessives dropped, stemmed by Snowball.

The same functions read the guides (titles, alternative names, summaries, bodies)
and the visitor's query, so "Parkinson's", "parkinsons" and "parkinson" meet on one
stem. Stemming is Snowball's (the algorithms PostgreSQL, Elasticsearch and
OpenSearch use), in the language of the locale: English for English guides,
Spanish for Spanish ones.
"""

import re
import threading
import unicodedata
from functools import lru_cache

import snowballstemmer

# An apostrophe inside a word: "Parkinson's", "Crohn’s", "Alzheimer`s".
_POSSESSIVE = re.compile(r"(\w)['’‘`´]s\b", re.IGNORECASE)
_APOSTROPHE = re.compile(r"(\w)['’‘`´](\w)")
_APOSTROPHES = "'’‘`´"
_WORD = re.compile(r"\w+")

# Words too common to narrow a search: a guide need not contain them.
STOP_WORDS = frozenset(
    """a an and are as at be by de del el en for from how i in is it la las los my of on or
    para por que the to un una what with y""".split()
)

# Snowball's name for each language the site is written in; others get English.
SNOWBALL_LANGUAGES = {"en": "english", "es": "spanish"}
DEFAULT_LANGUAGE = "en"

# Snowball stemmers keep state while they work: one per thread and language.
_stemmers = threading.local()


def fold(text):
    """Lower case without accents: "Migraña" → "migrana"."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def words(text):
    """The folded words of a text, possessives and apostrophes joined up."""
    text = text or ""
    if any(mark in text for mark in _APOSTROPHES):
        text = _POSSESSIVE.sub(r"\1", text)
        text = _APOSTROPHE.sub(r"\1\2", text)
    return _WORD.findall(fold(text))


def snowball_language(language_code):
    """The Snowball stemmer's language for a Django language code ("es-mx" → "spanish")."""
    base = (language_code or "").split("-")[0].lower()
    return SNOWBALL_LANGUAGES.get(base, SNOWBALL_LANGUAGES[DEFAULT_LANGUAGE])


def _stemmer(language):
    stemmers = getattr(_stemmers, "by_language", None)
    if stemmers is None:
        stemmers = _stemmers.by_language = {}
    if language not in stemmers:
        stemmers[language] = snowballstemmer.stemmer(language)
    return stemmers[language]


@lru_cache(maxsize=131072)
def stem(word, language="english"):
    """A folded word's Snowball stem ("cramps", "cramping" → "cramp").

    Words of three letters or fewer are left alone, so abbreviations (MS, IBS, ALS)
    keep their meaning. Words are folded before stemming, on the guide and the query
    alike, so a visitor who types without accents finds the accented word.
    """
    if len(word) <= 3 or not word.isalpha():
        return word
    return _stemmer(language).stemWord(word)


def allowed_edits(word):
    """How many typing mistakes a word of this length may carry and still be corrected."""
    if len(word) < 4:
        return 0
    if len(word) < 6:
        return 1
    return 2
