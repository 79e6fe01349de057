import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS

from operations.backup import BackupError, create_backup


class Command(BaseCommand):
    help = (
        "Write one timestamped archive with the database (pg_dump -Fc on PostgreSQL, "
        "SQLite's online backup otherwise) and the media files. See docs/deploy.md."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            default=os.environ.get("BACKUP_DIR", settings.BASE_DIR / "backups"),
            help="Folder for the archive (default: $BACKUP_DIR, else backups/).",
        )
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS, help="Database alias.")

    def handle(self, *args, output, database, **options):
        try:
            archive = create_backup(output, using=database)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(str(archive))
