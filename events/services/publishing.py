"""The organizers' workflow on an event: publish, cancel, duplicate as the next meetup, and what is missing."""

import datetime

from django.db import transaction
from django.db.models import Max

from common.text import ORDINAL_TITLE, ordinal, unique_slug
from events.enums import EventStatus
from events.models import AgendaSlot, Event, EventSponsor, in_running_order
from talks.enums import TalkKind

# The next meetup is planned four weeks later, on the same weekday; organizers then move it.
NEXT_MEETUP_AFTER = datetime.timedelta(weeks=4)


def event_publish(*, event: Event) -> Event:
    """Make the event public (drafts and cancelled events alike)."""
    event.status = EventStatus.PUBLISHED
    event.save(update_fields=["status", "updated_at"])
    return event


def event_cancel(*, event: Event) -> Event:
    """Cancel: the page stays public, with a notice, so people who saw the announcement learn of it."""
    event.status = EventStatus.CANCELLED
    event.save(update_fields=["status", "updated_at"])
    return event


def next_free_number() -> int:
    return (Event.objects.aggregate(highest=Max("number"))["highest"] or 0) + 1


def next_title(event: Event, number: int) -> str:
    """ "75th Deep Learning Meetup: AI Manipulation" -> "76th Deep Learning Meetup" (the topic is new)."""
    if event.number is not None and ORDINAL_TITLE.search(event.title):
        head = event.title.split(":", 1)[0]
        return ORDINAL_TITLE.sub(ordinal(number), head, count=1).strip()
    return f"{ordinal(number)} Deep Learning Meetup"


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
        status=EventStatus.DRAFT,
    )
    AgendaSlot.objects.bulk_create(
        AgendaSlot(
            event=copy,
            start_time=slot.start_time,
            end_time=slot.end_time,
            title=slot.title,
            kind=slot.kind,
            position=slot.position,
        )
        for slot in event.agenda.filter(talk__isnull=True)
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
    slots = in_running_order(event.agenda.select_related("talk").prefetch_related("talk__talk_speakers"))
    talks = [slot.talk for slot in slots if slot.talk is not None]
    if not talks:
        missing.append("No talks yet.")
    for talk in talks:
        if talk.is_cancelled:
            continue
        if not talk.talk_speakers.all():
            missing.append(f"Talk “{talk.title}” has no speaker.")
        if not talk.abstract.strip():
            missing.append(f"Talk “{talk.title}” has no abstract.")
        if not talk.has_slides and talk.kind != TalkKind.HOT_TOPICS:
            missing.append(f"Talk “{talk.title}” has no slides.")
    missing.extend(
        f"Agenda slot “{slot.display_title}” has no time."
        for slot in slots
        if slot.start_time is None and not (slot.talk and slot.talk.is_cancelled)
    )
    return missing
