"""Throttling registration forms per sender (IP address) and per email address, counted in the database.

Why not a cache-based limiter (django-ratelimit): the default production set-up has no shared cache (each gunicorn
worker keeps its own local memory), so a cache counter would let every worker accept the limit again. The
database is the one store all workers share. Only one-way codes of the addresses are kept, for a day.

The limits (per hour) are VDLM_REGISTRATION_LIMIT_PER_IP and VDLM_REGISTRATION_LIMIT_PER_EMAIL; 0 turns one off.
A refused form is not counted, so the refusals of a flood write nothing (and drop no cached page).
"""

import datetime

from django.conf import settings
from django.utils import timezone

from events.enums import ThrottleScope
from events.models import RegistrationAttempt
from events.models.registrations import normalise_email, one_way_code

WINDOW = datetime.timedelta(hours=1)
# Attempts older than this are deleted (registrations_anonymise): the window with a margin.
KEPT_FOR = datetime.timedelta(days=1)

TOO_MANY_FROM_SENDER = (
    "Too many registrations came from your network in the last hour. Please try again in an hour, or write to "
    "{contact}."
)
TOO_MANY_FOR_EMAIL = (
    "This address was sent too often in the last hour. Please look for our email in your inbox (and spam "
    "folder), or try again in an hour."
)


def registration_throttled(*, sender: str, email: str) -> str | None:
    """None when this form may go ahead (and then counts it); otherwise why not, in plain words."""
    since = timezone.now() - WINDOW
    checks = [
        (ThrottleScope.SENDER, sender, settings.VDLM_REGISTRATION_LIMIT_PER_IP, TOO_MANY_FROM_SENDER),
        (
            ThrottleScope.EMAIL,
            normalise_email(email),
            settings.VDLM_REGISTRATION_LIMIT_PER_EMAIL,
            TOO_MANY_FOR_EMAIL,
        ),
    ]
    attempts = []
    for scope, value, limit, message in checks:
        digest = one_way_code(value, purpose=f"throttle.{scope}")
        if limit:
            recent = RegistrationAttempt.objects.filter(scope=scope, digest=digest, created_at__gte=since)
            if recent.count() >= limit:
                return message.format(contact=settings.VDLM_CONTACT_EMAIL)
        attempts.append(RegistrationAttempt(scope=scope, digest=digest))
    # Through `counters`: a bulk insert that drops no cached page.
    RegistrationAttempt.counters.bulk_create(attempts)
    return None


def attempts_forget(*, now: datetime.datetime | None = None) -> int:
    """Deletes the counts older than a day; returns how many."""
    old = RegistrationAttempt.counters.filter(created_at__lt=(now or timezone.now()) - KEPT_FOR)
    deleted, _ = old.delete()
    return deleted
