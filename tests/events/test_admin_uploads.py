import datetime

import lxml.html
import pytest
from django.urls import reverse

from events.models import Event
from talks.models import Speaker, Talk
from tests.admin_pages import change_page_data
from tests.common.test_images import SVG
from tests.factories import make_event, make_speaker, make_sponsor, make_talk
from tests.files import image_bytes, jpeg_with_gps, pdf_bytes, stored_files, upload

pytestmark = pytest.mark.django_db


def talk_form(client, talk: Talk, **changes) -> dict:
    """The talk's admin page as a browser sends it back (a new talk: its add page's fields), with `changes`."""
    if talk.pk:
        page = client.get(reverse("admin:talks_talk_change", args=[talk.pk]))
        assert page.status_code == 200
        return change_page_data(page) | changes
    data = {
        "meetup": "",
        "title": talk.title,
        "slug": talk.slug,
        "kind": talk.kind,
        "abstract": talk.abstract,
        "slides_url": talk.slides_url,
        "video_url": "",
        "talk_speakers-TOTAL_FORMS": "0",
        "talk_speakers-INITIAL_FORMS": "0",
    }
    return data | changes


def test_admin_talk_slides_upload_stores_pdf_with_text(organizer_client, media_root):
    talk = make_talk(event=make_event(number=77, date=datetime.date(2026, 11, 18)), slug="agents")
    response = organizer_client.post(
        reverse("admin:talks_talk_change", args=[talk.pk]),
        talk_form(
            organizer_client, talk, slides=upload(pdf_bytes(["Agents", "in production"]), name="deck.pdf")
        ),
    )
    assert response.status_code == 302
    talk.refresh_from_db()
    assert (talk.slides.name, talk.slides_pages, talk.slides_text) == (
        "slides/talks/agents.pdf",
        2,
        "Agents\fin production",
    )
    assert stored_files(media_root) == ["slides/talks/agents.pdf"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x89PNG\r\n\x1a\n" + b"\0" * 50, "This file is not a PDF"),
        (pdf_bytes(["x"], password="pw"), "This PDF is password-protected (encrypted)."),
        (b"%PDF-1.5\n%%EOF", "This PDF is damaged and cannot be read"),
    ],
)
def test_admin_talk_slides_refused_shows_field_error_and_stores_nothing(
    organizer_client, media_root, data, message
):
    talk = make_talk()
    response = organizer_client.post(
        reverse("admin:talks_talk_change", args=[talk.pk]),
        talk_form(organizer_client, talk, slides=upload(data, name="deck.pdf")),
    )
    assert response.status_code == 200
    assert message in " ".join(response.context["adminform"].form.errors["slides"])
    talk.refresh_from_db()
    assert (talk.slides.name, talk.slides_pages) == ("", None)
    assert stored_files(media_root) == []


