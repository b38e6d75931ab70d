"""Why a result matched: the query's words marked in titles and names, and an excerpt from the text that matched.

Built in Python from the original text, the same on both databases, with the index's rule for a match: a word of
the text matches a query word when either of its search keys (common.text.word_key of the word and of its
spelled-out form) starts with the query word's key — so "schlueter" marks "Schlüter".

Slide text runs to 100,000 characters, too long to fold word by word for every result; so a regular expression
first finds candidates in the lowercased text, each letter standing for its accented forms and permissive enough
never to miss ("schlu[üú…]e?ter" for "schlueter", since "ü" is one letter), and each candidate is then checked.
"""

import functools
import re
import unicodedata
from collections.abc import Iterator
from html import escape

from django.utils.safestring import SafeString, mark_safe

from common.text import SPELLED_OUT, WORD, spell_out, word_key

EXCERPT_CHARS = 200
EXCERPT_LEAD = 60  # characters shown before the first match


def _accented_forms() -> dict[str, str]:
    """Plain letter -> the lowercase Latin letters whose search key starts with it ("u" -> "ùúûü…", "s" -> "ß…")."""
    forms: dict[str, str] = {}
    for code in range(0xC0, 0x250):
        letter = chr(code)
        key = word_key(letter)
        if letter.isalpha() and letter == letter.lower() and key[:1].isascii() and key != letter:
            forms[key[0]] = forms.get(key[0], "") + letter
    return forms


_ACCENTED = _accented_forms()
# Two plain letters that may stand for one special letter of the text ("ue" for "ü"): the second is optional.
_DIGRAPHS = {spelling.lower() for spelling in SPELLED_OUT.values() if len(spelling) == 2}


def nfc(text: str) -> str:
    """Composed letters ("ü", not "u" and a combining mark), as most text and every query arrives."""
    return text if text.isascii() else unicodedata.normalize("NFC", text)


@functools.lru_cache(maxsize=65_536)
def word_keys(word: str) -> tuple[str, str]:
    return word_key(word), word_key(spell_out(word))


def _letter(letter: str) -> str:
    forms = _ACCENTED.get(letter)
    return f"[{re.escape(letter)}{forms}]" if forms else re.escape(letter)


def _candidate_pattern(key: str) -> str:
    """A pattern for the lowercased text that matches at least every word whose key starts with `key`."""
    parts, index = [], 0
    while index < len(key):
        parts.append(_letter(key[index]))
        if key[index : index + 2] in _DIGRAPHS:
            parts.append(re.escape(key[index + 1]) + "?")
            index += 1
        index += 1
    return "".join(parts)


class Highlighter:
    def __init__(self, words: list[str]):
        # (key, whole word only): a one-letter query word matches whole words only, as in the index.
        self.terms = [(word_key(word), len(word) == 1) for word in words]
        keys = sorted({key for key, _ in self.terms}, key=len, reverse=True)
        self.candidates = re.compile("|".join(_candidate_pattern(key) for key in keys))

    def term_of(self, word: str) -> int | None:
        """The index of the first query word this word of the text matches, or None."""
        keys = word_keys(word)
        for index, (term, whole) in enumerate(self.terms):
            if any(key == term if whole else key.startswith(term) for key in keys):
                return index
        return None

    def matches(self, text: str) -> Iterator[tuple[re.Match, int]]:
        """(word match, query word index) for each matching word of `text` (in NFC)."""
        if not self.terms:
            return
        lowered = text.lower()
        if len(lowered) != len(text):  # a letter that lowercases to two ("İ"): look at every word
            lowered = text
            candidates = (word.start() for word in WORD.finditer(text))
        else:
            candidates = (match.start() for match in self.candidates.finditer(lowered))
        for start in candidates:
            if start and text[start - 1].isalnum():
                continue  # not the start of a word
            word = WORD.match(text, start)
            index = self.term_of(word[0])
            if index is not None:
                yield word, index

    def found(self, text: str) -> set[int]:
        """Indexes of the query words found in `text`."""
        return {index for _word, index in self.matches(nfc(text))}

    def mark(self, text: str) -> SafeString:
        """`text`, escaped, with every matching word in <mark>."""
        text = nfc(text)
        parts, position = [], 0
        for word, _index in self.matches(text):
            if word.start() < position:
                continue
            parts.append(escape(text[position : word.start()]))
            parts.append(f"<mark>{escape(word[0])}</mark>")
            position = word.end()
        parts.append(escape(text[position:]))
        return mark_safe("".join(parts))  # noqa: S308 - every part is escaped

    def excerpt(self, text: str, terms: set[int] | None = None) -> SafeString | None:
        """About EXCERPT_CHARS characters around the first word matching one of `terms` (default: any), marked;
        None when none is found."""
        text = nfc(text)
        first = next((word for word, index in self.matches(text) if terms is None or index in terms), None)
        if first is None:
            return None
        start = max(0, first.start() - EXCERPT_LEAD)
        if start:
            start = text.find(" ", start, first.start()) + 1 or start  # begin with a whole word
        end = min(len(text), start + EXCERPT_CHARS)
        if end < len(text) and (space := text.rfind(" ", first.end(), end)) > 0:
            end = space  # end with a whole word
        window = " ".join(text[start:end].split())
        return mark_safe(  # noqa: S308 - mark() escapes the text
            ("…" if start else "") + self.mark(window) + ("…" if end < len(text) else "")
        )
