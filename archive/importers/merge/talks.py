"""The talks of one meetup: the root talk table's rows, enriched from the README, plus what only the README or
corrections.json knows.

The root table is the most complete list of talks (with slides and videos); the README adds abstracts, bios,
affiliations and the evening's running order. A README talk is matched to a root row by a similar title, else
by a shared speaker surname within the same kind of talk.
"""

import difflib
from dataclasses import dataclass, field

from common.text import fold

from ..links import repo_file_url
from ..readme import ReadmeFacts
from ..readme.agenda import WELCOME
from ..records import ReportEntry, SpeakerRecord, TalkRecord
from ..root_table import RootTalk
from .sources import ROOT_README, Sources
from .urls import corrected_url, resolve_slides_url


def merge_talks(
    sources: Sources, key: str, rows: list[RootTalk], readme: ReadmeFacts | None
) -> tuple[list[TalkRecord], dict[int, int]]:
    """Root table talks enriched from the README, README-only talks and corrections.json's extra talks.

    Order: the README's order where the README names the talk (it is the evening's running order),
    then the remaining root rows as listed, then the extra talks. Also returns README talk index -> final index.
    """
    merge = TalkMerge(sources, key, readme)
    merge.add_root_rows([row for row in rows if not row.organiser_deck])
    # The root table's decks are what corrections.json's swaps fix, not a README talk's by the same speaker.
    apply_talk_slides(sources, key, list(merge.talks))
    merge.add_readme_only_talks(has_root_rows=bool(rows))
    merge.add_extra_talks()
    return merge.in_running_order()


@dataclass
class TalkMerge:
    sources: Sources
    key: str
    readme: ReadmeFacts | None
    talks: list[TalkRecord] = field(default_factory=list)
    used: dict[int, int] = field(default_factory=dict)  # README talk index -> index in self.talks

    @property
    def readme_talks(self) -> list[TalkRecord]:
        return list(self.readme.talks) if self.readme else []

    def add_root_rows(self, rows: list[RootTalk]) -> None:
        readme_talks = self.readme_talks
        talks = [talk for talk in (self.root_talk(row) for row in rows) if talk is not None]
        for talk, match in zip(talks, match_readme_talks(talks, readme_talks), strict=True):
            if match is not None:
                enrich_from_readme(talk, readme_talks[match], self.sources, self.key, self.readme)
                self.used[match] = len(self.talks)
            self.talks.append(talk)

    def root_talk(self, row: RootTalk) -> TalkRecord | None:
        """The row as a talk; None when it names only an organisation (its README talks come instead, #47)."""
        people = row_speakers(self.sources, self.key, row)
        if not people:
            return None
        slides = (
            resolve_slides_url(self.sources, self.key, row.slides[0], ROOT_README, row.line)
            if row.slides
            else ""
        )
        video = corrected_url(self.sources, row.videos[0], self.key) if row.videos else ""
        talk = TalkRecord(row.title, talk_kind(row.title), people, slides_url=slides, video_url=video)
        apply_talk_titles(self.sources, self.key, [talk])
        return talk

    def add_readme_only_talks(self, *, has_root_rows: bool) -> None:
        """README talks no root row matched; not those whose speakers all have a root row already (their
        hot-topics segment under another title)."""
        canonical = self.sources.corrections.canonical_speaker
        root_names = {fold(canonical(s.name)) for talk in self.talks for s in talk.speakers}
        for index, readme_talk in enumerate(self.readme_talks):
            if index in self.used or not readme_talk.speakers or is_welcome(readme_talk.title):
                continue
            if has_root_rows and all(fold(canonical(s.name)) in root_names for s in readme_talk.speakers):
                continue
            self.add_readme_talk(index, readme_talk)

    def add_readme_talk(self, index: int, readme_talk: TalkRecord) -> None:
        talk = TalkRecord(
            readme_talk.title,
            readme_talk.kind,
            list(readme_talk.speakers),
            readme_talk.abstract,
            cancelled=readme_talk.cancelled,
        )
        readme = self.readme
        if readme is not None and index in readme.talk_slide_paths:
            talk.slides_url = resolve_slides_url(
                self.sources, self.key, readme.talk_slide_paths[index], readme.source, None
            )
        self.used[index] = len(self.talks)
        self.talks.append(talk)
        names = ", ".join(s.name for s in talk.speakers)
        self.sources.report.append(
            ReportEntry(
                "single_source",
                f"{self.key}: talk {talk.title!r} by {names} is only in the README",
                readme.source if readme else "",
            )
        )

    def add_extra_talks(self) -> None:
        for extra in self.sources.corrections.extra_talks:
            if extra["event"] != self.key:
                continue
            speakers = [
                SpeakerRecord(s["name"], s.get("affiliation", ""), role=s.get("role", ""))
                for s in extra["speakers"]
            ]
            self.talks.append(TalkRecord(extra["title"], extra.get("kind", "talk"), speakers))
            if extra.get("untitled"):
                names = ", ".join(speaker.name for speaker in speakers)
                self.sources.report.append(
                    ReportEntry(
                        "untitled_talk",
                        f"{self.key}: no source gives the talk by {names} a title; it is named with the sources' "
                        f"own words {extra['title']!r}",
                        self.readme.source if self.readme else ROOT_README,
                    )
                )
            self.sources.report.append(
                ReportEntry(
                    "single_source",
                    f"{self.key}: talk {extra['title']!r} added from corrections.json. {extra['reason']}",
                    self.readme.source if self.readme else ROOT_README,
                )
            )

    def in_running_order(self) -> tuple[list[TalkRecord], dict[int, int]]:
        readme_count = len(self.readme_talks)
        readme_position = {final: index for index, final in self.used.items()}
        order = sorted(range(len(self.talks)), key=lambda i: (readme_position.get(i, readme_count), i))
        new_index = {old_index: position for position, old_index in enumerate(order)}
        return [self.talks[i] for i in order], {index: new_index[final] for index, final in self.used.items()}


