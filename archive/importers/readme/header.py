"""The facts at the top of a README: title, meetup number, date, venue and meetup.com page.

Generations A and B state them as header bullets ("* Date: 2016-12-01"); generation C only in a title, a bare
meetup.com URL line, "10 June 2026 @ ÖBB Innovation Factory", or in prose, often without the year
("on Septemer 11th"). See fixtures/source/FORMATS.md §2.
"""

import datetime
import re

from markdown_it.token import Token

from common.text import ORDINAL_TITLE, ordinal

from ..links import MEETUP_URL, normalise_meetup_url
from ..markdown import Block, block_line, inline_text
from ..records import ReportEntry
from .facts import ReadmeFacts

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan", "jänner"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept", "septemer"),  # "Septemer" is written in #61
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
MONTH_PATTERN = "|".join(sorted(MONTHS, key=len, reverse=True))
# "on March 19th, 2025", "on January 17", "on Septemer 11th"
MONTH_DAY = re.compile(rf"\b({MONTH_PATTERN})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?", re.I)
# "10 June 2026", "23 Sep 2026"
DAY_MONTH = re.compile(rf"\b(\d{{1,2}})\.?\s+({MONTH_PATTERN})\.?(?:\s+(\d{{4}}))?\b", re.I)
# "takes place on Tuesday, March 19th, 2025": the first such phrase dates the meetup.
PROSE_DATE = re.compile(
    rf"\bon\s+(?:\w+day,\s+)?((?:{MONTH_PATTERN})\.?\s+\d{{1,2}}\w*(?:,?\s+\d{{4}})?)", re.I
)


# "Begin Time: 18:30" (#14), "We will start at 18:30 sharp" (#11), "this meetup starts at 18:00" (#27), and a time
# right after the date: "April 7, 6:30 pm" (#1), "August 20 at 19:00" (#34), "4th of September, 16:00" (AI Summit).
TIME = r"(\d{1,2})(?:[:.](\d{2}))?\s*(pm|am)?"
PROSE_START = re.compile(
    rf"\b(?:begin time|we (?:will )?start|meetup starts)\s*(?:at|:)?\s*{TIME}(?!\s*[-–]\s*\d)"
    rf"|\b(?:(?:{MONTH_PATTERN})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+of\s+(?:{MONTH_PATTERN}))"
    rf",?\s+(?:at\s+)?{TIME}\b",
    re.I,
)


def parse_date_text(text: str) -> tuple[datetime.date | None, tuple[int, int] | None]:
    """A prose date -> (full date, None) or (None, (month, day)) when the year is missing."""
    for pattern, month_group, day_group in ((MONTH_DAY, 1, 2), (DAY_MONTH, 2, 1)):
        match = pattern.search(text)
        if match:
            month = MONTHS[match[month_group].lower()]
            day = int(match[day_group])
            if not 1 <= day <= 31:
                continue
            if match[3]:
                return datetime.date(int(match[3]), month, day), None
            return None, (month, day)
    return None, None


def default_meetup_title(number: int) -> str:
    """ "75th Vienna Deep Learning Meetup": the title of a meetup whose sources give none (or a wrong one)."""
    return f"{ordinal(number)} Vienna Deep Learning Meetup"


def read_header(facts: ReadmeFacts, blocks: list[Block]) -> None:
    """Title, number, date, venue and meetup page, from whichever form this README's generation uses."""
    read_title_and_number(facts, blocks)
    read_header_bullets(facts, blocks)
    read_current_header_lines(facts, blocks)
    if facts.date is None:
        read_prose_date(facts, blocks)
    read_prose_start_time(facts, blocks)


def read_prose_start_time(facts: ReadmeFacts, blocks: list[Block]) -> None:
    """The start time the prose gives ("Begin Time: 18:30"); the agenda's first time wins where there is one."""
    for opening, inline in blocks:
        match = PROSE_START.search(inline.content) if inline is not None else None
        if match is None:
            continue
        hour, minute, meridiem = (
            (match[1], match[2], match[3]) if match[1] else (match[4], match[5], match[6])
        )
        if minute is None and meridiem is None:
            continue  # "March 19th, 2025": a year, no time
        hour_number = int(hour) + (12 if (meridiem or "").lower() == "pm" and int(hour) < 12 else 0)
        if 0 <= hour_number < 24:
            facts.start_time = datetime.time(hour_number, int(minute or 0))
            facts.start_time_words = " ".join(match[0].split())
            facts.start_time_line = block_line(opening)
            return


def read_title_and_number(facts: ReadmeFacts, blocks: list[Block]) -> None:
    for opening, inline in blocks:
        # The title is an h1 naming the meetup ("# Talk Details:" in #64 is not one).
        if opening.type == "heading_open" and opening.tag == "h1" and inline is not None:
            heading = inline_text(inline).strip()
            if re.search(r"meetup|summit", heading, re.I):
                facts.title = heading
                break
    folder_number = re.search(r"Meetup_(\d+)/", facts.source)
    title_number = ORDINAL_TITLE.search(facts.title)
    if title_number:
        facts.number = int(title_number[1])
    elif folder_number:
        facts.number = int(folder_number[1])


def find_header_bullets(blocks: list[Block]) -> dict[str, tuple[str, int, Token]]:
    """ "* Date: 2016-12-01", "* Venue: …", "* Meetup Page: …" -> {lowercased label: …}."""
    found: dict[str, tuple[str, int, Token]] = {}
    for opening, inline in blocks:
        if opening.type != "paragraph_open" or inline is None or opening.level == 0:
            continue
        match = re.match(r"^(Date|Venue|Meetup Page)\s*:\s*(.*)$", inline.content.strip(), re.S)
        if match and match[1].lower() not in found:
            found[match[1].lower()] = (match[2].strip(), block_line(opening), inline)
    return found


def read_header_bullets(facts: ReadmeFacts, blocks: list[Block]) -> None:
    header = find_header_bullets(blocks)
    if "date" in header:
        value, line, _ = header["date"]
        try:
            facts.date = datetime.date.fromisoformat(value)
            facts.date_line = line
        except ValueError:
            facts.report.append(ReportEntry("warning", f"unreadable date {value!r}", facts.source, line))
    if "venue" in header:
        facts.venue_text = header["venue"][0]
    if "meetup page" in header:
        facts.meetup_url = normalise_meetup_url(header["meetup page"][0])


def read_current_header_lines(facts: ReadmeFacts, blocks: list[Block]) -> None:
    """Current format: a bare meetup.com URL line and "10 June 2026 @ ÖBB Innovation Factory"."""
    for opening, inline in blocks:
        if opening.type != "paragraph_open" or inline is None or opening.level > 0:
            continue
        content = inline.content.strip()
        if not facts.meetup_url and MEETUP_URL.fullmatch(content.strip("<>")):
            facts.meetup_url = normalise_meetup_url(content)
        at_match = re.fullmatch(r"(.+?\d{4})\s+@\s+(.+)", content)
        if at_match and facts.date is None:
            date, _ = parse_date_text(at_match[1])
            if date:
                facts.date, facts.date_line = date, block_line(opening)
                facts.venue_text = facts.venue_text or at_match[2].strip()


def read_prose_date(facts: ReadmeFacts, blocks: list[Block]) -> None:
    """Prose dates ("on March 19th, 2025", "on Septemer 11th"): the first one in the text."""
    for opening, inline in blocks:
        if inline is None or opening.type != "paragraph_open":
            continue
        match = PROSE_DATE.search(inline.content)
        if match:
            date, month_day = parse_date_text(match[1])
            facts.date, facts.date_without_year = date, month_day
            facts.date_line = block_line(opening)
            break
