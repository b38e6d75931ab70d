"""Each talk's speakers with their affiliation as this meetup's sources state it: the organisation alone, the job
role kept apart, legal forms dropped (affiliations.py). Every affiliation that changed is reported.
"""

from ..affiliations import split_speaker_affiliation
from ..records import ReportEntry, SpeakerRecord, TalkRecord
from .sources import Sources


def state_affiliations(sources: Sources, key: str, talks: list[TalkRecord], source: str) -> None:
    """Splits every speaker's written affiliation into organisation and role, reporting what changed."""
    for talk in talks:
        talk.speakers = [stated_speaker(sources, key, speaker, source) for speaker in talk.speakers]


def stated_speaker(sources: Sources, key: str, speaker: SpeakerRecord, source: str) -> SpeakerRecord:
    stated, affiliation = split_speaker_affiliation(speaker)
    if affiliation is None:
        return speaker
    changes = [
        f"organisation {affiliation.organisation!r}" if affiliation.organisation else "no organisation"
    ]
    changes += [f"role {affiliation.role!r} kept apart"] if affiliation.role else []
    changes += ["legal form dropped"] if affiliation.legal_form_dropped else []
    sources.report.append(
        ReportEntry(
            "affiliation",
            f"{key}: {speaker.name}'s affiliation {speaker.affiliation!r}: {', '.join(changes)}",
            source,
        )
    )
    return stated
