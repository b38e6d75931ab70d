"""Drafts are invisible on every public surface for visitors, and visible (with a banner) to staff only."""

import datetime

import pytest
from django.contrib.auth.models import User

from events.enums import EventStatus
from tests import factories

pytestmark = pytest.mark.django_db

SECRET = "Secret Draft Meetup"


@pytest.fixture
def draft(upcoming_event):
    venue = factories.make_venue(name="Draft Venue", slug="draft-venue")
    event = factories.make_event(
        title=SECRET,
        slug="secret-draft",
        number=901,
        status=EventStatus.DRAFT,
        date=datetime.date.today() + datetime.timedelta(days=3),
        venue=venue,
    )
    speaker = factories.make_speaker(name="Hidden Speaker", slug="hidden-speaker")
    talk = factories.make_talk(event=event, title="Hidden Talk", slug="hidden-talk", speakers=[speaker])
    talk.slides_url = "https://example.org/hidden.pdf"
    talk.save()
    factories.make_sponsorship(
        event=event, sponsor=factories.make_sponsor(name="Hidden Sponsor", slug="hidden")
    )
    # A job post to be announced at the draft meetup stays private with it.
    factories.make_job_post(title="Hidden role", company="Acme", event=event)
    return event


LISTINGS = [
    "/",
    "/archive/",
    f"/archive/{datetime.date.today().year}/",
    "/speakers/",
    "/sponsors/",
    "/jobs/",
    "/about/",
    "/feed/",
    "/calendar.ics",
    "/api/events.json",
    "/sitemap.xml",
    "/search/?q=hidden",
    "/search/?q=draft",
]
DETAILS = [
    "/meetups/secret-draft/",
    "/meetups/secret-draft/calendar.ics",
    "/meetups/secret-draft/intro-slides/",
    "/meetups/secret-draft/deck/",
    "/meetups/secret-draft/talks/hidden-talk/",
    "/meetups/secret-draft/talks/hidden-talk/slides/",
    "/speakers/hidden-speaker/",
    "/venues/draft-venue/",
]


@pytest.mark.parametrize("url", LISTINGS)
def test_drafts_never_appear_in_public_listings(client, draft, url):
    response = client.get(url)
    content = response.content.decode()

    assert response.status_code == 200
    for secret in (
        *(SECRET, "Hidden Talk", "Hidden Speaker", "Hidden Sponsor", "Hidden role"),
        *("secret-draft", "Draft Venue"),
    ):
        assert secret not in content, (url, secret)


@pytest.mark.parametrize("url", DETAILS)
def test_drafts_detail_pages_are_not_found_for_visitors(client, draft, url):
    assert client.get(url).status_code == 404


def test_drafts_do_not_leak_into_cached_pages_after_staff_preview(client, draft):
    staff = type(client)()
    staff.force_login(User.objects.create_user("staff", is_staff=True))
    assert SECRET in staff.get("/archive/").content.decode()

    response = client.get("/archive/")

    assert response.status_code == 200
    assert SECRET not in response.content.decode()


def test_drafts_publishing_shows_the_event_at_once(client, draft):
    client.get("/archive/")

    draft.status = EventStatus.PUBLISHED
    draft.save()

    response = client.get("/archive/")
    assert response.status_code == 200
    assert SECRET in response.content.decode()


def test_drafts_staff_preview_event_with_a_draft_banner(client, draft):
    client.force_login(User.objects.create_user("staff", is_staff=True))

    response = client.get("/meetups/secret-draft/")
    content = response.content.decode()

    assert response.status_code == 200
    assert SECRET in content
    assert "notice--draft" in content
    assert "only organizers see this page" in content


def test_drafts_staff_preview_talk_and_speaker(client, draft):
    client.force_login(User.objects.create_user("staff", is_staff=True))

    assert client.get("/meetups/secret-draft/talks/hidden-talk/").status_code == 200
    speaker_page = client.get("/speakers/hidden-speaker/")
    assert speaker_page.status_code == 200
    assert "Hidden Talk" in speaker_page.content.decode()


def test_drafts_job_posts_are_listed_for_staff_only(client, draft):
    assert "Hidden role" not in client.get("/jobs/").content.decode()

    client.force_login(User.objects.create_user("staff", is_staff=True))
    response = client.get("/jobs/")

    assert response.status_code == 200
    assert "Hidden role" in response.content.decode()
    assert SECRET in response.content.decode()  # "announced at" the draft, for staff


def test_drafts_published_event_has_no_draft_banner(client, upcoming_event):
    client.force_login(User.objects.create_user("staff", is_staff=True))

    response = client.get("/meetups/meetup-900/")
    assert response.status_code == 200
    assert "notice--draft" not in response.content.decode()
