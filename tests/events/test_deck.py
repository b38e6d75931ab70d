"""The intro deck at /meetups/<slug>/deck/: every slide from the site's data, in the order of the evening; drafts'
decks for organizers only; a fixed number of queries; markup that a strict Content-Security-Policy allows."""

import datetime
from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import User

from events.enums import EventStatus, SponsorRole
from events.models import Organizer
from events.services.logos import sponsor_set_logo
from events.services.organizers import organizer_set_photo
from talks.models import Speaker
from talks.services import speaker_set_photo
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
from tests.files import image_bytes, jpeg_with_gps, upload

pytestmark = pytest.mark.django_db

URL = "/meetups/meetup-32/deck/"


class DeckPage(HTMLParser):
    """The deck as a person sees it: each slide's kind, words and pictures (its footer and the initials standing in
    for missing photos apart); and any inline script or style."""

    def __init__(self, html: str):
        super().__init__()
        self.slides: list[dict] = []
        self.inline_code: list[str] = []
        self._open_sections = 0
        self._slide = None
        self._in_footer = False
        self._hidden_tag = None  # an element hidden from screen readers (and without children)
        self.feed(html)
        for slide in self.slides:
            slide["text"] = " ".join(" ".join(slide["text"]).split())

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "style" in attrs or tag == "style" or (tag == "script" and not attrs.get("src")):
            self.inline_code.append(self.get_starttag_text())
        if tag == "section" and "slide" in (attrs.get("class") or "").split():
            kind = next(name for name in attrs["class"].split() if name.startswith("slide--"))
            self._slide = {"kind": kind.removeprefix("slide--"), "label": attrs["aria-label"], "text": []}
            self._slide["classes"] = attrs["class"].split()
            self._slide["images"] = []
            self.slides.append(self._slide)
        if self._slide is not None:
            self._open_sections += tag == "section"
            self._in_footer = self._in_footer or "slide__footer" in (attrs.get("class") or "")
            self._hidden_tag = tag if attrs.get("aria-hidden") == "true" else self._hidden_tag
            if tag == "img" and not self._in_footer:
                self._slide["images"].append((attrs["src"], attrs.get("alt")))

    def handle_endtag(self, tag):
        self._in_footer = self._in_footer and tag != "p"
        self._hidden_tag = None if tag == self._hidden_tag else self._hidden_tag
        if self._slide is not None and tag == "section":
            self._open_sections -= 1
            if not self._open_sections:
                self._slide = None

    def handle_data(self, data):
        if self._slide is not None and not (self._in_footer or self._hidden_tag):
            self._slide["text"].append(data)

    def kinds(self) -> list[str]:
        return [slide["kind"] for slide in self.slides]

    def of_kind(self, kind: str) -> list[dict]:
        return [slide for slide in self.slides if slide["kind"] == kind]


def photo(name="photo.jpg"):
    return upload(jpeg_with_gps(size=(600, 600)), name=name, content_type="image/jpeg")


