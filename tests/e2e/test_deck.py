"""The intro deck in a real browser: keys and swipes step through the slides, a strict CSP lets it work, axe finds
nothing, and printing (Chromium's PDF, print media, landscape) gives one landscape page per slide."""

import datetime
import re
from io import BytesIO

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from pypdf import PdfReader

from events.enums import SponsorRole
from tests.factories import (
    make_announcement,
    make_event,
    make_job_post,
    make_organizer,
    make_slot,
    make_speaker,
    make_sponsor,
    make_sponsorship,
    make_talk,
    make_venue,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

URL = "/meetups/meetup-32/deck/"
# What each slide's heading says, in order: the page of the printed deck that shows it must say it too.
HEADINGS = [
    "32nd Deep Learning Meetup in Vienna",
    "The organizers",
    "Topics for today",
    "Takeda Austria",
    "Self-Supervised Deep Learning",
    "Report from NeurIPS 2019",
    "VDLM on GitHub",
    "Lead Data Engineer",
    "The next meetup is to be announced",
    "Thank you — stay in touch!",
]
STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'"


@pytest.fixture
def evening(db):
    event = make_event(
        number=32,
        title="32nd Deep Learning Meetup in Vienna",
        slug="meetup-32",
        date=datetime.date(2020, 1, 30),
        venue=make_venue(name="Takeda", address="Wagramer Straße 17-19"),
    )
    make_sponsorship(event=event, sponsor=make_sponsor(name="Takeda Austria"), role=SponsorRole.HOST)
    make_slot(event=event, title="Welcome & Introduction", kind="welcome", start_time=datetime.time(18, 30))
    bonitz = make_speaker(name="Christoph Bonitz", affiliation="Njinn Technologies")
    donner = make_speaker(name="René Donner", affiliation="contextflow")
    make_talk(
        event=event,
        title="Self-Supervised Deep Learning",
        speakers=[bonitz],
        start_time=datetime.time(18, 45),
    )
    make_talk(
        event=event, title="Report from NeurIPS 2019", speakers=[donner], start_time=datetime.time(20, 0)
    )
    make_slot(event=event, title="Networking", kind="networking", start_time=datetime.time(21, 0))
    make_announcement(
        event=event,
        title="VDLM on GitHub",
        text="All talks, slides, photos and videos: **every meetup since 2016**.",
        link="https://github.com/vdlm/meetups",
    )
    make_job_post(event=event, title="Lead Data Engineer", company="Automic", description="Data pipelines.")
    for name in ("Alex Schindler", "Jan Schlüter", "Thomas Lidy"):
        make_organizer(name=name, affiliation="TU Wien")
    make_organizer(speaker=donner)
    return event


def shown_slide(page) -> str:
    """The id of the one slide on screen (and checks that only one is)."""
    visible = page.locator(".slide:visible")
    expect(visible).to_have_count(1)
    return visible.get_attribute("id")


def test_deck_keys_step_through_the_slides(page, evening, screenshot):
    last = f"slide-{len(HEADINGS)}"
    page.goto(URL)
    assert shown_slide(page) == "slide-1"
    assert page.get_by_role("heading", level=2).filter(visible=True).inner_text() == HEADINGS[0]
    screenshot(page, "deck-title")

    for key, expected in [
        ("ArrowRight", "slide-2"),
        ("PageDown", "slide-3"),
        ("Space", "slide-4"),
        ("ArrowDown", "slide-5"),
        ("ArrowLeft", "slide-4"),
        ("PageUp", "slide-3"),
        ("ArrowUp", "slide-2"),
        ("End", last),
        ("ArrowRight", last),  # stays on the last slide
        ("Home", "slide-1"),
        ("PageUp", "slide-1"),  # and on the first
    ]:
        page.keyboard.press(key)
        assert shown_slide(page) == expected, key
        assert page.url.endswith(f"#{expected}")

    page.keyboard.press("PageDown")
    page.keyboard.press("PageDown")
    assert page.locator('[data-deck="counter"]').text_content() == f"3 / {len(HEADINGS)}"
    # Screen readers hear where they are (the controls may have faded out meanwhile).
    assert page.locator('[aria-live="polite"]').text_content() == "Slide 3 of 10: Topics for today"
    assert page.get_by_role("heading", level=2).filter(visible=True).inner_text() == "Topics for today"
    screenshot(page, "deck-topics")


def test_deck_opens_at_the_slide_in_its_address_and_has_buttons(page, evening):
    page.goto(f"{URL}#slide-5")
    assert shown_slide(page) == "slide-5"
    assert page.get_by_role("heading", level=2).filter(visible=True).inner_text() == HEADINGS[4]

    # As a person does: the mouse moves (the controls show, after fading out while it rested), then clicks.
    for button, expected in [
        ("Next slide", "slide-6"),
        ("Previous slide", "slide-5"),
        ("Previous slide", "slide-4"),
    ]:
        page.mouse.move(600, 400)
        page.get_by_role("button", name=button).click()
        assert shown_slide(page) == expected


def swipe(page, cdp, *, from_x: int, to_x: int, y: int = 300) -> None:
    """A finger on the touch screen, moved sideways (real touch input through the DevTools protocol)."""
    cdp.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": from_x, "y": y}]})
    for x in range(from_x, to_x, 20 if to_x > from_x else -20):
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x, "y": y}]})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})


