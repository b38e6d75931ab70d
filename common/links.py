"""Absolute links built from the site's configured address (VDLM_SITE_URL), never from the request's Host header.

A page may be reached under another name (an IP address, a proxy's internal host, a spoofed Host header); what we
write for other programs (canonical links, feeds, calendars, JSON-LD, the sitemap, the API) names the site as
configured, so that every copy of a link is the same and none can be steered by a request.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse


def site_url() -> str:
    """ "https://vdlm.at", without a trailing slash."""
    return settings.VDLM_SITE_URL.rstrip("/")


def home_url() -> str:
    """ "https://vdlm.at/": the site's home page."""
    return f"{site_url()}/"


def site_host() -> str:
    """ "vdlm.at": the domain that names the site's identifiers (calendar UIDs, Atom ids)."""
    return urlsplit(settings.VDLM_SITE_URL).hostname or "localhost"


def absolute_url(url: str) -> str:
    """A path ("/meetups/x/") on the configured site; full URLs ("https://…") and empty values stay as they are."""
    if not url or url.startswith(("http://", "https://")):
        return url
    return f"{site_url()}/{url.lstrip('/')}"


def path_pattern(name: str, **samples: str | int) -> str:
    """A path reversed once, as a pattern to fill for every row of a list: path_pattern("events:event_detail",
    slug="zzslugzz") -> "/meetups/{slug}/". Each sample must suit its URL converter and occur in no other part."""
    path = reverse(name, kwargs=samples).replace("{", "{{").replace("}", "}}")
    for param, sample in samples.items():
        path = path.replace(str(sample), "{" + param + "}")
    return path
