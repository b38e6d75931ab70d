import datetime

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command

from bench.generate import generate_events
from tests import factories


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded files go to a temporary folder, never into the project."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def plain_static_storage(settings):
    """The hashed-name storage needs collectstatic's manifest; tests render templates without it."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def clear_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def organizer(db):
    """A staff user in the Organizers group (made by a data migration), as the admin sees them."""
    user = User.objects.create_user("olga", password="pw-organizer-1", is_staff=True)
    user.groups.add(Group.objects.get(name="Organizers"))
    return user


@pytest.fixture
def history(db):
    """The imported history (fixtures/historic_meetups.json), as a new install has it."""
    from events.models import Event

    call_command("loaddata", "historic_meetups", verbosity=0)
    return Event.objects.published()


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
    factories.make_slot(event=event, title="Welcome", kind="welcome", start_time=datetime.time(18, 30))
    factories.make_talk(
        event=event,
        title="Attention in practice",
        slug="attention",
        speakers=[speaker],
        abstract="An *abstract*.",
        start_time=datetime.time(18, 40),
    )
    factories.make_sponsorship(event=event, sponsor=factories.make_sponsor(name="A1", slug="a1-sponsor"))
    factories.make_job_post(title="ML Engineer", company="A1", event=event)
    return event


@pytest.fixture
def organizer_client(client, organizer):
    client.force_login(organizer)
    return client
