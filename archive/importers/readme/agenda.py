"""A README's agenda: its lines grouped into timed slots, and the talks and plain slots each group names.

Agendas come as "18:30 - 18:40 Welcome & Announcements" lines (#35-#38), bullets "* 18:45 Talk 1: Title by X (Aff)"
(#69+), a lone time followed by title / speaker / abstract lines, indented or not (#45-#68), or untimed "•" bullets
"Title (Speaker)" (#5-#15). A group starts at a time, a ":: separator ::" or a bullet; its first entry takes the
time. A talk is a title over a speaker line, "Talk N: Title by X", '"Title" by X' or "Title (X, Org)"; other lines
are plain slots, or the abstract of the talk above them. Struck-through, cancelled or postponed groups are kept,
marked cancelled and without a time (#15, #38, #67).
"""

import datetime
import re
from dataclasses import dataclass, field

from markdown_it.token import Token

from ..markdown import Block
from ..names import Person, looks_like_person, parse_speaker_line, strip_honorifics
from .talk_headers import split_talk_line

TIME_RANGE = re.compile(
    r"^~?\s*(\d{1,2})[:.](\d{2})(?:\s*(?:CET|CEST))?(?:\s*[-–]\s*~?\s*(\d{1,2})[:.](\d{2}))?\s*[:\-–]?\s*"
)
SEPARATOR = re.compile(r"^::.*::$")  # ":: Break & Networking ::" (#45-#55)
CANCELLED = re.compile(r"~~|\bcancel(?:led|ed)?\b|\bpostponed\b", re.I)
# "** CANCELLED **", "- CANCELLED", "*postponed*", "(cancelled)": marks, not part of a title.
CANCEL_MARK = re.compile(
    r"^[\s(*]*(?:cancelled|postponed)[\s)*:]*(?=\S)|[\s\-–(*]*(?:cancelled|postponed)[\s)*]*$", re.I
)
DESCRIPTION = 60  # longer lines under a talk are its abstract
# A welcome slot's title: never a talk, even naming a person ("Welcome (Tom Lidy)", #11); the merge uses it too.
WELCOME = re.compile(r"^(welcome|introduction by|introduction & welcome)\b", re.I)


def split_time_prefix(line: str) -> tuple[datetime.time | None, datetime.time | None, str]:
    """ "18:30 - 18:40 Welcome" -> (18:30, 18:40, "Welcome"); "~ 22:00 Wrap up" -> (22:00, None, "Wrap up");
    "17:45 - Gathering at …" (#4) -> (17:45, None, "Gathering at …")."""
    match = TIME_RANGE.match(line.strip())
    if not match:
        return None, None, line.strip()
    start = datetime.time(int(match[1]), int(match[2]))
    end = datetime.time(int(match[3]), int(match[4])) if match[3] else None
    return start, end, line.strip()[match.end() :].strip()


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


def plain_slot_kind(title: str) -> str:
    """The kind of a slot that holds no talk: a title naming a talk does not make it a talk slot."""
    kind = classify_slot(title)
    return "other" if kind == "talk" else kind


def clean_line(line: str) -> str:
    """An agenda line without bullets, bold markers, strike marks and indentation."""
    line = line.replace("~~", "").strip()
    line = re.sub(r"^(?:[*•-]|\d+\.)\s+", "", line)
    line = line.replace("**", "").strip()
    return re.sub(r"^;\s*", "", line).strip()


@dataclass
class AgendaLine:
    text: str
    line: int  # 1-based line in the README
    bullet: bool = False  # opens a list item or a "•" paragraph
    struck: bool = False


@dataclass
class AgendaGroup:
    start: datetime.time | None
    end: datetime.time | None
    lines: list[str]
    line: int
    cancelled: bool = False
    approximate: bool = False  # "~ 22:00" (#68)


def agenda_lines(text_lines: list[str], blocks: list[Block]) -> list[AgendaLine]:
    lines: list[AgendaLine] = []
    for opening, _inline in blocks:
        if not opening.map or opening.type not in ("paragraph_open", "code_block", "fence"):
            continue
        first, last = opening.map
        for offset, raw in enumerate(text_lines[first:last]):
            text = clean_line(raw)
            if text:
                bullet = raw.lstrip().startswith("•") or (offset == 0 and is_list_paragraph(opening))
                lines.append(AgendaLine(text, first + offset + 1, bullet, "~~" in raw))
    return lines


