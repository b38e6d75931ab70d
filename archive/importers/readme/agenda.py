"""A README's agenda: the timed (or bulleted) lines of the evening, grouped into slots, and the talks they name.

Agendas come as "18:30 - 18:40 Welcome & Announcements" lines (#35-#38), bullets "* 18:45 Talk 1: Title by X (Aff)"
(#69+), or a time line followed by indented title / speaker / abstract lines (#45-#54). The agenda starts at an
"Agenda"/"Schedule" heading or marker paragraph and ends at the talk details or the closing prose.
"""

import datetime
import re
from dataclasses import dataclass

from markdown_it.token import Token

from ..markdown import Block, inline_text
from ..names import Person, looks_like_person, parse_speaker_line
from .talk_headers import section_header_title, split_talk_line, title_speaker_paragraph

AGENDA_MARKER = re.compile(
    r"^(?:our\s+)?(?:agenda|schedule)(?:\s+for\s+this\s+meetup|\s+is\s+as\s+follows)?\s*:?\s*$", re.I
)
TIME_RANGE = re.compile(
    r"^~?(\d{1,2})[:.](\d{2})(?:\s*(?:CET|CEST))?(?:\s*[-–]\s*~?(\d{1,2})[:.](\d{2}))?\s*:?\s*"
)
# A talk an agenda group names: (title, people, abstract lines).
AgendaTalk = tuple[str, list[Person], list[str]]


def split_time_prefix(line: str) -> tuple[datetime.time | None, datetime.time | None, str]:
    """ "18:30 - 18:40 Welcome" -> (18:30, 18:40, "Welcome"); "21:00: Networking" -> (21:00, None, "Networking")."""
    match = TIME_RANGE.match(line.strip())
    if not match:
        return None, None, line.strip()
    start = datetime.time(int(match[1]), int(match[2]))
    end = datetime.time(int(match[3]), int(match[4])) if match[3] else None
    return start, end, line.strip()[match.end() :].strip()


def opens_agenda(opening: Token, first_line: str) -> bool:
    """ "Agenda:", "Schedule", "Our Agenda for this meetup:", "The agenda is as follows:"."""
    lowered = first_line.lower()
    return opening.type == "paragraph_open" and (
        bool(AGENDA_MARKER.match(first_line))
        or lowered.endswith("agenda for this meetup:")
        or lowered.startswith("our agenda")
    )


def collect_agenda_blocks(blocks: list[Block]) -> list[Block]:
    """The blocks between an agenda heading or marker and the end of the agenda."""
    agenda_blocks: list[Block] = []
    in_agenda = False
    for opening, inline in blocks:
        content = inline_text(inline).strip() if inline is not None else ""
        if opening.type == "heading_open":
            in_agenda = bool(re.match(r"^agenda", content, re.I))
            continue
        if opens_agenda(opening, content.split("\n")[0]):
            in_agenda = True
            if "\n" in content:  # "Our Agenda for this meetup:\n18:30 - 18:40 Welcome …" in one paragraph
                first, last = opening.map or (0, 0)
                agenda_blocks.append((Token("paragraph_open", "p", 1, map=[first + 1, last], level=0), None))
            continue
        if in_agenda and opening.type == "hr":
            in_agenda = not agenda_blocks  # "## Agenda:" + "***" (#67): the rule opens the agenda
            continue
        if in_agenda and ends_agenda(opening, inline, content):
            in_agenda = False
            continue
        if in_agenda:
            agenda_blocks.append((opening, inline))
    return agenda_blocks


def classify_slot(title: str) -> str:
    lowered = title.lower().strip(": ")
    if re.match(r"^(welcome|introduction|intro)\b", lowered):
        return "welcome"
    if re.search(r"\btalk\b", lowered):
        return "talk"
    if "hot topic" in lowered or "hot paper" in lowered or "latest news" in lowered:
        return "hot_topics"
    if "announcement" in lowered or "annoucement" in lowered or re.search(r"\bjobs?\b", lowered):
        return "announcements"
    if re.search(r"\bbreak\b", lowered):
        return "break"
    if "networking" in lowered or "discussion" in lowered:
        return "networking"
    if "welcome" in lowered or "introduction" in lowered:
        return "welcome"
    return "other"


