import datetime

import pytest
from django.core.management import call_command

from events.models import Event
from tests import factories

HISTORY_FIXTURE = "historic_meetups"


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
