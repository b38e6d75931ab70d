"""The whole archive: the root talk table, every per-meetup README, the old website table and the history files,
weighed into one EventRecord per meetup and corrected from corrections.json (fixtures/source/FORMATS.md §8).

The numbering has no gaps, so every number up to the highest one any source names becomes a meetup, even one no
source describes (#39-#41); the AI Summit and the partner event come from their own rows.
"""

from pathlib import Path

from ..corrections import Corrections
from ..links import DEFAULT_SLIDES_BASE_URL, meetup_event_id
from ..readme.facts import AI_SUMMIT_KEY
from ..records import ArchiveError, ArchiveRecord, EventRecord, ReportEntry
from ..root_table import has_meetups_table, read_root_talks
from ..website import read_website_meetups
from .events import PARTNER_KEYS, merged_event, partner_event
from .people import merge_speakers, merge_venues
from .sources import ROOT_README, Sources, default_sibling, known_files, read_all_readmes


def parse_archive(
    root: Path,
    *,
    slides_base_url: str = DEFAULT_SLIDES_BASE_URL,
    website_index: Path | None = None,
    history_dir: Path | None = None,
    corrections_file: Path | None = None,
) -> ArchiveRecord:
    """A checkout of vdlm/meetups (plus the website index, history and corrections beside it) -> the archive."""
    root = Path(root)
    root_readme = root / ROOT_README
    root_text = root_readme.read_text(encoding="utf-8") if root_readme.is_file() else ""
    if not root_text or not has_meetups_table(root_text) or not (root / "Meetups").is_dir():
        raise ArchiveError(
            f"{root} is not a checkout of vdlm/meetups (needs README.md with a '## Meetups' table and Meetups/)"
        )
    website_index = website_index or default_sibling(root, "vdlm-github-site/index.md")
    history_dir = history_dir or default_sibling(root, "vdlm-meetups-history")
    corrections_file = corrections_file or default_sibling(root, "corrections.json")

    sources = Sources(root, slides_base_url, known_files(root), Corrections.load(corrections_file), [])
    root_talks = read_root_talks(root_text)
    website = read_website_meetups(website_index.read_text(encoding="utf-8")) if website_index else []
    readmes = read_all_readmes(sources, history_dir)

    numbers = {int(talk.event_label) for talk in root_talks if talk.event_label.isdigit()}
    numbers |= {int(meetup.label) for meetup in website if meetup.label.isdigit()}
    numbers |= {int(key.removeprefix("meetup-")) for key in readmes if key.startswith("meetup-")}
    # Numbering has no gaps: a number without any data (#39-#41) is still a meetup that took place.
    candidates = [
        merged_event(sources, f"meetup-{n}", n, str(n), readmes.get(f"meetup-{n}", []), root_talks, website)
        for n in range(1, max(numbers) + 1)
    ]
    candidates.append(
        merged_event(sources, AI_SUMMIT_KEY, None, "AI", readmes.get(AI_SUMMIT_KEY, []), root_talks, website)
    )
    events = [event for event in candidates if event is not None]
    events += [partner_event(meetup) for meetup in website if meetup.label in PARTNER_KEYS]

    speaker_aliases = merge_speakers(events, sources)
    venue_aliases = merge_venues(events, sources)
    events.sort(key=lambda event: (event.date, event.number or 0, event.key))
    check_meetup_ids(events, sources)
    return ArchiveRecord(events, speaker_aliases, venue_aliases, sources.report)


def check_meetup_ids(events: list[EventRecord], sources: Sources) -> None:
    """Two events with one meetup.com page (#35 and #36 share one) are reported."""
    owners: dict[str, str] = {}
    for event in events:
        event_id = meetup_event_id(event.meetup_url)
        if not event_id:
            continue
        if event_id in owners:
            sources.report.append(
                ReportEntry("conflict", f"{event.key} and {owners[event_id]} share meetup.com id {event_id}")
            )
        owners.setdefault(event_id, event.key)
