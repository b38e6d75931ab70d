"""Who registered for a meetup on this site, and where each stands: pending, going, waiting or cancelled.

Only the service functions (events.services.registrations) change where a registration stands: they hold the rule
no constraint can (never more people going than seats, the waitlist in its order) under a lock on the meetup. The
database holds the rest: one registration per address and meetup, addresses in lower case, a distinct place in
line for everybody confirmed, check-in only for people going, consent for everybody but the host's guests.

Personal data (name, address, company) is wiped some days after the meetup (`registrations_anonymise`); what is
left counts: who came, who did not, and a one-way code of the address for no-shows per address over time.
"""

import secrets
from dataclasses import dataclass

from django.db import models
from django.db.models import Count, Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.crypto import salted_hmac

from common.content import ContentQuerySet
from common.text import fold
from events.enums import CONFIRMED_STATUSES, RegistrationStatus, ThrottleScope
from events.models.events import Event


def new_token() -> str:
    """An unguessable link token (192 random bits)."""
    return secrets.token_urlsafe(24)


def normalise_email(email: str) -> str:
    """One spelling per address: "Ada@Example.org " and "ada@example.org" are the same person."""
    return email.strip().lower()


def one_way_code(value: str, *, purpose: str) -> str:
    """A keyed hash (with the site's secret key): the same value gives the same code, the code gives no value."""
    return salted_hmac(f"vdlm.registrations.{purpose}", value, algorithm="sha256").hexdigest()


def email_digest(email: str) -> str:
    return one_way_code(normalise_email(email), purpose="email")


class RegistrationQuerySet(ContentQuerySet):
    def visible_to(self, user):
        """Personal data: organizers (who may view registrations) see them, nobody else does."""
        return self if user.has_perm("events.view_registration") else self.none()

    def going(self):
        return self.filter(status=RegistrationStatus.GOING)

    def seated(self):
        """Going on a seat (host guests come on top of the seats)."""
        return self.filter(status=RegistrationStatus.GOING, is_host_guest=False)

    def waiting(self):
        """The waitlist, first in line first."""
        return self.filter(status=RegistrationStatus.WAITING).order_by("queue_number")

    def reachable(self):
        """Still registered (going, waiting, or not yet confirmed) and with an address to write to."""
        still_registered = [RegistrationStatus.PENDING, RegistrationStatus.GOING, RegistrationStatus.WAITING]
        return self.filter(status__in=still_registered, anonymised_at__isnull=True).exclude(email="")

    def guest_list(self) -> list["Registration"]:
        """Everybody going, by name as people read it (accents and case aside): what the host's desk checks."""
        return sorted(self.going(), key=lambda person: (fold(person.name), person.pk))


