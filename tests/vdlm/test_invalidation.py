"""Every write to a content model drops the cached pages, whatever the write path: the test lists the content
models, so a new model without its write paths here fails it."""

import datetime

import pytest
from django.apps import apps
from django.conf import settings
from django.utils import timezone

from common.content import ContentQuerySet
from events.models import (
    AgendaSlot,
    Announcement,
    Event,
    EventSponsor,
    JobPost,
    Organizer,
    Registration,
    RegistrationAttempt,
    Sponsor,
    Venue,
)
from talks.models import Speaker, Talk, TalkSpeaker
from tests import factories

pytestmark = pytest.mark.django_db

PAGE = "/archive/"


def content_models() -> dict:
    return {
        model._meta.label: model
        for label in settings.VDLM_CONTENT_APPS
        for model in apps.get_app_config(label).get_models()
    }


# A new row of each content model (unsaved), and a field each may change without breaking a rule.
ROWS = {
    "events.Venue": lambda: Venue(name="Venue X", slug="venue-x"),
    "events.Sponsor": lambda: Sponsor(name="Sponsor X", slug="sponsor-x"),
    "events.Event": lambda: Event(title="Meetup X", slug="meetup-x", date=datetime.date(2030, 1, 1)),
    "events.EventSponsor": lambda: EventSponsor(
        event=factories.make_event(), sponsor=factories.make_sponsor()
    ),
    "events.AgendaSlot": lambda: AgendaSlot(event=factories.make_event(), title="Slot X"),
    "events.JobPost": lambda: JobPost(title="Job X", company="Acme"),
    "events.Announcement": lambda: Announcement(event=factories.make_event(), title="Raffle X"),
    "events.Organizer": lambda: Organizer(name="Organizer X"),
    "events.Registration": lambda: Registration(
        event=factories.make_event(capacity=5),
        name="Ada",
        email="ada@example.org",
        consented_at=timezone.now(),
    ),
    "events.RegistrationAttempt": lambda: RegistrationAttempt(scope="email", digest="abc"),
    "talks.Speaker": lambda: Speaker(name="Speaker X", slug="speaker-x"),
    "talks.Talk": lambda: Talk(title="Talk X", slug="talk-x"),
    "talks.TalkSpeaker": lambda: TalkSpeaker(talk=factories.make_talk(), speaker=factories.make_speaker()),
}
CHANGES = {
    "events.Venue": ("address", "Changed 1"),
    "events.Sponsor": ("website", "https://example.org/changed"),
    "events.Event": ("title", "Changed"),
    "events.EventSponsor": ("order", 7),
    "events.AgendaSlot": ("title", "Changed"),
    "events.JobPost": ("title", "Changed"),
    "events.Announcement": ("title", "Changed"),
    "events.Organizer": ("affiliation", "Changed"),
    "events.Registration": ("name", "Changed"),
    "events.RegistrationAttempt": ("digest", "def"),
    "talks.Speaker": ("bio", "Changed"),
    "talks.Talk": ("title", "Changed"),
    "talks.TalkSpeaker": ("affiliation", "Changed"),
}


def create(label):
    row = ROWS[label]()
    row.save()
    return row


# Each write path: (what exists before the page is cached, the write itself).
WRITES = {
    "create": (lambda label: None, lambda label, row: create(label)),
    "save": (create, lambda label, row: row.save()),
    "delete": (create, lambda label, row: row.delete()),
    "update": (
        create,
        lambda label, row: type(row).objects.filter(pk=row.pk).update(**dict([CHANGES[label]])),
    ),
    "bulk_create": (
        lambda label: None,
        lambda label, row: type(ROWS[label]()).objects.bulk_create([ROWS[label]()]),
    ),
    "bulk_update": (
        create,
        lambda label, row: (
            setattr(row, *CHANGES[label]),
            type(row).objects.bulk_update([row], [CHANGES[label][0]]),
        ),
    ),
    "queryset_delete": (create, lambda label, row: type(row).objects.filter(pk=row.pk).delete()),
}


def test_content_models_are_all_listed_here():
    assert sorted(content_models()) == sorted(ROWS)


@pytest.mark.parametrize("label", sorted(ROWS))
def test_content_model_queryset_announces_bulk_writes(label):
    assert issubclass(content_models()[label].objects.all().__class__, ContentQuerySet)


@pytest.mark.parametrize("path", WRITES)
@pytest.mark.parametrize("label", sorted(ROWS))
def test_content_write_drops_cached_pages(client, label, path):
    before, write = WRITES[path]
    row = before(label)
    assert client.get(PAGE).status_code == 200
    assert client.get(PAGE).headers["X-Page-Cache"] == "hit"

    write(label, row)

    response = client.get(PAGE)
    assert response.status_code == 200
    assert response.headers["X-Page-Cache"] == "miss"


def test_counting_a_slides_download_keeps_cached_pages(client):
    talk = factories.make_talk(slides_url="https://example.org/deck.pdf")
    client.get(PAGE)

    response = client.get(talk.get_slides_url())

    assert response.status_code == 302
    assert client.get(PAGE).headers["X-Page-Cache"] == "hit"
