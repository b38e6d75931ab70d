"""The final URLs of slides, videos and photos: each link checked against the repository listing and corrections.

Relative links become download URLs under the slides base URL; placeholders ("./slides/TODO") are dropped, moved
files and malformed links are fixed from corrections.json, and links to files the listing lacks are kept but
reported.
"""

import posixpath
from urllib.parse import unquote

from ..links import is_placeholder, repo_file_url, resolve_repo_path
from ..readme import ReadmeFacts
from ..records import ReportEntry, TalkRecord
from ..root_table import RootTalk
from ..website import WebsiteMeetup
from .sources import HISTORY_PREFIX, ROOT_README, Sources


def corrected_url(sources: Sources, url: str, key: str) -> str:
    if url in sources.corrections.url_fixes:
        fixed, reason = sources.corrections.url_fixes[url]
        sources.report.append(
            ReportEntry("correction", f"{key}: link {url} replaced by {fixed}. {reason}", ROOT_README)
        )
        return fixed
    return url


def resolve_slides_url(sources: Sources, key: str, href: str, source: str, line: int | None) -> str:
    """A slide link as written -> absolute URL; placeholders dropped, moved files fixed, missing files reported."""
    href = href.strip()
    if not href or href.lower() == "n/a":
        return ""
    if is_placeholder(href):
        sources.report.append(
            ReportEntry("placeholder_link", f"{key}: placeholder slide link {href!r} dropped", source, line)
        )
        return ""
    path = resolve_repo_path(href, source.removeprefix(HISTORY_PREFIX))
    if not path:
        return corrected_url(sources, href, key)
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


def choose_intro_deck(sources: Sources, key: str, rows: list[RootTalk], readme: ReadmeFacts | None) -> str:
    """The organisers' deck: the root table's VDLM row if there is one, else the README's intro link."""
    decks = [row for row in rows if row.organiser_deck and row.slides]
    if decks:
        return resolve_slides_url(sources, key, decks[-1].slides[0], ROOT_README, decks[-1].line)
    if readme is not None and readme.intro_slides:
        return resolve_slides_url(sources, key, readme.intro_slides, readme.source, None)
    return ""


def event_video_url(sources: Sources, key: str, rows: list[RootTalk], site: WebsiteMeetup | None) -> str:
    """The website table's video, else one on the root table's organiser row."""
    video = site.videos[0] if site is not None and site.videos else ""
    for row in rows:
        if row.organiser_deck and row.videos:
            video = video or corrected_url(sources, row.videos[0], key)
    return video


def event_photos_url(sources: Sources, number: int | None, site: WebsiteMeetup | None) -> str:
    """The website's album link, else the repository's photos folder when it has files."""
    if site is not None and site.photos_url:
        return site.photos_url
    folder = f"Meetups/Meetup_{number}/photos/" if number is not None else "Meetups/AI_Summit/photos/"
    if any(path.startswith(folder) for path in sources.files):
        return sources.slides_base_url.replace("/raw/", "/tree/") + folder.rstrip("/")
    return ""


def report_shared_slides(sources: Sources, key: str, talks: list[TalkRecord], intro: str) -> None:
    """A deck given to several talks (#46's one deck for four talks), or to a talk and as the intro deck (#38's
    CLIP talk in the intro deck): kept on each, as the talk table gives it, and reported."""
    for url in dict.fromkeys(talk.slides_url for talk in talks if talk.slides_url):
        titles = [repr(talk.title) for talk in talks if talk.slides_url == url]
        name = posixpath.basename(unquote(url))
        if url == intro:
            message = f"{key}: the intro deck {name!r} is also the slides of {', '.join(titles)}"
        elif len(titles) > 1:
            message = f"{key}: one deck {name!r} for {len(titles)} talks: {', '.join(titles)}"
        else:
            continue
        sources.report.append(ReportEntry("slides", message, ROOT_README))
