"""Search over talks, speakers, meetups and venues: what it finds, in what order, and why it says it matched.

The same tests run on SQLite (FTS5) and on PostgreSQL (full-text search with unaccent): one result contract.
"""

import datetime
import re

import pytest
from django.contrib.auth.models import User
from django.db import connection

from events.enums import EventStatus
from talks.models import Speaker, Talk, TalkSpeaker
from tests import factories

pytestmark = pytest.mark.django_db


def search(client, query: str) -> str:
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def section(content: str, heading_id: str) -> str:
    """The HTML of one result section ("talk-results", "speaker-results", …), or "" when it is absent."""
    match = re.search(rf'<section aria-labelledby="{heading_id}">(.*?)</section>', content, re.DOTALL)
    return match[1] if match else ""


def result_titles(content: str, heading_id: str) -> list[str]:
    """Titles of the results in one section, in order, without their <mark>s."""
    titles = re.findall(r'<h3 class="result__title"><a href="[^"]*">(.*?)</a>', section(content, heading_id))
    return [re.sub(r"</?mark>", "", title) for title in titles]


@pytest.fixture
def schluter(db):
    """Jan Schlüter, who gave talks at two meetups, one with a co-speaker."""
    jan = factories.make_speaker(name="Jan Schlüter", slug="jan-schluter", affiliation="JKU")
    other = factories.make_speaker(name="Thomas Lidy", slug="thomas-lidy")
    factories.make_talk(
        event=factories.make_event(date=datetime.date(2019, 12, 2)),
        title="Singing voice detection",
        speakers=[jan],
    )
    factories.make_talk(
        event=factories.make_event(date=datetime.date(2017, 1, 17)), title="Hot topics", speakers=[other, jan]
    )
    return jan


@pytest.mark.parametrize("query", ["Schluter", "SCHLÜTER", "schlueter", "schlüter", "schlu"])
def test_search_finds_a_speaker_and_their_talks_whatever_the_spelling(client, schluter, query):
    content = search(client, query)

    assert result_titles(content, "speaker-results") == ["Jan Schlüter"]
    assert result_titles(content, "talk-results") == ["Singing voice detection", "Hot topics"]
    assert "Jan <mark>Schlüter</mark>" in section(content, "talk-results")


@pytest.mark.parametrize(
    ("name", "queries"),
    [
        ("Martin Überbacher", ["Uberbacher", "Ueberbacher", "ÜBERBACHER", "überbacher"]),
        ("Antonín Dvořák", ["Dvorak", "DVOŘÁK", "dvořak"]),
        ("Søren Straße", ["soren strasse", "Søren Straße", "SOREN STRASSE"]),
    ],
)
def test_search_is_blind_to_case_accents_and_german_spellings(client, db, name, queries):
    speaker = factories.make_speaker(name=name, slug="someone")
    factories.make_talk(title="A talk", speakers=[speaker])

    for query in queries:
        assert result_titles(search(client, query), "speaker-results") == [name], query


def test_search_ranks_title_then_speakers_then_abstract_then_slides(client, db):
    # The newest talk mentions the word only in its slides, the oldest has it in its title.
    def talk(title, year, **fields):
        event = factories.make_event(date=datetime.date(year, 5, 1))
        return factories.make_talk(event=event, title=title, **fields)

    talk("Slides only", 2026, slides_text="Image classification at scale")
    talk("Abstract only", 2025, abstract="We compare **classification** losses.")
    speaker = factories.make_speaker(name="Classification Person", slug="classification-person")
    talk("Speaker only", 2024, speakers=[speaker])
    talk("Image classification with CNNs", 2018)

    content = search(client, "classification")

    assert result_titles(content, "talk-results") == [
        "Image classification with CNNs",
        "Speaker only",
        "Abstract only",
        "Slides only",
    ]


