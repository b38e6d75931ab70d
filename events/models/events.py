import datetime
import functools
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Count, F, Q
from django.db.models.functions import ExtractYear
from django.urls import reverse
from django.utils import timezone

from common.content import ContentQuerySet
from common.weblinks import web_link_constraints, web_link_field
from events.enums import PUBLIC_STATUSES, EventKind, EventStatus, RegistrationStatus
from events.models.venues import Venue


def local_today() -> datetime.date:
    """Today in the meetup's time zone (Europe/Vienna), not UTC."""
    return timezone.localdate()


class Year(ExtractYear):
    """A date's year. On SQLite read from the stored ISO text in SQL: Django's own extract calls a Python
    function for every row, four times slower over the 2,000 meetups of the benchmark."""

    def as_sqlite(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.lhs)
        return f"CAST(SUBSTR({sql}, 1, 4) AS INTEGER)", params


class EventQuerySet(ContentQuerySet):
    def visible_to(self, user):
        """Staff may preview drafts; everybody else sees published and cancelled events."""
        return self if user.is_staff else self.filter(status__in=PUBLIC_STATUSES)

    def upcoming(self):
        return self.filter(date__gte=local_today()).order_by("date", "start_time")

    def past(self):
        return self.filter(date__lt=local_today()).order_by("-date", "-start_time")

    def count_by_year(self) -> list[tuple[int, int]]:
        """(year, number of events) for every year with events, the latest first."""
        return list(
            self.order_by()
            .annotate(year=Year("date"))
            .values_list("year")
            .annotate(count=Count("pk"))
            .order_by("-year")
        )


class EventPartQuerySet(ContentQuerySet):
    """What belongs to one meetup (its agenda slots, announcements, sponsorships): public with the meetup only."""

    def visible_to(self, user):
        return self if user.is_staff else self.filter(event__status__in=PUBLIC_STATUSES)


