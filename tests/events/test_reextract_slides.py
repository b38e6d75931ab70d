import pytest
from django.core.management import call_command

from events.services.slides import event_attach_intro_slides
from talks.models import Talk
from talks.services import talk_attach_slides
from tests.factories import make_event, make_talk
from tests.files import pdf_upload

pytestmark = pytest.mark.django_db


def test_reextract_slides_restores_pages_and_text(media_root, capsys):
    talk = make_talk(slug="kept")
    talk_attach_slides(talk=talk, file=pdf_upload(["alpha", "beta"]))
    event = make_event()
    event_attach_intro_slides(event=event, file=pdf_upload(["intro"]))
    Talk.objects.update(slides_pages=None, slides_text="", slides_size=None)
    event.__class__.objects.update(intro_slides_pages=None, intro_slides_text="")
    untouched = make_talk(slides_url="https://example.org/x.pdf")

    call_command("reextract_slides")

    talk.refresh_from_db()
    event.refresh_from_db()
    untouched.refresh_from_db()
    assert (talk.slides_pages, talk.slides_text, talk.slides_size) == (
        2,
        "alpha\fbeta",
        (media_root / talk.slides.name).stat().st_size,
    )
    assert (event.intro_slides_pages, event.intro_slides_text) == (1, "intro")
    assert (untouched.slides_pages, untouched.slides_text) == (None, "")
    assert capsys.readouterr().out == "Re-read 2 slides files; 0 could not be read.\n"


def test_reextract_slides_reports_unreadable_and_missing_files(media_root, capsys):
    broken = make_talk(title="Broken")
    talk_attach_slides(talk=broken, file=pdf_upload(["fine"]))
    (media_root / broken.slides.name).write_bytes(b"%PDF-1.4\n%%EOF")
    missing = make_talk(title="Missing")
    talk_attach_slides(talk=missing, file=pdf_upload(["gone"]))
    (media_root / missing.slides.name).unlink()

    call_command("reextract_slides")

    out, err = capsys.readouterr()
    assert out == "Re-read 0 slides files; 2 could not be read.\n"
    broken_line, missing_line = sorted(err.splitlines())
    assert broken_line == (
        f"Broken: {broken.slides.name}: This PDF is damaged and cannot be read. Please export it again from your "
        "slides program. (PdfReadError: startxref not found)"
    )
    assert missing_line.startswith("Missing: [Errno 2] No such file or directory")
    broken.refresh_from_db()
    assert (broken.slides_pages, broken.slides_text) == (1, "fine")  # left as it was
