"""Site search: the one door the rest of the site goes through.

    search(query, locale, filters, page)  → Results: one page of ranked guides, counts
    suggest(prefix, locale, request)      → the names the search box offers
    record(results)                       → the query log and the searches that found nothing
    invalidate()                          → forget what is known of the guides

How it works. An in-memory catalogue of each locale's live, public guides
(``search.catalogue``, built in two queries from the guides' own fields and shared
between worker processes through the cache) matches every word of the query against
the stems of the fields ``ConditionPage.search_fields`` indexes (title, alternative
names, summary, body, body system names); ``search.query`` ranks the guides by where
the words matched, weighted by those fields' boosts; words are folded and stemmed by
Snowball in the locale's language (``search.text``), and typing mistakes are
corrected with rapidfuzz. No search index table is read, so SQLite and PostgreSQL
answer alike, and a Wagtail upgrade cannot change the answers underneath.

Wagtail's search backend (the database's full-text search, or Elasticsearch /
OpenSearch with ``SEARCH_BACKEND_URL``) indexes the same ``search_fields`` and
serves the admin's search. With ``SITE_SEARCH_MATCHING = "wagtail"`` (the default
when a cluster is configured) it also says which guides have each word, through
Wagtail's public ``search()``; the catalogue still ranks, corrects and suggests.
Views and templates do not change either way.
"""

import re
from collections import Counter
from dataclasses import dataclass, field

from django.conf import settings
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page
from wagtail.search.query import Or, PlainText

from conditions.evidence import EVIDENCE_ORDER, EvidenceLevel
from conditions.models import BodySystem, ConditionPage

from .catalogue import get_catalogue, invalidate
from .models import UnansweredSearch
from .query import corrected_text, matched_alias, normalise_query, plan_query, query_key, rank
from .text import words

__all__ = ["Results", "invalidate", "normalise_query", "record", "search", "suggest"]

RESULTS_PER_PAGE = 10
SUGGESTIONS = 8
DID_YOU_MEAN = 3
_WORDS_AND_GAPS = re.compile(r"(\w+(?:['’]\w+)?)")


@dataclass
class Result:
    page: ConditionPage
    title: str
    alias: str
    summary: str
    systems: list
    evidence: EvidenceLevel | None
    promoted: bool


@dataclass
class Option:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class Results:
    """One page of a search, and all the results page shows about it."""

    typed: str
    locale: object
    query: str
    searched: bool
    no_words: bool
    partial: bool
    corrected_from: str
    did_you_mean: list
    results: list
    external_promotions: list
    page_obj: object
    paginator: object
    result_count: int
    found: bool
    filtered: bool
    system_options: list
    evidence_options: list
    selected_system: object
    selected_evidence: str | None


def highlight(text, query_stems, catalogue):
    """The text, escaped, with each word that matched the query inside <mark>."""
    pieces = []
    for index, piece in enumerate(_WORDS_AND_GAPS.split(text)):
        if index % 2 and _matches(piece, query_stems, catalogue):
            pieces.append(f"<mark>{escape(piece)}</mark>")
        else:
            pieces.append(escape(piece))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece is escaped above


def _matches(piece, query_stems, catalogue):
    for word in words(piece):
        word_stem = catalogue.stem(word)
        if word_stem in query_stems or any(
            len(q) >= 4 and word_stem.startswith(q) for q in query_stems
        ):
            return True
    return False


def page_number(raw, num_pages):
    try:
        number = int(raw)
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), num_pages)


def get_promotions(query):
    """Editors' picks for this query, however its apostrophes and spaces were typed."""
    if not query:
        return []
    keys = {query_key(query), query_key(query).replace("'", "’"), " ".join(words(query))}
    return list(
        SearchPromotion.objects.filter(query__query_string__in=keys)
        .select_related("page")
        .order_by("sort_order")
    )


