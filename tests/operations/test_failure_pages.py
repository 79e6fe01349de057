"""When something breaks: a friendly error page, a health check, and a request id in logs."""

import logging
from unittest import mock

import pytest
from django.conf import settings
from django.db import OperationalError, connection
from django.test import Client

from operations.request_id import RequestIDFilter


@pytest.fixture
def failing_client():
    return Client(raise_request_exception=False)


@pytest.mark.urls("tests.operations.failing_urls")
def test_error_page_is_friendly_and_needs_no_database(failing_client):
    # No ``db`` fixture: any query while rendering the error page would raise.
    response = failing_client.get("/en/failing/")

    assert response.status_code == 500
    html = response.content.decode()
    assert "Something went wrong" in html
    assert 'href="/en/"' in html
    assert "Traceback" not in html and "OperationalError" not in html


@pytest.mark.urls("tests.operations.failing_urls")
def test_error_page_speaks_the_visitors_language(failing_client):
    response = failing_client.get("/es/failing/")

    assert response.status_code == 500
    html = response.content.decode()
    assert '<html lang="es">' in html
    assert "Algo ha salido mal" in html
    assert 'href="/es/"' in html


@pytest.mark.urls("tests.operations.failing_urls")
def test_an_error_is_logged_with_the_request_id_the_visitor_was_sent(failing_client):
    lines = []

    class Collect(logging.Handler):
        def emit(self, record):
            lines.append(self.format(record))

    handler = Collect()
    handler.addFilter(RequestIDFilter())
    handler.setFormatter(
        logging.Formatter(settings.LOGGING["formatters"]["with_request_id"]["format"])
    )
    logger = logging.getLogger("django.request")
    logger.addHandler(handler)
    try:
        response = failing_client.get("/en/failing/")
    finally:
        logger.removeHandler(handler)

    request_id = response["X-Request-ID"]
    assert len(request_id) >= 8
    assert any(f"[{request_id}]" in line and "/en/failing/" in line for line in lines), lines


def test_a_well_formed_incoming_request_id_is_kept(client, db):
    response = client.get("/healthz", headers={"X-Request-ID": "lb-2f9c1a7e-0001"})
    assert response["X-Request-ID"] == "lb-2f9c1a7e-0001"


@pytest.mark.parametrize(
    "incoming", ["short", "x" * 65, "abc def ghi", "abcdefgh\r\nFAKE LOG LINE", "id;rm -rf /"]
)
def test_an_unsafe_incoming_request_id_is_replaced(client, db, incoming):
    response = client.get("/healthz", headers={"X-Request-ID": incoming})
    assert response["X-Request-ID"] != incoming
    assert len(response["X-Request-ID"]) == 32


def test_every_response_carries_a_new_request_id(client, db):
    first = client.get("/healthz")["X-Request-ID"]
    second = client.get("/en/no-such-page/")["X-Request-ID"]
    assert first != second


def test_health_check_reports_database_and_cache(client, db):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_health_check_answers_503_when_the_database_is_down(client, db):
    with mock.patch.object(connection, "cursor", side_effect=OperationalError("down")):
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "error", "cache": "ok"}


def test_health_check_answers_503_when_the_cache_is_down(client, db):
    with mock.patch("operations.views.cache.set", side_effect=ConnectionError("refused")):
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "ok", "cache": "error"}
