"""An in-memory catalogue of the live, public guides of one locale.

It holds what search needs for every guide except the body text: title, alternative
names, summary, evidence level and body systems, with indexes of their stems. The
typo corrector, the suggestions and the re-ranking of results read it without
touching the database. It is rebuilt (two queries) after a publish, unpublish,
move, privacy change or synonym edit: the signal handlers in ``search.signals``
change a version token in Django's cache, and each process fetches a new copy when
the token it holds is no longer current.

With a shared cache (Redis, REDIS_URL) every worker process and app server sees the
new token at once; the first to need the new version builds it and stores it in the
cache, and the others load that copy instead of building their own. With the default
per-process cache each process builds its own, and catches up with changes made in
another process within VERSION_TIMEOUT.
"""

import bisect
import json
import threading
import uuid
from dataclasses import dataclass, field

from django.core.cache import cache, caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.db.models import TextField
from django.db.models.functions import Cast

from conditions.evidence import EvidenceLevel
from conditions.models import ConditionPage

from .models import SearchSynonym
from .text import allowed_edits, stem, words

VERSION_KEY = "search:catalogue-version"
# Bump when the Catalogue's fields change, so no process loads an older shape.
CATALOGUE_KEY = "search:catalogue:1:{locale}:{version}"
# A process that missed a change (another process's local cache) catches up within this.
VERSION_TIMEOUT = 300

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


class _Node:
    __slots__ = ("children", "word")

    def __init__(self):
        self.children = {}
        self.word = None


class WordTrie:
    """Title and alternative-name words, walked with a Damerau-Levenshtein row per letter."""

    def __init__(self, vocabulary):
        self.root = _Node()
        for word in vocabulary:
            node = self.root
            for char in word:
                node = node.children.setdefault(char, _Node())
            node.word = word

    def search(self, word, max_edits, prefix=False):
        """{vocabulary word: edits} within ``max_edits`` of ``word`` (or of its prefix)."""
        found = {}
        first_row = list(range(len(word) + 1))
        for char, child in self.root.children.items():
            self._walk(child, char, "", word, first_row, None, max_edits, prefix, found)
        return found

    def _walk(
        self, node, char, previous_char, word, previous_row, row_before, limit, prefix, found
    ):
        row = [previous_row[0] + 1]
        for j in range(1, len(word) + 1):
            value = min(
                row[j - 1] + 1, previous_row[j] + 1, previous_row[j - 1] + (word[j - 1] != char)
            )
            if (
                row_before is not None
                and j > 1
                and word[j - 1] == previous_char
                and word[j - 2] == char
            ):
                value = min(value, row_before[j - 2] + 1)
            row.append(value)
        if prefix and row[-1] <= limit:
            self._collect(node, row[-1], found)
            return
        if node.word is not None and row[-1] <= limit:
            found[node.word] = min(row[-1], found.get(node.word, limit + 1))
        if min(row) <= limit:
            for next_char, child in node.children.items():
                self._walk(child, next_char, char, word, row, previous_row, limit, prefix, found)

    def _collect(self, node, edits, found):
        stack = [node]
        while stack:
            current = stack.pop()
            if current.word is not None:
                found[current.word] = min(edits, found.get(current.word, edits))
            stack.extend(current.children.values())


def strongest_evidence(body_json):
    """The strongest level a guide's cannabis evidence sections state, read from raw JSON."""
    if not body_json or "cannabis_evidence" not in body_json:
        return None
    try:
        blocks = json.loads(body_json)
    except ValueError:
        return None
    strongest = EvidenceLevel.strongest(
        (block.get("value") or {}).get("evidence_level")
        for block in (blocks if isinstance(blocks, list) else [])
        if isinstance(block, dict) and block.get("type") == "cannabis_evidence"
    )
    return strongest.value if strongest else None


