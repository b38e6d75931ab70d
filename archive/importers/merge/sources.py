"""The sources of one import: the checkout's files, the READMEs read into facts, the corrections and the report.

Every later step of the merge reads from Sources and appends its findings to Sources.report, so the report lists
decisions in the order they were taken.
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..corrections import Corrections
from ..readme import ReadmeFacts, parse_readme_facts
from ..readme.facts import AI_SUMMIT_KEY
from ..records import ReportEntry

ROOT_README = "README.md"
WEBSITE_SOURCE = "vdlm-github-site/index.md"
HISTORY_PREFIX = "vdlm-meetups-history/"


@dataclass
class Sources:
    root: Path
    slides_base_url: str
    files: set[str]  # repo-relative paths known to exist (on disk or in MANIFEST.tsv)
    corrections: Corrections
    report: list[ReportEntry]
    # (spelling in a README, spelling of the matched root-table speaker): variants that never reach a talk
    readme_spellings: list[tuple[str, str]] = field(default_factory=list)
    # event key -> organisations a root row names as its speaker (their members speak instead, #47)
    speaking_organisations: dict[str, list[str]] = field(default_factory=dict)


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
    """The event a README belongs to by its place in the checkout, not by the number its title gives
    (readme_event_key): Meetup_19's title names meetup 1."""
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
    found = read_checkout_readmes(sources)
    if history_dir is not None:
        found += read_history_readmes(sources, history_dir)
    for key, facts in found:
        by_event.setdefault(key, []).append(facts)
    return by_event


def read_checkout_readmes(sources: Sources) -> list[tuple[str, ReadmeFacts]]:
    found: list[tuple[str, ReadmeFacts]] = []
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
            found.append((key, facts))
    return found


def read_history_readmes(sources: Sources, history_dir: Path) -> list[tuple[str, ReadmeFacts]]:
    """Superseded READMEs that corrections.json names as the only text about a meetup (#66)."""
    found: list[tuple[str, ReadmeFacts]] = []
    for path_text, key, reason in sources.corrections.history_files:
        path = history_dir / path_text.removeprefix(HISTORY_PREFIX)
        if not path.is_file():
            sources.report.append(ReportEntry("warning", f"history file missing: {reason}", path_text))
            continue
        text = read_readme_text(sources, path, path_text)
        facts = read_facts(sources, text, path_text) if text is not None else None
        if facts is not None:
            facts.number = int(key.removeprefix("meetup-")) if key.startswith("meetup-") else None
            found.append((key, facts))
            sources.report.append(
                ReportEntry("correction", f"{key} read from a superseded file: {reason}", path_text, 1)
            )
    return found


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


def is_history_source(source: str) -> bool:
    return source.startswith(HISTORY_PREFIX)
