"""Slides and photos through the speaker link: the admin's checks and services, the admin's messages, nothing
stored when a file is refused."""

import datetime
from io import BytesIO

import pytest
from PIL import Image

from common.validators import MESSAGES as SLIDES_MESSAGES
from events.models import local_today
from talks.models import Speaker, Talk
from tests.common.test_images import SVG
from tests.events.speaker_link_pages import link_path, page_data, speaker_field, talk_field
from tests.factories import make_event, make_speaker, make_talk
from tests.files import GPS_IFD, jpeg_with_gps, pdf_bytes, png_bomb, stored_files, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def grace():
    return make_speaker(name="Grace Example", slug="grace-example")


@pytest.fixture
def talk(grace):
    event = make_event(date=local_today() + datetime.timedelta(days=7))
    return make_talk(event=event, title="Attention in practice", slug="attention", speakers=[grace])


def post_with(client, talk, **fields):
    """Open the link, then send the page back with `fields` changed (files as uploads)."""
    url = link_path(talk)
    response = client.get(url)
    assert response.status_code == 200
    return client.post(url, page_data(response) | fields)


def test_speaker_link_slides_upload_is_read_and_stored_like_the_admins(client, talk, media_root):
    response = post_with(
        client,
        talk,
        **{talk_field("slides"): upload(pdf_bytes(["Attention", "in practice"]), name="My Deck.pdf")},
    )

    assert response.status_code == 302
    talk.refresh_from_db()
    assert (talk.slides.name, talk.slides_pages, talk.slides_text) == (
        "slides/talks/attention.pdf",
        2,
        "Attention\fin practice",
    )
    assert talk.slides_size == (media_root / "slides/talks/attention.pdf").stat().st_size
    assert stored_files(media_root) == ["slides/talks/attention.pdf"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 50, SLIDES_MESSAGES["not_pdf"]),
        (pdf_bytes(["x"], password="pw"), SLIDES_MESSAGES["encrypted"]),
        (b"%PDF-1.5\n%%EOF", "This PDF is damaged and cannot be read"),
    ],
    ids=["not a PDF", "encrypted", "damaged"],
)
def test_speaker_link_refused_slides_get_the_admins_message_and_nothing_is_stored(
    client, talk, media_root, data, message
):
    response = post_with(
        client,
        talk,
        **{talk_field("slides"): upload(data, name="deck.pdf"), talk_field("title"): "Changed with the file"},
    )

    assert response.status_code == 200
    errors = response.context["forms"].talk_form.errors["slides"]
    assert message in " ".join(errors)
    assert message in response.content.decode()
    talk.refresh_from_db()
    assert (talk.title, talk.slides.name, talk.slides_pages) == ("Attention in practice", "", None)
    assert stored_files(media_root) == []


def test_speaker_link_slides_over_the_limit_are_refused(client, settings, talk, media_root):
    settings.VDLM_SLIDES_MAX_BYTES = 2048
    big = pdf_bytes(["x" * 40] * 20)
    assert len(big) > 2048

    response = post_with(client, talk, **{talk_field("slides"): upload(big)})

    assert response.status_code == 200
    assert response.context["forms"].talk_form.errors["slides"] == [
        SLIDES_MESSAGES["too_large"].format(size=f"{len(big) / 1024:.1f} KB", limit="2.0 KB")
    ]
    assert stored_files(media_root) == []


def test_speaker_link_slides_file_replaces_a_slides_link(client, talk, media_root):
    talk.slides_url = "https://example.org/old.pdf"
    talk.save(update_fields=["slides_url"])

    response = post_with(
        client, talk, **{talk_field("slides"): upload(pdf_bytes(["New"])), talk_field("slides_url"): ""}
    )

    assert response.status_code == 302
    talk.refresh_from_db()
    assert (talk.slides.name, talk.slides_url) == ("slides/talks/attention.pdf", "")


def test_speaker_link_slides_file_and_a_link_together_is_a_field_error(client, talk, media_root):
    response = post_with(
        client,
        talk,
        **{
            talk_field("slides"): upload(pdf_bytes(["New"])),
            talk_field("slides_url"): "https://example.org/s.pdf",
        },
    )

    assert response.status_code == 200
    assert response.context["forms"].talk_form.errors["slides_url"] == [
        "Upload a file or give a link, not both: keep one of the two."
    ]
    assert stored_files(media_root) == []


