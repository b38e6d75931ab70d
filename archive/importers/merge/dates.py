"""The date of a meetup, weighed from every source that states one.

The README's "* Date:" line, the root talk table, the old website table and the intro deck's file name
("2025-03-18_65th….pdf") each vote; the majority wins, corrections.json decides known typos, and a README date
without a year (#55+) takes the root table's year. Every disagreement is reported.
"""

import datetime
import posixpath
import re
from collections import Counter

from ..readme import ReadmeFacts
from ..records import ReportEntry
from ..root_table import RootTalk
from ..website import WebsiteMeetup
from .sources import ROOT_README, WEBSITE_SOURCE, Sources

DECK_DATE = re.compile(r"^(\d{4})[-_]?(\d{2})[-_.]?(\d{2})")

# (date, the source that states it)
DateVote = tuple[datetime.date, str]


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
    candidates = date_candidates(readme, rows, site)
    add_yearless_readme_date(sources, key, readme, candidates)
    if sources.corrections.events.get(key, {}).get("date"):
        return corrected_date(sources, key, readme, candidates)
    return majority_date(sources, key, readme, candidates)


def date_candidates(
    readme: ReadmeFacts | None, rows: list[RootTalk], site: WebsiteMeetup | None
) -> list[DateVote]:
    candidates: list[DateVote] = []
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
    return candidates


def add_yearless_readme_date(
    sources: Sources, key: str, readme: ReadmeFacts | None, candidates: list[DateVote]
) -> None:
    """ "on Septemer 11th" (#61): the year from the root table, else from the first source that has one."""
    fallback_year = next((d.year for d, _ in candidates), None)
    if readme is None or readme.date is not None or not readme.date_without_year or not fallback_year:
        return
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


def said_dates(candidates: list[DateVote]) -> str:
    return "; ".join(f"{source}: {date.isoformat()}" for date, source in candidates)


def corrected_date(
    sources: Sources, key: str, readme: ReadmeFacts | None, candidates: list[DateVote]
) -> datetime.date:
    chosen = datetime.date.fromisoformat(sources.corrections.events[key]["date"])
    if candidates and sorted({date for date, _ in candidates}) != [chosen]:
        reason = sources.corrections.events[key]["reason"]
        sources.report.append(
            ReportEntry(
                "correction",
                f"{key}: date set to {chosen.isoformat()} ({said_dates(candidates)}). {reason}",
                readme.source if readme else ROOT_README,
            )
        )
    return chosen


def majority_date(
    sources: Sources, key: str, readme: ReadmeFacts | None, candidates: list[DateVote]
) -> datetime.date | None:
    distinct = sorted({date for date, _ in candidates})
    if len(distinct) <= 1:
        return distinct[0] if distinct else None
    votes = Counter(date for date, _ in candidates)
    chosen = sorted(distinct, key=lambda date: (-votes[date], date))[0]
    sources.report.append(
        ReportEntry(
            "conflict",
            f"{key}: sources disagree on the date ({said_dates(candidates)}); chose {chosen.isoformat()} by majority",
            readme.source if readme else ROOT_README,
        )
    )
    return chosen
