"""The public page cache: hits are answered first in the middleware stack, misses are stored on the way out.

Why not `cache_page`: a per-view cache still runs every middleware and the URL resolver for each hit, which halves
the throughput. Here a hit costs one cache read (one round trip on Redis) and no database query.

What is cached: 200 responses of views wrapped in `cached_page`, for anonymous GET requests without a session
cookie, keyed by a hash of scheme, host and path. Tracking parameters (utm_*, fbclid, gclid, mc_cid, ref) are left
out of the key, so a campaign link is served from the cache; any other query string goes to the view, uncached.
Each page is stored as plain bytes (generation, status, headers, body), plain and gzipped, and served gzipped to
clients that accept it. Staff (who may see drafts) always carry a session cookie and so never read or fill the
cache; the admin is never wrapped.

Invalidation is exact and global: every write to a content model (common.content.content_changed: saves, deletes,
many-to-many changes and the bulk writes of ContentQuerySet) bumps the generation, and a stored page is served only
while its generation is the current one. The generation has two parts: the machine's (vdlm/generation.py, a file
all processes of the machine map) and, when the cache is shared between machines (CACHE_URL: Redis, Memcached),
the cache's own, read in the same round trip as the page (or alone, when this process already holds a copy of
the page). So the default set-up (each worker's pages in its own memory) and a shared cache are both exact with any
number of workers. Why global rather than per page: the pages that cost most to render again (archive, API,
calendars) list every meetup and change with nearly every write anyway; see bench/results/2026-11-30-python-svc.md.

The day is part of the key, because "upcoming" and job expiry depend on it, and so is the release (a fingerprint
of the code, templates and static files), so a deploy never serves pages rendered by the previous version. A page
that changes by itself within the day (registration closes at 18:00) says when (common.cacheable.expire_page_at),
and is served until then only.

A cache that fails (Redis down) is skipped for RETRY_SECONDS with a warning in the log: pages render uncached and
the admin works. Writes in the meantime still bump the machine's generation, and the first process to reach the
cache again bumps the shared one too, so no page from before the outage's writes is served after it.
"""

import contextlib
import gzip
import hashlib
import json
import logging
import time
from pathlib import Path
from urllib.parse import parse_qsl

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.dummy import DummyCache
from django.core.cache.backends.locmem import LocMemCache
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers

from common.cacheable import CACHEABLE_ATTRIBUTE, EXPIRES_ATTRIBUTE
from events.models import local_today
from vdlm.generation import machine_generation

logger = logging.getLogger(__name__)

GENERATION_KEY = "vdlm:page-generation"
PAGE_TIMEOUT = 60 * 60 * 24
# After a cache failure, the cache is left alone this long (so a dead Redis costs one failed call per process,
# not one per request).
RETRY_SECONDS = 5
# Paths whose response was not a cacheable page (downloads, the admin, 404s) skip the cache this long.
UNCACHEABLE_SECONDS = 60
# Memory per process for copies of pages read from a shared cache.
LOCAL_COPIES_BYTES = 64 * 1024 * 1024
TRACKING_PREFIXES = ("utm_",)
TRACKING_PARAMETERS = frozenset({"fbclid", "gclid", "mc_cid", "ref"})


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


class CacheUnavailable(Exception):
    """The page cache cannot be used right now; the request is served uncached."""


class _Health:
    """This process's view of the cache: down until a time, and whether a generation bump is owed to it."""

    down_until = 0.0
    bump_owed = False


def cache_is_shared() -> bool:
    """True when other machines may read the same cache (then the generation lives there too)."""
    return not isinstance(caches["default"], (LocMemCache, DummyCache))


def _guarded(call, *args):
    """Runs a cache call; a failure marks the cache down for RETRY_SECONDS and raises CacheUnavailable."""
    if _Health.down_until and time.monotonic() < _Health.down_until:
        raise CacheUnavailable
    try:
        result = call(*args)
    except Exception as error:  # noqa: BLE001 - whatever the backend raises, the site must stay up
        _Health.down_until = time.monotonic() + RETRY_SECONDS
        # Writes may happen while the cache is away: once back, its pages from before are dropped.
        _Health.bump_owed = True
        logger.warning("Page cache unavailable, serving pages uncached for %ss: %r", RETRY_SECONDS, error)
        raise CacheUnavailable from error
    _Health.down_until = 0.0
    return result


