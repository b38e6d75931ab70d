"""One per-meetup README (any of the three generations, see fixtures/source/FORMATS.md §2) -> EventRecord."""

import datetime
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from markdown_it.token import Token

from common.text import ORDINAL_TITLE, ordinal_suffix, strip_accents

from .markdown import (
    Link,
    inline_links,
    inline_text,
    parse_blocks,
    repo_file_url,
    resolve_repo_path,
    split_time_prefix,
)
from .names import looks_like_person, parse_speaker_line
from .records import EventRecord, ReportEntry, SlotRecord, SpeakerRecord, TalkRecord, VenueRecord

DEFAULT_SLIDES_BASE_URL = "https://github.com/vdlm/meetups/raw/master/"

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
MEETUP_URL = re.compile(
    r"https?://(?:www\.)?meetup\.com/(?:[a-z]{2}-[A-Z]{2}/)?([\w-]+)/events/(\d+)/?", re.I
)
TALK_HEADER = re.compile(
    r"^(?:talk(?:\s*\d+)?|short\s+talk|short\s+presentation|talk\s+abstract)\s*:\s*(.*)$", re.I | re.S
)
TALK_NUMBER = re.compile(r"^\**\s*talk\s*(\d+)\b", re.I)
ABOUT_SPEAKER = re.compile(r"^\**\s*about\s+the\s+speakers?\s*:?\**\s*:?\s*", re.I)
# "[[Slides](./slides/30th Deep Learning …pdf)]": spaces without <> make it plain text in markdown (#30).
UNESCAPED_SLIDE_LINK = re.compile(r"\]\((\./slides/[^)<>]*\s[^)<>]*\.pdf)\)")
MARKDOWN_LINK = re.compile(r"\[[^\[\]]*\]\((?:<[^>]*>|[^)]*)\)")
AGENDA_MARKER = re.compile(
    r"^(?:our\s+)?(?:agenda|schedule)(?:\s+for\s+this\s+meetup|\s+is\s+as\s+follows)?\s*:?\s*$", re.I
)


def normalise_meetup_url(url: str) -> str:
    """All four spellings of a meetup.com event page -> one canonical URL."""
    match = MEETUP_URL.search(url)
    if not match:
        return url.strip()
    return f"https://www.meetup.com/vienna-deep-learning-meetup/events/{match[2]}/"


def meetup_event_id(url: str) -> str:
    match = MEETUP_URL.search(url)
    return match[2] if match else ""


@dataclass
class ReadmeFacts:
    """What one README states, before it is weighed against the other sources."""

    source: str
    title: str = ""
    number: int | None = None
    date: datetime.date | None = None
    date_line: int | None = None
    date_without_year: tuple[int, int] | None = None  # (month, day) when the prose has no year
    venue_text: str = ""
    meetup_url: str = ""
    web_page: str = ""
    description: str = ""
    intro_slides: str = ""  # repo-relative path or absolute URL
    slides_links: list[tuple[str, int]] = field(default_factory=list)  # every slide link, with its line
    talks: list[TalkRecord] = field(default_factory=list)
    talk_slide_paths: dict[int, str] = field(default_factory=dict)  # talk index -> repo path
    agenda: list[SlotRecord] = field(default_factory=list)
    sponsors: list[tuple[str, str]] = field(default_factory=list)
    report: list[ReportEntry] = field(default_factory=list)


def block_line(token: Token) -> int:
    return token.map[0] + 1 if token.map else 0


def top_level_blocks(tokens: list[Token]) -> list[tuple[Token, Token | None]]:
    """(opening token, its inline token) for headings, paragraphs, code blocks and hr, in order.

    List items are flattened: each paragraph inside a list comes with the list item's opening token,
    so "* Date: …" and "* 18:45 Talk 1: …" keep their bullet identity.
    """
    blocks: list[tuple[Token, Token | None]] = []
    for index, token in enumerate(tokens):
        if token.type in ("heading_open", "paragraph_open"):
            blocks.append((token, tokens[index + 1]))
        elif token.type in ("code_block", "fence", "hr", "list_item_open"):
            blocks.append((token, None))
    return blocks


def line_of_text(text: str, needle: str, default: int | None = None) -> int | None:
    position = text.find(needle)
    return text.count("\n", 0, position) + 1 if position >= 0 else default


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


