"""Small factories for test data: real rows in the real database, with sensible defaults."""

import datetime
import itertools

from events.models import AgendaSlot, Event, EventSponsor, JobPost, Sponsor, Venue
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
    fields.setdefault("status", Event.Status.PUBLISHED)
    return Event.objects.create(**fields)


def make_speaker(**fields) -> Speaker:
    n = next(_sequence)
    fields.setdefault("name", f"Speaker {n}")
    fields.setdefault("slug", f"speaker-{n}")
    return Speaker.objects.create(**fields)


def make_talk(*, event=None, speakers=(), **fields) -> Talk:
    n = next(_sequence)
    fields.setdefault("title", f"Talk {n}")
    fields.setdefault("slug", f"talk-{n}")
    talk = Talk.objects.create(event=event or make_event(), **fields)
    for order, speaker in enumerate(speakers):
        TalkSpeaker.objects.create(talk=talk, speaker=speaker, affiliation=speaker.affiliation, order=order)
    return talk


def make_slot(*, event, **fields) -> AgendaSlot:
    fields.setdefault("title", "Networking")
    return AgendaSlot.objects.create(event=event, **fields)


def make_sponsorship(*, event, sponsor=None, role=EventSponsor.Role.HOST) -> EventSponsor:
    return EventSponsor.objects.create(event=event, sponsor=sponsor or make_sponsor(), role=role)


def make_job_post(**fields) -> JobPost:
    n = next(_sequence)
    fields.setdefault("title", f"ML Engineer {n}")
    fields.setdefault("company", f"Company {n}")
    return JobPost.objects.create(**fields)