def matches(plan, catalogue):
    """Per term of the plan, the ids of the guides that have it in any indexed field.

    The catalogue answers by default. With ``SITE_SEARCH_MATCHING = "wagtail"`` (the
    default when Elasticsearch or OpenSearch is configured) Wagtail's search backend
    answers instead, through its public ``search()``, one request per term.
    """
    if settings.SITE_SEARCH_MATCHING == "wagtail":
        return [_backend_ids(term) for term in plan.terms]
    return [catalogue.matching_ids(term.alternatives) for term in plan.terms]


def _backend_ids(term):
    alternatives = [PlainText(" ".join(alternative)) for alternative in term.alternatives]
    query = alternatives[0] if len(alternatives) == 1 else Or(alternatives)
    return set(
        ConditionPage.objects.values_list("pk", flat=True).search(query, order_by_relevance=False)
    )


def find(plan, catalogue):
    """(ranked guide ids, how many match every term)."""
    if not plan:
        return [], 0
    return rank(plan, catalogue, matches(plan, catalogue))


@dataclass
class Search:
    """One visitor's search: what was asked, what was found, and what was corrected."""

    query: str
    plan: object
    ranked: list
    complete: int
    corrected_from: str = ""
    did_you_mean: list = field(default_factory=list)

    @classmethod
    def run(cls, query, catalogue, promoted):
        plan = plan_query(query, catalogue)
        ranked, complete = find(plan, catalogue)
        if promoted:
            ranked = promoted + [guide_id for guide_id in ranked if guide_id not in promoted]
        found = cls(query, plan, ranked, complete)
        if query and not complete and not promoted:
            found.try_correction(catalogue)
        if query and not found.ranked:
            found.did_you_mean += [
                name.text
                for name in catalogue.suggest(query, DID_YOU_MEAN)
                if name.text not in found.did_you_mean
            ]
        return found

    def try_correction(self, catalogue):
        """Search again for the corrected words when nothing matched them all."""
        correction = corrected_text(self.plan, catalogue)
        if not correction:
            return
        plan = plan_query(correction, catalogue)
        ranked, complete = find(plan, catalogue)
        if complete or (ranked and not self.ranked):
            self.corrected_from, self.query, self.plan = self.query, correction, plan
            self.ranked, self.complete = ranked, complete
        else:
            self.did_you_mean.append(correction)


class Filters:
    """The body system and evidence filters, and the counts beside each option."""

    def __init__(self, filters, locale, guides):
        self.guides = guides
        self.systems = list(BodySystem.objects.filter(locale=locale).order_by("name"))
        self.system = next(
            (system for system in self.systems if system.slug == filters.get("system")),
            None,
        )
        self.system_key = str(self.system.translation_key) if self.system else None
        self.names = {str(system.translation_key): system.name for system in self.systems}
        evidence = filters.get("evidence")
        self.evidence = evidence if evidence in EvidenceLevel.values else None

    def __bool__(self):
        return bool(self.system or self.evidence)

    def keep(self, guide_id, by_system=True, by_evidence=True):
        guide = self.guides[guide_id]
        if by_system and self.system_key and self.system_key not in guide.systems:
            return False
        return not (by_evidence and self.evidence and guide.evidence != self.evidence)

    def apply(self, ranked):
        return [guide_id for guide_id in ranked if self.keep(guide_id)]

    def system_options(self, ranked):
        # Each filter's counts take the other filter into account, not itself.
        counts = Counter(
            key
            for guide_id in ranked
            if self.keep(guide_id, by_system=False)
            for key in set(self.guides[guide_id].systems)
        )
        return [
            Option(
                system.slug,
                system.name,
                counts.get(str(system.translation_key), 0),
                system == self.system,
            )
            for system in self.systems
        ]

    def evidence_options(self, ranked):
        counts = Counter(
            self.guides[guide_id].evidence
            for guide_id in ranked
            if self.keep(guide_id, by_evidence=False)
        )
        return [
            Option(level.value, level.label, counts.get(level.value, 0), level == self.evidence)
            for level in EVIDENCE_ORDER
        ]

    def system_names(self, guide):
        return sorted(self.names[key] for key in guide.systems if key in self.names)


