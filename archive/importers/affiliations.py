"""A speaker's affiliation as the site shows it: the organisation alone, the job role kept apart.

The sources mix roles into affiliations ("AI Researcher, PwC Austria", "Director of Research at Apart Research",
"CTO - Birds.ai", "SBA Research & Lecturer @ TU Wien") and write legal forms ("contextflow GmbH"). A part that
names a job is a role; the rest is the organisation, without its legal form. Text without any job word stays as
written (but for a legal form): "TU Wien & CP, JKU Linz" is organisations only.
"""

import re
from dataclasses import dataclass, replace

from .records import SpeakerRecord

# Words that make a part of an affiliation a job role ("Head of AI", "Senior Researcher", "PostDoc").
ROLE_WORDS = {
    "analyst",
    "architect",
    "cco",
    "ceo",
    "cfo",
    "co-founder",
    "consultant",
    "consulting",
    "coo",
    "creator",
    "cto",
    "developer",
    "director",
    "engineer",
    "ex",
    "expert",
    "formerly",
    "founder",
    "freelancer",
    "head",
    "intern",
    "inventor",
    "lead",
    "leader",
    "lecturer",
    "lector",
    "manager",
    "officer",
    "parliamentarian",
    "phd",
    "postdoc",
    "predoc",
    "prev.",
    "professor",
    "researcher",
    "researchers",
    "resident",
    "scientist",
    "student",
}
# Legal forms ending an organisation's name, dropped for display ("contextflow GmbH" -> "contextflow").
LEGAL_FORM = re.compile(
    r"\s+(?:GmbH|AG)(?:\s*&\s*Co\.?\s*KG)?(?=$|[\s,/)])|\s+(?:e\.U\.|Ltd\.?|Inc\.?|LLC)(?=$|[\s,/)])"
)
# "Researcher at OFAI", "Lecturer @ TU Wien": the role before, the organisation after.
AT = re.compile(r"\s+(?:at|@)\s+")
# The top-level parts of an affiliation: "Role, Org", "Role - Org".
CHUNK_SEPARATOR = re.compile(r"\s*,\s*|\s+[-–—]\s+")
# Within a part: "SBA Research & Lecturer", "Machine learning Engineer and Data Scientist".
PIECE_SEPARATOR = re.compile(r"\s+&\s+|\s+and\s+")


@dataclass(frozen=True)
class Affiliation:
    organisation: str
    role: str = ""
    legal_form_dropped: bool = False


def is_role(text: str) -> bool:
    """Names a job: "Head of AI", "PoC-Engineer", "independent researcher"; not inside parentheses."""
    outside = re.sub(r"\([^()]*\)", " ", text)
    words = [word.lower().strip(",;:") for word in re.split(r"[\s/-]+", outside)]
    return any(word in ROLE_WORDS or word.rstrip(".") + "." in ROLE_WORDS for word in words)


def drop_legal_form(name: str) -> str:
    return LEGAL_FORM.sub("", name).strip()


def split_affiliation(text: str) -> Affiliation:
    """ "AI Researcher, PwC Austria" -> PwC Austria (role "AI Researcher"); "contextflow GmbH" -> contextflow."""
    # A description in parentheses is no part of the name ("DAIN Studios (Data and … product startup)"); an
    # acronym is ("Austrian Institute of Technology (AIT)").
    written = re.sub(r"\s*\((?:[^()\s]+\s+){2,}[^()]*\)", "", text).strip().rstrip(".").strip()
    if not is_role(written):
        organisation = drop_legal_form(written)
        return Affiliation(organisation, "", organisation != written)
    organisations, roles = sort_parts(written)
    organisation = drop_legal_form(organisations)
    role = ", ".join(roles) if organisation else written  # a role alone stays as written
    return Affiliation(organisation, role, organisation != organisations)


def sort_parts(written: str) -> tuple[str, list[str]]:
    """The organisation(s) and the roles of an affiliation that names a job.

    "Google, Global Product Lead, Enterprise Cloud": an organisation first, so all after it describes the role.
    "Senior Researcher, SBA Research & Lector, TU Wien": a role first, so each part is sorted on its own; the
    organisations keep the separators they were written with ("SBA Research, TU Wien").
    """
    chunks = [chunk for chunk in CHUNK_SEPARATOR.split(written) if chunk]
    if len(chunks) > 1 and not is_role(chunks[0]):
        return chunks[0], [", ".join(chunks[1:])]
    organisations: list[str] = []
    roles: list[str] = []
    for chunk in chunks:
        chunk_organisations, chunk_roles = sort_chunk(chunk)
        if chunk_organisations:
            organisations.append(" & ".join(chunk_organisations))
        roles += chunk_roles
    return ", ".join(organisations), roles


def sort_chunk(chunk: str) -> tuple[list[str], list[str]]:
    """One part: "Researcher at OFAI and contextflow GmbH", "SBA Research & Lecturer @ TU Wien", "Head of AI".

    It is split at "&"/"and" only after an organisation ("SBA Research & Lecturer"): a role goes on over them
    ("Head of Machine Learning & Engineering", "Professor of Philosophy of Media and Technology")."""
    at = AT.search(chunk)
    before, after = (chunk[: at.start()], chunk[at.end() :]) if at else (chunk, "")
    pieces = PIECE_SEPARATOR.split(before)
    if is_role(pieces[0]):
        organisations, roles = [], [before]
    else:
        organisations = [piece for piece in pieces if not is_role(piece)]
        roles = [piece for piece in pieces if is_role(piece)]
    return organisations + ([after] if after else []), roles


def split_speaker_affiliation(speaker: SpeakerRecord) -> tuple[SpeakerRecord, Affiliation | None]:
    """The speaker with organisation and role apart, and the split when it changed what was written."""
    if not speaker.affiliation or speaker.role:
        return speaker, None
    affiliation = split_affiliation(speaker.affiliation)
    if (affiliation.organisation, affiliation.role) == (speaker.affiliation, ""):
        return speaker, None
    return replace(speaker, affiliation=affiliation.organisation, role=affiliation.role), affiliation
