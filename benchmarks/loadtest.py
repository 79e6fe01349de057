"""Load without loss: `make loadtest`.

Starts the production stack of `make serve` on a fresh demo database (SQLite, or the
PostgreSQL database DATABASE_URL names, which must be empty), then for 60 seconds on
loopback: 50 visitors (locust) read guides, browse the A–Z, search and sign up to the
newsletter through the edge cache, while 3 editors save and publish guides. Afterwards
it checks the database: every signup a visitor was thanked for is stored, and every
revision an editor saved is there and the last one is live. Fails on any server error
or lost write. Writes the "loadtest" section of docs/benchmarks.md.
"""

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "deploy"))

import serve  # noqa: E402

from benchmarks.report import write_section  # noqa: E402

EDITED = ["dystonia", "migraine", "epilepsy"]

SETUP = """
import json
import django
django.setup()
from django.contrib.auth.models import Group, User
editors = Group.objects.get(name="Editors")
names = [f"load-editor-{number}" for number in range(1, 4)]
for name in names:
    User.objects.get_or_create(username=name)[0].groups.add(editors)
print(json.dumps(names))
"""

CHECK = """
import json, sys
import django
django.setup()
from conditions.models import ConditionPage
from newsletter.models import Signup
emails = json.load(open(sys.argv[1]))
guides = ConditionPage.objects.filter(slug__in=sys.argv[2:], locale__language_code="en")
print(json.dumps({
    "signups_found": Signup.objects.filter(email__in=emails).count(),
    # Revisions the load editors saved (approval adds the reviewer's own).
    "revisions": {
        guide.slug: guide.revisions.filter(user__username__startswith="load-editor-").count()
        for guide in guides
    },
    "live": {guide.slug: guide.summary for guide in guides},
}))
"""


def run_python(code, env, *args):
    return json.loads(
        subprocess.run(  # noqa: S603
            [sys.executable, "-c", code, *args],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=int(os.environ.get("LOADTEST_PORT", "18700")))
    parser.add_argument("--visitors", type=int, default=50)
    parser.add_argument("--editors", type=int, default=3, choices=[1, 2, 3])
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--write", default=str(ROOT / "docs" / "benchmarks.md"))
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="condition-guides-loadtest-"))
    base = {
        **os.environ,
        "MEDIA_ROOT": str(tmp / "media"),
        "STATIC_ROOT": str(tmp / "static"),
        "LOADTEST_SIGNUPS": str(tmp / "signups.json"),
    }
    base.setdefault("DATABASE_URL", f"sqlite:///{tmp}/db.sqlite3")
    env = serve.stack_environment(args.port, args.port + 1, base)
    print("Building the demo database…", file=sys.stderr, flush=True)  # noqa: T201
    serve.prepare(env, args.port, demo=True)
    edited = EDITED[: args.editors]
    run_python(SETUP, env)
    with serve.Stack(args.port, args.port + 1, env, quiet=True) as stack:
        editors = [
            subprocess.Popen(  # noqa: S603
                [
                    sys.executable,
                    str(ROOT / "benchmarks" / "loadtest_editor.py"),
                    f"load-editor-{number}",
                    "reviewer",
                    slug,
                    str(args.seconds),
                ],
                cwd=ROOT,
                env=env,
                stdout=subprocess.PIPE,
                text=True,
            )
            for number, slug in enumerate(edited, start=1)
        ]
        started = time.monotonic()
        subprocess.run(  # noqa: S603
            [
                sys.executable,
                "-m",
                "locust",
                "-f",
                str(ROOT / "benchmarks" / "locustfile.py"),
                "--headless",
                "--users",
                str(args.visitors),
                "--spawn-rate",
                str(args.visitors),
                "--run-time",
                f"{args.seconds}s",
                "--host",
                stack.url,
                "--csv",
                str(tmp / "locust"),
                "--only-summary",
                "--loglevel",
                "WARNING",
            ],
            cwd=ROOT,
            env=env,
            check=False,
        )
        edits = [json.loads(editor.communicate()[0]) for editor in editors]
        elapsed = time.monotonic() - started
    check = run_python(CHECK, env, str(tmp / "signups.json"), *edited)
    signups = json.loads((tmp / "signups.json").read_text())
    with open(tmp / "locust_stats.csv") as file:
        stats = list(csv.DictReader(file))
    failures_rows = []
    failures_path = tmp / "locust_failures.csv"
    if failures_path.exists():
        with open(failures_path) as file:
            failures_rows = list(csv.DictReader(file))

    total = next(row for row in stats if row["Name"] == "Aggregated")
    server_errors = sum(int(row["Occurrences"]) for row in failures_rows if "50" in row["Error"])
    failed = int(total["Failure Count"])
    lost_revisions = {}
    for edit in edits:
        slug = edit["slug"]
        lost_revisions[slug] = edit["saved"] - check["revisions"][slug]
    stale = [edit["slug"] for edit in edits if check["live"][edit["slug"]] != edit["last"]]
    editor_errors = [error for edit in edits for error in edit["errors"]]
    lost_signups = len(signups) - check["signups_found"]
    database = "PostgreSQL" if env["DATABASE_URL"].startswith("postgres") else "SQLite"
    saves = ", ".join(f"{edit['slug']} {edit['saved']}" for edit in edits)
    rows = [
        f"| {row['Type']} {row['Name']} | {int(row['Request Count']):,} | "
        f"{int(row['Failure Count'])} | {row['50%']} | {row['99%']} |"
        for row in stats
    ]
    ok = (
        failed == 0
        and server_errors == 0
        and not editor_errors
        and not any(lost_revisions.values())
        and not stale
        and lost_signups == 0
    )
    text = "\n".join(
        [
            "## Load without loss",
            "",
            f"`make loadtest` (`benchmarks/loadtest.py`), {time.strftime('%Y-%m-%d')}, on "
            f"this {os.cpu_count()}-CPU machine, {database}: the stack of `make serve` "
            f"(Varnish, gunicorn with its default workers). {args.visitors} locust visitors "
            "read guides and the home page, browse the A–Z in both languages, search (with "
            "suggestions) and sign up (token, then the footer form's POST), waiting 0.5–2 s "
            f"between actions, for {args.seconds} s; meanwhile {len(edits)} editors each "
            "save a revision of their own guide, submit it to medical review, and the reviewer "
            "approves it, which publishes it (Wagtail's page and workflow API, one process "
            "per editor, as the admin calls it), every half second.",
            "",
            "| request | requests | failures | p50 ms | p99 ms |",
            "| --- | ---: | ---: | ---: | ---: |",
            *rows,
            "",
            f"- Server errors: {server_errors}; failed requests: {failed}.",
            f"- Signups thanked: {len(signups)}; stored: {check['signups_found']} "
            f"(lost: {lost_signups}).",
            f"- Revisions saved by editors: {sum(edit['saved'] for edit in edits)} "
            f"({saves}); lost: "
            f"{sum(lost_revisions.values())}; editor errors: {len(editor_errors)}; guides "
            f"whose last save is not live: {len(stale)}.",
            f"- Result: {'**passed**' if ok else '**failed**'} ({elapsed:.0f} s).",
            "",
        ]
    )
    sys.stdout.write(text + "\n")
    if editor_errors:
        sys.stdout.write("Editor errors:\n" + "\n".join(editor_errors[:10]) + "\n")
    write_section(Path(args.write), "loadtest", text)
    if not ok:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
