"""Marking views whose responses are public pages that every visitor may share (the page cache, vdlm.cache,
stores only those), and views whose pages are private to the holder of a link."""

import functools

from django.views.decorators.cache import never_cache

# Set on responses by `cached_page`; only those are stored.
CACHEABLE_ATTRIBUTE = "vdlm_cacheable"


def cached_page(view):
    """Marks a view's responses as shareable public pages."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        setattr(response, CACHEABLE_ATTRIBUTE, True)
        return response

    return wrapper


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
