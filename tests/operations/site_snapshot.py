"""Build a site with everything a backup must keep, or print what a user would notice of it.

Run by test_backup_restore.py in a separate process against its own database, as an
installation would: ``python -m tests.operations.site_snapshot build|snapshot``.
"""

import json
import os
import sys
from io import StringIO


def build():
    from django.core.management import call_command

    from conditions.models import ConditionPage
    from newsletter.models import Signup

    call_command("migrate", interactive=False, verbosity=0)
    # The demo: guides, a draft guide, images, and reviewed Spanish translations.
    call_command("load_demo", "--no-user", stdout=StringIO())
    guide = ConditionPage.objects.live().filter(locale__language_code="en").first()
    draft = guide.get_latest_revision_as_object()
    draft.summary = "An unpublished change to the summary."
    draft.save_revision(clean=False)
    Signup.objects.create(
        first_name="Ana", last_name="García", email="ana@example.com", language="es"
    )
    Signup.objects.create(first_name="Sam", last_name="Lee", email="sam@example.com", language="en")


def snapshot():
    from django.conf import settings
    from django.test import Client
    from wagtail.images import get_image_model
    from wagtail.models import Page, Revision

    from newsletter.models import Signup
    from operations.backup import media_checksums

    client = Client(HTTP_HOST="localhost")
    pages = list(Page.objects.order_by("path").specific())
    return {
        "tree": [
            [p.path, p.title, p.slug, p.locale.language_code, p.live, p.has_unpublished_changes]
            for p in pages
        ],
        "revisions": {p.path: Revision.objects.for_instance(p).count() for p in pages},
        "drafts": {
            p.path: getattr(p.get_latest_revision_as_object(), "summary", None) for p in pages
        },
        "rendered": {
            p.url: client.get(p.url).content.decode()
            for p in pages
            if p.live and p.depth > 1 and p.url
        },
        "images": sorted(get_image_model().objects.values_list("title", "file")),
        "signups": sorted(Signup.objects.values_list("email", "first_name", "language")),
        "media": media_checksums(settings.MEDIA_ROOT),
    }


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import django

    django.setup()
    if sys.argv[1] == "build":
        build()
    else:
        json.dump(snapshot(), sys.stdout)
