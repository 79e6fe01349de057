"""Turning what a visitor typed into a ranked list of guides.

A query is cleaned once (``normalise_query``) and becomes a ``QueryPlan``: one
``Term`` per word the visitor typed (stop words dropped), each with its
alternatives (the word itself, or every phrase of a synonym ring the word belongs
to). ``search.api.matches`` says which guides have each term in any indexed field
(the catalogue, or Wagtail's search backend); ``rank`` orders them by where each
term matched in the catalogue's names and summaries, weighted by the boosts on
``ConditionPage.search_fields``.
"""

import re
from dataclasses import dataclass, field

from wagtail.search import index as search_index
from wagtail.search.utils import normalise_query_string

from conditions.models import ConditionPage

from .text import STOP_WORDS, words

MAX_QUERY_LENGTH = 200
MAX_TERMS = 8
LONGEST_SYNONYM = 3

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_INNER_APOSTROPHE = re.compile(r"(\w)['’](\w)")
# Characters that are not words and that search ignores (quotes, brackets, operators).
_OPERATOR_CHARACTERS = re.compile(r"[\"'`()*^:\-+~<>{}\[\]\\/|&!@#$%=;?,.]")
_SPACES = re.compile(r"\s+")


def normalise_query(raw):
    """The query as searched and shown back: operators and control characters dropped,
    apostrophes inside words made typographic, spaces tidied, length bounded."""
    text = (raw or "")[: MAX_QUERY_LENGTH * 5]
    text = _CONTROL.sub(" ", text)
    text = _INNER_APOSTROPHE.sub(r"\1’\2", text)
    text = _OPERATOR_CHARACTERS.sub(" ", text)
    return _SPACES.sub(" ", text).strip()[:MAX_QUERY_LENGTH].strip()


def query_key(query):
    """A normalised query as Wagtail's query log and promotions store it: "parkinson's"."""
    return normalise_query_string(query.replace("’", "'"))


def field_weights(model=ConditionPage):
    """{field name: weight} from the model's search fields' boosts (1 when unboosted)."""
    weights = {}
    for search_field in model.search_fields:
        if isinstance(search_field, search_index.SearchField):
            weights[search_field.field_name] = search_field.boost or 1
    return weights


# Where a term matched, best first; a guide's score is the sum over the query's terms.
_WEIGHTS = field_weights()
TITLE = _WEIGHTS["title"]
ALIAS = _WEIGHTS["also_known_as"]
SUMMARY = _WEIGHTS["summary"]
BODY = _WEIGHTS["body"]
# Bonuses on the same scale. A query word that begins a title or alternative-name word
# ("fibro") counts between a name match and a summary match; a query that is the whole
# title, a whole alternative name, or the title's beginning counts most.
PREFIX = 5
WHOLE_TITLE, WHOLE_ALIAS, TITLE_START = 30, 25, 6


@dataclass
class Term:
    typed: tuple
    alternatives: list
    stems: set = field(default_factory=set)


@dataclass
class QueryPlan:
    terms: list = field(default_factory=list)
    # The stems of the words typed, in order, to compare with whole names.
    typed_stems: tuple = ()

    def __bool__(self):
        return bool(self.terms)

    @property
    def stems(self):
        return set().union(*(term.stems for term in self.terms)) if self.terms else set()


def plan_query(text, catalogue):
    typed = words(text)[: MAX_TERMS * LONGEST_SYNONYM]
    terms = []
    position = 0
    while position < len(typed) and len(terms) < MAX_TERMS:
        for length in range(LONGEST_SYNONYM, 0, -1):
            phrase = tuple(typed[position : position + length])
            if len(phrase) == length and phrase in catalogue.synonym_rings:
                terms.append(Term(phrase, list(catalogue.synonym_rings[phrase])))
                position += length
                break
        else:
            word = typed[position]
            if word not in STOP_WORDS:
                terms.append(Term((word,), [(word,)]))
            position += 1
    for term in terms:
        term.stems = {catalogue.stem(word) for alt in term.alternatives for word in alt}
    typed_stems = tuple(catalogue.stem(word) for term in terms for word in term.typed)
    return QueryPlan(terms, typed_stems)


def corrected_text(plan, catalogue):
    """The query with each mistyped word replaced by the name word it is closest to."""
    changed = False
    corrected = []
    for term in plan.terms:
        replacement = None
        if len(term.alternatives) == 1 and len(term.typed) == 1:
            replacement = catalogue.correct(term.typed[0])
        changed = changed or replacement is not None
        corrected.append(replacement or " ".join(term.typed))
    return " ".join(corrected) if changed else None


def term_tiers(term, catalogue):
    """{guide id: the best place this term matched} from titles, names and summaries."""
    tiers = {}

    def mark(ids, tier):
        for guide_id in ids:
            if tiers.get(guide_id, 0) < tier:
                tiers[guide_id] = tier

    for alternative in term.alternatives:
        alternative_stems = [catalogue.stem(word) for word in alternative]
        for field_index, tier in (
            (catalogue.summary_index, SUMMARY),
            (catalogue.alias_index, ALIAS),
            (catalogue.title_index, TITLE),
        ):
            found = None
            for stem_ in alternative_stems:
                ids = field_index.get(stem_, set())
                found = set(ids) if found is None else found & ids
            mark(found or (), tier)
        last = alternative_stems[-1]
        if len(alternative_stems) == 1 and len(last) >= 3:
            prefixed = catalogue.ids_with_stem_prefix(last)
            mark(prefixed, PREFIX)
    return tiers


def rank(plan, catalogue, matched_by_term):
    """Guide ids best first, and how many of them matched every term.

    ``matched_by_term`` holds, per term, the ids of the guides that have it anywhere in
    their indexed text (title, names, summary, body, body systems). Guides that match
    every term come first; then guides that match some, so a visitor who adds a word
    the guide does not use ("sleeping problems") still finds it. Within each, where the
    terms matched decides (the field weights above), then the title.
    """
    tiers = [term_tiers(term, catalogue) for term in plan.terms]
    for tier, ids in zip(tiers, matched_by_term, strict=True):
        for guide_id in ids:
            if guide_id in catalogue.guides:
                tier.setdefault(guide_id, BODY)
    typed = plan.typed_stems
    guides = catalogue.guides
    keys = []
    complete = 0
    for guide_id in set().union(*tiers):
        matched = [term[guide_id] for term in tiers if guide_id in term]
        guide = guides[guide_id]
        score = sum(matched)
        if typed == guide.title_stems:
            score += WHOLE_TITLE
        elif typed in guide.alias_stems:
            score += WHOLE_ALIAS
        elif guide.title_stems[: len(typed)] == typed:
            score += TITLE_START
        complete += len(matched) == len(tiers)
        keys.append((-len(matched), -score, guide.sort_title, guide_id))
    keys.sort()
    return [key[-1] for key in keys], complete


def matched_alias(guide, plan):
    """The alternative name that matched the query, if the title did not say it already."""
    query_stems = plan.stems
    if not query_stems or query_stems & set(guide.title_stems):
        return ""
    for alias, alias_stems in zip(guide.aliases, guide.alias_stems, strict=True):
        if query_stems & set(alias_stems) or any(
            s.startswith(q) for s in alias_stems for q in query_stems if len(q) >= 3
        ):
            return alias
    return ""
