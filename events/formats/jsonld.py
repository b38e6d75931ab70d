"""schema.org Event data for an event page (JSON-LD), with what Google asks of an event, serialised so that no
`</script>` can close its block early.

Always a location (the venue with its address in parts, the online place, or a place to be announced in the
city), an image (the meetup's social card), a free offer at the place to sign up (with the seats, and "sold out"
once they are taken, when people register on this site), the organizer with its address, the end when known, and a
description cut at a whole word. Links name the site as configured (common.links).
"""

import json
import re
import textwrap

from django.conf import settings
from django.utils.safestring import mark_safe

from common.links import absolute_url, home_url
from common.markdown import plaintext
from events.formats.calendar import TO_BE_ANNOUNCED, sign_up_url
from events.formats.social_card import card_url
from events.models import Event, Venue

# Characters that could end a <script> block early, as Django's json_script escapes them.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}
# Every venue of the group is in Austria; the venue model has no country.
COUNTRY = "AT"
DESCRIPTION_LENGTH = 300
# "Lassallestraße 9, 1020 Wien": the street, then a postcode and the place.
ADDRESS = re.compile(r"^(?P<street>.+?),\s*(?P<postcode>\d{4,5})\s+(?P<locality>[^,]+)$")


def postal_address(venue: Venue | None) -> dict:
    """The venue's address in its parts; the site's city alone while the venue is unknown."""
    address = {"@type": "PostalAddress", "addressCountry": COUNTRY}
    if venue is None:
        return {**address, "addressLocality": settings.VDLM_CITY}
    match = ADDRESS.match(venue.address.strip())
    if match:
        address |= {"streetAddress": match["street"], "postalCode": match["postcode"]}
    elif venue.address.strip():
        address["streetAddress"] = venue.address.strip()
    locality = venue.city or (match["locality"] if match else settings.VDLM_CITY)
    return {**address, "addressLocality": locality}


def location(event: Event, page_url: str) -> dict:
    venue = event.venue
    if venue is not None and venue.is_online:
        return {"@type": "VirtualLocation", "name": venue.name, "url": event.meetup_url or page_url}
    name = venue.name if venue is not None else TO_BE_ANNOUNCED
    return {"@type": "Place", "name": name, "address": postal_address(venue)}


def event_summary(event: Event) -> str:
    """What the evening is about: the announcement as plain text, or else the talks' titles."""
    return plaintext(event.description) or "; ".join(talk.title for talk in event.talks)


def description(event: Event) -> str:
    """The summary cut after a whole word."""
    text = event_summary(event)
    if not text:
        return ""
    return textwrap.shorten(
        text, width=DESCRIPTION_LENGTH, placeholder=" …", break_long_words=False, break_on_hyphens=False
    )


def event_data(event: Event) -> dict:
    """Expects `selectors.with_program` prefetches."""
    page_url = absolute_url(event.get_absolute_url())
    online = event.venue is not None and event.venue.is_online
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "@id": f"{page_url}#event",
        "name": event.title,
        "url": page_url,
        "image": [card_url(event)],
        "startDate": event.starts_at.isoformat() if event.starts_at else event.date.isoformat(),
        "eventStatus": "https://schema.org/EventCancelled"
        if event.is_cancelled
        else "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OnlineEventAttendanceMode"
        if online
        else "https://schema.org/OfflineEventAttendanceMode",
        "location": location(event, page_url),
        "isAccessibleForFree": True,
        "offers": {
            "@type": "Offer",
            "price": 0,
            "priceCurrency": "EUR",
            "availability": "https://schema.org/InStock",
            "url": sign_up_url(event) or page_url,
            "validFrom": event.created_at.isoformat(),
        },
        "organizer": {"@type": "Organization", "name": settings.VDLM_SITE_NAME, "url": home_url()},
    }
    performers = [
        {"@type": "Person", "name": link.speaker.name}
        for talk in event.talks
        if not talk.is_cancelled
        for link in talk.talk_speakers.all()
    ]
    if performers:
        data["performer"] = performers
    if counts := event.registration_counts:  # registration on this site: its seats, and whether one is left
        data["maximumAttendeeCapacity"] = counts.capacity
        data["remainingAttendeeCapacity"] = counts.seats_left
        if counts.is_full or not event.registration_is_open:
            data["offers"]["availability"] = "https://schema.org/SoldOut"
    if event.ends_at:
        data["endDate"] = event.ends_at.isoformat()
    if text := description(event):
        data["description"] = text
    return data


def event_json_ld(event: Event) -> str:
    serialised = json.dumps(event_data(event), ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
    return mark_safe(serialised)  # noqa: S308 - <, > and & are escaped as \u003C etc.
