"""A README's program: its agenda slots and talks, put together.

Agenda lines give times, titles and speakers; the talk sections below give abstracts, bios and slides. A section
that describes an agenda talk enriches it; one that does not is a talk of its own. Agenda slots that name a talk
link to it, so the site shows each talk at its time.
"""

import re

from ..markdown import Block
from ..records import ReportEntry, SlotRecord, SpeakerRecord, TalkRecord
from .agenda import AgendaGroup, classify_slot, group_items, plain_slot_kind, read_agenda_groups
from .agenda_region import collect_agenda_blocks
from .bios import separate_first_name_bio, split_bio
from .facts import ReadmeFacts, readme_event_key
from .sections import DetailSection, read_detail_sections


def read_program(facts: ReadmeFacts, text_lines: list[str], blocks: list[Block]) -> None:
    talks: list[TalkRecord] = []
    agenda_blocks, in_prose = collect_agenda_blocks(text_lines, blocks)
    groups = read_agenda_groups(text_lines, agenda_blocks)
    if in_prose and groups:
        report_agenda(facts, f"schedule read from {len(groups)} timed lines of the prose", groups[0].line)
    for group in groups:
        add_group(facts, talks, group)
    for section in read_detail_sections(blocks):
        matched = add_section(section, talks)
        if section.slide_links:
            facts.talk_slide_paths[matched] = section.slide_links[0]
    link_slots_to_talks(facts.agenda, talks)
    facts.talks = talks


def report_agenda(facts: ReadmeFacts, message: str, line: int) -> None:
    facts.report.append(ReportEntry("agenda", f"{readme_event_key(facts)}: {message}", facts.source, line))


def add_group(facts: ReadmeFacts, talks: list[TalkRecord], group: AgendaGroup) -> None:
    """The group's talks and plain slots in order; the first takes the group's time unless it was cancelled."""
    items = group_items(group)
    if group.approximate and group.start is not None:
        report_agenda(
            facts, f"approximate time '~ {group.start:%H:%M}' read as {group.start:%H:%M}", group.line
        )
    if group.cancelled:
        struck = f" ({group.start:%H:%M})" if group.start else ""
        titles = ", ".join(repr(item.title) for item in items)
        report_agenda(
            facts, f"{titles} cancelled or postponed: kept in the agenda without its time{struck}", group.line
        )
    for position, item in enumerate(items):
        timed = position == 0 and not group.cancelled
        start, end = (group.start, group.end) if timed else (None, None)
        if not item.is_talk:
            kind = plain_slot_kind(item.title)
            facts.agenda.append(SlotRecord(start, end, item.title, kind, cancelled=group.cancelled))
            continue
        kind = "hot_topics" if item.hot or classify_slot(item.title) == "hot_topics" else "talk"
        speakers = [SpeakerRecord(name, affiliation) for name, affiliation in item.people]
        abstract = "\n".join(item.abstract)
        talk_kind = "lightning" if item.short else kind  # a short talk's slot is a talk slot
        talks.append(TalkRecord(item.title, talk_kind, speakers, abstract, cancelled=group.cancelled))
        facts.agenda.append(
            SlotRecord(start, end, item.title, kind, len(talks) - 1, cancelled=group.cancelled)
        )


def add_section(section: DetailSection, talks: list[TalkRecord]) -> int:
    """Enriches the agenda talk the section describes, or adds it as a talk; its index in `talks`."""
    separate_first_name_bio(section)
    matched = match_section_to_talk(section, talks)
    if matched is None:
        talks.append(talk_from_section(section))
        return len(talks) - 1
    enrich_talk_from_section(talks[matched], section)
    return matched


def talk_from_section(section: DetailSection) -> TalkRecord:
    kind = "lightning" if section.short else "talk"
    if classify_slot(section.title) == "hot_topics":
        kind = "hot_topics"
    bios = split_bio(section.bio, [name for name, _ in section.people])
    speakers = [SpeakerRecord(name, affiliation, bios[name]) for name, affiliation in section.people]
    abstract = "\n\n".join(section.abstract).strip()
    return TalkRecord(section.title, kind, speakers, abstract, cancelled=section.cancelled)


def enrich_talk_from_section(talk: TalkRecord, section: DetailSection) -> None:
    """The longer title, the abstract, the bios and (if the agenda named nobody) the speakers."""
    if len(section.title) > len(talk.title) or not talk.title:
        talk.title = section.title
    talk.abstract = talk.abstract or "\n\n".join(section.abstract).strip()
    talk.cancelled = talk.cancelled or section.cancelled
    if not talk.speakers and section.people:
        talk.speakers = [SpeakerRecord(name, affiliation) for name, affiliation in section.people]
    if "\n\n".join(section.bio).strip():
        bios = split_bio(section.bio, [s.name for s in talk.speakers])
        talk.speakers = [
            SpeakerRecord(s.name, s.affiliation or section_affiliation(section, s.name), bios[s.name])
            for s in talk.speakers
        ]


def section_affiliation(section: DetailSection, name: str) -> str:
    return next((affiliation for person, affiliation in section.people if person == name), "")


def title_key(title: str) -> str:
    return re.sub(r"\W+", " ", title.lower()).strip()


def match_section_to_talk(section: DetailSection, talks: list[TalkRecord]) -> int | None:
    """The agenda talk a details section describes: same title, else "Talk N" = the N-th agenda talk (#69)."""
    section_key = title_key(section.title)
    for index, talk in enumerate(talks):
        talk_key = title_key(talk.title)
        if (
            section_key
            and talk_key
            and (section_key.startswith(talk_key[:30]) or talk_key.startswith(section_key[:30]))
        ):
            return index
    numbered = [index for index, talk in enumerate(talks) if talk.kind == "talk"]
    if (
        section.number is not None
        and re.fullmatch(r"talk\s*\d+", section_key)
        and section.number <= len(numbered)
    ):
        return numbered[section.number - 1]
    return None


def link_slots_to_talks(agenda: list[SlotRecord], talks: list[TalkRecord]) -> None:
    """Agenda lines naming a talk become its slot: "18:40 - 19:45 ICLR 2022 - …" (#44), "Main Talk: "Practical
    experiences …"" (#36), "TensorFlow Wide & Deep: … (Yufeng Guo, Google)" (#13)."""
    linked = {slot.talk for slot in agenda if slot.talk is not None}
    for slot in agenda:
        if slot.talk is not None or not slot.title:
            continue
        key = title_key(re.sub(r"^talk\s*\d*\s*:\s*", "", slot.title, flags=re.I))
        for index, talk in enumerate(talks):
            talk_key = title_key(talk.title)
            # Containment only for titles long enough not to match by accident.
            if index not in linked and key and (key == talk_key or (len(talk_key) >= 12 and talk_key in key)):
                slot.talk = index
                slot.kind = "hot_topics" if talk.kind == "hot_topics" else "talk"
                linked.add(index)
                break
