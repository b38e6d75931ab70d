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
    "h3", "h4", "h5", "h6", "hr", "table", "thead", "tbody", "tr", "th", "td", "del",
}  # fmt: skip
_HEADING = re.compile(r"<(/?)h([1-6])>")


@functools.lru_cache(maxsize=1024)
def render_markdown(text: str) -> str:
    html = _parser.render(text)
    # Page headings are h1/h2; headings written inside a description start below them.
    html = _HEADING.sub(lambda match: f"<{match[1]}h{min(int(match[2]) + 2, 6)}>", html)
    return nh3.clean(
        html,
        tags=_ALLOWED_TAGS,
        attributes={"a": {"href", "title"}, "th": {"align"}, "td": {"align"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )


def markdown(text: str) -> str:
    if not text:
        return ""
    return mark_safe(render_markdown(str(text)))  # noqa: S308 - sanitised by nh3 above


def plaintext(text: str) -> str:
    """Markdown as one line of plain text, for meta descriptions and previews ("**GPT** [paper](…)" -> "GPT paper")."""
    if not text:
        return ""
    # The rendered HTML escapes "&" and "<"; unescape them, the template escapes once again.
    return " ".join(html.unescape(strip_tags(render_markdown(str(text)))).split())
