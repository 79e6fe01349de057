from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS

from operations.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restore an archive made by `manage.py backup` into an empty database and an empty "
        "MEDIA_ROOT, then apply any newer migrations. See docs/deploy.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="The .tar.gz file `manage.py backup` wrote.")
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS, help="Database alias.")

    def handle(self, *args, archive, database, **options):
        try:
            manifest = restore_backup(archive, using=database)
        except BackupError as error:
            raise CommandError(str(error)) from error
        # A backup made by an older release gets this release's schema.
        call_command("migrate", database=database, interactive=False, verbosity=0)
        self.stdout.write(
            f"Restored the backup made at {manifest['created_at']} "
            f"({len(manifest['media'])} media files)."
        )
