"""Recognising the line or block that opens a talk, in every style the READMEs used.

"### Talk 1: Title" (#65+), "**Talk 1:\nTitle**\nby X (Aff)" (#19-#33), "**Short Talk:\nTitle** by X" (#28, #33),
'**Alex Champandard: "Neural Networks for Image Synthesis"**' (#2, #3), "• Kornél Kis: Title" (#5-#12),
"Title\nSpeaker, Affiliation" (#44, #61). Each recogniser gives (title, [(name, affiliation)]) or None.
"""

import re

from markdown_it.token import Token

from ..markdown import inline_text
from ..names import Person, looks_like_person, parse_speaker_line

TALK_HEADER = re.compile(
    r"^(?:talk(?:\s*\d+)?|short\s+talk|short\s+presentation|talk\s+abstract)\s*:\s*(.*)$", re.I | re.S
)
TALK_NUMBER = re.compile(r"^\**\s*talk\s*(\d+)\b", re.I)

TalkHeader = tuple[str, list[Person]]


def split_talk_line(text: str) -> TalkHeader:
    """ "Talk 1: Title by Speaker (Aff)" / "Talk 1: Title - Speaker, Aff" -> (title, [(name, aff)])."""
    text = re.sub(r"^(?:talk\s*\d*|short talk)\s*:\s*", "", text.strip(), flags=re.I)
    for separator in (" by ", " - ", " – "):
        head, found, tail = text.rpartition(separator)
        if found and head:
            people = parse_speaker_line(tail)
            if people:
                return head.strip(), people
    return text.strip(), []


def section_header_title(
    opening: Token, inline: Token | None, in_talk_details: bool = False
) -> TalkHeader | None:
    """A talk header: "### Talk 1: Title", "**Talk 1:\nTitle**\nby X", "**Short Talk:\nTitle** by X".

    Under a "Talk Details" heading every h2/h3 is a talk, even without "Talk N:" (#67).
    """
    if inline is None:
        return None
    text = inline_text(inline).strip()
    old_style = old_style_talk_header(opening, text)
    if old_style is not None:
        return old_style
    if opening.type == "heading_open":
        return heading_talk_header(opening, text, in_talk_details)
    return labelled_talk_paragraph(opening, text) or bold_talk_header(opening, inline, text)


def labelled_talk_paragraph(opening: Token, text: str) -> TalkHeader | None:
    """ "Main talk: Title - Michael Pieler, contextflow" / "Short talk: Title - Jan Schlüter, JKU" (#43)."""
    match = re.match(r"^(?:main|short)\s+talk\s*:\s*(.+)", text.split("\n")[0], re.I)
    if opening.type != "paragraph_open" or opening.level > 0 or match is None:
        return None
    title, people = split_talk_line(match[1])
    return (title, people) if people else None


def heading_talk_header(opening: Token, text: str, in_talk_details: bool) -> TalkHeader | None:
    """ "### Talk 1: Title"; any h2/h3 under "Talk Details"."""
    if opening.tag not in ("h2", "h3"):
        return None
    match = TALK_HEADER.match(text)
    if match:
        return (match[1].strip() or text.rstrip(":")), []
    if in_talk_details:
        return text, []
    return None


def bold_talk_header(opening: Token, inline: Token, text: str) -> TalkHeader | None:
    """ "**Talk 1:\nTitle**\nby X (Aff)" and "**Short Talk:\nTitle** by X"; a paragraph without leading bold
    may still be "Title\nSpeaker, Affiliation"."""
    children = [c for c in inline.children or [] if not (c.type == "text" and not c.content.strip())]
    if not children or children[0].type != "strong_open":
        return title_speaker_paragraph(opening, text)
    bold = leading_bold_text(children)
    match = TALK_HEADER.match(bold)
    if not match:
        return None
    title_and_by = " ".join(match[1].split())
    title, people = title_and_by, []
    if " by " in title_and_by or "\nby " in match[1]:
        title, people = split_talk_line(title_and_by)
    if not people:
        people = first_speaker_line([line.strip() for line in text[len(bold) :].split("\n")])
    if not title:
        return None
    return title, people


def leading_bold_text(children: list[Token]) -> str:
    """The text of the bold run that opens a paragraph (its first child is strong_open)."""
    bold_parts: list[str] = []
    for child in children[1:]:
        if child.type == "strong_close":
            break
        bold_parts.append("\n" if child.type in ("softbreak", "hardbreak") else child.content)
    return "".join(bold_parts).strip()


def first_speaker_line(lines: list[str]) -> list[Person]:
    """The people of the first line that names any, skipping links ("[[Slides](…)]")."""
    for line in lines:
        if not line or line.startswith("["):
            continue
        people = parse_speaker_line(line)
        if people:
            return people
    return []


def old_style_talk_header(opening: Token, text: str) -> TalkHeader | None:
    """2016-2018 styles: '**Alex Champandard: "Neural Networks for Image Synthesis"**' (#2, #3),
    "• Kornél Kis: Convolutional Neural Networks: …", "• Visionlabs: Face Recognition … (Philipp Omenitsch)",
    "* Computer Vision - then and now (Alexander Schindler, AIT & TU Wien) - CANCELLED" (#15)."""
    if opening.type != "paragraph_open":
        return None
    first_line = text.split("\n")[0].strip()
    quoted = re.fullmatch(r"([^:\"“]+):\s*[\"“](.+?)[\"”]", first_line)
    if quoted and looks_like_person(quoted[1]):
        return quoted[2].strip(), [(quoted[1].strip(), "")]
    if first_line.startswith("•"):
        bullet = bullet_talk_header(first_line.lstrip("• ").strip())
        if bullet is not None:
            return bullet
    cancelled = re.fullmatch(r"(.+?)\s*\(([^()]+)\)\s*-\s*CANCELLED", first_line)
    if cancelled and opening.level > 0 and (people := parse_speaker_line(cancelled[2])):
        return cancelled[1].strip(), people
    return None


def bullet_talk_header(body: str) -> TalkHeader | None:
    """ "Visionlabs: Face Recognition for Businesses (Philipp Omenitsch)" or "Kornél Kis: Title" (#5-#12)."""
    trailing_person = re.fullmatch(r"(.+?)\s*\(([^()]+)\)", body)
    if trailing_person and (people := parse_speaker_line(trailing_person[2])):
        return trailing_person[1].strip(), people
    name, separator, title = body.partition(": ")
    if separator and looks_like_person(name):
        return title.strip(), [(name.strip(), "")]
    return None


def title_speaker_paragraph(opening: Token, text: str) -> TalkHeader | None:
    """A paragraph "Title\nSpeaker, Affiliation[\n[[Slides](…)]]" (#44, #61) or "Speaker, Affiliation\nTitle" (#46)."""
    lines = [line.strip().strip("*_").strip() for line in text.split("\n") if line.strip()]
    if opening.type != "paragraph_open" or opening.level > 0 or not 2 <= len(lines) <= 3:
        return None
    if len(lines) == 3 and not lines[2].startswith("[") and lines[2] != "Slides":
        return None
    if any(len(line) > 160 for line in lines[:2]):
        return None
    first_people = parse_speaker_line(lines[0]) if "," in lines[0] else []
    second_people = parse_speaker_line(lines[1]) if "," in lines[1] else []
    if second_people and not first_people and not lines[0].endswith((":", ",")):
        return re.sub(r"^talk\s*\d*\s*:\s*", "", lines[0], flags=re.I), second_people
    if first_people and not second_people and not lines[1].endswith((":", ",")) and len(lines) == 2:
        return lines[1], first_people
    return None
