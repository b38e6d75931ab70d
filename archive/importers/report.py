"""The data-quality report of an import, as markdown for the organisers."""

from collections.abc import Sequence

from .records import REPORT_CATEGORIES, ArchiveRecord

CATEGORY_TITLES = {
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
    "kept_edit": "Events kept as organizers edited them",
}


def render_report_markdown(archive: ArchiveRecord, *, summary_lines: Sequence[str] = ()) -> str:
    """The report; `summary_lines` are what the import wrote (created/updated/unchanged per kind)."""
    talks = sum(len(event.talks) for event in archive.events)
    lines = [
        "# Import report: Vienna Deep Learning Meetup archive",
        "",
        f"{len(archive.events)} events, {talks} talks, {len(archive.report)} findings.",
    ]
    if summary_lines:
        lines += ["", "## Summary", "", *(f"- {line}" for line in summary_lines)]
    for category in REPORT_CATEGORIES:
        entries = [entry for entry in archive.report if entry.category == category]
        if not entries:
            continue
        lines += ["", f"## {CATEGORY_TITLES[category]} ({len(entries)})", ""]
        for entry in entries:
            where = entry.source + (f":{entry.line}" if entry.line else "")
            lines.append(f"- {entry.message}" + (f" (`{where}`)" if where else ""))
    return "\n".join(lines) + "\n"