def test_admin_talk_slides_and_link_together_is_a_form_error(organizer_client, media_root):
    talk = make_talk()
    response = organizer_client.post(
        reverse("admin:talks_talk_change", args=[talk.pk]),
        talk_form(
            organizer_client, talk, slides=upload(pdf_bytes(["x"])), slides_url="https://example.org/s.pdf"
        ),
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["slides_url"] == [
        "Upload a file or give a link, not both: keep one of the two."
    ]
    assert stored_files(media_root) == []


def upload_slides_in_admin(client, talk: Talk) -> str:
    """Upload a one-page PDF on the talk's admin page, as an organizer does; returns that page's address."""
    url = reverse("admin:talks_talk_change", args=[talk.pk])
    client.post(url, talk_form(client, talk, slides=upload(pdf_bytes(["x"]))))
    talk.refresh_from_db()
    return url


def test_admin_talk_slides_clear_removes_file(
    organizer_client, media_root, django_capture_on_commit_callbacks
):
    talk = make_talk()
    url = upload_slides_in_admin(organizer_client, talk)
    with django_capture_on_commit_callbacks(execute=True):
        organizer_client.post(url, talk_form(organizer_client, talk, **{"slides-clear": "on"}))
    talk.refresh_from_db()
    assert (talk.slides.name, talk.slides_pages, talk.slides_text) == ("", None, "")
    assert stored_files(media_root) == []


def test_admin_talk_slides_cleared_and_replaced_by_a_link_in_one_save(
    organizer_client, media_root, django_capture_on_commit_callbacks
):
    talk = make_talk()
    url = upload_slides_in_admin(organizer_client, talk)

    with django_capture_on_commit_callbacks(execute=True):
        response = organizer_client.post(
            url,
            talk_form(
                organizer_client, talk, slides_url="https://example.org/deck.pdf", **{"slides-clear": "on"}
            ),
        )

    assert response.status_code == 302
    talk.refresh_from_db()
    assert (talk.slides.name, talk.slides_url) == ("", "https://example.org/deck.pdf")
    assert stored_files(media_root) == []


def test_admin_talk_link_while_a_file_is_stored_is_a_form_error(organizer_client, media_root):
    talk = make_talk()
    url = upload_slides_in_admin(organizer_client, talk)

    response = organizer_client.post(
        url, talk_form(organizer_client, talk, slides_url="https://example.org/deck.pdf")
    )

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["slides_url"] == [
        "Upload a file or give a link, not both: keep one of the two."
    ]
    talk.refresh_from_db()
    assert talk.slides_url == "" and talk.slides.name


def test_admin_talk_add_with_slides(organizer_client, media_root):
    event = make_event(number=90, date=datetime.date(2027, 9, 1))
    response = organizer_client.post(
        reverse("admin:talks_talk_add"),
        talk_form(
            organizer_client,
            Talk(title="New", slug="new"),
            meetup=event.pk,
            slides=upload(pdf_bytes(["one", "two", "three"])),
        ),
    )
    assert response.status_code == 302
    talk = Talk.objects.get(slug="new")
    assert (talk.slides.name, talk.slides_pages) == ("slides/talks/new.pdf", 3)
    assert talk.slot.event == event  # put on the meetup's agenda, last


def event_form(event: Event, **changes) -> dict:
    data = {
        "number": event.number or "",
        "title": event.title,
        "slug": event.slug,
        "kind": event.kind,
        "status": event.status,
        "date": event.date.isoformat(),
        "start_time": "",
        "end_time": "",
        "description": "",
        "meetup_url": "",
        "intro_slides_url": "",
        "video_url": "",
        "photos_url": "",
    }
    for prefix in ("agenda", "sponsorships", "job_posts", "announcements"):
        data |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
    return data | changes


def test_admin_event_intro_slides_upload_and_refusal(organizer_client, media_root):
    event = make_event(number=75, date=datetime.date(2026, 9, 23))
    url = reverse("admin:events_event_change", args=[event.pk])

    refused = organizer_client.post(url, event_form(event, intro_slides=upload(b"hello", name="intro.pdf")))
    assert refused.status_code == 200
    assert refused.context["adminform"].form.errors["intro_slides"] == [
        "This file is not a PDF (its content does not start like one). Please upload the slides as PDF."
    ]
    assert stored_files(media_root) == []

    accepted = organizer_client.post(
        url, event_form(event, intro_slides=upload(pdf_bytes(["Welcome", "Jobs"])))
    )
    assert accepted.status_code == 302
    event.refresh_from_db()
    assert (event.intro_slides.name, event.intro_slides_pages) == ("slides/intro/2026-75.pdf", 2)


def speaker_form(speaker: Speaker, **changes) -> dict:
    data = {"name": speaker.name, "slug": speaker.slug, "affiliation": "", "bio": ""}
    data |= dict.fromkeys(("website", "github", "linkedin", "social"), "")
    data["alternative_names"] = "[]"
    return data | changes


def test_admin_speaker_photo_is_stripped_of_exif(organizer_client, media_root):
    speaker = make_speaker(slug="ada")
    response = organizer_client.post(
        reverse("admin:talks_speaker_change", args=[speaker.pk]),
        speaker_form(speaker, photo=upload(jpeg_with_gps(), name="IMG.jpg", content_type="image/jpeg")),
    )
    assert response.status_code == 302
    assert stored_files(media_root) == ["speakers/ada.jpg"]
    assert b"Exif" not in (media_root / "speakers/ada.jpg").read_bytes()


def test_admin_speaker_photo_refused_shows_field_error(organizer_client, media_root):
    speaker = make_speaker()
    response = organizer_client.post(
        reverse("admin:talks_speaker_change", args=[speaker.pk]),
        speaker_form(
            speaker, photo=upload(b"%PDF-1.4 no image", name="photo.jpg", content_type="image/jpeg")
        ),
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["photo"] == [
        "This file is not an image (JPEG, PNG or WebP) that can be read."
    ]
    assert stored_files(media_root) == []


def test_admin_sponsor_svg_logo_refused_with_reason(organizer_client, media_root):
    sponsor = make_sponsor()
    response = organizer_client.post(
        reverse("admin:events_sponsor_change", args=[sponsor.pk]),
        {
            "name": sponsor.name,
            "slug": sponsor.slug,
            "website": "",
            "description": "",
            "logo": upload(SVG, name="logo.png", content_type="image/png"),
        },
    )
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["logo"] == [
        "SVG images are not accepted (they can contain scripts). Please upload a JPEG, PNG or WebP image."
    ]
    assert stored_files(media_root) == []


def test_admin_sponsor_logo_stored_as_png(organizer_client, media_root):
    sponsor = make_sponsor(slug="obb")
    response = organizer_client.post(
        reverse("admin:events_sponsor_change", args=[sponsor.pk]),
        {
            "name": sponsor.name,
            "slug": sponsor.slug,
            "website": "",
            "description": "",
            "logo": upload(
                image_bytes(size=(900, 300), format="JPEG"), name="logo.jpg", content_type="image/jpeg"
            ),
        },
    )
    assert response.status_code == 302
    assert stored_files(media_root) == ["sponsors/obb.png"]


def test_admin_pages_link_stored_slides_to_the_sites_own_download(organizer_client, media_root):
    talk = make_talk(event=make_event(number=77, date=datetime.date(2026, 11, 18)), slug="agents")
    upload_slides_in_admin(organizer_client, talk)
    event = talk.slot.event
    event_page = organizer_client.post(
        reverse("admin:events_event_change", args=[event.pk]),
        change_page_data(organizer_client.get(reverse("admin:events_event_change", args=[event.pk])))
        | {"intro_slides": upload(pdf_bytes(["Welcome"]), name="intro.pdf")},
    )
    assert event_page.status_code == 302

    pages = {
        talk.get_slides_url(): organizer_client.get(reverse("admin:talks_talk_change", args=[talk.pk])),
        event.get_intro_slides_url(): organizer_client.get(
            reverse("admin:events_event_change", args=[event.pk])
        ),
    }

    for download, page in pages.items():
        assert page.status_code == 200
        links = lxml.html.fromstring(page.content.decode()).xpath(
            "//p[contains(@class, 'file-upload')]/a/@href"
        )
        assert links == [download]
        served = organizer_client.get(download)
        assert served.status_code == 200
        assert b"".join(served.streaming_content).startswith(b"%PDF")
