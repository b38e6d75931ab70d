"""corrections.json: what the organisers decided by hand where the sources are wrong or silent.

The importer applies these generically (no meetup is special-cased in code); every entry carries a "reason" that
ends up in the import report, so each decision stays visible and can be revisited.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

from common.text import fold

from .records import VenueRecord


@dataclass
class Corrections:
    ignored_readmes: dict[str, str] = field(default_factory=dict)  # source -> reason
    readme_locations: dict[str, tuple[str, str]] = field(
        default_factory=dict
    )  # source -> (event key, reason)
    history_files: list[tuple[str, str, str]] = field(default_factory=list)  # (path, event key, reason)
    events: dict[str, dict[str, str]] = field(default_factory=dict)
    slide_paths: dict[str, tuple[str, str]] = field(default_factory=dict)  # from -> (to, reason)
    talk_slides: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)
    talk_titles: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)  # (event, speaker)
    url_fixes: dict[str, tuple[str, str]] = field(default_factory=dict)
    speaker_aliases: dict[str, tuple[str, str]] = field(default_factory=dict)  # alias -> (canonical, reason)
    organisation_speakers: dict[str, str] = field(default_factory=dict)  # organisation -> reason
    organisation_members: dict[str, list[str]] = field(default_factory=dict)  # organisation -> its speakers
    venues: dict[str, tuple[VenueRecord, str]] = field(
        default_factory=dict
    )  # folded alias -> (venue, reason)
    extra_talks: list[dict] = field(default_factory=list)
    organisations: dict[str, str] = field(default_factory=dict)  # folded spelling -> canonical name

    @classmethod
    def load(cls, path: Path | None) -> "Corrections":
        if path is None or not path.is_file():
            return cls()
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(
            ignored_readmes={entry["source"]: entry["reason"] for entry in data.get("ignored_readmes", [])},
            readme_locations={
                entry["source"]: (entry["event"], entry["reason"])
                for entry in data.get("readme_locations", [])
            },
            history_files=[
                (entry["source"], entry["event"], entry["reason"]) for entry in data.get("history_files", [])
            ],
            events=data.get("events", {}),
            slide_paths={
                entry["from"]: (entry["to"], entry["reason"]) for entry in data.get("slide_paths", [])
            },
            talk_slides={
                (entry["event"], entry["speaker"]): (entry["slides"], entry["reason"])
                for entry in data.get("talk_slides", [])
            },
            talk_titles={
                (entry["event"], entry["speaker"]): (entry["title"], entry["reason"])
                for entry in data.get("talk_titles", [])
            },
            url_fixes={entry["from"]: (entry["to"], entry["reason"]) for entry in data.get("url_fixes", [])},
            speaker_aliases={
                alias: (entry["name"], entry["reason"])
                for entry in data.get("speaker_aliases", [])
                for alias in entry["aliases"]
            },
            organisation_speakers={
                entry["name"]: entry["reason"] for entry in data.get("organisation_speakers", [])
            },
            organisation_members={
                entry["name"]: entry.get("members", []) for entry in data.get("organisation_speakers", [])
            },
            venues={
                fold(name): (venue_of(entry), entry["reason"])
                for entry in data.get("venues", [])
                for name in [entry["name"], *entry.get("aliases", [])]
            },
            extra_talks=data.get("extra_talks", []),
            organisations={
                fold(name): entry["name"]
                for entry in data.get("organisations", [])
                for name in [entry["name"], *entry["aliases"]]
            },
        )

    def canonical_speaker(self, name: str) -> str:
        """The one spelling corrections.json gives a speaker ("Rene Donner" -> "René Donner")."""
        return self.speaker_aliases.get(name, (name, ""))[0]

    def spellings(self, name: str) -> list[str]:
        """The speaker's name and every spelling corrections.json merges into the same person."""
        canonical = self.canonical_speaker(name)
        others = sorted(alias for alias, (target, _) in self.speaker_aliases.items() if target == canonical)
        return list(dict.fromkeys([name, canonical, *others]))


def venue_of(entry: dict) -> VenueRecord:
    return VenueRecord(entry["name"], entry.get("address", ""), entry.get("city", "Vienna"))
