"""Speakers' bios: which text is a bio, and whose.

Generation A has no "About the speaker" label: the bio is a later paragraph starting with the speaker's first name
("Sabria is a PhD candidate …"). From #35 on, one "About the speakers" part may describe several people, and each
should get only their own lines.
"""

import re

from common.text import strip_accents

from .sections import DetailSection


def separate_first_name_bio(section: DetailSection) -> None:
    """Old READMEs put the bio as a paragraph starting with the speaker's first name ("Sabria is a …")."""
    if section.bio or not section.people:
        return
    first_names = {name.split()[0] for name, _ in section.people}
    for index, paragraph in enumerate(section.abstract):
        first_word = paragraph.split(" ", 1)[0]
        if (
            index > 0
            and first_word in first_names
            and re.match(r"^\S+(\s+\S+)?\s+(is|has|was|holds)\b", paragraph)
        ):
            section.bio = [paragraph]  # what follows the bio is closing prose
            section.abstract = section.abstract[:index]
            return


def split_bio(paragraphs: list[str], names: list[str]) -> dict[str, str]:
    """The "About the speakers" paragraphs -> each speaker's own bio.

    A paragraph, or a line inside one that starts with a speaker's name ("Christian Sobtzick is …" right under
    "Sahebeh (Saba) Dadboud is …", #73), belongs to the speaker it names first (full, first or last name).
    One naming nobody continues the bio before it (or, at the start, the one after it); only when no part
    names anyone does every speaker get the whole text, as with a single speaker.
    """
    whole = "\n\n".join(paragraphs).strip()
    if len(names) < 2:
        return dict.fromkeys(names, whole)
    patterns = bio_name_patterns(names)
    chunks: list[tuple[int, list[str], str | None]] = []  # (paragraph index, lines, speaker named first)
    for number, paragraph in enumerate(paragraphs):
        for line in paragraph.strip().split("\n"):
            starts_with_name = first_named(line.lstrip("*_>#- "), patterns, at_start=True) is not None
            if not chunks or chunks[-1][0] != number or starts_with_name:
                chunks.append((number, [], None))
            chunks[-1][1].append(line)
    owned = [(number, lines, first_named("\n".join(lines), patterns)) for number, lines, _ in chunks]
    if all(owner is None for _, _, owner in owned):
        return dict.fromkeys(names, whole)
    owners = [owner for _, _, owner in owned]
    for index, owner in enumerate(owners):  # unnamed parts: the bio before them, or the first one after
        if owner is None:
            before = [o for o in owners[:index] if o is not None]
            owners[index] = before[-1] if before else next(o for o in owners[index:] if o is not None)
    bios: dict[str, list[tuple[int, list[str]]]] = {name: [] for name in names}
    for (number, lines, _), owner in zip(owned, owners, strict=True):
        parts = bios[owner]
        if parts and parts[-1][0] == number:
            parts[-1][1].extend(lines)  # the same paragraph goes on: keep its line breaks
        else:
            parts.append((number, list(lines)))
    return {name: "\n\n".join("\n".join(lines).strip() for _, lines in parts) for name, parts in bios.items()}


def bio_name_patterns(names: list[str]) -> dict[str, re.Pattern[str]]:
    """Per speaker: their full, first and last name as whole words, accents ignored; a first or last name two
    speakers share identifies neither."""
    words = {name: {name, name.split()[0], name.split()[-1]} for name in names}
    counts: dict[str, int] = {}
    for name_words in words.values():
        for word in name_words:
            counts[word] = counts.get(word, 0) + 1
    patterns: dict[str, re.Pattern[str]] = {}
    for name, name_words in words.items():
        usable = sorted(
            (strip_accents(w) for w in name_words if len(w) > 2 and (w == name or counts[w] == 1)),
            key=len,
            reverse=True,
        )
        if usable:
            patterns[name] = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, usable)) + r")(?!\w)")
    return patterns


def first_named(text: str, patterns: dict[str, re.Pattern[str]], *, at_start: bool = False) -> str | None:
    """The speaker whose name comes first in text (at its very start only, if asked), or None."""
    text = strip_accents(text)
    found = [(match.start(), name) for name, pattern in patterns.items() if (match := pattern.search(text))]
    found = [(position, name) for position, name in found if position == 0 or not at_start]
    return min(found)[1] if found else None
