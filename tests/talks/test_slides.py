import datetime
import zlib
from io import BytesIO

import pytest
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from pypdf import PdfWriter
from pypdf.generic import NameObject, StreamObject

from common import pdf
from events.services.slides import event_attach_intro_slides
from talks.models import Talk
from talks.services import talk_attach_slides, talk_remove_slides
from tests.factories import make_event, make_talk
from tests.files import pdf_bytes, pdf_upload, stored_files, upload

pytestmark = pytest.mark.django_db


def test_talk_attach_slides_stores_pages_text_and_size(media_root):
    event = make_event(number=76, date=datetime.date(2026, 10, 21))
    talk = make_talk(event=event, slug="tirex-forecasting")
    data = pdf_bytes(["Zero-Shot Forecasting", "xLSTM backbone", "Thank you"])

    talk_attach_slides(talk=talk, file=upload(data, name="Final FINAL v3.pdf"))

    talk = Talk.objects.get(pk=talk.pk)
    assert talk.slides.name == "slides/talks/tirex-forecasting.pdf"
    assert talk.slides_pages == 3
    assert talk.slides_size == len(data)
    assert talk.slides_text == "Zero-Shot Forecasting\fxLSTM backbone\fThank you"
    assert stored_files(media_root) == ["slides/talks/tirex-forecasting.pdf"]
    assert (media_root / talk.slides.name).read_bytes() == data


def test_talk_attach_slides_replacing_removes_the_old_file(media_root, django_capture_on_commit_callbacks):
    talk = make_talk(event=make_event(number=80, date=datetime.date(2027, 1, 13)), slug="talk")
    with django_capture_on_commit_callbacks(execute=True):
        talk_attach_slides(talk=talk, file=pdf_upload(["old"]))
    with django_capture_on_commit_callbacks(execute=True):
        talk_attach_slides(talk=talk, file=pdf_upload(["new one", "two"]))

    talk.refresh_from_db()
    assert stored_files(media_root) == [talk.slides.name]
    assert talk.slides.name.startswith("slides/talks/talk_") and talk.slides.name.endswith(".pdf")
    assert talk.slides_text == "new one\ftwo"
    assert talk.slides_pages == 2


def test_talk_attach_slides_keeps_the_old_file_when_saving_fails(
    media_root, django_capture_on_commit_callbacks
):
    talk = make_talk(event=make_event(number=81, date=datetime.date(2027, 2, 1)), slug="talk")
    talk_attach_slides(talk=talk, file=pdf_upload(["old"]))
    old_name = talk.slides.name
    Talk.objects.filter(pk=talk.pk).delete()  # the save fails after the new file was written
    with pytest.raises(DatabaseError), django_capture_on_commit_callbacks(execute=True):
        talk_attach_slides(talk=talk, file=pdf_upload(["new"]))

    assert stored_files(media_root) == [old_name]


def test_talk_attach_slides_replaces_a_link(media_root):
    talk = make_talk(slides_url="https://example.org/slides.pdf")
    talk_attach_slides(talk=talk, file=pdf_upload())
    talk.refresh_from_db()
    assert talk.slides_url == ""
    assert talk.slides_pages == 1


def test_talk_remove_slides_deletes_file_and_extraction(media_root, django_capture_on_commit_callbacks):
    talk = make_talk()
    talk_attach_slides(talk=talk, file=pdf_upload())
    with django_capture_on_commit_callbacks(execute=True):
        talk_remove_slides(talk=talk)
    talk.refresh_from_db()
    assert (talk.slides.name, talk.slides_pages, talk.slides_size, talk.slides_text) == ("", None, None, "")
    assert stored_files(media_root) == []


def test_talk_remove_slides_keeps_the_file_when_the_save_is_rolled_back(media_root):
    talk = make_talk()
    talk_attach_slides(talk=talk, file=pdf_upload())
    stored = talk.slides.name

    with pytest.raises(RuntimeError), transaction.atomic():
        talk_remove_slides(talk=talk)
        raise RuntimeError("a later step of the same save fails")

    assert stored_files(media_root) == [stored]
    assert Talk.objects.get(pk=talk.pk).slides.name == stored


