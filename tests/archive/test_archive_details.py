from pathlib import Path

import pytest

from archive.importers import parse_archive
from archive.importers.readme.hosts import find_hosts

SOURCE = Path(__file__).resolve().parents[2] / "fixtures" / "source"


@pytest.mark.parametrize(
    ("prose", "expected"),
    [
        ("hosted by the University of Vienna in the Biology Building!", [("University of Vienna", "host")]),
        ("This evening is hosted and sponsored by A1 Telekom who will", [("A1 Telekom", "host")]),
        ("Thanks to A1 for providing the venue and catering.", [("A1", "host")]),
        ("We thank Dynatrace to provide drinks & snacks at this meetup.", [("Dynatrace", "drinks")]),
        ("Thanks to SBA Research drinks and snacks will be provided", [("SBA Research", "drinks")]),
        (
            "thanks to our sponsor of this meetup - the Erste Group - who provides",
            [("Erste Group", "sponsor")],
        ),
        ("Welcome by the host: 42 Vienna", [("42 Vienna", "host")]),
        ("We meet in the lecture hall.", []),
    ],
)
def test_find_hosts_reads_hosts_and_sponsors_from_prose(prose, expected):
    assert find_hosts(prose) == expected


def test_archive_names_each_host_organisation_once():
    archive = parse_archive(SOURCE / "vdlm-meetups")
    hosts = {event.number: event.sponsors for event in archive.events if event.number in (14, 24, 33, 44, 71)}
    assert hosts == {
        14: [("A1 Telekom Austria", "host")],
        24: [("Magenta Telekom", "host")],
        33: [("Magenta Telekom", "host")],
        44: [("A1 Telekom Austria", "host")],
        71: [("Raiffeisen Bank International", "host")],
    }


def test_agenda_lines_naming_a_talk_become_its_slot():
    archive = parse_archive(SOURCE / "vdlm-meetups")
    events = {event.number: event for event in archive.events}

    def talk_slots(number):
        event = events[number]
        return [
            (f"{slot.start_time:%H:%M}", event.talks[slot.talk].title)
            for slot in event.agenda
            if slot.talk is not None
        ]

    assert talk_slots(13) == [
        ("19:00", "TensorFlow Wide & Deep: Data Classification the easy way"),
        ("20:30", "One Model To Learn Them All"),
    ]
    assert talk_slots(36) == [("18:40", "Practical experiences in accurate video segmentation")]
    networking = events[36].agenda[-1]
    assert (networking.start_time.isoformat(), networking.end_time.isoformat(), networking.title) == (
        "20:00:00",
        "20:30:00",
        "Networking: individual discussions in breakout rooms",
    )
