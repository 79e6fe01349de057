"""The editor's steps on the server alone: time and SQL queries per request.

    .venv/bin/python benchmarks/editor_server.py

Loads the demo into a temporary SQLite database and sends the requests the editor
benchmark's browser sends (benchmarks/editor.py) through Django's test client as the demo
editor: the new-guide form, a guide's edit form, Save draft, and Submit for medical
review (each submission is cancelled afterwards so the next one can start). What is left
of a step's browser time beyond these figures is spent in the browser. Writes the
"Editor, server side" section of docs/benchmarks.md; PROFILE=<step> prints that step's
cProfile instead.
"""

import cProfile
import os
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.report import write_section  # noqa: E402

REPEATS = int(os.environ.get("BENCH_REPEATS", "7"))


def main():
    with tempfile.TemporaryDirectory() as folder:
        os.environ.update(
            DJANGO_SETTINGS_MODULE="config.settings.dev",
            DATABASE_URL=f"sqlite:///{folder}/db.sqlite3",
            MEDIA_ROOT=f"{folder}/media",
            DEBUG="1",  # load_demo makes its logins only in development.
        )
        for arguments in (["migrate", "--no-input", "-v0"], ["load_demo"]):
            subprocess.run(  # noqa: S603 - our own interpreter and manage.py.
                [sys.executable, "manage.py", *arguments],
                cwd=ROOT,
                check=True,
                capture_output=True,
            )
        os.environ["DEBUG"] = "0"
        rows = measure()
    text = "\n".join(
        [
            "## Editor, server side",
            "",
            "`benchmarks/editor_server.py`: the requests behind the editor benchmark's steps, "
            "sent through Django's test client as the demo editor (DEBUG off, SQLite, the demo "
            f"content, the largest guide), median of {REPEATS} after one warm-up. The step's "
            "redirect (Save draft reloads the edit form, Submit opens the guides list) is a "
            "request of its own here.",
            "",
            "| Request | Median | SQL queries |",
            "| --- | --- | --- |",
            *rows,
        ]
    )
    write_section(ROOT / "docs" / "benchmarks.md", "editor-server", text)


def measure():
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from conditions.models import ConditionIndexPage, ConditionPage
    from tests.review.admin_forms import guide_form

    settings.ALLOWED_HOSTS = ["testserver"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    editor = get_user_model().objects.get(username="editor")
    client = Client()
    client.force_login(editor)
    index = ConditionIndexPage.objects.get(locale__language_code="en")
    guides = ConditionPage.objects.live().filter(locale__language_code="en")
    guide = max(guides, key=lambda page: len(page.body.get_prep_value().__repr__()))
    edit_url = f"/admin/pages/{guide.pk}/edit/"
    edits = iter(range(10_000))

    def save_draft():
        return client.post(edit_url, guide_form(guide, summary=f"Edit {next(edits)}."))

    def submit():
        return client.post(edit_url, {**guide_form(guide), "action-submit": "Submit"})

    def cancel_submission():
        state = ConditionPage.objects.get(pk=guide.pk).current_workflow_state
        if state:
            state.cancel(user=editor)

    steps = {
        "open new-guide form": lambda: client.get(
            f"/admin/pages/add/conditions/conditionpage/{index.pk}/"
        ),
        "open edit form": lambda: client.get(edit_url),
        "save draft (POST)": save_draft,
        "submit for medical review (POST)": submit,
        "guides list after submit": lambda: client.get(f"/admin/pages/{index.pk}/"),
    }
    rows = []
    for step, request in steps.items():
        answered(step, request())  # warm-up
        cancel_submission()
        times, queries = [], 0
        for _ in range(REPEATS):
            with CaptureQueriesContext(connection) as captured:
                start = time.perf_counter()
                response = request()
                times.append(time.perf_counter() - start)
            answered(step, response)
            queries = len(captured)
            cancel_submission()
        if os.environ.get("PROFILE") == step:
            profile = cProfile.Profile()
            profile.runcall(request)
            cancel_submission()
            pstats.Stats(profile).sort_stats("cumulative").print_stats(50)
        median = statistics.median(times)
        rows.append(f"| {step} | {median * 1000:.0f} ms | {queries} |")
        sys.stdout.write(f"{step:34} median {median * 1000:5.0f} ms  {queries} queries\n")
    return rows


def answered(step, response):
    """A step that fails (a form error answers 200 with the form again) measures nothing."""
    expected = 302 if "POST" in step else 200
    if response.status_code != expected:
        raise RuntimeError(f"{step}: {response.status_code} instead of {expected}")


if __name__ == "__main__":
    main()
