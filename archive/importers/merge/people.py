"""One spelling per speaker and one name per venue across the whole archive.

Spellings merge when corrections.json says so, when a README spells the root table's speaker of the same talk
differently, or when they differ only in accents and case; the accented, then the most frequent spelling wins.
Every merge is reported.
"""

from collections import Counter
from dataclasses import replace

from common.text import fold

from ..records import EventRecord, ReportEntry, VenueRecord
from .sources import Sources


def name_preference(name: str, count: int) -> tuple[int, int, str]:
    """Prefer the spelling with accents ("René" over "Rene"), then the most frequent one."""
    return (-sum(1 for ch in name if ord(ch) > 127), -count, name)


def merge_speakers(events: list[EventRecord], sources: Sources) -> dict[str, list[str]]:
    """Renames every talk's speakers to their chosen spelling; canonical name -> merged spellings."""
    counts: Counter[str] = Counter(
        speaker.name for event in events for talk in event.talks for speaker in talk.speakers
    )
    canonical, reasons = known_spellings(sources, counts)
    final = chosen_spellings(counts, canonical)
    aliases: dict[str, list[str]] = {}
    for name in sorted(final):
        chosen = final[name]
        if name != chosen:
            aliases.setdefault(chosen, []).append(name)
            why = reasons.get(name, "same name apart from accents/case")
            sources.report.append(
                ReportEntry("merged_variant", f"speaker {name!r} merged into {chosen!r}: {why}")
            )
    for event in events:
        for talk in event.talks:
            talk.speakers = [replace(s, name=final.get(s.name, s.name)) for s in talk.speakers]
    return {name: sorted(variants) for name, variants in sorted(aliases.items())}


def known_spellings(sources: Sources, counts: Counter[str]) -> tuple[dict[str, str], dict[str, str]]:
    """spelling -> canonical spelling, and why, from corrections.json and the README spellings of root speakers.

    A README spelling joins `counts` with no votes: it is known, but does not vote for itself."""
    canonical: dict[str, str] = {}
    reasons: dict[str, str] = {}
    for alias, (name, reason) in sources.corrections.speaker_aliases.items():
        canonical[alias] = name
        reasons[alias] = reason
    for written, used in sources.readme_spellings:
        counts[written] += 0
        canonical.setdefault(written, canonical.get(used, used))
        reasons.setdefault(written, "README spelling of the same talk's speaker in the root table")
    return canonical, reasons


def chosen_spellings(counts: Counter[str], canonical: dict[str, str]) -> dict[str, str]:
    """Every spelling -> the one its group (same canonical name after folding) is shown under."""
    groups: dict[str, list[str]] = {}
    for name in sorted(counts):
        target = canonical.get(name, name)
        groups.setdefault(fold(target), []).append(name)
    final: dict[str, str] = {}
    for group_names in groups.values():
        targets = sorted(
            {canonical.get(n, n) for n in group_names}, key=lambda n: name_preference(n, counts[n])
        )
        chosen = next((t for t in targets if t in canonical.values()), targets[0])
        for name in group_names:
            final[name] = chosen
    return final


def merge_venues(events: list[EventRecord], sources: Sources) -> dict[str, list[str]]:
    """Each event's venue under its corrections.json name (with address), else the first spelling seen."""
    aliases: dict[str, set[str]] = {}
    seen_by_fold: dict[str, str] = {}
    reported: set[str] = set()
    for event in sorted(events, key=lambda e: (e.date, e.key)):
        if event.venue is None:
            continue
        written = event.venue.name
        group = sources.corrections.venues.get(fold(written))
        if group is not None:
            venue, reason = group
        else:
            # Generic: names equal after accent/case folding are the same place.
            first = seen_by_fold.setdefault(fold(written), written)
            venue, reason = VenueRecord(first), "same name apart from accents/case"
        if written != venue.name:
            aliases.setdefault(venue.name, set()).add(written)
            if written not in reported:
                reported.add(written)
                sources.report.append(
                    ReportEntry("merged_variant", f"venue {written!r} merged into {venue.name!r}: {reason}")
                )
        event.venue = venue
    return {name: sorted(variants) for name, variants in sorted(aliases.items())}
