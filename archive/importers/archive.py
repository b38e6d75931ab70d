"""The whole archive: root talk table + per-meetup READMEs + old website table + history, weighed and corrected."""

import datetime
import difflib
import json
import posixpath
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from common.text import ORDINAL_TITLE, fold, ordinal_suffix

from .markdown import repo_file_url, resolve_repo_path
from .readme import (
    DEFAULT_SLIDES_BASE_URL,
    ReadmeFacts,
    is_placeholder,
    link_slots_to_talks,
    meetup_event_id,
    normalise_meetup_url,
    parse_readme_facts,
)
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
from .root_table import RootTalk, has_meetups_table, read_root_talks
from .website import WebsiteMeetup, read_website_meetups

ROOT_README = "README.md"
WEBSITE_SOURCE = "vdlm-github-site/index.md"
AI_SUMMIT_KEY = "ai-summit-2017"
PARTNER_KEYS = {"WA": ("wearedevelopers-ai-congress-2018", "WeAreDevelopers AI Congress 2018")}
DECK_DATE = re.compile(r"^(\d{4})[-_]?(\d{2})[-_.]?(\d{2})")


@dataclass
class Corrections:
    """corrections.json, read once; every entry carries a "reason" that ends up in the report."""

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
    organisation_speakers: dict[str, str] = field(default_factory=dict)
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
        corrections = cls()
        for entry in data.get("ignored_readmes", []):
            corrections.ignored_readmes[entry["source"]] = entry["reason"]
        for entry in data.get("readme_locations", []):
            corrections.readme_locations[entry["source"]] = (entry["event"], entry["reason"])
        for entry in data.get("history_files", []):
            corrections.history_files.append((entry["source"], entry["event"], entry["reason"]))
        corrections.events = data.get("events", {})
        for entry in data.get("slide_paths", []):
            corrections.slide_paths[entry["from"]] = (entry["to"], entry["reason"])
        for entry in data.get("talk_slides", []):
            corrections.talk_slides[(entry["event"], entry["speaker"])] = (entry["slides"], entry["reason"])
        for entry in data.get("talk_titles", []):
            corrections.talk_titles[(entry["event"], entry["speaker"])] = (entry["title"], entry["reason"])
        for entry in data.get("url_fixes", []):
            corrections.url_fixes[entry["from"]] = (entry["to"], entry["reason"])
        for entry in data.get("speaker_aliases", []):
            for alias in entry["aliases"]:
                corrections.speaker_aliases[alias] = (entry["name"], entry["reason"])
        for entry in data.get("organisation_speakers", []):
            corrections.organisation_speakers[entry["name"]] = entry["reason"]
        for entry in data.get("venues", []):
            venue = VenueRecord(entry["name"], entry.get("address", ""), entry.get("city", "Vienna"))
            for name in [entry["name"], *entry.get("aliases", [])]:
                corrections.venues[fold(name)] = (venue, entry["reason"])
        corrections.extra_talks = data.get("extra_talks", [])
        for entry in data.get("organisations", []):
            for name in [entry["name"], *entry["aliases"]]:
                corrections.organisations[fold(name)] = entry["name"]
        return corrections


@dataclass
class Sources:
    root: Path
    slides_base_url: str
    files: set[str]  # repo-relative paths known to exist (on disk or in MANIFEST.tsv)
    corrections: Corrections
    report: list[ReportEntry]
    # (spelling in a README, spelling of the matched root-table speaker): variants that never reach a talk
    readme_spellings: list[tuple[str, str]] = field(default_factory=list)


