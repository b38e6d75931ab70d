import json
import time
from dataclasses import replace
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from archive.importers import ArchiveError, parse_archive, render_report_markdown
from archive.services import archive_import


class Command(BaseCommand):
    help = (
        "Import the historic meetups from a checkout of the vdlm/meetups repository (like fixtures/source/vdlm-meetups). "
        "All or nothing; re-running creates nothing new and keeps events organizers edited in the admin."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "path", type=Path, help="The checkout: README.md with the talk table and Meetups/."
        )
        parser.add_argument("--dry-run", action="store_true", help="Show what would happen; write nothing.")
        parser.add_argument(
            "--report", type=Path, help="Write the data-quality report as markdown to this file."
        )
        parser.add_argument(
            "--website-index",
            type=Path,
            help="The old website's index.md (default: ../vdlm-github-site/index.md).",
        )
        parser.add_argument(
            "--history", type=Path, help="Folder of superseded READMEs (default: ../vdlm-meetups-history)."
        )
        parser.add_argument(
            "--corrections", type=Path, help="Hand-curated corrections (default: ../corrections.json)."
        )
        parser.add_argument(
            "--slides-base-url",
            default=settings.VDLM_SLIDES_BASE_URL,
            help="Where repository-relative slide links point to (default: %(default)s).",
        )

    def handle(self, *args, path: Path, dry_run: bool, report: Path | None, **options):
        started = time.perf_counter()
        try:
            archive = parse_archive(
                path,
                slides_base_url=options["slides_base_url"],
                website_index=options["website_index"],
                history_dir=options["history"],
                corrections_file=options["corrections"],
            )
        except ArchiveError as error:
            raise CommandError(str(error)) from None
        except ValueError as error:  # a file that is not UTF-8 text, or corrections that are not JSON
            raise CommandError(unreadable_file(path, options) or f"{path}: {error}") from None
        summary = archive_import(archive=archive, dry_run=dry_run)
        elapsed = time.perf_counter() - started

        for entry in summary.report:
            if entry.category == "warning":
                where = f"{entry.source}:{entry.line}" if entry.line else entry.source
                self.stderr.write(f"warning: {where}: {entry.message}")
        heading = "Dry run, nothing written. Would import:" if dry_run else "Imported:"
        self.stdout.write(heading)
        for line in summary.lines():
            self.stdout.write(f"  {line}")
        self.stdout.write(f"  data-quality report: {len(summary.report)} entries; took {elapsed:.2f} s")
        if report:
            text = render_report_markdown(
                replace(archive, report=summary.report), summary_lines=summary.lines()
            )
            report.write_text(text, encoding="utf-8")
            self.stdout.write(f"Report written to {report}")


def unreadable_file(root: Path, options: dict) -> str | None:
    """One line naming the first of the archive's own files (besides the meetups' READMEs, which are skipped with
    a warning) that is not UTF-8 text, or not JSON where JSON is expected."""
    candidates = [
        root / "README.md",
        root / "MANIFEST.tsv",
        options.get("website_index") or root.parent / "vdlm-github-site" / "index.md",
        options.get("corrections") or root.parent / "corrections.json",
    ]
    for path in candidates:
        if not path.is_file():
            continue
        data = path.read_bytes()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            line = data[: error.start].count(b"\n") + 1
            return f"{path}: not UTF-8 text (line {line}, byte {error.start}); nothing was imported"
        if path.suffix == ".json":
            try:
                json.loads(text)
            except ValueError as error:
                return f"{path}: not valid JSON (line {error.lineno}: {error.msg}); nothing was imported"
    return None
