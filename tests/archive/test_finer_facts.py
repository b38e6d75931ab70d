"""The archive's finer facts hold for every meetup (issue 14): titles and organisations only in the words of that
meetup's own sources, agendas without empty or timed cancelled slots, and the report counting each class."""

import re
import unicodedata
from functools import cache
from pathlib import Path

import pytest

from archive.importers import EventRecord, render_report_markdown
from archive.importers.affiliations import split_affiliation
from tests.archive.parsed import archive

SOURCE = Path(__file__).parents[2] / "fixtures/source"
CHECKOUT = SOURCE / "vdlm-meetups"
SLOT_KINDS = {"welcome", "talk", "break", "announcements", "hot_topics", "networking", "other"}


def words(text: str) -> str:
    """Lower-case words only: markup, quotes and punctuation differ between a title and its source."""
    text = unicodedata.normalize("NFC", text).lower()
    return " ".join(re.sub(r"[^\w]+", " ", re.sub(r"[*_`~\"“”‘’']", "", text)).split())


@cache
def root_rows(label: str) -> str:
    lines = (CHECKOUT / "README.md").read_text(encoding="utf-8").split("\n")
    return "\n".join(
        line for line in lines if re.match(rf"^\|\s*[\d-]+\s*\|\s*{re.escape(label)}\s*\|", line)
    )


def sources_text(event: EventRecord) -> str:
    """This meetup's own sources: its README(s) and its rows of the root talk table."""
    texts = [root_rows(str(event.number) if event.number else "AI")]
    for source in event.sources:
        if source.startswith("vdlm-meetups-history/"):
            texts.append((SOURCE / source).read_text(encoding="utf-8"))
        elif source.endswith("README.md") and source != "README.md":
            texts.append((CHECKOUT / source).read_text(encoding="utf-8"))
    return words("\n".join(texts))


def meetups() -> list[EventRecord]:
    return [event for event in archive().events if event.kind != "partner"]


@pytest.mark.parametrize("event", meetups(), ids=lambda event: event.key)
def test_finer_facts_titles_are_in_the_meetups_own_sources(event: EventRecord):
    text = sources_text(event)
    assert [talk.title for talk in event.talks if words(talk.title) not in text] == []


@pytest.mark.parametrize("event", meetups(), ids=lambda event: event.key)
def test_finer_facts_organisations_are_stated_by_the_meetups_own_sources(event: EventRecord):
    """Never carried over from another meetup: each part of an organisation is written in this meetup's sources
    (roles split off, legal forms dropped, the parts joined again with "&" or ", ")."""
    text = sources_text(event)
    organisations = {s.affiliation for talk in event.talks for s in talk.speakers if s.affiliation}
    parts = {part for name in organisations for part in re.split(r" & |, ", name)}
    assert sorted(part for part in parts if words(part) not in text) == []


@pytest.mark.parametrize("event", meetups(), ids=lambda event: event.key)
def test_finer_facts_agenda_slots_are_named_and_cancelled_ones_untimed(event: EventRecord):
    for slot in event.agenda:
        assert slot.kind in SLOT_KINDS
        assert slot.title.strip() or slot.talk is not None
        assert not slot.cancelled or (slot.start_time, slot.end_time) == (None, None)
        if slot.end_time is not None:
            assert slot.start_time is not None and slot.end_time > slot.start_time


def test_finer_facts_roles_are_never_organisations():
    for event in archive().events:
        for talk in event.talks:
            for speaker in talk.speakers:
                assert split_affiliation(speaker.affiliation).role == "", (event.key, speaker)


def test_finer_facts_report_counts_each_class():
    text = render_report_markdown(archive())
    counts = {title: int(count) for title, count in re.findall(r"^## (.+) \((\d+)\)$", text, re.M)}
    assert (
        counts[
            "Affiliations: the organisation alone (job roles kept apart, legal forms dropped, read where stated)"
        ]
        > 60
    )
    # 3 cancelled slots, 1 schedule in prose (#4), 5 "~" times, 8 start times only in the prose
    assert counts["Agenda times read from prose or approximate, and cancelled slots"] == 17
    assert counts["Talks no source gives a title"] == 1
    assert counts["Slides from the talk table shared with another talk or the intro deck"] == 9
    assert "- meetup-46: no source gives the talk by Bernhard Knapp a title" in text
    assert "- meetup-52: " not in text.split("## Agenda times")[1].split("\n## ")[0]  # #52's agenda is plain
