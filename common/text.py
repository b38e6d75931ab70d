"""Text helpers shared by every app: comparison keys, ordinals and slugs."""

import re
import unicodedata

from django.utils.dateformat import format as format_date
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


# Letters people write out when their keyboard lacks them: German umlauts and ß ("Schlüter" is also "Schlueter"),
# and letters that carry no separable accent, so that stripping accents alone would keep them ("ø", "ł", "æ").
SPELLED_OUT = {
    "ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "þ": "th",
    "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ẞ": "SS", "Æ": "Ae", "Œ": "Oe", "Ø": "O", "Ł": "L", "Đ": "D", "Þ": "Th",
}  # fmt: skip
_SPELLED_OUT = str.maketrans(SPELLED_OUT)
# After accents are stripped, the letters that have none to strip (umlauts are plain vowels by then).
_PLAIN = str.maketrans({ch: out for ch, out in SPELLED_OUT.items() if ch.casefold() not in "äöü"})
# A word, as search and both databases' full-text indexes split text: runs of letters and digits.
WORD = re.compile(r"[^\W_]+")


def spell_out(text: str) -> str:
    """ "Schlüter" -> "Schlueter", "Søren" -> "Soren": the spelling without special letters (case kept)."""
    return text.translate(_SPELLED_OUT)


def word_key(text: str) -> str:
    """How full-text search compares a word, blind to case and accents: "SCHLÜTER" -> "schluter", "Dvořák" ->
    "dvorak", "Søren" -> "soren", as the databases' indexes fold it. Unlike `fold` and `search_key` it keeps
    letters of every script and never joins or splits words.

    A word's other key is `word_key(spell_out(word))` ("schlueter"): search finds a word by either."""
    return strip_accents(text).translate(_PLAIN).casefold()


def reading_order_key(text: str) -> tuple[str, str]:
    """Sort key for names as readers expect: "ÖBB" among the O, "bwin.party" among the B (not after Z)."""
    return word_key(text), text


def family_name(name: str) -> str:
    """A person's family name, as lists sort people: the last word ("Jonas Aaron Vander" -> "Vander")."""
    words = name.split()
    return words[-1] if words else name


def index_letter(text: str) -> str:
    """The A–Z heading a name is listed under: "Ö…" under O, digits and other scripts under "#"."""
    key = word_key(text).lstrip()
    return key[0].upper() if key[:1].isascii() and key[:1].isalpha() else "#"


def initials(name: str, *, person: bool = True) -> str:
    """A few letters standing for a name on an avatar or badge.

    A person by first and family name ("Jan Schlüter" -> "JS"); an organisation by a leading acronym or number
    ("TU Wien" -> "TU", "42 Vienna" -> "42") or its first two capitalised words ("University of Vienna" -> "UV").
    """
    words = name.split() if person else WORD.findall(name)
    if not words:
        return "?"
    if person:
        return (words[0][0] + (words[-1][0] if len(words) > 1 else "")).upper()
    if words[0].isupper() or words[0][0].isdigit():
        return words[0][:3].upper()
    capitalised = [word for word in words if word[0].isupper()] or words[:1]
    return "".join(word[0] for word in capitalised[:2]).upper()


def human_size(size: int) -> str:
    """A file size as people read it: "902 bytes" -> "0.9 KB", then "12 KB", "1.4 MB" (units of 1,024)."""
    if size < 100:
        return f"{size} bytes"
    for unit in ("KB", "MB", "GB"):
        size /= 1024
        if size < 1024 or unit == "GB":
            return f"{size:.1f} {unit}" if size < 10 else f"{size:.0f} {unit}"
    raise AssertionError("unreachable")


def long_date(day) -> str:
    """ "Wednesday, 12 June 2024", as the pages write a meetup's date (the templates' date:"l, j F Y")."""
    return format_date(day, "l, j F Y")
