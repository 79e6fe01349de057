"""Search benchmark: latency of /search/ and /search/suggest/ as the guides grow.

    make bench-search                                   # SQLite, and PostgreSQL if DATABASE_URL
    python benchmarks/search.py --database-url postgres://… --sizes 1000,10000

For each database and size it builds a fresh test database (never the development
one) of that many published guides with realistic titles, alternative names,
summaries and bodies, indexes them with ``update_index`` as production would, then
asks each of 50 fixed queries of both URLs several times through Django's test
client in one process, and writes p50 and p95 to docs/benchmarks.md ("Search").

Guides are created in bulk, without revisions (building 10,000 pages through
revisions takes many minutes); search reads only the live page rows and the index.
"""

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.report import setup_django, write_section  # noqa: E402

SIZES = (1000, 10000)
REPEATS = 4
GOALS = {"search": 150, "suggest": 50}

CONDITIONS = [
    ("Dystonia", ["Muscle spasm disorder"], "twisting movements and muscle spasms"),
    ("Multiple sclerosis", ["MS"], "fatigue, numbness and muscle stiffness"),
    ("Parkinson's disease", ["PD", "Parkinsonism"], "tremor, slow movement and stiffness"),
    ("Migraine", ["Sick headache"], "throbbing headaches with nausea"),
    ("Epilepsy", ["Seizure disorder"], "repeated seizures"),
    ("Fibromyalgia", ["FMS"], "widespread pain and tiredness"),
    ("Chronic pain", ["Persistent pain"], "pain lasting more than three months"),
    ("Chemotherapy-induced nausea and vomiting", ["CINV", "Chemo nausea"], "feeling sick"),
    ("Post-traumatic stress disorder", ["PTSD"], "flashbacks and nightmares"),
    ("Irritable bowel syndrome", ["IBS"], "stomach cramps and bloating"),
    ("Crohn's disease", ["Regional enteritis"], "diarrhoea and weight loss"),
    ("Insomnia", ["Sleeplessness"], "trouble falling asleep"),
    ("Glaucoma", ["Raised eye pressure"], "loss of sight"),
    ("Amyotrophic lateral sclerosis", ["ALS", "Motor neurone disease"], "muscle weakness"),
    ("Traumatic brain injury", ["TBI", "Head injury"], "headache and confusion"),
    ("Anxiety disorder", ["GAD"], "worry and a racing heart"),
    ("Alzheimer's disease", ["Dementia"], "memory loss and confusion"),
    ("Spinal cord injury", ["SCI"], "loss of movement and muscle spasms"),
    ("Tourette syndrome", ["Tic disorder"], "sudden movements and sounds"),
    ("Rheumatoid arthritis", ["RA"], "joint pain and swelling"),
    ("Osteoarthritis", ["OA", "Wear and tear arthritis"], "stiff, painful joints"),
    ("Restless legs syndrome", ["RLS"], "tingling legs at night"),
    ("Sleep apnoea", ["OSA"], "loud snoring and daytime tiredness"),
    ("Endometriosis", ["Endo"], "painful periods and pelvic pain"),
    ("Cachexia", ["Wasting syndrome"], "weight loss and loss of appetite"),
    ("Huntington's disease", ["HD"], "jerky movements and mood changes"),
    ("Lupus", ["SLE"], "joint pain, rashes and tiredness"),
    ("Psoriasis", ["Plaque psoriasis"], "red, flaky patches of skin"),
    ("Eczema", ["Atopic dermatitis"], "itchy, dry skin"),
    ("Asthma", ["Reactive airway disease"], "wheezing and breathlessness"),
    ("Depression", ["Major depressive disorder", "MDD"], "low mood and loss of interest"),
    ("Bipolar disorder", ["Manic depression"], "episodes of high and low mood"),
    ("Autism", ["ASD"], "differences in communication"),
    ("Attention deficit hyperactivity disorder", ["ADHD"], "restlessness and poor focus"),
    ("Hepatitis C", ["Hep C"], "liver inflammation and tiredness"),
    ("HIV", ["Human immunodeficiency virus"], "weight loss and infections"),
    ("Neuropathic pain", ["Nerve pain"], "burning or shooting pain"),
    ("Cluster headache", ["Suicide headache"], "severe pain around one eye"),
    ("Ulcerative colitis", ["UC"], "bloody diarrhoea and stomach pain"),
    ("Anorexia", ["Loss of appetite"], "not wanting to eat"),
    ("Arthritis", ["Joint inflammation"], "painful, swollen joints"),
    ("Tinnitus", ["Ringing in the ears"], "ringing or buzzing sounds"),
    ("Spasticity", ["Muscle stiffness"], "stiff, tight muscles"),
    ("Cerebral palsy", ["CP"], "problems with movement and coordination"),
    ("Sickle cell disease", ["SCD"], "episodes of severe pain"),
    ("Ehlers-Danlos syndromes", ["EDS"], "loose joints and fragile skin"),
    ("Complex regional pain syndrome", ["CRPS"], "severe, lasting pain in a limb"),
    ("Obsessive compulsive disorder", ["OCD"], "unwanted thoughts and repeated actions"),
    ("Trigeminal neuralgia", ["Tic douloureux"], "sudden facial pain"),
    ("Motion sickness", ["Travel sickness"], "nausea when travelling"),
]
QUALIFIERS = [
    "",
    "Adult",
    "Childhood",
    "Chronic",
    "Acute",
    "Familial",
    "Late-onset",
    "Early-onset",
    "Severe",
    "Mild",
    "Secondary",
    "Primary",
    "Juvenile",
    "Recurrent",
    "Progressive",
    "Post-operative",
    "Drug-induced",
    "Idiopathic",
    "Hereditary",
    "Refractory",
]
SYMPTOMS = [
    "tiredness",
    "pain",
    "nausea",
    "dizziness",
    "headaches",
    "poor sleep",
    "cramps",
    "stiffness",
    "anxiety",
    "low mood",
    "tingling",
    "numbness",
    "weakness",
    "swelling",
]
QUERIES = [
    "migraine",
    "ms",
    "multiple sclerosis",
    "parkinsons",
    "Parkinson's disease",
    "parkinson",
    "migrane",
    "fibromialgia",
    "epilepsey",
    "glaucomma",
    "PTSD",
    "IBS",
    "TBI",
    "ALS",
    "CINV",
    "chemo nausea",
    "tremor",
    "seizures",
    "stomach cramps",
    "trouble sleeping",
    "insomnia",
    "joint pain",
    "chronic pain",
    "pain",
    "nausea",
    "headache with nausea",
    "muscle spasms",
    "weight loss",
    "tingling legs",
    "snoring",
    "crohns",
    "alzheimers",
    "dementia",
    "motor neurone disease",
    "head injury",
    "adult epilepsy",
    "childhood asthma",
    "late-onset lupus",
    "nerve pain",
    "ringing in the ears",
    "adhd",
    "ocd",
    "depression",
    "cannabis",
    "studies",
    "xylophone",
    "fibro",
    "sclerosis",
    "progressive ms",
    "endometriosis",
]
SUGGEST_QUERIES = [query[: max(2, min(len(query), 5))] for query in QUERIES]


