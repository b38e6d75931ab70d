"""A talk's private speaker link: its speakers edit the talk and themselves with it, without an account.

The link carries a token signed with the site's SECRET_KEY (django.core.signing): the talk's id and its
`speaker_link_version`. Nobody can make one up or change it into another talk's link, and raising the version
(`talks_renew_speaker_links`) makes every earlier link of the talk stop working. A link lives in the talk's
meetup: it opens from the moment it exists until VDLM_SPEAKER_LINK_DAYS after the meetup's date, then a page says
that it has closed and whom to write to. Changes made with it are saved by `events.services.speaker_edits`.
"""

import datetime
import smtplib
from dataclasses import dataclass, field

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db.models import F
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.text import get_text_list

from common.links import absolute_url
from events.models import Event, local_today
from talks.models import Speaker, Talk
from talks.selectors import speakers_in_order

SALT = "events.speaker_link"


def speaker_link_token(talk: Talk) -> str:
    """The same token each time (no timestamp): a talk has one link until it is renewed."""
    return signing.Signer(salt=SALT).sign_object([talk.pk, talk.speaker_link_version])


def speaker_link_url(talk: Talk) -> str:
    """The absolute link, on the public site's address (VDLM_SITE_URL), as it goes into mails and terminals."""
    return absolute_url(reverse("events:speaker_link", kwargs={"token": speaker_link_token(talk)}))


def speaker_link_closes_on(event: Event) -> datetime.date:
    """The last day the links of the meetup's talks work (in the meetup's time zone)."""
    return event.date + datetime.timedelta(days=settings.VDLM_SPEAKER_LINK_DAYS)


def speaker_link_is_open(talk: Talk) -> bool:
    """Expects the talk's slot and meetup loaded."""
    return local_today() <= speaker_link_closes_on(talk.slot.event)


def talk_for_speaker_link(token: str) -> Talk | None:
    """The talk a token opens, with its meetup and speakers (two queries); None for a token that is not one of
    ours, was altered, or was replaced by a newer link, and for a talk on no meetup's program."""
    try:
        talk_id, version = signing.Signer(salt=SALT).unsign_object(token)
    except (signing.BadSignature, TypeError, ValueError):
        return None
    return (
        Talk.objects.select_related("slot__event")
        .prefetch_related(speakers_in_order())
        .filter(pk=talk_id, speaker_link_version=version, slot__isnull=False)
        .first()
    )


def talks_renew_speaker_links(*, talks) -> int:
    """New links for these talks; their earlier links stop working at once. Returns how many talks."""
    return Talk.objects.filter(pk__in=[talk.pk for talk in talks]).update(
        speaker_link_version=F("speaker_link_version") + 1
    )


@dataclass
class MailReport:
    """What `speaker_links_email` did, for the organizer: who got a mail, who has no address, what failed."""

    sent: list[str] = field(default_factory=list)  # "Grace Example <grace@example.org>"
    without_email: list[str] = field(default_factory=list)  # speaker names
    closed: list[str] = field(
        default_factory=list
    )  # talk titles whose link has closed or that are on no program
    failed: list[str] = field(default_factory=list)  # "grace@example.org: the reason"


def speaker_links_email(*, talks) -> MailReport:
    """Mail each speaker of these talks their talk's link (text and HTML, one mail per speaker and talk, answers
    going to VDLM_CONTACT_EMAIL). Speakers without an address, and talks whose link has closed, are only reported.
    """
    talks = Talk.objects.filter(pk__in=[talk.pk for talk in talks]).select_related("slot__event")
    report = MailReport()
    messages = []
    running_order = ("slot__event__date", F("slot__start_time").asc(nulls_last=True), "slot__position")
    for talk in talks.prefetch_related(speakers_in_order()).order_by(*running_order):
        if getattr(talk, "slot", None) is None or not speaker_link_is_open(talk):
            report.closed.append(talk.title)
            continue
        for link in talk.talk_speakers.all():
            if link.speaker.email:
                messages.append((link.speaker, speaker_link_message(talk=talk, speaker=link.speaker)))
            else:
                report.without_email.append(link.speaker.name)
    if messages:
        with get_connection() as connection:
            for speaker, message in messages:
                try:
                    connection.send_messages([message])
                except (smtplib.SMTPException, OSError) as error:
                    report.failed.append(f"{speaker.email}: {error}")
                else:
                    report.sent.append(f"{speaker.name} <{speaker.email}>")
    return report


def speaker_link_message(*, talk: Talk, speaker: Speaker) -> EmailMultiAlternatives:
    event = talk.slot.event
    co_speakers = [link.speaker.name for link in talk.talk_speakers.all() if link.speaker_id != speaker.pk]
    context = {
        "talk": talk,
        "event": event,
        "speaker": speaker,
        "co_speakers": get_text_list(co_speakers, "and"),
        "co_speaker_count": len(co_speakers),
        "url": speaker_link_url(talk),
        "closes_on": speaker_link_closes_on(event),
        "site_name": settings.VDLM_SITE_NAME,
        "contact_email": settings.VDLM_CONTACT_EMAIL,
    }
    subject = render_to_string("events/speaker_links/email_subject.txt", context)
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split()),
        body=render_to_string("events/speaker_links/email.txt", context),
        to=[speaker.email],
        reply_to=[settings.VDLM_CONTACT_EMAIL],
    )
    message.attach_alternative(render_to_string("events/speaker_links/email.html", context), "text/html")
    return message
