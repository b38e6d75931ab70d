"""Slide links in a README: the organisers' intro deck, and which of a talk's links are its slides.

File names with spaces need <angle brackets> in markdown; #30 forgot them, so such links are also found as text.
"""

import re
from urllib.parse import urlsplit

from ..markdown import Block, Link, inline_links
from .description import is_details_heading

# "[[Slides](./slides/30th Deep Learning …pdf)]": spaces without <> make it plain text in markdown (#30).
UNESCAPED_SLIDE_LINK = re.compile(r"\]\((\./slides/[^)<>]*\s[^)<>]*\.pdf)\)")
# The organisers' deck is labelled by what it holds: "Agenda and Announcements", "Intro / Events / Jobs", …
INTRO_DECK_WORDS = re.compile(r"agenda|announcement|intro|vdlm, survey|jobs", re.I)


def find_intro_deck(blocks: list[Block]) -> str:
    """A link under the header bullets or the first link of a "Slides:" list, labelled as the intro deck."""
    for opening, inline in blocks:
        if inline is None:
            continue
        if is_details_heading(opening, inline):
            break
        links = [link.href for link in inline_links(inline) if "meetup.com" not in link.href]
        links += [match[1] for match in UNESCAPED_SLIDE_LINK.finditer(inline.content)]
        if links and INTRO_DECK_WORDS.search(inline.content):
            return links[0]
    return ""


def is_slides_link(link: Link) -> bool:
    """A talk's slides: a PDF, or the site's counted download view that exported READMEs link to
    ("[[Slides](https://…/meetups/meetup-76/talks/my-talk/slides/)]"), labelled as slides."""
    if link.href.endswith(".pdf"):
        return True
    url = urlsplit(link.href.strip().strip("<>"))
    return (
        url.scheme in ("http", "https") and url.path.endswith("/slides/") and "slides" in link.label.lower()
    )
