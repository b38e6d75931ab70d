"""Registration on the site: the one place where a registration changes where it stands.

A registration counts once its address is confirmed: it then takes a seat while one is free and nobody waits,
and otherwise waits in the order of confirmation (`queue_number`). A freed seat goes to the first in line at once
(until the meetup starts), and so do seats the organizers add.

Every change that gives or frees a seat runs in `seats_locked`, a transaction that holds the meetup for itself,
so two people confirming at the same moment never both take the last seat. PostgreSQL locks the meetup's row
(SELECT … FOR UPDATE). SQLite has no row locks: it lets one writer at a time into the whole database, and a
transaction that reads first and writes later fails ("database is locked") when another wrote in between; so the
transaction starts with a write, which makes the next one wait for it (what BEGIN IMMEDIATE does, when the
settings ask for it) and then read what it left.

Mails go once the transaction commits (transaction.on_commit), never for a change that was rolled back.
"""

import datetime
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import Max
from django.utils import timezone

from events.enums import CONFIRMED_STATUSES, EventStatus, RegistrationStatus
from events.models import Event, Registration, RegistrationCounts
from events.models.registrations import email_digest, new_token, normalise_email
from events.services.registration_mail import calendar_file, send_registration_mail, send_registration_mails

CLOSED = "Registration for this meetup is closed."
CLOSED_BEFORE_CONFIRMED = "Registration closed before the address was confirmed."
MEETUP_CANCELLED = "This meetup is cancelled: there is nothing to confirm or cancel."


def why_not_confirmable(event: Event) -> str | None:
    """Why a registration of `event` can no longer be confirmed, in plain words; None while it can."""
    if event.is_cancelled:
        return MEETUP_CANCELLED
    return None if event.registration_is_open else CLOSED_BEFORE_CONFIRMED


@contextmanager
def seats_locked(event_id: int):
    """A transaction in which the meetup's seats are ours alone; yields the meetup as it is now."""
    with transaction.atomic():
        if connection.vendor == "sqlite":
            table = connection.ops.quote_name(Event._meta.db_table)
            with connection.cursor() as cursor:
                # A write first, that changes nothing (and so drops no cached page): see the module's docstring.
                cursor.execute(f"UPDATE {table} SET capacity = capacity WHERE id = %s", [event_id])
        yield Event.objects.select_for_update().get(pk=event_id)


def _mail_after_commit(kind: str, registrations: list[Registration]) -> None:
    """The mails go out once the change is saved for good, never for a change rolled back."""
    if registrations:
        transaction.on_commit(partial(send_registration_mails, kind, registrations))


def _next_queue_number(event: Event) -> int:
    last = event.registrations.aggregate(last=Max("queue_number"))["last"]
    return (last or 0) + 1


def _fill_seats(event: Event, now: datetime.datetime) -> list[Registration]:
    """Gives free seats to the first in line (in a `seats_locked` transaction); returns who got one."""
    if event.capacity is None or event.has_started:
        return []
    free = RegistrationCounts.of(event).seats_left
    promoted = list(event.registrations.waiting()[:free]) if free else []
    for registration in promoted:
        registration.status = RegistrationStatus.GOING
        registration.seated_at = now
        registration.save(update_fields=["status", "seated_at", "updated_at"])
    return promoted


@dataclass
class Registered:
    """What `register` did: a new (or renewed) registration, or the one this address already had; and whether
    its mail went out (None until the transaction commits)."""

    registration: Registration
    is_new: bool
    mail_sent: bool | None = None


def register(
    *, event: Event, name: str, email: str, company: str = "", consented_at: datetime.datetime | None = None
) -> Registered:
    """Registers an address for a meetup, pending until the address is confirmed (the mail asks for that).

    The same address again changes nothing: its mail says where the registration stands (or asks again to
    confirm). The page answers alike in both cases, so nobody learns from it who else registered. An address
    that had cancelled registers anew (at the end of the line once confirmed).
    """
    if not event.registration_is_open:
        raise ValidationError(CLOSED, code="closed")
    email = normalise_email(email)
    now = timezone.now()
    details = {"name": name.strip(), "company": company.strip(), "consented_at": consented_at or now}
    try:
        with transaction.atomic():
            registration = Registration.objects.create(
                event=event, email=email, email_digest=email_digest(email), **details
            )
        result = Registered(registration, is_new=True)
    except IntegrityError:
        registration = Registration.objects.select_related("event").get(event=event, email=email)
        result = Registered(registration, is_new=registration.is_cancelled)
        if registration.is_cancelled:
            _renew(registration, details)
    kind = "already" if registration.status in CONFIRMED_STATUSES else "confirm"

    def send():
        result.mail_sent = send_registration_mail(kind, registration)

    transaction.on_commit(send)
    return result


def _renew(registration: Registration, details: dict) -> None:
    """A cancelled registration starts again: pending, with the new details and a new confirmation link."""
    for field, value in details.items():
        setattr(registration, field, value)
    registration.status = RegistrationStatus.PENDING
    registration.confirm_token = new_token()
    registration.confirmed_at = registration.seated_at = registration.cancelled_at = None
    registration.save()


