"""gunicorn's settings for `make serve` and the benchmarks; a deployment may use them too.

Every value can be overridden from the environment (the names gunicorn documents).
"""

import os

# Sync workers: one request at a time each, two per core. Pages are rendered by Django
# only when the edge cache misses, so few workers go a long way.
workers = int(os.environ.get("WEB_CONCURRENCY", (os.cpu_count() or 1) * 2))
worker_class = "sync"
# Load the application once before forking: workers share its memory.
preload_app = True
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# Recycle a worker now and then, so a slow leak can never grow without bound.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = max_requests // 10
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
# gunicorn's control socket sits at one path per user: several stacks on one machine
# (tests, benchmarks) would take it from each other, and nothing here uses it.
control_socket_disable = True
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
