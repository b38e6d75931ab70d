"""The JSON API as a program elsewhere uses it: paged, validated against its own schema with `jsonschema`, with
absolute links, offsets, a real CORS preflight and 304s."""

import datetime

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from common.visibility import PUBLIC
from events.enums import EventStatus
from events.formats.api import PAGE_SIZE
from events.models import Event
from talks.models import Talk
from tests import factories

pytestmark = pytest.mark.django_db

SITE = "https://meetup.example.org"


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.VDLM_SITE_URL = SITE


@pytest.fixture
def validator(client):
    response = client.get("/api/schema.json")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/schema+json"
    schema = response.json()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=FormatChecker())


def get_json(client, url, validator=None, **headers) -> dict:
    response = client.get(url, **headers)
    assert response.status_code == 200, url
    assert response.headers["Content-Type"] == "application/json"
    data = response.json()
    if validator is not None:
        errors = [f"{list(error.absolute_path)}: {error.message}" for error in validator.iter_errors(data)]
        assert errors == [], url
    return data


def test_api_pages_hold_every_public_meetup_once_newest_first_and_each_validates(client, history, validator):
    factories.make_event(slug="a-draft", status=EventStatus.DRAFT)
    expected = list(Event.objects.visible_to(PUBLIC).order_by("-date", "-pk").values_list("slug", flat=True))

    first = get_json(client, "/api/events.json", validator)
    slugs, url, pages = [], f"{SITE}/api/events.json", []
    while url:
        page = get_json(client, url.removeprefix(SITE), validator)
        pages.append(page)
        slugs += [event["slug"] for event in page["events"]]
        url = page["links"]["next"]

    assert slugs == expected
    assert "a-draft" not in slugs
    assert len(pages) == -(-len(expected) // PAGE_SIZE)
    assert [page["page"] for page in pages] == list(range(1, len(pages) + 1))
    assert [len(page["events"]) for page in pages[:-1]] == [PAGE_SIZE] * (len(pages) - 1)
    assert first["links"]["prev"] is None and pages[-1]["links"]["next"] is None
    assert pages[1]["links"]["prev"] == f"{SITE}/api/events.json"
    assert pages[-1]["links"]["self"] == f"{SITE}/api/events/page/{len(pages)}.json"


def test_api_response_links_its_schema_and_neighbours_in_the_link_header(client, history):
    response = client.get("/api/events/page/2.json")

    assert response.status_code == 200
    assert response.json()["schema"] == f"{SITE}/api/schema.json"
    links = dict(reversed(part.strip().split("; ")) for part in response.headers["Link"].split(","))
    assert links['rel="describedby"'] == f"<{SITE}/api/schema.json>"
    assert links['rel="prev"'] == f"<{SITE}/api/events.json>"
    assert links['rel="next"'] == f"<{SITE}/api/events/page/3.json>"


def test_api_page_one_has_one_address_and_pages_past_the_end_are_not_found(client, upcoming_event):
    redirect = client.get("/api/events/page/1.json")
    assert redirect.status_code == 301
    assert redirect.headers["Location"] == "/api/events.json"

    missing = client.get("/api/events/page/2.json")
    assert missing.status_code == 404
    assert missing.json() == {"error": "There is no page 2."}
    assert client.get("/api/events/page/0.json").status_code == 404
    huge = client.get("/api/events/page/99999999999999999999.json")  # beyond any database integer
    assert huge.status_code == 404
    assert huge.json() == {"error": "There is no page 99999999999999999999."}


def test_api_meetup_has_absolute_links_end_times_and_utc_offsets(client, validator, db):
    venue = factories.make_venue(
        name="A1", address="Lassallestraße 9, 1020 Wien", latitude="48.2", longitude="16.4"
    )
    summer = factories.make_event(
        slug="summer",
        date=datetime.date(2024, 7, 10),
        start_time=datetime.time(18, 30),
        end_time=datetime.time(21, 0),
        venue=venue,
    )
    speaker = factories.make_speaker(name="Ada", slug="ada")
    factories.make_talk(
        event=summer, slug="t", speakers=[speaker], slides_url="https://example.org/s.pdf",
        start_time=datetime.time(18, 45), end_time=datetime.time(19, 15),
    )  # fmt: skip
    factories.make_event(slug="winter", date=datetime.date(2025, 1, 15), start_time=datetime.time(18, 30))

    event = get_json(client, "/api/meetups/summer.json", validator, HTTP_HOST="localhost")["event"]
    winter = get_json(client, "/api/meetups/winter.json", validator)["event"]

    assert (event["starts_at"], event["ends_at"]) == (
        "2024-07-10T18:30:00+02:00",
        "2024-07-10T21:00:00+02:00",
    )
    assert (winter["starts_at"], winter["ends_at"]) == ("2025-01-15T18:30:00+01:00", None)
    assert event["time_zone"] == "Europe/Vienna"
    assert event["url"] == f"{SITE}/meetups/summer/"
    assert event["api_url"] == f"{SITE}/api/meetups/summer.json"
    assert event["calendar_url"] == f"{SITE}/meetups/summer/calendar.ics"
    assert event["venue"]["url"] == f"{SITE}/venues/{venue.slug}/"
    assert (event["venue"]["latitude"], event["venue"]["longitude"]) == (48.2, 16.4)
    [talk] = event["talks"]
    assert talk["url"] == f"{SITE}/meetups/summer/talks/t/"
    assert talk["slides_url"] == f"{SITE}/meetups/summer/talks/t/slides/"  # counted by the site
    assert talk["speakers"] == [{"name": "Ada", "affiliation": None, "url": f"{SITE}/speakers/ada/"}]
    assert event["agenda"] == [
        {
            "title": talk["title"],
            "kind": "talk",
            "cancelled": False,
            "starts_at": "2024-07-10T18:45:00+02:00",
            "ends_at": "2024-07-10T19:15:00+02:00",
        }
    ]


def test_api_meetup_json_of_drafts_and_unknown_slugs_is_not_found(client, db):
    factories.make_event(slug="a-draft", status=EventStatus.DRAFT)

    for url in ["/api/meetups/a-draft.json", "/api/meetups/nothing.json"]:
        response = client.get(url)
        assert response.status_code == 404
        assert response.json() == {"error": "No such meetup."}


def test_api_unknown_time_venue_and_online_meetups_validate(client, validator, db):
    online = factories.make_venue(name="Online (Zoom)", address="", city="", is_online=True)
    factories.make_event(slug="tba", start_time=None, venue=None)
    factories.make_event(slug="online", venue=online, kind="special", number=None)

    page = get_json(client, "/api/events.json", validator)

    events = {event["slug"]: event for event in page["events"]}
    assert (events["tba"]["starts_at"], events["tba"]["venue"]) == (None, None)
    assert events["online"]["venue"]["online"] is True
    assert events["online"]["number"] is None


def test_api_cors_preflight_is_204_without_body_naming_the_conditional_headers(client, db):
    response = client.options(
        "/api/events.json",
        HTTP_ORIGIN="https://elsewhere.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
    )

    assert response.status_code == 204
    assert response.content == b""
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "GET" in response.headers["Access-Control-Allow-Methods"]
    allowed = {name.strip().lower() for name in response.headers["Access-Control-Allow-Headers"].split(",")}
    assert {"if-none-match", "if-modified-since"} <= allowed
    assert int(response.headers["Access-Control-Max-Age"]) >= 600


def test_api_answers_if_none_match_with_304_that_a_browser_accepts_on_miss_and_hit(
    client, upcoming_event, django_assert_num_queries
):
    first = client.get("/api/events.json", HTTP_ORIGIN="https://elsewhere.example")
    assert first.status_code == 200
    assert first.headers["X-Page-Cache"] == "miss"
    assert first.headers["Cache-Control"] == "public, max-age=300"
    exposed = {name.strip() for name in first.headers["Access-Control-Expose-Headers"].split(",")}
    assert {"ETag", "Link"} <= exposed

    with django_assert_num_queries(0):  # answered from the page cache, nothing rendered
        again = client.get(
            "/api/events.json",
            HTTP_ORIGIN="https://elsewhere.example",
            HTTP_IF_NONE_MATCH=first.headers["ETag"],
        )
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["Access-Control-Allow-Origin"] == "*"  # or the browser refuses the 304

    upcoming_event.title = "Renamed"
    upcoming_event.save()
    changed = client.get("/api/events.json", HTTP_IF_NONE_MATCH=first.headers["ETag"])
    assert changed.status_code == 200
    assert changed.json()["events"][0]["title"] == "Renamed"


def test_api_is_compressed_for_clients_that_accept_gzip(client, history):
    for _attempt in ("miss", "hit"):
        response = client.get("/api/events.json", HTTP_ACCEPT_ENCODING="gzip")
        assert response.status_code == 200
        assert response.headers["Content-Encoding"] == "gzip"


def test_api_never_shows_drafts_even_to_organizers(organizer_client, db):
    factories.make_event(slug="a-draft", status=EventStatus.DRAFT)

    response = organizer_client.get("/api/events.json")

    assert response.status_code == 200
    assert response.json()["events"] == []


def test_api_marks_cancelled_talks_on_the_agenda_and_in_the_talks(client, validator, upcoming_event):
    Talk.objects.filter(slug="attention").update(is_cancelled=True)

    event = get_json(client, "/api/meetups/meetup-900.json", validator)["event"]

    assert [(slot["title"], slot["cancelled"]) for slot in event["agenda"]] == [
        ("Welcome", False),
        ("Attention in practice", True),
    ]
    assert event["talks"][0]["cancelled"] is True
