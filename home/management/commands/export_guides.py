from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from conditions.guides_file import (
    dumps,
    export_guides,
    images_in,
    write_atomically,
    write_images,
)


class Command(BaseCommand):
    help = (
        "Export every condition guide, in every language, to a JSON file that "
        "import_guides reads. The format is described in docs/import-format.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help='The JSON file to write, or "-" for standard output.')

    def handle(self, *args, **options):
        target = options["file"]
        data = export_guides()
        count = len(data["guides"])
        summary = f"Exported {count} guide{'' if count == 1 else 's'}"
        if target == "-":
            self.stdout.write(dumps(data), ending="")
            # Standard output carries the file itself, so the summary goes to standard error.
            self.stderr.write(f"{summary}.", style_func=str)
            return
        path = Path(target)
        if not path.parent.is_dir():
            raise CommandError(f"Cannot write {target}: the folder {path.parent} does not exist.")
        if path.is_dir():
            raise CommandError(f"Cannot write {target}: it is a folder.")
        images = images_in(data)
        try:
            write_images(images, path.parent)
            write_atomically(path, dumps(data))
        except OSError as error:
            raise CommandError(f"Cannot write {target}: {error.strerror}.") from error
        if images:
            summary += f", with {len(images)} image{'' if len(images) == 1 else 's'} in images/"
        self.stdout.write(self.style.SUCCESS(f"{summary} to {target}."))
