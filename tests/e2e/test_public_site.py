"""The public site in a real browser, on the imported history: pages, navigation, search, slides, phone width."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from playwright.sync_api import expect

from common.visibility import PUBLIC
from events.models import Event
from talks.models import Speaker, Talk
from talks.services import speaker_set_photo
from tests import factories
from tests.files import image_bytes

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


def test_public_home_without_a_next_meetup_says_so_and_lists_past_meetups(page, history, screenshot):
    page.goto("/")

    assert page.title() == "Vienna Deep Learning Meetup"
    expect(page.get_by_role("heading", level=1, name="Vienna Deep Learning Meetup")).to_be_visible()
    expect(page.get_by_role("heading", name="The next meetup is not announced yet")).to_be_visible()
    expect(page.get_by_role("link", name="Subscribe to the calendar").first).to_be_visible()
    expect(page.get_by_role("link", name="Add to calendar")).to_have_count(0)
    assert page.locator(".event-row").count() == 6
    assert page.locator(".event-row .badge--upcoming").count() == 0
    screenshot(page, "public-home")


def test_public_home_leads_with_the_next_meetup(page, history, upcoming_event, screenshot):
    page.goto("/")

    hero = page.locator(".hero")
    expect(hero.get_by_role("heading", name="Next meetup")).to_be_visible()
    expect(hero.get_by_role("link", name="Meetup 900")).to_be_visible()
    expect(hero.get_by_role("link", name="Add to calendar")).to_be_visible()
    screenshot(page, "public-home-next-meetup")


def test_public_archive_is_a_year_per_page_with_a_jump_list(page, history, screenshot):
    latest_year = history.order_by("-date").first().date.year
    page.goto("/archive/")

    assert page.get_by_role("heading", level=1).inner_text() == "All meetups"
    assert page.locator(".event-row").count() == history.filter(date__year=latest_year).count()
    page.get_by_role("navigation", name="Years").get_by_role("link", name="2017").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Meetups in 2017"
    assert page.locator(".event-row").count() == history.filter(date__year=2017).count()
    assert page.evaluate("document.getElementsByTagName('*').length") < 600

    # Talk titles are links, speakers named, slides a link.
    talk = Talk.objects.filter(slot__event__date__year=2017, talk_speakers__isnull=False).first()
    row = page.locator(
        ".event-row__talks li", has=page.get_by_role("link", name=talk.title, exact=True)
    ).first
    expect(row).to_contain_text(talk.speakers.first().name)
    screenshot(page, "public-archive-2017")
    row.get_by_role("link", name=talk.title, exact=True).click()
    assert page.get_by_role("heading", level=1).inner_text() == talk.title


def test_public_event_talk_and_speaker_follow_each_other(page, history, screenshot):
    event = event_with_talks()
    talk = talk_with_speakers(event)
    speaker = talk.speakers.first()

    page.goto(event.get_absolute_url())
    assert page.get_by_role("heading", level=1).inner_text() == event.title
    expect(page.get_by_text("Took place on")).to_be_visible()
    expect(page.get_by_role("link", name="Add to calendar")).to_have_count(0)
    expect(page.locator(".agenda .avatar").first).to_be_visible()
    screenshot(page, "public-event")

    page.get_by_role("link", name=talk.title, exact=True).first.click()
    assert page.get_by_role("heading", level=1).inner_text() == talk.title
    expect(page.locator(".facts")).to_contain_text("Given on")
    screenshot(page, "public-talk")

    page.locator(".people").get_by_role("link", name=speaker.name, exact=True).click()
    assert page.get_by_role("heading", level=1).inner_text() == speaker.name
    assert page.get_by_role("link", name=talk.title, exact=True).is_visible()
    screenshot(page, "public-speaker")


def test_public_upcoming_talk_shows_time_venue_and_calendar(page, upcoming_event, screenshot):
    page.goto("/meetups/meetup-900/talks/attention/")

    facts = page.locator(".facts")
    expect(facts).to_contain_text("18:40")
    expect(facts.get_by_role("link", name="A1 Telekom", exact=True)).to_be_visible()
    expect(facts.get_by_role("link", name="Map of A1 Telekom")).to_be_visible()
    expect(page.get_by_role("link", name="Add to calendar")).to_be_visible()
    screenshot(page, "public-talk-upcoming")


def test_public_placeholder_meetup_says_what_is_not_known(page, history, screenshot):
    page.goto("/meetups/meetup-40/")

    expect(page.get_by_text("Venue not recorded")).to_be_visible()
    expect(page.get_by_text("No agenda was recorded for this meetup")).to_be_visible()
    screenshot(page, "public-event-placeholder")


def test_public_slides_open_in_the_browser_and_download_separately(page, history):
    talk = talk_with_speakers(event_with_talks())
    Talk.objects.filter(pk=talk.pk).update(slides_url="")
    talk.refresh_from_db()
    talk.slides.save("deck.pdf", ContentFile(PDF))

    page.goto(talk.get_absolute_url())
    with page.expect_response(lambda response: response.url.endswith("/slides/")) as response_info:
        page.get_by_role("link", name="View the slides").click()
    response = response_info.value
    assert (response.status, response.headers["content-type"]) == (200, "application/pdf")
    assert response.headers["content-disposition"].startswith("inline;")  # the browser's PDF viewer shows it

    page.goto(talk.get_absolute_url())
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the slides").click()
    download = download_info.value
    assert download.suggested_filename == f"vdlm-{talk.slot.event.folder}-{talk.slug}.pdf"
    with open(download.path(), "rb") as file:
        assert file.read() == PDF
    talk.refresh_from_db()
    assert talk.download_count == 2


def test_public_external_slide_link_redirects_and_counts(page, history):
    talk = Talk.objects.visible_to(PUBLIC).exclude(slides_url="").select_related("slot__event").first()

    response = page.request.get(talk.get_slides_url(), max_redirects=0)

    assert response.status == 302
    assert response.headers["location"] == talk.slides_url
    talk.refresh_from_db()
    assert talk.download_count == 1


def test_public_faces_and_logos_appear(page, upcoming_event, screenshot):
    speaker = Speaker.objects.get(slug="grace-example")
    speaker_set_photo(speaker=speaker, file=SimpleUploadedFile("grace.png", image_bytes(), "image/png"))
    factories.make_talk(
        event=upcoming_event, title="Second talk", speakers=[factories.make_speaker(name="Ada Lovelace")]
    )

    page.goto("/meetups/meetup-900/")

    photo = page.locator("img.avatar").first
    expect(photo).to_be_visible()
    assert photo.evaluate("image => image.naturalWidth") > 0
    expect(page.locator("span.avatar", has_text="AL")).to_be_visible()
    expect(page.locator(".sponsor-chip .logo--initials", has_text="A1")).to_be_visible()
    screenshot(page, "public-event-faces")


def test_public_search_from_the_header_finds_a_speaker_whatever_the_spelling(page, history, screenshot):
    page.goto("/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Search").click()
    page.get_by_label("Search talks, speakers, meetups and venues").fill("schlueter")
    page.keyboard.press("Enter")

    speakers = page.locator("section", has=page.get_by_role("heading", name="Speakers"))
    expect(speakers.get_by_role("link", name="Jan Schlüter")).to_be_visible()
    expect(page.locator(".result mark", has_text="Schlüter").first).to_be_visible()
    screenshot(page, "public-search")

    page.get_by_role("link", name="Jan Schlüter").first.click()
    assert page.get_by_role("heading", level=1).inner_text() == "Jan Schlüter"


def test_public_search_ranks_title_matches_first_and_says_why_others_matched(page, history, screenshot):
    page.goto("/search/?q=classification")

    titles = page.locator("#talk-results + .results .result__title").all_inner_texts()
    assert "classification" in titles[0].lower()
    expect(page.locator(".result__where").first).to_be_visible()
    screenshot(page, "public-search-ranked")


def test_public_not_found_page_offers_search(page, history, screenshot):
    response = page.goto("/meetups/no-such-meetup/")

    assert response.status == 404
    assert page.get_by_role("heading", level=1).inner_text() == "Page not found"
    screenshot(page, "public-404")
    page.get_by_label("Search talks, speakers, meetups and venues").fill("GPT-NeoX")
    page.keyboard.press("Enter")
    expect(
        page.get_by_role("link", name="GPT-NeoX-20B - An Open-Source Autoregressive Language Model")
    ).to_be_visible()


def test_public_footer_sits_at_the_bottom_of_a_short_page(page, db, screenshot):
    page.goto("/jobs/")

    footer_bottom = page.locator(".site-footer").evaluate("footer => footer.getBoundingClientRect().bottom")
    assert footer_bottom == page.evaluate("window.innerHeight")
    screenshot(page, "public-short-page")


@pytest.mark.parametrize(
    "name",
    [
        *("home", "archive", "event", "placeholder", "talk", "speaker", "speakers"),
        *("venues", "venue", "sponsors", "jobs", "search", "not found"),
    ],
)
def test_public_pages_fit_a_phone_without_horizontal_scrolling(phone_page, history, screenshot, name):
    event = event_with_talks()
    talk = talk_with_speakers(event)
    urls = {
        "home": "/",
        "archive": "/archive/2017/",
        "event": event.get_absolute_url(),
        "placeholder": "/meetups/meetup-40/",
        "talk": talk.get_absolute_url(),
        "speaker": talk.speakers.first().get_absolute_url(),
        "speakers": "/speakers/",
        "venues": "/venues/",
        "venue": "/venues/a1-telekom-austria/",
        "sponsors": "/sponsors/",
        "jobs": "/jobs/",
        "search": "/search/?q=learning",
        "not found": "/no-such-page/",
    }

    phone_page.goto(urls[name])

    assert fits_phone_width(phone_page), phone_page.evaluate("document.documentElement.scrollWidth")
    menu_rows = phone_page.eval_on_selector_all(
        ".nav a", "links => links.map(l => l.getBoundingClientRect().top)"
    )
    assert len(set(menu_rows)) == 1, "the main menu wraps onto a second line"
    screenshot(phone_page, f"public-phone-{name}")


def test_public_skip_link_appears_on_focus_and_moves_to_content(page, history):
    page.goto("/archive/")

    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    assert skip.evaluate("element => element === document.activeElement")
    assert skip.bounding_box()["y"] >= 0
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#content"


def test_public_speakers_index_jumps_to_a_letter(page, history, screenshot):
    page.goto("/speakers/")

    page.get_by_role("navigation", name="Family names by letter").get_by_role(
        "link", name="S", exact=True
    ).click()
    assert page.evaluate("location.hash") == "#letter-S"
    expect(
        page.locator("#letter-S + .speaker-index").get_by_role("link", name="Jan Schlüter")
    ).to_be_in_viewport()
    screenshot(page, "public-speakers")


def test_public_dates_in_the_past_never_offer_a_calendar(page, history):
    today = datetime.date.today()
    for event in history.filter(date__lt=today).order_by("-date")[:3]:
        page.goto(event.get_absolute_url())
        expect(page.get_by_role("link", name="Add to calendar")).to_have_count(0)
