import datetime
import json

import pytest
from django.core.management import call_command

from events.enums import EventStatus
from tests.factories import make_event, make_slot, make_speaker, make_sponsorship, make_talk, make_venue

pytestmark = pytest.mark.django_db


def test_export_json_has_the_documented_schema(capsys):
    venue = make_venue(name="A1", address="Lassallestraße 9, 1020 Wien")
    event = make_event(
        number=44,
        slug="meetup-44",
        title="44th Vienna Deep Learning Meetup",
        date=datetime.date(2022, 5, 18),
        venue=venue,
        meetup_url="https://www.meetup.com/vienna-deep-learning-meetup/events/285166083/",
    )
    pieler = make_speaker(name="Michael Pieler", affiliation="independent")
    make_slot(
        event=event,
        start_time=datetime.time(18, 30),
        end_time=datetime.time(18, 40),
        title="Welcome & Introduction",
        kind="welcome",
    )
    talk = make_talk(event=event, title="GPT-NeoX-20B", slides_url="https://example.org/neox.pdf")
    talk.talk_speakers.create(speaker=pieler, affiliation="EleutherAI")
    make_slot(event=event, start_time=None, title="Networking", kind="networking")
    make_sponsorship(event=event, sponsor=None, role="host")

    call_command("export_meetups", "--format", "json")
    exported = json.loads(capsys.readouterr().out)

    [row] = exported["events"]
    sponsor_name = event.sponsorships.get().sponsor.name
    assert row == {
        "number": 44,
        "slug": "meetup-44",
        "title": "44th Vienna Deep Learning Meetup",
        "date": "2022-05-18",
        "start_time": "18:30",
        "status": "published",
        "venue": {"name": "A1", "address": "Lassallestraße 9, 1020 Wien"},
        "meetup_url": "https://www.meetup.com/vienna-deep-learning-meetup/events/285166083/",
        "url": "/meetups/meetup-44/",
        "agenda": [
            {"time": "18:30", "end_time": "18:40", "title": "Welcome & Introduction", "kind": "welcome"},
            {"time": None, "end_time": None, "title": "GPT-NeoX-20B", "kind": "talk"},
            {"time": None, "end_time": None, "title": "Networking", "kind": "networking"},
        ],
        "talks": [
            {
                "title": "GPT-NeoX-20B",
                "kind": "talk",
                "cancelled": False,
                "speakers": [{"name": "Michael Pieler", "affiliation": "EleutherAI"}],
                "abstract": "",
                "slides_url": "https://example.org/neox.pdf",
                "video_url": "",
            }
        ],
        "sponsors": [{"name": sponsor_name, "role": "host"}],
    }


def test_export_json_leaves_out_drafts_sorts_by_date_and_uses_null_for_unknowns(capsys):
    later = make_event(date=datetime.date(2020, 1, 2), start_time=None, number=None)
    earlier = make_event(date=datetime.date(2019, 1, 2))
    make_event(status=EventStatus.DRAFT)

    call_command("export_meetups")
    events = json.loads(capsys.readouterr().out)["events"]

    assert [e["slug"] for e in events] == [earlier.slug, later.slug]
    assert events[1]["number"] is None and events[1]["start_time"] is None and events[1]["venue"] is None