def _machine_generation() -> int:
    # Guarded like the cache: an unwritable generation file turns the page cache off, with a warning.
    return _guarded(lambda: machine_generation().value())


def _settle_owed_bump() -> None:
    if _Health.bump_owed:
        _guarded(_bump_shared)
        _Health.bump_owed = False


def _bump_shared() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not in the cache yet
        cache.set(GENERATION_KEY, time.time_ns(), timeout=None)


def _shared_generation(stored) -> int:
    if stored is None:
        # A fresh cache (or an evicted counter): start from the clock so no stale page can match again.
        _guarded(cache.add, GENERATION_KEY, time.time_ns(), None)
        stored = _guarded(cache.get, GENERATION_KEY)
    return int(stored)


class _LocalCopies:
    """This process's copies of pages read from a shared cache, so that a hit on Redis reads only the generation
    (a few bytes) however large the page; each copy is served only while its generation is the current one."""

    pages: dict[str, bytes] = {}
    size = 0

    @classmethod
    def keep(cls, key: str, stored: bytes) -> None:
        if cls.size + len(stored) > LOCAL_COPIES_BYTES:
            cls.pages.clear()
            cls.size = 0
        cls.size += len(stored) - len(cls.pages.get(key, b""))
        cls.pages[key] = stored


def lookup(key: str) -> tuple[bytes, bytes | None]:
    """(the current generation, the stored page under `key` or None) in one cache round trip, or
    CacheUnavailable."""
    machine = _machine_generation()
    if not cache_is_shared():
        return b"%d" % machine, _guarded(cache.get, key)
    _settle_owed_bump()
    copy = _LocalCopies.pages.get(key)
    if copy is None:
        found = _guarded(cache.get_many, [GENERATION_KEY, key])
        generation = b"%d.%d" % (machine, _shared_generation(found.get(GENERATION_KEY)))
        stored = found.get(key)
    else:
        generation = b"%d.%d" % (machine, _shared_generation(_guarded(cache.get, GENERATION_KEY)))
        # An out-of-date copy (after a write): another process may have stored the new page already.
        stored = copy if copy.startswith(generation + b" ") else _guarded(cache.get, key)
    if stored is not None and stored is not copy:
        _LocalCopies.keep(key, stored)
    return generation, stored


def bump_generation() -> None:
    """Every stored page is out of date from now on, in every process (on every machine sharing the cache)."""
    try:
        machine_generation().increment()
    except OSError as error:
        logger.error("Page generation file unusable, pages served uncached: %r", error)
    if cache_is_shared():
        try:
            _guarded(_bump_shared)
        except CacheUnavailable:
            _Health.bump_owed = True


def invalidate_pages(**kwargs) -> None:
    """Receiver of content_changed: drops every cached page now and, for writes in a transaction, once more on
    commit. The second bump covers a page rendered by another request between the write and its commit."""
    bump_generation()
    if kwargs.get("using") and transaction.get_connection(kwargs["using"]).in_atomic_block:
        transaction.on_commit(bump_generation, using=kwargs["using"])


def is_tracking(name: str) -> bool:
    return name in TRACKING_PARAMETERS or name.startswith(TRACKING_PREFIXES)


def page_key(request, variant: str) -> str | None:
    """The cache key of this request's page in `variant` ("gzip" or "identity"); None when the query string holds
    more than tracking parameters (then the view must see it)."""
    query = request.META.get("QUERY_STRING")
    if query and not all(is_tracking(name) for name, _ in parse_qsl(query, keep_blank_values=True)):
        return None
    # The raw Host header: a host that ALLOWED_HOSTS rejects is never stored, so it can never hit either.
    # Hashed, so that any path (spaces, 250+ characters) makes a key every cache backend accepts.
    address = f"{request.scheme}://{request.META.get('HTTP_HOST', '')}{request.path}"
    address_hash = hashlib.sha256(address.encode()).hexdigest()[:32]
    return f"vdlm:page:{RELEASE}:{local_today():%Y%m%d}:{address_hash}:{variant}"


