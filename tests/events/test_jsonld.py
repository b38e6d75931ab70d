"""Search-engine and link-preview data, extracted with extruct as crawlers do: schema.org Event JSON-LD with what
Google asks of an event, Open Graph and Twitter cards on every page, and headings that never skip a level."""

import datetime

import extruct
import pytest
from lxml import etree

from common.markdown import plaintext
from common.visibility import PUBLIC
from events.models import Event
from events.selectors import with_program
from tests import factories

pytestmark = pytest.mark.django_db

SITE = "https://meetup.example.org"
# Google's structured-data rules for events: required, then recommended (offers and organizer with their own).
REQUIRED = {"name", "startDate", "location"}
RECOMMENDED = {"description", "eventStatus", "eventAttendanceMode", "image", "offers", "organizer"}
OFFER = {"price", "priceCurrency", "availability", "url", "validFrom"}
OPEN_GRAPH_TYPES = {"website", "article", "profile", "book", "music.song", "video.movie"}


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.VDLM_SITE_URL = SITE


def page_data(client, url) -> dict:
    response = client.get(url, HTTP_HOST="localhost")
    assert response.status_code == 200, url
    return extruct.extract(
        response.content.decode(), base_url=f"{SITE}{url}", syntaxes=["json-ld", "opengraph"], uniform=True
    )


def event_ld(client, url) -> dict:
    [data] = [item for item in page_data(client, url)["json-ld"] if item["@type"] == "Event"]
    return data


def test_every_historic_event_page_has_googles_required_and_recommended_event_properties(client, history):
    events = list(with_program(history.order_by("date")))
    assert len(events) == 77

    for event in events:
        data = event_ld(client, event.get_absolute_url())
        url = event.get_absolute_url()
        assert set(data) >= REQUIRED | RECOMMENDED, (url, REQUIRED | RECOMMENDED - set(data))
        location = data["location"]
        if location["@type"] == "VirtualLocation":
            assert location["url"].startswith("https://"), url
        else:
            address = location["address"]
            assert address["addressLocality"] and address["addressCountry"] == "AT", url
            # The city is the locality, never the street.
            assert address.get("streetAddress") not in {"Vienna", "Wien", ""}, url
        assert data["image"] == [
            f"{SITE}/meetups/{event.slug}/card.png?v={data['image'][0].rsplit('=', 1)[1]}"
        ]
        assert set(data["offers"]) >= OFFER and data["offers"]["price"] == 0, url
        assert data["organizer"] == {
            "@type": "Organization",
            "name": "Vienna Deep Learning Meetup",
            "url": f"{SITE}/",
        }
        assert ("endDate" in data) == (event.end_time is not None), url
        assert_whole_words(
            data["description"], plaintext(event.description) or "; ".join(t.title for t in event.talks)
        )


def assert_whole_words(description: str, full: str) -> None:
    if description == full:
        return
    assert description.endswith(" …"), description
    kept = description.removesuffix(" …")
    assert full.startswith(kept) and full[len(kept)].isspace(), description


def test_event_json_ld_splits_the_address_and_has_the_time_and_speakers(client, upcoming_event):
    data = event_ld(client, "/meetups/meetup-900/")

    assert data["@id"] == f"{SITE}/meetups/meetup-900/#event"
    assert data["url"] == f"{SITE}/meetups/meetup-900/"
    assert data["startDate"] == upcoming_event.starts_at.isoformat()
    assert data["endDate"] == upcoming_event.ends_at.isoformat()
    assert data["location"] == {
        "@type": "Place",
        "name": "A1 Telekom",
        "address": {
            "@type": "PostalAddress",
            "streetAddress": "Lassallestraße 9",
            "postalCode": "1020",
            "addressLocality": "Vienna",
            "addressCountry": "AT",
        },
    }
    assert data["performer"] == [{"@type": "Person", "name": "Grace Example"}]
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["offers"]["url"] == "https://www.meetup.com/vdlm/events/900/"


