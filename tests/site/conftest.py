import datetime

import pytest
from django.core.management import call_command

from events.models import AgendaSlot, Event, EventSponsor, JobPost, Sponsor, Venue
from talks.models import Speaker, Talk, TalkSpeaker
from tests import factories

HISTORY_FIXTURE = "historic_meetups"


def generate_events(count: int, *, start=datetime.date(1990, 1, 3)) -> None:
    """`count` published meetups, each with a venue, two talks with a speaker each, an agenda and a sponsor.

    Bulk-created (no signals), numbered from 10,000 so they never clash with the history.
    """
    venue = Venue.objects.create(name="Generated venue", slug="generated-venue", address="Bench 1, 1010 Wien")
    sponsor = Sponsor.objects.create(name="Generated sponsor", slug="generated-sponsor")
    events = Event.objects.bulk_create(
        Event(
            number=10_000 + i,
            title=f"Generated meetup {i}",
            slug=f"generated-{i}",
            date=start + datetime.timedelta(days=7 * i),
            start_time=datetime.time(18, 30),
            venue=venue,
            status=Event.Status.PUBLISHED,
            meetup_url=f"https://www.meetup.com/vdlm/events/{i}/",
        )
        for i in range(count)
    )
    speakers = Speaker.objects.bulk_create(
        Speaker(name=f"Generated speaker {i}", slug=f"generated-speaker-{i}") for i in range(count)
    )
    talks = Talk.objects.bulk_create(
        Talk(
            event=event,
            title=f"Generated talk {i}-{k}",
            slug=f"talk-{k}",
            order=k,
            slides_url="https://example.org/s.pdf",
        )
        for i, event in enumerate(events)
        for k in range(2)
    )
    TalkSpeaker.objects.bulk_create(
        TalkSpeaker(talk=talk, speaker=speakers[i // 2], affiliation="TU Wien")
        for i, talk in enumerate(talks)
    )
    AgendaSlot.objects.bulk_create(
        AgendaSlot(event=talk.event, talk=talk, title=talk.title, kind="talk", order=talk.order)
        for talk in talks
    )
    EventSponsor.objects.bulk_create(EventSponsor(event=event, sponsor=sponsor) for event in events)
    JobPost.objects.bulk_create(
        JobPost(title=f"Generated job {i}", company="Generated", event=events[i])
        for i in range(min(count, 20))
    )


def history_exists() -> bool:
    from django.conf import settings

    return any((folder / f"{HISTORY_FIXTURE}.json").exists() for folder in settings.FIXTURE_DIRS)


@pytest.fixture
def history(db):
    """The imported history when its fixture exists; otherwise a small stand-in built with the factories."""
    if history_exists():
        call_command("loaddata", HISTORY_FIXTURE, verbosity=0)
    else:
        build_small_history()
    return Event.objects.published()


def build_small_history() -> None:
    venue = factories.make_venue(name="TU Wien", slug="tu-wien")
    speaker = factories.make_speaker(name="Ada Example", slug="ada-example", affiliation="TU Wien")
    for number in range(1, 6):
        event = factories.make_event(
            number=number,
            title=f"Meetup {number}",
            slug=f"meetup-{number}",
            date=datetime.date(2016, 1, 10) + datetime.timedelta(days=60 * number),
            venue=venue,
        )
        talk = factories.make_talk(event=event, title=f"Deep talk {number}", speakers=[speaker])
        factories.make_slot(
            event=event, title=talk.title, kind="talk", talk=talk, start_time=datetime.time(19)
        )
        factories.make_sponsorship(event=event)


@pytest.fixture
def upcoming_event(db):
    """A published meetup in the future with a full program."""
    venue = factories.make_venue(name="A1 Telekom", slug="a1", address="Lassallestraße 9, 1020 Wien")
    event = factories.make_event(
        number=900,
        title="Meetup 900",
        slug="meetup-900",
        date=datetime.date.today() + datetime.timedelta(days=10),
        start_time=datetime.time(18, 30),
        end_time=datetime.time(21, 30),
        venue=venue,
        meetup_url="https://www.meetup.com/vdlm/events/900/",
        description="We talk about **transformers**.",
    )
    speaker = factories.make_speaker(name="Grace Example", slug="grace-example", affiliation="IST Austria")
    talk = factories.make_talk(
        event=event,
        title="Attention in practice",
        slug="attention",
        speakers=[speaker],
        abstract="An *abstract*.",
    )
    factories.make_slot(
        event=event, title="Welcome", kind="welcome", start_time=datetime.time(18, 30), order=0
    )
    factories.make_slot(
        event=event, title=talk.title, kind="talk", talk=talk, start_time=datetime.time(18, 40), order=1
    )
    factories.make_sponsorship(event=event, sponsor=factories.make_sponsor(name="A1", slug="a1-sponsor"))
    factories.make_job_post(title="ML Engineer", company="A1", event=event)
    return event