def guide_texts(count, seed=2026):
    """``count`` distinct guides: title, alternative names, summary, body paragraphs."""
    rng = random.Random(seed)  # noqa: S311 - repeatable text, not secrets
    combinations = [(q, c) for c in CONDITIONS for q in QUALIFIERS]
    for n in range(count):
        qualifier, (name, aliases, symptom) = combinations[n % len(combinations)]
        variant = n // len(combinations)
        title = f"{qualifier} {name[0].lower() + name[1:] if qualifier else name}".strip()
        if qualifier:
            title = title[0].upper() + title[1:]
        if variant:
            title = f"{title} type {variant + 1}"
        also = list(aliases) + ([f"{qualifier} {aliases[0]}"] if qualifier else [])
        extra = ", ".join(rng.sample(SYMPTOMS, 3))
        summary = f"{title} often causes {symptom}, with {extra}."[:300]
        body = [
            f"{title} is a condition that affects people in different ways. Many people "
            f"notice {symptom} first. Others have {extra} for months before a diagnosis.",
            f"Doctors diagnose it from your symptoms, an examination and sometimes tests. "
            f"Treatments aim to ease {symptom} and help you live well.",
            "Studies of cannabis and cannabinoids for this condition are small. The National "
            "Academies graded the evidence; talk to your doctor before trying any product.",
        ]
        yield title, also, summary, body, rng


def build_site(count):
    from django.db import transaction

    with transaction.atomic():
        _build_site(count)


