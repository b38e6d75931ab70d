"""Reads that span relations, as named prefetches, so every page loads in a fixed number of queries."""

from django.db.models import Prefetch, QuerySet

from events.models import AgendaSlot, EventSponsor
from talks.selectors import speakers_in_order


def program_slots() -> Prefetch:
    """An event's agenda with each slot's talk and the talk's speakers in order (two queries for any number)."""
    return Prefetch(
        "agenda",
        queryset=AgendaSlot.objects.select_related("talk").prefetch_related(
            Prefetch("talk__talk_speakers", queryset=speakers_in_order().queryset)
        ),
    )


def with_program(events: QuerySet) -> QuerySet:
    """Events with venue, agenda and talks (with speakers in order) and sponsors: four queries for any number.

    `event.program` then lists the agenda in running order and `event.talks` its talks, without queries.
    """
    return events.select_related("venue").prefetch_related(
        program_slots(),
        Prefetch(
            "sponsorships", queryset=EventSponsor.objects.select_related("sponsor").order_by("order", "pk")
        ),
    )