def parse_archive(
    root: Path,
    *,
    slides_base_url: str = DEFAULT_SLIDES_BASE_URL,
    website_index: Path | None = None,
    history_dir: Path | None = None,
    corrections_file: Path | None = None,
) -> ArchiveRecord:
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

    events: list[EventRecord] = []
    numbers = {int(talk.event_label) for talk in root_talks if talk.event_label.isdigit()}
    numbers |= {int(meetup.label) for meetup in website if meetup.label.isdigit()}
    numbers |= {int(key.removeprefix("meetup-")) for key in readmes if key.startswith("meetup-")}
    # Numbering has no gaps: a number without any data (#39-#41) is still a meetup that took place.
    for label in [str(number) for number in range(1, max(numbers) + 1)]:
        key = f"meetup-{label}"
        event = build_event(sources, key, int(label), label, readmes.get(key, []), root_talks, website)
        if event is not None:
            events.append(event)
    summit = build_event(
        sources, AI_SUMMIT_KEY, None, "AI", readmes.get(AI_SUMMIT_KEY, []), root_talks, website
    )
    if summit is not None:
        events.append(summit)
    for meetup in website:
        if meetup.label in PARTNER_KEYS:
            events.append(partner_event(meetup))

    speaker_aliases = merge_speakers(events, sources)
    venue_aliases = merge_venues(events, sources)
    events.sort(key=lambda event: (event.date, event.number or 0, event.key))
    check_meetup_ids(events, sources)
    return ArchiveRecord(events, speaker_aliases, venue_aliases, sources.report)


def default_sibling(root: Path, name: str) -> Path | None:
    candidate = root.parent / name
    return candidate if candidate.exists() else None


def known_files(root: Path) -> set[str]:
    files = {path.relative_to(root).as_posix() for path in root.rglob("*") if path.is_file()}
    manifest = root / "MANIFEST.tsv"
    if manifest.is_file():
        for line in manifest.read_text(encoding="utf-8").splitlines()[1:]:
            files.add(line.split("\t", 1)[0])
    return files


def event_key_for_readme(source: str, corrections: Corrections) -> str | None:
    if source in corrections.readme_locations:
        return corrections.readme_locations[source][0]
    match = re.fullmatch(r"Meetups/Meetup_(\d+)/README\.md", source)
    if match:
        return f"meetup-{int(match[1])}"
    if source == "Meetups/AI_Summit/README.md":
        return AI_SUMMIT_KEY
    return None


def read_all_readmes(sources: Sources, history_dir: Path | None) -> dict[str, list[ReadmeFacts]]:
    """Every README of the checkout (and the history files) by event key; ignored ones are reported."""
    by_event: dict[str, list[ReadmeFacts]] = {}
    paths = sorted(p.relative_to(sources.root).as_posix() for p in sources.root.rglob("README.md"))
    for source in paths:
        if source == ROOT_README:
            continue
        if source in sources.corrections.ignored_readmes:
            reason = sources.corrections.ignored_readmes[source]
            sources.report.append(
                ReportEntry("duplicate_ignored", f"README not imported: {reason}", source, 1)
            )
            continue
        key = event_key_for_readme(source, sources.corrections)
        if key is None:
            sources.report.append(
                ReportEntry("warning", "README outside the known layout, skipped", source, 1)
            )
            continue
        text = read_readme_text(sources, sources.root / source, source)
        facts = read_facts(sources, text, source) if text is not None else None
        if facts is not None:
            by_event.setdefault(key, []).append(facts)
    if history_dir is not None:
        for path_text, key, reason in sources.corrections.history_files:
            relative = path_text.removeprefix("vdlm-meetups-history/")
            path = history_dir / relative
            if not path.is_file():
                sources.report.append(ReportEntry("warning", f"history file missing: {reason}", path_text))
                continue
            text = read_readme_text(sources, path, path_text)
            facts = read_facts(sources, text, path_text) if text is not None else None
            if facts is not None:
                facts.number = int(key.removeprefix("meetup-")) if key.startswith("meetup-") else None
                by_event.setdefault(key, []).append(facts)
                sources.report.append(
                    ReportEntry("correction", f"{key} read from a superseded file: {reason}", path_text, 1)
                )
    return by_event


def read_readme_text(sources: Sources, path: Path, source: str) -> str | None:
    """The file's text, or None with a warning naming the file and line when it cannot be read."""
    try:
        data = path.read_bytes()
    except OSError as error:
        sources.report.append(ReportEntry("warning", f"could not read the file: {error.strerror}", source))
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        sources.report.append(
            ReportEntry("warning", f"not UTF-8 text (byte {error.start}), README skipped", source, line)
        )
        return None