def clean_line(line: str) -> str:
    """An agenda or header line without bullets, bold markers and indentation."""
    line = line.strip()
    line = re.sub(r"^[*•-]\s+", "", line)
    line = line.replace("**", "").strip()
    return re.sub(r"^;\s*", "", line).strip()


@dataclass
class AgendaGroup:
    start: datetime.time | None
    end: datetime.time | None
    lines: list[str]
    line: int
    struck: bool = False


def read_agenda_groups(text_lines: list[str], blocks: list[Block]) -> list[AgendaGroup]:
    """Agenda blocks -> groups of lines, each group starting at a time or a bullet."""
    groups: list[AgendaGroup] = []
    previous_kind = ""
    for opening, _inline in blocks:
        if not opening.map:
            continue
        if opening.type == "list_item_open":
            previous_kind = "item"
            continue
        first, last = opening.map
        raw_lines = text_lines[first:last]
        kind = opening.type
        starts_new_group = kind == "paragraph_open" and previous_kind in ("code_block", "")
        if opening.level > 0 and kind == "paragraph_open":  # a paragraph inside a bullet
            starts_new_group = True
        for offset, raw in enumerate(raw_lines):
            if not raw.strip():
                continue
            struck = "~~" in raw
            line = clean_line(raw.replace("~~", ""))
            if not line:
                continue
            start, end, rest = split_time_prefix(line)
            if start is not None or starts_new_group or not groups:
                groups.append(AgendaGroup(start, end, [rest] if rest else [], first + offset + 1, struck))
                starts_new_group = False
            else:
                groups[-1].lines.append(line)
                groups[-1].struck = groups[-1].struck or struck
        previous_kind = kind
    return groups


def agenda_group_talks(group: AgendaGroup) -> list[AgendaTalk]:
    """Talks named in one agenda group: [(title, people, abstract lines)]."""
    talks: list[AgendaTalk] = []
    lines = [re.sub(r"^(\*\*)?\s*CANCELLED\s*(\*\*)?\s*", "", line, flags=re.I) for line in group.lines]
    index = 0
    while index < len(lines):
        line = lines[index]
        next_line = lines[index + 1] if index + 1 < len(lines) else ""
        quoted = re.match(r'^"(.+)"\s+by\s+(.+?)(?:\s+\*?postponed\*?)?$', line)
        if quoted and parse_speaker_line(quoted[2]):
            talks.append((quoted[1], parse_speaker_line(quoted[2]), []))
            index += 1
            continue
        is_talk_label = bool(re.match(r"^(talk\s*\d*|short talk)\s*:", line, re.I))
        next_people = parse_speaker_line(next_line) if next_line and len(next_line) < 120 else []
        next_is_speaker = bool(next_people) and (
            next_line.lower().startswith("by ")
            or "," in next_line
            or "(" in next_line
            or looks_like_person(next_line)
        )
        if next_is_speaker and not parse_speaker_line(line) and len(line) < 200:
            title = re.sub(r"^(talk\s*\d*|short talk)\s*:\s*", "", line, flags=re.I).strip()
            talks.append((title, next_people, []))
            index += 2
            continue
        if is_talk_label:
            title, people = split_talk_line(line)
            if title:
                talks.append((title, people, []))
                index += 1
                continue
        if talks and len(line) > 60 and classify_slot(line) in ("other", "talk"):
            talks[-1][2].append(line)
        index += 1
    return talks


def ends_agenda(opening: Token, inline: Token | None, content: str) -> bool:
    """The agenda stops at "Details:"/"The talks:", at a talk header or at the closing prose."""
    if opening.type != "paragraph_open":
        return False
    if content.lower().rstrip(":") in ("details", "the talks"):
        return True
    raw = inline.content if inline is not None else ""
    header = section_header_title(opening, inline) is not None
    plain_pair = (
        title_speaker_paragraph(opening, inline_text(inline)) is not None if inline is not None else False
    )
    if header and not plain_pair and not re.match(r"^\**\s*\d{1,2}:\d{2}", raw):
        return True
    closing = r"^(after|afterwards|we |very much|looking|hope|tom|rené|rene)\b"
    return inline is not None and opening.level == 0 and bool(re.match(closing, content, re.I))
