"""Who runs the group: shown on the About page and on the organizers slide of every intro deck.

An organizer who has spoken at a meetup is linked to their speaker: the speaker's name, affiliation and photo are
shown wherever the organizer's own field is empty, so a person's details are kept up to date in one place.
"""

from django.db import models
from django.db.models import Q

from common.content import ContentQuerySet


class OrganizerQuerySet(ContentQuerySet):
    def visible_to(self, user):
        """The group's organizers are public: everybody sees every one of them."""
        return self


class Organizer(models.Model):
    name = models.CharField(
        max_length=200,
        blank=True,
        help_text="Leave empty to show the speaker's name (choose the speaker below).",
    )
    speaker = models.OneToOneField(
        "talks.Speaker",
        on_delete=models.PROTECT,
        related_name="organizer",
        null=True,
        blank=True,
        help_text="When the organizer is also one of our speakers: their name, affiliation and photo are taken "
        "from the speaker wherever the fields here are empty.",
    )
    affiliation = models.CharField(
        max_length=300, blank=True, help_text="Where they work, e.g. “OFAI & contextflow”."
    )
    photo = models.ImageField(upload_to="organizers/", blank=True)
    order = models.PositiveSmallIntegerField(
        default=0, help_text="Organizers are shown in this order, smallest number first."
    )

    objects = OrganizerQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(name="") | Q(speaker__isnull=False),
                name="organizer_named_or_speaker",
                violation_error_code="name",
                violation_error_message="Give the organizer's name, or choose the speaker they are.",
            ),
        ]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self) -> str:
        """The organizer's own name, else the speaker's (expects the speaker loaded: `select_related`)."""
        return self.name or (self.speaker.name if self.speaker_id else "")

    @property
    def display_affiliation(self) -> str:
        return self.affiliation or (self.speaker.affiliation if self.speaker_id else "")

    @property
    def display_photo(self):
        """The organizer's own photo, else the speaker's; empty (falsy) when neither has one."""
        if self.photo or not self.speaker_id:
            return self.photo
        return self.speaker.photo