def split_talk_line(text: str) -> tuple[str, list[tuple[str, str]]]:
    """ "Talk 1: Title by Speaker (Aff)" / "Talk 1: Title - Speaker, Aff" -> (title, [(name, aff)])."""
    text = re.sub(r"^(?:talk\s*\d*|short talk)\s*:\s*", "", text.strip(), flags=re.I)
    for separator in (" by ", " - ", " – "):
        head, found, tail = text.rpartition(separator)
        if found and head:
            people = parse_speaker_line(tail)
            if people:
                return head.strip(), people
    return text.strip(), []


@dataclass
class AgendaGroup:
    start: datetime.time | None
    end: datetime.time | None
    lines: list[str]
    line: int
    struck: bool = False


def read_agenda_groups(text_lines: list[str], blocks: list[tuple[Token, Token | None]]) -> list[AgendaGroup]:
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


def agenda_group_talks(group: AgendaGroup) -> list[tuple[str, list[tuple[str, str]], list[str]]]:
    """Talks named in one agenda group: [(title, people, abstract lines)]."""
    talks: list[tuple[str, list[tuple[str, str]], list[str]]] = []
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


@dataclass
class DetailSection:
    title: str
    people: list[tuple[str, str]]
    abstract: list[str]
    bio: list[str]
    slide_links: list[str]
    line: int
    kind: str = "talk"
    cancelled: bool = False
    short: bool = False  # "**Short Talk:" / "**Short Presentation:" (#28, #33)
    number: int | None = None  # "### Talk 2:" -> 2


def section_header_title(
    opening: Token, inline: Token | None, in_talk_details: bool = False
) -> tuple[str, list[tuple[str, str]]] | None:
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
        match = TALK_HEADER.match(text)
        if match and opening.tag in ("h2", "h3"):
            return (match[1].strip() or text.rstrip(":")), []
        if in_talk_details and opening.tag in ("h2", "h3"):
            return text, []
        return None
    children = [c for c in inline.children or [] if not (c.type == "text" and not c.content.strip())]
    if not children or children[0].type != "strong_open":
        return title_speaker_paragraph(opening, text)
    bold_parts: list[str] = []
    for child in children[1:]:
        if child.type == "strong_close":
            break
        bold_parts.append("\n" if child.type in ("softbreak", "hardbreak") else child.content)
    bold = "".join(bold_parts).strip()
    match = TALK_HEADER.match(bold)
    if not match:
        return None
    title_and_by = " ".join(match[1].split())
    rest_lines = [line.strip() for line in text[len(bold) :].split("\n")]
    title, people = title_and_by, []
    if " by " in title_and_by or "\nby " in match[1]:
        title, people = split_talk_line(title_and_by)
    for line in rest_lines:
        if not line or line.startswith("[") or people:
            continue
        people = parse_speaker_line(line)
    if not title:
        return None
    return title, people


def old_style_talk_header(opening: Token, text: str) -> tuple[str, list[tuple[str, str]]] | None:
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
        body = first_line.lstrip("• ").strip()
        trailing_person = re.fullmatch(r"(.+?)\s*\(([^()]+)\)", body)
        if trailing_person and parse_speaker_line(trailing_person[2]):
            return trailing_person[1].strip(), parse_speaker_line(trailing_person[2])
        name, separator, title = body.partition(": ")
        if separator and looks_like_person(name):
            return title.strip(), [(name.strip(), "")]
    cancelled = re.fullmatch(r"(.+?)\s*\(([^()]+)\)\s*-\s*CANCELLED", first_line)
    if cancelled and opening.level > 0 and parse_speaker_line(cancelled[2]):
        return cancelled[1].strip(), parse_speaker_line(cancelled[2])
    return None


def title_speaker_paragraph(opening: Token, text: str) -> tuple[str, list[tuple[str, str]]] | None:
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


