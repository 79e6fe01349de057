import sys

from django.core.management.base import BaseCommand, CommandError

from conditions.importing import InvalidGuideFile, check_guides, import_guides, read_guide_file


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

    def handle(self, *args, **options):
        try:
            data = read_guide_file(options["file"], stdin=options.get("stdin", sys.stdin))
            result = import_guides(check_guides(data), publish=options["publish"])
        except InvalidGuideFile as error:
            for problem in error.problems:
                self.stderr.write(str(problem))
            raise CommandError(error.summary) from None
        self.stdout.write(self.style.SUCCESS(str(result)))
