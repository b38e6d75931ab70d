"""The group's organizers (admin, About page) and the ways to the deck: the meetup's admin page and the footer."""

from io import BytesIO

import pytest
from django.db import IntegrityError
from django.urls import reverse
from PIL import Image

from events.enums import EventStatus
from events.models import Organizer
from events.services.organizers import organizer_set_photo
from talks.services import speaker_set_photo
from tests.common.test_images import SVG
from tests.factories import make_event, make_organizer, make_speaker, make_talk
from tests.files import image_bytes, jpeg_with_gps, stored_files, upload

pytestmark = pytest.mark.django_db


def organizer_form(**fields) -> dict:
    return {"name": "", "speaker": "", "affiliation": "", "order": "0"} | fields


def test_admin_organizer_added_with_a_clean_photo(organizer_client, media_root):
    response = organizer_client.post(
        reverse("admin:events_organizer_add"),
        organizer_form(
            name="Jan Schlüter",
            affiliation="OFAI & contextflow",
            photo=upload(jpeg_with_gps(size=(1200, 800)), name="IMG_1.jpg", content_type="image/jpeg"),
        ),
    )

    assert response.status_code == 302
    organizer = Organizer.objects.get()
    assert (organizer.display_name, organizer.display_affiliation) == ("Jan Schlüter", "OFAI & contextflow")
    assert stored_files(media_root) == [f"organizers/organizer-{organizer.pk}.jpg"]
    photo = Image.open(BytesIO(organizer.photo.read()))
    assert (photo.format, photo.size, dict(photo.getexif())) == ("JPEG", (400, 267), {})


def test_admin_organizer_refuses_an_svg_photo(organizer_client, media_root):
    response = organizer_client.post(
        reverse("admin:events_organizer_add"),
        organizer_form(name="Jan", photo=upload(SVG, name="me.svg", content_type="image/svg+xml")),
    )

    assert response.status_code == 200
    assert "SVG images are not accepted" in response.content.decode()
    assert not Organizer.objects.exists()
    assert stored_files(media_root) == []


def test_admin_organizer_needs_a_name_or_a_speaker(organizer_client):
    response = organizer_client.post(reverse("admin:events_organizer_add"), organizer_form(affiliation="TU"))

    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {
        "name": ["Give the organizer's name, or choose the speaker they are."]
    }
    assert not Organizer.objects.exists()


def test_admin_organizer_as_a_speaker_shows_the_speakers_details(organizer_client):
    speaker = make_speaker(name="René Donner", affiliation="contextflow")

    response = organizer_client.post(
        reverse("admin:events_organizer_add"), organizer_form(speaker=speaker.pk)
    )

    assert response.status_code == 302
    organizer = Organizer.objects.select_related("speaker").get()
    assert (str(organizer), organizer.display_affiliation) == ("René Donner", "contextflow")


def test_organizer_without_name_or_speaker_is_refused_by_the_database(db):
    with pytest.raises(IntegrityError):
        Organizer.objects.create(name="", affiliation="TU Wien")


# The About page


def test_about_page_lists_the_organizers_in_order(client, media_root):
    speaker = make_speaker(name="René Donner", slug="rene-donner", affiliation="contextflow")
    make_talk(event=make_event(), speakers=[speaker])  # a talk at a published meetup: his page is public
    speaker_set_photo(speaker=speaker, file=upload(image_bytes(), name="r.png"))
    jan = make_organizer(name="Jan Schlüter", affiliation="OFAI", order=1)
    organizer_set_photo(organizer=jan, file=upload(image_bytes(), name="j.png"))
    make_organizer(speaker=speaker, order=2)
    make_organizer(name="Alex Schindler", affiliation="AIT & TU Wien", order=0)

    response = client.get("/about/")
    content = response.content.decode()

    assert response.status_code == 200
    assert content.index("Alex Schindler") < content.index("Jan Schlüter") < content.index("René Donner")
    assert f'src="/media/organizers/organizer-{jan.pk}.jpg"' in content
    assert 'src="/media/speakers/rene-donner.jpg"' in content  # the speaker's photo stands in
    assert '<a href="/speakers/rene-donner/">René Donner</a>' in content
    assert "contextflow" in content


def test_about_page_links_no_speaker_page_a_visitor_cannot_open(client):
    speaker = make_speaker(name="Hidden Speaker", slug="hidden-speaker")
    make_talk(event=make_event(status=EventStatus.DRAFT), speakers=[speaker])
    make_organizer(speaker=speaker)

    response = client.get("/about/")

    assert response.status_code == 200
    assert "Hidden Speaker" in response.content.decode()  # an organizer is public by choice
    assert "/speakers/hidden-speaker/" not in response.content.decode()
    assert client.get("/speakers/hidden-speaker/").status_code == 404


def test_about_page_without_organizers_says_so(client):
    response = client.get("/about/")

    assert response.status_code == 200
    assert "The organizers will introduce themselves here soon." in response.content.decode()


def test_every_page_links_the_about_page_in_its_footer(client):
    response = client.get("/archive/")

    assert response.status_code == 200
    assert '<a href="/about/">About the group</a>' in response.content.decode()


def test_organizer_edit_drops_the_cached_about_page(client):
    organizer = make_organizer(name="Old Name")
    assert client.get("/about/").status_code == 200
    assert client.get("/about/").headers["X-Page-Cache"] == "hit"

    organizer.name = "New Name"
    organizer.save()

    response = client.get("/about/")
    assert response.status_code == 200
    assert "New Name" in response.content.decode()


# The way to the deck from the admin


def test_admin_event_page_opens_the_intro_deck(organizer_client):
    event = make_event(slug="meetup-77", status=EventStatus.DRAFT)

    response = organizer_client.get(reverse("admin:events_event_change", args=[event.pk]))

    assert response.status_code == 200
    assert (
        '<a href="/meetups/meetup-77/deck/" id="deck-link" target="_blank" rel="noopener">Open intro deck</a>'
        in response.content.decode()
    )
    assert organizer_client.get("/meetups/meetup-77/deck/").status_code == 200
