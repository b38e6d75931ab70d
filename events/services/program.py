"""A meetup's program: its agenda slots, each talk in its slot, in one running order."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max

from common.text import unique_slug
from events.enums import SlotKind
from events.models import AgendaSlot, Event, in_running_order
from talks.enums import TalkKind
from talks.models import Speaker, Talk, TalkSpeaker

# The agenda slot a talk of each kind gets when it is put on a program without a slot of its own.
SLOT_KIND_OF_TALK = {
    TalkKind.TALK: SlotKind.TALK,
    TalkKind.LIGHTNING: SlotKind.TALK,
    TalkKind.PANEL: SlotKind.TALK,
    TalkKind.HOT_TOPICS: SlotKind.HOT_TOPICS,
    TalkKind.INTRO: SlotKind.ANNOUNCEMENTS,
}


@dataclass(frozen=True)
class TalkDetails:
    """What the meetup's page edits of a talk in its slot (the talk's own page edits the rest)."""

    title: str
    kind: str = TalkKind.TALK
    abstract: str = ""
    slides_url: str = ""
    video_url: str = ""
    is_cancelled: bool = False
    speakers: tuple[Speaker, ...] = ()


def next_position(event: Event) -> int:
    """New rows go last."""
    highest = event.agenda.aggregate(highest=Max("position"))["highest"]
    return 0 if highest is None else highest + 1


@transaction.atomic
def talk_place_on_program(*, talk: Talk, event: Event) -> AgendaSlot:
    """Put a saved talk on the meetup's agenda (last, untimed), or move its slot to another meetup."""
    slot = AgendaSlot.objects.filter(talk=talk).first()
    if slot is None:
        return AgendaSlot.objects.create(
            event=event, talk=talk, kind=SLOT_KIND_OF_TALK[talk.kind], position=next_position(event)
        )
    if slot.event_id != event.pk:
        slot.event = event
        slot.position = next_position(event)
        slot.start_time = slot.end_time = None  # the other meetup's times mean nothing here
        slot.save(update_fields=["event", "position", "start_time", "end_time"])
    return slot


@transaction.atomic
def program_save_slot(*, slot: AgendaSlot, talk: TalkDetails | None) -> AgendaSlot:
    """Save an agenda slot (its `event` set) and, for a talk slot, create or update its talk and speakers.

    A talk slot needs no title of its own (the talk's is shown) and gets the talk's kind of slot unless the
    organizer chose one. New slots go last; `agenda_renumber` then stores the running order.
    """
    if slot.pk is None and not slot.position:
        slot.position = next_position(slot.event)
    if talk is not None:
        slot.talk = _save_talk(slot.talk, talk)
        if slot.kind == SlotKind.OTHER:
            slot.kind = SLOT_KIND_OF_TALK[talk.kind]
    slot.save()
    return slot


def _save_talk(existing: Talk | None, details: TalkDetails) -> Talk:
    talk = existing or Talk(slug=unique_slug(details.title, set(Talk.objects.values_list("slug", flat=True))))
    talk.title = details.title
    talk.kind = details.kind
    talk.abstract = details.abstract
    talk.video_url = details.video_url
    talk.is_cancelled = details.is_cancelled
    if not talk.slides:
        talk.slides_url = details.slides_url
    talk.save()
    talk_set_speakers(talk=talk, speakers=details.speakers)
    return talk


def talk_set_speakers(*, talk: Talk, speakers) -> None:
    """The talk's speakers in this order; a speaker kept keeps the affiliation given for this talk, a new one gets
    their current affiliation."""
    links = {link.speaker_id: link for link in talk.talk_speakers.all()}
    wanted = [speaker.pk for speaker in speakers]
    TalkSpeaker.objects.filter(talk=talk).exclude(speaker__in=wanted).delete()
    for order, speaker in enumerate(speakers):
        link = links.get(speaker.pk) or TalkSpeaker(
            talk=talk, speaker=speaker, affiliation=speaker.affiliation
        )
        if link.pk is None or link.order != order:
            link.order = order
            link.save()


@transaction.atomic
def program_remove_slot(*, slot: AgendaSlot) -> None:
    """Remove a slot from the agenda; a talk slot takes its talk with it (a talk belongs to its program)."""
    if slot.talk_id is not None:
        slot.talk.delete()  # deletes the slot too
    else:
        slot.delete()


def agenda_renumber(*, event: Event) -> None:
    """Store the running order as the slots' positions (0, 1, 2 …), so that lists and exports agree with the page."""
    changed = []
    for position, slot in enumerate(in_running_order(event.agenda.all())):
        if slot.position != position:
            slot.position = position
            changed.append(slot)
    AgendaSlot.objects.bulk_update(changed, ["position"])
