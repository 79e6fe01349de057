"""SQLite with several writers at once: autosave, live preview and editing-session pings.

Each thread opens its own connection to one SQLite file with the project's settings and
runs the pattern that fails under SQLite's default deferred transactions: read, then
write, inside one transaction. Without WAL, IMMEDIATE transactions and a busy timeout
some of them fail with "database is locked".
"""

import threading

import pytest
from django.conf import settings
from django.db import connections, transaction

WRITERS = 8
WRITES_EACH = 25


@pytest.fixture
def sqlite_file_alias(tmp_path, django_db_blocker):
    alias = "concurrency"
    configured = connections.configure_settings(
        {
            "default": settings.DATABASES["default"],
            alias: {
                "ENGINE": "django.db.backends.sqlite3",
                "NAME": str(tmp_path / "concurrency.sqlite3"),
                "OPTIONS": dict(settings.SQLITE_OPTIONS),
            },
        }
    )
    connections.settings[alias] = configured[alias]
    with django_db_blocker.unblock():
        with connections[alias].cursor() as cursor:
            cursor.execute("CREATE TABLE counter (id INTEGER PRIMARY KEY, value INTEGER)")
            cursor.execute("INSERT INTO counter (id, value) VALUES (1, 0)")
            cursor.execute("CREATE TABLE revision (id INTEGER PRIMARY KEY, writer INTEGER)")
        connections[alias].close()
        yield alias
    del connections[alias]
    del connections.settings[alias]


def test_sqlite_is_in_wal_mode_with_immediate_transactions(sqlite_file_alias, django_db_blocker):
    with django_db_blocker.unblock():
        with connections[sqlite_file_alias].cursor() as cursor:
            cursor.execute("PRAGMA journal_mode")
            assert cursor.fetchone()[0] == "wal"
        assert connections[sqlite_file_alias].transaction_mode == "IMMEDIATE"
        connections[sqlite_file_alias].close()


def test_concurrent_read_then_write_transactions_never_hit_database_is_locked(
    sqlite_file_alias, django_db_blocker
):
    errors = []
    start = threading.Barrier(WRITERS)

    def writer(number):
        connection = connections[sqlite_file_alias]  # One connection per thread.
        try:
            start.wait()
            for _ in range(WRITES_EACH):
                with transaction.atomic(using=sqlite_file_alias):
                    with connection.cursor() as cursor:
                        cursor.execute("SELECT value FROM counter WHERE id = 1")
                        value = cursor.fetchone()[0]
                        cursor.execute("INSERT INTO revision (writer) VALUES (%s)", [number])
                        cursor.execute("UPDATE counter SET value = %s WHERE id = 1", [value + 1])
        except Exception as error:  # Reported below with the others.
            errors.append(error)
        finally:
            connection.close()
            del connections[sqlite_file_alias]

    with django_db_blocker.unblock():
        threads = [threading.Thread(target=writer, args=(n,)) for n in range(WRITERS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        with connections[sqlite_file_alias].cursor() as cursor:
            cursor.execute("SELECT value FROM counter WHERE id = 1")
            counter = cursor.fetchone()[0]
            cursor.execute("SELECT COUNT(*) FROM revision")
            revisions = cursor.fetchone()[0]
        connections[sqlite_file_alias].close()

    assert errors == []
    # No lost update: every read-then-write saw the previous writer's value.
    assert counter == revisions == WRITERS * WRITES_EACH