def test_search_ranks_more_words_in_the_title_first_and_newer_among_equals(client, db):
    for year, title in [
        (2017, "Attention in vision"),
        (2023, "Attention in language"),
        (2019, "Vision transformers"),
    ]:
        factories.make_talk(
            event=factories.make_event(date=datetime.date(year, 1, 1)),
            title=title,
            abstract="vision attention",
        )

    content = search(client, "attention vision")

    # Both words in the title first; then the two with one word in the title, the newer first.
    assert result_titles(content, "talk-results") == [
        "Attention in vision",
        "Attention in language",
        "Vision transformers",
    ]


def test_search_says_why_a_talk_matched_with_a_marked_excerpt(client, db):
    factories.make_talk(
        title="Trees",
        abstract="About forests.",
        slides_text="Page one\fWe used gradient boosting on Austrian data\fThanks",
    )

    talks = section(search(client, "boosting"), "talk-results")

    assert '<span class="result__where">Slides:</span>' in talks
    assert "We used gradient <mark>boosting</mark> on Austrian data" in talks


def test_search_excerpt_comes_from_the_abstract_as_plain_text(client, db):
    factories.make_talk(title="Trees", abstract="We use [gradient boosting](https://example.org) **daily**.")

    talks = section(search(client, "gradient"), "talk-results")

    assert (
        '<span class="result__where">Abstract:</span> We use <mark>gradient</mark> boosting daily.' in talks
    )


def test_search_escapes_what_it_marks(client, db):
    factories.make_talk(title="<script>alert(1)</script> boosting")

    talks = section(search(client, "boosting"), "talk-results")

    assert "<script>" not in talks
    assert "&lt;script&gt;alert(1)&lt;/script&gt; <mark>boosting</mark>" in talks


def test_search_finds_meetups_and_venues(client, db):
    venue = factories.make_venue(
        name="Marx Palast", slug="marx-palast", address="Maria-Jacobi-Gasse 2, 1030 Wien"
    )
    factories.make_event(
        title="Summer meetup at the palace", slug="summer", venue=venue, description="Rooftop talks."
    )

    content = search(client, "palast")
    assert result_titles(content, "venue-results") == ["Marx Palast"]
    assert "1 meetup" in section(content, "venue-results")

    content = search(client, "rooftop")
    assert result_titles(content, "event-results") == ["Summer meetup at the palace"]
    assert "<mark>Rooftop</mark> talks." in section(content, "event-results")


def test_search_splits_words_at_punctuation_on_both_databases(client, db):
    factories.make_talk(title="Papers", abstract="See arxiv.org/abs/2204.06745 and GPT-NeoX-20B.")

    assert result_titles(search(client, "arxiv"), "talk-results") == ["Papers"]
    assert result_titles(search(client, "neox 2204"), "talk-results") == ["Papers"]


def test_search_matches_word_starts_and_one_letter_words_whole(client, db):
    factories.make_talk(title="Transformers in practice")
    factories.make_talk(title="Part A of the course")

    assert result_titles(search(client, "transf"), "talk-results") == ["Transformers in practice"]
    assert result_titles(search(client, "formers"), "talk-results") == []
    assert result_titles(search(client, "a course"), "talk-results") == ["Part A of the course"]


def test_search_lets_staff_find_drafts_and_nobody_else(client, db):
    draft = factories.make_event(status=EventStatus.DRAFT, title="Secret quantum meetup", slug="draft-meetup")
    hidden = factories.make_speaker(name="Quentin Quantum", slug="quentin")
    factories.make_talk(event=draft, title="Unannounced quantum talk", slug="quantum", speakers=[hidden])

    content = search(client, "quantum")
    assert "Nothing matches “quantum”." in content
    for heading in ("talk-results", "speaker-results", "event-results"):
        assert section(content, heading) == ""

    client.force_login(User.objects.create_user("staff", is_staff=True))
    content = search(client, "quantum")
    assert result_titles(content, "talk-results") == ["Unannounced quantum talk"]
    assert result_titles(content, "speaker-results") == ["Quentin Quantum"]
    assert result_titles(content, "event-results") == ["Secret quantum meetup"]