def read_facts(sources: Sources, text: str, source: str) -> ReadmeFacts | None:
    try:
        facts = parse_readme_facts(text, source=source)
    except Exception as error:  # noqa: BLE001 - one unreadable README must not stop the import
        sources.report.append(ReportEntry("warning", f"could not read README: {error}", source, 1))
        return None
    sources.report.extend(facts.report)
    if not facts.title and facts.date is None and facts.date_without_year is None and not facts.talks:
        sources.report.append(
            ReportEntry("warning", "does not look like a meetup README, skipped", source, 1)
        )
        return None
    return facts


def deck_date(path: str) -> datetime.date | None:
    match = DECK_DATE.match(posixpath.basename(path))
    if not match:
        return None
    try:
        return datetime.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def decide_date(
    sources: Sources,
    key: str,
    readme: ReadmeFacts | None,
    rows: list[RootTalk],
    site: WebsiteMeetup | None,
) -> datetime.date | None:
    """Weigh README, root table, website table and the intro deck's file name; corrections.json decides ties."""
    candidates: list[tuple[datetime.date, str]] = []
    if readme is not None and readme.date is not None:
        candidates.append((readme.date, readme.source))
    for row_date in sorted({row.date for row in rows}):
        candidates.append((row_date, ROOT_README))
    if site is not None:
        candidates.append((site.date, WEBSITE_SOURCE))
    for row in rows:
        if row.organiser_deck and row.slides and deck_date(row.slides[0]):
            candidates.append((deck_date(row.slides[0]), f"intro deck {posixpath.basename(row.slides[0])}"))
            break
    fallback_year = next((d.year for d, _ in candidates), None)
    if readme is not None and readme.date is None and readme.date_without_year and fallback_year:
        month, day = readme.date_without_year
        root_date = next((d for d, s in candidates if s == ROOT_README), None)
        year = root_date.year if root_date else fallback_year
        candidates.insert(0, (datetime.date(year, month, day), readme.source))
        sources.report.append(
            ReportEntry(
                "correction",
                f"{key}: the README gives the date without a year; year {year} taken from the root table",
                readme.source,
                readme.date_line,
            )
        )
    distinct = sorted({date for date, _ in candidates})
    override = sources.corrections.events.get(key, {}).get("date")
    if override:
        chosen = datetime.date.fromisoformat(override)
        if candidates and distinct != [chosen]:
            said = "; ".join(f"{source}: {date.isoformat()}" for date, source in candidates)
            reason = sources.corrections.events[key]["reason"]
            sources.report.append(
                ReportEntry(
                    "correction",
                    f"{key}: date set to {chosen.isoformat()} ({said}). {reason}",
                    readme.source if readme else ROOT_README,
                )
            )
        return chosen
    if not distinct:
        return None
    if len(distinct) > 1:
        votes = Counter(date for date, _ in candidates)
        chosen = sorted(distinct, key=lambda date: (-votes[date], date))[0]
        said = "; ".join(f"{source}: {date.isoformat()}" for date, source in candidates)
        sources.report.append(
            ReportEntry(
                "conflict",
                f"{key}: sources disagree on the date ({said}); chose {chosen.isoformat()} by majority",
                readme.source if readme else ROOT_README,
            )
        )
        return chosen
    return distinct[0]


