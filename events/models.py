import datetime
from urllib.parse import quote_plus
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.db.models import Exists, F, OuterRef, Q
from django.urls import reverse
from django.utils import timezone


def local_today() -> datetime.date:
    """Today in the meetup's time zone (Europe/Vienna), not UTC."""
    return timezone.localdate()


class VenueQuerySet(models.QuerySet):
    def public(self):
        """Venues of meetups the public may see; a venue that only a draft uses stays hidden."""
        return self.filter(Exists(Event.objects.published().filter(venue=OuterRef("pk"))))

    def visible_to(self, user):
        return self if user.is_staff else self.public()


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
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("events:venue_detail", kwargs={"slug": self.slug})

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


class Sponsor(models.Model):
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)
    logo = models.ImageField(upload_to="sponsors/", blank=True)
    website = models.URLField(blank=True)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("events:sponsor_list") + f"#{self.slug}"


class EventQuerySet(models.QuerySet):
    def published(self):
        """Visible to the public: published and cancelled events (a cancelled page stays, with a notice)."""
        return self.exclude(status=Event.Status.DRAFT)

    def upcoming(self):
        return self.filter(date__gte=local_today()).order_by("date", "start_time")

    def past(self):
        return self.filter(date__lt=local_today()).order_by("-date", "-start_time")

    def visible_to(self, user):
        """Staff may preview drafts; everybody else sees published events only."""
        return self if user.is_staff else self.published()


class Event(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"
        CANCELLED = "cancelled", "Cancelled"

    class Kind(models.TextChoices):
        MEETUP = "meetup", "Meetup"
        SPECIAL = "special", "Special event"
        PARTNER = "partner", "Partner event"

    number = models.PositiveIntegerField(
        null=True,
        blank=True,
        unique=True,
        help_text="The meetup's number (75 for the 75th). Empty for special events.",
    )
    title = models.CharField(max_length=300)
    slug = models.SlugField(max_length=200, unique=True, help_text="The web address of the event page.")
    kind = models.CharField(max_length=20, choices=Kind, default=Kind.MEETUP)
    date = models.DateField()
    start_time = models.TimeField(
        null=True, blank=True, help_text="Local time in Vienna; empty while unknown."
    )
    end_time = models.TimeField(null=True, blank=True)
    venue = models.ForeignKey(
        Venue,
        on_delete=models.PROTECT,
        related_name="events",
        null=True,
        blank=True,
        help_text="Empty while TBA.",
    )
    meetup_url = models.URLField("meetup.com page", blank=True)
    description = models.TextField(
        blank=True, help_text="Announcement text shown on the event page (Markdown)."
    )
    status = models.CharField(max_length=20, choices=Status, default=Status.DRAFT)
    intro_slides = models.FileField(
        upload_to="slides/intro/", blank=True, help_text="The organizers' intro/announcements deck (PDF)."
    )
    intro_slides_url = models.URLField(
        "intro slides link", blank=True, help_text="…or a link to the deck instead."
    )
    intro_slides_pages = models.PositiveIntegerField(null=True, blank=True, editable=False)
    intro_slides_text = models.TextField(blank=True, editable=False)
    video_url = models.URLField(blank=True, help_text="Recording of the evening (YouTube etc.).")
    photos_url = models.URLField("photo album", blank=True)
    import_checksum = models.CharField(
        max_length=64,
        blank=True,
        editable=False,
        help_text="Checksum of the imported fields as last written by import_meetups; tells it whether an organizer "
        "edited the event since.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-start_time"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_time__isnull=True)
                | Q(start_time__isnull=False, end_time__gt=F("start_time")),
                name="event_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(intro_slides="") | Q(intro_slides_url=""),
                name="event_intro_slides_file_xor_link",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["draft", "published", "cancelled"]), name="event_status_valid"
            ),
            models.CheckConstraint(condition=~Q(slug=""), name="event_slug_not_empty"),
        ]

    def __str__(self):
        return f"{self.title} ({self.date:%Y-%m-%d})"

    def get_absolute_url(self):
        return reverse("events:event_detail", kwargs={"slug": self.slug})

    @property
    def starts_at(self) -> datetime.datetime | None:
        """Aware start, in the meetup's time zone."""
        return self._aware(self.start_time)

    @property
    def ends_at(self) -> datetime.datetime | None:
        return self._aware(self.end_time)

    def _aware(self, time: datetime.time | None) -> datetime.datetime | None:
        if time is None:
            return None
        return datetime.datetime.combine(self.date, time, tzinfo=ZoneInfo(settings.TIME_ZONE))

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    @property
    def is_upcoming(self) -> bool:
        return self.date >= local_today()

    def get_intro_slides_url(self) -> str:
        """The site's download of the intro deck (the uploaded file is served, or the link followed)."""
        return reverse("events:intro_slides", kwargs={"slug": self.slug})

    @property
    def folder(self) -> str:
        """How files and downloads name the meetup: its number, or the slug of a special event."""
        return str(self.number) if self.number is not None else self.slug


