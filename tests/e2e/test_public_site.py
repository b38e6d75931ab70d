"""The public site in a real browser, on the imported history: pages, navigation, a slide download, phone width."""

import pytest
from django.core.files.base import ContentFile

from common.visibility import PUBLIC
from events.models import Event
from talks.models import Talk

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PHONE_WIDTH = 360


def event_with_talks() -> Event:
    return (
        Event.objects.visible_to(PUBLIC)
        .filter(agenda__talk__talk_speakers__isnull=False)
        .order_by("-date")
        .first()
    )


def talk_with_speakers(event: Event) -> Talk:
    talks = Talk.objects.filter(slot__event=event, talk_speakers__isnull=False).select_related("slot__event")
    return talks.order_by("slot__position").first()


def fits_phone_width(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE_WIDTH


def test_public_home_shows_meetups_and_sponsors(page, history, screenshot):
    page.goto("/")

    assert page.title() == "Vienna Deep Learning Meetup"
    assert page.get_by_role("heading", name="Latest meetups").is_visible()
    assert page.locator(".event-row").count() == 6
    screenshot(page, "public-home")


def test_public_archive_lists_every_meetup_by_year(page, history, screenshot):
    page.goto("/archive/")

    assert page.get_by_role("heading", level=1).inner_text() == "All meetups"
    assert page.locator(".event-row").count() == history.count()
    page.get_by_role("navigation", name="Years").get_by_role("link", name="2017").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Meetups in 2017"
    screenshot(page, "public-archive-2017")


def test_public_event_talk_and_speaker_follow_each_other(page, history, screenshot):
    event = event_with_talks()
    talk = talk_with_speakers(event)
    speaker = talk.speakers.first()

    page.goto(event.get_absolute_url())
    assert page.get_by_role("heading", level=1).inner_text() == event.title
    assert page.get_by_role("heading", name="Agenda").is_visible()
    screenshot(page, "public-event")

    page.get_by_role("link", name=talk.title, exact=True).first.click()
    assert page.get_by_role("heading", level=1).inner_text() == talk.title
    screenshot(page, "public-talk")

    page.locator(".speakers").get_by_role("link", name=speaker.name, exact=True).click()
    assert page.get_by_role("heading", level=1).inner_text() == speaker.name
    assert page.get_by_role("link", name=talk.title, exact=True).is_visible()
    screenshot(page, "public-speaker")


def test_public_slide_download_is_served_and_counted(page, history):
    talk = talk_with_speakers(event_with_talks())
    Talk.objects.filter(pk=talk.pk).update(slides_url="")
    talk.refresh_from_db()
    talk.slides.save("deck.pdf", ContentFile(PDF))

    page.goto(talk.get_absolute_url())
    with page.expect_download() as download_info:
        page.get_by_role("link", name=f"Slides for “{talk.title}”").click()
    download = download_info.value

    folder = talk.slot.event.folder
    assert download.suggested_filename == f"vdlm-{folder}-{talk.slug}.pdf"
    with open(download.path(), "rb") as file:
        assert file.read() == PDF
    talk.refresh_from_db()
    assert talk.download_count == 1


def test_public_external_slide_link_redirects_and_counts(page, history):
    talk = Talk.objects.visible_to(PUBLIC).exclude(slides_url="").select_related("slot__event").first()

    response = page.request.get(talk.get_slides_url(), max_redirects=0)

    assert response.status == 302
    assert response.headers["location"] == talk.slides_url
    talk.refresh_from_db()
    assert talk.download_count == 1


@pytest.mark.parametrize(
    "name", ["home", "archive", "event", "talk", "speaker", "speakers", "sponsors", "jobs", "search"]
)
def test_public_pages_fit_a_phone_without_horizontal_scrolling(phone_page, history, screenshot, name):
    event = event_with_talks()
    talk = talk_with_speakers(event)
    urls = {
        "home": "/",
        "archive": "/archive/",
        "event": event.get_absolute_url(),
        "talk": talk.get_absolute_url(),
        "speaker": talk.speakers.first().get_absolute_url(),
        "speakers": "/speakers/",
        "sponsors": "/sponsors/",
        "jobs": "/jobs/",
        "search": "/search/?q=learning",
    }

    phone_page.goto(urls[name])

    assert fits_phone_width(phone_page), phone_page.evaluate("document.documentElement.scrollWidth")
    menu_rows = phone_page.eval_on_selector_all(
        ".nav a", "links => links.map(l => l.getBoundingClientRect().top)"
    )
    assert len(set(menu_rows)) == 1, "the main menu wraps onto a second line"
    screenshot(phone_page, f"public-phone-{name}")


def test_public_search_from_the_header_finds_a_talk(page, history, screenshot):
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Search").click()
    page.get_by_label("Words in a talk's title, abstract or slides, or a speaker's name").fill("GPT-NeoX")
    page.keyboard.press("Enter")

    page.get_by_role(
        "link", name="GPT-NeoX-20B - An Open-Source Autoregressive Language Model", exact=True
    ).click()

    assert page.get_by_role("heading", level=1).inner_text().startswith("GPT-NeoX-20B")
    screenshot(page, "public-search")


def test_public_skip_link_appears_on_focus_and_moves_to_content(page, history):
    page.goto("/archive/")

    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    assert skip.evaluate("element => element === document.activeElement")
    assert skip.bounding_box()["y"] >= 0
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#content"


def test_public_not_found_page_is_in_the_site_design(page, history, screenshot):
    response = page.goto("/meetups/no-such-meetup/")

    assert response.status == 404
    assert page.get_by_role("heading", level=1).inner_text() == "Page not found"
    screenshot(page, "public-404")
