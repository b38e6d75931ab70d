"""Plain data read from the historic meetup archive; no Django here, the import service maps it to models."""

import datetime
from dataclasses import dataclass, field


@dataclass(frozen=True)
class SpeakerRecord:
    name: str  # canonical spelling after merging variants ("René Donner")
    affiliation: str = ""  # the organisation at the time of this talk, as this meetup's sources state it
    bio: str = ""  # markdown, "" if none
    role: str = ""  # job role at the time, kept apart from the organisation ("AI Researcher")


@dataclass
class TalkRecord:
    title: str
    kind: str  # "talk" | "lightning" | "hot_topics" | "panel"
    speakers: list[SpeakerRecord]
    abstract: str = ""
    slides_url: str = ""
    video_url: str = ""
    cancelled: bool = False


@dataclass
class SlotRecord:
    start_time: datetime.time | None
    end_time: datetime.time | None
    title: str
    kind: str  # "welcome" | "talk" | "break" | "announcements" | "hot_topics" | "networking" | "other"
    talk: int | None = None  # index into EventRecord.talks
    cancelled: bool = False  # struck through, cancelled or postponed: kept in the agenda, without a time


@dataclass(frozen=True)
class VenueRecord:
    name: str
    address: str = ""
    city: str = "Vienna"


@dataclass
class EventRecord:
    key: str
    number: int | None
    kind: str  # "meetup" | "special" | "partner"
    title: str
    date: datetime.date
    start_time: datetime.time | None = None
    end_time: datetime.time | None = None
    venue: VenueRecord | None = None
    meetup_url: str = ""
    description: str = ""
    intro_slides_url: str = ""
    video_url: str = ""
    photos_url: str = ""
    talks: list[TalkRecord] = field(default_factory=list)
    agenda: list[SlotRecord] = field(default_factory=list)
    sponsors: list[tuple[str, str]] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ReportEntry:
    category: str  # see REPORT_CATEGORIES
    message: str
    source: str = ""
    line: int | None = None


# Each category with its heading in the report, in the report's order.
REPORT_CATEGORIES = {
    "conflict": "Conflicts between sources (decided by evidence)",
    "correction": "Corrections applied",
    "missing_readme": "Meetups without a README",
    "duplicate_ignored": "Duplicate or broken files ignored",
    "broken_link": "Links to files not in the repository listing",
    "placeholder_link": "Placeholder links dropped",
    "merged_variant": "Spelling variants merged",
    "single_source": "Talks found in only one source",
    "affiliation": "Affiliations: the organisation alone (job roles kept apart, legal forms dropped, read where stated)",
    "untitled_talk": "Talks no source gives a title",
    "agenda": "Agenda times read from prose or approximate, and cancelled slots",
    "slides": "Slides from the talk table shared with another talk or the intro deck",
    "warning": "Warnings",
    # Written by the import service: an event organizers edited, not overwritten.
    "kept_edit": "Events kept as organizers edited them",
}


@dataclass
class ArchiveRecord:
    events: list[EventRecord]  # sorted by date
    speaker_aliases: dict[str, list[str]]  # canonical name -> other spellings merged into it
    venue_aliases: dict[str, list[str]]
    report: list[ReportEntry]


class ArchiveError(Exception):
    """The given path is not a checkout of the vdlm/meetups repository."""
