"""Reading the historic meetup archive (markdown) into plain records; no database access here.

records      the plain data handed to the writer (archive/services.py)
markdown     markdown-it helpers: blocks, tables, inline text and links
links        repository paths, download URLs, meetup.com pages, placeholders
names        people and affiliations in free text
affiliations an affiliation as the organisation alone, the job role kept apart
corrections  corrections.json, the organisers' decisions by hand
root_table   the root README's talk table;  website  the old GitHub Pages site's meetup table
readme/      one per-meetup README -> facts (header, hosts, description, slides, agenda region and lines, talk
             headers, sections, bios, mentions of people, program)
merge/       all sources weighed into one EventRecord per meetup (dates, urls, talks, speakers, people, events)
report       the data-quality report as markdown
"""

from .merge import parse_archive
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