def _build_site(count):
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from django.utils import timezone
    from wagtail.models import Locale, Page

    from conditions.evidence import EvidenceLevel
    from conditions.models import BodySystem, ConditionPage
    from home.site_tree import get_or_create_conditions_index

    index = get_or_create_conditions_index()
    locale = Locale.get_default()
    systems = [
        BodySystem.objects.create(name=name, slug=name.lower().replace(" ", "-"), locale=locale)
        for name in [
            "Brain and nerves",
            "Stomach and bowels",
            "Muscles and joints",
            "Mind",
            "Skin",
            "Lungs",
            "Sleep",
        ]
    ]
    content_type_id = ContentType.objects.get_for_model(ConditionPage).pk
    levels = list(EvidenceLevel.values)
    now = timezone.now()
    pages, details = [], []
    for n, (title, also, summary, body, rng) in enumerate(guide_texts(count), start=1):
        slug = f"guide-{n:05d}"
        pages.append(
            Page(
                title=title,
                draft_title=title,
                slug=slug,
                content_type_id=content_type_id,
                path=Page._get_path(index.path, index.depth + 1, n),
                depth=index.depth + 1,
                numchild=0,
                url_path=f"{index.url_path}{slug}/",
                locale=locale,
                live=True,
                translation_key=uuid.uuid4(),
                first_published_at=now,
                last_published_at=now,
            )
        )
        stream = [
            {
                "type": "overview",
                "id": str(uuid.uuid4()),
                "value": {"heading": "", "content": f"<p>{body[0]}</p>"},
            },
            {
                "type": "treatments",
                "id": str(uuid.uuid4()),
                "value": {"heading": "", "content": f"<p>{body[1]}</p>"},
            },
            {
                "type": "cannabis_evidence",
                "id": str(uuid.uuid4()),
                "value": {
                    "heading": "",
                    "summary": f"<p>{body[2]}</p>",
                    "evidence_level": rng.choice(levels),
                    "legal_status": "",
                    "studies": [],
                },
            },
        ]
        details.append((summary, "\n".join(also), stream, rng.sample(systems, rng.randint(1, 2))))
    Page.objects.bulk_create(pages, batch_size=1000)
    Page.objects.filter(pk=index.pk).update(numchild=count)
    ids = dict(
        Page.objects.filter(depth=index.depth + 1, path__startswith=index.path).values_list(
            "path", "pk"
        )
    )
    # Django cannot bulk-create a multi-table child, so its rows are inserted directly,
    # each column prepared by its own field as save() would.
    fields = ConditionPage._meta.local_concrete_fields
    rows = []
    through = []
    for page, (summary, also, stream, page_systems) in zip(pages, details, strict=True):
        guide = ConditionPage(
            page_ptr_id=ids[page.path],
            summary=summary,
            also_known_as=also,
            body=stream,
            reviewed_by="Dr Bench Mark, neurologist",
        )
        rows.append(
            [field.get_db_prep_save(getattr(guide, field.attname), connection) for field in fields]
        )
        through += [
            ConditionPage.body_systems.through(
                conditionpage_id=guide.page_ptr_id, bodysystem_id=system.pk
            )
            for system in page_systems
        ]
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    table = connection.ops.quote_name(ConditionPage._meta.db_table)
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} ({columns}) VALUES ({placeholders})",  # noqa: S608
            rows,
        )
    ConditionPage.body_systems.through.objects.bulk_create(through, batch_size=2000)


def index_site():
    from django.core.management import call_command
    from django.db import connection

    started = time.perf_counter()
    call_command("update_index", verbosity=0, chunk_size=1000)
    elapsed = time.perf_counter() - started
    # A production database has statistics (autovacuum); a bulk-loaded one has none yet.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    return elapsed


def percentiles(samples):
    samples = sorted(samples)
    return statistics.median(samples), samples[max(0, int(len(samples) * 0.95) - 1)]


def measure(client):
    from search.api import invalidate

    invalidate()
    started = time.perf_counter()
    response = client.get("/en/search/", {"q": "migraine"})
    cold = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise SystemExit(f"/en/search/ answered {response.status_code}")
    results = {"cold_search_ms": cold}
    for name, url, queries in [
        ("search", "/en/search/", QUERIES),
        ("suggest", "/en/search/suggest/", SUGGEST_QUERIES),
    ]:
        timings = []
        for query in queries:  # warm-up pass
            client.get(url, {"q": query})
        for _ in range(REPEATS):
            for query in queries:
                start = time.perf_counter()
                response = client.get(url, {"q": query})
                timings.append((time.perf_counter() - start) * 1000)
                if response.status_code != 200:
                    raise SystemExit(f"{url}?q={query} answered {response.status_code}")
        results[name] = percentiles(timings)
    return results


