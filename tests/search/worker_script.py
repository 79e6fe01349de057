"""One long-lived "worker process" for tests/search/test_shared_catalogue.py.

Reads commands on stdin, one a line, and answers each on stdout:

    setup                     the page tree (home page, conditions index)
    publish <slug> <title>    publish a new guide
    search <query>            the slugs of the guides the search page lists
    builds                    how many times this process built a catalogue
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def main():
    import django

    django.setup()
    from django.test import Client

    from home.site_tree import get_or_create_conditions_index
    from search import catalogue
    from tests.factories import ConditionPageFactory
    from tests.search.helpers import result_slugs

    builds = []
    build = catalogue.Catalogue.build.__func__

    def counted_build(cls, locale):
        builds.append(locale.pk)
        return build(cls, locale)

    catalogue.Catalogue.build = classmethod(counted_build)
    client = Client()
    for line in sys.stdin:
        command, *args = line.split()
        if command == "setup":
            get_or_create_conditions_index()
            answer = "ok"
        elif command == "publish":
            slug, title = args
            ConditionPageFactory(slug=slug, title=title)
            answer = "ok"
        elif command == "search":
            response = client.get("/en/search/", {"q": " ".join(args)})
            answer = " ".join(result_slugs(response)) or "-"
        elif command == "builds":
            answer = str(len(builds))
        else:
            answer = f"unknown command {command}"
        print(answer, flush=True)  # noqa: T201


if __name__ == "__main__":
    main()