def is_list_paragraph(opening: Token) -> bool:
    return opening.type == "paragraph_open" and opening.level > 0


def read_agenda_groups(text_lines: list[str], blocks: list[Block]) -> list[AgendaGroup]:
    """Agenda blocks -> groups of lines, each group starting at a time, a separator or a bullet."""
    groups: list[AgendaGroup] = []
    for line in agenda_lines(text_lines, blocks):
        start, end, rest = split_time_prefix(line.text)
        current = groups[-1] if groups else None
        if start is not None:
            approximate = line.text.startswith("~")
            groups.append(AgendaGroup(start, end, [rest] if rest else [], line.line, approximate=approximate))
        elif current is None or starts_group(current, line):
            groups.append(AgendaGroup(None, None, [line.text], line.line))
        else:
            current.lines.append(line.text)
        groups[-1].cancelled = groups[-1].cancelled or line.struck or bool(CANCELLED.search(line.text))
    return [group for group in groups if group.lines]


def starts_group(current: AgendaGroup, line: AgendaLine) -> bool:
    """A separator or bullet opens a group, but not right under a lone time (it takes that time) and not inside a
    talk's description (the abstract's own lists, #52)."""
    if current.start is not None and not current.lines:
        return False
    if SEPARATOR.match(line.text):
        return True
    return line.bullet and not describes_talk(current.lines)


def describes_talk(lines: list[str]) -> bool:
    """A speaker line with a long line below it: the group has reached a talk's abstract."""
    speaker_at = next((i for i, line in enumerate(lines) if speaker_strength(line) > 0), None)
    return speaker_at is not None and any(len(line) > DESCRIPTION for line in lines[speaker_at + 1 :])


# How surely a line names speakers: a title can look like a bare name ("Physics Informed Neural Networks") or
# like "Name - Org" ("Neural Program Synthesis – An Overview"), so a title sits over a line that names more surely.
STATED = 3  # "by X", "X, Org", "X (Org)", "X; Y"
NAMES = 2  # "X and Y", "X & Y"
BARE = 1  # "X", "X - Org"


def speaker_strength(line: str) -> int:
    """STATED, NAMES or BARE for a line naming speakers, 0 for any other line."""
    if not parse_speaker_line(line):
        return 0
    if re.match(r"^(by|von)\s", line.strip(), re.I):
        return STATED
    match = re.match(r"^(.+?)(\s*[,(;]|\s+(?:and|&)\s+|\s+[-–—](?:\s|\W*$)|$)", line.strip())
    if match is None or not looks_like_person(strip_honorifics(match[1])):
        return 0
    separator = match[2].strip()[:1]
    if separator in (",", "(", ";"):
        return STATED
    return NAMES if separator in ("a", "&") else BARE


@dataclass
class AgendaItem:
    """One entry of a group: a talk (title, people, abstract) or a plain slot (title only)."""

    title: str
    people: list[Person] = field(default_factory=list)
    abstract: list[str] = field(default_factory=list)
    is_talk: bool = False
    hot: bool = False  # under a "Hot Papers session" label (#48-#50)
    short: bool = False  # "Short Talk: …" (#70)


def group_items(group: AgendaGroup) -> list[AgendaItem]:
    lines = [CANCEL_MARK.sub(" ", line).strip() for line in group.lines]
    lines = [line for line in lines if line and not line.startswith("->")]  # "-> this talk will be postponed"
    items: list[AgendaItem] = []
    index, hot = 0, False
    while index < len(lines):
        found = talk_at(lines, index)
        if found is not None:
            item, used = found
            item.hot = hot
            items.append(item)
            index, hot = index + used, False
        elif is_label(lines, index):
            hot = classify_slot(lines[index]) == "hot_topics"
            index += 1
        else:
            add_plain_line(items, lines[index], first=index == 0)
            index += 1
    return items


