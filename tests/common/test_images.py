from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from PIL import Image

from events.services.logos import sponsor_set_logo
from talks.services import speaker_set_photo
from tests.factories import make_speaker, make_sponsor
from tests.files import image_bytes, jpeg_with_gps, png_bomb, stored_files, upload

pytestmark = pytest.mark.django_db


def stored_image(media_root, name) -> Image.Image:
    return Image.open(BytesIO((media_root / name).read_bytes()))


def test_speaker_set_photo_strips_exif_and_gps(media_root):
    original = Image.open(BytesIO(jpeg_with_gps()))
    assert original.getexif().get_ifd(0x8825)[1] == "N"  # the test photo does carry a position
    speaker = make_speaker(slug="ada-lovelace")

    speaker_set_photo(
        speaker=speaker, file=upload(jpeg_with_gps(), name="IMG_0001.jpg", content_type="image/jpeg")
    )

    speaker.refresh_from_db()
    assert speaker.photo.name == "speakers/ada-lovelace.jpg"
    photo = stored_image(media_root, speaker.photo.name)
    assert photo.format == "JPEG"
    assert dict(photo.getexif()) == {}
    assert "exif" not in photo.info
    assert b"TestCam" not in (media_root / speaker.photo.name).read_bytes()
    assert photo.size == (400, 267)


def test_speaker_set_photo_applies_exif_orientation(media_root):
    # Orientation 6: the camera was turned; the stored photo is upright (portrait) and has no orientation tag left.
    speaker = make_speaker()
    speaker_set_photo(speaker=speaker, file=upload(jpeg_with_gps(size=(1200, 800), orientation=6)))
    photo = stored_image(media_root, speaker.photo.name)
    assert photo.size == (267, 400)
    assert 0x0112 not in photo.getexif()


def test_speaker_set_photo_replacing_removes_old_file(media_root, django_capture_on_commit_callbacks):
    speaker = make_speaker(slug="bob")
    with django_capture_on_commit_callbacks(execute=True):
        speaker_set_photo(speaker=speaker, file=upload(image_bytes(format="PNG")))
    with django_capture_on_commit_callbacks(execute=True):
        speaker_set_photo(speaker=speaker, file=upload(image_bytes(size=(50, 50), format="WEBP")))
    # The old file goes once the new one is saved; until then the new one carries a suffix.
    assert stored_files(media_root) == [speaker.photo.name]
    assert speaker.photo.name.startswith("speakers/bob_") and speaker.photo.name.endswith(".jpg")
    assert stored_image(media_root, speaker.photo.name).size == (50, 50)


def test_sponsor_set_logo_keeps_transparency_and_fits_box(media_root):
    sponsor = make_sponsor(slug="frequentis")
    sponsor_set_logo(
        sponsor=sponsor, file=upload(image_bytes(size=(1600, 400), mode="RGBA"), name="logo.png")
    )
    sponsor.refresh_from_db()
    assert sponsor.logo.name == "sponsors/frequentis.png"
    logo = stored_image(media_root, sponsor.logo.name)
    assert (logo.format, logo.mode, logo.size) == ("PNG", "RGBA", (400, 100))


SVG = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'

IMAGE_REFUSALS = [
    pytest.param(b"", "empty", "The file is empty.", id="empty"),
    pytest.param(
        SVG,
        "svg",
        "SVG images are not accepted (they can contain scripts). Please upload a JPEG, PNG or WebP image.",
        id="svg",
    ),
    pytest.param(
        b"<svg onload='alert(1)'/>",
        "svg",
        "SVG images are not accepted (they can contain scripts). Please upload a JPEG, PNG or WebP image.",
        id="svg-without-xml-declaration",
    ),
    pytest.param(
        b"%PDF-1.4 this is not an image",
        "not_image",
        "This file is not an image (JPEG, PNG or WebP) that can be read.",
        id="pdf-named-png",
    ),
    pytest.param(
        image_bytes(format="GIF"),
        "format",
        "GIF images are not accepted. Please upload a JPEG, PNG or WebP image.",
        id="gif",
    ),
    pytest.param(
        png_bomb(10_000, 6_000),
        "too_many_pixels",
        "The image has too many pixels (10000 × 6000 pixels); at most 50 megapixels are accepted. "
        "Please scale it down first.",
        id="bomb-over-our-limit",
    ),
    pytest.param(
        png_bomb(100_000, 100_000),
        "too_many_pixels",
        "The image has too many pixels (more than 89 megapixels); at most 50 megapixels are accepted. "
        "Please scale it down first.",
        id="bomb-over-pillows-limit",
    ),
    pytest.param(
        image_bytes(size=(800, 800), format="JPEG")[:2000],
        "damaged",
        "The image is damaged and cannot be read. Please export it again.",
        id="truncated-jpeg",
    ),
]


@pytest.mark.parametrize(("data", "code", "message"), IMAGE_REFUSALS)
def test_speaker_set_photo_refuses_with_message_and_stores_nothing(media_root, data, code, message):
    speaker = make_speaker()
    with pytest.raises(ValidationError) as refusal:
        speaker_set_photo(speaker=speaker, file=upload(data, name="photo.png", content_type="image/png"))
    assert (refusal.value.code, refusal.value.messages) == (code, [message])
    speaker.refresh_from_db()
    assert speaker.photo.name == ""
    assert stored_files(media_root) == []


@pytest.mark.parametrize(("data", "code", "message"), IMAGE_REFUSALS)
def test_sponsor_set_logo_refuses_with_message_and_stores_nothing(media_root, data, code, message):
    sponsor = make_sponsor()
    with pytest.raises(ValidationError) as refusal:
        sponsor_set_logo(sponsor=sponsor, file=upload(data, name="logo.svg", content_type="image/svg+xml"))
    assert (refusal.value.code, refusal.value.messages) == (code, [message])
    sponsor.refresh_from_db()
    assert sponsor.logo.name == ""
    assert stored_files(media_root) == []


def test_speaker_set_photo_refuses_over_byte_limit(media_root, monkeypatch):
    monkeypatch.setattr("common.images.MAX_BYTES", 1024)
    speaker = make_speaker()
    with pytest.raises(ValidationError) as refusal:
        speaker_set_photo(speaker=speaker, file=upload(b"\xff\xd8" + b"\0" * 5000))
    assert refusal.value.messages == ["The image file is too large (4.9 KB); images may be at most 1.0 KB."]
    assert stored_files(media_root) == []
