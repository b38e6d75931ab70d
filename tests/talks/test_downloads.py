"""Slide downloads: counted, streamed, with validators, conditional requests and byte ranges."""

import pytest
from django.core.files.base import ContentFile

from talks.models import Talk

pytestmark = pytest.mark.django_db

URL = "/meetups/meetup-900/talks/attention/slides/"
PDF = b"%PDF-1.4\n" + bytes(range(256)) * 40 + b"\n%%EOF\n"


@pytest.fixture
def talk(upcoming_event):
    talk = Talk.objects.get(slug="attention")
    talk.slides.save("whatever.pdf", ContentFile(PDF))
    return talk


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def downloads(talk) -> int:
    talk.refresh_from_db()
    return talk.download_count


def test_slides_download_streams_the_file_with_type_and_filename(client, talk):
    response = client.get(URL)

    assert response.status_code == 200
    assert response.streaming
    assert body(response) == PDF
    assert response.headers["Content-Type"] == "application/pdf"
    # Inline, so the PDF opens in the browser; the talk page's download link adds the `download` attribute.
    assert response.headers["Content-Disposition"] == 'inline; filename="vdlm-900-attention.pdf"'
    assert response.headers["Content-Length"] == str(len(PDF))
    assert response.headers["Accept-Ranges"] == "bytes"
    assert downloads(talk) == 1


def test_slides_download_counts_every_download(client, talk):
    for _ in range(3):
        body(client.get(URL))

    assert downloads(talk) == 3


def test_slides_download_if_none_match_answers_304_without_counting(client, talk):
    etag = client.get(URL).headers["ETag"]

    response = client.get(URL, headers={"If-None-Match": etag})

    assert response.status_code == 304
    assert downloads(talk) == 1


def test_slides_download_if_modified_since_answers_304(client, talk):
    last_modified = client.get(URL).headers["Last-Modified"]

    assert client.get(URL, headers={"If-Modified-Since": last_modified}).status_code == 304


def test_slides_download_range_answers_206_with_the_span(client, talk):
    response = client.get(URL, headers={"Range": "bytes=10-19"})

    assert response.status_code == 206
    assert body(response) == PDF[10:20]
    assert response.headers["Content-Range"] == f"bytes 10-19/{len(PDF)}"
    assert response.headers["Content-Length"] == "10"
    # A resumed download is not a new download.
    assert downloads(talk) == 0


def test_slides_download_suffix_range_gives_the_last_bytes(client, talk):
    response = client.get(URL, headers={"Range": "bytes=-7"})

    assert response.status_code == 206
    assert body(response) == PDF[-7:]


def test_slides_download_open_range_runs_to_the_end(client, talk):
    response = client.get(URL, headers={"Range": f"bytes={len(PDF) - 3}-"})

    assert body(response) == PDF[-3:]


def test_slides_download_unsatisfiable_range_answers_416(client, talk):
    response = client.get(URL, headers={"Range": f"bytes={len(PDF)}-"})

    assert response.status_code == 416
    assert response.headers["Content-Range"] == f"bytes */{len(PDF)}"


def test_slides_download_invalid_range_is_ignored_and_gets_the_whole_file(client, talk):
    response = client.get(URL, headers={"Range": "bytes=5-2"})

    assert response.status_code == 200
    assert body(response) == PDF


def test_slides_download_of_a_public_talk_may_be_cached_but_a_draft_preview_may_not(client, talk):
    from django.contrib.auth.models import User

    assert client.get(URL).headers["Cache-Control"] == "public, max-age=3600"
    talk.slot.event.status = "draft"
    talk.slot.event.save()
    client.force_login(User.objects.create_user("staff", is_staff=True))

    assert client.get(URL).headers["Cache-Control"] == "private, no-store"


def test_slides_download_multiple_ranges_get_the_whole_file(client, talk):
    response = client.get(URL, headers={"Range": "bytes=0-1,5-6"})

    assert response.status_code == 200
    assert body(response) == PDF


def test_slides_download_stale_if_range_gets_the_whole_file(client, talk):
    response = client.get(URL, headers={"Range": "bytes=0-9", "If-Range": '"stale"'})

    assert response.status_code == 200
    assert body(response) == PDF


def test_slides_download_matching_if_range_gets_the_span(client, talk):
    etag = client.head(URL).headers["ETag"]

    response = client.get(URL, headers={"Range": "bytes=0-9", "If-Range": etag})

    assert response.status_code == 206
    assert body(response) == PDF[:10]


def test_slides_download_external_link_redirects_and_counts(client, upcoming_event):
    Talk.objects.filter(slug="attention").update(slides_url="https://example.org/deck.pdf")

    response = client.get(URL)

    assert response.status_code == 302
    assert response.headers["Location"] == "https://example.org/deck.pdf"
    assert Talk.objects.get(slug="attention").download_count == 1


def test_slides_download_without_slides_is_not_found(client, upcoming_event):
    assert client.get(URL).status_code == 404


def test_slides_download_missing_file_is_not_found(client, talk):
    talk.slides.storage.delete(talk.slides.name)

    assert client.get(URL).status_code == 404


def test_intro_slides_download_serves_the_event_deck(client, upcoming_event):
    upcoming_event.intro_slides.save("intro.pdf", ContentFile(PDF))

    response = client.get("/meetups/meetup-900/intro-slides/")

    assert body(response) == PDF
    assert response.headers["Content-Disposition"] == 'inline; filename="vdlm-900-intro.pdf"'


def test_event_page_links_slides_with_a_label(client, talk):
    response = client.get("/meetups/meetup-900/")
    assert response.status_code == 200
    content = response.content.decode()

    assert f'href="{URL}"' in content
    assert 'Slides<span class="visually-hidden"> for “Attention in practice”</span>' in content


@pytest.mark.parametrize("link", ["javascript:alert(1)", "data:text/html,hi", "ftp://example.org/deck.pdf"])
def test_slides_download_link_that_is_not_a_web_address_is_not_followed_nor_counted(rf, link):
    # The database refuses such links (see tests/vdlm/test_weblinks.py); the download refuses them all the same.
    from django.http import Http404

    from common.downloads import serve_slides

    counted = []
    with pytest.raises(Http404):
        serve_slides(
            rf.get(URL), file=None, link=link, filename_stem="x", on_download=lambda: counted.append(1)
        )
    assert counted == []


def test_slides_download_of_a_missing_file_is_not_counted(client, talk):
    talk.slides.storage.delete(talk.slides.name)

    assert client.get(URL).status_code == 404
    assert downloads(talk) == 0


def test_slides_download_head_request_is_not_counted(client, talk):
    assert client.head(URL).status_code == 200
    assert downloads(talk) == 0
