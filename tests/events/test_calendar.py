"""Calendar files as calendar programs read them: parsed with vobject (dateutil's time-zone reader), not with the
icalendar library that writes them."""

import datetime
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import lxml.html
import pytest
import vobject
from django.test import Client
from django.utils import timezone

from events.enums import EventStatus
from events.formats.timezone import vtimezone
from events.models import Event
from tests import factories

pytestmark = pytest.mark.django_db

UTC = datetime.UTC
VIENNA = ZoneInfo("Europe/Vienna")
SITE = "https://meetup.example.org"


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.VDLM_SITE_URL = SITE


def read_calendar(client, url, **headers):
    response = client.get(url, **headers)
    assert response.status_code == 200, url
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    return response, vobject.readOne(response.content.decode())


def entries_by_uid(calendar) -> dict:
    return {entry.uid.value: entry for entry in calendar.vevent_list}


def test_calendar_summer_and_winter_meetups_come_out_at_the_right_utc_instant(client, db):
    """The summer meetups were an hour late in ical.js and vobject with the old RDATE-list time zone."""
    moments = {
        "summer": (datetime.date(2024, 7, 10), datetime.datetime(2024, 7, 10, 16, 30, tzinfo=UTC)),
        "winter": (datetime.date(2025, 1, 15), datetime.datetime(2025, 1, 15, 17, 30, tzinfo=UTC)),
        "day after the spring change": (datetime.date(2025, 3, 31), datetime.datetime(2025, 3, 31, 16, 30, tzinfo=UTC)),
        "day before the autumn change": (datetime.date(2025, 10, 25), datetime.datetime(2025, 10, 25, 16, 30, tzinfo=UTC)),
        "first meetup": (datetime.date(2016, 6, 8), datetime.datetime(2016, 6, 8, 16, 30, tzinfo=UTC)),
    }  # fmt: skip
    events = {
        name: factories.make_event(date=date, start_time=datetime.time(18, 30), end_time=datetime.time(21, 0))
        for name, (date, _utc) in moments.items()
    }

    for name, (date, utc) in moments.items():
        response, calendar = read_calendar(client, f"/meetups/{events[name].slug}/calendar.ics")
        entry = calendar.vevent
        assert f"DTSTART;TZID=Europe/Vienna:{date:%Y%m%d}T183000\r\n" in response.content.decode(), name
        assert entry.dtstart.value.astimezone(UTC) == utc, name
        assert entry.dtend.value.astimezone(UTC) == utc + datetime.timedelta(hours=2, minutes=30), name


def test_calendar_subscription_holds_coming_meetups_and_a_year_of_past_ones(client, db):
    today = timezone.localdate()
    kept = [
        factories.make_event(date=today + datetime.timedelta(days=30)),
        factories.make_event(date=today - datetime.timedelta(days=300)),
    ]
    factories.make_event(date=today - datetime.timedelta(days=400))

    _response, calendar = read_calendar(client, "/calendar.ics")

    assert sorted(entries_by_uid(calendar)) == sorted(
        f"event-{event.pk}@meetup.example.org" for event in kept
    )


def test_calendar_time_zone_is_yearly_rules_without_rdate_lists(client, upcoming_event):
    """ical.js (Thunderbird, many web calendars) reads only the first value of an RDATE list."""
    response, calendar = read_calendar(client, "/meetups/meetup-900/calendar.ics")

    [zone] = calendar.vtimezone_list
    assert zone.tzid.value == "Europe/Vienna"
    observances = [(child.name, child.rrule.value) for child in zone.getChildren() if child.name != "TZID"]
    assert sorted(observances) == [
        ("DAYLIGHT", "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3"),
        ("STANDARD", "FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10"),
    ]
    assert "RDATE" not in response.content.decode()