def row_speakers(sources: Sources, key: str, row: RootTalk) -> list[SpeakerRecord]:
    """The row's people, without organisations corrections.json says are not speakers (reported)."""
    organisations = sources.corrections.organisation_speakers
    people: list[SpeakerRecord] = []
    for name, affiliation in row.people:
        if name in organisations:
            sources.speaking_organisations.setdefault(key, []).append(name)
            sources.report.append(
                ReportEntry(
                    "correction",
                    f"{key}: {name!r} is an organisation, not a speaker. {organisations[name]}",
                    ROOT_README,
                    row.line,
                )
            )
            continue
        people.append(SpeakerRecord(name, affiliation))
    return people


def talk_kind(title: str) -> str:
    lowered = title.lower()
    if "hot paper" in lowered or "hot topic" in lowered:
        return "hot_topics"
    return "talk"


def similar_titles(first: str, second: str) -> bool:
    a, b = fold(first), fold(second)
    if not a or not b:
        return False
    if a in b or b in a:
        return True
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.72


def is_welcome(title: str) -> bool:
    """ "Welcome", "Introduction by our host: Casinos Austria" are agenda items, not talks (#11)."""
    return bool(WELCOME.match(title.strip()))


def match_readme_talks(talks: list[TalkRecord], readme_talks: list[TalkRecord]) -> list[int | None]:
    """For each root-table talk, the README talk it is: first every talk with a similar title, then by a shared
    speaker surname within the same kind (#29: Mačina's talk and his conference review, in either order)."""
    matches: list[int | None] = [None] * len(talks)
    used: set[int] = set()
    for by_title in (True, False):
        for position, talk in enumerate(talks):
            if matches[position] is None:
                matches[position] = find_readme_talk(talk, readme_talks, used, by_title=by_title)
                used |= {matches[position]} if matches[position] is not None else set()
    return matches


