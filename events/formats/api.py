"""The meetups for other programs (/api/…): one meetup, or a page of meetups with links to the rest.

Described by a JSON Schema (events.formats.api_schema, served at /api/schema.json) that every response names in
its "schema" field and its Link header. Links are absolute, on the site's configured address; times are ISO 8601
with their UTC offset ("2024-06-12T18:30:00+02:00"), so a program elsewhere needs no time-zone table.

Not the export of `manage.py export_meetups --format json` (events.formats.json): that keeps its own full-archive
schema, which the importer also checksums to tell organizers' edits (archive.services).
"""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.urls import reverse

from common.links import absolute_url
from events.models import AgendaSlot, Event

# Meetups per page: about two years of the group's history; the default response is the first page.
PAGE_SIZE = 20


def schema_url() -> str:
    return absolute_url(reverse("events:api_schema"))


def _at(event: Event, time: datetime.time | None) -> str | None:
    """A local time of the evening as an instant with its offset, "2024-06-12T18:30:00+02:00"."""
    if time is None:
        return None
    return datetime.datetime.combine(event.date, time, tzinfo=ZoneInfo(settings.TIME_ZONE)).isoformat()


def _venue(event: Event) -> dict | None:
    venue = event.venue
    if venue is None:
        return None
    return {
        "name": venue.name,
        "address": venue.address or None,
        "city": venue.city or None,
        "online": venue.is_online,
        "latitude": float(venue.latitude) if venue.latitude is not None else None,
        "longitude": float(venue.longitude) if venue.longitude is not None else None,
        "url": absolute_url(venue.get_absolute_url()),
    }


def _slot(event: Event, slot: AgendaSlot) -> dict:
    return {
        "title": slot.display_title,
        "kind": slot.kind,
        "starts_at": _at(event, slot.start_time),
        "ends_at": _at(event, slot.end_time),
    }


def _talk(talk) -> dict:
    return {
        "title": talk.title,
        "url": absolute_url(talk.get_absolute_url()),
        "kind": talk.kind,
        "cancelled": talk.is_cancelled,
        "speakers": [
            {
                "name": link.speaker.name,
                "affiliation": link.affiliation or None,
                "url": absolute_url(link.speaker.get_absolute_url()),
            }
            for link in talk.talk_speakers.all()
        ],
        "abstract": talk.abstract or None,
        # The site's counted download for a file or a link alike.
        "slides_url": absolute_url(talk.get_slides_url()) if talk.has_slides else None,
        "video_url": talk.video_url or None,
    }


def event_resource(event: Event) -> dict:
    """One meetup; expects `selectors.with_program` prefetches (no further queries)."""
    return {
        "number": event.number,
        "slug": event.slug,
        "title": event.title,
        "kind": event.kind,
        "status": event.status,
        "date": event.date.isoformat(),
        "starts_at": _at(event, event.start_time),
        "ends_at": _at(event, event.end_time),
        "time_zone": settings.TIME_ZONE,
        "description": event.description or None,
        "url": absolute_url(event.get_absolute_url()),
        "api_url": absolute_url(reverse("events:api_event", kwargs={"slug": event.slug})),
        "calendar_url": absolute_url(reverse("events:event_ics", kwargs={"slug": event.slug})),
        "meetup_url": event.meetup_url or None,
        "venue": _venue(event),
        "agenda": [_slot(event, slot) for slot in event.program],
        "talks": [_talk(talk) for talk in event.talks],
        "sponsors": [{"name": link.sponsor.name, "role": link.role} for link in event.sponsorships.all()],
        "video_url": event.video_url or None,
        "photos_url": event.photos_url or None,
        "updated_at": event.updated_at.isoformat(),
    }


def page_url(page: int) -> str:
    """The first page is /api/events.json; the others /api/events/page/<n>.json."""
    if page == 1:
        return absolute_url(reverse("events:api_events"))
    return absolute_url(reverse("events:api_events_page", kwargs={"page": page}))


def page_links(page: int, pages: int) -> dict:
    return {
        "self": page_url(page),
        "first": page_url(1),
        "last": page_url(pages),
        "prev": page_url(page - 1) if page > 1 else None,
        "next": page_url(page + 1) if page < pages else None,
        "calendar": absolute_url(reverse("events:calendar")),
    }


def events_page(events: list[Event], *, page: int, pages: int, count: int) -> dict:
    """A page of meetups, newest first (expects `with_program` prefetches)."""
    return {
        "schema": schema_url(),
        "count": count,
        "page": page,
        "pages": pages,
        "links": page_links(page, pages),
        "events": [event_resource(event) for event in events],
    }


def event_document(event: Event) -> dict:
    """One meetup on its own, as /api/meetups/<slug>.json answers."""
    return {"schema": schema_url(), "event": event_resource(event)}
