import pytest
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.urls import reverse

from tests.factories import make_event, make_job_post, make_speaker, make_sponsorship, make_talk

pytestmark = pytest.mark.django_db

ORGANIZER_MODELS = sorted(
    f"{model._meta.app_label}.{model._meta.model_name}"
    for model in admin.site._registry
    if model._meta.app_label in {"events", "talks"}
)


@pytest.fixture
def superuser():
    return User.objects.create_superuser("root", password="pw-root-1")


@pytest.fixture
def some_content():
    event = make_event()
    make_talk(event=event, speakers=[make_speaker()])
    make_sponsorship(event=event)
    make_job_post(event=event)


def test_every_content_model_is_registered():
    assert ORGANIZER_MODELS == [
        "events.agendaslot",
        "events.event",
        "events.eventsponsor",
        "events.jobpost",
        "events.organizer",
        "events.registration",
        "events.sponsor",
        "events.venue",
        "talks.speaker",
        "talks.talk",
        "talks.talkspeaker",
    ]


@pytest.mark.parametrize("user_fixture", ["superuser", "organizer"])
@pytest.mark.parametrize("model", ORGANIZER_MODELS)
def test_admin_changelist_and_add_form_render(client, request, user_fixture, model, some_content):
    client.force_login(request.getfixturevalue(user_fixture))
    app_label, model_name = model.split(".")
    changelist = client.get(reverse(f"admin:{app_label}_{model_name}_changelist"))
    add_form = client.get(reverse(f"admin:{app_label}_{model_name}_add"))
    assert changelist.status_code == 200
    assert add_form.status_code == 200


@pytest.mark.parametrize("user_fixture", ["superuser", "organizer"])
def test_admin_event_change_form_renders_with_inlines(client, request, user_fixture, some_content):
    client.force_login(request.getfixturevalue(user_fixture))
    from events.models import Event

    response = client.get(reverse("admin:events_event_change", args=[Event.objects.get().pk]))
    assert response.status_code == 200
    assert b"Agenda slots" in response.content
    assert b"Talks" in response.content


@pytest.mark.parametrize(
    "url_name", ["admin:auth_user_changelist", "admin:auth_user_add", "admin:auth_group_changelist"]
)
def test_organizer_cannot_reach_user_management(client, organizer, url_name):
    client.force_login(organizer)
    assert client.get(reverse(url_name)).status_code == 403


def test_organizer_admin_index_lists_content_but_not_users(client, organizer):
    client.force_login(organizer)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Events" in page and "Talks" in page and "Speakers" in page
    assert "/admin/auth/user/" not in page


@pytest.mark.django_db(transaction=True)
def test_organizers_group_comes_back_with_all_content_permissions_after_a_flush():
    from django.core.management import call_command

    call_command("flush", "--noinput", verbosity=0)
    permissions = Group.objects.get(name="Organizers").permissions
    assert permissions.filter(content_type__app_label="auth").count() == 0
    assert (
        permissions.filter(
            codename__in=["change_event", "add_talk", "delete_speaker", "view_jobpost"]
        ).count()
        == 4
    )
    assert permissions.count() == 4 * 13  # add/change/delete/view on the thirteen content models