def find_readme_talk(
    talk: TalkRecord, readme_talks: list[TalkRecord], used: set[int], *, by_title: bool
) -> int | None:
    if by_title:
        return next(
            (
                index
                for index, candidate in enumerate(readme_talks)
                if index not in used and similar_titles(talk.title, candidate.title)
            ),
            None,
        )
    names = {fold(s.name).split()[-1] for s in talk.speakers if s.name}
    for index, candidate in enumerate(readme_talks):
        candidate_names = {fold(s.name).split()[-1] for s in candidate.speakers if s.name}
        # Same speaker, other title: only within the same kind (an organiser's talk is not their news segment).
        same_kind = (candidate.kind == "hot_topics") == (talk.kind == "hot_topics")
        if index not in used and names and names & candidate_names and same_kind:
            return index
    return None


def enrich_from_readme(
    talk: TalkRecord, readme_talk: TalkRecord, sources: Sources, key: str, readme: ReadmeFacts | None
) -> None:
    """A root-table talk takes the README's abstract, kind, bios, missing affiliations and slides."""
    talk.abstract = talk.abstract or readme_talk.abstract
    talk.cancelled = talk.cancelled or readme_talk.cancelled
    if (
        readme_talk.kind in ("lightning", "hot_topics")
        and talk.kind == "talk"
        and similar_titles(talk.title, readme_talk.title)
    ):
        talk.kind = readme_talk.kind
    talk.speakers = [readme_speaker(sources, speaker, talk, readme_talk) for speaker in talk.speakers]
    if not talk.slides_url and readme is not None:
        index = readme.talks.index(readme_talk) if readme_talk in readme.talks else -1
        if index in readme.talk_slide_paths:
            talk.slides_url = resolve_slides_url(
                sources, key, readme.talk_slide_paths[index], readme.source, None
            )


def readme_speaker(
    sources: Sources, speaker: SpeakerRecord, talk: TalkRecord, readme_talk: TalkRecord
) -> SpeakerRecord:
    """The root table's speaker with the README's bio (and affiliation if the row has none)."""
    canonical = sources.corrections.canonical_speaker
    by_name = {fold(canonical(s.name)): s for s in readme_talk.speakers}
    by_surname = {fold(s.name).split()[-1]: s for s in readme_talk.speakers if s.name}
    found = by_name.get(fold(canonical(speaker.name))) or by_surname.get(fold(speaker.name).split()[-1])
    if found is None and len(talk.speakers) == 1 and len(readme_talk.speakers) == 1:
        found = readme_talk.speakers[0]
    if found is None:
        return speaker
    if found.name != speaker.name:
        sources.readme_spellings.append((found.name, speaker.name))
    return SpeakerRecord(speaker.name, speaker.affiliation or found.affiliation, found.bio)


def apply_talk_titles(sources: Sources, key: str, talks: list[TalkRecord]) -> None:
    canonical = sources.corrections.canonical_speaker
    for (event_key, speaker_name), (title, reason) in sorted(sources.corrections.talk_titles.items()):
        for talk in talks:
            names = [canonical(s.name) for s in talk.speakers]
            if event_key == key and speaker_name in names and talk.title != title:
                message = (
                    f"{key}: title {talk.title!r} of {speaker_name}'s talk replaced by {title!r}. {reason}"
                )
                sources.report.append(ReportEntry("correction", message, ROOT_README))
                talk.title = title


def apply_talk_slides(sources: Sources, key: str, talks: list[TalkRecord]) -> None:
    canonical = sources.corrections.canonical_speaker
    for (event_key, speaker_name), (path, reason) in sorted(sources.corrections.talk_slides.items()):
        if event_key != key:
            continue
        for talk in talks:
            if any(canonical(s.name) == speaker_name for s in talk.speakers):
                new_url = repo_file_url(path, sources.slides_base_url) if path else ""
                if talk.slides_url != new_url:
                    sources.report.append(
                        ReportEntry(
                            "correction",
                            f"{key}: slides of {speaker_name}'s talk set to {path or 'none'!r}. {reason}",
                            ROOT_README,
                        )
                    )
                    talk.slides_url = new_url
