"""What the public pages show."""

import datetime
import json

import pytest
from django.core.cache import cache
from django.template.loader import render_to_string

from common.visibility import PUBLIC
from events.enums import EventStatus
from events.models import Event
from talks.models import Speaker, Talk
from tests import factories

pytestmark = pytest.mark.django_db


def html(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_home_shows_the_next_meetup_with_agenda_venue_and_calendar(client, upcoming_event):
    content = html(client, "/")

    assert "Next meetup" in content
    assert "Meetup 900" in content
    assert "Attention in practice" in content
    assert "Lassallestraße 9, 1020 Wien" in content
    assert 'href="/meetups/meetup-900/calendar.ics"' in content
    assert 'href="https://www.meetup.com/vdlm/events/900/"' in content
    assert "ML Engineer" in content
    assert '<link rel="alternate" type="application/atom+xml"' in content
    assert '<link rel="alternate" type="text/calendar"' in content


def test_home_without_upcoming_meetup_says_so_and_shows_the_latest_as_past(client, history):
    content = html(client, "/")

    assert "The next meetup is not announced yet" in content
    assert "Add to calendar" not in content
    latest = Event.objects.visible_to(PUBLIC).past().first()
    assert latest.title in content


def test_event_page_marks_cancelled_event_and_talk(client, upcoming_event):
    Talk.objects.filter(slug="attention").update(is_cancelled=True)
    upcoming_event.status = EventStatus.CANCELLED
    upcoming_event.save()

    content = html(client, "/meetups/meetup-900/")

    assert "This meetup is cancelled." in content
    assert '<span class="badge badge--cancelled">Cancelled</span>' in content


def test_event_page_links_previous_and_next_meetup(client, history, upcoming_event):
    previous = Event.objects.visible_to(PUBLIC).past().first()

    content = html(client, "/meetups/meetup-900/")

    assert f'rel="prev" href="{previous.get_absolute_url()}"' in content
    assert 'rel="next"' not in content


def test_event_page_carries_schema_org_event_json_ld(client, upcoming_event):
    content = html(client, "/meetups/meetup-900/")

    block = content.split('<script type="application/ld+json">')[1].split("</script>")[0]
    data = json.loads(block)
    assert data["@type"] == "Event"
    assert data["name"] == "Meetup 900"
    assert data["startDate"] == upcoming_event.starts_at.isoformat()
    assert data["location"]["name"] == "A1 Telekom"
    assert data["performer"] == [{"@type": "Person", "name": "Grace Example"}]


def test_event_page_json_ld_cannot_close_its_script_block(client, upcoming_event):
    upcoming_event.title = "</script><script>alert(1)</script>"
    upcoming_event.save()

    content = html(client, "/meetups/meetup-900/")

    assert "</script><script>alert(1)" not in content
    assert "\\u003C/script\\u003E" in content


def test_pages_have_title_description_canonical_and_open_graph(client, upcoming_event, settings):
    settings.VDLM_SITE_URL = "https://meetup.example.org"
    content = html(client, "/meetups/meetup-900/talks/attention/")

    assert "<title>Attention in practice · Vienna Deep Learning Meetup</title>" in content
    assert '<meta name="description" content="An abstract.">' in content  # markdown as plain text
    # The configured address, not the request's host (testserver).
    assert (
        '<link rel="canonical" href="https://meetup.example.org/meetups/meetup-900/talks/attention/">'
        in content
    )
    assert '<meta property="og:title" content="Attention in practice">' in content


def test_meta_description_is_plain_text_escaped_once(client, upcoming_event):
    upcoming_event.description = "Tips & **tricks** for <b>GPUs</b>, see [the paper](https://a.example)."
    upcoming_event.save()

    content = html(client, "/meetups/meetup-900/")

    assert (
        "Tips &amp; tricks for &lt;b&gt;GPUs&lt;/b&gt;, see the paper."
        in content.split('name="description"')[1]
    )


def test_markdown_is_rendered_and_sanitised(client, upcoming_event):
    upcoming_event.description = (
        "**bold** <script>alert(1)</script> [x](javascript:alert(1)) [ok](https://a.example)"
    )
    upcoming_event.save()

    content = html(client, "/meetups/meetup-900/")

    assert "<strong>bold</strong>" in content
    assert "<script>alert(1)</script>" not in content
    assert 'href="javascript:' not in content
    assert '<a href="https://a.example" rel="noopener noreferrer nofollow">ok</a>' in content


def test_archive_shows_the_latest_year_and_links_every_year(client, upcoming_event):
    factories.make_event(title="Old one", slug="old-one", date=datetime.date(2017, 3, 1))
    factories.make_event(title="Older one", slug="older-one", date=datetime.date(2016, 5, 1))

    content = html(client, "/archive/")

    assert f'id="year-{upcoming_event.date.year}"' in content
    assert "Meetup 900" in content
    assert "Old one" not in content
    assert content.index('href="/archive/2017/"') < content.index('href="/archive/2016/"')


def test_archive_year_shows_only_that_year(client, upcoming_event):
    factories.make_event(title="Old one", slug="old-one", date=datetime.date(2017, 3, 1))

    content = html(client, "/archive/2017/")

    assert "Old one" in content
    assert "Meetup 900" not in content
    assert "<title>Meetups in 2017 · Vienna Deep Learning Meetup</title>" in content


def test_archive_year_without_meetups_is_not_found(client, upcoming_event):
    assert client.get("/archive/1999/").status_code == 404


@pytest.mark.parametrize("year", ["0", "0000", "02019", "10000", "99999999999999999999", "9999"])
def test_archive_odd_years_are_not_found_never_an_error(client, upcoming_event, year):
    assert client.get(f"/archive/{year}/").status_code == 404


def test_jobs_page_shows_open_posts_only(client, db):
    factories.make_job_post(title="Open role", company="Acme")
    factories.make_job_post(
        title="Expired role",
        company="Acme",
        posted_on=datetime.date(2020, 1, 1),
        expires_on=datetime.date(2020, 2, 1),
    )
    factories.make_job_post(title="Closed role", company="Acme", is_active=False)

    content = html(client, "/jobs/")

    assert "Open role" in content
    assert "Expired role" not in content
    assert "Closed role" not in content


def test_speaker_page_lists_talks_with_the_affiliation_at_the_time(client, upcoming_event):
    content = html(client, "/speakers/grace-example/")

    assert "Attention in practice" in content
    assert "as IST Austria" in content


def test_speaker_index_counts_public_talks(client, upcoming_event):
    content = html(client, "/speakers/")

    assert "Grace Example" in content
    assert "1 talk</span>" in content


def test_venue_page_lists_its_meetups_and_map(client, upcoming_event):
    content = html(client, "/venues/a1/")

    assert "Meetup 900" in content
    assert "openstreetmap.org" in content


def test_sponsors_page_lists_events_with_roles(client, upcoming_event):
    content = html(client, "/sponsors/")

    assert 'id="a1-sponsor"' in content
    assert "Meetup 900" in content
    assert "Host" in content


def test_not_found_page_is_in_the_site_design(client, db):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    content = response.content.decode()
    assert "<title>Page not found · Vienna Deep Learning Meetup</title>" in content
    assert 'class="skip-link"' in content


def test_server_error_page_renders_without_a_request_or_database(db, django_assert_num_queries):
    with django_assert_num_queries(0):
        content = render_to_string("500.html")

    assert "Something went wrong" in content
    assert 'href="/static/css/site.css"' in content


def meta_description(content: str) -> str:
    return content.split('<meta name="description" content="', 1)[1].split('"', 1)[0]


def test_event_meta_description_says_when_where_and_what(client, upcoming_event):
    upcoming_event.description = ""
    upcoming_event.save()

    description = meta_description(html(client, "/meetups/meetup-900/"))

    day = upcoming_event.date
    assert description == f"{day:%A}, {day.day} {day:%B %Y} at A1 Telekom. Attention in practice"


def test_speaker_meta_description_is_the_bio_or_a_sentence(client, upcoming_event):
    assert meta_description(html(client, "/speakers/grace-example/")) == (
        "Talks by Grace Example at the Vienna Deep Learning Meetup."
    )
    Speaker.objects.filter(slug="grace-example").update(bio="Grace *studies* attention.")
    cache.clear()

    assert meta_description(html(client, "/speakers/grace-example/")) == "Grace studies attention."