@pytest.mark.parametrize(
    ("zone", "local_start"), [("Asia/Tokyo", "20000101T090000"), ("UTC", "20000101T000000")]
)
def test_vtimezone_of_a_zone_without_changes_starts_at_the_local_time_of_its_first_instant(zone, local_start):
    """RFC 5545: an observance's DTSTART is local time. The first instant is 2000-01-01 00:00 UTC, which is 09:00
    in Tokyo; a reader that applies the zone from DTSTART on must not leave nine hours of 2000 outside it."""
    text = vtimezone(zone).to_ical().decode()
    calendar = vobject.readOne(f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:test\r\n{text}END:VCALENDAR\r\n")
    [observance] = calendar.vtimezone.contents["standard"]

    assert observance.dtstart.value == datetime.datetime.strptime(local_start, "%Y%m%dT%H%M%S")
    assert observance.tzoffsetfrom.value == observance.tzoffsetto.value


@pytest.mark.parametrize("zone", ["Europe/Vienna", "America/Sao_Paulo", "Australia/Sydney", "Europe/Moscow"])
def test_vtimezone_gives_every_clients_reader_the_zones_offsets_each_fortnight_2000_to_2040(zone):
    """Also for zones whose rules changed (Brazil, Russia), read back by dateutil through vobject."""
    text = vtimezone(zone).to_ical().decode()
    calendar = vobject.readOne(f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:test\r\n{text}END:VCALENDAR\r\n")
    read = calendar.vtimezone.gettzinfo()
    day = datetime.datetime(2000, 1, 1, 12, 0)
    mismatches = []
    while day.year < 2040:
        expected = day.replace(tzinfo=ZoneInfo(zone)).utcoffset()
        if day.replace(tzinfo=read).utcoffset() != expected:
            mismatches.append(day)
        day += datetime.timedelta(days=14)
    assert mismatches == []


def test_every_calendar_carries_one_and_the_same_time_zone_however_many_are_written(client, upcoming_event):
    """The time zone is shared by every calendar the site writes: writing one must not change the next."""
    factories.make_event(slug="in-half-a-year", date=timezone.localdate() + datetime.timedelta(days=190))
    zones = []
    for url in [
        "/meetups/meetup-900/calendar.ics",
        "/calendar.ics",
        "/meetups/in-half-a-year/calendar.ics",
        "/meetups/meetup-900/calendar.ics?again",  # a query string skips the page cache: written anew
    ]:
        response, calendar = read_calendar(client, url)
        assert response.headers.get("X-Page-Cache") != "hit", url
        [zone] = calendar.vtimezone_list
        assert zone.tzid.value == "Europe/Vienna", url
        text = response.content.decode()
        zones.append(text[text.index("BEGIN:VTIMEZONE") : text.index("END:VTIMEZONE")])

    assert len(set(zones)) == 1
    assert zones[0].count("BEGIN:DAYLIGHT") == zones[0].count("BEGIN:STANDARD") == 1


def test_calendar_subscription_says_how_often_to_refresh_and_where_it_lives(client, upcoming_event):
    response, calendar = read_calendar(client, "/calendar.ics")
    text = response.content.decode()

    assert calendar.method.value == "PUBLISH"
    assert "REFRESH-INTERVAL;VALUE=DURATION:PT12H\r\n" in text
    assert calendar.contents["x-published-ttl"][0].value == "PT12H"
    assert "SOURCE;VALUE=URI:https://meetup.example.org/calendar.ics\r\n" in text
    assert calendar.contents["x-wr-calname"][0].value == "Vienna Deep Learning Meetup"


def test_calendar_entry_links_the_page_from_the_configured_site_not_the_request_host(client, upcoming_event):
    _response, calendar = read_calendar(client, "/meetups/meetup-900/calendar.ics", HTTP_HOST="localhost")

    entry = calendar.vevent
    assert entry.uid.value == f"event-{upcoming_event.pk}@meetup.example.org"
    assert entry.url.value == "https://meetup.example.org/meetups/meetup-900/"
    assert entry.description.value.splitlines() == [
        "• Attention in practice — Grace Example",
        "Sign up: https://www.meetup.com/vdlm/events/900/",
        "Details: https://meetup.example.org/meetups/meetup-900/",
    ]
    assert entry.location.value == "A1 Telekom, Lassallestraße 9, 1020 Wien"
    assert entry.status.value == "CONFIRMED"


def test_calendar_entry_of_a_meetup_taking_registrations_here_links_its_registration_form(
    client, upcoming_event
):
    upcoming_event.capacity = 40
    upcoming_event.meetup_url = ""
    upcoming_event.save()

    _response, calendar = read_calendar(client, "/meetups/meetup-900/calendar.ics")

    assert (
        "Sign up: https://meetup.example.org/meetups/meetup-900/register/"
        in calendar.vevent.description.value
    )


def test_calendar_entry_always_has_a_location_and_geo_when_known(client, db):
    online = factories.make_venue(name="Online (Zoom)", address="", city="", is_online=True)
    mapped = factories.make_venue(name="TU Wien", address="", latitude="48.198700", longitude="16.369900")
    tba = factories.make_event(venue=None)
    remote = factories.make_event(venue=online)
    located = factories.make_event(venue=mapped)

    _response, calendar = read_calendar(client, "/calendar.ics")

    entries = entries_by_uid(calendar)
    location = {event.pk: entries[f"event-{event.pk}@meetup.example.org"] for event in (tba, remote, located)}
    assert location[tba.pk].location.value == "To be announced"
    assert location[remote.pk].location.value == "Online (Zoom)"
    assert location[located.pk].location.value == "TU Wien, Vienna"
    assert location[located.pk].geo.value == "48.1987;16.3699"
    assert "geo" not in location[tba.pk].contents


def test_calendar_makes_events_without_time_all_day(client, db):
    event = factories.make_event(start_time=None, date=datetime.date(2031, 5, 6))

    _response, calendar = read_calendar(client, "/calendar.ics")

    entry = calendar.vevent
    assert entry.uid.value == f"event-{event.pk}@meetup.example.org"
    assert entry.dtstart.value == datetime.date(2031, 5, 6)
    assert entry.dtend.value == datetime.date(2031, 5, 7)
    assert calendar.contents.get("vtimezone") is None  # no local times, no time zone


def test_calendar_sequence_and_last_modified_grow_when_an_organizer_edits_the_event(
    client, organizer_client, upcoming_event
):
    yesterday = timezone.now() - datetime.timedelta(days=1)
    Event.objects.filter(pk=upcoming_event.pk).update(created_at=yesterday, updated_at=yesterday)
    _response, before = read_calendar(client, "/meetups/meetup-900/calendar.ics")

    edited = organizer_client.post(
        "/admin/events/event/", {"action": "cancel", "_selected_action": [upcoming_event.pk]}
    )
    assert edited.status_code == 302
    _response, after = read_calendar(client, "/meetups/meetup-900/calendar.ics")

    assert int(before.vevent.sequence.value) == 0
    assert int(after.vevent.sequence.value) >= 24 * 60 * 60
    assert before.vevent.last_modified.value == yesterday.replace(microsecond=0)
    assert after.vevent.last_modified.value > yesterday
    assert after.vevent.status.value == "CANCELLED"


def test_calendar_answers_a_conditional_request_with_304_on_a_miss_and_on_a_cache_hit(client, upcoming_event):
    etags = {}
    for url in ["/calendar.ics", "/meetups/meetup-900/calendar.ics"]:
        first = client.get(url)
        assert first.status_code == 200
        assert first.headers["X-Page-Cache"] == "miss"
        assert first.headers["Cache-Control"] == "public, max-age=3600"
        etag = etags[url] = first.headers["ETag"]
        assert etag.startswith('W/"')

        again = client.get(url, HTTP_IF_NONE_MATCH=etag)
        assert again.status_code == 304
        assert again.content == b""
        assert again.headers["ETag"] == etag

        since = client.get(url, HTTP_IF_MODIFIED_SINCE=first.headers["Last-Modified"])
        assert since.status_code == 304

    cached = client.get("/calendar.ics")
    assert cached.status_code == 200
    assert cached.headers["X-Page-Cache"] == "hit"
    upcoming_event.title = "Renamed"
    upcoming_event.save()
    # The subscription's own ETag from before the edit: a client holding it must get the new calendar.
    changed = client.get("/calendar.ics", HTTP_IF_NONE_MATCH=etags["/calendar.ics"])
    assert changed.status_code == 200
    assert changed.headers["ETag"] != etags["/calendar.ics"]
    assert "SUMMARY:Renamed" in changed.content.decode()


def test_draft_calendar_is_for_organizers_only_and_kept_by_no_shared_cache(organizer_client, db):
    factories.make_event(slug="draft-meetup", status=EventStatus.DRAFT)

    assert Client().get("/meetups/draft-meetup/calendar.ics").status_code == 404
    response = organizer_client.get("/meetups/draft-meetup/calendar.ics")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "private, no-cache"


def test_event_page_offers_google_outlook_and_ics_and_the_footer_a_webcal_subscription(
    client, upcoming_event
):
    response = client.get("/meetups/meetup-900/")
    assert response.status_code == 200
    content = response.content.decode()

    google = link_after(content, "Google Calendar")
    outlook = link_after(content, "Outlook")
    start_utc = upcoming_event.starts_at.astimezone(UTC)
    end_utc = upcoming_event.ends_at.astimezone(UTC)
    assert google["dates"] == [f"{start_utc:%Y%m%dT%H%M%SZ}/{end_utc:%Y%m%dT%H%M%SZ}"]
    assert google["text"] == ["Meetup 900"]
    assert google["location"] == ["A1 Telekom, Lassallestraße 9, 1020 Wien"]
    assert "https://meetup.example.org/meetups/meetup-900/" in google["details"][0]
    assert outlook["startdt"] == [upcoming_event.starts_at.isoformat()]
    assert outlook["enddt"] == [upcoming_event.ends_at.isoformat()]
    assert outlook["subject"] == ["Meetup 900"]
    assert 'href="/meetups/meetup-900/calendar.ics">Add to calendar</a>' in content
    assert 'href="webcal://meetup.example.org/calendar.ics">Subscribe to the calendar</a>' in content


def link_after(content: str, text: str) -> dict:
    """The query of the link whose text ends with `text`."""
    before = content.split(f"{text}</a>")[0]
    href = before.rsplit('href="', 1)[1].split('"')[0].replace("&amp;", "&")
    return parse_qs(urlsplit(href).query)


def links_by_text(response) -> dict[str, list]:
    """The page's links by their text as a screen reader says it (hidden words included), parsed with lxml; each
    address split with urllib.parse."""
    links: dict[str, list] = {}
    for anchor in lxml.html.fromstring(response.content.decode()).iter("a"):
        links.setdefault(" ".join(anchor.text_content().split()), []).append(urlsplit(anchor.get("href")))
    return links


def test_footer_offers_google_calendar_a_subscription_to_the_sites_calendar(client, upcoming_event):
    response = client.get("/meetups/meetup-900/", HTTP_HOST="localhost")
    assert response.status_code == 200

    [google] = links_by_text(response)["in Google Calendar"]
    assert (google.scheme, google.netloc, google.path) == ("https", "calendar.google.com", "/calendar/render")
    query = parse_qs(google.query)
    assert list(query) == ["cid"]
    [subscribed] = query["cid"]
    assert subscribed == "webcal://meetup.example.org/calendar.ics"
    # What Google then fetches (over https) is the whole calendar, with the coming meetup in it.
    _response, calendar = read_calendar(client, urlsplit(subscribed).path)
    assert f"event-{upcoming_event.pk}@meetup.example.org" in entries_by_uid(calendar)


def test_add_to_google_and_outlook_links_of_a_meetup_without_a_time_make_an_all_day_event(client, db):
    # The last day of next month: the day after is in another month.
    next_month = (timezone.localdate().replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
    day = (next_month + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)
    event = factories.make_event(title="Hackathon", slug="hackathon", date=day, start_time=None)

    response = client.get(event.get_absolute_url())
    assert response.status_code == 200

    links = links_by_text(response)
    [google] = links["Add to Google Calendar"]
    [outlook] = links["Add to Outlook"]
    day_after = day + datetime.timedelta(days=1)
    assert day_after.day == 1
    assert google.netloc == "calendar.google.com"
    google_query = parse_qs(google.query)
    assert google_query["dates"] == [f"{day:%Y%m%d}/{day_after:%Y%m%d}"]
    assert google_query["text"] == ["Hackathon"]
    assert outlook.netloc == "outlook.live.com"
    outlook_query = parse_qs(outlook.query)
    assert outlook_query["allday"] == ["true"]
    assert (outlook_query["startdt"], outlook_query["enddt"]) == ([day.isoformat()], [day_after.isoformat()])
    assert outlook_query["subject"] == ["Hackathon"]


def test_add_to_calendar_links_of_a_meetup_taking_registrations_here_point_at_its_form_while_open(
    client, upcoming_event
):
    upcoming_event.capacity = 40
    upcoming_event.meetup_url = ""
    upcoming_event.save()
    form = "Sign up: https://meetup.example.org/meetups/meetup-900/register/"

    def details() -> tuple[str, str]:
        response = client.get("/meetups/meetup-900/")
        assert response.status_code == 200
        links = links_by_text(response)
        [google], [outlook] = links["Add to Google Calendar"], links["Add to Outlook"]
        return parse_qs(google.query)["details"][0], parse_qs(outlook.query)["body"][0]

    google_details, outlook_body = details()
    assert form in google_details
    assert form in outlook_body

    upcoming_event.registration_closes_at = timezone.now() - datetime.timedelta(minutes=1)
    upcoming_event.save()

    google_details, outlook_body = details()
    assert "Sign up:" not in google_details  # closed: nowhere to sign up, rather than a form that refuses
    assert "Sign up:" not in outlook_body
