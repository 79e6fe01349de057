"""Playwright against pytest-django's live server, driving Debian's Chromium.

Fixtures for any browser test: ``browser`` (one Chromium per session), ``page`` (a fresh
tab per test, screenshotted into test-artifacts/ when the test fails) and ``live_site``
(the page tree with a few guides, served by the live server). Mark tests with
``@pytest.mark.browser``.
"""

import datetime
import os
import re
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core.management.commands import flush
from django.core.servers.basehttp import ThreadedWSGIServer
from django.test.testcases import LiveServerThread

from tests.tools import missing_tool

# Playwright's sync API runs an event loop in this thread; Django's ORM would otherwise
# refuse to run in the fixtures that build the content.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


class _OneRequestAtATimeServer(ThreadedWSGIServer):
    """The live server, answering one request at a time when it shares the in-memory database.

    With SQLite in memory, every request thread uses the test's one connection: two requests
    at once (one editor's autosave while another saves) would interleave their savepoints on
    it ("no such savepoint"). A file database, as ``make run`` uses, gives each thread its
    own connection and needs none of this; on PostgreSQL requests stay concurrent.
    """

    def set_app(self, application):
        if self.connections_override:
            application = _one_at_a_time(application)
        super().set_app(application)

    def _close_connections(self):
        # The shared in-memory connection belongs to the test thread, which closes it.
        if not self.connections_override:
            super()._close_connections()


# Held by each request the live server answers on the shared in-memory connection, and by
# the flush that empties the database after a test, so neither runs inside the other.
_SHARED_CONNECTION = threading.Lock()


def _one_at_a_time(application):
    def serialized(environ, start_response):
        with _SHARED_CONNECTION:
            result = application(environ, start_response)
            try:
                # Read the body and close the response (Django's request_finished) while
                # holding the lock: both touch the database.
                return [b"".join(result)]
            finally:
                if hasattr(result, "close"):
                    result.close()

    return serialized


# Fails loudly if Django changes how the live server is built.
assert LiveServerThread.server_class is ThreadedWSGIServer, LiveServerThread.server_class
LiveServerThread.server_class = _OneRequestAtATimeServer

# A browser may still send a request as its test ends (an editor's page sends one as it
# closes). The flush that empties the database between tests waits for that request
# and keeps the next out: on the shared connection the two would interleave, and the
# flush failed on a foreign key.
_flush = flush.Command.handle


def _flush_between_requests(self, **options):
    with _SHARED_CONNECTION:
        return _flush(self, **options)


flush.Command.handle = _flush_between_requests


# One Playwright per test run: a second sync_playwright() inside the first one's event
# loop fails. Test modules elsewhere that import these fixtures share this one.
_running = {}


@pytest.fixture(scope="session")
def browser(django_db_setup):
    if "browser" in _running:
        yield _running["browser"]
        return
    if not CHROMIUM.exists():
        missing_tool(
            f"Browser tests need Debian's Chromium at {CHROMIUM} (apt-get install chromium)."
        )
    from django.db import connections
    from playwright.sync_api import sync_playwright

    serialized = {
        connection.alias: connection._test_serialized_contents
        for connection in connections.all()
        if hasattr(connection, "_test_serialized_contents")
    }
    with sync_playwright() as playwright:
        # Playwright's greenlets leave this thread in a new context, where Django makes
        # new connection objects: give them the snapshot that serialized rollback
        # restores, or the second live_site test would find an empty database.
        for alias, contents in serialized.items():
            connections[alias]._test_serialized_contents = contents
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        _running["browser"] = browser
        try:
            yield browser
        finally:
            del _running["browser"]
            browser.close()


@pytest.fixture
def page(browser, request):
    if "transactional_db" in request.fixturenames:
        # The database first, so that it is emptied after this page has closed: an editor's
        # page left open (autosave, live preview) would otherwise write during the flush.
        request.getfixturevalue("transactional_db")
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(10_000)
    failures_before = request.session.testsfailed
    yield page
    # The test's own report is logged before fixtures are torn down.
    if request.session.testsfailed > failures_before:
        ARTIFACTS.mkdir(exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.nodeid)
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    context.close()


@pytest.fixture
def live_site(live_server, transactional_db, django_db_serialized_rollback):
    """The site tree with guides, served at ``live_site.url(path)``.

    The live server needs a transactional database; the serialized rollback restores
    what the migrations created (root page, locale, site) for the next test.
    """
    from wagtail.models import Site

    from home.models import FeaturedGuide, OpeningHours, SiteSettings
    from home.site_tree import get_or_create_conditions_index
    from tests.factories import (
        BodySystemFactory,
        ConditionPageFactory,
        cannabis_evidence,
        full_body,
        study,
    )

    index = get_or_create_conditions_index()
    home = index.get_parent().specific
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.organisation_name = "Calm Clinic"
    site_settings.street_address = "12 High Street"
    site_settings.locality = "Springfield"
    site_settings.phone = "+1 555 010 0199"
    site_settings.save()
    for day in range(5):
        OpeningHours.objects.create(
            settings=site_settings, weekday=day, opens=datetime.time(11), closes=datetime.time(19)
        )

    brain = BodySystemFactory(name="Brain and nerves", slug="brain-and-nerves")
    guide = ConditionPageFactory(
        title="Dystonia",
        slug="dystonia",
        also_known_as="Torsion dystonia",
        body_systems=[brain],
        body=[
            *full_body(),
            cannabis_evidence(
                [study(title="Third study")],
                level="limited",
                legal_status="A qualifying condition in some US states.",
            ),
        ],
    )
    others = [
        ConditionPageFactory(title=title, body_systems=[brain])
        for title in ["Epilepsy", "Migraine", "Multiple sclerosis", "Ångstrom syndrome"]
    ]
    FeaturedGuide.objects.create(page=home, guide=guide, sort_order=0)
    return SimpleNamespace(
        home=home,
        index=index,
        guide=guide,
        others=others,
        url=lambda path: f"{live_server.url}{path}",
    )
