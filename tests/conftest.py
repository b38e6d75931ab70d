import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command


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
