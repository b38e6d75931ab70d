"""The meetups for other programs (/api/…): one meetup, or a page of meetups with links to the rest.

Described by a JSON Schema (events.formats.api_schema, served at /api/schema.json) that every response names in
its "schema" field and its Link header. Links are absolute, on the site's configured address; times are ISO 8601
with their UTC offset ("2024-06-12T18:30:00+02:00"), so a program elsewhere needs no time-zone table.

Built from plain rows (events.formats.api_rows, three statements for any page) and URL patterns reversed once per
process: model instances, prefetch machinery and a `reverse()` per link cost several times more than the JSON
itself, and a page is rendered afresh after every organizer's write.

Not the export of `manage.py export_meetups --format json` (events.formats.json): that keeps its own full-archive
schema, which the importer also checksums to tell organizers' edits (archive.services).
"""

import datetime
import functools
from zoneinfo import ZoneInfo

from django.conf import settings

from common.links import absolute_url, path_pattern
from events.formats.calendar import calendar_url

# Meetups per page, about a year of the group's: the default response is the first page.
PAGE_SIZE = 12


def url_pattern(name: str, *params: str) -> str:
    """An absolute URL reversed once, as a pattern to fill: url_pattern("events:event_detail", "slug") ->
    "https://vdlm.at/meetups/{slug}/"."""
    return absolute_url(path_pattern(name, **{param: f"zz{param.replace('_', '')}zz" for param in params}))


class Links:
    """The API's URL patterns (see `links()`)."""

    def __init__(self):
        self.event = url_pattern("events:event_detail", "slug")
        self.event_api = url_pattern("events:api_event", "slug")
        self.event_ics = url_pattern("events:event_ics", "slug")
        self.venue = url_pattern("events:venue_detail", "slug")
        self.talk = url_pattern("talks:talk_detail", "event_slug", "slug")
        self.slides = url_pattern("talks:talk_slides", "event_slug", "slug")
        self.speaker = url_pattern("talks:speaker_detail", "slug")
        self.schema = url_pattern("events:api_schema")
        self.calendar = calendar_url()
        self.first_page = url_pattern("events:api_events")
        # The page converter takes digits only, so the sample is a number no page reaches.
        self.page = absolute_url(path_pattern("events:api_events_page", page=987654321))


@functools.lru_cache(maxsize=8)
def _links(site_url: str, urlconf: str) -> Links:
    return Links()


def links() -> Links:
    """Reversed once per process (and site address)."""
    return _links(settings.VDLM_SITE_URL, settings.ROOT_URLCONF)


def schema_url() -> str:
    return links().schema


def _at(date: datetime.date, time: datetime.time | None, zone: ZoneInfo) -> str | None:
    """A local time of the evening as an instant with its offset, "2024-06-12T18:30:00+02:00"."""
    if time is None:
        return None
    return datetime.datetime.combine(date, time, tzinfo=zone).isoformat()


def _venue(row: dict, links: Links) -> dict | None:
    if row["venue_id"] is None:
        return None
    latitude, longitude = row["venue__latitude"], row["venue__longitude"]
    return {
        "name": row["venue__name"],
        "address": row["venue__address"] or None,
        "city": row["venue__city"] or None,
        "online": row["venue__is_online"],
        "latitude": float(latitude) if latitude is not None else None,
        "longitude": float(longitude) if longitude is not None else None,
        "url": links.venue.format(slug=row["venue__slug"]),
    }


def _talk(slot: dict, event_slug: str, links: Links) -> dict:
    slugs = {"event_slug": event_slug, "slug": slot["talk__slug"]}
    has_slides = bool(slot["talk__slides"] or slot["talk__slides_url"])
    return {
        "title": slot["talk__title"],
        "url": links.talk.format(**slugs),
        "kind": slot["talk__kind"],
        "cancelled": slot["talk__is_cancelled"],
        "speakers": [
            {
                "name": speaker["name"],
                "affiliation": speaker["affiliation"] or None,
                "url": links.speaker.format(slug=speaker["slug"]),
            }
            for speaker in slot["speakers"]
        ],
        "abstract": slot["talk__abstract"] or None,
        # The site's counted download, for a file or a link alike.
        "slides_url": links.slides.format(**slugs) if has_slides else None,
        "video_url": slot["talk__video_url"] or None,
    }


def event_resource(row: dict, links: Links, zone: ZoneInfo) -> dict:
    """One meetup, from a row of `api_rows.public_events`."""
    date, slug = row["date"], row["slug"]
    return {
        "number": row["number"],
        "slug": slug,
        "title": row["title"],
        "kind": row["kind"],
        "status": row["status"],
        "date": date.isoformat(),
        "starts_at": _at(date, row["start_time"], zone),
        "ends_at": _at(date, row["end_time"], zone),
        "time_zone": zone.key,
        "description": row["description"] or None,
        "url": links.event.format(slug=slug),
        "api_url": links.event_api.format(slug=slug),
        "calendar_url": links.event_ics.format(slug=slug),
        "meetup_url": row["meetup_url"] or None,
        "venue": _venue(row, links),
        "agenda": [
            {
                "title": slot["talk__title"] if slot["talk_id"] else slot["title"],
                "kind": slot["kind"],
                "cancelled": bool(slot["is_cancelled"] or slot["talk__is_cancelled"]),
                "starts_at": _at(date, slot["start_time"], zone),
                "ends_at": _at(date, slot["end_time"], zone),
            }
            for slot in row["slots"]
        ],
        "talks": [_talk(slot, slug, links) for slot in row["slots"] if slot["talk_id"]],
        "sponsors": row["sponsors"],
        "video_url": row["video_url"] or None,
        "photos_url": row["photos_url"] or None,
        "updated_at": row["updated_at"].isoformat(),
    }


def event_resources(rows: list[dict]) -> list[dict]:
    patterns, zone = links(), ZoneInfo(settings.TIME_ZONE)
    return [event_resource(row, patterns, zone) for row in rows]


def page_url(page: int) -> str:
    """The first page is /api/events.json; the others /api/events/page/<n>.json."""
    patterns = links()
    return patterns.first_page if page == 1 else patterns.page.format(page=page)


def page_links(page: int, *, has_next: bool) -> dict:
    return {
        "self": page_url(page),
        "first": page_url(1),
        "prev": page_url(page - 1) if page > 1 else None,
        "next": page_url(page + 1) if has_next else None,
        "calendar": links().calendar,
    }


def events_page(rows: list[dict], *, page: int, has_next: bool) -> dict:
    """A page of meetups, newest first, from rows of `api_rows.public_events`. No total: counting every meetup
    would cost a page a fifth of its time, and `links.next` is all a client needs to read on."""
    return {
        "schema": schema_url(),
        "page": page,
        "links": page_links(page, has_next=has_next),
        "events": event_resources(rows),
    }


def event_document(row: dict) -> dict:
    """One meetup on its own, as /api/meetups/<slug>.json answers."""
    return {"schema": schema_url(), "event": event_resources([row])[0]}
