import logging
import uuid

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


def _database_ok():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        return cursor.fetchone() == (1,)


def _cache_ok():
    key = f"healthz:{uuid.uuid4().hex}"
    cache.set(key, "ok", timeout=10)
    found = cache.get(key) == "ok"
    cache.delete(key)
    return found


CHECKS = {"database": _database_ok, "cache": _cache_ok}


@never_cache
@require_GET
def healthz(request):
    """For a load balancer: 200 when the database and the cache answer, 503 otherwise."""
    results = {}
    for name, check in CHECKS.items():
        try:
            results[name] = "ok" if check() else "error"
        except Exception:
            logger.exception("Health check: %s is not answering", name)
            results[name] = "error"
    healthy = all(result == "ok" for result in results.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", **results}, status=200 if healthy else 503
    )
