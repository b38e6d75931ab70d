from pathlib import Path

import pytest

from events.importers import parse_archive
from events.importers.readme import find_hosts

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
