"""The root README's "## Meetups" talk table (FORMATS.md §4): one row per talk, newest first."""

import datetime
import re
from dataclasses import dataclass, field

from .markdown import Table, parse_blocks, parse_tables
from .names import looks_like_person, split_name_list

ORGANISER_SPEAKERS = {"VDLM", "VLDM"}  # the organisers' intro decks, not talks


@dataclass
class RootTalk:
    """One talk as listed in the root table (a row may hold two talks: "A / B | Topic A / Topic B")."""

    date: datetime.date
    event_label: str  # "44" or "AI"
    title: str
    people: list[tuple[str, str]]  # (name as written, affiliation)
    slides: list[str] = field(default_factory=list)  # hrefs as written ("./Meetups/…pdf", "https://…")
    videos: list[str] = field(default_factory=list)
    line: int = 0
    organiser_deck: bool = False  # a VDLM/VLDM row or an empty speaker cell: an intro deck


def has_meetups_table(text: str) -> bool:
    tokens = parse_blocks(text)
    headings = [tokens[i + 1].content.strip() for i, t in enumerate(tokens) if t.type == "heading_open"]
    return "Meetups" in headings and any(table_is_talk_table(t) for t in parse_tables(text))


def table_is_talk_table(table: Table) -> bool:
    return [h.lower() for h in table.header[:4]] == ["date", "#", "speaker", "topic"]


def split_people(cell: str) -> list[tuple[str, str]]:
    """ "Mouhannad Ali and Julius Duin" -> two people; "Gabriele Libardi, Pompeu Fabra University / Trayport"
    -> one person with an affiliation; "Rene Donner / Aaron Kaplan" -> two people."""
    name_part, _, rest = cell.partition(", ")
    if rest and not all(looks_like_person(part) for part in split_name_list(rest)):
        # "Name, Affiliation": the part after the first comma is not a list of people.
        return [(name_part.strip(), rest.strip())]
    return [(name, "") for name in split_name_list(cell)]


def read_root_talks(text: str) -> list[RootTalk]:
    talks: list[RootTalk] = []
    for table in parse_tables(text):
        if not table_is_talk_table(table):
            continue
        for row in table.rows:
            cells = row.cells + []
            date_text, label, speaker, topic = (cell.text for cell in cells[:4])
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", date_text):
                continue  # the empty first row and the "| ... | 42 |" placeholders
            date = datetime.date.fromisoformat(date_text)
            links = [link for cell in cells[4:] for link in cell.links]
            slides = [link.href for link in links if link.label.lower() not in ("details", "video")]
            slides = [href for href in slides if not href.lower().endswith(".mov")]
            videos = [link.href for link in links if link.label.lower() == "video"]
            if speaker.strip() in ORGANISER_SPEAKERS or not speaker.strip():
                talks.append(RootTalk(date, label, topic, [], slides, videos, row.line, True))
                continue
            speaker_parts = [part.strip() for part in re.split(r"\s+//\s+", speaker)]
            topic_parts = [part.strip() for part in re.split(r"\s+//\s+", topic)]
            if len(speaker_parts) == 1 and len(topic_parts) == 1:
                # "Lukas Zimmermann / Michael Pieler | Neural Radiance Fields / Stable Diffusion": two talks.
                slash_speakers = [p.strip() for p in speaker.split(" / ")]
                slash_topics = [p.strip() for p in topic.split(" / ")]
                if len(slash_speakers) == len(slash_topics) > 1 and all(
                    looks_like_person(p) for p in slash_speakers
                ):
                    speaker_parts, topic_parts = slash_speakers, slash_topics
            if len(speaker_parts) == len(topic_parts):
                for person_cell, title in zip(speaker_parts, topic_parts, strict=True):
                    talks.append(
                        RootTalk(date, label, title, split_people(person_cell), slides, videos, row.line)
                    )
            else:
                talks.append(RootTalk(date, label, topic, split_people(speaker), slides, videos, row.line))
    return talks