def build_event(
    sources: Sources,
    key: str,
    number: int | None,
    label: str,
    readmes: list[ReadmeFacts],
    root_talks: list[RootTalk],
    website: list[WebsiteMeetup],
) -> EventRecord | None:
    rows = [talk for talk in root_talks if talk.event_label == label]
    site = next((meetup for meetup in website if meetup.label == label), None)
    readme = next((facts for facts in readmes if not facts.source.startswith("vdlm-meetups-history/")), None)
    history = next((facts for facts in readmes if facts.source.startswith("vdlm-meetups-history/")), None)
    if readme is None and history is None:
        where = "the root table" + (" and the website table" if site else "")
        sources.report.append(
            ReportEntry(
                "missing_readme",
                f"{key} has no README; built from {where}",
                ROOT_README,
                rows[0].line if rows else None,
            )
        )
    elif readme is None and history is not None:
        sources.report.append(
            ReportEntry(
                "missing_readme",
                f"{key} has no README; built from the root table and a superseded file",
                history.source,
                1,
            )
        )
    readme = readme or history
    corrections = sources.corrections.events.get(key, {})

    date = decide_date(sources, key, readme, rows, site)
    description = readme.description if readme else ""
    if corrections.get("date_is_estimate"):
        description = corrections.get("description", "")
        sources.report.append(
            ReportEntry(
                "warning",
                f"{key}: no source records this meetup; the date {date} is an estimate from corrections.json. {corrections['reason']}",
                ROOT_README,
            )
        )
    if date is None:
        sources.report.append(
            ReportEntry("warning", f"{key}: no date in any source, event skipped", ROOT_README)
        )
        return None

    title = event_title(sources, key, number, readme, site)
    hosts = [name for name, role in readme.sponsors if role == "host"] if readme else []
    venue_name = (
        corrections.get("venue")
        or (readme.venue_text if readme else "")
        or (site.venue if site else "")
        or (hosts[0] if hosts else "")
    )
    if corrections.get("venue") and readme is not None and not readme.venue_text:
        sources.report.append(
            ReportEntry(
                "correction",
                f"{key}: venue {corrections['venue']!r} from corrections.json. {corrections['reason']}",
                readme.source,
            )
        )
    meetup_url = readme.meetup_url if readme and readme.meetup_url else ""
    if site is not None and site.meetup_url and "meetup.com" in site.meetup_url:
        site_url = normalise_meetup_url(site.meetup_url)
        if meetup_url and meetup_url != site_url:
            sources.report.append(
                ReportEntry(
                    "conflict",
                    f"{key}: README meetup page {meetup_url} differs from the website's {site_url}; kept the README's",
                    readme.source if readme else "",
                )
            )
        meetup_url = meetup_url or site_url

    talks, slot_map = merge_talks(sources, key, rows, readme)
    agenda = [
        SlotRecord(
            slot.start_time,
            slot.end_time,
            slot.title,
            slot.kind,
            slot_map.get(slot.talk) if slot.talk is not None else None,
        )
        for slot in (readme.agenda if readme else [])
    ]
    # The root table may bring talks the README's own matching did not know.
    link_slots_to_talks(agenda, talks)
    timed = [slot for slot in agenda if slot.start_time is not None]
    intro = intro_slides(sources, key, rows, readme)
    video = ""
    if site is not None and site.videos:
        video = site.videos[0]
    for row in rows:
        if row.organiser_deck and row.videos:
            video = video or fix_url(sources, row.videos[0], key)
    event_sources = sorted(
        {facts.source for facts in readmes}
        | ({ROOT_README} if rows else set())
        | ({WEBSITE_SOURCE} if site else set())
    )
    return EventRecord(
        key=key,
        number=number,
        kind="meetup" if number is not None else "special",
        title=title,
        date=date,
        start_time=timed[0].start_time if timed else None,
        end_time=(timed[-1].end_time or timed[-1].start_time) if len(timed) > 1 else None,
        venue=VenueRecord(venue_name) if venue_name else None,
        meetup_url=meetup_url,
        description=description,
        intro_slides_url=intro,
        video_url=video,
        photos_url=photos_url(sources, number, site),
        talks=talks,
        agenda=agenda,
        sponsors=canonical_sponsors(sources, readme.sponsors) if readme else [],
        sources=event_sources,
    )


