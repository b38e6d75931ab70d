"""Writes that touch files and several fields at once; the admin, the commands and the tests call these."""

from django.db import transaction

from common.files import delete_on_commit, store_replacing
from common.images import PHOTO, PreparedImage, image_remove, image_store
from common.pdf import PdfContent
from common.validators import reread_slides, validate_slides
from talks.models import Speaker, Talk


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


def talk_reextract_slides(*, talk: Talk) -> Talk:
    content = reread_slides(talk.slides)
    talk.slides_pages = content.pages
    talk.slides_size = talk.slides.size
    talk.slides_text = content.text
    talk.save(update_fields=["slides_pages", "slides_size", "slides_text"])
    return talk


def speaker_set_photo(*, speaker: Speaker, file, image: PreparedImage | None = None) -> Speaker:
    """Store a checked, upright, metadata-free photo of at most 400 × 400; raises ValidationError otherwise."""
    image_store(speaker.photo, spec=PHOTO, file=file, image=image)
    return speaker


def speaker_remove_photo(*, speaker: Speaker) -> Speaker:
    image_remove(speaker.photo)
    return speaker
