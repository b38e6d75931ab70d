"""Reading the historic meetup archive (markdown) into plain records; no database access here."""

from .archive import parse_archive
from .readme import parse_meetup_readme
from .records import (
    ArchiveError,
    ArchiveRecord,
    EventRecord,
    ReportEntry,
    SlotRecord,
    SpeakerRecord,
    TalkRecord,
    VenueRecord,
)
from .report import render_report_markdown

__all__ = [
    "ArchiveError",
    "ArchiveRecord",
    "EventRecord",
    "ReportEntry",
    "SlotRecord",
    "SpeakerRecord",
    "TalkRecord",
    "VenueRecord",
    "parse_archive",
    "parse_meetup_readme",
    "render_report_markdown",
]
