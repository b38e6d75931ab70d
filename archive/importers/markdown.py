"""Small helpers over markdown-it-py: blocks, tables, inline text and links.

The historic files are real markdown (tables, links with spaces in angle brackets, ~~struck~~ text), so they are
read with a markdown parser rather than with line regexes; these helpers give its tokens the shapes the readers need.
"""

import re
from dataclasses import dataclass, field
from functools import cache
from urllib.parse import unquote

from markdown_it import MarkdownIt
from markdown_it.token import Token

# "[label](href)" or "[label](<href with spaces>)" as written in the text.
MARKDOWN_LINK = re.compile(r"\[[^\[\]]*\]\((?:<[^>]*>|[^)]*)\)")


@cache
def markdown_parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table").enable("strikethrough")


def parse_blocks(text: str) -> list[Token]:
    return markdown_parser().parse(text)


# A block of a document: its opening token and, for headings and paragraphs, its inline token.
Block = tuple[Token, Token | None]


def block_line(token: Token) -> int:
    return token.map[0] + 1 if token.map else 0


def top_level_blocks(tokens: list[Token]) -> list[Block]:
    """(opening token, its inline token) for headings, paragraphs, code blocks and hr, in order.

    List items are flattened: each paragraph inside a list comes with the list item's opening token,
    so "* Date: …" and "* 18:45 Talk 1: …" keep their bullet identity.
    """
    blocks: list[Block] = []
    for index, token in enumerate(tokens):
        if token.type in ("heading_open", "paragraph_open"):
            blocks.append((token, tokens[index + 1]))
        elif token.type in ("code_block", "fence", "hr", "list_item_open"):
            blocks.append((token, None))
    return blocks


@dataclass(frozen=True)
class Link:
    label: str
    href: str  # as written (percent-decoded), e.g. "./slides/Intro.pdf"


@dataclass
class Cell:
    text: str  # plain text without markup
    links: list[Link] = field(default_factory=list)
    struck: bool = False  # whole cell or part of it inside ~~ ~~


@dataclass
class TableRow:
    cells: list[Cell]
    line: int  # 1-based line in the source file


@dataclass
class Table:
    header: list[str]
    rows: list[TableRow]
    line: int


def inline_text(token: Token | None) -> str:
    """The visible text of an inline token: link labels kept, markup dropped, soft breaks as newlines."""
    if token is None or token.children is None:
        return token.content if token is not None else ""
    parts: list[str] = []
    for child in token.children:
        if child.type in ("text", "code_inline", "html_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif child.type == "image":
            continue
    return "".join(parts)


def inline_links(token: Token | None) -> list[Link]:
    if token is None or token.children is None:
        return []
    links: list[Link] = []
    label_parts: list[str] | None = None
    href = ""
    for child in token.children:
        if child.type == "link_open":
            href = unquote(str(child.attrs.get("href", "")))
            label_parts = []
        elif child.type == "link_close" and label_parts is not None:
            links.append(Link("".join(label_parts).strip(), href))
            label_parts = None
        elif label_parts is not None and child.type in ("text", "code_inline"):
            label_parts.append(child.content)
    return links


def has_strikethrough(token: Token | None) -> bool:
    return bool(token and token.children and any(c.type == "s_open" for c in token.children))


def parse_tables(text: str) -> list[Table]:
    tokens = parse_blocks(text)
    tables: list[Table] = []
    current: Table | None = None
    row_cells: list[Cell] = []
    row_line = 0
    in_header = False
    for index, token in enumerate(tokens):
        if token.type == "table_open":
            current = Table(header=[], rows=[], line=(token.map[0] + 1) if token.map else 0)
        elif token.type == "thead_open":
            in_header = True
        elif token.type == "thead_close":
            in_header = False
        elif token.type == "tr_open":
            row_cells = []
            row_line = (token.map[0] + 1) if token.map else 0
        elif (
            token.type == "inline"
            and current is not None
            and tokens[index - 1].type in ("th_open", "td_open")
        ):
            cell = Cell(inline_text(token).strip(), inline_links(token), has_strikethrough(token))
            row_cells.append(cell)
        elif token.type == "tr_close" and current is not None:
            if in_header:
                current.header = [cell.text for cell in row_cells]
            else:
                current.rows.append(TableRow(row_cells, row_line))
        elif token.type == "table_close" and current is not None:
            tables.append(current)
            current = None
    return tables