def read_detail_sections(blocks: list[tuple[Token, Token | None]]) -> list[DetailSection]:
    sections: list[DetailSection] = []
    current: DetailSection | None = None
    in_bio = False
    in_talk_details = False
    previous_text_cancelled = False
    for opening, inline in blocks:
        header_candidate_text = inline.content if inline is not None else ""
        if opening.type == "heading_open" and inline is not None:
            heading = inline.content.strip().lower()
            if heading.startswith("talk details"):
                in_talk_details = True
                current = None
                continue
            if opening.tag in ("h1", "h2") and not TALK_NUMBER.match(heading):
                in_talk_details = False
        header = section_header_title(opening, inline, in_talk_details)
        if opening.type == "paragraph_open" and header is None:
            previous_text_cancelled = "CANCELLED" in header_candidate_text
        if header is not None:
            title, people = header
            links = [link.href for link in inline_links(inline)]
            current = DetailSection(title, people, [], [], links, block_line(opening))
            raw_header = inline.content if inline is not None else ""
            current.cancelled = "CANCELLED" in raw_header or previous_text_cancelled
            talk_number = TALK_NUMBER.match(raw_header.strip())
            current.number = int(talk_number[1]) if talk_number else None
            current.short = bool(re.match(r"^\**\s*short\s+(talk|presentation)", raw_header, re.I))
            sections.append(current)
            if opening.level > 0:  # a one-line list item ("… - CANCELLED"): nothing follows it
                current = None
            in_bio = False
            continue
        if current is None:
            continue
        if opening.type == "hr" or (opening.type == "heading_open" and opening.tag in ("h1", "h2")):
            current = None
            continue
        if opening.type == "list_item_open":
            continue
        text = inline_text(inline).strip() if inline is not None else opening.content.strip()
        if not text:
            continue
        if re.match(
            r"^(we (are|kindly|thank|would like|hope|very much)|after the talks|the talks will|your vdlm|"
            r"looking forward|thanks to|hope to|very much looking)",
            text,
            re.I,
        ):
            current = None
            continue
        if re.match(r"^\**\s*~?\d{1,2}[:.]\d{2}\b", text):  # a time line: this was an agenda entry
            current = None
            continue
        about = ABOUT_SPEAKER.match(text)
        if about:
            in_bio = True
            text = text[about.end() :].strip()
            if not text:
                continue
        if not current.people and not current.abstract and len(text) < 150 and "\n" not in text:
            people = parse_speaker_line(text.strip("*_"))
            if people:
                current.people = people
                continue
        if inline is not None and opening.type == "paragraph_open":
            links = inline_links(inline)
            current.slide_links.extend(link.href for link in links if is_slides_link(link))
            # "[[Slides](…)]" or a bare "[Slides](…)" line is the talk's slides, not part of its abstract.
            only_links = bool(links) and not MARKDOWN_LINK.sub("", inline.content).strip("[] \n")
            if (text.startswith("[") or only_links) and all(is_slides_link(link) for link in links):
                continue
        raw = inline.content if inline is not None else opening.content
        raw = ABOUT_SPEAKER.sub("", raw.strip(), count=1).strip() if about else raw.strip()
        (current.bio if in_bio else current.abstract).append(raw)
    return sections


def is_slides_link(link: Link) -> bool:
    """A talk's slides: a PDF, or the site's counted download view that exported READMEs link to
    ("[[Slides](https://…/meetups/meetup-76/talks/my-talk/slides/)]"), labelled as slides."""
    if link.href.endswith(".pdf"):
        return True
    url = urlsplit(link.href.strip().strip("<>"))
    return (
        url.scheme in ("http", "https") and url.path.endswith("/slides/") and "slides" in link.label.lower()
    )


def split_gen_a_bio(section: DetailSection) -> None:
    """Old READMEs put the bio as a paragraph starting with the speaker's first name ("Sabria is a …")."""
    if section.bio or not section.people:
        return
    first_names = {name.split()[0] for name, _ in section.people}
    for index, paragraph in enumerate(section.abstract):
        first_word = paragraph.split(" ", 1)[0]
        if (
            index > 0
            and first_word in first_names
            and re.match(r"^\S+( \S+)? (is|has|was|holds)\b", paragraph)
        ):
            section.bio = [paragraph]  # what follows the bio is closing prose
            section.abstract = section.abstract[:index]
            return