def pack(generation: bytes, status: int, headers: dict, content: bytes, expires: int = 0) -> bytes:
    """A stored page: its generation, status, expiry (a Unix time; 0 for none) and headers on the first line, then
    the body."""
    return b"%s %d %d %s\n%s" % (generation, status, expires, json.dumps(headers).encode(), content)


def unpack(stored: bytes) -> tuple[bytes, int, int, dict, bytes]:
    head, content = stored.split(b"\n", 1)
    generation, status, expires, headers = head.split(b" ", 3)
    return generation, int(status), int(expires), json.loads(headers), content


class PageCacheMiddleware:
    """Place first in MIDDLEWARE, so that a hit skips the rest of the stack."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.session_cookie = settings.SESSION_COOKIE_NAME
        # key -> (machine generation, until when): this process's paths that answered with something other than
        # a cacheable page (downloads, the admin, 404s) go straight to the view, without a cache read.
        self.uncacheable: dict[str, tuple[int, float]] = {}

    def is_cacheable_request(self, request) -> bool:
        if request.method not in ("GET", "HEAD") or self.session_cookie in request.COOKIES:
            return False
        # Plain-HTTP requests must still reach SecurityMiddleware's redirect.
        return not settings.SECURE_SSL_REDIRECT or request.is_secure()

    def __call__(self, request):
        if not self.is_cacheable_request(request):
            return self.get_response(request)
        # Each encoding is its own entry, so a hit reads only the bytes it sends (every browser accepts gzip).
        gzip_ok = "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "")
        key = page_key(request, "gzip" if gzip_ok else "identity")
        if key is None or self.known_uncacheable(key):
            return self.get_response(request)
        try:
            generation, stored = lookup(key)
        except CacheUnavailable:
            return self.get_response(request)
        if stored is not None:
            stored_generation, status, expires, headers, content = unpack(stored)
            if stored_generation == generation and (not expires or time.time() < expires):
                response = HttpResponse(
                    b"" if request.method == "HEAD" else content, status=status, headers=headers
                )
                response.headers["X-Page-Cache"] = "hit"
                return response
        response = self.get_response(request)
        if request.method != "GET":
            return response
        if (
            getattr(response, CACHEABLE_ATTRIBUTE, False)
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
        ):
            self.store(key, generation, response)
            response.headers["X-Page-Cache"] = "miss"
        else:
            if len(self.uncacheable) > 10_000:
                self.uncacheable.clear()
            self.uncacheable[key] = (int(generation.split(b".")[0]), time.monotonic() + UNCACHEABLE_SECONDS)
        return response

    def known_uncacheable(self, key: str) -> bool:
        """Whether `key` answered uncacheably here since the last write on this machine, within a minute (an
        unpublished meetup's 404 may become a page; a write elsewhere reaches this list within the minute)."""
        entry = self.uncacheable.get(key)
        if entry is None:
            return False
        try:
            return entry[0] == _machine_generation() and entry[1] > time.monotonic()
        except CacheUnavailable:
            return True

    @staticmethod
    def store(key: str, generation: bytes, response: HttpResponse) -> None:
        expires = int(getattr(response, EXPIRES_ATTRIBUTE, 0))
        timeout = PAGE_TIMEOUT if not expires else min(PAGE_TIMEOUT, expires - int(time.time()))
        if timeout <= 0:
            return
        patch_vary_headers(response, ["Accept-Encoding"])
        content = response.content
        headers = {name: value for name, value in response.headers.items() if name != "Content-Length"}
        identity = pack(
            generation,
            response.status_code,
            {**headers, "Content-Length": str(len(content))},
            content,
            expires,
        )
        base = key.rsplit(":", 1)[0]
        entries = {f"{base}:identity": identity, f"{base}:gzip": identity}
        if len(content) > 500:
            # Compressed once per render, so hits spend no CPU on it.
            compressed = gzip.compress(content, 6, mtime=0)
            gzip_headers = {**headers, "Content-Encoding": "gzip", "Content-Length": str(len(compressed))}
            entries[f"{base}:gzip"] = pack(
                generation, response.status_code, gzip_headers, compressed, expires
            )
        with contextlib.suppress(CacheUnavailable):
            _guarded(cache.set_many, entries, timeout)
            if cache_is_shared():
                for entry_key, stored in entries.items():
                    _LocalCopies.keep(entry_key, stored)
