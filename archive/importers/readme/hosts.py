"""Hosts and sponsors named in a README's prose ("hosted by Bosch", "thanks to SBA Research drinks and snacks").

From #55 on the venue is only in such prose, so the first host also stands in for a missing venue line.
"""

import re

# An organisation's name: capitalised words, with "of"/"and"/"&" allowed between them ("University of Vienna").
ORGANISATION = r"((?:the )?[A-Z0-9ÖÄÜ][\w&.\-]*(?: (?:of |and |& )?[A-Z0-9ÖÄÜ][\w&.\-]*)*)"
HOST_PATTERNS = [
    (rf"\b(?:hosted (?:and sponsored )?by|hosted at|by the host:) {ORGANISATION}", "host"),
    (rf"\b[Tt]hank(?:s)? (?:to )?{ORGANISATION} for (?:hosting|providing the venue)", "host"),
    (rf"\b[Tt]hank(?:s)? (?:to )?{ORGANISATION} (?:to|for) provid(?:e|ing) (?:the )?drinks", "drinks"),
    (rf"\b[Tt]hanks to {ORGANISATION} drinks and snacks", "drinks"),
    (rf"\bour sponsor (?:of|for) th\w+ \w+(?: \w+)?\W+{ORGANISATION}", "sponsor"),
    (rf"\b[Tt]hanks to {ORGANISATION} who is sponsoring", "sponsor"),
]


def find_hosts(text: str) -> list[tuple[str, str]]:
    """ "hosted by Bosch", "We kindly thank Dynatrace to provide drinks" -> [(organisation, role)]."""
    found: list[tuple[str, str]] = []
    for pattern, role in HOST_PATTERNS:
        for match in re.finditer(pattern, text):
            name = match[1].removeprefix("the ").rstrip(".")
            if (name, role) not in found:
                found.append((name, role))
    return found
