"""Personal data of registrations, as the privacy note promises (GDPR): wiped some days after the meetup,
exported or erased for one person on request. The counts stay: who came and who did not, per meetup.
"""

import datetime

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from events.models import Registration, local_today
from events.models.registrations import email_digest, new_token, normalise_email
from events.services.registrations import registration_cancel

PERSONAL_FIELDS = [
    "name",
    "email",
    "company",
    "confirm_token",
    "status_token",
    "anonymised_at",
    "email_digest",
]


def _wipe(registration: Registration, now: datetime.datetime, *, keep_digest: bool) -> None:
    registration.name = registration.email = registration.company = ""
    if not keep_digest:
        registration.email_digest = ""
    # New tokens, which nobody knows: the old links lead nowhere.
    registration.confirm_token, registration.status_token = new_token(), new_token()
    registration.anonymised_at = registration.anonymised_at or now


def registrations_anonymise(*, now: datetime.datetime | None = None) -> int:
    """Wipes name, address and company from the registrations of meetups more than
    VDLM_REGISTRATION_RETENTION_DAYS days ago, keeping the counts and who came (and the address's one-way code,
    for no-shows per address). Returns how many were anonymised."""
    now = now or timezone.now()
    cutoff = local_today() - datetime.timedelta(days=settings.VDLM_REGISTRATION_RETENTION_DAYS)
    rows = list(Registration.objects.filter(event__date__lt=cutoff, anonymised_at__isnull=True))
    for registration in rows:
        _wipe(registration, now, keep_digest=True)
    Registration.objects.bulk_update(rows, PERSONAL_FIELDS)
    return len(rows)


def person_registrations(email: str):
    """Every registration of one address, anonymised ones included (found by the address's one-way code)."""
    return Registration.objects.filter(
        Q(email=normalise_email(email)) | Q(email_digest=email_digest(email))
    ).select_related("event")


def person_export(*, email: str) -> dict:
    """All we keep about one address, for the person who asks (GDPR art. 15 and 20)."""

    def when(value):
        return value.isoformat() if value else None

    return {
        "email": normalise_email(email),
        "exported_at": timezone.now().isoformat(),
        "registrations": [
            {
                "meetup": registration.event.title,
                "meetup_date": registration.event.date.isoformat(),
                "name": registration.name,
                "email": registration.email,
                "company": registration.company,
                "status": registration.get_status_display(),
                "place_in_line": registration.queue_number,
                "agreed_to_privacy_note_at": when(registration.consented_at),
                "registered_at": when(registration.created_at),
                "address_confirmed_at": when(registration.confirmed_at),
                "got_a_seat_at": when(registration.seated_at),
                "cancelled_at": when(registration.cancelled_at),
                "checked_in_at": when(registration.checked_in_at),
                "reminder_sent_at": when(registration.reminder_sent_at),
                "anonymised_at": when(registration.anonymised_at),
            }
            for registration in person_registrations(email).order_by("event__date", "pk")
        ],
    }


def person_erase(*, email: str) -> int:
    """Deletes one person's data (GDPR art. 17): registrations for meetups to come are cancelled (their seats go
    to the waitlist), then every registration of the address is anonymised, its one-way code included, so the
    counts stay and nothing leads back to the person. Returns how many registrations were erased."""
    now = timezone.now()
    rows = list(person_registrations(email))
    for registration in rows:
        if not (registration.is_cancelled or registration.checked_in_at or registration.event.has_started):
            registration_cancel(registration=registration, notify=False)
    rows = list(person_registrations(email))
    for registration in rows:
        _wipe(registration, now, keep_digest=False)
    Registration.objects.bulk_update(rows, PERSONAL_FIELDS)
    return len(rows)
