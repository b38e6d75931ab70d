"""Marking views whose responses are public pages that every visitor may share (the page cache, vdlm.cache,
stores only those)."""

import functools

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
