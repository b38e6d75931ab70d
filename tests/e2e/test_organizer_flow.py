"""An organizer prepares a meetup in the admin, in a real browser: event, talk, PDF, preview, publish, public page."""

import pytest
from playwright.sync_api import expect

from events.enums import EventStatus
from events.models import Event
from talks.models import Talk
from tests.factories import make_speaker
from tests.files import pdf_bytes

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def anonymous(browser, live_server):
    context = browser.new_context(base_url=live_server.url)
    yield context.new_page()
    context.close()


def pick_autocomplete(page, container, text: str) -> None:
    """Choose `text` in one of the admin's select2 autocomplete fields."""
    container.locator(".select2-selection").click()
    page.locator(".select2-search__field").fill(text)
    page.locator(".select2-results__option", has_text=text).click()


def test_organizer_prepares_previews_and_publishes_a_meetup(page, anonymous, organizer, tmp_path, screenshot):
    make_speaker(name="Ada Lovelace", slug="ada-lovelace", affiliation="Analytical Engines")
    deck = tmp_path / "Ada final v3.pdf"
    deck.write_bytes(pdf_bytes(["Engines that think", "Questions?"]))

    # Log in.
    page.goto("/admin/")
    page.get_by_label("Username").fill("olga")
    page.get_by_label("Password").fill("pw-organizer-1")
    page.get_by_role("button", name="Log in").click()
    assert page.get_by_role("heading", name="Prepare meetups").is_visible()

    # A new event.
    page.goto("/admin/events/event/add/")
    page.locator("#id_number").fill("99")
    page.locator("#id_title").fill("99th Deep Learning Meetup: Thinking Engines")
    page.locator("#id_date").fill("2031-03-12")
    page.locator("#id_start_time").fill("18:30")
    assert page.locator("#id_slug").input_value() == "99th-deep-learning-meetup-thinking-engines"
    assert page.locator("#id_status").input_value() == "draft"
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator("ul.messagelist li.success").first).to_contain_text("was added successfully")
    event = Event.objects.get(number=99)
    assert event.status == EventStatus.DRAFT
    assert "No talks yet." in page.locator("#publish-checklist").inner_text()

    # A talk added from the event's page: speaker, abstract and the PDF.
    page.get_by_role("link", name="Add a talk").click()
    page.locator("#id_title").fill("Engines that think")
    page.locator("#id_abstract").fill("How machines might one day compose music.")
    page.locator("#id_slides").set_input_files(str(deck))
    page.locator("#talk_speakers-group .add-row a").click()
    pick_autocomplete(page, page.locator("#talk_speakers-0"), "Ada Lovelace")
    page.locator("#id_talk_speakers-0-affiliation").fill("Analytical Engines")
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator("ul.messagelist li.success").first).to_contain_text("was added successfully")
    talk = Talk.objects.get(slot__event=event)
    assert (talk.slides.name, talk.slides_pages, talk.slides_text) == (
        "slides/talks/engines-that-think.pdf",
        2,
        "Engines that think\fQuestions?",
    )

    # Preview: the organizer sees the draft with its banner; the public does not see it at all.
    page.goto(f"/admin/events/event/{event.pk}/change/")
    with page.context.expect_page() as preview_info:
        page.get_by_role("link", name="Preview draft on site").click()
    preview = preview_info.value
    preview.wait_for_load_state()
    assert preview.locator(".notice--draft").is_visible()
    assert preview.get_by_role("heading", level=1).inner_text() == event.title
    screenshot(preview, "organizer-preview-draft")
    preview.close()
    assert anonymous.goto(event.get_absolute_url()).status == 404

    # Publish from the list of events.
    page.goto("/admin/events/event/")
    page.locator(f"input[name=_selected_action][value='{event.pk}']").check()
    page.locator("select[name=action]").select_option("publish")
    page.get_by_role("button", name="Go").click()
    expect(page.locator("ul.messagelist li.success")).to_have_text(f"Published: {event.title}.")

    # The public page shows it, and the slides download is the uploaded PDF.
    response = anonymous.goto(event.get_absolute_url())
    assert response.status == 200
    assert anonymous.locator(".notice--draft").count() == 0
    assert anonymous.get_by_role("heading", level=1).inner_text() == event.title
    screenshot(anonymous, "organizer-published-event")
    anonymous.get_by_role("link", name="Engines that think", exact=True).click()  # slides open inline; download
    with anonymous.expect_download() as download_info:
        anonymous.get_by_role("link", name="Download the slides").click()
    with open(download_info.value.path(), "rb") as file:
        assert file.read() == deck.read_bytes()
    talk.refresh_from_db()
    assert talk.download_count == 1
