"""`manage.py backup`, then `manage.py restore` into an empty installation: the same site.

Each installation is a separate process with its own database and MEDIA_ROOT, as on a
server: SQLite files, or new PostgreSQL databases on the server the suite runs on
(.ci/run), so this runs on both.
"""

import json
import os
import subprocess
import sys
import tarfile
import uuid
from io import BytesIO, StringIO

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone

from newsletter.models import Signup

# The backup reads the database from outside the test's transaction, as on a server.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def installations(tmp_path):
    """Two installations' environments: one to back up, one empty to restore into."""
    created = []
    if connection.vendor == "postgresql":
        import psycopg

        server = dict(connection.settings_dict)
        url = f"postgres://{server['USER']}@{server['HOST']}:{server['PORT'] or 5432}"

        def database(name):
            # Named after the suite's own database, so parallel suites on one server differ.
            name = f"{server['NAME']}_{name}_{uuid.uuid4().hex[:8]}"
            with psycopg.connect(f"{url}/postgres", autocommit=True) as admin:
                admin.execute(f'CREATE DATABASE "{name}"')
            created.append(name)
            return f"{url}/{name}"
    else:

        def database(name):
            return f"sqlite:///{tmp_path / name}.sqlite3"

    def environment(name):
        return {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.dev",
            "DEBUG": "0",
            "SECRET_KEY": "backup-test-key",
            "DATABASE_URL": database(name),
            "MEDIA_ROOT": str(tmp_path / f"{name}-media"),
        }

    yield environment("original"), environment("restored")
    if created:
        import psycopg

        with psycopg.connect(f"{url}/postgres", autocommit=True) as admin:
            for name in created:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run(environment, *command):
    result = subprocess.run(  # noqa: S603 - our own interpreter and scripts.
        [sys.executable, *command],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def snapshot(environment):
    return json.loads(run(environment, "-m", "tests.operations.site_snapshot", "snapshot"))


def test_backup_restored_into_an_empty_installation_is_the_same_site(installations, tmp_path):
    original, restored = installations
    run(original, "-m", "tests.operations.site_snapshot", "build")
    before = snapshot(original)
    assert len(before["rendered"]) > 5 and before["media"] and len(before["signups"]) == 2
    assert any(language == "es" for _path, _t, _s, language, *_ in before["tree"])
    assert "An unpublished change to the summary." in before["drafts"].values()

    archive = run(original, "manage.py", "backup", "--output", str(tmp_path / "backups")).strip()
    assert archive.endswith(".tar.gz")
    run(restored, "manage.py", "restore", archive)

    after = snapshot(restored)
    for key in before:
        assert after[key] == before[key], key


def test_restore_refuses_a_database_that_is_not_empty(conditions_index, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    out = StringIO()
    call_command("backup", output=tmp_path, stdout=out)
    Signup.objects.create(first_name="Ana", last_name="García", email="ana@example.com")

    with pytest.raises(CommandError, match="The database is not empty"):
        call_command("restore", out.getvalue().strip(), stdout=StringIO())
    assert Signup.objects.count() == 1


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path):
    not_a_backup = tmp_path / "notes.tar.gz"
    with tarfile.open(not_a_backup, "w:gz"):
        pass
    with pytest.raises(CommandError, match="not a Condition Guides backup"):
        call_command("restore", str(not_a_backup), stdout=StringIO())


def test_backups_are_named_by_the_time_they_were_made(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    out = StringIO()
    call_command("backup", output=tmp_path, stdout=out)
    name = out.getvalue().strip().rsplit("/", 1)[-1]
    assert name.startswith(f"condition-guides-{timezone.now():%Y%m%d}T")


def test_restore_refuses_a_file_that_is_not_an_archive(tmp_path):
    not_an_archive = tmp_path / "condition-guides.tar.gz"
    not_an_archive.write_text("meeting notes")
    with pytest.raises(CommandError, match="not a Condition Guides backup"):
        call_command("restore", str(not_an_archive), stdout=StringIO())


def test_restore_refuses_a_backup_of_the_other_database_engine(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    other, other_name = (
        ("sqlite", "SQLite") if connection.vendor == "postgresql" else ("postgresql", "PostgreSQL")
    )
    archive = tmp_path / "condition-guides-other.tar.gz"
    manifest = json.dumps({"format": 1, "created_at": "", "database": other, "media": {}})
    with tarfile.open(archive, "w:gz") as tar:
        info = tarfile.TarInfo("manifest.json")
        info.size = len(manifest)
        tar.addfile(info, BytesIO(manifest.encode()))
    tables = connection.introspection.table_names()

    with pytest.raises(CommandError, match=f"backup is of a {other_name} database.*same kind"):
        call_command("restore", str(archive), stdout=StringIO())
    assert connection.introspection.table_names() == tables
