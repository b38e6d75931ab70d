"""Reading people out of free text: "by Ahmad Haj Mosa (AI Researcher, PwC Austria), Fabian Schneider (…)"."""

import re

from .affiliations import split_affiliation

# (name, affiliation) as one source writes them; the affiliation is "" when the source names none.
Person = tuple[str, str]

# Words that mark an organisation, a job title or an agenda item, never part of a person's name.
ORGANISATION_WORDS = {
    "a",
    "ag",
    "ai",
    "an",
    "analyst",
    "analytics",
    "and",
    "announcements",
    "architect",
    "arrival",
    "at",
    "austria",
    "bank",
    "break",
    "ceo",
    "chief",
    "closing",
    "co-founder",
    "computer",
    "consultant",
    "consulting",
    "cto",
    "data",
    "deep",
    "deepmind",
    "developer",
    "director",
    "discussion",
    "discussions",
    "end",
    "engineer",
    "expert",
    "facebook",
    "fh",
    "for",
    "founder",
    "gmbh",
    "google",
    "group",
    "head",
    "hot",
    "in",
    "institut",
    "institute",
    "intro",
    "introduction",
    "keynote",
    "lab",
    "labs",
    "latest",
    "lead",
    "learning",
    "machine",
    "manager",
    "medical",
    "meetup",
    "microsoft",
    "networking",
    "networks",
    "neural",
    "news",
    "of",
    "officer",
    "on",
    "opening",
    "overview",
    "panel",
    "papers",
    "phd",
    "professor",
    "program",
    "q&a",
    "registration",
    "research",
    "researcher",
    "school",
    "scientist",
    "security",
    "senior",
    "services",
    "session",
    "software",
    "solutions",
    "startup",
    "student",
    "studios",
    "systems",
    "talk",
    "team",
    "technikum",
    "technologies",
    "technology",
    "telekom",
    "the",
    "to",
    "topics",
    "tu",
    "university",
    "universität",
    "vienna",
    "vision",
    "welcome",
    "wien",
    "with",
    "wrap",
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
    if ";" in line:  # "Rene Donner, Contextflow; Jan Schlüter, OFAI" (#15)
        people = [person for part in line.split(";") for person in parse_speaker_line(part)]
        return people if len(people) > line.count(";") else []
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
            return share_last_organisation(people)
    return []


def share_last_organisation(people: list[Person]) -> list[Person]:
    """ "X, Computer Vision Developer & Y, CCO, KiwiSecurity": the organisation named last is everyone's whose
    own part names only a role."""
    organisation = split_affiliation(people[-1][1]).organisation
    if not organisation:
        return people
    return [
        (
            name,
            f"{affiliation}, {organisation}"
            if affiliation and not split_affiliation(affiliation).organisation
            else affiliation,
        )
        for name, affiliation in people
    ]


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
    """ "Name - Affiliation", "Name – Affiliation" (#55); "Meder Kamalov -." names nobody's affiliation."""
    match = re.fullmatch(r"(.+?)\s+[-–—]\s*(.*)", line)
    if not match or "," in match[1] or not looks_like_person(strip_honorifics(match[1])):
        return []
    affiliation = match[2].strip()
    return [(strip_honorifics(match[1]), "" if not re.search(r"\w", affiliation) else affiliation)]


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
