"""The announcement prose of a README: what the event page shows as its description.

It runs from the "Details" heading (or, without one, from the first paragraph that is not a header line) to the
agenda, the talk details or the first horizontal rule.
"""

import re

from markdown_it.token import Token

from ..links import MEETUP_URL
from ..markdown import Block, inline_text

# Where the prose stops for an agenda: "Agenda", "Schedule:", "Our Agenda for this meetup:", "Our agenda is as
# follows:". Looser markers ("This is our agenda for …:", #8, #15) open an agenda that the prose goes on after
# (talk details, the host's thanks), so the description keeps running there.
DESCRIPTION_END = re.compile(
    r"^(?:our\s+)?(?:agenda|schedule)(?:\s+for\s+this\s+meetup|\s+is\s+as\s+follows)?\s*:?\s*$", re.I
)
# "10 June 2026 @ ÖBB Innovation Factory" (#74, #75)
DATE_AT_VENUE = re.compile(r".+\d{4}\s+@\s+.+")


def is_details_heading(opening: Token, inline: Token | None) -> bool:
    return (
        opening.type == "heading_open" and inline is not None and inline.content.strip().lower() == "details"
    )


def read_description(text_lines: list[str], blocks: list[Block]) -> str:
    start = description_start(blocks)
    end = description_end(blocks, start, default=len(text_lines))
    return "\n".join(text_lines[start:end]).strip()


def description_start(blocks: list[Block]) -> int:
    """The line after "Details", else the first top-level paragraph that is not a header line."""
    for opening, inline in blocks:
        if is_details_heading(opening, inline):
            return opening.map[1] if opening.map else 0
    for opening, inline in blocks:
        if opening.type == "paragraph_open" and opening.level == 0 and inline is not None:
            if is_header_line(inline.content.strip()):
                continue
            return opening.map[0] if opening.map else 0
    return 0


def is_header_line(content: str) -> bool:
    """A bare meetup.com URL, "date @ venue", a banner image or the "Slides:" list: not prose."""
    if MEETUP_URL.fullmatch(content) or DATE_AT_VENUE.fullmatch(content):
        return True
    return content.startswith("![") or content.startswith("Slides:") or content.startswith("[[")


def description_end(blocks: list[Block], start: int, *, default: int) -> int:
    """Where the agenda, the talk details or a horizontal rule begins after `start`."""
    for opening, inline in blocks:
        if not opening.map or opening.map[0] < start:
            continue
        content = inline_text(inline).strip() if inline is not None else ""
        if opening.type == "heading_open" and re.match(
            r"^(agenda|talk details|talk abstract)", content, re.I
        ):
            return opening.map[0]
        if opening.type == "paragraph_open" and DESCRIPTION_END.match(content.split("\n")[0]):
            return opening.map[0]
        if opening.type == "hr" and opening.map[0] > start:
            return opening.map[0]
    return default
