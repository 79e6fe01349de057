"""An in-memory catalogue of the live, public guides of one locale, and their words.

It holds what search needs of every guide: title, alternative names, summary,
evidence level and body systems, and an index of the stems of every field Wagtail
indexes for ``ConditionPage`` (title, alternative names, summary, body, body
system names). Matching, ranking, typo correction, suggestions and filter counts
read it without touching the database, the same way on SQLite and PostgreSQL; no
search index table is read. It is rebuilt (two queries) after a publish, unpublish,
move, privacy change or synonym edit: the signal handlers in ``search.signals``
change a version token in Django's cache, and each process fetches a new copy when
the token it holds is no longer current.

With a shared cache (Redis, REDIS_URL) every worker process and app server sees the
new token at once; the first to need the new version builds it and stores it in the
cache, and the others load that copy instead of building their own. With the default
per-process cache each process builds its own, and catches up with changes made in
another process within VERSION_TIMEOUT.

Typing mistakes are measured by rapidfuzz's optimal string alignment distance (an
adjacent swap is one edit) against the words of titles and alternative names.
"""

import bisect
import html
import json
import re
import threading
import uuid
from array import array
from dataclasses import dataclass, field

from django.core.cache import cache, caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.db.models import TextField
from django.db.models.functions import Cast
from rapidfuzz import process
from rapidfuzz.distance import OSA

from conditions.evidence import EvidenceLevel
from conditions.models import ConditionPage

from .models import SearchSynonym
from .text import allowed_edits, snowball_language, stem, words

VERSION_KEY = "search:catalogue-version"
# Bump when the Catalogue's fields change, so no process loads an older shape.
CATALOGUE_KEY = "search:catalogue:2:{locale}:{version}"
# A process that missed a change (another process's local cache) catches up within this.
VERSION_TIMEOUT = 300

_TAG = re.compile(r"<[^>]*>")

_lock = threading.Lock()
_catalogues = {}


@dataclass(slots=True)
class Guide:
    id: int
    title: str
    aliases: tuple
    summary: str
    url_path: str
    evidence: str | None
    systems: tuple
    title_stems: tuple
    alias_stems: tuple
    summary_stems: frozenset
    sort_title: str = ""


@dataclass(slots=True)
class Name:
    """A title or alternative name as suggestions match it."""

    guide_id: int
    text: str
    folded: str
    is_title: bool


def strongest_evidence(blocks):
    """The strongest level a guide's cannabis evidence sections state, from raw blocks."""
    strongest = EvidenceLevel.strongest(
        (block.get("value") or {}).get("evidence_level")
        for block in blocks
        if isinstance(block, dict) and block.get("type") == "cannabis_evidence"
    )
    return strongest.value if strongest else None


def body_blocks(body_json):
    """The body's blocks as stored (a list), whatever the column held."""
    if not body_json:
        return []
    try:
        blocks = json.loads(body_json)
    except ValueError:
        return []
    return blocks if isinstance(blocks, list) else []


def body_text(value):
    """The text of a body's stored blocks: every string value, tags and addresses dropped.

    Read from the stored JSON rather than through each block's get_searchable_content():
    building ten thousand StreamValues would cost seconds on every rebuild.
    """
    if isinstance(value, str):
        if value.startswith(("http://", "https://", "/")):
            return []
        return [html.unescape(_TAG.sub(" ", value))]
    if isinstance(value, list):
        return [text for item in value for text in body_text(item)]
    if isinstance(value, dict):
        if "type" in value and "value" in value:
            return body_text(value["value"])
        return [text for item in value.values() for text in body_text(item)]
    return []


