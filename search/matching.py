"""Which guides each term of a query matches, from the search backend's index.

For Wagtail's database backend this reads the index tables it maintains (the
``IndexEntry`` rows, SQLite's FTS5 table, PostgreSQL's tsvector columns) in one
query, one row per (term, guide). Its own ``.search()`` is right but slow at ten
thousand guides: on SQLite the planner runs the FTS5 MATCH once per indexed row, and
on PostgreSQL it concatenates ``title || body`` per row, which no index can serve;
both take seconds where this takes milliseconds (docs/benchmarks.md). Asking per
term also tells the ranking which terms a guide matched only in its body.

Any other backend (Elasticsearch, OpenSearch) is asked through ``.search()``, one
query per term.
"""

from django.db import connections
from modelsearch.backends import get_search_backend
from modelsearch.query import And, Or, PlainText
from modelsearch.utils import get_descendants_content_types_pks

from .text import stem, surface_variants


def term_ids(plan, model):
    """One set of matching object ids per term of the plan (any locale, any status)."""
    if not plan.terms:
        return []
    backend = get_search_backend()
    module = type(backend).__module__
    if module.endswith("database.sqlite.sqlite"):
        return _sqlite_term_ids(plan, model)
    if module.endswith("database.postgres.postgres"):
        return _postgres_term_ids(plan, model, backend.config)
    if "database" in module:
        return [
            set(
                model.objects.values_list("pk", flat=True).search(
                    backend_query(term), order_by_relevance=False
                )
            )
            for term in plan.terms
        ]
    return [
        {obj.pk for obj in model.objects.only("pk").search(backend_query(term))}
        for term in plan.terms
    ]


def variants(word):
    """The forms of a word to ask for.

    SQLite FTS5 does not stem, so it is given the plural and verb forms. PostgreSQL,
    Elasticsearch and OpenSearch stem words themselves, and on PostgreSQL every extra
    form turns an index lookup into a scan of every document.
    """
    module = type(get_search_backend()).__module__
    if module.endswith(("database.sqlite.sqlite", "database.fallback")):
        return surface_variants(word)
    return sorted({word, stem(word)})


def backend_query(term):
    """A term as a modelsearch query: any of its alternatives, in any of its forms."""
    alternatives = []
    for alternative in term.alternatives:
        words = [_any_of(variants(word)) for word in alternative]
        alternatives.append(words[0] if len(words) == 1 else And(words))
    return alternatives[0] if len(alternatives) == 1 else Or(alternatives)


def _any_of(forms):
    queries = [PlainText(form) for form in forms]
    return queries[0] if len(queries) == 1 else Or(queries)


def _collect(cursor, count):
    found = [set() for _ in range(count)]
    for term_index, object_id in cursor.fetchall():
        found[term_index].add(int(object_id))
    return found


def _sqlite_term_ids(plan, model):
    from modelsearch.backends.database.sqlite.sqlite import IndexEntry, SQLiteFTSIndexEntry

    def phrase(words, joiner):
        # Words are \w+ only (search.text.words), so quoting cannot be broken out of.
        return "(" + f" {joiner} ".join(f'"{word}"' for word in words) + ")"

    selects, params = [], []
    content_types = get_descendants_content_types_pks(model)
    placeholders = ", ".join(["%s"] * len(content_types))
    entries = IndexEntry._meta.db_table
    fts = SQLiteFTSIndexEntry._meta.db_table
    for index, term in enumerate(plan.terms):
        alternatives = [
            "(" + " AND ".join(phrase(variants(word), "OR") for word in alternative) + ")"
            for alternative in term.alternatives
        ]
        # CROSS JOIN makes SQLite run the MATCH once and look entries up by rowid,
        # instead of running it once per entry.
        selects.append(
            f"SELECT %s, e.object_id FROM {fts} f CROSS JOIN {entries} e "  # noqa: S608
            f"ON e.id = f.rowid WHERE {fts} MATCH %s AND e.content_type_id IN ({placeholders})"
        )
        params += [index, "{title body} : (" + " OR ".join(alternatives) + ")", *content_types]
    connection = connections[IndexEntry.objects.db]
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(selects), params)
        return _collect(cursor, len(plan.terms))


def _postgres_term_ids(plan, model, config):
    from modelsearch.backends.database.postgres.postgres import IndexEntry

    def tsquery(words, joiner):
        return "(" + f" {joiner} ".join(f"'{word}'" for word in words) + ")"

    selects, params = [], []
    content_types = get_descendants_content_types_pks(model)
    placeholders = ", ".join(["%s"] * len(content_types))
    entries = IndexEntry._meta.db_table
    to_tsquery = "to_tsquery(%s::regconfig, %s)" if config else "to_tsquery(%s)"
    for index, term in enumerate(plan.terms):
        text = " | ".join(
            "(" + " & ".join(tsquery(variants(word), "|") for word in alternative) + ")"
            for alternative in term.alternatives
        )
        query_params = [config, text] if config else [text]
        # Two index scans (title, body) OR-ed together; "title || body" would scan all rows.
        selects.append(
            f"SELECT %s, object_id FROM {entries} WHERE content_type_id IN ({placeholders}) "  # noqa: S608
            f"AND (title @@ {to_tsquery} OR body @@ {to_tsquery})"
        )
        params += [index, *content_types, *query_params, *query_params]
    connection = connections[IndexEntry.objects.db]
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(selects), params)
        return _collect(cursor, len(plan.terms))