def canonical_sponsors(sources: Sources, sponsors: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Hosts and sponsors under one name per organisation ("A1", "A1 Telekom" -> "A1 Telekom Austria")."""
    canonical: list[tuple[str, str]] = []
    for name, role in sponsors:
        entry = (sources.corrections.organisations.get(fold(name), name), role)
        if entry not in canonical:
            canonical.append(entry)
    return canonical


def event_title(
    sources: Sources, key: str, number: int | None, readme: ReadmeFacts | None, site: WebsiteMeetup | None
) -> str:
    corrections = sources.corrections.events.get(key, {})
    if corrections.get("title"):
        if readme is not None and readme.title != corrections["title"]:
            sources.report.append(
                ReportEntry(
                    "correction",
                    f"{key}: title {readme.title!r} replaced by {corrections['title']!r}. {corrections['reason']}",
                    readme.source,
                    1,
                )
            )
        return corrections["title"]
    if readme is not None and readme.title:
        title_number = ORDINAL_TITLE.search(readme.title)
        if number is not None and title_number and int(title_number[1]) != number:
            sources.report.append(
                ReportEntry(
                    "conflict",
                    f"{key}: README title {readme.title!r} names another meetup; kept the folder's number",
                    readme.source,
                    1,
                )
            )
            return f"{number}{ordinal_suffix(number)} Vienna Deep Learning Meetup"
        return readme.title
    if number is None:
        return site.topic if site else key
    base = f"{number}{ordinal_suffix(number)} Vienna Deep Learning Meetup"
    return f"{base}: {site.topic}" if site and site.topic else base


def photos_url(sources: Sources, number: int | None, site: WebsiteMeetup | None) -> str:
    if site is not None and site.photos_url:
        return site.photos_url
    folder = f"Meetups/Meetup_{number}/photos/" if number is not None else "Meetups/AI_Summit/photos/"
    if any(path.startswith(folder) for path in sources.files):
        return sources.slides_base_url.replace("/raw/", "/tree/") + folder.rstrip("/")
    return ""


def fix_url(sources: Sources, url: str, key: str) -> str:
    if url in sources.corrections.url_fixes:
        fixed, reason = sources.corrections.url_fixes[url]
        sources.report.append(
            ReportEntry("correction", f"{key}: link {url} replaced by {fixed}. {reason}", ROOT_README)
        )
        return fixed
    return url


def slides_url(sources: Sources, key: str, href: str, source: str, line: int | None) -> str:
    """A slide link as written -> absolute URL; placeholders dropped, moved files fixed, missing files reported."""
    href = href.strip()
    if not href or href.lower() == "n/a":
        return ""
    if is_placeholder(href):
        sources.report.append(
            ReportEntry("placeholder_link", f"{key}: placeholder slide link {href!r} dropped", source, line)
        )
        return ""
    path = resolve_repo_path(
        href,
        source
        if not source.startswith("vdlm-meetups-history/")
        else source.removeprefix("vdlm-meetups-history/"),
    )
    if not path:
        return fix_url(sources, href, key)
    if path in sources.corrections.slide_paths:
        fixed, reason = sources.corrections.slide_paths[path]
        sources.report.append(
            ReportEntry(
                "correction", f"{key}: slide link {path!r} points to {fixed!r}. {reason}", source, line
            )
        )
        path = fixed
    if path not in sources.files:
        sources.report.append(
            ReportEntry(
                "broken_link",
                f"{key}: {path!r} is not in the repository's file listing (link kept)",
                source,
                line,
            )
        )
    return repo_file_url(path, sources.slides_base_url)


def intro_slides(sources: Sources, key: str, rows: list[RootTalk], readme: ReadmeFacts | None) -> str:
    decks = [row for row in rows if row.organiser_deck and row.slides]
    if decks:
        return slides_url(sources, key, decks[-1].slides[0], ROOT_README, decks[-1].line)
    if readme is not None and readme.intro_slides:
        return slides_url(sources, key, readme.intro_slides, readme.source, None)
    return ""


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


def merge_talks(
    sources: Sources, key: str, rows: list[RootTalk], readme: ReadmeFacts | None
) -> tuple[list[TalkRecord], dict[int, int]]:
    """Root table talks enriched from the README, README-only talks and corrections.json's extra talks.

    Order: the README's order where the README names the talk (it is the evening's running order),
    then the remaining root rows as listed, then the extra talks.
    """
    talks: list[TalkRecord] = []
    readme_talks = list(readme.talks) if readme else []
    used: dict[int, int] = {}  # README talk index -> final talk index
    organisations = sources.corrections.organisation_speakers
    for row in [row for row in rows if not row.organiser_deck]:
        people = []
        for name, affiliation in row.people:
            if name in organisations:
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
        if not people:
            continue  # only an organisation named: the README's own talks for it are imported instead
        slides = slides_url(sources, key, row.slides[0], ROOT_README, row.line) if row.slides else ""
        video = fix_url(sources, row.videos[0], key) if row.videos else ""
        talk = TalkRecord(row.title, talk_kind(row.title), people, slides_url=slides, video_url=video)
        apply_talk_titles(sources, key, [talk])
        match = find_readme_talk(talk, readme_talks, used)
        if match is not None:
            enrich(talk, readme_talks[match], sources, key, readme)
            used[match] = len(talks)
        talks.append(talk)
    root_names = {fold(canonical_alias(sources, s.name)) for talk in talks for s in talk.speakers}
    for index, readme_talk in enumerate(readme_talks):
        if index in used or not readme_talk.speakers or is_welcome(readme_talk.title):
            continue
        if rows and all(fold(canonical_alias(sources, s.name)) in root_names for s in readme_talk.speakers):
            continue  # the same people's slot in the root table (a hot-topics segment under another title)
        talk = TalkRecord(
            readme_talk.title,
            readme_talk.kind,
            list(readme_talk.speakers),
            readme_talk.abstract,
            cancelled=readme_talk.cancelled,
        )
        if readme is not None and index in readme.talk_slide_paths:
            talk.slides_url = slides_url(sources, key, readme.talk_slide_paths[index], readme.source, None)
        used[index] = len(talks)
        talks.append(talk)
        names = ", ".join(s.name for s in talk.speakers)
        sources.report.append(
            ReportEntry(
                "single_source",
                f"{key}: talk {talk.title!r} by {names} is only in the README",
                readme.source if readme else "",
            )
        )
    for extra in sources.corrections.extra_talks:
        if extra["event"] != key:
            continue
        speakers = [SpeakerRecord(s["name"], s.get("affiliation", "")) for s in extra["speakers"]]
        talks.append(TalkRecord(extra["title"], extra.get("kind", "talk"), speakers))
        sources.report.append(
            ReportEntry(
                "single_source",
                f"{key}: talk {extra['title']!r} added from corrections.json. {extra['reason']}",
                readme.source if readme else ROOT_README,
            )
        )
    apply_talk_slides(sources, key, talks)
    readme_position = {final: index for index, final in used.items()}
    order = sorted(range(len(talks)), key=lambda i: (readme_position.get(i, len(readme_talks)), i))
    new_index = {old_index: position for position, old_index in enumerate(order)}
    return [talks[i] for i in order], {index: new_index[final] for index, final in used.items()}


def is_welcome(title: str) -> bool:
    """ "Welcome", "Introduction by our host: Casinos Austria" are agenda items, not talks (#11)."""
    return bool(re.match(r"^(welcome|introduction by|introduction & welcome)\b", title.strip(), re.I))


def canonical_alias(sources: Sources, name: str) -> str:
    return sources.corrections.speaker_aliases.get(name, (name, ""))[0]


def find_readme_talk(talk: TalkRecord, readme_talks: list[TalkRecord], used: dict[int, int]) -> int | None:
    for index, candidate in enumerate(readme_talks):
        if index not in used and similar_titles(talk.title, candidate.title):
            return index
    names = {fold(s.name).split()[-1] for s in talk.speakers if s.name}
    for index, candidate in enumerate(readme_talks):
        candidate_names = {fold(s.name).split()[-1] for s in candidate.speakers if s.name}
        # Same speaker, other title: only within the same kind (an organiser's talk is not their news segment).
        same_kind = (candidate.kind == "hot_topics") == (talk.kind == "hot_topics")
        if index not in used and names and names & candidate_names and same_kind:
            return index
    return None


def enrich(
    talk: TalkRecord, readme_talk: TalkRecord, sources: Sources, key: str, readme: ReadmeFacts | None
) -> None:
    talk.abstract = talk.abstract or readme_talk.abstract
    talk.cancelled = talk.cancelled or readme_talk.cancelled
    if (
        readme_talk.kind in ("lightning", "hot_topics")
        and talk.kind == "talk"
        and similar_titles(talk.title, readme_talk.title)
    ):
        talk.kind = readme_talk.kind
    by_name = {fold(canonical_alias(sources, s.name)): s for s in readme_talk.speakers}
    by_surname = {fold(s.name).split()[-1]: s for s in readme_talk.speakers if s.name}
    speakers: list[SpeakerRecord] = []
    for speaker in talk.speakers:
        found = by_name.get(fold(canonical_alias(sources, speaker.name))) or by_surname.get(
            fold(speaker.name).split()[-1]
        )
        if found is None and len(talk.speakers) == 1 and len(readme_talk.speakers) == 1:
            found = readme_talk.speakers[0]
        if found is not None:
            if found.name != speaker.name:
                sources.readme_spellings.append((found.name, speaker.name))
            speaker = SpeakerRecord(speaker.name, speaker.affiliation or found.affiliation, found.bio)
        speakers.append(speaker)
    talk.speakers = speakers
    if not talk.slides_url and readme is not None:
        index = readme.talks.index(readme_talk) if readme_talk in readme.talks else -1
        if index in readme.talk_slide_paths:
            talk.slides_url = slides_url(sources, key, readme.talk_slide_paths[index], readme.source, None)


def apply_talk_titles(sources: Sources, key: str, talks: list[TalkRecord]) -> None:
    for (event_key, speaker_name), (title, reason) in sorted(sources.corrections.talk_titles.items()):
        for talk in talks:
            names = [canonical_alias(sources, s.name) for s in talk.speakers]
            if event_key == key and speaker_name in names and talk.title != title:
                message = (
                    f"{key}: title {talk.title!r} of {speaker_name}'s talk replaced by {title!r}. {reason}"
                )
                sources.report.append(ReportEntry("correction", message, ROOT_README))
                talk.title = title


def apply_talk_slides(sources: Sources, key: str, talks: list[TalkRecord]) -> None:
    for (event_key, speaker_name), (path, reason) in sorted(sources.corrections.talk_slides.items()):
        if event_key != key:
            continue
        for talk in talks:
            if any(canonical_alias(sources, s.name) == speaker_name for s in talk.speakers):
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


def partner_event(meetup: WebsiteMeetup) -> EventRecord:
    key, title = PARTNER_KEYS[meetup.label]
    return EventRecord(
        key=key,
        number=None,
        kind="partner",
        title=title,
        date=meetup.date,
        venue=VenueRecord(meetup.venue),
        meetup_url=meetup.meetup_url,
        description=f"Partner event: {meetup.topic} ({meetup.more_url}).",
        sources=[WEBSITE_SOURCE],
    )


def name_preference(name: str, count: int) -> tuple[int, int, str]:
    """Prefer the spelling with accents ("René" over "Rene"), then the most frequent one."""
    return (-sum(1 for ch in name if ord(ch) > 127), -count, name)


def merge_speakers(events: list[EventRecord], sources: Sources) -> dict[str, list[str]]:
    counts: Counter[str] = Counter()
    for event in events:
        for talk in event.talks:
            counts.update(speaker.name for speaker in talk.speakers)
    canonical: dict[str, str] = {}
    reasons: dict[str, str] = {}
    for alias, (name, reason) in sources.corrections.speaker_aliases.items():
        canonical[alias] = name
        reasons[alias] = reason
    for written, used in sources.readme_spellings:
        counts[written] += 0  # known spelling, but it does not vote for itself
        canonical.setdefault(written, canonical.get(used, used))
        reasons.setdefault(written, "README spelling of the same talk's speaker in the root table")
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


def merge_venues(events: list[EventRecord], sources: Sources) -> dict[str, list[str]]:
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


def check_meetup_ids(events: list[EventRecord], sources: Sources) -> None:
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
