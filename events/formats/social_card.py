"""The picture a shared link to a meetup shows (Open Graph and Twitter cards): its title, date and place.

Drawn once per version of that text (Pillow, common.artwork) and kept in the cache; the version is in the image's
address, so social networks fetch it again only when the text changed.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.urls import reverse

from common.artwork import draw_card
from common.links import absolute_url, site_host
from common.text import long_date
from events.formats.calendar import event_location
from events.models import Event

# Bump when the drawing changes, so every card is drawn again.
DESIGN = "1"
CARD_TIMEOUT = 60 * 60 * 24 * 30


def event_when(event: Event) -> str:
    """ "Wednesday, 12 June 2024, 18:30" """
    when = long_date(event.date)
    return f"{when}, {event.start_time:%H:%M}" if event.start_time else when


def card_text(event: Event) -> dict:
    return {
        "site_name": settings.VDLM_SITE_NAME,
        "title": event.title,
        "lines": [event_when(event), event_location(event)],
        "notice": "Cancelled" if event.is_cancelled else "",
        "footer": site_host(),
    }


def card_version(event: Event) -> str:
    """Changes with the card's text, and only then (expects the venue loaded)."""
    text = card_text(event)
    parts = [DESIGN, text["site_name"], text["title"], *text["lines"], text["notice"], text["footer"]]
    return hashlib.blake2b("\n".join(parts).encode(), digest_size=6).hexdigest()


def card_url(event: Event) -> str:
    """The card's absolute address, with its version (expects the venue loaded)."""
    path = reverse("events:event_card", kwargs={"slug": event.slug})
    return f"{absolute_url(path)}?v={card_version(event)}"


def card_alt(event: Event) -> str:
    return f"{event.title}: {event_when(event)}, {event_location(event)}"


def event_card_png(event: Event) -> tuple[bytes, str]:
    """The card's PNG and version: from the cache, or drawn (about 50 ms) and kept."""
    version = card_version(event)
    key = f"vdlm:card:{event.pk}:{version}"
    png = cache.get(key)
    if png is None:
        png = draw_card(**card_text(event))
        cache.set(key, png, CARD_TIMEOUT)
    return png, version
