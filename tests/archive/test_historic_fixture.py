"""The shipped archive, fixtures/historic_meetups.json, as a new install sees it."""

import datetime
import os
import subprocess
import sys
from pathlib import Path

from common.text import fold
from events.enums import EventStatus
from events.models import Event
from events.selectors import with_program
from talks.models import Speaker, Talk

BASE_DIR = Path(__file__).resolve().parents[2]
FIXTURE = BASE_DIR / "fixtures" / "historic_meetups.json"


def test_history_has_75_numbered_meetups_in_date_order(history):
    numbered = list(
        Event.objects.filter(number__isnull=False).order_by("number").values_list("number", "date")
    )
    assert [number for number, _ in numbered] == list(range(1, 76))
    dates = [date for _, date in numbered]
    assert all(earlier < later for earlier, later in zip(dates, dates[1:], strict=False))
    assert dates[0].isoformat() == "2016-04-07" and dates[-1].isoformat() == "2026-09-23"


def test_history_has_the_special_and_partner_events(history):
    assert sorted(Event.objects.filter(number__isnull=True).values_list("slug", "date")) == [
        ("ai-summit-2017", datetime.date(2017, 9, 4)),
        ("wearedevelopers-ai-congress-2018", datetime.date(2018, 12, 4)),
    ]


def test_history_is_all_published(history):
    assert set(Event.objects.values_list("status", flat=True)) == {EventStatus.PUBLISHED}


def test_history_talks_and_speakers_are_clean(history):
    assert Talk.objects.count() == 161
    assert not Speaker.objects.filter(name__iregex=r"^(vdlm|vldm)$").exists()
    folded = [fold(name) for name in Speaker.objects.values_list("name", flat=True)]
    assert len(folded) == len(set(folded)), "a speaker appears under two spellings"


def test_history_merges_name_variants_into_one_speaker(history):
    donner = Speaker.objects.get(name="René Donner")
    assert "Rene Donner" in donner.alternative_names
    assert donner.talks.count() == 12
    pieler = Speaker.objects.get(name="Michael Pieler")
    affiliations = set(pieler.talk_speakers.values_list("affiliation", flat=True))
    # Affiliations change over the years.
    assert affiliations == {
        "",
        "EleutherAI",
        "OpenBioML.org & Stability.AI",
        "contextflow",
        "contextflow.com",
    }


def test_history_meetup_44_matches_its_readme(history):
    event = Event.objects.get(number=44)
    assert event.date.isoformat() == "2022-05-18"  # the README's 2021 is a typo
    assert event.venue.name == "A1 Telekom Austria" and event.venue.address == "Lassallestraße 9, 1020 Wien"
    program = with_program(Event.objects.filter(pk=event.pk)).get().program
    assert str(program[0]) == "18:30–18:40 Welcome & Introduction"
    assert str(program[-1]) == "21:00 Networking"
    assert [talk.title for talk in with_program(Event.objects.filter(pk=event.pk)).get().talks] == [
        "ICLR 2022 - Trends & interesting highlights",
        "GPT-NeoX-20B - An Open-Source Autoregressive Language Model",
    ]
    assert (
        event.intro_slides_url
        == "https://github.com/vdlm/meetups/raw/master/Meetups/Meetup_44/slides/Intro.pdf"
    )


def test_history_slide_links_with_spaces_are_url_encoded(history):
    talk = Talk.objects.get(slot__event__number=72, title__startswith="TiRex")
    assert talk.slides_url == (
        "https://github.com/vdlm/meetups/raw/master/Meetups/Meetup_72/"
        "2026-04-28%20TiRex%20Vienna%20Deep%20Learning%20Meetup.pdf"
    )


def test_regenerating_the_fixture_gives_the_committed_file_byte_for_byte(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    env |= {"DJANGO_DEBUG": "1", "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    output = tmp_path / "historic_meetups.json"
    for command in (
        ["migrate", "--noinput", "-v0"],
        ["import_meetups", "fixtures/source/vdlm-meetups"],
        ["dump_history", str(output)],
    ):
        result = subprocess.run(
            [sys.executable, "manage.py", *command],
            cwd=BASE_DIR,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
    assert output.read_bytes() == FIXTURE.read_bytes(), (
        "fixtures/historic_meetups.json is stale: run make fixtures"
    )