def test_speaker_link_link_while_a_file_is_stored_asks_to_remove_the_file(client, talk, media_root):
    assert post_with(client, talk, **{talk_field("slides"): upload(pdf_bytes(["x"]))}).status_code == 302

    response = post_with(client, talk, **{talk_field("slides_url"): "https://example.org/s.pdf"})

    assert response.status_code == 200
    assert response.context["forms"].talk_form.errors["slides_url"] == [
        "Your talk has a slides file already: tick “Remove the slides file” to give a link instead, or clear the "
        "link."
    ]
    talk.refresh_from_db()
    assert (talk.slides.name, talk.slides_url) == ("slides/talks/attention.pdf", "")


def test_speaker_link_removes_the_slides_file_for_a_link(
    client, talk, media_root, django_capture_on_commit_callbacks
):
    assert post_with(client, talk, **{talk_field("slides"): upload(pdf_bytes(["x"]))}).status_code == 302
    page = client.get(link_path(talk))
    assert page.status_code == 200
    assert "Remove the slides file" in page.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = post_with(
            client,
            talk,
            **{talk_field("remove_slides"): "on", talk_field("slides_url"): "https://example.org/s.pdf"},
        )

    assert response.status_code == 302
    talk.refresh_from_db()
    assert (talk.slides.name, talk.slides_pages, talk.slides_url) == ("", None, "https://example.org/s.pdf")
    assert stored_files(media_root) == []


def test_speaker_link_photo_is_upright_small_and_without_exif(client, talk, grace, media_root):
    response = post_with(
        client,
        talk,
        **{speaker_field(grace, "photo"): upload(jpeg_with_gps((1200, 800), 6), "me.jpg", "image/jpeg")},
    )

    assert response.status_code == 302
    grace.refresh_from_db()
    assert grace.photo.name == "speakers/grace-example.jpg"
    stored = Image.open(BytesIO((media_root / grace.photo.name).read_bytes()))
    assert (stored.format, stored.size) == ("JPEG", (267, 400))  # turned upright (orientation 6), then scaled
    exif = stored.getexif()
    assert 0x010F not in exif and not exif.get_ifd(GPS_IFD)


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (png_bomb(8_000, 8_000), "bomb.png", "The image has too many pixels (8000 × 8000 pixels)"),
        (SVG, "logo.svg", "SVG images are not accepted"),
        (
            pdf_bytes(["not a photo"]),
            "me.jpg",
            "This file is not an image (JPEG, PNG or WebP) that can be read.",
        ),
    ],
    ids=["image bomb", "svg", "not an image"],
)
def test_speaker_link_refused_photo_gets_the_admins_message_and_nothing_is_stored(
    client, talk, grace, media_root, data, name, message
):
    response = post_with(
        client,
        talk,
        **{
            speaker_field(grace, "photo"): upload(data, name, "image/png"),
            speaker_field(grace, "bio"): "Bio.",
        },
    )

    assert response.status_code == 200
    assert message in " ".join(response.context["forms"].speaker_forms[0].errors["photo"])
    grace.refresh_from_db()
    assert (grace.photo.name, grace.bio) == ("", "")
    assert stored_files(media_root) == []


def test_speaker_link_photo_over_the_limit_is_refused(client, talk, grace, media_root, monkeypatch):
    monkeypatch.setattr("common.images.MAX_BYTES", 1000)

    response = post_with(
        client, talk, **{speaker_field(grace, "photo"): upload(jpeg_with_gps(), "me.jpg", "image/jpeg")}
    )

    assert response.status_code == 200
    assert "The image file is too large" in " ".join(
        response.context["forms"].speaker_forms[0].errors["photo"]
    )
    assert stored_files(media_root) == []


def test_speaker_link_removes_the_photo(client, talk, grace, media_root, django_capture_on_commit_callbacks):
    photo = upload(jpeg_with_gps(), "me.jpg", "image/jpeg")
    assert post_with(client, talk, **{speaker_field(grace, "photo"): photo}).status_code == 302

    with django_capture_on_commit_callbacks(execute=True):
        response = post_with(client, talk, **{speaker_field(grace, "remove_photo"): "on"})

    assert response.status_code == 302
    assert Speaker.objects.get(pk=grace.pk).photo.name == ""
    assert stored_files(media_root) == []


def test_speaker_link_uploads_are_in_the_history(client, talk, grace):
    from django.contrib.admin.models import LogEntry

    response = post_with(
        client,
        talk,
        **{
            talk_field("slides"): upload(pdf_bytes(["x"])),
            speaker_field(grace, "photo"): upload(jpeg_with_gps(), "me.jpg", "image/jpeg"),
        },
    )

    assert response.status_code == 302
    messages = sorted(entry.get_change_message() for entry in LogEntry.objects.all())
    assert messages == [
        "Changed photo through the speaker link of “Attention in practice”.",
        "Changed slides through the speaker link (speakers: Grace Example).",
    ]
    assert Talk.objects.get(pk=talk.pk).slides_pages == 1