def test_deck_swipes_step_through_the_slides_on_a_phone(phone_page, evening, screenshot):
    phone_page.goto(URL)
    cdp = phone_page.context.new_cdp_session(phone_page)

    swipe(phone_page, cdp, from_x=300, to_x=60)
    assert shown_slide(phone_page) == "slide-2"
    swipe(phone_page, cdp, from_x=300, to_x=60)
    assert shown_slide(phone_page) == "slide-3"
    screenshot(phone_page, "deck-phone-topics")
    # From the left edge: the deck's previous slide, not the browser's "back" (overscroll-behavior in deck.css).
    swipe(phone_page, cdp, from_x=20, to_x=300)
    assert shown_slide(phone_page) == "slide-2"
    assert phone_page.url.endswith("/deck/#slide-2")
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 360
    # Every control sits inside the bar, within the screen.
    bar = phone_page.locator(".deck__controls").bounding_box()
    for control in phone_page.locator(".deck__controls a, .deck__controls button:visible").all():
        box = control.bounding_box()
        assert bar["x"] <= box["x"] and box["x"] + box["width"] <= bar["x"] + bar["width"] <= 360, control


def test_deck_works_under_a_strict_content_security_policy(page, evening):
    """No inline script or style: with script-src and style-src 'self' nothing is refused and the keys still work."""
    refused = []
    page.on(
        "console", lambda message: refused.append(message.text) if "Security Policy" in message.text else None
    )

    def with_csp(route):
        response = route.fetch()
        route.fulfill(response=response, headers={**response.headers, "content-security-policy": STRICT_CSP})

    page.route(re.compile(r".*/deck/$"), with_csp)
    response = page.goto(URL)

    assert response.status == 200
    assert response.headers["content-security-policy"] == STRICT_CSP
    page.keyboard.press("ArrowRight")
    assert shown_slide(page) == "slide-2"
    assert refused == []


def test_deck_has_no_accessibility_violations(page, phone_page, evening):
    axe = Axe()
    for viewport in (page, phone_page):
        assert viewport.goto(URL).status == 200
        for slide in (1, 3, 5):
            viewport.goto(f"{URL}#slide-{slide}")
            results = axe.run(viewport)
            assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize(
    "paper",
    [
        {"prefer_css_page_size": True},  # what Chromium's "Save as PDF" does: landscape in the printer's size
        {"format": "A4", "landscape": True},
        {"format": "Letter", "landscape": True},
    ],
    ids=["as-the-page-says", "A4-landscape", "Letter-landscape"],
)
def test_deck_prints_one_slide_per_landscape_page(page, evening, paper, tmp_path):
    page.goto(f"{URL}#slide-4")  # printing from the middle of the deck still prints all of it
    page.emulate_media(media="print")

    pdf = PdfReader(BytesIO(page.pdf(print_background=True, **paper)))

    assert len(pdf.pages) == len(HEADINGS)
    for number, (sheet, heading) in enumerate(zip(pdf.pages, HEADINGS, strict=True), start=1):
        width, height = float(sheet.mediabox.width), float(sheet.mediabox.height)
        assert width > height, f"page {number} is not landscape"
        text = " ".join(sheet.extract_text().split())
        assert heading in text, (number, text)
        if number > 1:
            # The slide's number in its footer: each slide on a page of its own.
            assert text.endswith(str(number)), (number, text)


def test_about_page_and_an_event_page_with_announcements_have_no_accessibility_violations(
    page, phone_page, evening
):
    axe = Axe()
    for url in ("/about/", evening.get_absolute_url()):
        for viewport in (page, phone_page):
            assert viewport.goto(url).status == 200
            results = axe.run(viewport)
            assert results.violations_count == 0, (url, results.generate_report())
    assert page.get_by_role("heading", name="Announcements").is_visible()
    page.get_by_role("link", name="Intro deck of 32nd Deep Learning Meetup in Vienna").click()
    assert shown_slide(page) == "slide-1"


def test_deck_controls_rest_out_of_sight_and_come_back_for_the_keyboard(page, evening):
    page.goto(URL)
    controls = page.get_by_role("navigation", name="Slides")
    expect(controls).to_be_visible()

    expect(controls).to_be_hidden(timeout=5000)  # the mouse rests: the audience sees the slide alone
    page.keyboard.press("Tab")

    expect(controls).to_be_visible()
