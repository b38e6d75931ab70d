"""The per-meetup README reader: one README of any generation -> ReadmeFacts (or, on its own, an EventRecord).

header (title, number, date, venue, page), hosts, description, slides, agenda, talk_headers, sections, bios and
program each read one part of the file; reader puts them together.
"""

from .facts import ReadmeFacts
from .reader import parse_meetup_readme, parse_readme_facts

__all__ = ["ReadmeFacts", "parse_meetup_readme", "parse_readme_facts"]
