"""An organizer prepares the next meetup in a real browser, the whole job: duplicate the last meetup, set date and
venue, add two talks with new speakers (photo, abstract, PDF) and their times, preview, publish. The test counts
page loads and clicks (the goal: at most 12 and 25, with no failed save; before this workspace it took 22 and 31).
"""

import datetime
import re

import pytest
from playwright.sync_api import expect

from events.enums import EventStatus
from events.models import Event, local_today
from talks.models import Speaker, Talk
from tests.files import image_bytes, pdf_bytes

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

MAX_PAGE_LOADS = 12
MAX_CLICKS = 25


class Counted:
    """The organizer's page, counting what a person does: page loads (popups included) and clicks."""

    def __init__(self, page):
        self.page = page
        self.loads = 0
        self.clicks = 0
        page.context.on("page", self._watch)
        self._watch(page)

    def _watch(self, page):
        page.on("load", lambda _: setattr(self, "loads", self.loads + 1))

    def click(self, locator):
        self.clicks += 1
        locator.click()

    def choose_file(self, locator, path):
        self.clicks += 1  # the file dialog
        locator.set_input_files(str(path))

    def select(self, locator, value):
        self.clicks += 1
        locator.select_option(value)

    def pick(self, container, text: str):
        """Choose `text` in a select2 autocomplete: open it, type, click the match."""
        self.click(container.locator(".select2-selection"))
        self.page.locator(".select2-search__field").last.fill(text)
        self.click(self.page.locator(".select2-results__option", has_text=text))


@pytest.fixture
def anonymous(browser, live_server):
    context = browser.new_context(base_url=live_server.url)
    yield context.new_page()
    context.close()


def add_speaker_in_popup(counted: Counted, row, name: str, affiliation: str, photo) -> None:
    with counted.page.expect_popup() as popup_info:
        counted.click(row.locator(".field-speakers .related-widget-wrapper-link.add-related"))
    popup = popup_info.value
    popup.wait_for_load_state()
    popup.locator("#id_name").fill(name)
    popup.locator("#id_affiliation").fill(affiliation)
    counted.choose_file(popup.locator("#id_photo"), photo)
    with popup.expect_event("close"):  # the popup closes itself once the speaker is saved
        counted.click(popup.get_by_role("button", name="Save", exact=True))


def add_talk(counted: Counted, *, time, title, speaker, abstract, deck, photo):
    page = counted.page
    index = int(page.locator("#id_agenda-TOTAL_FORMS").input_value())  # the new row's number
    counted.click(page.get_by_role("button", name=re.compile("add another agenda slot", re.I)))
    row = page.locator(f"#agenda-{index}")
    row.locator(f"#id_agenda-{index}-start_time").fill(time)
    counted.select(row.locator(f"#id_agenda-{index}-kind"), "talk")
    row.locator(f"#id_agenda-{index}-talk_title").fill(title)
    add_speaker_in_popup(counted, row, *speaker, photo)
    row.locator(f"#id_agenda-{index}-abstract").fill(abstract)
    counted.choose_file(row.locator(f"#id_agenda-{index}-slides"), deck)


def test_organizer_prepares_the_next_meetup_on_one_page(
    page, anonymous, organizer, history, tmp_path, screenshot
):
    last = Event.objects.get(number=75)
    venue = "TU Wien"
    photo = tmp_path / "portrait.png"
    photo.write_bytes(image_bytes((600, 600)))
    decks = []
    for name in ("agents", "forecasting"):
        decks.append(tmp_path / f"{name} final v3.pdf")
        decks[-1].write_bytes(pdf_bytes([f"{name} slide 1", "Questions?"]))
    counted = Counted(page)

    # Log in, find the last meetup.
    page.goto("/admin/")
    page.get_by_label("Username").fill("olga")
    page.get_by_label("Password").fill("pw-organizer-1")
    counted.click(page.get_by_role("button", name="Log in"))
    counted.click(page.get_by_role("link", name="Events", exact=True))
    expect(page.get_by_role("columnheader", name="Status")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280  # status and preview in view
    counted.click(page.get_by_role("link", name=last.title))

    # Duplicate it as the next meetup, at another venue, on the date offered.
    counted.click(page.get_by_role("link", name="Duplicate as next meetup…"))
    counted.pick(page.locator(".field-venue, #duplicate-form"), venue)
    counted.click(page.get_by_role("button", name="Create the draft"))
    expect(page.locator("ul.messagelist li.success")).to_contain_text("now add its talks")
    draft = Event.objects.get(number=76)
    assert (draft.status, draft.venue.name) == (EventStatus.DRAFT, venue)
    assert draft.date > local_today() and draft.date.weekday() == last.date.weekday()
    assert not draft.sponsorships.filter(role="host").exists()  # the old host stayed with the old venue
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280

    # Two talks, each with a new speaker (photo included), an abstract, slides and a time.
    add_talk(
        counted,
        time="18:45",
        title="Agents in production",
        speaker=("Ada Lovelace", "Analytical Engines"),
        abstract="What we learned shipping agents.",
        deck=decks[0],
        photo=photo,
    )
    add_talk(
        counted,
        time="19:40",
        title="Zero-shot forecasting",
        speaker=("Grace Höpper", "Navy Labs"),
        abstract="TiRex and friends.",
        deck=decks[1],
        photo=photo,
    )
    counted.click(page.get_by_role("button", name="Save and continue editing"))
    expect(page.locator("ul.messagelist li.success").first).to_contain_text("was changed successfully")
    assert page.locator(".errornote").count() == 0, "a save failed"
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    screenshot(page, "organizer-next-meetup")

    talks = {talk.title: talk for talk in Talk.objects.filter(slot__event=draft)}
    assert sorted(talks) == ["Agents in production", "Zero-shot forecasting"]
    assert [link.speaker.name for link in talks["Agents in production"].talk_speakers.all()] == [
        "Ada Lovelace"
    ]
    assert talks["Zero-shot forecasting"].slides_pages == 2
    assert Speaker.objects.get(name="Grace Höpper").photo.name == "speakers/grace-hopper.jpg"
    assert talks["Agents in production"].slot.start_time == datetime.time(18, 45)

    # Preview: the organizer sees the draft with its banner; the public does not see it at all.
    with page.context.expect_page() as preview_info:
        counted.click(page.get_by_role("link", name="Preview draft on site"))
    preview = preview_info.value
    preview.wait_for_load_state()
    assert preview.locator(".notice--draft").is_visible()
    assert preview.get_by_role("link", name="Agents in production", exact=True).is_visible()
    preview.close()
    assert anonymous.goto(draft.get_absolute_url()).status == 404

    # Publish from the meetup's own page.
    counted.click(page.get_by_role("button", name="Publish"))
    expect(page.locator("ul.messagelist li.success").first).to_contain_text("its page is public now")
    draft.refresh_from_db()
    assert draft.status == EventStatus.PUBLISHED

    print(f"prepare the next meetup: {counted.loads} page loads, {counted.clicks} clicks")
    assert counted.loads <= MAX_PAGE_LOADS and counted.clicks <= MAX_CLICKS

    # The public page shows it, and a slides download is the uploaded PDF.
    response = anonymous.goto(draft.get_absolute_url())
    assert response.status == 200
    assert anonymous.locator(".notice--draft").count() == 0
    anonymous.get_by_role(
        "link", name="Zero-shot forecasting", exact=True
    ).click()  # slides open inline; download
    with anonymous.expect_download() as download_info:
        anonymous.get_by_role("link", name="Download the slides").click()
    with open(download_info.value.path(), "rb") as file:
        assert file.read() == decks[1].read_bytes()
