"""Where a README's agenda is: the blocks from its heading or marker line to its last time, separator or bullet.

Between the structure lines anything goes (a talk's speaker line, its abstract, even the abstract's own bullet
lists and "We will …" sentences, #52), so the agenda is not cut at the first prose paragraph; it ends at a heading,
a "Details:" line, a rule or a talk section, and after its last structure line only a short closing line (the
"Wrap up & End" under a lone "21:30", #61) still belongs to it. A README without a marker may still write its
schedule as timed prose paragraphs ("17:45 - Gathering at …", #4).
"""

import re

from markdown_it.token import Token

from ..markdown import Block, inline_text
from .agenda import TIME_RANGE
from .talk_headers import TALK_HEADER

# "Agenda:", "Schedule", "Our agenda is as follows:", "This is our agenda for our meetup on January 9th, 2018:"
AGENDA_MARKER = re.compile(
    r"^(?:this is |here is )?(?:our |the )?(?:agenda|schedule)(?:\s+(?:for|is)\b[^:]*)?\s*:?\s*$"
    r"|^we will have the following program:\s*$",
    re.I,
)
# Lines after which the talks are described, not scheduled.
DETAILS_MARKER = re.compile(
    r"^(details|the talks|here are the details about the talks|please find the details)\b", re.I
)
SEPARATOR = re.compile(r"^\W*::.*::\W*$")  # ":: Break & Networking ::" (#45-#55)
BULLET = re.compile(r"^\s*•")  # gen A writes bullets as "•" paragraphs (#5-#12)
SHORT_LINE = 80


def collect_agenda_blocks(text_lines: list[str], blocks: list[Block]) -> tuple[list[Block], bool]:
    """The agenda's blocks, and whether they are timed prose rather than an agenda. A marker paragraph that goes on
    with the agenda ("Our Agenda for this meetup:\n18:30 - 18:40 Welcome …") yields a block for its other lines."""
    start = agenda_start(blocks)
    if start is None:
        prose = prose_schedule(blocks)
        return prose, bool(prose)
    opening, inline = blocks[start]
    first: list[Block] = []
    if opening.type == "paragraph_open" and "\n" in inline_text(inline).strip():
        begin, end = opening.map or (0, 0)
        first = [(Token("paragraph_open", "p", 1, map=[begin + 1, end], level=0), None)]
    candidates = first + blocks[start + 1 : agenda_end(blocks, start + 1)]
    return up_to_last_structure(text_lines, candidates), False


def agenda_start(blocks: list[Block]) -> int | None:
    for index, (opening, inline) in enumerate(blocks):
        content = inline_text(inline).strip() if inline is not None else ""
        if opening.type == "heading_open" and re.match(r"^agenda", content, re.I):
            return index
        if (
            opening.type == "paragraph_open"
            and opening.level == 0
            and AGENDA_MARKER.match(content.split("\n")[0])
        ):
            return index
    return None


def agenda_end(blocks: list[Block], start: int) -> int:
    """The first block after `start` that certainly is no agenda: a heading, "Details:", a rule after agenda
    content ("## Agenda:" + "***" opens one, #67) or a bold talk section header."""
    for index in range(start, len(blocks)):
        opening, inline = blocks[index]
        content = inline_text(inline).strip() if inline is not None else ""
        if opening.type == "heading_open" or (
            opening.type == "paragraph_open" and DETAILS_MARKER.match(content)
        ):
            return index
        if opening.type == "hr" and index > start:
            return index
        if is_bold_talk_header(inline, content):
            return index
    return len(blocks)


def is_bold_talk_header(inline: Token | None, content: str) -> bool:
    """ "**Talk:\nOpenAI: CLIP & DALL·E**" (#38), "**Talk Abstract: …**" (#56), but not "**18:45\nTalk 1: …**" (#64)."""
    if inline is None or not inline.content.lstrip().startswith("**"):
        return False
    return bool(TALK_HEADER.match(content)) and not TIME_RANGE.match(content)


def block_lines(text_lines: list[str], opening: Token) -> list[str]:
    first, last = opening.map or (0, 0)
    return [line for line in text_lines[first:last] if line.strip()]


def is_structure_line(line: str) -> bool:
    """A time ("18:30", "~ 22:00 Wrap up", "* 18:45 Talk 1: …"), a ":: separator ::" or a "•" bullet."""
    text = re.sub(r"^\s*(?:[*-]\s+|\d+\.\s+)?(?:\*\*|~~)?", "", line)
    return bool(TIME_RANGE.match(text) or SEPARATOR.match(line.strip()) or BULLET.match(line))


def is_structure_block(text_lines: list[str], opening: Token) -> bool:
    if opening.type == "paragraph_open" and opening.level > 0:  # a list item's paragraph
        return True
    return any(is_structure_line(line) for line in block_lines(text_lines, opening))


def up_to_last_structure(text_lines: list[str], candidates: list[Block]) -> list[Block]:
    """The candidates up to the last structure block, and after it the short lines a lone time announces."""
    structure = [i for i, (opening, _) in enumerate(candidates) if is_structure_block(text_lines, opening)]
    if not structure:
        return []
    last = structure[-1]
    kept = candidates[: last + 1]
    if not ends_with_lone_time(text_lines, candidates[last][0]):
        return kept
    for opening, inline in candidates[last + 1 :]:
        lines = block_lines(text_lines, opening)
        if opening.type not in ("paragraph_open", "code_block") or any(
            len(line) > SHORT_LINE for line in lines
        ):
            break
        kept.append((opening, inline))
    return kept


def ends_with_lone_time(text_lines: list[str], opening: Token) -> bool:
    lines = block_lines(text_lines, opening)
    return bool(lines) and bool(re.fullmatch(r"\W*~?\s*\d{1,2}[:.]\d{2}\W*", lines[-1]))


def prose_schedule(blocks: list[Block]) -> list[Block]:
    """Top-level paragraphs that start with a time ("17:45 - Gathering at …", "19:15 - Get together …", #4):
    a schedule written in prose, when there are at least two of them."""
    timed = [
        (opening, inline)
        for opening, inline in blocks
        if opening.type == "paragraph_open"
        and opening.level == 0
        and inline is not None
        and re.match(r"^\d{1,2}[:.]\d{2}\s*(?:[-–]\s*\d{1,2}[:.]\d{2}\s*)?[-–]\s+\w", inline.content)
    ]
    return timed if len(timed) >= 2 else []
