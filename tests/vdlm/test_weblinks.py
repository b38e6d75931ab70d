"""Organizer links are web addresses, whatever wrote them: a database rule on every URL field of the content models."""

import pytest
from django.apps import apps
from django.conf import settings
from django.db import IntegrityError, connection, models, transaction

from common.weblinks import WEB_LINK_MESSAGE
from events.models import Announcement, Event, JobPost, Sponsor
from talks.models import Speaker, Talk
from tests import factories
from tests.admin_pages import change_page_data

pytestmark = pytest.mark.django_db

HOSTILE = [
    "javascript:alert(document.cookie)",
    "data:text/html,<script>x</script>",
    "ftp://example.org/x",
    "//evil.example",
]


def url_fields():
    for label in settings.VDLM_CONTENT_APPS:
        for model in apps.get_app_config(label).get_models():
            for field in model._meta.get_fields():
                if isinstance(field, models.URLField):
                    yield model, field.name


def test_every_link_field_of_the_content_models_has_its_rule():
    for model, field in url_fields():
        names = {constraint.name for constraint in model._meta.constraints}
        assert f"{model._meta.model_name}_{field}_is_web_link" in names, (model, field)


ROWS = {
    Speaker: lambda: factories.make_speaker(),
    Talk: lambda: factories.make_talk(),
    Event: lambda: factories.make_event(),
    JobPost: lambda: factories.make_job_post(title="Job", company="Acme"),
    Sponsor: lambda: factories.make_sponsor(),
    Announcement: lambda: factories.make_announcement(event=factories.make_event(), title="Raffle"),
}


@pytest.mark.parametrize("value", HOSTILE)
@pytest.mark.parametrize(
    ("model", "field"), list(url_fields()), ids=lambda item: getattr(item, "__name__", item)
)
def test_link_that_is_not_a_web_address_cannot_be_stored(model, field, value):
    row = ROWS[model]()

    with pytest.raises(IntegrityError), transaction.atomic():
        model.objects.filter(pk=row.pk).update(**{field: value})
    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        table, column = model._meta.db_table, model._meta.get_field(field).column
        cursor.execute(f"UPDATE {table} SET {column} = %s WHERE id = %s", [value, row.pk])


@pytest.mark.parametrize(
    "value", ["", "https://example.org/a", "http://example.org/a", "HTTPS://EXAMPLE.ORG/"]
)
def test_web_addresses_and_empty_links_are_stored(value):
    talk = factories.make_talk()

    Talk.objects.filter(pk=talk.pk).update(video_url=value)

    assert Talk.objects.get(pk=talk.pk).video_url == value


def test_admin_form_refuses_an_ftp_link_on_its_field_with_a_plain_message(organizer_client):
    sponsor = factories.make_sponsor(name="Acme", slug="acme")
    page = organizer_client.get(f"/admin/events/sponsor/{sponsor.pk}/change/")
    assert page.status_code == 200

    response = organizer_client.post(
        f"/admin/events/sponsor/{sponsor.pk}/change/",
        change_page_data(page) | {"website": "ftp://example.org/acme"},
    )

    assert response.status_code == 200  # the form again, not an error page
    assert response.context["adminform"].form.errors == {"website": [WEB_LINK_MESSAGE]}
    assert Sponsor.objects.get(pk=sponsor.pk).website == ""


@pytest.mark.parametrize("field", ["slides_url", "video_url"])
def test_meetup_page_refuses_an_ftp_link_of_a_talk_in_its_slot_on_the_field(organizer_client, field):
    talk = factories.make_talk(title="Engines")
    event = talk.slot.event
    page = organizer_client.get(f"/admin/events/event/{event.pk}/change/")
    assert page.status_code == 200

    response = organizer_client.post(
        f"/admin/events/event/{event.pk}/change/",
        change_page_data(page) | {f"agenda-0-{field}": "ftp://example.org/s.pdf"},
    )

    assert response.status_code == 200  # the form again, not an error page
    [row] = response.context["inline_admin_formsets"][0].formset.forms
    assert row.errors == {field: [WEB_LINK_MESSAGE]}
    assert getattr(Talk.objects.get(pk=talk.pk), field) == ""


def test_historic_archive_loads_under_the_rule(history):
    assert history.count() >= 75
    assert Talk.objects.exclude(slides_url="").exists()