@pytest.fixture
def evening(media_root):
    """Meetup 32 as its organizers presented it (see shared/seeds): host, two talks, announcements, a job offer."""
    venue = make_venue(name="Takeda", slug="takeda-venue", address="Wagramer Straße 17-19", city="1220 Wien")
    event = make_event(
        number=32,
        title="32nd Deep Learning Meetup in Vienna",
        slug="meetup-32",
        date=datetime.date(2020, 1, 30),
        start_time=datetime.time(18, 30),
        venue=venue,
    )
    host = make_sponsor(
        name="Takeda Austria",
        slug="takeda",
        description="A site with a **long heritage**: more than 4,000 employees.",
        website="https://www.takeda.com/de-at/",
    )
    sponsor_set_logo(
        sponsor=host, file=upload(image_bytes((800, 300)), name="t.png", content_type="image/png")
    )
    make_sponsorship(event=event, sponsor=host)
    make_sponsorship(event=event, sponsor=make_sponsor(name="Snacks & Co"), role=SponsorRole.DRINKS)

    bonitz = make_speaker(name="Christoph Bonitz", slug="christoph-bonitz", affiliation="Njinn")
    speaker_set_photo(speaker=bonitz, file=photo())
    donner = make_speaker(name="René Donner", slug="rene-donner", affiliation="mva.ai")
    # Stored out of running order: the agenda slide must sort by time.
    make_slot(event=event, title="Networking", kind="networking", start_time=datetime.time(21, 15))
    make_talk(
        event=event, title="Report from NeurIPS 2019", speakers=[donner], start_time=datetime.time(20, 10)
    )
    make_talk(
        event=event,
        title="Self-Supervised Deep Learning",
        speakers=[bonitz],
        start_time=datetime.time(18, 55),
    )
    make_slot(event=event, title="Welcome & Introduction", kind="welcome", start_time=datetime.time(18, 30))
    make_talk(event=event, title="A withdrawn talk", is_cancelled=True, start_time=datetime.time(19, 30))
    # The speaker's affiliation at the time of the talk, not today's.
    donner.talk_speakers.update(affiliation="contextflow")

    make_announcement(
        event=event,
        order=2,
        title="Raffle: one free ticket for ML Prague",
        text="Answer by **February 9th**.",
        link="https://www.mlprague.com/",
    )
    make_announcement(event=event, order=1, title="VDLM on GitHub", link="https://github.com/vdlm/meetups")
    make_job_post(
        event=event,
        title="Lead Data Engineer",
        company="Automic",
        url="https://cd.automic.com/lead-data-engineer/",
        description="Build **data pipelines** with Python.",
        posted_on=datetime.date(2020, 1, 30),
        expires_on=datetime.date(2020, 2, 28),
    )
    make_job_post(event=event, title="Filled position", company="Automic", is_active=False)
    make_job_post(title="Role announced elsewhere", company="Other")

    schlueter = make_organizer(name="Jan Schlüter", affiliation="OFAI & contextflow", order=1)
    organizer_set_photo(organizer=schlueter, file=photo())
    make_organizer(speaker=donner, order=2)  # shows the speaker's name, affiliation (and photo, if any)
    # Its own affiliation, the speaker's photo.
    make_organizer(speaker=bonitz, affiliation="Njinn Technologies", order=3)

    # Later meetups: a draft and a cancelled one come first; neither is announced.
    make_event(title="Secret draft", slug="secret", date=datetime.date(2020, 2, 5), status=EventStatus.DRAFT)
    make_event(title="Called off", slug="off", date=datetime.date(2020, 2, 12), status=EventStatus.CANCELLED)
    make_event(
        number=33,
        title="33rd Deep Learning Meetup in Vienna",
        slug="meetup-33",
        date=datetime.date(2020, 2, 26),
        start_time=datetime.time(18, 30),
        venue=make_venue(name="Magenta Telekom", slug="magenta", address="Rennweg 97-99", city="1030 Wien"),
    )
    return event


def deck(client, url=URL) -> DeckPage:
    response = client.get(url)
    assert response.status_code == 200
    return DeckPage(response.content.decode())


def test_deck_slides_follow_the_evening(client, evening):
    page = deck(client)

    assert page.kinds() == [
        *("title", "organizers", "agenda", "host", "talk", "talk"),
        *("announcement", "announcement", "job", "next", "closing"),
    ]
    assert page.slides[0]["label"] == "1 of 11: 32nd Deep Learning Meetup in Vienna"
    assert page.slides[-1]["label"] == "11 of 11: Stay in touch"


def test_deck_title_slide_shows_number_title_date_venue_and_host_logo(client, evening):
    (title,) = deck(client).of_kind("title")

    assert title["text"] == (
        "Meetup #32 · #VDLM 32nd Deep Learning Meetup in Vienna Thursday, 30 January 2020 · 18:30 "
        "Takeda, Wagramer Straße 17-19, 1220 Wien"
    )
    assert title["images"] == [("/media/sponsors/takeda.png", "Takeda Austria")]


