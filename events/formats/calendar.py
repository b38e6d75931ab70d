"""iCalendar (RFC 5545) for one meetup or all of them, with the Europe/Vienna time zone and stable UIDs."""

import datetime
from collections.abc import Iterable
from urllib.parse import urlsplit

from django.conf import settings
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from events.models import Event

# When the end is unknown, a meetup evening lasts about this long.
DEFAULT_DURATION = datetime.timedelta(hours=3)


def event_uid(event: Event) -> str:
    """Stable across edits (slug and date may change; the primary key does not), in the site's domain."""
    return f"event-{event.pk}@{urlsplit(settings.VDLM_SITE_URL).hostname}"


def _description(event: Event) -> str:
    lines = []
    for talk in event.talks:
        speakers = ", ".join(link.speaker.name for link in talk.talk_speakers.all())
        cancelled = " (cancelled)" if talk.is_cancelled else ""
        lines.append(f"• {talk.title}{f' — {speakers}' if speakers else ''}{cancelled}")
    if event.meetup_url:
        lines.append(f"Sign up: {event.meetup_url}")
    return "\n".join(lines)


def events_calendar(events: Iterable[Event], request) -> Calendar:
    """Expects `selectors.with_program` prefetches. Events without a start time become all-day events."""
    calendar = Calendar()
    calendar.add("prodid", f"-//{settings.VDLM_SITE_NAME}//vdlm//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", settings.VDLM_SITE_NAME)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for event in events:
        entry = CalendarEvent()
        entry.add("uid", event_uid(event))
        entry.add("dtstamp", event.updated_at)
        entry.add("summary", event.title)
        if event.starts_at:
            entry.add("dtstart", event.starts_at)
            entry.add("dtend", event.ends_at or event.starts_at + DEFAULT_DURATION)
        else:
            entry.add("dtstart", event.date)
            entry.add("dtend", event.date + datetime.timedelta(days=1))
        entry.add("url", request.build_absolute_uri(event.get_absolute_url()))
        if event.venue:
            entry.add("location", ", ".join(filter(None, [event.venue.name, event.venue.full_address])))
        if description := _description(event):
            entry.add("description", description)
        entry.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
        calendar.add_component(entry)
    calendar.add_missing_timezones()
    return calendar
