"""A long-lived process that publishes on request, for the publish-to-visible figure.

Says "ready" once Django is set up (so starting Python is not timed), then reads
"<slug> <summary…>" lines, publishes the guide with that summary and answers "ok".
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main():
    import django

    django.setup()
    from conditions.models import ConditionPage

    print("ready", flush=True)  # noqa: T201
    for line in sys.stdin:
        slug, summary = line.strip().split(" ", 1)
        guide = ConditionPage.objects.get(slug=slug, locale__language_code="en")
        guide.summary = summary
        guide.save_revision().publish()
        print("ok", flush=True)  # noqa: T201


if __name__ == "__main__":
    main()