def test_search_index_follows_every_kind_of_write(client, db):
    speaker = factories.make_speaker(name="Ada Lovelace", slug="ada")
    talk = factories.make_talk(title="Engines", speakers=[speaker])

    talk.title = "Analytical engines"
    talk.save()
    assert result_titles(search(client, "analytical"), "talk-results") == ["Analytical engines"]

    Speaker.objects.filter(pk=speaker.pk).update(name="Ada Byron")  # a bulk write
    assert result_titles(search(client, "byron"), "talk-results") == ["Analytical engines"]
    assert result_titles(search(client, "lovelace"), "talk-results") == []

    TalkSpeaker.objects.create(talk=talk, speaker=factories.make_speaker(name="Charles Babbage"), order=1)
    assert result_titles(search(client, "babbage"), "talk-results") == ["Analytical engines"]

    with connection.cursor() as cursor:  # even raw SQL
        cursor.execute("UPDATE talks_talk SET abstract = %s WHERE id = %s", ["On punched cards", talk.pk])
    assert result_titles(search(client, "punched"), "talk-results") == ["Analytical engines"]

    talk.delete()
    assert result_titles(search(client, "analytical"), "talk-results") == []


def test_search_index_is_filled_from_the_imported_history(client, history):
    content = search(client, "neox gpt")

    assert result_titles(content, "talk-results") == [
        "GPT-NeoX-20B - An Open-Source Autoregressive Language Model"
    ]
    assert "Michael Pieler" in section(content, "talk-results")


def test_search_finds_speakers_by_other_spellings_of_their_name(client, history):
    content = search(client, "Rene Donner")

    assert result_titles(content, "speaker-results") == ["René Donner"]


def test_search_finds_words_in_uploaded_slide_text(client, upcoming_event):
    talk = Talk.objects.get(slot__event=upcoming_event)
    talk.slides_text = "Backpropagation through time, unrolled\fPage two"
    talk.save()

    content = search(client, "backpropagation")

    assert result_titles(content, "talk-results") == ["Attention in practice"]


def test_search_without_match_says_so(client, history):
    content = search(client, "zzzqqq")

    assert "Nothing matches “zzzqqq”." in content


def test_search_refuses_an_overlong_query_with_a_clear_message(client, history):
    content = search(client, "x" * 101)

    assert "Please search for at most 100 characters." in content
    assert 'aria-invalid="true"' in content
    assert "Nothing matches" not in content


@pytest.mark.parametrize("query", ["", "   ", "…!?"])
def test_search_without_words_shows_only_the_form(client, history, query):
    content = search(client, query)

    assert '<input id="search-q" type="search" name="q"' in content
    assert "Nothing matches" not in content
    assert 'class="results"' not in content


def test_search_runs_seven_queries_whatever_the_archive_size(client, site_data, django_assert_num_queries):
    with django_assert_num_queries(7):
        response = client.get("/search/", {"q": "learning representations"})
    assert response.status_code == 200


def test_search_marks_a_speakers_affiliation_where_it_stands(client, db):
    speaker = factories.make_speaker(name="Ada Lovelace", slug="ada", affiliation="Analytical Engines Ltd")
    factories.make_talk(title="Notes", speakers=[speaker])

    speakers = section(search(client, "analytical"), "speaker-results")

    assert '<p class="muted"><mark>Analytical</mark> Engines Ltd · 1 talk</p>' in speakers
    assert "result__where" not in speakers  # no excerpt repeating it


@pytest.mark.parametrize("query", ["🤖", "*", "%", "\u200b", "-- ;"])
def test_search_without_letters_or_digits_says_what_it_needs(client, db, query):
    response = client.get("/search/", {"q": query})

    assert response.status_code == 200
    assert "search needs letters or digits" in response.content.decode()