def registration_confirm(*, registration: Registration) -> Registration:
    """The address is confirmed: the registration joins the line and takes a seat if one is free for it.
    Confirming again changes nothing."""
    with seats_locked(registration.event_id) as event:
        registration.refresh_from_db()
        registration.event = event
        if not registration.is_pending:
            return registration
        if refusal := why_not_confirmable(event):
            raise ValidationError(refusal, code="closed")
        now = timezone.now()
        registration.status = RegistrationStatus.WAITING
        registration.confirmed_at = now
        registration.queue_number = _next_queue_number(event)
        registration.save()
        promoted = _fill_seats(event, now)
        for other in promoted:
            if other.pk == registration.pk:
                registration.status, registration.seated_at = other.status, other.seated_at
        # Others only when seats were free while people waited: they come first.
        _mail_after_commit("promoted", [other for other in promoted if other.pk != registration.pk])
        _mail_after_commit("going" if registration.is_going else "waiting", [registration])
    return registration


def registration_cancel(*, registration: Registration, notify: bool = True) -> Registration:
    """Cancels a registration; its seat goes to the first in line at once. Cancelling again changes nothing."""
    with seats_locked(registration.event_id) as event:
        registration.refresh_from_db()
        registration.event = event
        if registration.is_cancelled:
            return registration
        if registration.checked_in_at is not None:
            raise ValidationError(
                "Already checked in at the door: there is nothing to cancel.", code="checked_in"
            )
        if event.is_cancelled:
            raise ValidationError(MEETUP_CANCELLED, code="meetup_cancelled")
        if event.has_started:
            raise ValidationError("The meetup has started: there is nothing to cancel.", code="started")
        frees_a_seat = registration.is_going and not registration.is_host_guest
        now = timezone.now()
        registration.status = RegistrationStatus.CANCELLED
        registration.cancelled_at = now
        registration.save()
        promoted = _fill_seats(event, now) if frees_a_seat else []
        if notify:
            _mail_after_commit("cancelled", [registration])
        _mail_after_commit("promoted", promoted)
    return registration


def event_tell_registered_of_cancellation(*, event: Event) -> list[Registration]:
    """Everyone still registered (going, waiting, or not yet confirmed) gets the "meetup cancelled" mail once the
    cancellation is saved; returns who. Their registrations stay, and are erased as any others after the date."""
    people = list(event.registrations.reachable())
    _mail_after_commit("meetup_cancelled", people)
    return people


def event_promote_waiting(*, event: Event) -> list[Registration]:
    """Gives every free seat to the first in line (each gets a mail); returns who got one."""
    with seats_locked(event.pk) as locked:
        promoted = _fill_seats(locked, timezone.now())
        _mail_after_commit("promoted", promoted)
    return promoted


def event_set_capacity(*, event: Event, capacity: int) -> list[Registration]:
    """Sets the number of seats (never below the seats taken); new seats go to the first in line at once."""
    with seats_locked(event.pk) as locked:
        seated = locked.registrations.seated().count()
        if capacity < seated:
            raise ValidationError(
                f"{seated} people already have a seat: the meetup needs at least {seated} seats.",
                code="capacity",
            )
        locked.capacity = event.capacity = capacity
        locked.save(update_fields=["capacity", "updated_at"])
        promoted = _fill_seats(locked, timezone.now())
        _mail_after_commit("promoted", promoted)
    return promoted


def event_add_host_guest(*, event: Event, name: str, company: str = "") -> Registration:
    """Puts one of the host's staff on the guest list, on top of the seats (no mail, no address needed)."""
    if not name.strip():
        raise ValidationError("A name is needed: the host's security desk checks it.", code="name")
    with seats_locked(event.pk) as locked:
        if locked.capacity is None:
            raise ValidationError("This meetup takes no registrations on this site.", code="capacity")
        now = timezone.now()
        return Registration.objects.create(
            event=locked,
            name=name.strip(),
            company=company.strip(),
            is_host_guest=True,
            status=RegistrationStatus.GOING,
            queue_number=_next_queue_number(locked),
            confirmed_at=now,
            seated_at=now,
        )


def registration_check_in(*, registration: Registration, undo: bool = False) -> Registration:
    """Marks a person going as arrived at the door (or takes the mark back)."""
    checked_in_at = None if undo else timezone.now()
    going = Registration.objects.filter(pk=registration.pk, status=RegistrationStatus.GOING)
    if not going.update(checked_in_at=checked_in_at):
        raise ValidationError("Only people going can be checked in.", code="not_going")
    registration.checked_in_at = checked_in_at
    return registration


@dataclass(frozen=True)
class ReminderWindow:
    """Reminders go to meetups starting within the next day, so an hourly run catches each one once."""

    now: datetime.datetime

    def includes(self, event: Event) -> bool:
        starts = event.starts_at or event.registration_closes
        return self.now < starts <= self.now + datetime.timedelta(days=1)


def registrations_send_reminders(*, now: datetime.datetime | None = None) -> int:
    """Reminds everybody going to a meetup of the next day (with the cancel link and the calendar file), once:
    each reminder is claimed in the database before it is sent, so two runs never send the same one, and a
    reminder the mail server refused is released for the next run. Returns how many were sent."""
    window = ReminderWindow(now or timezone.now())
    today = timezone.localdate(window.now)
    events = Event.objects.filter(
        status=EventStatus.PUBLISHED,
        capacity__isnull=False,
        date__range=(today, today + datetime.timedelta(days=1)),
    )
    sent = 0
    for event in filter(window.includes, events):
        due = list(event.registrations.going().filter(reminder_sent_at__isnull=True).exclude(email=""))
        calendar = calendar_file(event) if due else None
        for registration in due:
            unsent = Registration.objects.filter(pk=registration.pk, reminder_sent_at__isnull=True)
            if not unsent.update(reminder_sent_at=window.now):
                continue  # another run claimed it
            if send_registration_mail("reminder", registration, calendar=calendar):
                sent += 1
            else:
                Registration.objects.filter(pk=registration.pk).update(reminder_sent_at=None)
    return sent
