"""The social cards a shared link shows: drawn per meetup with Pillow, kept per version of their text."""

import io
from urllib.parse import urlsplit

import pytest
from django.test import Client
from PIL import Image

from events.enums import EventStatus
from events.formats.social_card import card_version
from tests import factories

pytestmark = pytest.mark.django_db


def card_url_on_page(client, slug) -> str:
    response = client.get(f"/meetups/{slug}/")
    assert response.status_code == 200
    content = response.content.decode()
    return content.split('<meta property="og:image" content="')[1].split('"')[0].replace("&amp;", "&")


def fetch_png(client, url) -> tuple:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response.headers["Content-Type"] == "image/png"
    return response, Image.open(io.BytesIO(response.content))


def test_event_card_is_a_1200_by_630_png_linked_from_the_page_with_its_version(
    client, upcoming_event, settings
):
    settings.VDLM_SITE_URL = "https://meetup.example.org"
    url = card_url_on_page(client, "meetup-900")

    assert url == f"https://meetup.example.org/meetups/meetup-900/card.png?v={card_version(upcoming_event)}"
    response, image = fetch_png(client, on_site(url))
    assert (image.format, image.size) == ("PNG", (1200, 630))
    # The versioned address always shows the same picture.
    assert response.headers["Cache-Control"] == "public, max-age=31536000"
    unversioned, _image = fetch_png(client, "/meetups/meetup-900/card.png")
    assert unversioned.headers["Cache-Control"] == "public, max-age=86400"


def test_event_card_stays_the_same_picture_until_its_text_changes(client, upcoming_event):
    """A shared link's preview is fetched again only when the card's text changed: an edit of what the card does
    not show keeps its address and its picture."""
    url = card_url_on_page(client, "meetup-900")
    first, _image = fetch_png(client, on_site(url))

    upcoming_event.description = "Not on the card."
    upcoming_event.save()
    assert card_url_on_page(client, "meetup-900") == url
    unchanged = client.get(on_site(url), HTTP_IF_NONE_MATCH=first.headers["ETag"])
    assert unchanged.status_code == 304

    upcoming_event.title = "Meetup 900: a new title"
    upcoming_event.save()
    renamed_url = card_url_on_page(client, "meetup-900")
    assert renamed_url != url
    second, _image = fetch_png(client, on_site(renamed_url))
    assert second.content != first.content
    assert second.headers["ETag"] != first.headers["ETag"]
    assert second.headers["Cache-Control"] == "public, max-age=31536000"  # the page links the current version


def on_site(url: str) -> str:
    """The path and query of an absolute link to this site, for the test client."""
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}"


def test_event_card_changes_with_venue_date_and_cancellation(upcoming_event):
    versions = {card_version(upcoming_event)}
    upcoming_event.venue.name = "Renamed venue"
    versions.add(card_version(upcoming_event))
    upcoming_event.date = upcoming_event.date.replace(day=1)
    versions.add(card_version(upcoming_event))
    upcoming_event.status = EventStatus.CANCELLED
    versions.add(card_version(upcoming_event))

    assert len(versions) == 4


def test_draft_card_is_for_organizers_only(organizer_client, db):
    factories.make_event(slug="secret", status=EventStatus.DRAFT)

    assert Client().get("/meetups/secret/card.png").status_code == 404
    response, image = fetch_png(organizer_client, "/meetups/secret/card.png")
    assert image.size == (1200, 630)
    assert response.headers["Cache-Control"] == "private, no-cache"


def test_site_card_is_shared_by_pages_without_their_own(client, db):
    response, image = fetch_png(client, "/social-card.png")

    assert (image.format, image.size) == ("PNG", (1200, 630))
    assert "public" in response.headers["Cache-Control"]
    again = client.get("/social-card.png", HTTP_IF_NONE_MATCH=response.headers["ETag"])
    assert again.status_code == 304
