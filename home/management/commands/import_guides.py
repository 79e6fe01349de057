import sys
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.permissions import page_permission_policy

from conditions.guides_file import InvalidGuideFile, check_guides, import_guides, read_guide_file
from home.site_tree import get_or_create_conditions_index


class Command(BaseCommand):
    help = (
        "Import condition guides from a JSON file, checking the whole file first. "
        "The format is described in docs/import-format.md."
    )
    # Tests pass their own standard input, as createsuperuser's do.
    stealth_options = ("stdin",)

    def add_arguments(self, parser):
        parser.add_argument("file", help='The JSON file to read, or "-" for standard input.')
        parser.add_argument(
            "--publish",
            action="store_true",
            help="Publish every new or changed guide. Without it, they are saved as drafts.",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help=(
                "Replace guides that have unpublished changes made in the admin. Without it, "
                "they are reported and left as they are."
            ),
        )
        parser.add_argument(
            "--strict",
            action="store_true",
            help="Import nothing if any guide has unpublished changes (and --force is not given).",
        )
        parser.add_argument(
            "--user",
            metavar="USERNAME",
            help="The user the imported revisions are recorded as made by.",
        )

    def handle(self, *args, **options):
        user = self.find_user(options["user"]) if options["user"] else None
        if (
            user
            and options["publish"]
            and not page_permission_policy.user_has_permission(user, "publish")
        ):
            raise CommandError(
                f'"{options["user"]}" may not publish guides; import without --publish, and '
                "the guides wait as drafts for medical review."
            )
        try:
            data = read_guide_file(options["file"], stdin=options.get("stdin", sys.stdin))
            folder = None if options["file"] == "-" else Path(options["file"]).parent
            # One transaction: images added from images/ go again if the file has mistakes.
            with transaction.atomic():
                result = import_guides(
                    check_guides(data, folder=folder),
                    # New guides go under their language's conditions index, made (with
                    # the home page above it) on an empty site.
                    index_for=get_or_create_conditions_index,
                    publish=options["publish"],
                    force=options["force"],
                    strict=options["strict"],
                    user=user,
                )
        except InvalidGuideFile as error:
            for problem in error.problems:
                self.stderr.write(str(problem))
            raise CommandError(error.summary) from None
        for problem in result.skipped:
            self.stderr.write(str(problem))
        self.stdout.write(self.style.SUCCESS(str(result)))

    def find_user(self, username):
        User = get_user_model()
        try:
            return User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist:
            raise CommandError(f'There is no user "{username}"; nothing was imported.') from None
