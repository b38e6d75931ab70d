"""Announcements: added on the meetup's admin page (title, markdown, link, image, order), checked images, shown on
the meetup's page; drafts' announcements stay private."""

import datetime
import re
from io import BytesIO

import pytest
from django.db import IntegrityError
from django.urls import reverse
from PIL import Image

from common.visibility import PUBLIC
from events.enums import EventStatus
from events.models import Announcement, Event
from events.services.announcements import announcement_set_image
from tests.admin_pages import add_inline_row, change_page_data
from tests.common.test_images import SVG
from tests.factories import make_announcement, make_event
from tests.files import image_bytes, jpeg_with_gps, stored_files, upload

pytestmark = pytest.mark.django_db

INLINE = "announcements"


@pytest.fixture
def meetup():
    return make_event(number=32, slug="meetup-32", date=datetime.date(2020, 1, 30))


def change_url(event: Event) -> str:
    return reverse("admin:events_event_change", args=[event.pk])


def opened(client, event: Event) -> dict:
    response = client.get(change_url(event))
    assert response.status_code == 200
    return change_page_data(response)


def test_admin_announcement_added_with_a_checked_image(
    organizer_client, meetup, media_root, django_capture_on_commit_callbacks
):
    data = opened(organizer_client, meetup)
    add_inline_row(
        data,
        INLINE,
        title="Raffle: one free ticket",
        text="Answer by **February 9th**.",
        link="https://www.mlprague.com/",
        order="2",
        image=upload(jpeg_with_gps(size=(3000, 2000)), name="IMG_0001.jpg", content_type="image/jpeg"),
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = organizer_client.post(change_url(meetup), data)

    assert response.status_code == 302, response.context and response.context["errors"]
    announcement = Announcement.objects.get(event=meetup)
    assert (announcement.title, announcement.text, announcement.link, announcement.order) == (
        "Raffle: one free ticket",
        "Answer by **February 9th**.",
        "https://www.mlprague.com/",
        2,
    )
    # Named with a random part: nobody finds a draft's image by counting.
    assert stored_files(media_root) == [announcement.image.name]
    assert re.fullmatch(
        rf"announcements/announcement-{announcement.pk}-[\w-]{{12}}\.webp", announcement.image.name
    )
    image = Image.open(BytesIO(announcement.image.read()))
    assert (image.format, image.size, dict(image.getexif())) == ("WEBP", (1200, 800), {})


def test_admin_announcement_refuses_an_svg_and_keeps_the_form(organizer_client, meetup, media_root):
    data = opened(organizer_client, meetup)
    add_inline_row(
        data,
        INLINE,
        title="Our logo",
        order="0",
        image=upload(SVG, name="logo.svg", content_type="image/svg+xml"),
    )

    response = organizer_client.post(change_url(meetup), data)

    assert response.status_code == 200
    assert "SVG images are not accepted" in response.content.decode()
    assert 'value="Our logo"' in response.content.decode()  # what was typed stays in the form
    assert not Announcement.objects.exists()
    assert stored_files(media_root) == []


def test_admin_announcement_needs_a_title(organizer_client, meetup):
    data = opened(organizer_client, meetup)
    add_inline_row(data, INLINE, title="", text="Something without a title", order="0")

    response = organizer_client.post(change_url(meetup), data)

    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not Announcement.objects.exists()


def test_announcement_without_title_is_refused_by_the_database(meetup):
    with pytest.raises(IntegrityError):
        Announcement.objects.create(event=meetup, title="")


def test_admin_announcement_image_cleared_is_deleted(
    organizer_client, meetup, media_root, django_capture_on_commit_callbacks
):
    announcement = make_announcement(event=meetup, title="Poster")
    announcement_set_image(announcement=announcement, file=upload(image_bytes(), name="p.png"))
    assert stored_files(media_root) == [announcement.image.name]
    data = opened(organizer_client, meetup) | {f"{INLINE}-0-image-clear": "on"}

    with django_capture_on_commit_callbacks(execute=True):
        response = organizer_client.post(change_url(meetup), data)

    assert response.status_code == 302
    announcement.refresh_from_db()
    assert (announcement.title, announcement.image.name) == ("Poster", "")
    assert stored_files(media_root) == []


def test_admin_announcement_deleted_takes_its_image_along(
    organizer_client, meetup, media_root, django_capture_on_commit_callbacks
):
    announcement = make_announcement(event=meetup, title="Poster")
    announcement_set_image(announcement=announcement, file=upload(image_bytes(), name="p.png"))
    data = opened(organizer_client, meetup) | {f"{INLINE}-0-DELETE": "on"}

    with django_capture_on_commit_callbacks(execute=True):
        response = organizer_client.post(change_url(meetup), data)

    assert response.status_code == 302
    assert not Announcement.objects.exists()
    assert stored_files(media_root) == []


def test_announcement_image_replaced_leaves_one_file(meetup, media_root, django_capture_on_commit_callbacks):
    announcement = make_announcement(event=meetup)
    with django_capture_on_commit_callbacks(execute=True):
        announcement_set_image(announcement=announcement, file=upload(image_bytes(), name="a.png"))
    with django_capture_on_commit_callbacks(execute=True):
        announcement_set_image(
            announcement=announcement, file=upload(image_bytes((50, 50), format="JPEG"), name="b.jpg")
        )

    assert stored_files(media_root) == [announcement.image.name]
    assert Image.open(BytesIO(announcement.image.read())).size == (50, 50)


# On the meetup's page


def test_event_page_shows_announcements_in_their_order(client, meetup):
    make_announcement(event=meetup, order=2, title="Raffle", text="Answer by **Sunday**.")
    make_announcement(event=meetup, order=1, title="VDLM on GitHub", link="https://github.com/vdlm/meetups")

    response = client.get(meetup.get_absolute_url())
    content = response.content.decode()

    assert response.status_code == 200
    assert content.index("VDLM on GitHub") < content.index("Raffle")
    assert "Answer by <strong>Sunday</strong>." in content
    assert '<a href="https://github.com/vdlm/meetups">github.com/vdlm/meetups</a>' in content


def test_event_page_links_the_deck_of_past_meetups_only(client, meetup):
    upcoming = make_event(slug="soon", date=datetime.date.today() + datetime.timedelta(days=7))

    past_page = client.get(meetup.get_absolute_url())
    upcoming_page = client.get(upcoming.get_absolute_url())

    assert past_page.status_code == upcoming_page.status_code == 200
    assert 'href="/meetups/meetup-32/deck/"' in past_page.content.decode()
    assert "/deck/" not in upcoming_page.content.decode()


def test_announcements_of_a_draft_are_not_public(meetup):
    draft = make_event(status=EventStatus.DRAFT)
    make_announcement(event=draft, title="Not yet")
    public = make_announcement(event=meetup, title="Public")

    assert list(Announcement.objects.visible_to(PUBLIC)) == [public]


def test_announcement_edit_drops_the_cached_event_page(client, meetup):
    announcement = make_announcement(event=meetup, title="Old news")
    first = client.get(meetup.get_absolute_url())
    assert first.status_code == 200
    assert "Old news" in first.content.decode()
    cached = client.get(meetup.get_absolute_url())
    assert cached.status_code == 200
    assert cached.headers["X-Page-Cache"] == "hit"

    announcement.title = "Fresh news"
    announcement.save()

    response = client.get(meetup.get_absolute_url())
    assert response.status_code == 200
    assert "Fresh news" in response.content.decode()
