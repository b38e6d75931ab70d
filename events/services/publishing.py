"""The organizers' workflow on an event: publish, cancel, duplicate as the next meetup, and what is missing."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max

from common.text import ORDINAL_TITLE, ordinal, unique_slug
from events.enums import EventStatus, SlotKind, SponsorRole
from events.models import AgendaSlot, Event, EventSponsor, in_running_order, local_today
from events.services.registrations import event_tell_registered_of_cancellation
from talks.enums import TalkKind

# The group meets about every four weeks, on the same weekday; organizers then move the date as needed.
MEETUP_RHYTHM = datetime.timedelta(weeks=4)


# `event_duplicate_as_next(venue=None)` means "no venue yet"; without the argument the venue is kept.
KEEP_VENUE = object()


def event_publish(*, event: Event) -> Event:
    """Make the event public (drafts and cancelled events alike)."""
    event.status = EventStatus.PUBLISHED
    event.save(update_fields=["status", "updated_at"])
    return event


DRAFT_NOT_CANCELLED = (
    "A draft was never announced, so there is nothing to cancel: delete it, or leave it a draft."
)


@transaction.atomic
def event_cancel(*, event: Event) -> Event:
    """Cancel a public meetup: its page stays, with a notice, so people who saw the announcement learn of it, and
    everyone registered here gets a mail (with the calendar entry marked cancelled). Cancelling again changes
    nothing; a draft cannot be cancelled, since that would make it public."""
    if event.is_draft:
        raise ValidationError(DRAFT_NOT_CANCELLED, code="draft")
    if event.is_cancelled:
        return event
    event.status = EventStatus.CANCELLED
    event.save(update_fields=["status", "updated_at"])
    event_tell_registered_of_cancellation(event=event)
    return event


def next_free_number() -> int:
    return (Event.objects.aggregate(highest=Max("number"))["highest"] or 0) + 1


def next_title(event: Event, number: int) -> str:
    """ "75th Deep Learning Meetup: AI Manipulation" -> "76th Deep Learning Meetup" (the topic is new)."""
    if event.number is not None and ORDINAL_TITLE.search(event.title):
        head = event.title.split(":", 1)[0]
        return ORDINAL_TITLE.sub(ordinal(number), head, count=1).strip()
    return f"{ordinal(number)} Deep Learning Meetup"


def next_meetup_date(event: Event) -> datetime.date:
    """The group's rhythm after the later of today and the last meetup, on the weekday the group meets."""
    latest = Event.objects.aggregate(latest=Max("date"))["latest"] or event.date
    date = max(local_today(), latest) + MEETUP_RHYTHM
    return date + datetime.timedelta(days=(event.date.weekday() - date.weekday()) % 7)


@transaction.atomic
def event_duplicate_as_next(*, event: Event, date: datetime.date | None = None, venue=KEEP_VENUE) -> Event:
    """A draft of the next meetup: times, sponsors and the agenda's slots without talks; the venue unless another
    is given, and the host (its role and its welcome slot) only when the venue is kept.

    Not copied: talks (and their slots), description, meetup.com link, slides, video, photos, job posts.
    """
    venue = event.venue if venue is KEEP_VENUE else venue
    same_place = venue == event.venue
    number = next_free_number()
    title = next_title(event, number)
    copy = Event.objects.create(
        number=number,
        title=title,
        slug=unique_slug(title, set(Event.objects.values_list("slug", flat=True))),
        kind=event.kind,
        date=date or next_meetup_date(event),
        start_time=event.start_time,
        end_time=event.end_time,
        venue=venue,
        status=EventStatus.DRAFT,
    )
    slots = event.agenda.filter(talk__isnull=True)
    sponsorships = event.sponsorships.all()
    if not same_place:
        slots = slots.exclude(kind=SlotKind.HOST)
        sponsorships = sponsorships.exclude(role=SponsorRole.HOST)
    AgendaSlot.objects.bulk_create(
        AgendaSlot(
            event=copy,
            start_time=slot.start_time,
            end_time=slot.end_time,
            title=slot.title,
            kind=slot.kind,
            position=slot.position,
        )
        for slot in slots
    )
    EventSponsor.objects.bulk_create(
        EventSponsor(event=copy, sponsor_id=link.sponsor_id, role=link.role, order=link.order)
        for link in sponsorships
    )
    return copy


def event_checklist(event: Event) -> list[str]:
    """What is still missing or looks wrong before the event is published; advice, never a block. [] when
    complete."""
    slots = in_running_order(event.agenda.select_related("talk").prefetch_related("talk__talk_speakers"))
    talks = [slot.talk for slot in slots if slot.talk is not None]
    return [
        *_when_and_where(event),
        *_hosts(event, slots),
        *(["No talks yet."] if not talks else []),
        *(problem for talk in talks if not talk.is_cancelled for problem in _talk_problems(talk)),
        *(
            f"Agenda slot “{slot.display_title}” has no time."
            for slot in slots
            if slot.start_time is None and not slot.is_called_off
        ),
    ]


def _when_and_where(event: Event) -> list[str]:
    missing = []
    if event.is_draft and event.date < local_today():
        missing.append(f"The date ({event.date:%d %B %Y}) is in the past.")
    if event.venue_id is None:
        missing.append("No venue yet.")
    if event.start_time is None:
        missing.append("No start time.")
    if event.takes_registrations and event.meetup_url:
        missing.append(
            "People register on this site, yet the page also links meetup.com to sign up: clear the meetup.com link."
        )
    elif not event.takes_registrations and not event.meetup_url:
        missing.append("No meetup.com link (or set seats to take registrations on this site).")
    return missing


def _hosts(event: Event, slots: list[AgendaSlot]) -> list[str]:
    hosts = [
        link.sponsor for link in event.sponsorships.select_related("sponsor") if link.role == SponsorRole.HOST
    ]
    venue = event.venue
    problems = [
        f"The host “{host}” is not the host of the venue “{venue}” (that is {venue.host})."
        for host in hosts
        if venue is not None and venue.host_id is not None and host.pk != venue.host_id
    ]
    if not hosts and any(slot.kind == SlotKind.HOST for slot in slots):
        problems.append("The agenda has a welcome by the host, but the meetup has no host.")
    return problems


def _talk_problems(talk) -> list[str]:
    problems = []
    if not talk.talk_speakers.all():
        problems.append(f"Talk “{talk.title}” has no speaker.")
    if not talk.abstract.strip():
        problems.append(f"Talk “{talk.title}” has no abstract.")
    if not talk.has_slides and talk.kind != TalkKind.HOT_TOPICS:
        problems.append(f"Talk “{talk.title}” has no slides.")
    return problems
