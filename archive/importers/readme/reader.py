"""Reading one per-meetup README of any generation (fixtures/source/FORMATS.md §2) into facts, and alone into an event.

parse_readme_facts is what the merge uses; parse_meetup_readme makes an event of a README on its own (for a single
file, and for tests of one generation at a time).
"""

import datetime

from ..affiliations import split_speaker_affiliation
from ..links import DEFAULT_SLIDES_BASE_URL, is_placeholder, repo_file_url, resolve_repo_path
from ..markdown import parse_blocks, top_level_blocks
from ..records import EventRecord, ReportEntry, TalkRecord, VenueRecord
from .description import read_description
from .facts import ReadmeFacts, is_ai_summit, readme_event_key
from .header import default_meetup_title, read_header
from .hosts import find_hosts
from .program import read_program
from .slides import find_intro_deck


def parse_readme_facts(text: str, *, source: str) -> ReadmeFacts:
    facts = ReadmeFacts(source=source, text=text)
    blocks = top_level_blocks(parse_blocks(text))
    text_lines = text.split("\n")
    read_header(facts, blocks)
    facts.sponsors = find_hosts(text)
    facts.description = read_description(text_lines, blocks)
    facts.intro_slides = find_intro_deck(blocks)
    read_program(facts, text_lines, blocks)
    return facts


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
    if facts.number is None and not is_ai_summit(source):
        report.append(
            ReportEntry("warning", "does not look like a meetup README (no meetup number)", source, 1)
        )
        return None, report
    event = readme_event(facts, slides_base_url=slides_base_url, fallback_date=fallback_date)
    if event is None:
        line = facts.date_line or 1
        report.append(
            ReportEntry("warning", "does not look like a meetup README (no date found)", source, line)
        )
    return event, report


def readme_date(facts: ReadmeFacts, fallback_date: datetime.date | None) -> datetime.date | None:
    """The README's date; a year-less one takes the fallback's year, none at all the fallback."""
    if facts.date is None and facts.date_without_year and fallback_date is not None:
        return datetime.date(fallback_date.year, *facts.date_without_year)
    return facts.date or fallback_date


def readme_event(
    facts: ReadmeFacts, *, slides_base_url: str, fallback_date: datetime.date | None = None
) -> EventRecord | None:
    """The event one README describes on its own, or None without a date or (but for the AI Summit) a number."""
    date = readme_date(facts, fallback_date)
    if date is None or facts.number is None and not is_ai_summit(facts.source):
        return None

    def to_url(href: str) -> str:
        path = resolve_repo_path(href, facts.source)
        return repo_file_url(path, slides_base_url) if path else href

    talks = [
        TalkRecord(
            t.title,
            t.kind,
            [split_speaker_affiliation(speaker)[0] for speaker in t.speakers],
            t.abstract,
            t.slides_url,
            t.video_url,
            t.cancelled,
        )
        for t in facts.talks
    ]
    for index, href in facts.talk_slide_paths.items():
        if not is_placeholder(href):
            talks[index].slides_url = to_url(href)
    timed = [slot.start_time for slot in facts.agenda if slot.start_time is not None]
    # From #55 on the venue is only in prose: "hosted by Magenta Telekom".
    hosts = [name for name, role in facts.sponsors if role == "host"]
    venue_name = facts.venue_text or (hosts[0] if hosts else "")
    key = readme_event_key(facts)
    kind, number = ("special", None) if is_ai_summit(facts.source) else ("meetup", facts.number)
    return EventRecord(
        key=key,
        number=number,
        kind=kind,
        # The AI Summit has no number: untitled, it is named by its key, as the merge names it.
        title=facts.title or (default_meetup_title(number) if number is not None else key),
        date=date,
        start_time=timed[0] if timed else facts.start_time,
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
