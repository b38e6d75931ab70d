"""A meetup's program: talks placed on its agenda."""

from django.db import transaction
from django.db.models import Max

from events.enums import SlotKind
from events.models import AgendaSlot, Event
from talks.enums import TalkKind
from talks.models import Talk

# The agenda slot a talk of each kind gets when it is put on a program without a slot of its own.
SLOT_KIND_OF_TALK = {
    TalkKind.TALK: SlotKind.TALK,
    TalkKind.LIGHTNING: SlotKind.TALK,
    TalkKind.PANEL: SlotKind.TALK,
    TalkKind.HOT_TOPICS: SlotKind.HOT_TOPICS,
    TalkKind.INTRO: SlotKind.ANNOUNCEMENTS,
}


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
