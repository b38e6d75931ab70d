"""CORS for the read-only API (/api/…), so that pages on other sites may fetch it, with If-None-Match too.

A middleware, first in MIDDLEWARE, rather than headers set by the views: a page-cache hit (vdlm.cache) and a 304
from ConditionalGetMiddleware never reach a view, and a browser refuses a 304 without Access-Control-Allow-Origin.
django-cors-headers would do the same but answers the preflight with 200; a preflight here is a 204 without body
that names the headers a conditional fetch sends and lets the browser remember the answer for a day.
"""

from django.http import HttpResponse

API_PREFIX = "/api/"
ALLOWED_METHODS = "GET, HEAD, OPTIONS"
ALLOWED_HEADERS = "Accept, Accept-Language, Content-Language, If-Modified-Since, If-None-Match"
# Headers a script may read from a response (besides the simple ones): validators and the schema and page links.
EXPOSED_HEADERS = "ETag, Last-Modified, Link"
PREFLIGHT_MAX_AGE = 60 * 60 * 24


class ApiCorsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            del response["Content-Type"]
            response["Allow"] = ALLOWED_METHODS
            response["Access-Control-Allow-Methods"] = ALLOWED_METHODS
            response["Access-Control-Allow-Headers"] = ALLOWED_HEADERS
            response["Access-Control-Max-Age"] = str(PREFLIGHT_MAX_AGE)
        else:
            response = self.get_response(request)
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
        return response
