"""What one README states, before it is weighed against the other sources.

The reader fills one ReadmeFacts per file; the README alone makes an event of it (reader.readme_event), the
merge weighs it against the root talk table and the website table (merge/).
"""

import datetime
from dataclasses import dataclass, field

from ..records import ReportEntry, SlotRecord, TalkRecord

AI_SUMMIT_KEY = "ai-summit-2017"


@dataclass
class ReadmeFacts:
    source: str
    title: str = ""
    number: int | None = None
    date: datetime.date | None = None
    date_line: int | None = None
    date_without_year: tuple[int, int] | None = None  # (month, day) when the prose has no year
    venue_text: str = ""
    meetup_url: str = ""
    description: str = ""
    intro_slides: str = ""  # repo-relative path or absolute URL
    talks: list[TalkRecord] = field(default_factory=list)
    talk_slide_paths: dict[int, str] = field(default_factory=dict)  # talk index -> repo path
    agenda: list[SlotRecord] = field(default_factory=list)
    sponsors: list[tuple[str, str]] = field(default_factory=list)
    report: list[ReportEntry] = field(default_factory=list)
    start_time: datetime.time | None = (
        None  # from the prose ("Begin Time: 18:30"), for a README without agenda times
    )
    start_time_words: str = ""
    start_time_line: int | None = None
    text: str = field(default="", repr=False)  # the whole README, for the people it mentions in prose


def is_ai_summit(source: str) -> bool:
    """The one special event of the history, which has no meetup number: known by its folder."""
    return "AI_Summit" in source


def readme_event_key(facts: ReadmeFacts) -> str:
    """The event a README names itself: the AI Summit, else the meetup its title numbers (its folder's number if
    the title has none). The merge keys READMEs by their place instead (merge/sources.py): a title may be wrong."""
    return AI_SUMMIT_KEY if is_ai_summit(facts.source) else f"meetup-{facts.number}"
