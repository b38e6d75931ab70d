import datetime

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction

from bench.generate import generate_events
from common.visibility import PUBLIC
from events.models import Event
from tests import factories


def pytest_collection_modifyitems(items):
    # One worker drives the browser while the others run the rest (make test runs on every core).
    for item in items:
        if item.get_closest_marker("e2e"):
            item.add_marker(pytest.mark.xdist_group("browser"))


def pytest_configure(config):
    # Passwords are hashed for real in production; tests log in often and need no strength.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


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


@pytest.fixture(scope="session")
def history_rows(django_db_setup, django_db_blocker) -> dict:
    """The historic fixture, loaded once per test session and kept as rows per table (then rolled back)."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("loaddata", "historic_meetups", verbosity=0)
        rows = {}
        for model in content_models():
            fields = model._meta.local_concrete_fields
            columns = ", ".join(quote(field.column) for field in fields)
            values = model._base_manager.order_by("pk").values_list(*(field.attname for field in fields))
            rows[model] = (
                columns,
                [
                    [f.get_db_prep_save(v, connection) for f, v in zip(fields, row, strict=True)]
                    for row in values
                ],
            )
        transaction.set_rollback(True)
    return rows


def quote(name: str) -> str:
    return connection.ops.quote_name(name)


def content_models() -> list:
    return [
        model for label in settings.VDLM_CONTENT_APPS for model in apps.get_app_config(label).get_models()
    ]


@pytest.fixture
def history(db, history_rows):
    """The imported history (fixtures/historic_meetups.json), as a new install has it: the rows parsed once per
    session are inserted in a few statements per test."""
    # In one transaction: foreign keys are checked at its end, whatever order the tables are filled in.
    with transaction.atomic(), connection.cursor() as cursor:
        for model, (columns, rows) in history_rows.items():
            placeholders = ", ".join(["%s"] * (columns.count(",") + 1))
            table = quote(model._meta.db_table)
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", rows)
        for statement in connection.ops.sequence_reset_sql(no_style(), list(history_rows)):
            cursor.execute(statement)
    return Event.objects.visible_to(PUBLIC)


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
