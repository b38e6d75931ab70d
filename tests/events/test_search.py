"""Search over talks (title, abstract, slide text, speakers) and speakers, on the imported history."""

import pytest
from django.contrib.auth.models import User

from events.enums import EventStatus
from talks.models import Talk
from tests import factories

pytestmark = pytest.mark.django_db


def search(client, query: str) -> str:
    response = client.get("/search/", {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def test_search_runs_three_queries_whatever_the_archive_size(client, site_data, django_assert_num_queries):
    with django_assert_num_queries(3):
        response = client.get("/search/", {"q": "learning"})
    assert response.status_code == 200


def test_search_finds_a_historic_talk_by_title_words_in_any_order(client, history):
    content = search(client, "neox gpt")
    assert "GPT-NeoX-20B - An Open-Source Autoregressive Language Model" in content
    assert "Michael Pieler" in content


def test_search_finds_talks_by_speaker_and_speakers_by_other_spellings(client, history):
    content = search(client, "Rene Donner")
    # "Rene" is an alternative spelling of René Donner's name.
    assert 'href="/speakers/rene-donner/"' in content
    assert "René Donner" in content


def test_search_finds_words_in_uploaded_slide_text(client, upcoming_event):
    talk = Talk.objects.get(slot__event=upcoming_event)
    talk.slides_text = "Backpropagation through time, unrolled\fPage two"
    talk.save()

    content = search(client, "backpropagation")

    assert "Attention in practice" in content


def test_search_without_match_says_so(client, history):
    content = search(client, "zzzqqq")
    assert "No talk matches “zzzqqq”." in content
    assert "No speaker matches “zzzqqq”." in content


def test_search_refuses_an_overlong_query_with_a_clear_message(client, history):
    content = search(client, "x" * 101)
    assert "Please search for at most 100 characters." in content
    assert 'aria-invalid="true"' in content
    assert "No talk matches" not in content


def test_search_without_query_shows_only_the_form(client, history):
    content = search(client, "")
    assert '<input id="search-q" type="search" name="q" value=""' in content
    assert "No talk matches" not in content


def test_search_lets_staff_find_drafts_and_nobody_else(client, upcoming_event):
    draft = factories.make_event(status=EventStatus.DRAFT, slug="draft-meetup")
    factories.make_talk(event=draft, title="Unannounced quantum talk", slug="quantum")

    assert "Unannounced quantum talk" not in search(client, "quantum")
    client.force_login(User.objects.create_user("staff", is_staff=True))
    assert "Unannounced quantum talk" in search(client, "quantum")