def split_bio(paragraphs: list[str], names: list[str]) -> dict[str, str]:
    """The "About the speakers" paragraphs -> each speaker's own bio.

    A paragraph, or a line inside one that starts with a speaker's name ("Christian Sobtzick is …" right under
    "Sahebeh (Saba) Dadboud is …", #73), belongs to the speaker it names first (full, first or last name).
    One naming nobody continues the bio before it (or, at the start, the one after it); only when no part
    names anyone does every speaker get the whole text, as with a single speaker.
    """
    whole = "\n\n".join(paragraphs).strip()
    if len(names) < 2:
        return dict.fromkeys(names, whole)
    patterns = bio_name_patterns(names)
    chunks: list[tuple[int, list[str], str | None]] = []  # (paragraph index, lines, speaker named first)
    for number, paragraph in enumerate(paragraphs):
        for line in paragraph.strip().split("\n"):
            starts_with_name = first_named(line.lstrip("*_>#- "), patterns, at_start=True) is not None
            if not chunks or chunks[-1][0] != number or starts_with_name:
                chunks.append((number, [], None))
            chunks[-1][1].append(line)
    owned = [(number, lines, first_named("\n".join(lines), patterns)) for number, lines, _ in chunks]
    if all(owner is None for _, _, owner in owned):
        return dict.fromkeys(names, whole)
    owners = [owner for _, _, owner in owned]
    for index, owner in enumerate(owners):  # unnamed parts: the bio before them, or the first one after
        if owner is None:
            before = [o for o in owners[:index] if o is not None]
            owners[index] = before[-1] if before else next(o for o in owners[index:] if o is not None)
    bios: dict[str, list[tuple[int, list[str]]]] = {name: [] for name in names}
    for (number, lines, _), owner in zip(owned, owners, strict=True):
        parts = bios[owner]
        if parts and parts[-1][0] == number:
            parts[-1][1].extend(lines)  # the same paragraph goes on: keep its line breaks
        else:
            parts.append((number, list(lines)))
    return {name: "\n\n".join("\n".join(lines).strip() for _, lines in parts) for name, parts in bios.items()}


def bio_name_patterns(names: list[str]) -> dict[str, re.Pattern[str]]:
    """Per speaker: their full, first and last name as whole words, accents ignored; a first or last name two
    speakers share identifies neither."""
    words = {name: {name, name.split()[0], name.split()[-1]} for name in names}
    counts: dict[str, int] = {}
    for name_words in words.values():
        for word in name_words:
            counts[word] = counts.get(word, 0) + 1
    patterns: dict[str, re.Pattern[str]] = {}
    for name, name_words in words.items():
        usable = sorted(
            (strip_accents(w) for w in name_words if len(w) > 2 and (w == name or counts[w] == 1)),
            key=len,
            reverse=True,
        )
        if usable:
            patterns[name] = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, usable)) + r")(?!\w)")
    return patterns


def first_named(text: str, patterns: dict[str, re.Pattern[str]], *, at_start: bool = False) -> str | None:
    """The speaker whose name comes first in text (at its very start only, if asked), or None."""
    text = strip_accents(text)
    found = [(match.start(), name) for name, pattern in patterns.items() if (match := pattern.search(text))]
    found = [(position, name) for position, name in found if position == 0 or not at_start]
    return min(found)[1] if found else None



def find_header_bullets(blocks: list[tuple[Token, Token | None]]) -> dict[str, tuple[str, int, Token]]:
    found: dict[str, tuple[str, int, Token]] = {}
    for opening, inline in blocks:
        if opening.type != "paragraph_open" or inline is None or opening.level == 0:
            continue
        match = re.match(r"^(Date|Venue|Meetup Page|Web page)\s*:\s*(.*)$", inline.content.strip(), re.S)
        if match and match[1].lower() not in found:
            found[match[1].lower()] = (match[2].strip(), block_line(opening), inline)
    return found


