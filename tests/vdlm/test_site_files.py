"""What crawlers, browsers and phones ask every site for: the sitemap (checked against the sitemaps.org protocol's
rules as an XML Schema), robots.txt, icons and the web manifest; and compression of every text response."""

import gzip
import io
import json
from pathlib import Path

import pytest
from lxml import etree
from PIL import Image

pytestmark = pytest.mark.django_db

SITE = "https://meetup.example.org"
SITEMAP_SCHEMA = Path(__file__).parent / "data" / "sitemap-protocol.xsd"
SITEMAP = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.VDLM_SITE_URL = SITE


def test_sitemap_is_valid_and_lists_events_talks_speakers_and_venues_on_the_configured_site(client, history):
    response = client.get("/sitemap.xml", HTTP_HOST="localhost")
    assert response.status_code == 200

    document = etree.fromstring(response.content)
    schema = etree.XMLSchema(etree.parse(str(SITEMAP_SCHEMA)))
    assert schema.validate(document), schema.error_log
    locations = document.xpath("//sm:loc/text()", namespaces=SITEMAP)
    assert all(location.startswith(f"{SITE}/") for location in locations)
    assert len(locations) == len(set(locations))
    for path in ["/", "/meetups/meetup-75/", "/archive/", "/speakers/", "/venues/", "/about/"]:
        assert f"{SITE}{path}" in locations
    # Every year of the archive has its page, and no year without meetups.
    years = sorted(location for location in locations if location.startswith(f"{SITE}/archive/2"))
    assert years == [f"{SITE}/archive/{year}/" for year in range(2016, 2027)]


def test_sitemap_has_the_upcoming_meetup_its_talk_speaker_and_venue(client, upcoming_event):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200

    locations = etree.fromstring(response.content).xpath("//sm:loc/text()", namespaces=SITEMAP)
    for path in [
        "/meetups/meetup-900/",
        "/meetups/meetup-900/talks/attention/",
        "/speakers/grace-example/",
        "/venues/a1/",
    ]:
        assert f"{SITE}{path}" in locations


def test_sitemap_answers_a_conditional_request_with_304(client, upcoming_event):
    first = client.get("/sitemap.xml")
    assert first.status_code == 200
    assert first.headers["Cache-Control"] == "public, max-age=3600"

    again = client.get("/sitemap.xml", HTTP_IF_NONE_MATCH=first.headers["ETag"])

    assert again.status_code == 304


def test_robots_txt_points_at_the_sitemap_on_the_configured_site(client, db):
    response = client.get("/robots.txt", HTTP_HOST="localhost")
    assert response.status_code == 200

    assert response.content.decode().splitlines() == [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {SITE}/sitemap.xml",
    ]


def test_favicon_ico_holds_the_logo_in_three_sizes(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "image/x-icon"
    assert "max-age=604800" in response.headers["Cache-Control"]

    icon = Image.open(io.BytesIO(response.content))
    assert icon.format == "ICO"
    assert {(16, 16), (32, 32), (48, 48)} <= set(icon.info["sizes"])


@pytest.mark.parametrize("url", ["/apple-touch-icon.png", "/apple-touch-icon-precomposed.png"])
def test_apple_touch_icon_is_an_opaque_180px_png(client, db, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "image/png"

    image = Image.open(io.BytesIO(response.content))
    assert (image.format, image.size, image.mode) == ("PNG", (180, 180), "RGB")


def test_web_manifest_names_the_site_and_its_icons_exist_in_their_sizes(client, db):
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)

    assert manifest["name"] == "Vienna Deep Learning Meetup"
    assert manifest["short_name"] == "VDLM"
    assert manifest["start_url"] == "/"
    assert {icon["sizes"] for icon in manifest["icons"]} >= {"192x192", "512x512"}
    for icon in manifest["icons"]:
        image_response = client.get(icon["src"])
        assert image_response.status_code == 200, icon["src"]
        image = Image.open(io.BytesIO(image_response.content))
        assert f"{image.width}x{image.height}" == icon["sizes"]
    assert client.get("/icons/icon-100.png").status_code == 404


def test_every_page_links_the_icons_and_the_manifest(client, upcoming_event):
    for url in ["/", "/archive/", "/meetups/meetup-900/", "/meetups/meetup-900/talks/attention/"]:
        response = client.get(url)
        assert response.status_code == 200
        head = etree.HTML(response.content).find("head")
        links = [(link.get("rel"), link.get("href")) for link in head.iter("link")]
        assert ("icon", "/favicon.ico") in links
        assert ("apple-touch-icon", "/apple-touch-icon.png") in links
        assert ("manifest", "/manifest.webmanifest") in links


def test_pages_missing_the_page_cache_are_compressed_too(client, history):
    plain = client.get("/archive/?view=all")
    response = client.get("/archive/?view=all", HTTP_ACCEPT_ENCODING="gzip, deflate, br")

    assert (plain.status_code, response.status_code) == (200, 200)
    assert "X-Page-Cache" not in response.headers  # not from the page cache
    assert response.headers["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response.headers["Vary"]
    assert len(response.content) < len(plain.content) / 3
    assert b"All meetups" in gzip.decompress(response.content)


@pytest.mark.parametrize("url", ["/archive/", "/feed/", "/calendar.ics", "/sitemap.xml", "/api/events.json"])
def test_text_responses_are_gzipped_once_on_a_miss_and_on_a_hit(client, upcoming_event, url):
    plain = client.get(url).content
    for expected in ["hit", "hit"]:
        response = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
        assert response.status_code == 200
        assert response.headers["X-Page-Cache"] == expected
        assert response.headers["Content-Encoding"] == "gzip"
        assert gzip.decompress(response.content) == plain  # compressed once, never twice

    from django.core.cache import cache

    cache.clear()
    miss = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert miss.headers["X-Page-Cache"] == "miss"
    assert miss.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(miss.content) == plain


def test_html_pages_answer_a_conditional_request_with_304(client, upcoming_event):
    first = client.get("/meetups/meetup-900/")
    hit = client.get("/meetups/meetup-900/")
    assert (first.status_code, hit.status_code) == (200, 200)

    again = client.get("/meetups/meetup-900/", HTTP_IF_NONE_MATCH=hit.headers["ETag"])

    assert again.status_code == 304


def test_slides_and_pictures_are_sent_as_they_are_never_gzipped_again(client, upcoming_event):
    from django.core.files.base import ContentFile

    from talks.models import Talk

    pdf = b"%PDF-1.4\n" + bytes(range(256)) * 40 + b"\n%%EOF\n"  # would compress well, were it text
    Talk.objects.get(slug="attention").slides.save("slides.pdf", ContentFile(pdf))

    slides = client.get("/meetups/meetup-900/talks/attention/slides/", HTTP_ACCEPT_ENCODING="gzip")
    card = client.get("/meetups/meetup-900/card.png", HTTP_ACCEPT_ENCODING="gzip")
    icon = client.get("/favicon.ico", HTTP_ACCEPT_ENCODING="gzip")

    assert (slides.status_code, card.status_code, icon.status_code) == (200, 200, 200)
    assert b"".join(slides.streaming_content) == pdf
    assert slides.headers["Content-Length"] == str(len(pdf))
    for response in (slides, card, icon):
        assert "Content-Encoding" not in response.headers
