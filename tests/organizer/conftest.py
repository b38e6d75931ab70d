import pytest
from django.contrib.auth.models import Group, User


@pytest.fixture
def organizer(db):
    """A staff user in the Organizers group (made by a data migration), as the admin sees them."""
    user = User.objects.create_user("olga", password="pw-organizer-1", is_staff=True)
    user.groups.add(Group.objects.get(name="Organizers"))
    return user


@pytest.fixture
def organizer_client(client, organizer):
    client.force_login(organizer)
    return client
