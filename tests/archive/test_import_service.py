import datetime

import pytest
from django.db import IntegrityError

from archive.importers.records import (
    ArchiveRecord,
    EventRecord,
    SlotRecord,
    SpeakerRecord,
    TalkRecord,
    VenueRecord,
)
from archive.services import archive_import
from events.enums import EventStatus
from events.models import AgendaSlot, Event, Venue
from events.selectors import with_program
from talks.models import Speaker, Talk

pytestmark = pytest.mark.django_db

A1 = VenueRecord("A1 Telekom Austria", "Lassallestraße 9, 1020 Wien")


def meetup_44(**changes) -> EventRecord:
    fields = {
        "key": "meetup-44",
        "number": 44,
        "kind": "meetup",
        "title": "44th Vienna Deep Learning Meetup",
        "date": datetime.date(2022, 5, 18),
        "start_time": datetime.time(18, 30),
        "venue": A1,
        "meetup_url": "https://www.meetup.com/vienna-deep-learning-meetup/events/285166083/",
        "talks": [
            TalkRecord(
                "ICLR 2022 - Trends & interesting highlights",
                "talk",
                [SpeakerRecord("René Donner", "contextflow")],
            ),
            TalkRecord(
                "GPT-NeoX-20B",
                "talk",
                [SpeakerRecord("Michael Pieler", "EleutherAI", bio="Michael works on LLMs.")],
                abstract="A high-level overview.",
                slides_url="https://github.com/vdlm/meetups/raw/master/Meetups/Meetup_44/slides/Pieler_GPT-NeoX.pdf",
            ),
        ],
        "agenda": [
            SlotRecord(datetime.time(18, 30), datetime.time(18, 40), "Welcome & Introduction", "welcome"),
            SlotRecord(datetime.time(18, 40), datetime.time(19, 45), "ICLR 2022 - Trends", "talk", talk=0),
            SlotRecord(datetime.time(21, 0), None, "Networking", "networking"),
        ],
        "sponsors": [("A1", "host")],
    }
    return EventRecord(**(fields | changes))


def meetup_45(**changes) -> EventRecord:
    fields = {
        "key": "meetup-45",
        "number": 45,
        "kind": "meetup",
        "title": "45th Vienna Deep Learning Meetup",
        "date": datetime.date(2022, 10, 12),
        "venue": VenueRecord("A1"),
        "talks": [
            TalkRecord(
                "Stable Diffusion",
                "talk",
                [SpeakerRecord("Michael M. Pieler", "OpenBioML.org & Stability.AI")],
            )
        ],
    }
    return EventRecord(**(fields | changes))


def archive(*events) -> ArchiveRecord:
    return ArchiveRecord(
        events=list(events),
        speaker_aliases={"René Donner": ["Rene Donner"], "Michael Pieler": ["Michael M. Pieler"]},
        venue_aliases={"A1 Telekom Austria": ["A1"]},
        report=[],
    )


def test_import_writes_events_talks_agenda_speakers_and_hosts():
    summary = archive_import(archive=archive(meetup_44()))

    event = Event.objects.get(number=44)
    assert event.status == EventStatus.PUBLISHED
    assert event.venue.name == "A1 Telekom Austria"
    assert event.venue.address == "Lassallestraße 9, 1020 Wien"
    # The agenda names a talk by its title; a talk no agenda line names follows the agenda, untimed.
    assert [str(slot) for slot in with_program(Event.objects.filter(pk=event.pk)).get().program] == [
        "18:30–18:40 Welcome & Introduction",
        "18:40–19:45 ICLR 2022 - Trends & interesting highlights",
        "21:00 Networking",
        "GPT-NeoX-20B",
    ]
    neox = Talk.objects.get(slot__event=event, slug="gpt-neox-20b")
    assert [(ts.speaker.name, ts.affiliation) for ts in neox.talk_speakers.all()] == [
        ("Michael Pieler", "EleutherAI")
    ]
    assert neox.speakers.get().bio == "Michael works on LLMs."
    assert [(s.sponsor.name, s.role) for s in event.sponsorships.all()] == [("A1", "host")]
    assert summary.lines()[:2] == [
        "events: 1 created, 0 updated, 0 unchanged, 0 skipped",
        "talks: 2 created, 0 updated, 0 unchanged, 0 skipped",
    ]