def test_event_attach_intro_slides_stores_pages_and_text(media_root):
    event = make_event(number=75, date=datetime.date(2026, 9, 23))
    event_attach_intro_slides(event=event, file=pdf_upload(["Welcome", "Jobs", "Next meetup"]))
    event.refresh_from_db()
    assert event.intro_slides.name == "slides/intro/2026-75.pdf"
    assert event.intro_slides_pages == 3
    assert event.intro_slides_text == "Welcome\fJobs\fNext meetup"
    assert stored_files(media_root) == ["slides/intro/2026-75.pdf"]


def _empty_pdf() -> bytes:
    out = BytesIO()
    PdfWriter().write(out)
    return out.getvalue()


REFUSALS = [
    pytest.param(b"", "empty", "The file is empty: the file has no content.", id="empty-file"),
    pytest.param(_empty_pdf(), "empty", "The file is empty: the PDF has no pages.", id="pdf-without-pages"),
    pytest.param(
        b"\x89PNG\r\n\x1a\n" + b"\0" * 100,
        "not_pdf",
        "This file is not a PDF (its content does not start like one). Please upload the slides as PDF.",
        id="png-named-pdf",
    ),
    pytest.param(
        pdf_bytes(["secret"], password="hunter2"),
        "encrypted",
        "This PDF is password-protected (encrypted). Please upload a copy without a password.",
        id="encrypted",
    ),
    pytest.param(
        b"%PDF-1.7\n%%EOF",
        "corrupt",
        "This PDF is damaged and cannot be read. Please export it again from your slides program.",
        id="no-xref",
    ),
    pytest.param(
        pdf_bytes(["cut short"])[:300],
        "corrupt",
        "This PDF is damaged and cannot be read. Please export it again from your slides program.",
        id="truncated",
    ),
]


@pytest.mark.parametrize(("data", "code", "message"), REFUSALS)
def test_talk_attach_slides_refuses_with_message_and_stores_nothing(media_root, data, code, message):
    talk = make_talk()
    with pytest.raises(ValidationError) as refusal:
        talk_attach_slides(talk=talk, file=upload(data))
    assert refusal.value.code == code
    assert refusal.value.messages == [message]
    assert stored_files(media_root) == []
    assert Talk.objects.filter(pk=talk.pk, slides="", slides_pages=None, slides_text="").exists()


@pytest.mark.parametrize(("data", "code", "message"), REFUSALS)
def test_event_attach_intro_slides_refuses_and_stores_nothing(media_root, data, code, message):
    event = make_event()
    with pytest.raises(ValidationError) as refusal:
        event_attach_intro_slides(event=event, file=upload(data))
    assert refusal.value.messages == [message]
    event.refresh_from_db()
    assert (event.intro_slides.name, event.intro_slides_pages) == ("", None)
    assert stored_files(media_root) == []


def test_talk_attach_slides_refuses_over_limit(media_root, settings):
    settings.VDLM_SLIDES_MAX_BYTES = 1000
    talk = make_talk()
    with pytest.raises(ValidationError) as refusal:
        talk_attach_slides(talk=talk, file=upload(b"%PDF-1.4\n" + b"x" * 2000))
    assert refusal.value.code == "too_large"
    assert refusal.value.messages == ["The file is too large (2.0 KB); slides may be at most 1000 bytes."]
    assert stored_files(media_root) == []


def test_talk_attach_slides_refused_keeps_the_earlier_slides(media_root):
    talk = make_talk(event=make_event(number=81, date=datetime.date(2027, 2, 10)), slug="talk")
    talk_attach_slides(talk=talk, file=pdf_upload(["good"]))
    with pytest.raises(ValidationError):
        talk_attach_slides(talk=talk, file=upload(b"not a pdf at all"))
    talk.refresh_from_db()
    assert (talk.slides.name, talk.slides_text) == ("slides/talks/talk.pdf", "good")
    assert stored_files(media_root) == ["slides/talks/talk.pdf"]


def test_read_pdf_over_time_budget_is_refused():
    with pytest.raises(pdf.PdfUnreadable) as refusal:
        pdf.read_pdf(pdf_bytes(["slow"] * 3), time_budget=0.001)
    assert refusal.value.code == "too_slow"
    assert refusal.value.detail == "reading took more than 0.001 seconds"


