"""The mails of registration, sent through Django's email (EMAIL_URL): a text and an HTML part from
templates/events/emails/<kind>.txt and .html, links on the site's configured address (VDLM_SITE_URL), and the
meetup's calendar file attached whenever the mail gives a seat. Every mail links the private status page, where
the registration is cancelled (the cancel button asks once more).

A mail that cannot be sent is logged and reported to the caller (False); the registration is kept either way.
"""

import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from common.links import absolute_url
from events.formats.calendar import events_calendar
from events.models import Event, Registration
from events.selectors import with_program

logger = logging.getLogger(__name__)

SUBJECTS = {
    "confirm": "Please confirm your registration: {title}",
    "already": "You are already registered: {title}",
    "going": "You have a seat: {title}",
    "waiting": "You are on the waitlist: {title}",
    "promoted": "A seat opened up for you: {title}",
    "cancelled": "Registration cancelled: {title}",
    "reminder": "See you tomorrow: {title}",
    "meetup_cancelled": "Cancelled: {title}",
}
# The mails that give (or remind of) a seat carry the calendar file; so does the cancellation, whose file marks
# the entry cancelled (same UID, a later SEQUENCE), so that a calendar that took the seat's file updates it.
WITH_CALENDAR = {"going", "promoted", "reminder", "meetup_cancelled"}


def registration_links(registration: Registration) -> dict:
    event = registration.event
    return {
        "status": absolute_url(registration.status_url()),
        "confirm": absolute_url(reverse("events:registration_confirm", args=[registration.confirm_token])),
        "event": absolute_url(event.get_absolute_url()),
        "register": absolute_url(reverse("events:register", args=[event.slug])),
        "privacy": absolute_url(reverse("events:registration_privacy")),
    }


def site_context() -> dict:
    return {"name": settings.VDLM_SITE_NAME, "contact_email": settings.VDLM_CONTACT_EMAIL}


def calendar_file(event: Event) -> bytes:
    """The meetup's calendar entry, as its page offers it (events.formats.calendar)."""
    event = with_program(Event.objects.filter(pk=event.pk)).get()
    return events_calendar([event]).to_ical()


def compose(kind: str, registration: Registration, calendar: bytes | None = None) -> EmailMultiAlternatives:
    """`calendar`: the meetup's calendar file, when the caller built it already (for several mails at once)."""
    event = registration.event
    context = {
        "registration": registration,
        "event": event,
        "links": registration_links(registration),
        "site": site_context(),
        "waitlist_place": registration.waitlist_place(),
    }
    message = EmailMultiAlternatives(
        subject=SUBJECTS[kind].format(title=event.title),
        body=render_to_string(f"events/emails/{kind}.txt", context),
        to=[registration.email],
        reply_to=[settings.VDLM_CONTACT_EMAIL],
    )
    message.attach_alternative(render_to_string(f"events/emails/{kind}.html", context), "text/html")
    if kind in WITH_CALENDAR:
        message.attach(f"{event.slug}.ics", calendar or calendar_file(event), "text/calendar")
    return message


def send_registration_mail(kind: str, registration: Registration, *, calendar: bytes | None = None) -> bool:
    """Sends one mail; False (and a log entry) when the mail server refused it or could not be reached."""
    if not registration.email:
        return False
    try:
        compose(kind, registration, calendar).send()
    except (smtplib.SMTPException, OSError):
        logger.exception("Could not send the %s mail of registration %s", kind, registration.pk)
        return False
    return True


def send_registration_mails(kind: str, registrations: list[Registration]) -> None:
    """Sends `kind` to each of several people of one meetup, its calendar file built once for all."""
    if not registrations:
        return
    calendar = calendar_file(registrations[0].event) if kind in WITH_CALENDAR else None
    for registration in registrations:
        send_registration_mail(kind, registration, calendar=calendar)
