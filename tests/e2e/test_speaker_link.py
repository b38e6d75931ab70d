"""A speaker opens their talk's private link in a real browser, on a phone and on a desktop: edits the talk and
themselves, uploads the slides PDF and a photo, saves; once the meetup is published it is all on the talk's page.
And the organizer's copy button puts the link on the clipboard."""

import datetime
from io import BytesIO

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from PIL import Image
from playwright.sync_api import expect

from events.enums import EventStatus
from events.models import local_today
from events.services.publishing import event_publish
from events.services.speaker_links import speaker_link_url
from talks.models import Speaker, Talk
from tests.events.speaker_link_pages import link_path
from tests.factories import make_event, make_speaker, make_talk
from tests.files import jpeg_with_gps, pdf_bytes

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

VIEWPORTS = {"phone": "phone_page", "desktop": "page"}


@pytest.fixture
def draft_talk():
    event = make_event(
        number=80,
        title="80th Deep Learning Meetup",
        slug="meetup-80",
        date=local_today() + datetime.timedelta(days=20),
        status=EventStatus.DRAFT,
    )
    grace = make_speaker(name="Grace Example", slug="grace-example", email="grace@example.org")
    return make_talk(event=event, title="Attention (working title)", slug="attention", speakers=[grace])


def fits_width(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_speaker_link_edit_and_uploads_reach_the_talks_page_once_published(
    request, draft_talk, tmp_path, media_root, screenshot, viewport
):
    page = request.getfixturevalue(VIEWPORTS[viewport])
    deck = tmp_path / "My Talk.pdf"
    deck.write_bytes(pdf_bytes(["Attention", "is all you need", "Thanks"]))
    portrait = tmp_path / "portrait.jpg"
    portrait.write_bytes(jpeg_with_gps((1600, 1200)))
    grace = Speaker.objects.get(name="Grace Example")

    response = page.goto(link_path(draft_talk))

    assert response.status == 200
    assert page.get_by_role("heading", level=1).inner_text() == "Attention (working title)"
    assert fits_width(page)
    page.get_by_label("Title").fill("Attention in practice")
    page.get_by_label("Abstract").fill("How **attention** works,\nwith examples.")
    page.get_by_label("Slides (PDF)").set_input_files(str(deck))
    page.get_by_label("Affiliation").fill("TU Wien")
    page.get_by_label("Bio").fill("Grace studies attention.")
    page.get_by_label("Photo", exact=True).set_input_files(str(portrait))
    page.get_by_label("GitHub").fill("github.com/grace")
    screenshot(page, f"speaker-link-filled-{viewport}")
    page.get_by_role("button", name="Save changes").click()

    expect(page.get_by_role("status")).to_contain_text("Saved the talk’s title, abstract and slides")
    expect(page.get_by_role("img", name="The photo of Grace Example stored now")).to_be_visible()
    assert page.get_by_label("Title").input_value() == "Attention in practice"
    assert "Stored now: a PDF of 3 pages" in page.content()
    assert fits_width(page)
    screenshot(page, f"speaker-link-saved-{viewport}")

    talk = Talk.objects.select_related("slot__event").get(pk=draft_talk.pk)
    assert page.goto(talk.get_absolute_url()).status == 404  # the draft stays private
    event_publish(event=talk.slot.event)

    assert page.goto(talk.get_absolute_url()).status == 200
    assert page.get_by_role("heading", level=1).inner_text() == "Attention in practice"
    expect(page.locator(".prose strong")).to_have_text("attention")
    expect(page.locator(".people--header")).to_contain_text("Grace Example TU Wien")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the slides").click()
    with open(download_info.value.path(), "rb") as file:
        assert file.read() == deck.read_bytes()
    page.locator(".people--header").get_by_role("link", name="Grace Example").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Grace Example"
    grace.refresh_from_db()
    assert page.locator(".speaker img.avatar").get_attribute("src") == grace.photo.url
    photo = Image.open(BytesIO((media_root / grace.photo.name).read_bytes()))
    assert (photo.size, photo.getexif().get_ifd(0x8825)) == ((400, 300), {})
    assert grace.github == "https://github.com/grace"
    screenshot(page, f"speaker-link-public-{viewport}")


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_speaker_link_refused_file_is_named_next_to_its_field(request, draft_talk, tmp_path, viewport):
    page = request.getfixturevalue(VIEWPORTS[viewport])
    not_a_pdf = tmp_path / "slides.pdf"
    not_a_pdf.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    page.goto(link_path(draft_talk))

    page.get_by_label("Slides (PDF)").set_input_files(str(not_a_pdf))
    page.get_by_role("button", name="Save changes").click()

    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Slides (PDF): This file is not a PDF")
    summary.get_by_role("link", name="Slides (PDF): This file is not a PDF", exact=False).click()
    expect(page.get_by_label("Slides (PDF)")).to_be_focused()
    assert page.get_by_label("Slides (PDF)").get_attribute("aria-invalid") == "true"
    assert fits_width(page)
    assert Talk.objects.get(pk=draft_talk.pk).slides.name == ""


def test_speaker_link_page_has_no_accessibility_violations(page, phone_page, draft_talk):
    axe = Axe()
    for viewport in (page, phone_page):
        assert viewport.goto(link_path(draft_talk)).status == 200
        results = axe.run(viewport)
        assert results.violations_count == 0, results.generate_report()
        viewport.get_by_label("Title").fill("")
        viewport.get_by_role("button", name="Save changes").click()
        expect(viewport.get_by_role("alert")).to_contain_text("Title: This field is required.")
        results = axe.run(viewport)
        assert results.violations_count == 0, results.generate_report()


def test_speaker_link_copy_button_puts_the_link_on_the_clipboard(
    browser, live_server, organizer, draft_talk, screenshot
):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto("/admin/login/")
    page.get_by_label("Username").fill("olga")
    page.get_by_label("Password").fill("pw-organizer-1")
    page.get_by_role("button", name="Log in").click()

    page.goto(reverse("admin:talks_talk_change", args=[draft_talk.pk]))
    page.get_by_role("button", name="Copy link").click()

    expect(page.locator("#speaker-link-status")).to_have_text("Copied.")
    screenshot(page, "speaker-link-admin-copied")
    assert page.evaluate("navigator.clipboard.readText()") == speaker_link_url(draft_talk)
    context.close()
