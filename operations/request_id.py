"""A request id on every response and every log line written while serving it.

A load balancer or proxy in front may already have given the request an id
(``X-Request-ID``); it is reused when it looks like one, so one id follows the request
through every log. Anything else (too long, odd characters that could forge log lines)
is replaced by a new id.
"""

import contextvars
import logging
import re
import uuid

HEADER = "X-Request-ID"
SAFE_ID = re.compile(r"[A-Za-z0-9._-]{8,64}")

current_request_id = contextvars.ContextVar("request_id", default="-")


def request_id_for(incoming):
    if incoming and SAFE_ID.fullmatch(incoming):
        return incoming
    return uuid.uuid4().hex


class RequestIDMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Django logs an unhandled error inside get_response, while the id is set.
        request.request_id = request_id_for(request.headers.get(HEADER))
        token = current_request_id.set(request.request_id)
        try:
            response = self.get_response(request)
        finally:
            current_request_id.reset(token)
        response[HEADER] = request.request_id
        return response


class RequestIDFilter(logging.Filter):
    """Adds ``request_id`` to each log record, for the formatter (``-`` outside requests)."""

    def filter(self, record):
        record.request_id = current_request_id.get()
        return True
