"""Talk and speaker pages: when and where a talk is, slides to read in the browser or download, faces, and the
speakers' index by family name."""

import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from talks.models import Speaker, Talk
from talks.services import speaker_set_photo, talk_attach_slides
from tests import factories
from tests.files import image_bytes, pdf_bytes

pytestmark = pytest.mark.django_db


def html(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_upcoming_talk_says_when_and_where_with_calendar_links(client, upcoming_event):
    content = html(client, "/meetups/meetup-900/talks/attention/")

    day = upcoming_event.date
    assert (
        f'<dt>When</dt><dd><time datetime="{day:%Y-%m-%d}">{day:%A}, {day.day} {day:%B %Y}</time>, 18:40</dd>'
        in content
    )
    assert '<a href="/venues/a1/">A1 Telekom</a>, Lassallestraße 9, 1020 Wien' in content
    assert 'href="https://www.openstreetmap.org/search?query=A1+Telekom' in content
    assert '<a class="button" href="/meetups/meetup-900/calendar.ics">Add to calendar</a>' in content
    assert 'href="https://www.meetup.com/vdlm/events/900/">Sign up on meetup.com</a>' in content


def test_talk_without_its_own_time_gives_the_evenings_start(client, upcoming_event):
    factories.make_talk(event=upcoming_event, title="Untimed", slug="untimed")

    content = html(client, "/meetups/meetup-900/talks/untimed/")

    assert "the evening starts at 18:30" in content


def test_past_talk_says_when_it_was_given_without_calendar(client, db):
    event = factories.make_event(
        slug="old", date=datetime.date(2019, 4, 2), meetup_url="https://meetup.example/1"
    )
    factories.make_talk(event=event, title="Old news", slug="old-news")

    content = html(client, "/meetups/old/talks/old-news/")

    assert '<dt>Given on</dt><dd><time datetime="2019-04-02">Tuesday, 2 April 2019</time>' in content
    assert "<dt>Where</dt><dd>Not recorded</dd>" in content
    assert "Add to calendar" not in content


def test_talk_slides_open_in_the_browser_with_a_separate_download_and_a_human_size(client, upcoming_event):
    talk = Talk.objects.get(slug="attention")
    deck = pdf_bytes(["Attention"])
    talk_attach_slides(talk=talk, file=SimpleUploadedFile("deck.pdf", deck, "application/pdf"))

    content = html(client, "/meetups/meetup-900/talks/attention/")

    size = f"{len(deck) / 1024:.1f} KB"
    assert (
        '<a class="chip" href="/meetups/meetup-900/talks/attention/slides/">View the slides '
        f'<span class="muted">PDF · 1 page · {size}</span></a>'
    ) in content
    assert '<a class="chip" href="/meetups/meetup-900/talks/attention/slides/" download>Download' in content
    response = client.get("/meetups/meetup-900/talks/attention/slides/")
    assert response.status_code == 200
    assert response.headers["Content-Disposition"] == 'inline; filename="vdlm-900-attention.pdf"'


def test_talk_with_slides_elsewhere_says_so(client, upcoming_event):
    Talk.objects.filter(slug="attention").update(slides_url="https://example.org/deck.pdf")

    content = html(client, "/meetups/meetup-900/talks/attention/")

    assert (
        'href="/meetups/meetup-900/talks/attention/slides/">Slides <span class="muted">(external link)</span>'
        in content
    )
    assert " download>" not in content


def test_talk_page_shows_the_speakers_faces(client, upcoming_event):
    speaker = factories.make_speaker(name="Ada Lovelace", slug="ada", bio="Wrote the *first* program.")
    speaker_set_photo(speaker=speaker, file=SimpleUploadedFile("ada.png", image_bytes(), "image/png"))
    factories.make_talk(event=upcoming_event, title="Engines", slug="engines", speakers=[speaker])

    content = html(client, "/meetups/meetup-900/talks/engines/")

    assert re.search(
        r'<img class="avatar avatar--m" src="/media/speakers/ada[^"]*" alt="" width="48"', content
    )
    assert "Wrote the first program." in content


def test_speaker_page_shows_a_large_avatar_with_initials_without_a_photo(client, upcoming_event):
    content = html(client, "/speakers/grace-example/")

    assert re.search(r'<span class="avatar avatar--l tone-\d" aria-hidden="true">GE</span>', content)
    assert '<span class="badge badge--upcoming">Upcoming</span>' in content


def test_speakers_index_is_by_family_name_with_letter_jumps_and_talk_counts(client, db):
    for name in ["Jan Schlüter", "Ada Lovelace", "Michael Hödlmoser", "Ömer Özdemir", "Alan Turing"]:
        factories.make_talk(speakers=[factories.make_speaker(name=name)])
    factories.make_talk(speakers=[factories.make_speaker(name="Grace Hopper")])
    factories.make_talk(speakers=list(Speaker.objects.filter(name="Grace Hopper")))
    factories.make_speaker(name="Nobody Spoke")

    content = html(client, "/speakers/")

    names = re.findall(r'<span><a href="/speakers/[^"]+/">([^<]+)</a>', content)
    assert names == [
        "Michael Hödlmoser",
        "Grace Hopper",
        "Ada Lovelace",
        "Ömer Özdemir",
        "Jan Schlüter",
        "Alan Turing",
    ]
    assert '<li><a href="#letter-H">H</a></li>' in content
    assert '<li><span aria-hidden="true">A</span></li>' in content  # nobody's family name starts with A
    assert '<h2 id="letter-O">O</h2>' in content
    assert 'Grace Hopper</a> <span class="muted">2 talks</span>' in content
    assert "Nobody Spoke" not in content
