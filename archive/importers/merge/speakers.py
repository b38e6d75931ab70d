"""Each talk's speakers with their affiliation as this meetup's sources state it, never one from another meetup.

Written affiliations are split into organisation and job role (affiliations.py). A speaker whose talk names no
organisation takes it from what this meetup's sources say elsewhere: their other talk that evening, the
organisation a talk-table row names for its speakers (#47), "(Org)" after the talk's title in the agenda (#15),
or where the README mentions them ("Lukas Zimmermann (dreamwaves.io) will present", #45). Every change is reported.
"""

import re
from dataclasses import dataclass, replace

from ..affiliations import split_affiliation, split_speaker_affiliation
from ..readme import ReadmeFacts
from ..readme.agenda import speaker_strength
from ..readme.mentions import STATUS, mentioned_affiliation
from ..records import ReportEntry, SlotRecord, SpeakerRecord, TalkRecord
from .sources import Sources


def state_affiliations(sources: Sources, key: str, talks: list[TalkRecord], source: str) -> None:
    """Splits every speaker's written affiliation into organisation and role, reporting what changed."""
    for talk in talks:
        talk.speakers = [stated_speaker(sources, key, speaker, source) for speaker in talk.speakers]


def stated_speaker(sources: Sources, key: str, speaker: SpeakerRecord, source: str) -> SpeakerRecord:
    stated, affiliation = split_speaker_affiliation(speaker)
    if affiliation is None:
        return speaker
    changes = [
        f"organisation {affiliation.organisation!r}" if affiliation.organisation else "no organisation"
    ]
    changes += [f"role {affiliation.role!r} kept apart"] if affiliation.role else []
    changes += ["legal form dropped"] if affiliation.legal_form_dropped else []
    report_affiliation(
        sources, key, f"{speaker.name}'s affiliation {speaker.affiliation!r}: {', '.join(changes)}", source
    )
    return stated


def report_affiliation(sources: Sources, key: str, message: str, source: str) -> None:
    sources.report.append(ReportEntry("affiliation", f"{key}: {message}", source))


def fill_affiliations(
    sources: Sources, key: str, talks: list[TalkRecord], agenda: list[SlotRecord], readme: ReadmeFacts | None
) -> None:
    """Speakers without an organisation take the one this meetup's sources state elsewhere (see the docstring)."""
    statements = MeetupStatements(sources, key, talks, agenda, readme)
    source = readme.source if readme else ""
    for index, talk in enumerate(talks):
        for position, speaker in enumerate(talk.speakers):
            found = statements.find(speaker, index) if not speaker.affiliation else None
            filled = with_affiliation(speaker, found[0]) if found is not None else speaker
            if found is not None and filled != speaker:
                talk.speakers[position] = filled
                what = (
                    f"organisation {filled.affiliation!r}" if filled.affiliation else f"role {filled.role!r}"
                )
                report_affiliation(sources, key, f"{speaker.name}'s {what} from {found[1]}", source)


def with_affiliation(speaker: SpeakerRecord, written: str) -> SpeakerRecord:
    affiliation = split_affiliation(written)
    return replace(speaker, affiliation=affiliation.organisation, role=speaker.role or affiliation.role)


# (affiliation as written, where it was found)
Statement = tuple[str, str]


@dataclass
class MeetupStatements:
    """What this meetup's sources say about its speakers outside their own talk's speaker line."""

    sources: Sources
    key: str
    talks: list[TalkRecord]
    agenda: list[SlotRecord]
    readme: ReadmeFacts | None

    def find(self, speaker: SpeakerRecord, talk_index: int) -> Statement | None:
        return (
            self.other_talk(speaker)
            or self.organisation_row(speaker)
            or self.after_title(talk_index)
            or self.mention(speaker)
        )

    def other_talk(self, speaker: SpeakerRecord) -> Statement | None:
        """Their other talk this evening (#29: Mačina's talk and his conference review)."""
        stated = [
            (talk, other) for talk in self.talks for other in talk.speakers if other.name == speaker.name
        ]
        for talk, other in sorted(stated, key=lambda pair: not pair[1].affiliation):
            if other.affiliation or (other.role and not speaker.role):
                written = (
                    f"{other.role}, {other.affiliation}"
                    if other.role and other.affiliation
                    else other.affiliation or other.role
                )
                return written, f"their talk {talk.title!r} at this meetup"
        return None

    def organisation_row(self, speaker: SpeakerRecord) -> Statement | None:
        """A talk-table row that names an organisation for its members' talks ("MUW AI Institute", #47)."""
        for organisation in self.sources.speaking_organisations.get(self.key, []):
            if speaker.name in self.sources.corrections.organisation_members.get(organisation, []):
                return organisation, f"the talk table's row for {organisation}"
        return None

    def after_title(self, talk_index: int) -> Statement | None:
        """ "Deep Learning on 3D Medical Image Data at Contextflow (Contextflow)" in the agenda (#15)."""
        for slot in self.agenda:
            match = re.search(r"\(([^()]+)\)\s*$", slot.title)
            if (
                slot.talk == talk_index
                and match
                and not speaker_strength(match[1])
                and not STATUS.match(match[1])
            ):
                return match[1].strip(), f"'({match[1].strip()})' after the talk's title in the agenda"
        return None

    def mention(self, speaker: SpeakerRecord) -> Statement | None:
        """ "Lukas Zimmermann (dreamwaves.io) will present …" and the like in the README's prose (mentions.py)."""
        if self.readme is None:
            return None
        names = self.sources.corrections.spellings(speaker.name)
        names += [written for written, used in self.sources.readme_spellings if used == speaker.name]
        affiliation, words = mentioned_affiliation(self.readme.text, list(dict.fromkeys(names)))
        return (affiliation, f"the README's words {words!r}") if affiliation else None
