"""Writes that touch files and several fields at once; the admin, the commands and the tests call these."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.fields.files import FieldFile

from events.files import delete_on_commit, store_replacing
from events.images import PHOTO, PreparedImage, image_remove, image_store
from events.models import Event
from talks.models import Speaker, Talk
from talks.pdf import PdfContent, PdfUnreadable, read_pdf
from talks.validators import MESSAGES, validate_slides


def talk_attach_slides(*, talk: Talk, file, content: PdfContent | None = None) -> Talk:
    """Store a PDF as the talk's slides with its page count and text; replaces earlier slides (file or link).

    `content` is the validated reading of this same file (the admin form has it already); without it the file is
    read here. Raises ValidationError, and stores nothing, when the file is not an acceptable PDF.
    """
    if content is None:
        content = validate_slides(file)
    file.seek(0)
    with transaction.atomic():
        store_replacing(talk.slides, name=f"{talk.slug}.pdf", content=file)
        try:
            talk.slides_url = ""
            talk.slides_pages = content.pages
            talk.slides_size = talk.slides.size
            talk.slides_text = content.text
            talk.save(update_fields=["slides", "slides_url", "slides_pages", "slides_size", "slides_text"])
        except Exception:
            talk.slides.storage.delete(talk.slides.name)
            raise
    return talk


def talk_remove_slides(*, talk: Talk) -> Talk:
    """Delete the slides file (once saved) and what was extracted from it."""
    with transaction.atomic():
        delete_on_commit(talk.slides)
        talk.slides_pages = None
        talk.slides_size = None
        talk.slides_text = ""
        talk.save(update_fields=["slides", "slides_pages", "slides_size", "slides_text"])
    return talk


def intro_slides_name(event: Event) -> str:
    """Stored under slides/intro/<year>-<number or slug>.pdf."""
    return f"{event.date:%Y}-{event.folder}.pdf"


def event_attach_intro_slides(*, event: Event, file, content: PdfContent | None = None) -> Event:
    """Store the organizers' intro deck (PDF) on the event, like `talk_attach_slides`."""
    if content is None:
        content = validate_slides(file)
    file.seek(0)
    with transaction.atomic():
        store_replacing(event.intro_slides, name=intro_slides_name(event), content=file)
        try:
            event.intro_slides_url = ""
            event.intro_slides_pages = content.pages
            event.intro_slides_text = content.text
            event.save(
                update_fields=["intro_slides", "intro_slides_url", "intro_slides_pages", "intro_slides_text"]
            )
        except Exception:
            event.intro_slides.storage.delete(event.intro_slides.name)
            raise
    return event


def event_remove_intro_slides(*, event: Event) -> Event:
    with transaction.atomic():
        delete_on_commit(event.intro_slides)
        event.intro_slides_pages = None
        event.intro_slides_text = ""
        event.save(update_fields=["intro_slides", "intro_slides_pages", "intro_slides_text"])
    return event


def slides_reextract(*, field_file: FieldFile) -> PdfContent:
    """Read a stored slides file again (after an upgrade of pypdf or of the limits)."""
    with field_file.open("rb") as stored:
        data = stored.read()
    try:
        return read_pdf(data)
    except PdfUnreadable as error:
        message = MESSAGES[error.code].format(detail=error.detail)
        raise ValidationError(f"{field_file.name}: {message}", code=error.code) from error


def talk_reextract_slides(*, talk: Talk) -> Talk:
    content = slides_reextract(field_file=talk.slides)
    talk.slides_pages = content.pages
    talk.slides_size = talk.slides.size
    talk.slides_text = content.text
    talk.save(update_fields=["slides_pages", "slides_size", "slides_text"])
    return talk


def event_reextract_intro_slides(*, event: Event) -> Event:
    content = slides_reextract(field_file=event.intro_slides)
    event.intro_slides_pages = content.pages
    event.intro_slides_text = content.text
    event.save(update_fields=["intro_slides_pages", "intro_slides_text"])
    return event


def speaker_set_photo(*, speaker: Speaker, file, image: PreparedImage | None = None) -> Speaker:
    """Store a checked, upright, metadata-free photo of at most 400 × 400; raises ValidationError otherwise."""
    image_store(speaker.photo, spec=PHOTO, file=file, image=image)
    return speaker


def speaker_remove_photo(*, speaker: Speaker) -> Speaker:
    image_remove(speaker.photo)
    return speaker
