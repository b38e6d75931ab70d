"""A README's talk sections: header, speakers, abstract, "About the speaker" bio and slide links of each talk.

Sections are read in document order by a small state machine (SectionReader): a talk header opens a section,
the text below it fills the abstract until "About the speaker" switches to the bio, and a rule, a new h1/h2, a
time line or the closing prose ("We are looking forward …") ends it.
"""

import re
from dataclasses import dataclass, field

from markdown_it.token import Token

from ..markdown import MARKDOWN_LINK, Block, block_line, inline_links, inline_text
from ..names import Person, parse_speaker_line
from .slides import is_slides_link
from .talk_headers import TALK_NUMBER, TalkHeader, leading_bold_text, section_header_title

ABOUT_SPEAKER = re.compile(r"^\**\s*about\s+the\s+speakers?\s*:?\**\s*:?\s*", re.I)
CLOSING_PROSE = re.compile(
    r"^(we (are|kindly|thank|would like|hope|very much)|we'd like|after the talk|afterwards|the talks will|"
    r"your vdlm|looking forward|thanks to|hope to|very much looking|as usual|this meetup|in ?between|in the break|join us|"
    r"(please |important )?note\b|if you have|bring a laptop|see you|(tom|rené|rene|jan|alex), )",  # or a sign-off
    re.I,
)
IN_TALK_LABEL = re.compile(r"^(talk outline|outline|section topics|abstract)\b", re.I)
TIME_LINE = re.compile(r"^\**\s*~?\d{1,2}[:.]\d{2}\b")  # an agenda entry, not a talk's text


@dataclass
class DetailSection:
    title: str
    people: list[Person]
    abstract: list[str]
    bio: list[str]
    slide_links: list[str]
    line: int
    cancelled: bool = False
    short: bool = False  # "**Short Talk:" / "**Short Presentation:" (#28, #33)
    number: int | None = None  # "### Talk 2:" -> 2


def read_detail_sections(blocks: list[Block]) -> list[DetailSection]:
    reader = SectionReader()
    for opening, inline in blocks:
        reader.read(opening, inline)
    return reader.sections


@dataclass
class SectionReader:
    sections: list[DetailSection] = field(default_factory=list)
    current: DetailSection | None = None  # the section the next text belongs to
    in_bio: bool = False
    in_talk_details: bool = False  # under a "Talk Details" heading every h2/h3 is a talk (#67)
    previous_text_cancelled: bool = False  # "CANCELLED" in the paragraph above a header (#15)

    def read(self, opening: Token, inline: Token | None) -> None:
        if self.enters_talk_details(opening, inline):
            return
        header = section_header_title(opening, inline, self.in_talk_details)
        if opening.type == "paragraph_open" and header is None:
            self.previous_text_cancelled = "CANCELLED" in (inline.content if inline is not None else "")
        if header is not None:
            self.start_section(opening, inline, header)
        elif self.current is not None:
            self.continue_section(self.current, opening, inline)

    def enters_talk_details(self, opening: Token, inline: Token | None) -> bool:
        """ "## Talk Details" opens the part where headings are talks; another h1/h2 (not "Talk N") ends it."""
        if opening.type != "heading_open" or inline is None:
            return False
        heading = inline.content.strip().lower()
        if heading.startswith("talk details"):
            self.in_talk_details = True
            self.current = None
            return True
        if opening.tag in ("h1", "h2") and not TALK_NUMBER.match(heading):
            self.in_talk_details = False
        return False

    def start_section(self, opening: Token, inline: Token | None, header: TalkHeader) -> None:
        title, people = header
        links = [link.href for link in inline_links(inline)]
        section = DetailSection(title, people, [], [], links, block_line(opening))
        raw_header = inline.content if inline is not None else ""
        section.cancelled = "CANCELLED" in raw_header or self.previous_text_cancelled
        talk_number = TALK_NUMBER.match(raw_header.strip())
        section.number = int(talk_number[1]) if talk_number else None
        section.short = bool(re.match(r"^\**\s*short\s+(talk|presentation)", raw_header, re.I))
        section.abstract += [text] if (text := text_after_bold_header(raw_header)) else []
        self.sections.append(section)
        # A one-line list item ("… - CANCELLED"): nothing follows it.
        self.current = None if opening.level > 0 else section
        self.in_bio = False

    def continue_section(self, section: DetailSection, opening: Token, inline: Token | None) -> None:
        if opening.type == "hr" or (opening.type == "heading_open" and opening.tag in ("h1", "h2")):
            self.current = None
            return
        if is_part_header(opening, inline):
            self.current = None
            return
        if opening.type == "list_item_open":
            return
        text = inline_text(inline).strip() if inline is not None else opening.content.strip()
        if not text:
            return
        if CLOSING_PROSE.match(text) or TIME_LINE.match(text) or is_label_line(text):
            self.current = None
            return
        about = ABOUT_SPEAKER.match(text)
        if about:
            self.in_bio = True
            text = text[about.end() :].strip()
            if not text:
                return
        if takes_speaker_line(section, text):
            return
        raw = without_slide_links(section, inline) if inline is not None else opening.content
        if not raw.strip():
            return
        raw = ABOUT_SPEAKER.sub("", raw.strip(), count=1).strip() if about else raw.strip()
        (section.bio if self.in_bio else section.abstract).append(raw)


