"""Saving what speakers change through their talk's private link, without losing anybody's change.

Two speakers of a talk (or a speaker and an organizer) may edit at once. Talk and Speaker have no `updated_at` to
compare (as the admin's StaleEditGuardForm does), and one version per row would refuse a save whenever anybody
changed anything: one speaker's new bio would block the other's new title. So each form remembers a fingerprint
of every value it showed, and a save compares field by field, with the rows locked: a field this speaker changed
that someone else changed too since the page was opened is a conflict, and then nothing is saved; a field only
the other person changed is not written, so their change stays. This needs no new column and sees every writer
(admin, import, another speaker). The slides file and the slides link count as one field: a talk has one or the
other.

Files were checked by the forms with the admin's checks and are stored last, by the admin's services
(`talk_attach_slides`, `speaker_set_photo`). Every save is written to the admin's history (LogEntry), as made
"through the speaker link" by the inactive account `speaker-link` (a log entry needs a user; speakers have none).
"""

import hashlib
from dataclasses import dataclass, field

from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import User
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.text import get_text_list

from common.images import PreparedImage
from common.pdf import PdfContent
from talks.models import Speaker, Talk, TalkSpeaker
from talks.services import speaker_remove_photo, speaker_set_photo, talk_attach_slides, talk_remove_slides

SPEAKER_LINK_USERNAME = "speaker-link"

# The fields a speaker may change, with the words the history and the thank-you message use for them.
TALK_FIELDS = {
    "title": "title",
    "abstract": "abstract",
    "slides": "slides",
    "slides_url": "slides link",
    "video_url": "video link",
}
SPEAKER_FIELDS = {
    "name": "name",
    "affiliation": "affiliation",
    "bio": "bio",
    "photo": "photo",
    "website": "website",
    "github": "GitHub link",
    "linkedin": "LinkedIn link",
    "social": "Mastodon, Bluesky or X link",
}
# Fields compared together: a talk has a slides file or a slides link, never both.
TALK_GROUPS = (("title",), ("abstract",), ("slides", "slides_url"), ("video_url",))
SPEAKER_GROUPS = tuple((name,) for name in SPEAKER_FIELDS)
FILE_FIELDS = {"slides", "photo"}


@dataclass(frozen=True)
class NewSlides:
    file: UploadedFile
    content: PdfContent  # the checked reading of the file


@dataclass(frozen=True)
class NewPhoto:
    file: UploadedFile
    image: PreparedImage  # the checked, re-encoded image


@dataclass
class RowEdit:
    """One form's changes: field -> new value ("" removes a file; NewSlides or NewPhoto stores one), and the
    fingerprints of the values the page showed."""

    changes: dict[str, object]
    loaded: dict[str, str]


@dataclass(frozen=True)
class Conflict:
    speaker_id: int | None  # None: the talk
    field: str  # the field of the form to show the message on
    current: dict[str, str]  # what the group's fields hold now
    name_taken: bool = False


class EditConflict(Exception):
    def __init__(self, conflicts: list[Conflict]):
        super().__init__(f"{len(conflicts)} conflicting changes")
        self.conflicts = conflicts


@dataclass
class SaveReport:
    talk_fields: list[str] = field(default_factory=list)
    speaker_fields: dict[Speaker, list[str]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.talk_fields or self.speaker_fields)


def normalized(value) -> str:
    """A value as compared and stored: text without surrounding blanks and with plain newlines (browsers send
    textareas with CRLF)."""
    return str(value or "").replace("\r\n", "\n").strip()


def fingerprint(value) -> str:
    return hashlib.sha256(normalized(value).encode()).hexdigest()[:16]


def talk_values(talk: Talk) -> dict[str, str]:
    """What a speaker sees of the talk, field by field (a file by its stored name)."""
    return {name: (talk.slides.name if name == "slides" else getattr(talk, name)) for name in TALK_FIELDS}


def speaker_values(link: TalkSpeaker) -> dict[str, str]:
    """What a speaker sees of themselves: the speaker's fields, and the affiliation shown with this talk."""
    speaker = link.speaker
    values = {name: getattr(speaker, name) for name in SPEAKER_FIELDS if name not in ("affiliation", "photo")}
    return {**values, "affiliation": link.affiliation, "photo": speaker.photo.name}


def speaker_link_user() -> User:
    """The account the history names for changes made through speaker links: inactive, no password."""
    user, _ = User.objects.get_or_create(
        username=SPEAKER_LINK_USERNAME, defaults={"is_active": False, "password": make_password(None)}
    )
    return user


