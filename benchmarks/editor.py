"""Editor benchmark: how long the guide editor's steps take in a real browser.

    make bench-editor

Starts the stack of `make serve` (Varnish in front of gunicorn, production settings,
static files from WhiteNoise under hashed names that browsers keep; SQLite in a temporary
folder) with the demo content, logs in as the demo editor in Debian's Chromium
(Playwright), and times each step from the click or address to the usable page: open the
new-guide form, open a guide's edit form (until the guide's body, built in the browser, has
its rich-text editors), Save draft, Submit for medical review. One browser profile serves
every round, so its cache is warm, as a returning editor's is. Then it edits for a while
with autosave and live preview running and counts "database is locked" in the servers' log.
Writes the "Editor" section of docs/benchmarks.md.
"""

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.report import write_section  # noqa: E402
from deploy import serve  # noqa: E402

PORT = int(os.environ.get("BENCH_PORT", "8500"))
REPEATS = int(os.environ.get("BENCH_REPEATS", "5"))
CHROMIUM = "/usr/bin/chromium"
PASSWORD = "condition-guides-dev"  # noqa: S105 - the demo's development-only login.
GOALS = {"open edit form": 1.0, "save draft": 1.5, "submit": 1.5}


def manage(environment, *arguments):
    return subprocess.run(  # noqa: S603 - our own interpreter and manage.py.
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT,
        env=environment,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def demo_ids(environment):
    script = (
        "import json;"
        "from conditions.models import ConditionIndexPage, ConditionPage;"
        "index = ConditionIndexPage.objects.get(locale__language_code='en');"
        "guides = ConditionPage.objects.live().filter(locale__language_code='en')"
        ".order_by('pk').values_list('pk', flat=True);"
        "print(json.dumps({'index': index.pk, 'guides': list(guides)}))"
    )
    return json.loads(manage(environment, "shell", "-c", script).strip().splitlines()[-1])


def timed(action):
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def run_steps(page, base, ids):
    timings = {"open new-guide form": [], "open edit form": [], "save draft": [], "submit": []}
    add_url = f"{base}/admin/pages/add/conditions/conditionpage/{ids['index']}/"
    # Warm-up: the first request of each kind fills per-process caches.
    page.goto(add_url)
    page.goto(f"{base}/admin/pages/{ids['guides'][-1]}/edit/")
    for n in range(REPEATS):
        guide = ids["guides"][n % len(ids["guides"])]

        def open_new():
            page.goto(add_url)
            page.locator("#id_title").wait_for()

        def open_edit(guide=guide):
            page.goto(f"{base}/admin/pages/{guide}/edit/")
            page.locator("#id_summary").wait_for()
            # The body is built by Wagtail's scripts after the page loads: usable once its
            # last rich-text editor is there.
            page.locator("[data-contentpath='body'] .DraftEditor-root").last.wait_for()

        def save_draft(n=n):
            page.fill("#id_summary", f"A short summary, edit {n}.")
            start = time.perf_counter()
            with page.expect_navigation():
                page.get_by_role("button", name="Save draft").click()
            page.locator(".messages").wait_for()
            return time.perf_counter() - start

        def submit():
            page.locator("footer .dropdown-toggle, [data-w-dropdown-target='toggle']").last.click()
            button = page.get_by_role("button", name="Submit for medical review")
            start = time.perf_counter()
            with page.expect_navigation():
                button.click()
            page.locator(".messages").wait_for()
            return time.perf_counter() - start

        timings["open new-guide form"].append(timed(open_new))
        timings["open edit form"].append(timed(open_edit))
        timings["save draft"].append(save_draft())
        timings["submit"].append(submit())
    return timings


def editing_session(page, base, guide, seconds=40):
    """Type with autosave and live preview on, as an editor does for a while."""
    page.goto(f"{base}/admin/pages/{guide}/edit/")
    page.locator('[data-side-panel-toggle="preview"]').click()
    deadline = time.monotonic() + seconds
    n = 0
    while time.monotonic() < deadline:
        page.fill("#id_summary", f"Typing with autosave and preview on, change {n}.")
        page.wait_for_timeout(700)
        n += 1
    return n


def main():
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder:
        environment = serve.stack_environment(
            PORT,
            PORT + 1,
            {
                **os.environ,
                "DATABASE_URL": f"sqlite:///{folder}/db.sqlite3",
                "MEDIA_ROOT": f"{folder}/media",
                "STATIC_ROOT": f"{folder}/static",
            },
        )
        # Migrations, the demo with its development logins, collectstatic: as `make serve`.
        serve.prepare(environment, PORT, demo=True)
        ids = demo_ids(environment)
        log_path = Path(folder) / "server.log"
        with open(log_path, "w") as log, serve.Stack(PORT, PORT + 1, environment, log=log):
            base = f"http://127.0.0.1:{PORT}"
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=CHROMIUM, args=["--no-sandbox", "--headless"]
                )
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                page.set_default_timeout(60_000)
                page.goto(f"{base}/admin/login/")
                page.fill("#id_username", "editor")
                page.fill("#id_password", PASSWORD)
                with page.expect_navigation():
                    page.click("button[type=submit]")
                timings = run_steps(page, base, ids)
                changes = editing_session(page, base, ids["guides"][-1])
                browser.close()
        locked = log_path.read_text().count("database is locked")

    rows = []
    for step, values in timings.items():
        goal = GOALS.get(step)
        median = statistics.median(values)
        verdict = "" if goal is None else ("met" if median < goal else "**missed**")
        rows.append(
            f"| {step} | {median:.2f} s | {max(values):.2f} s | "
            f"{f'< {goal:g} s' if goal else ''} | {verdict} |"
        )
        sys.stdout.write(f"{step:22} median {median:.2f} s  max {max(values):.2f} s\n")
    sys.stdout.write(f"editing session: {changes} changes, 'database is locked' {locked} times\n")
    text = "\n".join(
        [
            "## Editor",
            "",
            "`make bench-editor`: Playwright and Debian's Chromium against the stack of "
            "`make serve` (Varnish, gunicorn, production settings, static files from "
            "WhiteNoise; SQLite in WAL mode) with the demo content, logged in as the demo "
            f"editor; {REPEATS} rounds, each on another guide, after one warm-up, in one "
            "browser profile (its cache warm, as a returning editor's). Time from the "
            "address or click to the usable page (for the edit form: until the guide's "
            "body has its rich-text editors), on this 2-core machine shared with other "
            "work, so treat the figures as rough.",
            "",
            "| Step | Median | Slowest | Goal | |",
            "| --- | --- | --- | --- | --- |",
            *rows,
            "",
            f"An editing session with autosave and live preview on ({changes} changes in "
            f'40 s): "database is locked" appeared {locked} times in the server\'s log.',
        ]
    )
    write_section(ROOT / "docs" / "benchmarks.md", "editor", text)


if __name__ == "__main__":
    main()
