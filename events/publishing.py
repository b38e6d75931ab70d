"""The organizers' workflow on an event: publish, cancel, duplicate as the next meetup, and what is missing."""

import datetime

from django.db import transaction
from django.db.models import Max

from events.importers.readme import ORDINAL_TITLE, ordinal_suffix
from events.models import AgendaSlot, Event, EventSponsor
from events.services import unique_slug
from talks.models import Talk

# The next meetup is planned four weeks later, on the same weekday; organizers then move it.
NEXT_MEETUP_AFTER = datetime.timedelta(weeks=4)


def event_publish(*, event: Event) -> Event:
    """Make the event public (drafts and cancelled events alike)."""
    event.status = Event.Status.PUBLISHED
    event.save(update_fields=["status", "updated_at"])
    return event


def event_cancel(*, event: Event) -> Event:
    """Cancel: the page stays public, with a notice, so people who saw the announcement learn of it."""
    event.status = Event.Status.CANCELLED
    event.save(update_fields=["status", "updated_at"])
    return event


def next_free_number() -> int:
    return (Event.objects.aggregate(highest=Max("number"))["highest"] or 0) + 1


def next_title(event: Event, number: int) -> str:
    """ "75th Deep Learning Meetup: AI Manipulation" -> "76th Deep Learning Meetup" (the topic is new)."""
    if event.number is not None and ORDINAL_TITLE.search(event.title):
        head = event.title.split(":", 1)[0]
        return ORDINAL_TITLE.sub(f"{number}{ordinal_suffix(number)}", head, count=1).strip()
    return f"{number}{ordinal_suffix(number)} Deep Learning Meetup"


@transaction.atomic
def event_duplicate_as_next(*, event: Event) -> Event:
    """A draft of the next meetup: same venue, times, hosts and sponsors, the agenda's non-talk slots.

    Not copied: talks (and their slots), description, meetup.com link, slides, video, photos, job posts.
    """
    number = next_free_number()
    title = next_title(event, number)
    copy = Event.objects.create(
        number=number,
        title=title,
        slug=unique_slug(title, set(Event.objects.values_list("slug", flat=True))),
        kind=event.kind,
        date=event.date + NEXT_MEETUP_AFTER,
        start_time=event.start_time,
        end_time=event.end_time,
        venue=event.venue,
        status=Event.Status.DRAFT,
    )
    AgendaSlot.objects.bulk_create(
        AgendaSlot(
            event=copy,
            start_time=slot.start_time,
            end_time=slot.end_time,
            title=slot.title,
            kind=slot.kind,
            order=slot.order,
        )
        for slot in event.agenda.filter(talk__isnull=True).exclude(kind=AgendaSlot.Kind.TALK)
    )
    EventSponsor.objects.bulk_create(
        EventSponsor(event=copy, sponsor_id=link.sponsor_id, role=link.role, order=link.order)
        for link in event.sponsorships.all()
    )
    return copy


def event_checklist(event: Event) -> list[str]:
    """What is still missing before the event is ready to publish; advice, never a block. [] when complete."""
    missing = []
    if event.venue_id is None:
        missing.append("No venue yet.")
    if event.start_time is None:
        missing.append("No start time.")
    if not event.meetup_url:
        missing.append("No meetup.com link.")
    talks = list(event.talks.prefetch_related("talk_speakers").order_by("order", "pk"))
    if not talks:
        missing.append("No talks yet.")
    for talk in talks:
        if talk.is_cancelled:
            continue
        if not talk.talk_speakers.all():
            missing.append(f"Talk “{talk.title}” has no speaker.")
        if not talk.abstract.strip():
            missing.append(f"Talk “{talk.title}” has no abstract.")
        if not talk.has_slides and talk.kind != Talk.Kind.HOT_TOPICS:
            missing.append(f"Talk “{talk.title}” has no slides.")
    slotted = set()
    for slot in event.agenda.order_by("order", "start_time", "pk"):
        if slot.start_time is None:
            missing.append(f"Agenda slot “{slot.title}” has no time.")
        if slot.talk_id:
            slotted.add(slot.talk_id)
    missing.extend(
        f"Talk “{talk.title}” is not on the agenda."
        for talk in talks
        if talk.pk not in slotted and not talk.is_cancelled
    )
    return missing
