"""Organizer-written markdown as sanitised HTML (markdown-it-py, then nh3), and as one line of plain text."""

import functools
import html
import re

import nh3
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from markdown_it import MarkdownIt

# Raw HTML in the source is escaped by the parser; nh3 is the second line of defence (links, attributes, schemes).
_parser = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False}).enable("table")
_ALLOWED_TAGS = {
    "a", "p", "br", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li",
    "h2", "h3", "h4", "h5", "h6", "hr", "table", "thead", "tbody", "tr", "th", "td", "del",
}  # fmt: skip
_HEADING = re.compile(r"<h([1-6])>(.*?)</h\1>", re.DOTALL)


def nest_headings(html: str, parent_level: int) -> str:
    """Headings written in a text, placed below the page heading it sits under (h`parent_level`), with no level
    skipped: the text's own levels in order of depth become parent+1, parent+2…, and none is more than one below
    the heading before it ("# A" then "### B" under an h2 become h3 and h4)."""
    levels = sorted({int(match[1]) for match in _HEADING.finditer(html)})
    depth = {level: parent_level + 1 + rank for rank, level in enumerate(levels)}
    previous = parent_level

    def nest(match: re.Match) -> str:
        nonlocal previous
        previous = min(depth[int(match[1])], previous + 1, 6)
        return f"<h{previous}>{match[2]}</h{previous}>"

    return _HEADING.sub(nest, html)


@functools.lru_cache(maxsize=1024)
def render_markdown(text: str, parent_level: int = 2) -> str:
    """`parent_level`: the level of the page heading the text sits under (h2 sections by default)."""
    html = nest_headings(_parser.render(text), parent_level)
    return nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes={"a": {"href", "title"}, "th": {"align"}, "td": {"align"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )


def markdown(text: str, parent_level: int = 2) -> str:
    """`{{ text|markdown }}` under an h2 section, `{{ text|markdown:1 }}` right under the page's h1."""
    if not text:
        return ""
    return mark_safe(render_markdown(str(text), int(parent_level)))  # noqa: S308 - sanitised by nh3 above


def plaintext(text: str) -> str:
    """Markdown as one line of plain text, for meta descriptions and previews ("**GPT** [paper](…)" -> "GPT paper")."""
    if not text:
        return ""
    # The rendered HTML escapes "&" and "<"; unescape them, the template escapes once again.
    return " ".join(html.unescape(strip_tags(render_markdown(str(text)))).split())
