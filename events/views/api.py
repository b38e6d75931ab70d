"""The JSON API: pages of meetups (newest first), one meetup, and the schema that describes both.

Paged so that a response costs the same however long the history grows; every response names its schema (a
"schema" field and a Link header) and carries validators, so a client polling with If-None-Match gets a 304.
CORS, including the preflight, is answered for all of /api/ by vdlm.cors, outside the page cache.
"""

from django.core.paginator import InvalidPage, Paginator
from django.http import JsonResponse
from django.shortcuts import redirect

from common.http import add_validators
from common.visibility import PUBLIC
from events.formats.api import PAGE_SIZE, event_document, events_page, schema_url
from events.formats.api_schema import api_schema
from events.models import Event
from events.selectors import with_program

# Seconds a client or proxy may reuse a response without asking again.
API_MAX_AGE = 5 * 60


def api_response(
    data: dict, *, status: int = 200, links: dict | None = None, content_type: str = "application/json"
) -> JsonResponse:
    response = JsonResponse(
        data, status=status, json_dumps_params={"ensure_ascii": False}, content_type=content_type
    )
    links = {"describedby": schema_url(), **(links or {})}
    response["Link"] = ", ".join(f'<{url}>; rel="{rel}"' for rel, url in links.items() if url)
    return add_validators(response, max_age=API_MAX_AGE)


def events_list(request, page: int = 1):
    """/api/events.json is the first page, /api/events/page/<n>.json the others."""
    if page == 1 and request.resolver_match.url_name == "api_events_page":
        return redirect("events:api_events", permanent=True)
    events = Event.objects.visible_to(PUBLIC).order_by("-date", "-pk")
    paginator = Paginator(events, PAGE_SIZE)
    try:
        paginator.validate_number(page)
    except InvalidPage:
        return api_response(
            {"error": f"There is no page {page}; the last is {paginator.num_pages}."}, status=404
        )
    offset = (page - 1) * PAGE_SIZE
    rows = list(with_program(events)[offset : offset + PAGE_SIZE])
    data = events_page(rows, page=page, pages=paginator.num_pages, count=paginator.count)
    links = {rel: data["links"][rel] for rel in ("first", "prev", "next", "last")}
    return api_response(data, links=links)


def event_detail(request, slug: str):
    event = with_program(Event.objects.visible_to(PUBLIC)).filter(slug=slug).first()
    if event is None:
        return api_response({"error": "No such meetup."}, status=404)
    data = event_document(event)
    return api_response(data, links={"alternate": data["event"]["url"]})


def schema(request):
    return api_response(api_schema(), content_type="application/schema+json")
