"""The meetups for other programs: calendar files and the JSON API."""

from django.http import Http404, HttpResponse, JsonResponse

from common.visibility import PUBLIC
from events.formats.calendar import events_calendar
from events.formats.json import archive_as_dict
from events.models import Event
from events.selectors import with_program


def events_json(request):
    """The archive in the export schema, for other sites to embed (CORS open for reads)."""
    events = with_program(Event.objects.visible_to(PUBLIC))
    response = JsonResponse(archive_as_dict(events), json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
    return response


def event_ics(request, slug):
    event = with_program(Event.objects.visible_to(request.user)).filter(slug=slug).first()
    if event is None:
        raise Http404("No such meetup.")
    return calendar_response(events_calendar([event], request), f"{event.slug}.ics")


def calendar_feed(request):
    """All public meetups, for calendar subscriptions."""
    return calendar_response(
        events_calendar(with_program(Event.objects.visible_to(PUBLIC)), request), "vdlm.ics"
    )


def calendar_response(calendar, filename: str) -> HttpResponse:
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