def speaker_link_save(*, talk: Talk, talk_edit: RowEdit, speaker_edits: dict[int, RowEdit]) -> SaveReport:
    """Save a speaker link's forms: only what the speaker changed, and nothing at all when someone else changed
    the same fields since the page was opened (raises EditConflict naming them). `speaker_edits` is keyed by
    speaker id; speakers not on the talk are ignored."""
    with transaction.atomic():
        # Locked in this order everywhere, so two saves of one talk wait for each other instead of deadlocking.
        talk = Talk.objects.select_for_update().get(pk=talk.pk)
        links = {
            link.speaker_id: link
            for link in TalkSpeaker.objects.select_for_update().select_related("speaker").filter(talk=talk)
        }
        edits = {speaker_id: edit for speaker_id, edit in speaker_edits.items() if speaker_id in links}
        conflicts = _conflicts(None, talk_values(talk), talk_edit, TALK_GROUPS)
        for speaker_id, edit in edits.items():
            conflicts += _conflicts(speaker_id, speaker_values(links[speaker_id]), edit, SPEAKER_GROUPS)
            conflicts += _name_taken(links[speaker_id].speaker, edit)
        if conflicts:
            raise EditConflict(conflicts)
        report = SaveReport(talk_fields=_apply_to_talk(talk, talk_edit.changes))
        for speaker_id, edit in edits.items():
            if changed := _apply_to_speaker(links[speaker_id], edit.changes):
                report.speaker_fields[links[speaker_id].speaker] = changed
        _log(talk, report, [link.speaker for link in links.values()])
    return report


def _conflicts(speaker_id, current: dict[str, str], edit: RowEdit, groups) -> list[Conflict]:
    conflicts = []
    for group in groups:
        mine = [name for name in group if name in edit.changes]
        theirs = [name for name in group if fingerprint(current[name]) != edit.loaded.get(name)]
        if mine and theirs and any(_differs(edit.changes[name], current[name]) for name in mine):
            conflicts.append(Conflict(speaker_id, mine[0], {name: current[name] for name in group}))
    return conflicts


def _differs(new, current: str) -> bool:
    return isinstance(new, NewSlides | NewPhoto) or normalized(new) != normalized(current)


def _name_taken(speaker: Speaker, edit: RowEdit) -> list[Conflict]:
    """The form checked the name too; checked again here, as another speaker may have taken it meanwhile."""
    name = edit.changes.get("name")
    if name and Speaker.objects.filter(name=name).exclude(pk=speaker.pk).exists():
        return [Conflict(speaker.pk, "name", {"name": speaker.name}, name_taken=True)]
    return []


def _apply_to_talk(talk: Talk, changes: dict) -> list[str]:
    new_slides = changes.get("slides")
    if new_slides == "":
        talk_remove_slides(talk=talk)  # first: a link given instead fits the file-or-link rule
    plain = [name for name in TALK_FIELDS if name in changes and name not in FILE_FIELDS]
    for name in plain:
        setattr(talk, name, changes[name])
    if plain:
        talk.save(update_fields=plain)
    if isinstance(new_slides, NewSlides):
        talk_attach_slides(talk=talk, file=new_slides.file, content=new_slides.content)
    return [TALK_FIELDS[name] for name in TALK_FIELDS if name in changes]


def _apply_to_speaker(link: TalkSpeaker, changes: dict) -> list[str]:
    speaker = link.speaker
    plain = [name for name in SPEAKER_FIELDS if name in changes and name not in FILE_FIELDS]
    for name in plain:
        setattr(speaker, name, changes[name])
    if plain:
        speaker.save(update_fields=plain)
    if "affiliation" in changes:
        # The affiliation shown with this talk; the speaker's current affiliation (saved above) follows it.
        link.affiliation = changes["affiliation"]
        link.save(update_fields=["affiliation"])
    photo = changes.get("photo")
    if photo == "":
        speaker_remove_photo(speaker=speaker)
    elif isinstance(photo, NewPhoto):
        speaker_set_photo(speaker=speaker, file=photo.file, image=photo.image)
    return [SPEAKER_FIELDS[name] for name in SPEAKER_FIELDS if name in changes]


def _log(talk: Talk, report: SaveReport, speakers: list[Speaker]) -> None:
    user = speaker_link_user()
    names = ", ".join(speaker.name for speaker in speakers)
    if report.talk_fields:
        LogEntry.objects.log_actions(
            user_id=user.pk,
            queryset=[talk],
            action_flag=CHANGE,
            change_message=f"Changed {get_text_list(report.talk_fields, 'and')} through the speaker link "
            f"(speakers: {names}).",
        )
    for speaker in speakers:
        if fields := report.speaker_fields.get(speaker):
            LogEntry.objects.log_actions(
                user_id=user.pk,
                queryset=[speaker],
                action_flag=CHANGE,
                change_message=f"Changed {get_text_list(fields, 'and')} through the speaker link of "
                f"“{talk.title}”.",
            )
