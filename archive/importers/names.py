"""Reading people out of free text: "by Ahmad Haj Mosa (AI Researcher, PwC Austria), Fabian Schneider (…)"."""

import re

# (name, affiliation) as one source writes them; the affiliation is "" when the source names none.
Person = tuple[str, str]

# Words that mark an organisation or a job title, never part of a person's name.
ORGANISATION_WORDS = {
    "a",
    "ag",
    "ai",
    "an",
    "analyst",
    "and",
    "architect",
    "at",
    "austria",
    "bank",
    "ceo",
    "chief",
    "co-founder",
    "computer",
    "consultant",
    "cto",
    "data",
    "deep",
    "developer",
    "director",
    "engineer",
    "expert",
    "fh",
    "for",
    "founder",
    "gmbh",
    "group",
    "head",
    "in",
    "institut",
    "institute",
    "lab",
    "labs",
    "lead",
    "learning",
    "machine",
    "manager",
    "medical",
    "meetup",
    "of",
    "officer",
    "on",
    "phd",
    "professor",
    "research",
    "researcher",
    "school",
    "scientist",
    "senior",
    "software",
    "student",
    "team",
    "technikum",
    "the",
    "to",
    "tu",
    "university",
    "universität",
    "vienna",
    "vision",
    "wien",
    "with",
}
NAME_PARTICLES = {"van", "von", "de", "der", "da", "del", "di", "la", "le"}


def looks_like_person(text: str) -> bool:
    """ "Mina Schütz" yes; "mostly.ai", "Johannes Kepler University", "TU-INSO" no."""
    words = text.strip().split()
    if not 2 <= len(words) <= 4 or any(ch.isdigit() for ch in text):
        return False
    if any("." in word and not re.fullmatch(r"[A-Z]\.", word) for word in words):  # "M." is an initial
        return False
    for word in words:
        if word.lower() in NAME_PARTICLES:
            continue
        if word.lower().strip(",") in ORGANISATION_WORDS or not word[0].isupper():
            return False
        if word.isupper() and len(word.rstrip(".")) > 1:  # acronyms are organisations ("TU-INSO", "AIT")
            return False
    return True


def strip_honorifics(name: str) -> str:
    return re.sub(r"^(Prof\.|Dr\.|Dipl\.-Ing\.|Mag\.|DI)\s+", "", name.strip()).strip()


def split_name_list(text: str) -> list[str]:
    """ "Jan Schlüter, René Donner and Thomas Lidy" -> three names (no affiliations expected)."""
    parts = re.split(r"\s*,\s*|\s+&\s+|\s+and\s+|\s+/\s+", text.strip())
    return [part.strip() for part in parts if part.strip()]


def parse_speaker_line(text: str) -> list[Person]:
    """A README speaker line -> [(name, affiliation)].

    Handles "by X (Aff), Y (Aff)", "X, Aff", "X - Aff", "X and Y, Aff", "by X".
    """
    line = text.strip().strip("*_").strip()
    line = re.sub(r"^(by|von)\s+", "", line, flags=re.IGNORECASE)
    line = re.sub(r"^\*+|\*+$", "", line).strip()
    if not line:
        return []
    return (
        people_each_with_own_affiliation(line)
        or people_with_affiliations_in_parentheses(line)
        or person_dash_affiliation(line)
        or names_then_shared_affiliation(line)
    )


def people_each_with_own_affiliation(line: str) -> list[Person]:
    """ "Florian Seitner, CEO and Michael Hödlmoser, CTO - emotion 3D": each person with their own affiliation."""
    chunks = re.split(r"\s+(?:and|&)\s+(?=[A-Z][\w.-]+(?: [A-Z][\w.-]+){1,2}(?:,|$))", line)
    if len(chunks) > 1 and "," in chunks[0] and "(" not in line:
        people = [person for chunk in chunks for person in parse_speaker_line(chunk)]
        if len(people) >= len(chunks):
            return people
    return []


def people_with_affiliations_in_parentheses(line: str) -> list[Person]:
    """ "Ahmad Haj Mosa (AI Researcher, PwC Austria), Fabian Schneider (…)", "X and Y (Aff)"."""
    with_parentheses = re.findall(r"([^,()]+?)\s*\(([^()]*)\)", line)
    first_names = split_name_list(with_parentheses[0][0].strip(" ,&")) if with_parentheses else []
    if not first_names or not all(looks_like_person(strip_honorifics(name)) for name in first_names):
        return []
    return [
        (strip_honorifics(single), affiliation.strip())
        for name, affiliation in with_parentheses
        for single in split_name_list(name.strip(" ,"))
    ]


def person_dash_affiliation(line: str) -> list[Person]:
    """ "Name - Affiliation": one person, the rest is the affiliation."""
    head, separator, rest = line.partition(" - ")
    if separator and looks_like_person(strip_honorifics(head.split(",")[0])) and "," not in head:
        return [(strip_honorifics(head), rest.strip())]
    return []


def names_then_shared_affiliation(line: str) -> list[Person]:
    """ "Jan Schlüter, René Donner, contextflow": the leading people share what follows them."""
    names: list[str] = []
    affiliation_parts: list[str] = []
    for part in (part.strip() for part in line.split(",")):
        candidates = split_name_list(part)
        if (
            not affiliation_parts
            and candidates
            and all(looks_like_person(strip_honorifics(c)) for c in candidates)
        ):
            names.extend(strip_honorifics(c) for c in candidates)
        else:
            affiliation_parts.append(part)
    affiliation = ", ".join(affiliation_parts)
    return [(name, affiliation) for name in names]