@dataclass
class Catalogue:
    language: str = "english"
    guides: dict = field(default_factory=dict)
    title_index: dict = field(default_factory=dict)
    alias_index: dict = field(default_factory=dict)
    summary_index: dict = field(default_factory=dict)
    # Every stem of every indexed field (title, names, summary, body, body systems), with
    # the ids of the guides that have it: arrays, compact to keep and to share.
    text_index: dict = field(default_factory=dict)
    name_stems: list = field(default_factory=list)
    word_counts: dict = field(default_factory=dict)
    vocabulary: list = field(default_factory=list)
    names: list = field(default_factory=list)
    name_starts: list = field(default_factory=list)
    names_by_word: dict = field(default_factory=dict)
    synonym_rings: dict = field(default_factory=dict)
    # Filled on demand in each process: {length: sorted unique word beginnings}.
    _prefixes: dict = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def build(cls, locale):
        catalogue = cls(language=snowball_language(locale.language_code))
        guides = ConditionPage.objects.live().public().filter(locale_id=locale.pk)
        rows = guides.annotate(body_json=Cast("body", TextField())).values_list(
            "id", "title", "also_known_as", "summary", "url_path", "body_json"
        )
        systems, system_names = {}, {}
        through = ConditionPage.body_systems.through.objects.filter(
            conditionpage__in=guides.values("pk")
        ).values_list("conditionpage_id", "bodysystem__translation_key", "bodysystem__name")
        for guide_id, key, name in through:
            systems.setdefault(guide_id, []).append(str(key))
            system_names.setdefault(guide_id, []).append(name)
        for guide_id, title, also_known_as, summary, url_path, body_json in rows:
            aliases = tuple(
                name.strip() for name in (also_known_as or "").splitlines() if name.strip()
            )
            blocks = body_blocks(body_json)
            guide = Guide(
                id=guide_id,
                title=title,
                aliases=aliases,
                summary=summary or "",
                url_path=url_path,
                evidence=strongest_evidence(blocks),
                systems=tuple(systems.get(guide_id, ())),
                title_stems=catalogue.stems(title),
                alias_stems=tuple(catalogue.stems(alias) for alias in aliases),
                summary_stems=frozenset(catalogue.stems(summary)),
                sort_title=title.casefold(),
            )
            other_text = " ".join(body_text(blocks) + system_names.get(guide_id, []))
            catalogue.add(guide, {catalogue.stem(word) for word in set(words(other_text))})
        for synonym in SearchSynonym.objects.filter(locale_id=locale.pk):
            ring = synonym.ring
            for phrase in ring:
                rings = catalogue.synonym_rings.setdefault(phrase, [])
                rings.extend(other for other in ring if other not in rings)
        catalogue.finish()
        return catalogue

    def stem(self, word):
        return stem(word, self.language)

    def stems(self, text):
        return tuple(stem(word, self.language) for word in words(text))

    def add(self, guide, other_stems=()):
        self.guides[guide.id] = guide
        for stem_ in guide.title_stems:
            self.title_index.setdefault(stem_, set()).add(guide.id)
        for alias in guide.alias_stems:
            for stem_ in alias:
                self.alias_index.setdefault(stem_, set()).add(guide.id)
        for stem_ in guide.summary_stems:
            self.summary_index.setdefault(stem_, set()).add(guide.id)
        anywhere = set(guide.title_stems).union(
            guide.summary_stems, other_stems, *guide.alias_stems
        )
        for stem_ in anywhere:
            self.text_index.setdefault(stem_, set()).add(guide.id)
        for text, is_title in [(guide.title, True)] + [(alias, False) for alias in guide.aliases]:
            name_words = words(text)
            if not name_words:
                continue
            self.names.append(Name(guide.id, text, " ".join(name_words), is_title))
            for word in set(name_words):
                self.word_counts[word] = self.word_counts.get(word, 0) + 1

    def finish(self):
        self.text_index = {stem_: array("i", sorted(ids)) for stem_, ids in self.text_index.items()}
        self.name_stems = sorted(set(self.title_index) | set(self.alias_index))
        self.vocabulary = sorted(self.word_counts)
        starts = []
        for position, name in enumerate(self.names):
            name_words = name.folded.split(" ")
            for index, word in enumerate(name_words):
                starts.append((" ".join(name_words[index:]), index, position))
                self.names_by_word.setdefault(word, set()).add(position)
        starts.sort()
        self.name_starts = starts

    def __getstate__(self):
        # The beginnings are cheap to recompute; the shared copy need not carry them.
        state = dict(self.__dict__)
        state["_prefixes"] = {}
        return state

    # Matching --------------------------------------------------------------------

    def matching_ids(self, alternatives):
        """Guides with every word of any alternative somewhere in their indexed text."""
        ids = set()
        for alternative in alternatives:
            found = None
            for word in alternative:
                with_word = self.text_index.get(self.stem(word), ())
                found = set(with_word) if found is None else found.intersection(with_word)
                if not found:
                    break
            ids |= found or set()
        return ids

    def ids_with_stem_prefix(self, prefix):
        """Guides with a title or alternative-name stem starting with ``prefix``."""
        ids = set()
        start = bisect.bisect_left(self.name_stems, prefix)
        for stem_ in self.name_stems[start:]:
            if not stem_.startswith(prefix):
                break
            ids |= self.title_index.get(stem_, set()) | self.alias_index.get(stem_, set())
        return ids

    # Typo correction -------------------------------------------------------------

    def is_name_word(self, word):
        word_stem = self.stem(word)
        return (
            word in self.word_counts
            or word_stem in self.title_index
            or word_stem in self.alias_index
        )

    def near_words(self, word, max_edits):
        """{name word: edits} for the title and alternative-name words within ``max_edits``."""
        found = process.extract(
            word, self.vocabulary, scorer=OSA.distance, score_cutoff=max_edits, limit=None
        )
        return {choice: edits for choice, edits, _index in found}

    def near_beginnings(self, word, max_edits):
        """Name words that begin with something within ``max_edits`` of ``word``."""
        found = set()
        for length in range(max(1, len(word) - max_edits), len(word) + max_edits + 1):
            beginnings = self._beginnings(length)
            near = process.extract(
                word, beginnings, scorer=OSA.distance, score_cutoff=max_edits, limit=None
            )
            for beginning, _edits, _index in near:
                start = bisect.bisect_left(self.vocabulary, beginning)
                for candidate in self.vocabulary[start:]:
                    if not candidate.startswith(beginning):
                        break
                    found.add(candidate)
        return found

    def _beginnings(self, length):
        beginnings = self._prefixes.get(length)
        if beginnings is None:
            beginnings = sorted({word[:length] for word in self.vocabulary if len(word) >= length})
            self._prefixes[length] = beginnings
        return beginnings

    def correct(self, word):
        """The title or alternative-name word closest to a mistyped word, or None."""
        edits = allowed_edits(word)
        if not edits or self.is_name_word(word) or not word.isalpha():
            return None
        found = self.near_words(word, edits)
        if not found:
            return None
        return min(found, key=lambda w: (found[w], -self.word_counts[w], w))

    # Suggestions -----------------------------------------------------------------

    def suggest(self, text, limit):
        """Names (titles and alternative names) that start with what was typed."""
        typed = words(text)
        if not typed:
            return []
        folded = " ".join(typed)
        matches = self._prefix_matches(folded)
        if len(matches) < limit and allowed_edits(typed[-1]):
            for position in self._fuzzy_matches(typed):
                matches.setdefault(self.names[position].guide_id, (3, position))
        ranked = sorted(
            matches.values(),
            key=lambda item: (
                item[0],
                not self.names[item[1]].is_title,
                len(self.names[item[1]].folded),
                self.names[item[1]].folded,
            ),
        )
        return [self.names[position] for _rank, position in ranked[:limit]]

    def _prefix_matches(self, folded, scan=400):
        matches = {}
        start = bisect.bisect_left(self.name_starts, (folded,))
        for suffix, word_index, position in self.name_starts[start : start + scan]:
            if not suffix.startswith(folded):
                break
            name = self.names[position]
            rank = 0 if word_index == 0 else 1
            if name.guide_id not in matches or (rank, position) < matches[name.guide_id]:
                matches[name.guide_id] = (rank, position)
        return matches

    def _fuzzy_matches(self, typed):
        positions = None
        for index, word in enumerate(typed):
            last = index == len(typed) - 1
            candidates = {word} if word in self.names_by_word and not last else set()
            edits = allowed_edits(word)
            if not candidates and edits:
                if last:
                    candidates = self.near_beginnings(word, edits)
                else:
                    candidates = set(self.near_words(word, edits))
            found = set()
            for candidate in candidates:
                found |= self.names_by_word.get(candidate, set())
            positions = found if positions is None else positions & found
            if not positions:
                return set()
        return positions or set()


def current_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        cache.add(VERSION_KEY, version, VERSION_TIMEOUT)
        version = cache.get(VERSION_KEY, version)
    return version


def _cache_is_shared():
    """A per-process cache would only hold a second copy of this process's catalogue."""
    return not isinstance(caches["default"], LocMemCache | DummyCache)


def get_catalogue(locale):
    version = current_version()
    held = _catalogues.get(locale.pk)
    if held and held[0] == version:
        return held[1]
    with _lock:
        held = _catalogues.get(locale.pk)
        if held and held[0] == version:
            return held[1]
        shared = _cache_is_shared()
        key = CATALOGUE_KEY.format(locale=locale.pk, version=version)
        catalogue = cache.get(key) if shared else None
        if catalogue is None:
            catalogue = Catalogue.build(locale)
            if shared:
                cache.set(key, catalogue, VERSION_TIMEOUT)
        _catalogues[locale.pk] = (version, catalogue)
        return catalogue


def invalidate():
    """Make every process rebuild its catalogues on their next search."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, VERSION_TIMEOUT)