def parse_readme_facts(text: str, *, source: str) -> ReadmeFacts:
    facts = ReadmeFacts(source=source)
    tokens = parse_blocks(text)
    blocks = top_level_blocks(tokens)
    text_lines = text.split("\n")

    for opening, inline in blocks:
        # The title is an h1 naming the meetup ("# Talk Details:" in #64 is not one).
        if opening.type == "heading_open" and opening.tag == "h1" and inline is not None:
            heading = inline_text(inline).strip()
            if re.search(r"meetup|summit", heading, re.I):
                facts.title = heading
                break
    folder_number = re.search(r"Meetup_(\d+)/", source)
    title_number = ORDINAL_TITLE.search(facts.title)
    if title_number:
        facts.number = int(title_number[1])
    elif folder_number:
        facts.number = int(folder_number[1])

    header = find_header_bullets(blocks)
    if "date" in header:
        value, line, _ = header["date"]
        try:
            facts.date = datetime.date.fromisoformat(value)
            facts.date_line = line
        except ValueError:
            facts.report.append(ReportEntry("warning", f"unreadable date {value!r}", source, line))
    if "venue" in header:
        facts.venue_text = header["venue"][0]
    if "meetup page" in header:
        facts.meetup_url = normalise_meetup_url(header["meetup page"][0])
    if "web page" in header:
        facts.web_page = header["web page"][0]

    # Current format: a bare meetup.com URL line and "10 June 2026 @ ÖBB Innovation Factory".
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

    if facts.date is None:
        # Prose dates ("on March 19th, 2025", "on Septemer 11th"): the first one in the text.
        for opening, inline in blocks:
            if inline is None or opening.type != "paragraph_open":
                continue
            match = re.search(
                rf"\bon\s+(?:\w+day,\s+)?((?:{MONTH_PATTERN})\.?\s+\d{{1,2}}\w*(?:,?\s+\d{{4}})?)",
                inline.content,
                re.I,
            )
            if match:
                date, month_day = parse_date_text(match[1])
                facts.date, facts.date_without_year = date, month_day
                facts.date_line = block_line(opening)
                break

    facts.sponsors = find_hosts(text)
    facts.description = read_description(text_lines, blocks)
    read_links(facts, blocks)
    read_program(facts, text_lines, blocks)
    return facts


# An organisation's name: capitalised words, with "of"/"and"/"&" allowed between them ("University of Vienna").
ORGANISATION = r"((?:the )?[A-Z0-9ÖÄÜ][\w&.\-]*(?: (?:of |and |& )?[A-Z0-9ÖÄÜ][\w&.\-]*)*)"
HOST_PATTERNS = [
    (rf"\b(?:hosted (?:and sponsored )?by|hosted at|by the host:) {ORGANISATION}", "host"),
    (rf"\b[Tt]hank(?:s)? (?:to )?{ORGANISATION} for (?:hosting|providing the venue)", "host"),
    (rf"\b[Tt]hank(?:s)? (?:to )?{ORGANISATION} (?:to|for) provid(?:e|ing) (?:the )?drinks", "drinks"),
    (rf"\b[Tt]hanks to {ORGANISATION} drinks and snacks", "drinks"),
    (rf"\bour sponsor (?:of|for) th\w+ \w+(?: \w+)?\W+{ORGANISATION}", "sponsor"),
    (rf"\b[Tt]hanks to {ORGANISATION} who is sponsoring", "sponsor"),
]


def find_hosts(text: str) -> list[tuple[str, str]]:
    """ "hosted by Bosch", "We kindly thank Dynatrace to provide drinks" -> [(organisation, role)]."""
    found: list[tuple[str, str]] = []
    for pattern, role in HOST_PATTERNS:
        for match in re.finditer(pattern, text):
            name = match[1].removeprefix("the ").rstrip(".")
            if (name, role) not in found:
                found.append((name, role))
    return found


def read_description(text_lines: list[str], blocks: list[tuple[Token, Token | None]]) -> str:
    """The announcement prose: after "Details" (or the header lines) up to the agenda or the talk details."""
    start = 0
    for opening, inline in blocks:
        if (
            opening.type == "heading_open"
            and inline is not None
            and inline.content.strip().lower() == "details"
        ):
            start = opening.map[1] if opening.map else 0
            break
    else:
        for opening, inline in blocks:
            if opening.type in ("paragraph_open",) and opening.level == 0 and inline is not None:
                content = inline.content.strip()
                if MEETUP_URL.fullmatch(content) or re.fullmatch(r".+\d{4}\s+@\s+.+", content):
                    continue
                if content.startswith("![") or content.startswith("Slides:") or content.startswith("[["):
                    continue
                start = opening.map[0] if opening.map else 0
                break
    end = len(text_lines)
    for opening, inline in blocks:
        if not opening.map or opening.map[0] < start:
            continue
        content = inline_text(inline).strip() if inline is not None else ""
        if opening.type == "heading_open" and re.match(
            r"^(agenda|talk details|talk abstract)", content, re.I
        ):
            end = opening.map[0]
            break
        if opening.type == "paragraph_open" and AGENDA_MARKER.match(content.split("\n")[0]):
            end = opening.map[0]
            break
        if opening.type == "hr" and opening.map[0] > start:
            end = opening.map[0]
            break
    return "\n".join(text_lines[start:end]).strip()