def text_after_bold_header(raw: str) -> str:
    """The abstract a bold header paragraph goes on with, after its speaker and slides lines (#29: "**Talk 1:\n
    Title**\nby X, Org\n[[Slides](…)]\nRecommender systems are …" is one paragraph)."""
    if not raw.lstrip().startswith("**") or "**" not in raw.lstrip()[2:]:
        return ""
    after = raw.lstrip()[2:].split("**", 1)[1]
    lines = [line.strip() for line in after.split("\n") if MARKDOWN_LINK.sub("", line).strip("[]() ")]
    # Lines up to the speaker line go on with the title ("Towards end-to-end speech synthesis, …", #33).
    speaker_at = next((index for index, line in enumerate(lines) if parse_speaker_line(line)), -1)
    lines = lines[speaker_at + 1 :]
    return "\n".join(lines) if lines and len(" ".join(lines)) > 60 else ""


def is_label_line(text: str) -> bool:
    """ "Talk 2:", "Wien Energie Tour:" (#17), "*** CANCELLED / POSTPONED: ***" (#3), "• Questions & Discussion" (#9):
    a line that opens the next part, not the talk's text ("Topics include:" and "Talk Outline:" are)."""
    line = text.strip("*_ ")
    if line.startswith("•"):
        return True
    if (
        "\n" in line
        or len(line) > 40
        or not line.endswith(":")
        or IN_TALK_LABEL.match(line)
        or ABOUT_SPEAKER.match(line)
    ):
        return False
    words = re.findall(r"[^\W\d_]+", line)
    return bool(
        TALK_NUMBER.match(line)
        or re.search(r"cancel|postpon", line, re.I)
        or all(w[0].isupper() for w in words)
    )


def is_part_header(opening: Token, inline: Token | None) -> bool:
    """A bold line that starts the next part of the page ("**Hot Topics and Latest News**", "**Conference Review:**",
    "**Panel & Plenary Q&A:", "**VDLM Wiki:**"), not a label inside the talk ("**Talk Outline:**", the bio's)."""
    if opening.type != "paragraph_open" or opening.level > 0 or inline is None:
        return False
    children = [
        child for child in inline.children or [] if not (child.type == "text" and not child.content.strip())
    ]
    if not children or children[0].type != "strong_open":
        return False
    bold = leading_bold_text(children)
    return len(bold) <= 60 and not ABOUT_SPEAKER.match(bold) and not IN_TALK_LABEL.match(bold)


def takes_speaker_line(section: DetailSection, text: str) -> bool:
    """A short first line naming people, before any abstract, is the section's speaker line."""
    if section.people or section.abstract or len(text) >= 150 or "\n" in text:
        return False
    people = parse_speaker_line(text.strip("*_"))
    if people:
        section.people = people
    return bool(people)


def without_slide_links(section: DetailSection, inline: Token) -> str:
    """Collects a paragraph's slide links; the paragraph without its lines that only link slides ("[[Slides](…)]"
    over the abstract, #29), or "" when nothing else is left."""
    links = inline_links(inline)
    section.slide_links.extend(link.href for link in links if is_slides_link(link))
    if not links or not all(is_slides_link(link) for link in links):
        return inline.content
    lines = inline.content.split("\n")
    return "\n".join(line for line in lines if MARKDOWN_LINK.sub("", line).strip("[] ")).strip()
