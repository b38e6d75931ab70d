"""Marking views whose responses are public pages that every visitor may share (the page cache, vdlm.cache,
stores only those), and views whose pages are private to the holder of a link."""

import functools

from django.views.decorators.cache import never_cache

# Set on responses by `cached_page`; only those are stored.
CACHEABLE_ATTRIBUTE = "vdlm_cacheable"
# Set by `expire_page_at`: when the page changes by itself, without an edit.
EXPIRES_ATTRIBUTE = "vdlm_expires_at"


def cached_page(view):
    """Marks a view's responses as shareable public pages."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        setattr(response, CACHEABLE_ATTRIBUTE, True)
        return response

    return wrapper


def expire_page_at(response, *moments) -> None:
    """The page changes by itself at the earliest of `moments` (None: never), such as when registration closes:
    the page cache serves it until then only. (The day's change is the cache's own: the day is in its keys.)"""
    ahead = [moment.timestamp() for moment in moments if moment is not None]
    if earlier := getattr(response, EXPIRES_ATTRIBUTE, None):
        ahead.append(earlier)
    if ahead:
        setattr(response, EXPIRES_ATTRIBUTE, min(ahead))


def private_page(view):
    """A page reached only through a personal link (a registration, a speaker's link): never stored by any cache,
    never indexed."""

    @functools.wraps(view)
    @never_cache
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.headers["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return wrapper
