import datetime

import pytest

from bench.generate import generate_events
from tests import factories


@pytest.fixture(params=["history", "history+500"])
def site_data(request, history, upcoming_event):
    """Two data sizes, for query counts that must not grow with the data."""
    if request.param == "history+500":
        generate_events(500)
    return request.param


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