@dataclass
class Catalogue:
    guides: dict = field(default_factory=dict)
    title_index: dict = field(default_factory=dict)
    alias_index: dict = field(default_factory=dict)
    summary_index: dict = field(default_factory=dict)
    name_stems: list = field(default_factory=list)
    word_counts: dict = field(default_factory=dict)
    names: list = field(default_factory=list)
    name_starts: list = field(default_factory=list)
    names_by_word: dict = field(default_factory=dict)
    synonym_rings: dict = field(default_factory=dict)
    trie: WordTrie | None = None

    @classmethod
    def build(cls, locale_id):
        catalogue = cls()
        guides = ConditionPage.objects.live().public().filter(locale_id=locale_id)
        rows = guides.annotate(body_json=Cast("body", TextField())).values_list(
            "id", "title", "also_known_as", "summary", "url_path", "body_json"
        )
        systems = {}
        through = ConditionPage.body_systems.through.objects.filter(
            conditionpage__in=guides.values("pk")
        ).values_list("conditionpage_id", "bodysystem__translation_key")
        for guide_id, key in through:
            systems.setdefault(guide_id, []).append(str(key))
        for guide_id, title, also_known_as, summary, url_path, body_json in rows:
            aliases = tuple(
                name.strip() for name in (also_known_as or "").splitlines() if name.strip()
            )
            catalogue.add(
                Guide(
                    id=guide_id,
                    title=title,
                    aliases=aliases,
                    summary=summary or "",
                    url_path=url_path,
                    evidence=strongest_evidence(body_json),
                    systems=tuple(systems.get(guide_id, ())),
                    title_stems=tuple(stem(word) for word in words(title)),
                    alias_stems=tuple(
                        tuple(stem(word) for word in words(alias)) for alias in aliases
                    ),
                    summary_stems=frozenset(map(stem, words(summary))),
                    sort_title=title.casefold(),
                )
            )
        for synonym in SearchSynonym.objects.filter(locale_id=locale_id):
            ring = synonym.ring
            for phrase in ring:
                rings = catalogue.synonym_rings.setdefault(phrase, [])
                rings.extend(other for other in ring if other not in rings)
        catalogue.finish()
        return catalogue

    def add(self, guide):
        self.guides[guide.id] = guide
        for stem_ in guide.title_stems:
            self.title_index.setdefault(stem_, set()).add(guide.id)
        for alias in guide.alias_stems:
            for stem_ in alias:
                self.alias_index.setdefault(stem_, set()).add(guide.id)
        for stem_ in guide.summary_stems:
            self.summary_index.setdefault(stem_, set()).add(guide.id)
        for text, is_title in [(guide.title, True)] + [(alias, False) for alias in guide.aliases]:
            name_words = words(text)
            if not name_words:
                continue
            self.names.append(Name(guide.id, text, " ".join(name_words), is_title))
            for word in set(name_words):
                self.word_counts[word] = self.word_counts.get(word, 0) + 1

    def finish(self):
        self.name_stems = sorted(set(self.title_index) | set(self.alias_index))
        starts = []
        for position, name in enumerate(self.names):
            name_words = name.folded.split(" ")
            for index, word in enumerate(name_words):
                starts.append((" ".join(name_words[index:]), index, position))
                self.names_by_word.setdefault(word, set()).add(position)
        starts.sort()
        self.name_starts = starts
        self.trie = WordTrie(self.word_counts)

    # Typo correction -------------------------------------------------------------

    def is_name_word(self, word):
        word_stem = stem(word)
        return (
            word in self.word_counts
            or word_stem in self.title_index
            or word_stem in self.alias_index
        )

    def correct(self, word):
        """The title or alternative-name word closest to a mistyped word, or None."""
        edits = allowed_edits(word)
        if not edits or self.is_name_word(word) or not word.isalpha():
            return None
        found = self.trie.search(word, edits)
        if not found:
            return None
        return min(found, key=lambda w: (found[w], -self.word_counts[w], w))

    # Matching --------------------------------------------------------------------

    def ids_with_stem_prefix(self, prefix):
        """Guides with a title or alternative-name stem starting with ``prefix``."""
        ids = set()
        start = bisect.bisect_left(self.name_stems, prefix)
        for stem_ in self.name_stems[start:]:
            if not stem_.startswith(prefix):
                break
            ids |= self.title_index.get(stem_, set()) | self.alias_index.get(stem_, set())
        return ids

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
                candidates = set(self.trie.search(word, edits, prefix=last))
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
            catalogue = Catalogue.build(locale.pk)
            if shared:
                cache.set(key, catalogue, VERSION_TIMEOUT)
        _catalogues[locale.pk] = (version, catalogue)
        return catalogue


def invalidate():
    """Make every process rebuild its catalogues on their next search."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, VERSION_TIMEOUT)
