"""Page benchmark: SQL queries and latency of the public pages as content grows.

    make bench                      # SQLite in a temporary file
    DATABASE_URL=postgres://… make bench

For each size it creates that many published guides in a fresh database, then
requests the home page, the A–Z and one guide repeatedly through Django's test
client, and writes a table to docs/benchmarks.md (the "Pages" section).
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.report import setup_django, write_section  # noqa: E402

SIZES = (10, 100, 1000)
REPEATS = 30


def build_site(count):
    from tests.factories import BodySystemFactory, ConditionPageFactory, full_body

    systems = [BodySystemFactory(name=f"System {n}") for n in range(5)]
    for n in range(count):
        ConditionPageFactory(
            title=f"Condition {n:05d}",
            slug=f"condition-{n:05d}",
            also_known_as=f"C{n}\nCondition number {n}",
            body=full_body(),
            body_systems=[systems[n % len(systems)]],
        )


def measure(client, url):
    from django.db import connection

    queries = []

    def count(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    counts = []
    # The first request fills the header, footer and guide caches; the second creates the
    # site settings' defaults (as in tests/conditions/test_query_counts.py); the third is
    # what every later reader pays.
    for _ in range(3):
        queries.clear()
        with connection.execute_wrapper(count):
            response = client.get(url)
        if response.status_code != 200:
            raise SystemExit(f"{url} answered {response.status_code}")
        counts.append(len(queries))
    timings = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    p95 = timings[int(len(timings) * 0.95) - 1]
    first, _, warm = counts
    return warm, first, statistics.median(timings), p95


def run_size(count, test_database_name):
    """Build a fresh test database of ``count`` guides and measure the pages."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment, teardown_test_environment

    connection.settings_dict["TEST"]["NAME"] = test_database_name
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        build_site(count)
        client = Client()
        urls = ["/en/", "/en/conditions/", "/en/conditions/condition-00000/"]
        return [(count, url, *measure(client, url)) for url in urls]
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    parser.add_argument("--write", default=str(ROOT / "docs" / "benchmarks.md"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        setup_django(args.database_url or f"sqlite:///{tmp}/unused.sqlite3")
        from django.db import connection

        engine = connection.vendor
        rows = []
        for size in map(int, args.sizes.split(",")):
            name = f"{tmp}/bench-{size}.sqlite3" if engine == "sqlite" else f"bench_pages_{size}"
            rows.extend(run_size(size, name))
            print(f"{size} guides done", file=sys.stderr)  # noqa: T201
    table = [
        f"### Pages on {engine} ({REPEATS} requests each, Django test client, one process)",
        "",
        "| guides | URL | SQL queries | first request after a publish | p50 ms | p95 ms |",
        "| ---: | --- | ---: | ---: | ---: | ---: |",
        *(
            f"| {c} | `{u}` | {q} | {first} | {p50:.1f} | {p95:.1f} |"
            for c, u, q, first, p50, p95 in rows
        ),
        "",
    ]
    text = "\n".join(table)
    sys.stdout.write(text + "\n")
    write_section(Path(args.write), f"pages-{engine}", text)


if __name__ == "__main__":
    main()
