"""Lighthouse on the home page and a guide, served by the production stack.

    make lighthouse

Builds a fresh SQLite database with the demo in a temporary folder, starts the stack of
`make serve` (Varnish in front of gunicorn, production settings) on free ports, and runs
Lighthouse (npm ``lighthouse``, pinned in tools/validators/) with Debian's Chromium, mobile
form factor, a few times per page. Keeps the last run's HTML and JSON reports in
benchmarks/reports/ (git-ignored) and writes the median of each category score to the
"lighthouse" section of docs/benchmarks.md.
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "deploy"))

import serve  # noqa: E402

from benchmarks.report import write_section  # noqa: E402

LIGHTHOUSE = ROOT / "tools" / "validators" / "node_modules" / ".bin" / "lighthouse"
REPORTS = ROOT / "benchmarks" / "reports"
PAGES = [("home", "/en/"), ("guide", "/en/conditions/dystonia/")]
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
CATEGORIES = {
    "performance": ("Performance", 90),
    "accessibility": ("Accessibility", 95),
    "best-practices": ("Best practices", 95),
    "seo": ("SEO", 95),
}


def say(message):
    print(message, file=sys.stderr, flush=True)  # noqa: T201


def lighthouse(url, output_stem, chromium):
    """One Lighthouse run: the parsed JSON report; the HTML and JSON kept at output_stem."""
    subprocess.run(  # noqa: S603
        [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            "--output=html",
            f"--output-path={output_stem}",
            f"--chrome-flags={' '.join(CHROMIUM_FLAGS)}",
        ],
        env={**os.environ, "CHROME_PATH": chromium},
        check=True,
    )
    return json.loads(Path(f"{output_stem}.report.json").read_text())


def scores(report):
    return {key: round(report["categories"][key]["score"] * 100) for key in CATEGORIES}


def failing_audits(report):
    """Titles of the scored audits that did not pass, lowest score first."""
    audits = [
        audit
        for audit in report["audits"].values()
        if audit["scoreDisplayMode"] in ("binary", "numeric", "metricSavings")
        and audit["score"] is not None
        and audit["score"] < 0.9
    ]
    return [audit["title"] for audit in sorted(audits, key=lambda audit: audit["score"])]


def load():
    return "{:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page.")
    parser.add_argument("--write", default=str(ROOT / "docs" / "benchmarks.md"))
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        raise SystemExit(f"Lighthouse is not installed at {LIGHTHOUSE}: run `make validators`.")
    chromium = serve.debian_command("chromium", "chromium")
    port = serve.free_port_pair()
    tmp = Path(tempfile.mkdtemp(prefix="condition-guides-lighthouse-"))
    base = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp}/db.sqlite3",
        "MEDIA_ROOT": str(tmp / "media"),
        "STATIC_ROOT": str(tmp / "static"),
    }
    base.pop("REDIS_URL", None)
    env = serve.stack_environment(port, port + 1, base)
    say("Building the demo database…")
    serve.prepare(env, port, demo=True)
    REPORTS.mkdir(exist_ok=True)
    load_before = load()
    runs = {name: [] for name, _path in PAGES}
    audits = {}
    try:
        with serve.Stack(port, port + 1, env, quiet=True) as stack:
            for _name, path in PAGES:  # as a visitor finds them: already in the edge cache
                urllib.request.urlopen(stack.url + path, timeout=30).close()  # noqa: S310
            for run in range(args.runs):
                for name, path in PAGES:
                    report = lighthouse(stack.url + path, REPORTS / name, chromium)
                    runs[name].append(scores(report))
                    audits[name] = failing_audits(report)
                say(f"run {run + 1} of {args.runs} done")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    load_after = load()

    medians = {
        name: {key: statistics.median(run[key] for run in results) for key in CATEGORIES}
        for name, results in runs.items()
    }
    paths = dict(PAGES)
    rows = [
        f"| {name} (`{paths[name]}`) | "
        + " | ".join(
            f"{value:.0f}" if value >= CATEGORIES[key][1] else f"**{value:.0f}**"
            for key, value in medians[name].items()
        )
        + " |"
        for name in medians
    ]
    all_runs = [
        f"{name}: " + "; ".join(" / ".join(str(run[key]) for key in CATEGORIES) for run in results)
        for name, results in runs.items()
    ]
    not_passed = [
        f"- {name}: " + (", ".join(audits[name]) if audits[name] else "none") for name in audits
    ]
    goals = ", ".join(f"{label} ≥ {goal}" for label, goal in CATEGORIES.values())
    text = "\n".join(
        [
            "## Lighthouse",
            "",
            f"`make lighthouse` (`benchmarks/lighthouse.py`), {time.strftime('%Y-%m-%d')}: "
            "Lighthouse 12.2.3 with Debian's Chromium, mobile (the default: an emulated "
            "mid-range phone on a throttled 4G connection), against the stack of "
            "`make serve` with the demo, the pages already in the edge cache. Median of "
            f"{args.runs} runs per page; goals {goals} (a miss in bold). Reports of the last "
            "run: `benchmarks/reports/` (git-ignored).",
            "",
            "| page | " + " | ".join(label for label, _goal in CATEGORIES.values()) + " |",
            "| --- | ---: | ---: | ---: | ---: |",
            *rows,
            "",
            "Every run (performance / accessibility / best practices / SEO): "
            + "; ".join(all_runs)
            + ".",
            "",
            f"The performance score is noisy here: this {os.cpu_count()}-CPU machine is shared, "
            "and Lighthouse multiplies the main-thread time it measured by its 4× CPU "
            "slowdown, so a busy machine lowers Total Blocking Time's score first. Load "
            f"average (1, 5, 15 min) {load_before} before, {load_after} after.",
            "",
            "Scored audits below 90 in the last run:",
            "",
            *not_passed,
            "",
        ]
    )
    sys.stdout.write(text + "\n")
    write_section(Path(args.write), "lighthouse", text)


if __name__ == "__main__":
    main()