class Event(models.Model):
    number = models.PositiveIntegerField(
        null=True,
        blank=True,
        unique=True,
        help_text="The meetup's number (75 for the 75th). Empty for special events.",
    )
    title = models.CharField(max_length=300)
    slug = models.SlugField(max_length=200, unique=True, help_text="The web address of the event page.")
    kind = models.CharField(max_length=20, choices=EventKind, default=EventKind.MEETUP)
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
    meetup_url = web_link_field("meetup.com page", blank=True)
    capacity = models.IntegerField(
        "seats",
        null=True,
        blank=True,
        validators=[MinValueValidator(0, message="The number of seats cannot be negative.")],
        help_text="How many people may register on this site (host staff added as guests come on top). Empty: no "
        "registration here; people sign up on the meetup.com page.",
    )
    registration_closes_at = models.DateTimeField(
        "registration closes",
        null=True,
        blank=True,
        help_text="Empty: when the meetup starts. Set it earlier when the host needs the guest list in advance.",
    )
    description = models.TextField(
        blank=True, help_text="Announcement text shown on the event page (Markdown)."
    )
    status = models.CharField(max_length=20, choices=EventStatus, default=EventStatus.DRAFT)
    intro_slides = models.FileField(
        upload_to="slides/intro/", blank=True, help_text="The organizers' intro/announcements deck (PDF)."
    )
    intro_slides_url = web_link_field(
        "intro slides link", blank=True, help_text="…or a link to the deck instead."
    )
    intro_slides_pages = models.PositiveIntegerField(null=True, blank=True, editable=False)
    intro_slides_text = models.TextField(blank=True, editable=False)
    video_url = web_link_field("video link", blank=True, help_text="Recording of the evening (YouTube etc.).")
    photos_url = web_link_field("photo album", blank=True)
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
        # Pages of meetups by date (the API, the archive) read the newest without sorting the whole table.
        indexes = [models.Index(fields=["date"], name="event_date_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_time__isnull=True)
                | Q(start_time__isnull=False, end_time__gt=F("start_time")),
                name="event_ends_after_start",
                violation_error_code="end_time",
                violation_error_message="The meetup must end after it starts (and needs a start to have an end).",
            ),
            models.CheckConstraint(
                condition=Q(intro_slides="") | Q(intro_slides_url=""),
                name="event_intro_slides_file_xor_link",
                violation_error_code="intro_slides_url",
                violation_error_message="Upload a file or give a link, not both.",
            ),
            models.CheckConstraint(condition=Q(status__in=EventStatus.values), name="event_status_valid"),
            models.CheckConstraint(condition=~Q(slug=""), name="event_slug_not_empty"),
            models.CheckConstraint(
                condition=Q(capacity__isnull=True) | Q(capacity__gte=0),
                name="event_capacity_not_negative",
                violation_error_code="capacity",
                violation_error_message="The number of seats cannot be negative.",
            ),
            *web_link_constraints("event", "meetup_url", "intro_slides_url", "video_url", "photos_url"),
        ]

    def __str__(self):
        return f"{self.title} ({self.date:%Y-%m-%d})"

    def get_absolute_url(self):
        return reverse("events:event_detail", kwargs={"slug": self.slug})

    def clean(self):
        super().clean()
        if self.pk is not None:
            self._clean_capacity()
        self._clean_registration_closes()

    def _clean_registration_closes(self):
        """Registration closes at the latest when the meetup starts (a date and a time, so no database rule)."""
        if self.registration_closes_at is None or self.date is None:
            return
        starts = self.starts_by
        if self.registration_closes_at > starts:
            when = (
                f"{starts:%H:%M} on {starts.day} {starts:%B}"
                if self.start_time
                else f"{self.date.day} {self.date:%B}"
            )
            raise ValidationError(
                {
                    "registration_closes_at": f"Registration closes at the latest when the meetup starts ({when}): "
                    "set an earlier time, or leave it empty to close at the start."
                }
            )

    def _clean_capacity(self):
        """Seats already given stay given: the capacity may not drop below them, nor registration be switched off."""
        if self.capacity is None:
            if self.registrations.exclude(status=RegistrationStatus.CANCELLED).exists():
                raise ValidationError(
                    {
                        "capacity": "People have registered here, so the seats cannot be emptied. To stop new "
                        "registrations, set “registration closes” to now."
                    }
                )
            return
        seated = self.registrations.seated().count()
        if self.capacity < seated:
            raise ValidationError(
                {
                    "capacity": f"{seated} people already have a seat: the meetup needs at least {seated} seats "
                    "(cancel registrations first to go lower)."
                }
            )

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
        return self.status == EventStatus.PUBLISHED

    @property
    def is_draft(self) -> bool:
        return self.status == EventStatus.DRAFT

    @property
    def is_cancelled(self) -> bool:
        return self.status == EventStatus.CANCELLED

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

    @property
    def program(self) -> list:
        """The agenda in running order (expects `selectors.with_program`): the one way every page, export and
        calendar lists what happens when."""
        from events.models.agenda import in_running_order

        return in_running_order(self.agenda.all())

    @property
    def talks(self) -> list:
        """The talks on the program, in running order (expects `selectors.with_program`)."""
        return [slot.talk for slot in self.program if slot.talk_id is not None]

    # Registration on this site (events.models.registrations, events.services.registrations).

    @property
    def takes_registrations(self) -> bool:
        """The organizers chose registration on this site (a number of seats) over the meetup.com page."""
        return self.capacity is not None

    @property
    def registration_closes(self) -> datetime.datetime:
        """When registration closes: the time set, else the start (else, with no start time, the day's beginning)."""
        if self.registration_closes_at is not None:
            return self.registration_closes_at
        return self.starts_at or self._aware(datetime.time(0, 0))

    @property
    def registration_is_open(self) -> bool:
        """New registrations and confirmations are taken: published (not a draft, not cancelled), with seats, and
        before the closing time."""
        return self.takes_registrations and self.is_published and timezone.now() < self.registration_closes

    @property
    def changes_by_itself_at(self) -> datetime.datetime | None:
        """When its public pages change without an edit, if still ahead: registration closing."""
        return self.registration_closes if self.registration_is_open else None

    @property
    def starts_by(self) -> datetime.datetime:
        """Its start; with no start time known, the day's end."""
        return self.starts_at or self._aware(datetime.time(0, 0)) + datetime.timedelta(days=1)

    @property
    def has_started(self) -> bool:
        return timezone.now() >= self.starts_by

    @functools.cached_property
    def registration_counts(self):
        """Seats taken, seats left and people waiting (one query; none when registration is not on this site)."""
        from events.models.registrations import RegistrationCounts

        return RegistrationCounts.of(self)
