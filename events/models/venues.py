from urllib.parse import quote_plus

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse

from common.content import ContentQuerySet
from events.enums import PUBLIC_STATUSES


class VenueQuerySet(ContentQuerySet):
    def visible_to(self, user):
        """Staff see every venue; everybody else the venues of public meetups (one only a draft uses stays hidden)."""
        if user.is_staff:
            return self
        from events.models.events import Event

        return self.filter(Exists(Event.objects.filter(venue=OuterRef("pk"), status__in=PUBLIC_STATUSES)))


class Venue(models.Model):
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    address = models.CharField(
        max_length=300, blank=True, help_text="Street and postcode, e.g. Lassallestraße 9, 1020 Wien."
    )
    city = models.CharField(max_length=100, blank=True, default="Vienna")
    latitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(max_digits=9, decimal_places=6, null=True, blank=True)
    directions = models.TextField(
        blank=True, help_text="How to get there and in: entrance, floor, step-free access, public transport."
    )
    is_online = models.BooleanField(default=False, help_text="Tick for online meetups (Zoom and the like).")
    host = models.ForeignKey(
        "events.Sponsor",
        on_delete=models.SET_NULL,
        related_name="venues",
        null=True,
        blank=True,
        help_text="The company or institution that hosts meetups here; the checklist warns when a meetup here "
        "names another host.",
    )
    alternative_names = models.JSONField(
        default=list,
        blank=True,
        help_text="Other spellings of this venue seen in the history, e.g. “A1 Telekom Austria”.",
    )

    objects = VenueQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__isnull=False, longitude__isnull=False),
                name="venue_coordinates_both_or_neither",
                violation_error_code="longitude",
                violation_error_message="Give both latitude and longitude, or neither.",
            ),
            models.CheckConstraint(condition=~Q(slug=""), name="venue_slug_not_empty"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("events:venue_detail", kwargs={"slug": self.slug})

    @property
    def autocomplete_label(self) -> str:
        """How the admin offers the venue: "A1 Telekom Austria, Lassallestraße 9, 1020 Wien"."""
        return ", ".join(part for part in (self.name, self.full_address) if part)

    @property
    def full_address(self) -> str:
        """Address with the city, unless the address already names it ("…, 1020 Wien")."""
        if not self.city or self.city in self.address or (self.city == "Vienna" and "Wien" in self.address):
            return self.address or self.city
        return f"{self.address}, {self.city}" if self.address else self.city

    @property
    def map_url(self) -> str:
        """A map search for the venue (OpenStreetMap), or "" for online venues."""
        if self.is_online:
            return ""
        if self.latitude is not None:
            lat, lon = self.latitude, self.longitude
            return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"
        query = ", ".join(part for part in (self.name, self.full_address) if part)
        return f"https://www.openstreetmap.org/search?query={quote_plus(query)}"
