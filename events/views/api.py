"""The JSON API: pages of meetups (newest first), one meetup, and the schema that describes both.

Paged so that a response costs the same however long the history grows; every response names its schema (a
"schema" field and a Link header) and carries validators, so a client polling with If-None-Match gets a 304.
CORS, including the preflight, is answered for all of /api/ by vdlm.cors, outside the page cache.
"""

from django.http import JsonResponse
from django.shortcuts import redirect

from common.http import add_validators
from events.formats.api import PAGE_SIZE, event_document, events_page, schema_url
from events.formats.api_rows import public_events
from events.formats.api_schema import api_schema

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
    # One meetup more than a page shows tells whether there is a next page. A page past what the database's 64-bit
    # offset can count has no meetups either.
    offset = (page - 1) * PAGE_SIZE
    rows = public_events(limit=PAGE_SIZE + 1, offset=offset) if 0 <= offset < 2**63 - PAGE_SIZE else []
    if not rows and page != 1:
        return api_response({"error": f"There is no page {page}."}, status=404)
    data = events_page(rows[:PAGE_SIZE], page=page, has_next=len(rows) > PAGE_SIZE)
    links = {rel: data["links"][rel] for rel in ("first", "prev", "next")}
    return api_response(data, links=links)


def event_detail(request, slug: str):
    rows = public_events(limit=1, slug=slug)
    if not rows:
        return api_response({"error": "No such meetup."}, status=404)
    data = event_document(rows[0])
    return api_response(data, links={"alternate": data["event"]["url"]})


def schema(request):
    return api_response(api_schema(), content_type="application/schema+json")
