"""The program of a meetup: its agenda slots, a talk in each talk slot, in one running order.

The running order is the time order, whatever order rows were stored in: timed slots by their start; an untimed
slot after the latest start stored before it (so "Networking" after the last talk stays last, and a slot added
without a time goes last).
"""

import datetime
from collections.abc import Iterable

from django.db import models
from django.db.models import F, Q

from events.enums import SlotKind
from events.models.events import EventPartQuerySet


class AgendaSlot(models.Model):
    event = models.ForeignKey("events.Event", on_delete=models.CASCADE, related_name="agenda")
    position = models.PositiveSmallIntegerField(
        default=0, help_text="Place among the slots without a time; timed slots are shown in time order."
    )
    start_time = models.TimeField(null=True, blank=True)
    end_time = models.TimeField(null=True, blank=True)
    kind = models.CharField(max_length=20, choices=SlotKind, default=SlotKind.OTHER)
    title = models.CharField(
        max_length=300, blank=True, help_text="Empty for a talk: the talk's title is shown."
    )
    is_cancelled = models.BooleanField(
        "cancelled",
        default=False,
        help_text="Struck through on the page; a cancelled talk is marked on the talk.",
    )
    talk = models.OneToOneField(
        "talks.Talk", on_delete=models.CASCADE, related_name="slot", null=True, blank=True
    )

    objects = EventPartQuerySet.as_manager()

    class Meta:
        ordering = ["event", "position", "pk"]
        verbose_name = "agenda slot"
        constraints = [
            models.CheckConstraint(
                condition=Q(end_time__isnull=True)
                | Q(start_time__isnull=False, end_time__gt=F("start_time")),
                name="agendaslot_ends_after_start",
                violation_error_code="end_time",
                violation_error_message="The slot must end after it starts (and needs a start to have an end).",
            ),
            models.CheckConstraint(
                condition=Q(talk__isnull=False) | ~Q(title=""),
                name="agendaslot_titled_or_talk",
                violation_error_code="title",
                violation_error_message="Give the slot a title (e.g. “Networking”), or a talk.",
            ),
        ]

    def __str__(self):
        return f"{self.time_range} {self.display_title}".strip()

    @property
    def display_title(self) -> str:
        """The talk's title for a talk slot (expects the talk loaded), else the slot's own."""
        return self.talk.title if self.talk_id is not None else self.title

    @property
    def is_called_off(self) -> bool:
        """The slot is cancelled, or the talk in it is (expects the talk loaded)."""
        return self.is_cancelled or (self.talk_id is not None and self.talk.is_cancelled)

    @property
    def time_range(self) -> str:
        """As the site writes times everywhere: "18:30–18:40", or "21:00" without an end."""
        if self.start_time is None:
            return ""
        if self.end_time is None:
            return f"{self.start_time:%H:%M}"
        return f"{self.start_time:%H:%M}–{self.end_time:%H:%M}"


def running_order(rows: list[tuple[int, datetime.time | None]]) -> list[int]:
    """Indexes of (position, start_time) rows in running order (see the module docstring)."""
    stored = sorted(range(len(rows)), key=lambda index: (rows[index][0], index))
    keys = {}
    latest = (datetime.time.min, -1)  # untimed slots before the first timed one stay first
    for rank, index in enumerate(stored):
        start = rows[index][1]
        if start is not None:
            keys[index] = (start, rank, 0, 0)
            latest = max(latest, (start, rank))
        else:
            keys[index] = (*latest, 1, rank)
    return sorted(keys, key=keys.__getitem__)


def in_running_order(slots: Iterable[AgendaSlot]) -> list[AgendaSlot]:
    slots = list(slots)
    return [slots[index] for index in running_order([(slot.position, slot.start_time) for slot in slots])]
