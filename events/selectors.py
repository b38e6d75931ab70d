"""Reads that span relations, as named prefetches, so every page loads in a fixed number of queries."""

from django.db.models import Prefetch, QuerySet

from events.models import AgendaSlot, EventSponsor
from talks.models import Talk, TalkSpeaker


def speakers_in_order() -> Prefetch:
    """A talk's speakers with their affiliation at the time, in the order the talk names them."""
    return Prefetch(
        "talk_speakers", queryset=TalkSpeaker.objects.select_related("speaker").order_by("order", "pk")
    )


def with_program(events: QuerySet) -> QuerySet:
    """Events with venue, agenda, talks (with speakers in order) and sponsors: five queries for any number."""
    return events.select_related("venue").prefetch_related(
        Prefetch("agenda", queryset=AgendaSlot.objects.order_by("order", "start_time", "pk")),
        Prefetch(
            "talks",
            queryset=Talk.objects.order_by("order", "pk").prefetch_related(speakers_in_order()),
        ),
        Prefetch(
            "sponsorships", queryset=EventSponsor.objects.select_related("sponsor").order_by("order", "pk")
        ),
    )