def test_deck_organizers_slide_shows_each_in_order_with_the_speakers_details(client, evening):
    (organizers,) = deck(client).of_kind("organizers")

    assert organizers["text"] == (
        "The organizers Jan Schlüter OFAI & contextflow René Donner mva.ai "
        "Christoph Bonitz Njinn Technologies"
    )
    # Photos: the organizer's own; none for René Donner (an initial stands in); Christoph Bonitz's as a speaker.
    schlueter = Organizer.objects.get(name="Jan Schlüter")
    assert organizers["images"] == [
        (f"/media/organizers/organizer-{schlueter.pk}.jpg", ""),
        ("/media/speakers/christoph-bonitz.jpg", ""),
    ]


def test_deck_topics_for_today_lists_the_agenda_in_time_order(client, evening):
    (agenda,) = deck(client).of_kind("agenda")

    assert agenda["text"] == (
        "Topics for today "
        "18:30 Welcome & Introduction "
        "18:55 Self-Supervised Deep Learning by Christoph Bonitz, Njinn "
        "19:30 A withdrawn talk Cancelled "
        "20:10 Report from NeurIPS 2019 by René Donner, contextflow "
        "21:15 Networking"
    )


def test_deck_host_slide_shows_logo_description_and_website(client, evening):
    (host,) = deck(client).of_kind("host")

    assert (
        host["text"]
        == "Tonight’s host A site with a long heritage : more than 4,000 employees. takeda.com/de-at"
    )
    assert host["images"] == [("/media/sponsors/takeda.png", "Takeda Austria")]


def test_deck_talk_slides_show_title_speakers_affiliation_at_the_time_and_photo(client, evening):
    talks = deck(client).of_kind("talk")

    assert [talk["text"] for talk in talks] == [
        "Talk · 18:55 Self-Supervised Deep Learning Christoph Bonitz Njinn",
        "Talk · 20:10 Report from NeurIPS 2019 René Donner contextflow",
    ]
    assert talks[0]["images"] == [("/media/speakers/christoph-bonitz.jpg", "")]
    assert talks[1]["images"] == []  # no photo: the initial stands in (hidden from screen readers)


def test_deck_announcement_slides_in_their_order_with_text_and_link(client, evening):
    announcements = deck(client).of_kind("announcement")

    assert [slide["text"] for slide in announcements] == [
        "Announcement VDLM on GitHub github.com/vdlm/meetups",
        "Announcement Raffle: one free ticket for ML Prague Answer by February 9th . mlprague.com",
    ]


def test_deck_job_slides_show_the_open_offers_announced_at_this_meetup(client, evening):
    (job,) = deck(client).of_kind("job")

    assert job["text"] == (
        "Job offer · Vienna Lead Data Engineer Automic Build data pipelines with Python. "
        "cd.automic.com/lead-data-engineer Apply by 28 February 2020"
    )


def test_deck_next_meetup_is_the_next_published_one(client, evening):
    (next_meetup,) = deck(client).of_kind("next")

    assert next_meetup["text"] == (
        "Save the date Next meetup: 26 February at Magenta Telekom Wednesday, 26 February 2020 · 18:30 "
        "33rd Deep Learning Meetup in Vienna Rennweg 97-99, 1030 Wien"
    )


def test_deck_next_meetup_to_be_announced_when_none_is_published(client, evening):
    (next_meetup,) = deck(client, "/meetups/meetup-33/deck/").of_kind("next")

    assert next_meetup["text"] == (
        "Save the date The next meetup is to be announced Follow the group to hear first."
    )


def test_deck_closing_slide_gives_the_groups_links_and_the_sites_address(client, evening, settings):
    settings.VDLM_GROUP_URL = "https://www.meetup.com/Vienna-Deep-Learning-Meetup/"
    settings.VDLM_SITE_URL = "https://vdlm.example.org"
    settings.VDLM_CONTACT_EMAIL = "hello@vdlm.example.org"

    (closing,) = deck(client).of_kind("closing")

    assert closing["text"] == (
        "Thank you — stay in touch! Join the group meetup.com/Vienna-Deep-Learning-Meetup "
        "Talks, slides and videos vdlm.example.org Write to us hello@vdlm.example.org "
        "Thanks to Takeda Austria, Snacks & Co."
    )


