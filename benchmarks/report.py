"""Shared by the benchmarks: Django set-up and the sections of docs/benchmarks.md."""

import os


def setup_django(database_url):
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    os.environ["DATABASE_URL"] = database_url
    import django

    django.setup()


def write_section(path, key, text):
    """Replace one benchmark's section of docs/benchmarks.md, keeping the others."""
    start, end = f"<!-- {key} -->", f"<!-- /{key} -->"
    current = path.read_text() if path.exists() else "# Benchmarks\n\n"
    block = f"{start}\n{text}\n{end}"
    if start in current:
        before, rest = current.split(start, 1)
        current = before + block + rest.split(end, 1)[1]
    else:
        current = current.rstrip("\n") + "\n\n" + block + "\n"
    path.write_text(current)
