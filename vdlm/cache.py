"""The public page cache: hits are answered first in the middleware stack, misses are stored on the way out.

Why not `cache_page`: a per-view cache still runs every middleware and the URL resolver for each hit, which halves
the throughput. Here a hit costs two cache reads and no database query.

What is cached: 200 responses of views wrapped in `cached_page`, for anonymous GET requests without a session
cookie or a query string (every `?utm_source=…` would otherwise fill the cache with copies), keyed by a hash of
scheme, host and path; stored plain and gzipped, and served gzipped to clients that accept it.
Staff (who may see drafts) always carry a session cookie and so never read or fill the cache; the admin is never
wrapped.

Invalidation is exact and global: every write to a content model (common.content.content_changed: saves, deletes,
many-to-many changes and the bulk writes of ContentQuerySet) bumps a generation number that is part of every key,
so the next request renders afresh. The day is part of the key too,
because "upcoming" and job expiry depend on it, and so is the release (a fingerprint of the code, templates and
static files), so a deploy never serves pages rendered by the previous version. With several server processes the cache must be shared (CACHE_URL
pointing at Redis or Memcached); the default local-memory cache suits one process.
"""

import gzip
import hashlib
import time
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers

from common.cacheable import CACHEABLE_ATTRIBUTE
from events.models import local_today

GENERATION_KEY = "vdlm:page-generation"
PAGE_TIMEOUT = 60 * 60 * 24


def release_fingerprint() -> str:
    """Names, sizes and times of the files that shape a page: a new deploy gets new keys."""
    base = Path(settings.BASE_DIR)
    digest = hashlib.sha256()
    for folder in ("templates", "static", "common", "talks", "events", "vdlm"):
        for path in sorted((base / folder).rglob("*")):
            if path.is_file() and path.suffix in {".py", ".html", ".css", ".svg", ".js"}:
                stat = path.stat()
                digest.update(f"{path.relative_to(base)}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:12]


RELEASE = release_fingerprint()


def current_generation() -> int:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # A fresh cache (or an evicted counter): start from the clock so no stale key can match again.
        generation = time.time_ns()
        cache.add(GENERATION_KEY, generation, timeout=None)
        generation = cache.get(GENERATION_KEY, generation)
    return generation


def bump_generation() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not in the cache yet
        cache.set(GENERATION_KEY, time.time_ns(), timeout=None)


def invalidate_pages(**kwargs) -> None:
    """Receiver of content_changed: drops every cached page now and, for writes in a transaction, once more on
    commit. The second bump covers a page rendered by another request between the write and its commit."""
    bump_generation()
    if kwargs.get("using") and transaction.get_connection(kwargs["using"]).in_atomic_block:
        transaction.on_commit(bump_generation, using=kwargs["using"])


def _page_key(request, generation: int) -> str:
    # The raw Host header: a host that ALLOWED_HOSTS rejects is never stored, so it can never hit either.
    # Hashed, so that any path (spaces, 250+ characters) makes a key every cache backend accepts.
    address = f"{request.scheme}://{request.META.get('HTTP_HOST', '')}{request.path}"
    address_hash = hashlib.sha256(address.encode()).hexdigest()[:32]
    return f"vdlm:page:{RELEASE}:{generation}:{local_today():%Y%m%d}:{address_hash}"


class PageCacheMiddleware:
    """Place first in MIDDLEWARE, so that a hit skips the rest of the stack."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.session_cookie = settings.SESSION_COOKIE_NAME

    def is_cacheable_request(self, request) -> bool:
        if request.method not in ("GET", "HEAD") or self.session_cookie in request.COOKIES:
            return False
        if request.META.get("QUERY_STRING"):
            return False
        # Plain-HTTP requests must still reach SecurityMiddleware's redirect.
        return not settings.SECURE_SSL_REDIRECT or request.is_secure()

    def __call__(self, request):
        if not self.is_cacheable_request(request):
            return self.get_response(request)
        key = _page_key(request, current_generation())
        # Each encoding is its own entry, so a hit reads (and unpickles) only the bytes it sends.
        gzip_ok = "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "")
        stored = cache.get(f"{key}|gzip") if gzip_ok else None
        if stored is None:
            stored = cache.get(f"{key}|identity")
        if stored is not None:
            status, headers, content = stored
            response = HttpResponse(
                b"" if request.method == "HEAD" else content, status=status, headers=headers
            )
            response.headers["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if (
            request.method == "GET"
            and getattr(response, CACHEABLE_ATTRIBUTE, False)
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
        ):
            self.store(key, response)
            response.headers["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def store(key: str, response: HttpResponse) -> None:
        patch_vary_headers(response, ["Accept-Encoding"])
        content = response.content
        headers = {name: value for name, value in response.headers.items() if name != "Content-Length"}
        entries = {
            f"{key}|identity": (
                response.status_code,
                {**headers, "Content-Length": str(len(content))},
                content,
            )
        }
        if len(content) > 500:
            # Compressed once per render, so hits spend no CPU on it (every browser accepts gzip).
            compressed = gzip.compress(content, 6, mtime=0)
            gzip_headers = {**headers, "Content-Encoding": "gzip", "Content-Length": str(len(compressed))}
            entries[f"{key}|gzip"] = (response.status_code, gzip_headers, compressed)
        cache.set_many(entries, PAGE_TIMEOUT)