def test_deck_of_a_meetup_without_anything_yet_has_title_next_and_closing(client):
    make_event(slug="bare", title="A bare meetup", venue=None, start_time=None)

    page = deck(client, "/meetups/bare/deck/")

    assert page.kinds() == ["title", "next", "closing"]
    assert "Venue to be announced" in page.slides[0]["text"]


def test_deck_slides_with_much_to_show_get_smaller_type(client, evening):
    for n in range(3):  # six organizers
        make_organizer(name=f"Organizer {n}")
    make_announcement(event=evening, order=3, title="Short", text="See you there.")
    make_announcement(event=evening, order=4, title="Long", text="A sentence of some length. " * 18)
    make_announcement(event=evening, order=5, title="Longer", text="A sentence of some length. " * 29)

    page = deck(client)
    sizes = {slide["label"].split(": ", 1)[1]: slide["classes"][2:] for slide in page.slides}

    assert sizes["The organizers"] == ["slide--dense"]
    assert sizes["Topics for today"] == []
    assert (sizes["Short"], sizes["Long"], sizes["Longer"]) == ([], ["slide--dense"], ["slide--denser"])


def test_deck_footer_names_the_meetup_on_every_slide_but_the_title(client, evening):
    response = client.get(URL)

    assert response.status_code == 200
    assert response.content.decode().count('<p class="slide__footer">') == 10


def test_deck_has_no_inline_scripts_or_styles_for_a_strict_csp(client, evening):
    response = client.get(URL)
    content = response.content.decode()

    assert response.status_code == 200
    assert DeckPage(content).inline_code == []
    assert '<script src="/static/js/deck.js" defer></script>' in content


# Drafts


@pytest.fixture
def draft_evening(evening):
    evening.status = EventStatus.DRAFT
    evening.save()
    return evening


def test_deck_of_a_draft_is_not_found_for_visitors(client, draft_evening):
    assert client.get(URL).status_code == 404

    client.force_login(User.objects.create_user("member"))  # an account, but no organizer
    assert client.get(URL).status_code == 404


def test_deck_of_a_draft_opens_for_organizers(organizer_client, draft_evening):
    page = deck(organizer_client)

    assert page.kinds()[0] == "title"
    assert "32nd Deep Learning Meetup in Vienna" in page.slides[0]["text"]


def test_deck_of_a_published_meetup_never_announces_a_draft(organizer_client, evening):
    """Even for an organizer the next meetup is the next *published* one: the deck is shown to the room."""
    (next_meetup,) = deck(organizer_client).of_kind("next")

    assert "Secret draft" not in next_meetup["text"]
    assert "26 February" in next_meetup["text"]


def test_deck_after_publishing_a_draft_is_public_at_once(client, draft_evening):
    assert client.get(URL).status_code == 404

    draft_evening.status = EventStatus.PUBLISHED
    draft_evening.save()

    assert client.get(URL).status_code == 200


# Queries


@pytest.mark.parametrize(("url", "queries"), [("/meetups/meetup-900/deck/", 8), ("/about/", 1)])
def test_deck_and_about_run_a_fixed_number_of_queries_and_none_when_cached(
    client, site_data, upcoming_event, url, queries, django_assert_num_queries
):
    make_organizer(name="Ada Example")
    make_organizer(speaker=Speaker.objects.get(slug="grace-example"))
    make_announcement(event=upcoming_event, title="Raffle")

    with django_assert_num_queries(queries):
        response = client.get(url)
    assert response.status_code == 200

    with django_assert_num_queries(0):
        cached = client.get(url)
    assert cached.status_code == 200
    assert cached.headers["X-Page-Cache"] == "hit"
