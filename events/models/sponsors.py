from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse

from common.content import ContentQuerySet
from common.weblinks import web_link_constraints, web_link_field
from events.enums import PUBLIC_STATUSES, SponsorRole
from events.models.events import EventPartQuerySet


class SponsorQuerySet(ContentQuerySet):
    def visible_to(self, user):
        """Staff see every sponsor; everybody else those who hosted or sponsored a public meetup."""
        if user.is_staff:
            return self
        public = EventSponsor.objects.filter(sponsor=OuterRef("pk"), event__status__in=PUBLIC_STATUSES)
        return self.filter(Exists(public))


class Sponsor(models.Model):
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    logo = models.ImageField(upload_to="sponsors/", blank=True)
    website = web_link_field(blank=True)
    description = models.TextField(blank=True)

    objects = SponsorQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=~Q(slug=""), name="sponsor_slug_not_empty"),
            *web_link_constraints("sponsor", "website"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("events:sponsor_list") + f"#{self.slug}"


class EventSponsor(models.Model):
    event = models.ForeignKey("events.Event", on_delete=models.CASCADE, related_name="sponsorships")
    sponsor = models.ForeignKey(Sponsor, on_delete=models.PROTECT, related_name="sponsorships")
    role = models.CharField(max_length=20, choices=SponsorRole, default=SponsorRole.HOST)
    order = models.PositiveSmallIntegerField(default=0)

    objects = EventPartQuerySet.as_manager()

    class Meta:
        ordering = ["event", "order", "pk"]
        verbose_name = "host or sponsor"
        verbose_name_plural = "hosts and sponsors"
        constraints = [
            models.UniqueConstraint(fields=["event", "sponsor", "role"], name="eventsponsor_unique_role"),
        ]

    def __str__(self):
        return f"{self.sponsor} ({self.get_role_display()}) at {self.event.title}"
