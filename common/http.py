"""Validators and caching rules for responses that programs poll: the feed, calendars, the sitemap, the API.

The view sets the ETag (a hash of the body) and Last-Modified, so they are stored with the page in the page cache
(vdlm.cache) and are the same on a hit; Django's ConditionalGetMiddleware, outermost in MIDDLEWARE, then answers a
matching If-None-Match or If-Modified-Since with 304, on a hit without rendering anything. The ETag is weak (W/):
the same value goes out gzipped and plain, which only weak comparison allows.

Last-Modified is the time of rendering, not the newest `updated_at` of the rows shown: a talk's edit changes an
event's calendar entry without touching the event, so a data time could answer "not modified" to changed content.
Every content write drops the cached copies (common.content), so a render is never older than what it shows.
"""

import hashlib

from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.http import http_date


def body_etag(content: bytes) -> str:
    return f'W/"{hashlib.blake2b(content, digest_size=12).hexdigest()}"'


def add_validators(response: HttpResponse, *, max_age: int, public: bool = True) -> HttpResponse:
    """ETag, Last-Modified and Cache-Control. `public=False` for what only organizers see (a draft's calendar):
    no shared cache may keep it."""
    response["ETag"] = body_etag(response.content)
    response["Last-Modified"] = http_date(timezone.now().timestamp())
    if public:
        patch_cache_control(response, public=True, max_age=max_age)
    else:
        patch_cache_control(response, private=True, no_cache=True)
    return response
