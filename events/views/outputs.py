"""The meetups for calendar programs: one meetup's .ics and the subscription of all (the JSON API: views/api.py)."""

import datetime

from django.http import Http404, HttpResponse

from common.cacheable import expire_page_at
from common.http import add_validators
from common.visibility import PUBLIC
from events.formats.calendar import events_calendar
from events.models import Event, local_today
from events.selectors import with_program

# Seconds a client or proxy may reuse a calendar without asking again (subscribed clients refresh every 12 hours).
CALENDAR_MAX_AGE = 60 * 60
# The subscription holds the coming meetups and a year of past ones: what a calendar is for, and a file that stays
# small however long the history grows (each meetup's own .ics stays on its page).
SUBSCRIPTION_HISTORY = datetime.timedelta(days=365)


def event_ics(request, slug):
    event = with_program(Event.objects.visible_to(request.user)).filter(slug=slug).first()
    if event is None:
        raise Http404("No such meetup.")
    response = calendar_response(events_calendar([event]).to_ical(), f"{event.slug}.ics")
    expire_page_at(response, event.changes_by_itself_at)  # its sign-up link
    # A draft's calendar (organizers only) is kept by no shared cache.
    return add_validators(response, max_age=CALENDAR_MAX_AGE, public=not event.is_draft)


def calendar_feed(request):
    """Public meetups from a year ago on, for calendar subscriptions."""
    events = with_program(
        Event.objects.visible_to(PUBLIC).filter(date__gte=local_today() - SUBSCRIPTION_HISTORY)
    )
    calendar = events_calendar(events, subscription=True)
    response = calendar_response(calendar.to_ical(), "vdlm.ics")
    expire_page_at(response, *(event.changes_by_itself_at for event in events))  # their sign-up links
    return add_validators(response, max_age=CALENDAR_MAX_AGE)


def calendar_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
