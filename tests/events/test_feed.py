"""The Atom feed, read with an XML parser (lxml) for what the W3C feed validator requires."""

import datetime

import pytest
from lxml import etree

from events.enums import EventStatus
from tests import factories

pytestmark = pytest.mark.django_db

SITE = "https://meetup.example.org"
ATOM = {"a": "http://www.w3.org/2005/Atom"}


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.VDLM_SITE_URL = SITE


def read_feed(client, **headers):
    response = client.get("/feed/", **headers)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/atom+xml; charset=utf-8"
    return etree.fromstring(response.content)


def text(element, path) -> str:
    return element.findtext(path, namespaces=ATOM)


def test_atom_feed_has_the_elements_atom_requires(client, upcoming_event):
    feed = read_feed(client)

    assert feed.tag == "{http://www.w3.org/2005/Atom}feed"
    assert text(feed, "a:title") == "Vienna Deep Learning Meetup"
    assert text(feed, "a:id") == f"{SITE}/feed/"
    assert text(feed, "a:author/a:name") == "Vienna Deep Learning Meetup"
    assert text(feed, "a:author/a:uri") == f"{SITE}/"
    assert feed.find("a:link[@rel='self']", ATOM).get("href") == f"{SITE}/feed/"
    assert feed.find("a:link[@rel='alternate']", ATOM).get("href") == f"{SITE}/archive/"
    assert datetime.datetime.fromisoformat(text(feed, "a:updated"))
    [entry] = feed.findall("a:entry", ATOM)
    assert text(entry, "a:title").startswith("Meetup 900, ")
    assert entry.find("a:link[@rel='alternate']", ATOM).get("href") == f"{SITE}/meetups/meetup-900/"
    created = upcoming_event.created_at.astimezone(datetime.UTC)
    assert text(entry, "a:id") == f"tag:meetup.example.org,{created:%Y-%m-%d}:event-{upcoming_event.pk}"
    assert datetime.datetime.fromisoformat(text(entry, "a:updated"))
    assert "Attention in practice" in text(entry, "a:summary")
    day = upcoming_event.date
    assert text(entry, "a:summary").startswith(f"{day:%A}, {day.day} {day:%B %Y}")  # as the pages write it


def test_atom_entry_id_stays_when_the_event_is_renamed_and_ignores_the_request_host(client, upcoming_event):
    before = text(read_feed(client).find("a:entry", ATOM), "a:id")

    upcoming_event.slug = "meetup-900-renamed"
    upcoming_event.title = "Meetup 900: renamed"
    upcoming_event.save()
    entry = read_feed(client, HTTP_HOST="localhost").find("a:entry", ATOM)

    assert text(entry, "a:id") == before
    assert entry.find("a:link", ATOM).get("href") == f"{SITE}/meetups/meetup-900-renamed/"


def test_atom_feed_leaves_out_drafts_and_marks_cancelled_meetups(client, db):
    factories.make_event(title="Secret", status=EventStatus.DRAFT)
    factories.make_event(title="Called off", status=EventStatus.CANCELLED, date=datetime.date(2031, 1, 1))

    titles = [text(entry, "a:title") for entry in read_feed(client).findall("a:entry", ATOM)]

    assert titles == ["Cancelled: Called off, 1 January 2031"]


def test_atom_feed_answers_a_conditional_request_with_304(client, upcoming_event):
    first = client.get("/feed/")
    assert first.status_code == 200
    assert first.headers["Cache-Control"] == "public, max-age=3600"

    by_etag = client.get("/feed/", HTTP_IF_NONE_MATCH=first.headers["ETag"])
    by_date = client.get("/feed/", HTTP_IF_MODIFIED_SINCE=first.headers["Last-Modified"])

    assert (by_etag.status_code, by_date.status_code) == (304, 304)
    assert by_etag.content == b""
