"""schema.org Event data for an event page (JSON-LD), serialised so that no `</script>` can close its block early."""

import json

from django.conf import settings
from django.utils.safestring import mark_safe

from common.markdown import plaintext
from events.models import Event

# Characters that could end a <script> block early, as Django's json_script escapes them.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def event_json_ld(event: Event, request) -> str:
    """Expects `selectors.with_program` prefetches."""
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "url": request.build_absolute_uri(event.get_absolute_url()),
        "startDate": event.starts_at.isoformat() if event.starts_at else event.date.isoformat(),
        "eventStatus": "https://schema.org/EventCancelled"
        if event.is_cancelled
        else "https://schema.org/EventScheduled",
        "organizer": {"@type": "Organization", "name": settings.VDLM_SITE_NAME},
        "performer": [
            {"@type": "Person", "name": link.speaker.name}
            for talk in event.talks
            if not talk.is_cancelled
            for link in talk.talk_speakers.all()
        ],
    }
    if event.ends_at:
        data["endDate"] = event.ends_at.isoformat()
    if event.description:
        data["description"] = plaintext(event.description)[:300]
    if venue := event.venue:
        if venue.is_online:
            data["eventAttendanceMode"] = "https://schema.org/OnlineEventAttendanceMode"
            data["location"] = {"@type": "VirtualLocation", "url": event.meetup_url or data["url"]}
        else:
            data["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode"
            data["location"] = {
                "@type": "Place",
                "name": venue.name,
                "address": {
                    "@type": "PostalAddress",
                    "streetAddress": venue.full_address,
                    "addressCountry": "AT",
                },
            }
    serialised = json.dumps(data, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
    return mark_safe(serialised)  # noqa: S308 - <, > and & are escaped as \u003C etc.
