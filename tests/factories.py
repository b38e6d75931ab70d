"""Small factories for test data: real rows in the real database, with sensible defaults."""

import datetime
import itertools

from events.enums import EventStatus, SponsorRole
from events.models import (
    AgendaSlot,
    Announcement,
    Event,
    EventSponsor,
    JobPost,
    Organizer,
    Registration,
    Sponsor,
    Venue,
)
from events.services.program import next_position, talk_place_on_program
from events.services.registrations import register, registration_confirm
from talks.models import Speaker, Talk, TalkSpeaker

_sequence = itertools.count(1)


def make_venue(**fields) -> Venue:
    n = next(_sequence)
    fields.setdefault("name", f"Venue {n}")
    fields.setdefault("slug", f"venue-{n}")
    fields.setdefault("address", f"Teststraße {n}, 1020 Wien")
    return Venue.objects.create(**fields)


def make_sponsor(**fields) -> Sponsor:
    n = next(_sequence)
    fields.setdefault("name", f"Sponsor {n}")
    fields.setdefault("slug", f"sponsor-{n}")
    return Sponsor.objects.create(**fields)


def make_event(**fields) -> Event:
    n = next(_sequence)
    fields.setdefault("title", f"Test Meetup {n}")
    fields.setdefault("slug", f"test-meetup-{n}")
    fields.setdefault("date", datetime.date(2030, 1, 1) + datetime.timedelta(days=n))
    fields.setdefault("start_time", datetime.time(18, 30))
    fields.setdefault("status", EventStatus.PUBLISHED)
    return Event.objects.create(**fields)


def make_speaker(**fields) -> Speaker:
    n = next(_sequence)
    fields.setdefault("name", f"Speaker {n}")
    fields.setdefault("slug", f"speaker-{n}")
    return Speaker.objects.create(**fields)


def make_talk(*, event=None, speakers=(), start_time=None, end_time=None, **fields) -> Talk:
    """A talk on the program of `event` (a new meetup by default): last, at `start_time` if given."""
    n = next(_sequence)
    fields.setdefault("title", f"Talk {n}")
    fields.setdefault("slug", f"talk-{n}")
    talk = Talk.objects.create(**fields)
    slot = talk_place_on_program(talk=talk, event=event or make_event())
    if start_time is not None:
        slot.start_time, slot.end_time = start_time, end_time
        slot.save(update_fields=["start_time", "end_time"])
    for order, speaker in enumerate(speakers):
        TalkSpeaker.objects.create(talk=talk, speaker=speaker, affiliation=speaker.affiliation, order=order)
    return talk


def make_slot(*, event, **fields) -> AgendaSlot:
    """A slot without a talk (last, unless `position` is given)."""
    fields.setdefault("title", "Networking")
    fields.setdefault("position", next_position(event))
    return AgendaSlot.objects.create(event=event, **fields)


def make_sponsorship(*, event, sponsor=None, role=SponsorRole.HOST) -> EventSponsor:
    return EventSponsor.objects.create(event=event, sponsor=sponsor or make_sponsor(), role=role)


def make_job_post(**fields) -> JobPost:
    n = next(_sequence)
    fields.setdefault("title", f"ML Engineer {n}")
    fields.setdefault("company", f"Company {n}")
    return JobPost.objects.create(**fields)


def make_announcement(*, event, **fields) -> Announcement:
    n = next(_sequence)
    fields.setdefault("title", f"Announcement {n}")
    return Announcement.objects.create(event=event, **fields)


def make_organizer(**fields) -> Organizer:
    """An organizer of the group: `name=` or `speaker=` (then the speaker's name is shown)."""
    if "speaker" not in fields:
        fields.setdefault("name", f"Organizer {next(_sequence)}")
    return Organizer.objects.create(**fields)


def make_registration(*, event, confirm=True, **fields) -> Registration:
    """A registration as a visitor makes it (through the services): registered, then confirmed unless asked not
    to, so it is going or waiting as the seats allow."""
    n = next(_sequence)
    fields.setdefault("name", f"Attendee {n}")
    fields.setdefault("email", f"attendee{n}@example.org")
    registration = register(event=event, **fields).registration
    return registration_confirm(registration=registration) if confirm else registration
