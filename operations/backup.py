"""One archive with the database and the media files, and its restore.

The archive is a ``.tar.gz`` holding

- ``manifest.json``: the archive format, when it was made, the database engine, and the
  SHA-256 of every media file (checked again after a restore);
- ``database.pgdump`` (``pg_dump -Fc``) on PostgreSQL, or ``database.sqlite3`` (a copy made
  with SQLite's online backup API, consistent while the site keeps writing) on SQLite;
- ``media/``: everything under ``MEDIA_ROOT`` (original images, renditions, documents).
"""

import datetime
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.utils import timezone

FORMAT = 1
MANIFEST = "manifest.json"
MEDIA = "media"
DUMPS = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}
ENGINE_NAMES = {"postgresql": "PostgreSQL", "sqlite": "SQLite"}


class BackupError(Exception):
    """Something the person running the command can fix; the message says what."""


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for chunk in iter(lambda: file.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def media_checksums(media_root):
    media_root = Path(media_root)
    if not media_root.is_dir():
        return {}
    return {
        path.relative_to(media_root).as_posix(): sha256(path)
        for path in sorted(media_root.rglob("*"))
        if path.is_file()
    }


def _vendor(connection):
    if connection.vendor not in DUMPS:
        raise BackupError(f"Backups support PostgreSQL and SQLite, not {connection.vendor}.")
    return connection.vendor


def _postgres_tool(name):
    """pg_dump or pg_restore: PG_BIN if set, else PATH, else the newest Debian install."""
    if os.environ.get("PG_BIN"):
        return str(Path(os.environ["PG_BIN"]) / name)
    found = shutil.which(name)
    if found:
        return found
    installed = sorted(
        Path("/usr/lib/postgresql").glob(f"*/bin/{name}"),
        key=lambda path: int(path.parts[-3]) if path.parts[-3].isdigit() else 0,
    )
    if installed:
        return str(installed[-1])
    raise BackupError(
        f"{name} was not found. Install PostgreSQL's client tools (Debian: postgresql-client),"
        " of the same major version as the server or newer, or set PG_BIN."
    )


def _postgres_command(connection, tool, *arguments):
    settings_dict = connection.settings_dict
    command = [_postgres_tool(tool), "--no-owner", "--no-privileges", *arguments]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings_dict.get(key):
            command += [option, str(settings_dict[key])]
    environment = {**os.environ}
    if settings_dict.get("PASSWORD"):
        environment["PGPASSWORD"] = settings_dict["PASSWORD"]
    return command, environment


def _run(command, environment):
    result = subprocess.run(  # noqa: S603 - the tool and its arguments are ours.
        command, env=environment, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise BackupError(f"{Path(command[0]).name} failed: {result.stderr.strip()}")


def _dump_database(connection, destination):
    if _vendor(connection) == "postgresql":
        command, environment = _postgres_command(
            connection, "pg_dump", "--format=custom", "--file", str(destination)
        )
        _run([*command, "--dbname", connection.settings_dict["NAME"]], environment)
    else:
        connection.ensure_connection()
        target = sqlite3.connect(destination)
        try:
            connection.connection.backup(target)
        finally:
            target.close()


def create_backup(directory, using="default"):
    """Write ``condition-guides-<UTC time>.tar.gz`` into ``directory``; return its path."""
    connection = connections[using]
    vendor = _vendor(connection)
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    stamp = timezone.now().astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    archive = directory / f"condition-guides-{stamp}.tar.gz"
    media_root = Path(settings.MEDIA_ROOT)
    checksums = media_checksums(media_root)
    with tempfile.TemporaryDirectory() as scratch:
        dump = Path(scratch) / DUMPS[vendor]
        _dump_database(connection, dump)
        manifest = {
            "format": FORMAT,
            "created_at": timezone.now().isoformat(),
            "database": vendor,
            "media": checksums,
        }
        partial = archive.with_suffix(".partial")
        with tarfile.open(partial, "w:gz") as tar:
            info = tarfile.TarInfo(MANIFEST)
            data = json.dumps(manifest, indent=2).encode()
            info.size = len(data)
            info.mtime = int(timezone.now().timestamp())
            tar.addfile(info, io.BytesIO(data))
            tar.add(dump, arcname=dump.name)
            for name in checksums:
                tar.add(media_root / name, arcname=f"{MEDIA}/{name}")
        partial.rename(archive)  # Never leave a half-written archive under the real name.
    return archive


def read_manifest(tar):
    try:
        manifest = json.load(tar.extractfile(MANIFEST))
    except (KeyError, ValueError) as error:
        raise BackupError("This file is not a Condition Guides backup.") from error
    if manifest.get("format") != FORMAT:
        raise BackupError(
            f"This backup has format {manifest.get('format')!r}; this version reads {FORMAT}."
        )
    return manifest


def restore_backup(archive, using="default"):
    """Restore ``archive`` into an empty database and an empty MEDIA_ROOT.

    Refuses, changing nothing, when either already holds something: a restore never
    mixes two sites' data or overwrites a working one.
    """
    connection = connections[using]
    vendor = _vendor(connection)
    archive = Path(archive)
    if not archive.is_file():
        raise BackupError(f"{archive} does not exist.")
    media_root = Path(settings.MEDIA_ROOT)
    try:
        tar = tarfile.open(archive, "r:gz")
    except tarfile.TarError as error:
        raise BackupError("This file is not a Condition Guides backup.") from error
    with tar:
        manifest = read_manifest(tar)
        if manifest.get("database") != vendor:
            engine = manifest.get("database")
            raise BackupError(
                f"This backup is of a {ENGINE_NAMES.get(engine, engine)}"
                f" database, but DATABASE_URL points to {ENGINE_NAMES[vendor]}. A backup restores"
                " only into the same kind of database: point DATABASE_URL at an empty one of"
                " that kind. Nothing was changed."
            )
        if connection.introspection.table_names():
            raise BackupError(
                "The database is not empty. Restore into a new, empty database "
                "(point DATABASE_URL at it), without running migrate first."
            )
        if media_root.is_dir() and any(path.is_file() for path in media_root.rglob("*")):
            raise BackupError(f"MEDIA_ROOT ({media_root}) is not empty. Restore into an empty one.")
        with tempfile.TemporaryDirectory() as scratch:
            tar.extractall(scratch, filter="data")
            _restore_database(connection, Path(scratch) / DUMPS[vendor])
            extracted_media = Path(scratch) / MEDIA
            if extracted_media.is_dir():
                media_root.mkdir(parents=True, exist_ok=True)
                shutil.copytree(extracted_media, media_root, dirs_exist_ok=True)
    restored = media_checksums(media_root)
    if restored != manifest["media"]:
        differ = sorted(set(restored.items()) ^ set(manifest["media"].items()))
        raise BackupError(f"Media files differ from the backup after restoring: {differ[:5]}")
    return manifest


def _restore_database(connection, dump):
    if connection.vendor == "postgresql":
        command, environment = _postgres_command(
            connection, "pg_restore", "--exit-on-error", "--single-transaction"
        )
        _run([*command, "--dbname", connection.settings_dict["NAME"], str(dump)], environment)
        # pg_restore brings the rows but not the planner's statistics; without them the
        # restored site plans its queries blind (slowly) until autovacuum gets round to it.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    else:
        connection.ensure_connection()
        source = sqlite3.connect(dump)
        try:
            source.backup(connection.connection)
        finally:
            source.close()
    connection.close()  # Forget anything cached about the empty database.
