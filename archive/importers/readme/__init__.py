"""The per-meetup README reader: one README of any generation -> ReadmeFacts (or, on its own, an EventRecord).

header (title, number, date, venue, page, start time), hosts, description, slides, agenda_region (where the agenda
is), agenda (its slots and talks), talk_headers, sections, bios, mentions (people named in prose) and program each
read one part of the file; reader puts them together.
"""

from .facts import ReadmeFacts
from .reader import parse_meetup_readme, parse_readme_facts

__all__ = ["ReadmeFacts", "parse_meetup_readme", "parse_readme_facts"]
