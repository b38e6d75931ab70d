"""What the organizers announce at a meetup (a raffle, the group's channels, upcoming events): shown on the
meetup's page and as a slide each in its intro deck."""

from django.db import models
from django.db.models import Q

from common.weblinks import web_link_constraints, web_link_field
from events.models.events import EventPartQuerySet


class Announcement(models.Model):
    event = models.ForeignKey("events.Event", on_delete=models.CASCADE, related_name="announcements")
    title = models.CharField(max_length=200)
    text = models.TextField(
        blank=True,
        max_length=800,
        help_text="Markdown. A few lines: it has to fit on one slide, read from the back of the room.",
    )
    link = web_link_field(
        max_length=500, blank=True, help_text="Where to read more or sign up; the slide shows the address."
    )
    image = models.ImageField(upload_to="announcements/", blank=True)
    order = models.PositiveSmallIntegerField(
        default=0, help_text="Announcements are shown in this order, smallest number first."
    )

    objects = EventPartQuerySet.as_manager()

    class Meta:
        ordering = ["event", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(title=""),
                name="announcement_titled",
                violation_error_code="title",
                violation_error_message="Give the announcement a title.",
            ),
            *web_link_constraints("announcement", "link"),
        ]

    def __str__(self):
        return self.title