def page_results(page_ids, found, catalogue, filters, promoted):
    """The guides of one page of results, as the template shows them (one query)."""
    pages = ConditionPage.objects.live().public().filter(pk__in=page_ids).defer_streamfields()
    pages_by_id = {page.pk: page for page in pages}
    query_stems = found.plan.stems
    results = []
    for guide_id in page_ids:
        if guide_id not in pages_by_id:
            continue  # unpublished since the catalogue was built
        guide = catalogue.guides[guide_id]
        results.append(
            Result(
                page=pages_by_id[guide_id],
                title=guide.title,
                alias=matched_alias(guide, found.plan),
                summary=highlight(guide.summary, query_stems, catalogue),
                systems=filters.system_names(guide),
                evidence=EvidenceLevel(guide.evidence) if guide.evidence else None,
                promoted=guide_id in promoted,
            )
        )
    return results


def search(query, locale, filters=None, page=None):
    """One page of the live, public guides of ``locale`` that match ``query``.

    ``query`` is what the visitor typed (it is cleaned here); ``filters`` a mapping
    with optional "system" (a body system's slug) and "evidence" (an evidence level);
    ``page`` a page number as typed (anything out of range gives the nearest page).
    """
    query = normalise_query(query)
    catalogue = get_catalogue(locale)
    promotions = get_promotions(query)
    promoted = [p.page_id for p in promotions if p.page_id in catalogue.guides]
    found = Search.run(query, catalogue, promoted)

    chosen = Filters(filters or {}, locale, catalogue.guides)
    filtered = chosen.apply(found.ranked)
    paginator = Paginator(filtered, RESULTS_PER_PAGE)
    page_obj = paginator.page(page_number(page, paginator.num_pages))
    return Results(
        typed=query,
        locale=locale,
        query=found.query,
        searched=bool(query),
        no_words=bool(query) and not found.plan,
        partial=bool(found.ranked) and not found.complete,
        corrected_from=found.corrected_from,
        did_you_mean=found.did_you_mean,
        results=page_results(list(page_obj.object_list), found, catalogue, chosen, promoted),
        external_promotions=[p for p in promotions if not p.page_id and p.external_link_url]
        if page_obj.number == 1
        else [],
        page_obj=page_obj,
        paginator=paginator,
        result_count=len(filtered),
        found=bool(found.ranked),
        filtered=bool(chosen),
        system_options=chosen.system_options(found.ranked),
        evidence_options=chosen.evidence_options(found.ranked),
        selected_system=chosen.system,
        selected_evidence=chosen.evidence,
    )


@transaction.atomic
def record(results):
    """Count the search in Wagtail's query log, and in the searches that found nothing."""
    query_string = query_key(results.typed)
    Query.get(query_string).add_hit()
    if not results.found:
        entry, _created = UnansweredSearch.objects.get_or_create(
            query_string=query_string, locale=results.locale, date=timezone.now().date()
        )
        UnansweredSearch.objects.filter(pk=entry.pk).update(hits=F("hits") + 1)


def suggest(prefix, locale, request=None, limit=SUGGESTIONS):
    """Up to ``limit`` guides whose title or alternative name starts with ``prefix``.

    Each is {"title", "url", "matched"}: the guide's title, its address (relative to
    ``request``'s site when given) and the name that matched.
    """
    prefix = normalise_query(prefix)
    if not words(prefix):
        return []
    catalogue = get_catalogue(locale)
    names = catalogue.suggest(prefix, limit)
    # Another process may have unpublished or restricted a guide since this process
    # built its catalogue: check the few suggested guides are still visible.
    visible = set(
        ConditionPage.objects.live()
        .public()
        .filter(pk__in=[name.guide_id for name in names])
        .values_list("pk", flat=True)
    )
    suggestions = []
    for name in names:
        if name.guide_id not in visible:
            continue
        guide = catalogue.guides[name.guide_id]
        # An unsaved Page with the guide's path is all Wagtail needs to route it.
        url = Page(id=guide.id, url_path=guide.url_path).get_url(request)
        suggestions.append({"title": guide.title, "url": url, "matched": name.text})
    return suggestions
