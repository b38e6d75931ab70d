"""axe-core (the engine behind browser accessibility checkers) finds no violations on the public pages."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.files.uploadedfile import SimpleUploadedFile

from events.services.logos import sponsor_set_logo
from talks.models import Speaker
from talks.services import speaker_set_photo
from tests import factories
from tests.e2e.colours import contrast
from tests.files import image_bytes

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PAGES = {
    "home": "/",
    "archive": "/archive/",
    "archive year": "/archive/2017/",
    "event": "/meetups/meetup-44/",
    "event without a record": "/meetups/meetup-40/",
    "talk": "/meetups/meetup-44/talks/gpt-neox-20b-an-open-source-autoregressive-language-model/",
    "speaker": "/speakers/michael-pieler/",
    "speakers": "/speakers/",
    "venues": "/venues/",
    "venue": "/venues/a1-telekom-austria/",
    "sponsors": "/sponsors/",
    "jobs": "/jobs/",
    "search": "/search/?q=transformer",
    "search by name": "/search/?q=schlueter",
    "search without results": "/search/?q=zzzqqq",
    "not found": "/meetups/no-such-meetup/",
}
# Pages of the next meetup, with a speaker's photo and a sponsor's logo.
NEXT_MEETUP_PAGES = {
    "home with the next meetup": "/",
    "next meetup": "/meetups/meetup-900/",
    "upcoming talk": "/meetups/meetup-900/talks/attention/",
    "speaker with a photo": "/speakers/grace-example/",
}


@pytest.fixture(scope="module")
def axe():
    return Axe()


def assert_no_violations(axe, viewports, url, expected_status=200):
    for viewport in viewports:
        assert viewport.goto(url).status == expected_status, url
        results = axe.run(viewport)
        assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("name", PAGES)
def test_public_page_has_no_accessibility_violations(page, phone_page, history, axe, name):
    assert_no_violations(axe, (page, phone_page), PAGES[name], 404 if name == "not found" else 200)


@pytest.mark.parametrize("name", NEXT_MEETUP_PAGES)
def test_next_meetup_pages_have_no_accessibility_violations(page, phone_page, upcoming_event, axe, name):
    speaker = Speaker.objects.get(slug="grace-example")
    speaker_set_photo(speaker=speaker, file=SimpleUploadedFile("grace.png", image_bytes(), "image/png"))
    sponsor = factories.make_sponsor(name="Acme Robotics", website="https://acme.example/")
    sponsor_set_logo(
        sponsor=sponsor, file=SimpleUploadedFile("acme.png", image_bytes((400, 200)), "image/png")
    )
    factories.make_sponsorship(event=upcoming_event, sponsor=sponsor)

    assert_no_violations(axe, (page, phone_page), NEXT_MEETUP_PAGES[name])


def test_keyboard_focus_ring_stands_out_from_the_page(page, history):
    assert page.goto("/archive/").status == 200
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Tab")  # the site's name, the first link of the header
    ring = page.evaluate(
        """() => {
            const style = getComputedStyle(document.activeElement);
            return {width: style.outlineWidth, style: style.outlineStyle, color: style.outlineColor,
                    behind: getComputedStyle(document.body).backgroundColor};
        }"""
    )
    assert (ring["width"], ring["style"]) == ("3px", "solid")
    assert contrast(ring["color"], "rgb(255, 255, 255)") >= 3
    assert contrast(ring["color"], ring["behind"]) >= 3
