"""Changes made to a running stack's database from another process, as an editor's
request, ``publish_scheduled`` or the newsletter signup would make them.

    python tests/edgecache/site_script.py build
    python tests/edgecache/site_script.py publish <slug> <summary>
    python tests/edgecache/site_script.py schedule <slug> <summary>
    python tests/edgecache/site_script.py unpublish <slug>
    python tests/edgecache/site_script.py login <username>
    python tests/edgecache/site_script.py signups

Run with the stack's environment (deploy/serve.py's ``stack_environment``), so that
publishing purges the stack's edge cache exactly as the site does in production.
"""

import datetime
import sys
from pathlib import Path

EDITOR_PASSWORD = "editor-password-for-tests"  # noqa: S105
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def main(command, *args):
    import django

    django.setup()
    from django.contrib.auth.models import Group, User
    from django.test import Client
    from django.utils import timezone

    from conditions.models import ConditionPage
    from newsletter.models import Signup

    if command == "build":
        from tests.factories import ConditionPageFactory

        ConditionPageFactory(title="Dystonia", slug="dystonia", summary="Muscles contract.")
        ConditionPageFactory(title="Epilepsy", slug="epilepsy", summary="Seizures recur.")
        editor = User.objects.create_user("editor", password=EDITOR_PASSWORD)
        editor.groups.add(Group.objects.get(name="Editors"))
    elif command in {"publish", "schedule"}:
        slug, summary = args
        guide = ConditionPage.objects.get(slug=slug)
        guide.summary = summary
        if command == "publish":
            guide.save_revision().publish()
        else:
            go_live = timezone.now() - datetime.timedelta(seconds=1)
            guide.save_revision(approved_go_live_at=go_live)
            from django.core.management import call_command

            call_command("publish_scheduled")
    elif command == "unpublish":
        ConditionPage.objects.get(slug=args[0]).unpublish()
    elif command == "login":
        client = Client()
        client.force_login(User.objects.get(username=args[0]))
        print(client.cookies["sessionid"].value)  # noqa: T201
    elif command == "signups":
        print(Signup.objects.count())  # noqa: T201
    else:
        raise SystemExit(f"Unknown command {command!r}")


if __name__ == "__main__":
    main(*sys.argv[1:])
