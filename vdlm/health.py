"""/healthz for load balancers and monitors: whether the database and the page cache answer, as JSON.

200 while the database answers (the site can serve every page, if need be uncached), 503 when it does not. A cache
that is down is reported but is no reason to take the machine out of service: pages then render uncached.
"""

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from vdlm.generation import machine_generation


def _database_status() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as error:
        return f"unavailable: {type(error).__name__}"
    return "ok"


def _cache_status() -> str:
    try:
        machine_generation().value()
        cache.get("vdlm:healthz")
    except Exception as error:  # noqa: BLE001 - whatever the backend raises is "unavailable"
        return f"unavailable: {type(error).__name__}"
    return "ok"


@never_cache
def healthz(request):
    status = {"database": _database_status(), "cache": _cache_status()}
    return JsonResponse(status, status=200 if status["database"] == "ok" else 503)