def read_links(facts: ReadmeFacts, blocks: list[tuple[Token, Token | None]]) -> None:
    intro_words = re.compile(r"agenda|announcement|intro|vdlm, survey|jobs", re.I)
    for opening, inline in blocks:
        if inline is None:
            continue
        for link in inline_links(inline):
            if link.href.lower().endswith(".pdf") or "/slides/" in link.href:
                facts.slides_links.append((link.href, block_line(opening)))
        # "[[Slides](./slides/30th Deep Learning …pdf)]": spaces without <> are not a link in markdown.
        for broken in UNESCAPED_SLIDE_LINK.finditer(inline.content):
            facts.slides_links.append((broken[1], block_line(opening)))
    # The intro deck: a link under the header bullets or the first link of a "Slides:" list.
    for opening, inline in blocks:
        if inline is None:
            continue
        if opening.type == "heading_open" and inline.content.strip().lower() == "details":
            break
        links = [link.href for link in inline_links(inline) if "meetup.com" not in link.href]
        links += [match[1] for match in UNESCAPED_SLIDE_LINK.finditer(inline.content)]
        if not links:
            continue
        label_text = inline.content
        if intro_words.search(label_text):
            facts.intro_slides = links[0]
            break


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


def read_program(facts: ReadmeFacts, text_lines: list[str], blocks: list[tuple[Token, Token | None]]) -> None:
    """Agenda slots and talks: agenda lines give times and speakers, talk sections give abstracts and bios."""
    agenda_blocks: list[tuple[Token, Token | None]] = []
    in_agenda = False
    for opening, inline in blocks:
        content = inline_text(inline).strip() if inline is not None else ""
        first_line = content.split("\n")[0]
        if opening.type == "heading_open":
            in_agenda = bool(re.match(r"^agenda", content, re.I))
            continue
        if opening.type == "paragraph_open" and (
            AGENDA_MARKER.match(first_line)
            or first_line.lower().endswith("agenda for this meetup:")
            or first_line.lower().startswith("our agenda")
        ):
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

    groups = read_agenda_groups(text_lines, agenda_blocks)
    talks: list[TalkRecord] = []
    for group in groups:
        group_talks = agenda_group_talks(group)
        if group_talks:
            # "Hot Papers session" above a talk's lines marks the organisers' news segment (#50).
            labelled_hot = classify_slot(group.lines[0]) == "hot_topics" if group.lines else False
            for position, (title, people, abstract_lines) in enumerate(group_talks):
                kind = "hot_topics" if labelled_hot or classify_slot(title) == "hot_topics" else "talk"
                speakers = [SpeakerRecord(name, affiliation) for name, affiliation in people]
                talks.append(
                    TalkRecord(
                        title,
                        kind,
                        speakers,
                        "\n".join(abstract_lines),
                        cancelled=group.struck
                        or "cancel" in " ".join(group.lines).lower()
                        or "postponed" in " ".join(group.lines).lower(),
                    )
                )
                facts.agenda.append(
                    SlotRecord(
                        group.start if position == 0 else None,
                        group.end if position == 0 else None,
                        title,
                        kind,
                        len(talks) - 1,
                    )
                )
            continue
        lines = group.lines or [""]
        for position, line in enumerate(lines):
            if not line and position > 0:
                continue
            kind = classify_slot(line)
            if kind == "talk":
                kind = "other"
            if position == 0 or kind != "other" or len(line) < 80:
                facts.agenda.append(
                    SlotRecord(
                        group.start if position == 0 else None,
                        group.end if position == 0 else None,
                        line,
                        kind,
                    )
                )

    sections = read_detail_sections(blocks)
    for section in sections:
        split_gen_a_bio(section)
        matched = match_section_to_talk(section, talks)
        abstract = "\n\n".join(section.abstract).strip()
        bio = "\n\n".join(section.bio).strip()
        if matched is None:
            kind = "lightning" if section.short else "talk"
            if classify_slot(section.title) == "hot_topics":
                kind = "hot_topics"
            bios = split_bio(section.bio, [name for name, _ in section.people])
            speakers = [SpeakerRecord(name, affiliation, bios[name]) for name, affiliation in section.people]
            talks.append(TalkRecord(section.title, kind, speakers, abstract, cancelled=section.cancelled))
            matched = len(talks) - 1
        else:
            talk = talks[matched]
            if len(section.title) > len(talk.title) or not talk.title:
                talk.title = section.title
            talk.abstract = talk.abstract or abstract
            talk.cancelled = talk.cancelled or section.cancelled
            if not talk.speakers and section.people:
                talk.speakers = [SpeakerRecord(name, affiliation) for name, affiliation in section.people]
            if bio:
                bios = split_bio(section.bio, [s.name for s in talk.speakers])
                talk.speakers = [
                    SpeakerRecord(s.name, s.affiliation or section_affiliation(section, s.name), bios[s.name])
                    for s in talk.speakers
                ]
        if section.slide_links:
            facts.talk_slide_paths[matched] = section.slide_links[0]
    link_slots_to_talks(facts.agenda, talks)
    facts.talks = talks


