"""The organizers' intro deck of a meetup (PDF or link), stored like talk slides."""

from django.db import transaction

from common.files import delete_on_commit, store_replacing
from common.pdf import PdfContent
from common.validators import reread_slides, validate_slides
from events.models import Event


def intro_slides_name(event: Event) -> str:
    """Stored under slides/intro/<year>-<number or slug>.pdf."""
    return f"{event.date:%Y}-{event.folder}.pdf"


def event_attach_intro_slides(*, event: Event, file, content: PdfContent | None = None) -> Event:
    """Store the organizers' intro deck (PDF) on the event, like `talks.services.talk_attach_slides`."""
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


def event_reextract_intro_slides(*, event: Event) -> Event:
    content = reread_slides(event.intro_slides)
    event.intro_slides_pages = content.pages
    event.intro_slides_text = content.text
    event.save(update_fields=["intro_slides_pages", "intro_slides_text"])
    return event
