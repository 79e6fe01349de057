"""One editor for `make loadtest`: saves and publishes one guide over and over.

    python benchmarks/loadtest_editor.py <editor username> <reviewer username> <slug> <seconds>

Each round saves a revision as the editor, submits it to medical review and approves it
as the reviewer, which publishes it: what the two of them do in the admin, through
Wagtail's page and workflow API in a process of its own, against the stack's database.
Prints a JSON summary: saves made, errors met.
"""

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main(editor_name, reviewer_name, slug, seconds):
    import django

    django.setup()
    from django.contrib.auth import get_user_model

    from conditions.models import ConditionPage

    User = get_user_model()
    editor = User.objects.get(username=editor_name)
    reviewer = User.objects.get(username=reviewer_name)
    saved, errors, last = 0, [], ""
    deadline = time.monotonic() + float(seconds)
    while time.monotonic() < deadline:
        guide = ConditionPage.objects.get(slug=slug, locale__language_code="en")
        summary = f"{guide.title}: revised by {editor_name}, edit {saved + 1}."
        guide.summary = summary
        try:
            guide.save_revision(user=editor, log_action=True)
            saved += 1
            last = summary
            workflow_state = guide.get_workflow().start(guide, editor)
            task_state = workflow_state.current_task_state
            task_state.task.specific.on_action(task_state, reviewer, "approve")
        except Exception as error:  # noqa: BLE001 - every failure is reported, none hidden
            errors.append(repr(error))
        time.sleep(0.5)
    print(json.dumps({"slug": slug, "saved": saved, "errors": errors, "last": last}))  # noqa: T201


if __name__ == "__main__":
    main(*sys.argv[1:])
