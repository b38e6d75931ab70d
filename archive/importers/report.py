"""The data-quality report of an import, as markdown for the organisers."""

from collections.abc import Sequence

from .records import REPORT_CATEGORIES, ArchiveRecord


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
    for category, heading in REPORT_CATEGORIES.items():
        entries = [entry for entry in archive.report if entry.category == category]
        if not entries:
            continue
        lines += ["", f"## {heading} ({len(entries)})", ""]
        for entry in entries:
            where = entry.source + (f":{entry.line}" if entry.line else "")
            lines.append(f"- {entry.message}" + (f" (`{where}`)" if where else ""))
    return "\n".join(lines) + "\n"
