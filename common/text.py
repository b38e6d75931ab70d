"""Text helpers shared by every app: comparison keys, ordinals and slugs."""

import re
import unicodedata

from django.utils.text import slugify

# "75th", "1st": the ordinal in a meetup's title.
ORDINAL_TITLE = re.compile(r"\b(\d{1,3})(?:st|nd|rd|th)\b")


def strip_accents(text: str) -> str:
    """ "René" -> "Rene", case kept (a first name "Mark" must not match "mark")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(text: str) -> str:
    """Accent- and case-insensitive comparison key: "René Donner" and "rene donner" fold equal."""
    replacements = {"ß": "ss", "ø": "o", "ł": "l", "đ": "d"}
    folded = "".join(replacements.get(ch, ch) for ch in strip_accents(text).casefold())
    return re.sub(r"[^a-z0-9]+", " ", folded).strip()


# German umlauts are also written without their dots: "Schlüter" as "Schlueter" (and folded to "Schluter").
_TRANSLITERATED_UMLAUT = re.compile(r"([aou])e")


def search_key(text: str) -> str:
    """What people may type for a name, folded to one key: "Schlüter", "SCHLUTER" and "schlueter" -> "schluter".

    Looser than `fold` (which tells names apart for the importer): both sides of a search are keyed alike.
    """
    return _TRANSLITERATED_UMLAUT.sub(r"\1", fold(text))


def ordinal_suffix(number: int) -> str:
    if 10 <= number % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")


def ordinal(number: int) -> str:
    """75 -> "75th"."""
    return f"{number}{ordinal_suffix(number)}"


def unique_slug(text: str, taken: set[str], max_length: int = 180) -> str:
    """A slug of `text` not in `taken` ("talk", "talk-2", …); adds it to `taken`."""
    base = slugify(text)[:max_length].strip("-") or "item"
    slug, n = base, 2
    while slug in taken:
        slug = f"{base}-{n}"
        n += 1
    taken.add(slug)
    return slug
