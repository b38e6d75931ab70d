"""Links that add a meetup to a web calendar (Google, Outlook) or subscribe to all of them (webcal://).

The web calendars have no standard: these are the template links each documents for "add an event". Times go in
UTC (Google) or with their offset (Outlook), so neither needs to know the meetup's time zone.
"""

import datetime
from urllib.parse import urlencode, urlsplit

from common.links import absolute_url
from events.formats.calendar import calendar_url, event_end, event_location, sign_up_url
from events.models import Event

GOOGLE_TEMPLATE = "https://calendar.google.com/calendar/render"
OUTLOOK_COMPOSE = "https://outlook.live.com/calendar/0/action/compose"


def _details(event: Event) -> str:
    lines = [absolute_url(event.get_absolute_url())]
    if sign_up := sign_up_url(event):
        lines.append(f"Sign up: {sign_up}")
    return "\n".join(lines)


def google_calendar_url(event: Event) -> str:
    if event.starts_at:
        utc = [moment.astimezone(datetime.UTC) for moment in (event.starts_at, event_end(event))]
        dates = "/".join(f"{moment:%Y%m%dT%H%M%SZ}" for moment in utc)
    else:
        dates = f"{event.date:%Y%m%d}/{event.date + datetime.timedelta(days=1):%Y%m%d}"
    query = {
        "action": "TEMPLATE",
        "text": event.title,
        "dates": dates,
        "details": _details(event),
        "location": event_location(event),
    }
    return f"{GOOGLE_TEMPLATE}?{urlencode(query)}"


def outlook_calendar_url(event: Event) -> str:
    query = {"path": "/calendar/action/compose", "rru": "addevent", "subject": event.title}
    if event.starts_at:
        query |= {"startdt": event.starts_at.isoformat(), "enddt": event_end(event).isoformat()}
    else:
        next_day = event.date + datetime.timedelta(days=1)
        query |= {"startdt": event.date.isoformat(), "enddt": next_day.isoformat(), "allday": "true"}
    query |= {"body": _details(event), "location": event_location(event)}
    return f"{OUTLOOK_COMPOSE}?{urlencode(query)}"


def webcal_url() -> str:
    """The calendar subscription with the webcal scheme, which opens the visitor's calendar program to subscribe."""
    address = urlsplit(calendar_url())
    return address._replace(scheme="webcal").geturl()


def google_subscription_url() -> str:
    """Google Calendar's own "add by URL" for the subscription (it does not follow webcal links in browsers)."""
    return f"https://calendar.google.com/calendar/render?{urlencode({'cid': webcal_url()})}"