def is_label(lines: list[str], index: int) -> bool:
    """ "Talk 1", "Talk 2 - AI in BioMedicine" (#47), "Hot Papers session" (#48-#50), "brief Automic Intro:"
    (#5): a short line that only introduces the talk under it."""
    line = lines[index]
    if index + 1 >= len(lines) or len(line) > DESCRIPTION:
        return False
    if line.endswith(":"):
        return True
    return talk_at(lines, index + 1) is not None and classify_slot(line) in ("talk", "hot_topics", "other")


def add_plain_line(items: list[AgendaItem], line: str, *, first: bool) -> None:
    """A plain slot, or the abstract of the talk above: a long line, or any line once the abstract began."""
    talk = items[-1] if items and items[-1].is_talk else None
    keyword = classify_slot(line) not in ("other", "talk") and len(line) < DESCRIPTION
    if talk is not None and not keyword and (talk.abstract or len(line) > DESCRIPTION):
        talk.abstract.append(line)
    elif first or not (len(line) >= 80 and line.endswith(".")):  # a sentence describes a slot, it is none
        items.append(AgendaItem(slot_title(line)))


def slot_title(line: str) -> str:
    """ ":: Break & Networking ::" -> "Break & Networking"; a trailing dash or a bare link goes too (#4, #64)."""
    line = re.sub(r"\s*https?://\S+", "", line)
    return line.strip(": ").rstrip(" -–") if SEPARATOR.match(line) else line.rstrip(" -–")


def talk_at(lines: list[str], index: int) -> tuple[AgendaItem, int] | None:
    """The talk starting at lines[index] and how many lines it takes, or None."""
    line = lines[index]
    next_line = lines[index + 1] if index + 1 < len(lines) else ""
    quoted = re.match(r'^"(.+)"\s+by\s+(.+)$', line)
    if quoted and (people := parse_speaker_line(quoted[2])):
        return AgendaItem(quoted[1], people, is_talk=True), 1
    if re.match(r"^(talk\s*\d*|short talk)\s*:", line, re.I):
        return labelled_talk(lines, index)
    in_parentheses = re.fullmatch(r"(.+?)\s*\(([^()]+)\)(?::.*)?", line)
    # "Welcome (Tom Lidy)", "Introduction by our host: Casinos Austria (Isabell Brandenberger)" (#11) are no talks.
    welcome = in_parentheses is not None and bool(WELCOME.match(in_parentheses[1]))
    if in_parentheses and not welcome and speaker_strength(in_parentheses[2]) >= BARE:
        return AgendaItem(in_parentheses[1], parse_speaker_line(in_parentheses[2]), is_talk=True), 1
    if (
        next_line
        and not line.endswith(":")
        and len(line) < 200
        and speaker_strength(line) < speaker_strength(next_line)
    ):
        return with_affiliation_line(line.rstrip(" -–"), parse_speaker_line(next_line), lines, index)
    return None


def labelled_talk(lines: list[str], index: int) -> tuple[AgendaItem, int] | None:
    """ "Talk 1: Title by X (Org)", "Talk 1: Title - X, Org", or "Talk 1: Title" over "by X" (#67)."""
    title, people = split_talk_line(lines[index])
    next_line = lines[index + 1] if index + 1 < len(lines) else ""
    found = (
        with_affiliation_line(title.rstrip(" -–:"), parse_speaker_line(next_line), lines, index)
        if not people and speaker_strength(next_line)
        else (AgendaItem(title, people, is_talk=True), 1)
    )
    found[0].short = lines[index].lower().startswith("short talk")
    return found if found[0].title else None


def with_affiliation_line(
    title: str, people: list[Person], lines: list[str], index: int
) -> tuple[AgendaItem, int]:
    """A title at lines[index] over a speaker line; names without affiliations may have theirs on the line after,
    shared ("Sebastian Schaffer and Lukas Exl" / "Wolfgang Pauli Institute // … University of Vienna", #49)."""
    line = lines[index + 2] if index + 2 < len(lines) else ""
    if (
        line
        and all(not affiliation for _, affiliation in people)
        and len(line) <= 160
        and not line.endswith(".")
        and classify_slot(line) == "other"
        and not speaker_strength(line)
        and talk_at(lines, index + 2) is None
    ):
        return AgendaItem(title, [(name, line) for name, _ in people], is_talk=True), 3
    return AgendaItem(title, people, is_talk=True), 2
