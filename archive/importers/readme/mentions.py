"""A speaker's affiliation where the README only mentions it: "Lukas Zimmermann (dreamwaves.io) will present …"
(#45), "given by Matthias Hecker, CTO at Mon Style." (#19), "• Sepp Hochreiter, JKU Linz, Inventor of …" (AI Summit),
"Sebastian Böck and Katharina Prinz, researchers at OFAI, will give …" (#31).

Only "Name (Org)" and "Name, Org" count, cut at the end of the clause; what follows a name that is itself a name,
a status ("(cancelled)") or a verb ("Eric Steinberger, is about …") is no affiliation.
"""

import re

from ..names import looks_like_person, split_name_list

# Where the affiliation after "Name, " ends: a new sentence, a relative clause, a verb.
CLAUSE_END = re.compile(
    r"\.\s+(?=[A-Z])|\.$|!|\?|;|,\s*(?:who|which|will|is|has|was)\b"
    r"|(?:^|\s)(?:who|will|is|has|was|and his|and her|working|presenting|presents|on|from|to)\b"
)
STATUS = re.compile(r"^(cancell?ed|postponed|tbd|tba|remote|online|in person)$", re.I)
LINK = re.compile(r"\s*\(?https?://[^\s)]*\)?")
OTHER_NAME = r"(?:\s+(?:and|und|&)\s+[A-Z][\w.-]+(?:\s+[A-Z][\w.-]+){1,2})?"


def mentioned_affiliation(text: str, names: list[str]) -> tuple[str, str]:
    """(affiliation as written, the words it was read from) for the first mention of any of the names."""
    text = LINK.sub("", text)
    for name in names:
        for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w){OTHER_NAME}", text):
            affiliation, length = affiliation_after(text[match.end() :])
            if affiliation:
                return affiliation, " ".join(text[match.start() : match.end() + length].split())
    return "", ""


def affiliation_after(rest: str) -> tuple[str, int]:
    """ "(Org) will present" -> ("Org", 6); ", Role at Org. They …" -> ("Role at Org", 13); else ("", 0)."""
    in_parentheses = re.match(r"\s*\(([^()]+)\)", rest)
    if in_parentheses:
        candidate, length = in_parentheses[1], in_parentheses.end()
    elif rest.startswith(","):
        candidate = before_unmatched_parenthesis(rest[1:].split("\n")[0])
        clause_end = CLAUSE_END.search(candidate)
        candidate = candidate[: clause_end.start()] if clause_end else candidate
        length = 1 + len(candidate)
    else:
        return "", 0
    candidate = re.sub(r"^(?:an?|the)\s+", "", candidate.strip(" ,;:*_"))
    if not candidate or STATUS.match(candidate) or len(candidate) > 120:
        return "", 0
    if looks_like_person(candidate.split(",")[0].strip()) or all(
        looks_like_person(part) for part in split_name_list(candidate)
    ):
        return "", 0  # "Tom Lidy, Alex Schindler", "Stephanie Cox, Florian Matusek, CCO, …": a list of people
    return candidate, length


def before_unmatched_parenthesis(text: str) -> str:
    """ "Contextflow; Jan Schlüter, OFAI)" -> the text before the ")" that closes a parenthesis opened earlier."""
    depth = 0
    for position, character in enumerate(text):
        depth += {"(": 1, ")": -1}.get(character, 0)
        if depth < 0:
            return text[:position]
    return text