class EventSponsor(models.Model):
    class Role(models.TextChoices):
        HOST = "host", "Host"
        SPONSOR = "sponsor", "Sponsor"
        DRINKS = "drinks", "Drinks & snacks"
        PARTNER = "partner", "Partner"

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="sponsorships")
    sponsor = models.ForeignKey(Sponsor, on_delete=models.PROTECT, related_name="sponsorships")
    role = models.CharField(max_length=20, choices=Role, default=Role.HOST)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["event", "order", "pk"]
        verbose_name = "host or sponsor"
        verbose_name_plural = "hosts and sponsors"
        constraints = [
            models.UniqueConstraint(fields=["event", "sponsor", "role"], name="eventsponsor_unique_role"),
        ]

    def __str__(self):
        return f"{self.sponsor} ({self.get_role_display()}) at {self.event.title}"


class AgendaSlot(models.Model):
    class Kind(models.TextChoices):
        WELCOME = "welcome", "Welcome"
        TALK = "talk", "Talk"
        BREAK = "break", "Break"
        ANNOUNCEMENTS = "announcements", "Announcements & Job Openings"
        HOT_TOPICS = "hot_topics", "Hot Topics"
        NETWORKING = "networking", "Networking"
        OTHER = "other", "Other"

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="agenda")
    start_time = models.TimeField(null=True, blank=True)
    end_time = models.TimeField(null=True, blank=True)
    title = models.CharField(max_length=300)
    kind = models.CharField(max_length=20, choices=Kind, default=Kind.OTHER)
    talk = models.ForeignKey(
        "talks.Talk", on_delete=models.SET_NULL, related_name="slots", null=True, blank=True
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["event", "order", "start_time", "pk"]
        verbose_name = "agenda slot"
        constraints = [
            models.CheckConstraint(
                condition=Q(end_time__isnull=True)
                | Q(start_time__isnull=False, end_time__gt=F("start_time")),
                name="agendaslot_ends_after_start",
            ),
        ]

    def __str__(self):
        return f"{self.time_range} {self.title}".strip()

    @property
    def time_range(self) -> str:
        """As organizers write it: "18:30 - 18:40", or "21:00" without an end."""
        if self.start_time is None:
            return ""
        if self.end_time is None:
            return f"{self.start_time:%H:%M}"
        return f"{self.start_time:%H:%M} - {self.end_time:%H:%M}"


class JobPostQuerySet(models.QuerySet):
    def open(self):
        """Active and not expired (expiry day included), so expired posts disappear by themselves."""
        return self.filter(is_active=True).filter(
            Q(expires_on__isnull=True) | Q(expires_on__gte=local_today())
        )


class JobPost(models.Model):
    title = models.CharField(max_length=200)
    company = models.CharField(max_length=200)
    sponsor = models.ForeignKey(
        Sponsor,
        on_delete=models.SET_NULL,
        related_name="job_posts",
        null=True,
        blank=True,
        help_text="When the company is one of our sponsors.",
    )
    description = models.TextField(blank=True, help_text="Markdown.")
    url = models.URLField("link", blank=True, help_text="Where to apply or read more.")
    location = models.CharField(max_length=200, blank=True, default="Vienna")
    posted_on = models.DateField(default=local_today)
    expires_on = models.DateField(
        null=True, blank=True, help_text="The post disappears from the site after this day."
    )
    event = models.ForeignKey(
        Event,
        on_delete=models.SET_NULL,
        related_name="job_posts",
        null=True,
        blank=True,
        help_text="The meetup where it was announced.",
    )
    is_active = models.BooleanField(default=True)

    objects = JobPostQuerySet.as_manager()

    class Meta:
        ordering = ["-posted_on", "title"]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_on__isnull=True) | Q(expires_on__gte=F("posted_on")),
                name="jobpost_expires_after_posted",
            ),
        ]

    def __str__(self):
        return f"{self.title} at {self.company}"

    def get_absolute_url(self):
        return reverse("events:job_list") + f"#job-{self.pk}"

    @property
    def is_open(self) -> bool:
        """JobPostQuerySet.open()'s rule, for a post already loaded."""
        return self.is_active and (self.expires_on is None or self.expires_on >= local_today())