def title_key(title: str) -> str:
    return re.sub(r"\W+", " ", title.lower()).strip()


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


def section_affiliation(section: DetailSection, name: str) -> str:
    return next((affiliation for person, affiliation in section.people if person == name), "")


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


def build_event(
    facts: ReadmeFacts, *, slides_base_url: str, fallback_date: datetime.date | None = None
) -> EventRecord | None:
    date = facts.date
    if date is None and facts.date_without_year and fallback_date is not None:
        date = datetime.date(fallback_date.year, *facts.date_without_year)
    if date is None:
        date = fallback_date
    if date is None or facts.number is None and "AI_Summit" not in facts.source:
        return None

    def to_url(href: str) -> str:
        path = resolve_repo_path(href, facts.source)
        return repo_file_url(path, slides_base_url) if path else href

    talks = [
        TalkRecord(t.title, t.kind, list(t.speakers), t.abstract, t.slides_url, t.video_url, t.cancelled)
        for t in facts.talks
    ]
    for index, href in facts.talk_slide_paths.items():
        if not is_placeholder(href):
            talks[index].slides_url = to_url(href)
    timed = [slot.start_time for slot in facts.agenda if slot.start_time is not None]
    # From #55 on the venue is only in prose: "hosted by Magenta Telekom".
    hosts = [name for name, role in facts.sponsors if role == "host"]
    venue_name = facts.venue_text or (hosts[0] if hosts else "")
    if "AI_Summit" in facts.source:
        key, kind, number = "ai-summit-2017", "special", None
    else:
        key, kind, number = f"meetup-{facts.number}", "meetup", facts.number
    return EventRecord(
        key=key,
        number=number,
        kind=kind,
        title=facts.title or f"{facts.number}{ordinal_suffix(facts.number or 0)} Vienna Deep Learning Meetup",
        date=date,
        start_time=timed[0] if timed else None,
        end_time=None,
        venue=VenueRecord(venue_name) if venue_name else None,
        meetup_url=facts.meetup_url,
        description=facts.description,
        intro_slides_url=""
        if not facts.intro_slides or is_placeholder(facts.intro_slides)
        else to_url(facts.intro_slides),
        talks=talks,
        agenda=list(facts.agenda),
        sponsors=list(facts.sponsors),
        sources=[facts.source],
    )


def is_placeholder(href: str) -> bool:
    return bool(re.search(r"(^|/)TODO(\.pdf)?$", href.strip().strip("<>")))



def parse_meetup_readme(
    text: str,
    *,
    source: str,
    slides_base_url: str = DEFAULT_SLIDES_BASE_URL,
    fallback_date: datetime.date | None = None,
) -> tuple[EventRecord | None, list[ReportEntry]]:
    """One README of any generation -> (event or None, report entries). Never raises on odd input."""
    try:
        facts = parse_readme_facts(text, source=source)
    except Exception as error:  # noqa: BLE001 - a broken README must not abort the whole import
        return None, [ReportEntry("warning", f"could not read README: {error}", source, 1)]
    report = list(facts.report)
    if facts.number is None and "AI_Summit" not in source:
        report.append(
            ReportEntry("warning", "does not look like a meetup README (no meetup number)", source, 1)
        )
        return None, report
    event = build_event(facts, slides_base_url=slides_base_url, fallback_date=fallback_date)
    if event is None:
        line = facts.date_line or 1
        report.append(
            ReportEntry("warning", "does not look like a meetup README (no date found)", source, line)
        )
    return event, report