def test_event_json_ld_location_to_be_announced_and_online(client, db):
    online = factories.make_venue(name="Online (Zoom)", address="", city="", is_online=True)
    factories.make_event(slug="tba", venue=None)
    factories.make_event(slug="online", venue=online, meetup_url="https://www.meetup.com/vdlm/events/1/")

    tba = event_ld(client, "/meetups/tba/")
    remote = event_ld(client, "/meetups/online/")

    assert tba["location"] == {
        "@type": "Place",
        "name": "To be announced",
        "address": {"@type": "PostalAddress", "addressCountry": "AT", "addressLocality": "Vienna"},
    }
    assert remote["location"] == {
        "@type": "VirtualLocation",
        "name": "Online (Zoom)",
        "url": "https://www.meetup.com/vdlm/events/1/",
    }
    assert remote["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"


def test_event_json_ld_description_is_cut_after_a_whole_word(client, upcoming_event):
    upcoming_event.description = "Transformers " * 40  # 520 characters
    upcoming_event.save()

    data = event_ld(client, "/meetups/meetup-900/")

    assert data["description"].endswith("Transformers …")
    assert len(data["description"]) <= 300


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/archive/",
        "/archive/2026/",
        "/meetups/meetup-900/",
        "/meetups/meetup-900/talks/attention/",
        "/speakers/",
        "/speakers/grace-example/",
        "/venues/a1/",
        "/sponsors/",
        "/jobs/",
        "/search/",
    ],
)
def test_every_page_has_open_graph_and_twitter_cards_with_an_image(client, upcoming_event, url):
    response = client.get(url, HTTP_HOST="localhost")
    assert response.status_code == 200
    [graph] = extruct.extract(response.content.decode(), syntaxes=["opengraph"], uniform=True)["opengraph"]
    twitter = {
        meta.get("name"): meta.get("content")
        for meta in etree.HTML(response.content).iter("meta")
        if (meta.get("name") or "").startswith("twitter:")
    }

    assert graph["og:url"] == f"{SITE}{url}"
    assert graph["@type"] in OPEN_GRAPH_TYPES  # extruct puts og:type here
    assert graph["og:title"] and graph["og:description"] and graph["og:image:alt"]
    assert graph["og:image"].startswith(f"{SITE}/")
    assert (graph["og:image:width"], graph["og:image:height"]) == ("1200", "630")
    assert twitter["twitter:card"] == "summary_large_image"
    assert twitter["twitter:image"] == graph["og:image"]
    assert twitter["twitter:title"] == graph["og:title"]
    image = client.get(graph["og:image"].removeprefix(SITE))
    assert image.status_code == 200
    assert image.headers["Content-Type"] == "image/png"


def test_event_page_shares_its_own_card_and_other_pages_the_site_card(client, upcoming_event):
    event = page_data(client, "/meetups/meetup-900/")["opengraph"][0]
    home = page_data(client, "/")["opengraph"][0]

    assert event["og:image"].startswith(f"{SITE}/meetups/meetup-900/card.png?v=")
    assert event["og:image:alt"].startswith("Meetup 900: ")
    assert home["og:image"] == f"{SITE}/social-card.png"


def headings(content: bytes) -> list[int]:
    return [int(element.tag[1]) for element in etree.HTML(content).iter("h1", "h2", "h3", "h4", "h5", "h6")]


def test_markdown_headings_sit_below_the_page_heading_without_skipping_a_level(client, upcoming_event):
    upcoming_event.description = "# About\n\nText.\n\n### Details\n\nMore."
    upcoming_event.save()
    factories.make_talk(event=upcoming_event, slug="deep", abstract="# Idea\n\n## Method\n\n#### Result")

    for url in ["/meetups/meetup-900/", "/meetups/meetup-900/talks/deep/"]:
        response = client.get(url)
        assert response.status_code == 200
        levels = headings(response.content)
        assert levels[0] == 1, url
        assert all(after <= before + 1 for before, after in zip(levels, levels[1:], strict=False)), (
            url,
            levels,
        )

    talk_page = client.get("/meetups/meetup-900/talks/deep/")
    assert talk_page.status_code == 200
    # h1 of the abstract becomes h3 under the "Abstract" h2 section.
    assert (
        '<h2 id="abstract-heading">Abstract</h2><h3>Idea</h3>\n<h4>Method</h4>\n<h5>Result</h5>'
        in talk_page.content.decode()
    )
    event_page = client.get("/meetups/meetup-900/")
    assert event_page.status_code == 200
    assert "<h2>About</h2>" in event_page.content.decode()
    assert "<h3>Details</h3>" in event_page.content.decode()


def test_event_json_ld_of_registration_here_has_the_seats_and_says_when_none_is_left(client, upcoming_event):
    upcoming_event.capacity = 2
    upcoming_event.meetup_url = ""
    upcoming_event.save()
    factories.make_registration(event=upcoming_event)

    data = event_ld(client, "/meetups/meetup-900/")
    assert data["offers"]["url"] == f"{SITE}/meetups/meetup-900/register/"
    assert data["offers"]["availability"] == "https://schema.org/InStock"
    assert (data["maximumAttendeeCapacity"], data["remainingAttendeeCapacity"]) == (2, 1)

    factories.make_registration(event=upcoming_event)
    factories.make_registration(event=upcoming_event)  # on the waitlist

    data = event_ld(client, "/meetups/meetup-900/")
    assert data["offers"]["availability"] == "https://schema.org/SoldOut"
    assert (data["maximumAttendeeCapacity"], data["remainingAttendeeCapacity"]) == (2, 0)


def test_cancelled_event_json_ld_says_so(client, upcoming_event):
    upcoming_event.status = "cancelled"
    upcoming_event.save()

    assert event_ld(client, "/meetups/meetup-900/")["eventStatus"] == "https://schema.org/EventCancelled"


def test_json_ld_runs_no_query_of_its_own(upcoming_event, django_assert_num_queries):
    from events.formats.jsonld import event_data

    event = with_program(Event.objects.visible_to(PUBLIC)).get(pk=upcoming_event.pk)
    with django_assert_num_queries(0):
        data = event_data(event)
    assert data["startDate"].startswith(f"{datetime.date.today() + datetime.timedelta(days=10):%Y-%m-%d}")