def test_import_merges_name_and_venue_variants_and_keeps_affiliation_per_talk():
    archive_import(archive=archive(meetup_44(), meetup_45()))

    pieler = Speaker.objects.get(name="Michael Pieler")
    assert pieler.alternative_names == ["Michael M. Pieler"]
    assert (
        pieler.affiliation == "OpenBioML.org & Stability.AI"
    )  # the latest talk's affiliation is the current one
    assert sorted(pieler.talk_speakers.values_list("affiliation", flat=True)) == [
        "EleutherAI",
        "OpenBioML.org & Stability.AI",
    ]
    assert Venue.objects.count() == 1
    assert Venue.objects.get().alternative_names == ["A1"]


def test_import_twice_creates_nothing_new():
    archive_import(archive=archive(meetup_44(), meetup_45()))
    counts = (
        Event.objects.count(),
        Talk.objects.count(),
        Speaker.objects.count(),
        AgendaSlot.objects.count(),
    )

    summary = archive_import(archive=archive(meetup_44(), meetup_45()))

    assert (
        Event.objects.count(),
        Talk.objects.count(),
        Speaker.objects.count(),
        AgendaSlot.objects.count(),
    ) == counts
    assert summary.lines()[0] == "events: 0 created, 0 updated, 2 unchanged, 0 skipped"


def test_import_updates_an_event_whose_source_changed():
    archive_import(archive=archive(meetup_44()))
    summary = archive_import(
        archive=archive(meetup_44(title="44th Vienna Deep Learning Meetup: ICLR + GPT-NeoX"))
    )
    assert Event.objects.get(number=44).title == "44th Vienna Deep Learning Meetup: ICLR + GPT-NeoX"
    assert Talk.objects.count() == 2
    assert summary.lines()[0] == "events: 0 created, 1 updated, 0 unchanged, 0 skipped"


@pytest.mark.parametrize("edit", ["event title", "talk title"])
def test_import_keeps_what_an_organizer_edited_in_the_admin(edit):
    archive_import(archive=archive(meetup_44()))
    if edit == "event title":
        Event.objects.filter(number=44).update(title="Edited by an organizer")
    else:
        Talk.objects.filter(slug="gpt-neox-20b").update(title="Edited by an organizer")

    summary = archive_import(archive=archive(meetup_44(title="Changed at the source")))

    assert Event.objects.filter(title="Changed at the source").count() == 0
    assert (
        Event.objects.filter(title="Edited by an organizer").count()
        + Talk.objects.filter(title="Edited by an organizer").count()
        == 1
    )
    assert summary.lines()[0] == "events: 0 created, 0 updated, 0 unchanged, 1 skipped"
    assert [entry.category for entry in summary.report] == ["kept_edit"]


def test_import_is_all_or_nothing():
    broken = meetup_45(agenda=[SlotRecord(datetime.time(20, 0), datetime.time(19, 0), "Backwards", "other")])
    with pytest.raises(IntegrityError):
        archive_import(archive=archive(meetup_44(), broken))
    assert (
        Event.objects.count() == Talk.objects.count() == Speaker.objects.count() == Venue.objects.count() == 0
    )


def test_import_dry_run_writes_nothing_but_counts():
    summary = archive_import(archive=archive(meetup_44(), meetup_45()), dry_run=True)
    assert Event.objects.count() == 0
    assert summary.lines()[0] == "events: 2 created, 0 updated, 0 unchanged, 0 skipped"