class Registration(models.Model):
    event = models.ForeignKey(Event, on_delete=models.PROTECT, related_name="registrations")
    name = models.CharField(
        "name as on an ID",
        max_length=200,
        blank=True,
        help_text="As on the ID the host's security desk checks.",
    )
    email = models.EmailField(blank=True)
    company = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=20, choices=RegistrationStatus, default=RegistrationStatus.PENDING)
    is_host_guest = models.BooleanField(
        "host guest",
        default=False,
        help_text="Added by organizers on top of the seats (the host's staff); needs no email address.",
    )
    queue_number = models.PositiveIntegerField(
        "place in line",
        null=True,
        blank=True,
        editable=False,
        help_text="Given in the order addresses were confirmed: the waitlist moves up in this order.",
    )
    email_digest = models.CharField(
        max_length=64,
        blank=True,
        editable=False,
        help_text="A one-way code of the address, kept when the registration is anonymised: no-shows per address.",
    )
    confirm_token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    status_token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    consented_at = models.DateTimeField("agreed to the privacy note", null=True, blank=True, editable=False)
    confirmed_at = models.DateTimeField("address confirmed", null=True, blank=True, editable=False)
    seated_at = models.DateTimeField("got a seat", null=True, blank=True, editable=False)
    cancelled_at = models.DateTimeField(null=True, blank=True, editable=False)
    checked_in_at = models.DateTimeField("checked in", null=True, blank=True, editable=False)
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)
    anonymised_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # No page shows these: reminders and check-ins at the door drop no cached page.
    PAGE_NEUTRAL_FIELDS = ("reminder_sent_at", "checked_in_at", "updated_at")

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["event_id", "queue_number", "pk"]
        indexes = [
            models.Index(fields=["event", "status", "queue_number"], name="registration_line_idx"),
            models.Index(fields=["email_digest"], name="registration_digest_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=~Q(email=""),
                name="registration_one_per_address",
                violation_error_message="This address is already registered for this meetup.",
            ),
            models.CheckConstraint(
                condition=Q(email=Lower("email")),
                name="registration_email_lower_case",
                violation_error_code="email",
                violation_error_message="Write the address in lower case.",
            ),
            models.UniqueConstraint(fields=["event", "queue_number"], name="registration_one_per_place"),
            models.CheckConstraint(
                condition=Q(status__in=RegistrationStatus.values), name="registration_status_valid"
            ),
            models.CheckConstraint(
                condition=~Q(status__in=CONFIRMED_STATUSES) | Q(queue_number__isnull=False),
                name="registration_in_line_has_place",
            ),
            models.CheckConstraint(
                condition=Q(checked_in_at__isnull=True) | Q(status=RegistrationStatus.GOING),
                name="registration_checked_in_is_going",
            ),
            models.CheckConstraint(
                condition=~Q(email="") | Q(is_host_guest=True) | Q(anonymised_at__isnull=False),
                name="registration_has_email",
                violation_error_code="email",
                violation_error_message="An email address is needed (only the host's guests go without).",
            ),
            models.CheckConstraint(
                condition=Q(consented_at__isnull=False) | Q(is_host_guest=True),
                name="registration_consented",
            ),
            models.CheckConstraint(
                condition=~Q(name="") | Q(anonymised_at__isnull=False),
                name="registration_has_name",
                violation_error_code="name",
                violation_error_message="A name is needed: the host's security desk checks it.",
            ),
        ]

    def __str__(self):
        # Not the name: the admin's history keeps this text after the registration is anonymised.
        return f"Registration #{self.pk}"

    @property
    def is_pending(self) -> bool:
        return self.status == RegistrationStatus.PENDING

    @property
    def is_going(self) -> bool:
        return self.status == RegistrationStatus.GOING

    @property
    def is_waiting(self) -> bool:
        return self.status == RegistrationStatus.WAITING

    @property
    def is_cancelled(self) -> bool:
        return self.status == RegistrationStatus.CANCELLED

    def status_url(self) -> str:
        """The person's private status page: its token is the only key to it (not get_absolute_url, which would
        put a "view on site" link to it in the admin)."""
        return reverse("events:registration_status", args=[self.status_token])

    def waitlist_place(self) -> int | None:
        """1 for the first in line (one query); None when not waiting."""
        if not self.is_waiting:
            return None
        ahead = Registration.objects.filter(event_id=self.event_id).waiting()
        return ahead.filter(queue_number__lt=self.queue_number).count() + 1


@dataclass(frozen=True)
class RegistrationCounts:
    """How full a meetup is, from one query."""

    capacity: int
    seated: int
    host_guests: int
    waiting: int
    checked_in: int

    @classmethod
    def of(cls, event: Event) -> "RegistrationCounts | None":
        if event.capacity is None or event.pk is None:
            return None
        going = Q(status=RegistrationStatus.GOING)
        counts = event.registrations.aggregate(
            seated=Count("pk", filter=going & Q(is_host_guest=False)),
            host_guests=Count("pk", filter=going & Q(is_host_guest=True)),
            waiting=Count("pk", filter=Q(status=RegistrationStatus.WAITING)),
            checked_in=Count("pk", filter=going & Q(checked_in_at__isnull=False)),
        )
        return cls(capacity=event.capacity, **counts)

    @property
    def going(self) -> int:
        return self.seated + self.host_guests

    @property
    def seats_left(self) -> int:
        return max(self.capacity - self.seated, 0)

    @property
    def is_full(self) -> bool:
        return self.seats_left == 0 or self.waiting > 0


class RegistrationAttempt(models.Model):
    """A registration form sent, counted per sender (the IP address) and per email address to throttle abuse.

    Both are kept as one-way codes only, and deleted after a day (`registrations_anonymise`). Written through
    `counters`, whose bulk insert drops no cached page: a flood of attempts must not empty the page cache.
    """

    scope = models.CharField(max_length=10, choices=ThrottleScope)
    digest = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)

    counters = models.Manager()
    objects = ContentQuerySet.as_manager()

    class Meta:
        default_manager_name = "objects"
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["scope", "digest", "created_at"], name="registration_attempt_idx")]

    def __str__(self):
        return f"{self.scope} {self.digest[:8]}"
