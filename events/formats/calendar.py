"""iCalendar (RFC 5545) for one meetup or all of them, as every calendar client reads them the same.

- Times carry TZID=Europe/Vienna with a VTIMEZONE of yearly rules (events.formats.timezone), built once per process.
- The subscription says how often to look again (REFRESH-INTERVAL of RFC 7986, X-PUBLISHED-TTL for Outlook and
  Google) and that it publishes (METHOD:PUBLISH).
- Each event has a stable UID, LAST-MODIFIED and a SEQUENCE that grows with every change of the event, so a
  client that imported it before replaces its copy; a location always (the venue, "Online", or "To be announced");
  GEO when the venue's coordinates are known; and the page's link in URL and in the description, which is all that
  some clients show.
- Links name the site as configured (common.links), never the requesting host.
"""

import datetime
from collections.abc import Iterable

from django.conf import settings
from django.urls import reverse
from icalendar import Calendar, vDuration
from icalendar import Event as CalendarEvent

from common.links import absolute_url, home_url, site_host
from events.formats.timezone import vtimezone
from events.models import Event

# When the end is unknown, a meetup evening lasts about this long.
DEFAULT_DURATION = datetime.timedelta(hours=3)
# How often subscribed clients should fetch the calendar again.
REFRESH_INTERVAL = datetime.timedelta(hours=12)
TO_BE_ANNOUNCED = "To be announced"


def calendar_url() -> str:
    """The address of the calendar of every meetup, to subscribe to."""
    return absolute_url(reverse("events:calendar"))


def sign_up_url(event: Event) -> str:
    """Where people sign up: the registration form here while it is open, when the meetup takes registrations on
    this site; else its meetup.com page. Empty when there is nowhere to sign up."""
    if not event.takes_registrations:
        return event.meetup_url
    if not event.registration_is_open:
        return ""
    return absolute_url(reverse("events:register", args=[event.slug]))


def event_uid(event: Event) -> str:
    """Stable across edits (slug and date may change; the primary key does not), in the site's domain."""
    return f"event-{event.pk}@{site_host()}"


def event_sequence(event: Event) -> int:
    """The revision of the event for calendar clients (RFC 5545 SEQUENCE): the seconds from its creation to its
    last save. Every save of the event (an edit in the admin, publishing, cancelling) moves `updated_at` and so
    makes it grow, without a counter to keep; the talks on its program are its description, which RFC 5546 does
    not count as a revision."""
    return max(0, int((event.updated_at - event.created_at).total_seconds()))


def event_location(event: Event) -> str:
    """Where, in one line: the venue and its address, "Online", or "To be announced"."""
    venue = event.venue
    if venue is None:
        return TO_BE_ANNOUNCED
    if venue.is_online:
        return venue.name if "online" in venue.name.lower() else f"Online ({venue.name})"
    return ", ".join(filter(None, [venue.name, venue.full_address]))


def event_end(event: Event) -> datetime.datetime | None:
    """The known end, or the usual length of an evening after a known start."""
    if event.starts_at is None:
        return None
    return event.ends_at or event.starts_at + DEFAULT_DURATION


def calendar_description(event: Event) -> str:
    """The program in a few lines, the sign-up link and the page's link (expects `with_program` prefetches)."""
    lines = []
    for talk in event.talks:
        speakers = ", ".join(link.speaker.name for link in talk.talk_speakers.all())
        cancelled = " (cancelled)" if talk.is_cancelled else ""
        lines.append(f"• {talk.title}{f' — {speakers}' if speakers else ''}{cancelled}")
    if sign_up := sign_up_url(event):
        lines.append(f"Sign up: {sign_up}")
    lines.append(f"Details: {absolute_url(event.get_absolute_url())}")
    return "\n".join(lines)


def calendar_entry(event: Event) -> CalendarEvent:
    entry = CalendarEvent()
    entry.add("uid", event_uid(event))
    entry.add("dtstamp", event.updated_at)
    entry.add("created", event.created_at)
    entry.add("last-modified", event.updated_at)
    entry.add("sequence", event_sequence(event))
    entry.add("summary", event.title)
    if event.starts_at:
        entry.add("dtstart", event.starts_at)
        entry.add("dtend", event_end(event))
    else:
        # Without a start time, an all-day event on the date.
        entry.add("dtstart", event.date)
        entry.add("dtend", event.date + datetime.timedelta(days=1))
    entry.add("url", absolute_url(event.get_absolute_url()))
    entry.add("location", event_location(event))
    if event.venue and event.venue.latitude is not None:
        entry.add("geo", (float(event.venue.latitude), float(event.venue.longitude)))
    entry.add("description", calendar_description(event))
    entry.add("status", "CANCELLED" if event.is_cancelled else "CONFIRMED")
    return entry


def events_calendar(events: Iterable[Event], *, subscription: bool = False) -> Calendar:
    """Expects `selectors.with_program` prefetches. `subscription` adds what a subscribed client needs: how often
    to refresh and where the calendar lives."""
    calendar = Calendar()
    calendar.add("prodid", f"-//{settings.VDLM_SITE_NAME}//vdlm//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", settings.VDLM_SITE_NAME)
    calendar.add("x-wr-calname", settings.VDLM_SITE_NAME)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    if subscription:
        calendar.add("x-wr-caldesc", f"Meetups of the {settings.VDLM_SITE_NAME}: {home_url()}")
        calendar.add("url", home_url())
        calendar.add("source", calendar_url(), parameters={"VALUE": "URI"})
        calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", vDuration(REFRESH_INTERVAL))
    timed = False
    for event in events:
        calendar.add_component(calendar_entry(event))
        timed = timed or event.start_time is not None
    if timed:
        # Before the events: some clients read the time zone only when it comes first.
        calendar.subcomponents.insert(0, vtimezone(settings.TIME_ZONE))
    return calendar
