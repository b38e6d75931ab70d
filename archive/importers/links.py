"""Links as the historic files write them: repository paths, download URLs, meetup.com pages, placeholders.

The README reader and the merge resolve the same kinds of links, so the rules for them live once, here.
"""

import posixpath
import re
from urllib.parse import quote

DEFAULT_SLIDES_BASE_URL = "https://github.com/vdlm/meetups/raw/master/"

MEETUP_URL = re.compile(
    r"https?://(?:www\.)?meetup\.com/(?:[a-z]{2}-[A-Z]{2}/)?([\w-]+)/events/(\d+)/?", re.I
)


def resolve_repo_path(href: str, source: str) -> str:
    """A link as written in `source` (a repo-relative file) -> repo-relative path, "" for external links."""
    href = href.strip().strip("<>").strip()
    if not href or re.match(r"^[a-z]+:", href) or href.startswith("#"):
        return ""
    base = posixpath.dirname(source)
    path = posixpath.normpath(posixpath.join(base, href))
    return "" if path.startswith("..") else path


def repo_file_url(path: str, base_url: str) -> str:
    """Absolute download URL of a repository file; names with spaces and umlauts are percent-encoded."""
    return base_url + quote(path, safe="/")


def is_placeholder(href: str) -> bool:
    """ "./slides/TODO" (#28), "./slides/TODO.pdf" (#37): a deck promised, never committed."""
    return bool(re.search(r"(^|/)TODO(\.pdf)?$", href.strip().strip("<>")))


def normalise_meetup_url(url: str) -> str:
    """All four spellings of a meetup.com event page -> one canonical URL."""
    match = MEETUP_URL.search(url)
    if not match:
        return url.strip()
    return f"https://www.meetup.com/vienna-deep-learning-meetup/events/{match[2]}/"


def meetup_event_id(url: str) -> str:
    match = MEETUP_URL.search(url)
    return match[2] if match else ""