def extracted(data: bytes) -> dict:
    """What the child reports for `data`, read in this process (so a lowered limit applies)."""
    reports = list(pdf._extract(data))
    return {
        "pages": reports[0]["pages"],
        "texts": [report["text"] for report in reports if "text" in report],
        "truncated": reports[-1]["truncated"],
    }


def test_read_pdf_stops_extracting_after_max_pages(monkeypatch):
    # The child is a fresh interpreter, so the limit is lowered in the file it runs, not in this process.
    content = pdf.read_pdf(pdf_bytes([f"page {n}" for n in range(1, 8)]))
    assert (content.pages, len(content.page_texts), content.truncated) == (7, 7, False)
    limited = extracted(pdf_bytes([f"page {n}" for n in range(1, 8)]))
    assert limited["texts"] == [f"page {n}" for n in range(1, 8)]
    monkeypatch.setattr(pdf, "MAX_PAGES", 3)
    limited = extracted(pdf_bytes([f"page {n}" for n in range(1, 8)]))
    assert (limited["pages"], limited["texts"], limited["truncated"]) == (
        7,
        ["page 1", "page 2", "page 3"],
        True,
    )


def test_read_pdf_cuts_text_at_max_chars(monkeypatch):
    monkeypatch.setattr(pdf, "MAX_TEXT_CHARS", 10)
    limited = extracted(pdf_bytes(["abcdefgh", "ijklmnop", "qrstuvwx"]))
    assert (limited["pages"], limited["texts"], limited["truncated"]) == (3, ["abcdefgh", "ij"], True)


def slow_page_pdf() -> bytes:
    """A quick first page, then one page whose content stream takes pypdf far longer than the test's deadline
    (a million text operators: about 15 s on a 2-core machine)."""
    from pypdf import PdfReader
    from pypdf.generic import DecodedStreamObject

    writer = PdfWriter(clone_from=PdfReader(BytesIO(pdf_bytes(["quick page", "slow page"]))))
    slow = DecodedStreamObject()
    slow.set_data(b"BT /F1 12 Tf " + b"(x) Tj 1 0 Td " * 1_000_000 + b"ET")
    writer.pages[1][NameObject("/Contents")] = writer._add_object(slow)
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def test_read_pdf_deadline_kills_the_reader_inside_a_slow_page_and_keeps_the_pages_read():
    import time

    started = time.monotonic()
    content = pdf.read_pdf(slow_page_pdf(), time_budget=2)
    waited = time.monotonic() - started

    assert (content.pages, content.page_texts, content.truncated) == (2, ("quick page",), True)
    assert waited < 5  # the deadline, not the page's own (much longer) reading time


def _pdf_with_page_stream(raw_stream: bytes) -> bytes:
    writer = PdfWriter()
    page = writer.add_blank_page(width=612, height=792)
    stream = StreamObject()
    stream[NameObject("/Filter")] = NameObject("/FlateDecode")
    stream._data = raw_stream
    page[NameObject("/Contents")] = writer._add_object(stream)
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def test_read_pdf_zip_bomb_page_gives_no_text_but_is_bounded():
    # 200 MB of zeros compress to about 200 KB; pypdf refuses to inflate more than 75 MB per stream.
    compressor = zlib.compressobj(9)
    chunk = b"\0" * (1024 * 1024)
    bomb = b"".join(compressor.compress(chunk) for _ in range(200)) + compressor.flush()
    content = pdf.read_pdf(_pdf_with_page_stream(bomb))
    assert (content.pages, content.page_texts) == (1, ("",))


def test_read_pdf_deeply_nested_objects_are_refused_not_crashing():
    nested = b"[" * 200_000 + b"]" * 200_000
    data = (
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R /Junk " + nested + b" >> endobj\n"
        b"2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"
    )
    with pytest.raises(pdf.PdfUnreadable) as refusal:
        pdf.read_pdf(data)
    assert refusal.value.code in {"corrupt", "empty"}


def test_read_pdf_garbage_after_header_is_corrupt():
    with pytest.raises(pdf.PdfUnreadable) as refusal:
        pdf.read_pdf(b"%PDF-1.4\n" + bytes(range(256)) * 400)
    assert refusal.value.code == "corrupt"