def run_child(database_url, sizes):
    """Measure every size on one database, in this process; print JSON rows."""
    setup_django(database_url)
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment, teardown_test_environment

    setup_test_environment()
    rows = []
    for size in sizes:
        if connection.vendor == "sqlite":
            name = str(Path(tempfile.gettempdir()) / f"cg_search_bench_{size}.sqlite3")
        else:
            name = f"cg_search_bench_{size}"
        connection.settings_dict["TEST"]["NAME"] = name
        old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
        try:
            started = time.perf_counter()
            build_site(size)
            built = time.perf_counter() - started
            indexed = index_site()
            result = measure(Client())
            rows.append(
                {
                    "vendor": connection.vendor,
                    "size": size,
                    "build_s": built,
                    "index_s": indexed,
                    **result,
                }
            )
            print(f"{connection.vendor} {size}: {result}", file=sys.stderr)  # noqa: T201
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)
    teardown_test_environment()
    sys.stdout.write(json.dumps(rows) + "\n")


def table(rows):
    lines = [
        "| database | guides | /search/ p50 | /search/ p95 | /search/suggest/ p50 "
        "| /search/suggest/ p95 | first search after a publish | build + index |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        search_p50, search_p95 = row["search"]
        suggest_p50, suggest_p95 = row["suggest"]
        lines.append(
            f"| {row['vendor']} | {row['size']:,} | {search_p50:.1f} ms | {search_p95:.1f} ms "
            f"| {suggest_p50:.1f} ms | {suggest_p95:.1f} ms | {row['cold_search_ms']:.0f} ms "
            f"| {row['build_s']:.0f} s + {row['index_s']:.0f} s |"
        )
    return "\n".join(lines)


def section_text(rows):
    return "\n".join(
        [
            "## Search",
            "",
            f"`make bench-search`: {len(QUERIES)} fixed queries (names, abbreviations, "
            "possessives, misspellings, symptoms, synonyms, one with no result), each asked "
            f"{REPEATS} times of each URL after a warm-up pass, through Django's test client in "
            f"one process on this machine ({os.cpu_count()} CPUs). Suggest queries are the first "
            "two to five letters of the same queries. Goals at 10,000 guides: /search/ p95 ≤ "
            f"{GOALS['search']} ms, /search/suggest/ p95 ≤ {GOALS['suggest']} ms.",
            "",
            table(rows),
            "",
            *verdicts(rows),
            "",
            "Each request is the whole Django response: URL routing, the query log write, "
            "template rendering. Matching, ranking, typo correction, filter counts and "
            "suggestions read an in-memory catalogue of the guides' words (title, alternative "
            "names, summary, body, body systems; `search/catalogue.py`), behind `search/api.py`; "
            "no search index is queried. The first search after a guide is published, "
            "unpublished or moved rebuilds the catalogue and pays the *first search after a "
            "publish* time; every other request reuses it.",
            "",
        ]
    )


def verdicts(rows):
    """One line per database: each goal at the largest size, met or missed by how much."""
    lines = []
    for vendor in dict.fromkeys(row["vendor"] for row in rows):
        row = max((r for r in rows if r["vendor"] == vendor), key=lambda r: r["size"])
        checks = []
        for name in ("search", "suggest"):
            p95, goal = row[name][1], GOALS[name]
            verdict = "met" if p95 <= goal else f"missed by {p95 - goal:.0f} ms"
            checks.append(f"{name} p95 {p95:.0f} ms against {goal} ms: {verdict}")
        lines.append(f"- {vendor}, {row['size']:,} guides: " + "; ".join(checks) + ".")
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--database-url",
        default=os.environ.get("DATABASE_URL", ""),
        help="PostgreSQL server to measure too (a cg_search_bench_* test "
        "database is created there and dropped after)",
    )
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)))
    parser.add_argument("--write", default=str(ROOT / "docs" / "benchmarks.md"))
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    if args.child:
        run_child(args.database_url, sizes)
        return
    with tempfile.TemporaryDirectory() as tmp:
        urls = [f"sqlite:///{tmp}/unused.sqlite3"]
        if args.database_url.startswith("postgres"):
            urls.append(args.database_url)
        rows = []
        for url in urls:
            child = subprocess.run(  # noqa: S603
                [sys.executable, __file__, "--child", "--database-url", url, "--sizes", args.sizes],
                check=True,
                stdout=subprocess.PIPE,
                text=True,
            )
            rows += json.loads(child.stdout.strip().splitlines()[-1])
    text = section_text(rows)
    sys.stdout.write(text + "\n")
    write_section(Path(args.write), "search", text)


if __name__ == "__main__":
    main()
