"""The forms speakers fill in through their talk's private link: the talk, and each speaker about themselves.

Files get the admin's checks: slides are read in the bounded PDF reader (common.validators.validate_slides, through
PdfOrLinkForm), photos prepared by common.images; a refused file gets the admin's message and nothing is stored.
Each form remembers what the page showed (signed fingerprints in a hidden field), so that saving writes only what
this speaker changed and notices what someone else changed meanwhile (events.services.speaker_edits).
"""

from django import forms
from django.conf import settings
from django.core import signing
from django.core.files.uploadedfile import UploadedFile
from django.http import QueryDict
from django.utils.functional import lazy

from common.admin_forms import PdfOrLinkForm
from common.images import MAX_BYTES, ImageUploadField
from events.services.speaker_edits import (
    Conflict,
    NewPhoto,
    NewSlides,
    RowEdit,
    fingerprint,
    normalized,
    speaker_values,
    talk_values,
)
from talks.models import Speaker, Talk, TalkSpeaker

LOADED_SALT = "events.speaker_link.loaded"
STALE_PAGE = (
    "This page is out of date. Please open the link from your mail again and make your changes there."
)
SLIDES_AND_LINK = "Your talk has a slides file already: tick “Remove the slides file” to give a link instead, or clear the link."
# Lazy: the contact address is read when the message is shown.
NAME_TAKEN = lazy(
    lambda: (
        "Another speaker on the site has this name already. If that is you too, write to "
        f"{settings.VDLM_CONTACT_EMAIL} and we will join the two."
    ),
    str,
)()


class LoadedValuesMixin:
    """Remembers the values the page showed (`values`: field -> stored value), and after validation tells what
    the speaker changed (`edit()`). `file_fields` maps each file field to its "remove" checkbox."""

    file_fields: dict[str, str] = {}
    text_areas: tuple[str, ...] = ()

    def __init__(self, *args, values: dict[str, str], **kwargs):
        super().__init__(*args, label_suffix="", **kwargs)
        self.values = values
        self.fields["loaded"] = forms.CharField(widget=forms.HiddenInput, required=False)
        self.initial["loaded"] = loaded_token(values)

    def clean(self):
        cleaned = super().clean()
        try:
            loaded = signing.loads(cleaned.get("loaded") or "", salt=LOADED_SALT)
        except signing.BadSignature:
            loaded = None
        if not isinstance(loaded, dict):
            raise forms.ValidationError(STALE_PAGE, code="stale")
        cleaned["loaded"] = loaded
        for name in self.text_areas:
            if name in cleaned:
                cleaned[name] = normalized(cleaned[name])
        return cleaned

    def new_file(self, name: str):
        """The checked upload of a file field (NewSlides, NewPhoto), or None."""
        raise NotImplementedError

    def edit(self) -> RowEdit:
        """After is_valid(): what the speaker changed, compared with what the page showed."""
        loaded = self.cleaned_data["loaded"]
        changes = {
            name: normalized(self.cleaned_data[name])
            for name in self.values
            if name not in self.file_fields and fingerprint(self.cleaned_data[name]) != loaded.get(name)
        }
        for name, remove in self.file_fields.items():
            if upload := self.new_file(name):
                changes[name] = upload
            elif self.cleaned_data.get(remove) and loaded.get(name) != fingerprint(""):
                changes[name] = ""
        return RowEdit(changes=changes, loaded=loaded)

    def rebase(self, data: QueryDict, edit: RowEdit, current: dict[str, str]) -> None:
        """Rewrite this form's part of `data` after a conflict: the speaker's changes kept, every other field
        showing what is stored now, and the page counting as opened now (the conflicts are named on their
        fields)."""
        for name in self.values:
            if name not in self.file_fields and name not in edit.changes:
                data[self.add_prefix(name)] = current[name]
        for remove in self.file_fields.values():
            data.pop(self.add_prefix(remove), None)
        data[self.add_prefix("loaded")] = loaded_token(current)


def loaded_token(values: dict[str, str]) -> str:
    return signing.dumps({name: fingerprint(value) for name, value in values.items()}, salt=LOADED_SALT)


class TalkLinkForm(LoadedValuesMixin, PdfOrLinkForm):
    pdf_field = "slides"
    link_field = "slides_url"
    file_fields = {"slides": "remove_slides"}
    text_areas = ("abstract",)

    slides = forms.FileField(
        label="Slides (PDF)",
        required=False,
        widget=forms.FileInput(attrs={"accept": "application/pdf,.pdf"}),
        help_text=f"A PDF of up to {settings.VDLM_SLIDES_MAX_BYTES // (1024 * 1024)} MB; it replaces the slides "
        "stored now. Its text is read so that people find your talk in the site's search.",
    )
    remove_slides = forms.BooleanField(label="Remove the slides file", required=False)

    class Meta:
        model = Talk
        fields = ["title", "abstract", "slides_url", "video_url"]
        labels = {"slides_url": "Or a link to your slides", "video_url": "Video link"}
        help_texts = {
            "abstract": "What your talk is about, in a few paragraphs. Markdown works: *italic*, **bold**, "
            "[a link](https://example.org).",
            "slides_url": "E.g. on Google Slides or Speaker Deck, instead of a file.",
            "video_url": "A recording of the talk, if there is one.",
        }
        widgets = {"abstract": forms.Textarea(attrs={"rows": 8})}

    field_order = ["title", "abstract", "slides", "remove_slides", "slides_url", "video_url"]

    def clean(self):
        cleaned = super().clean()
        # PdfOrLinkForm refuses a new file together with a link; a file the page showed must be removed first.
        # (A file someone else stored since the page was opened is a conflict, named as such when saving.)
        showed_file = cleaned["loaded"].get("slides") != fingerprint("")
        stored = self.instance.slides and showed_file and not cleaned.get("remove_slides")
        if stored and not self.pdf_content and cleaned.get("slides_url") and not self.has_error("slides"):
            self.add_error("slides_url", SLIDES_AND_LINK)
        return cleaned

    def new_file(self, name):
        upload = self.cleaned_data.get("slides")
        if isinstance(upload, UploadedFile) and self.pdf_content is not None:
            return NewSlides(file=upload, content=self.pdf_content)
        return None


class SpeakerLinkForm(LoadedValuesMixin, forms.ModelForm):
    file_fields = {"photo": "remove_photo"}
    text_areas = ("bio",)

    affiliation = forms.CharField(
        max_length=TalkSpeaker._meta.get_field("affiliation").max_length,
        required=False,
        help_text="Where you work or study, shown with your name on this talk.",
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    photo = ImageUploadField(
        required=False,
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        help_text=f"JPEG, PNG or WebP, up to {MAX_BYTES // (1024 * 1024)} MB. We store it at most 400 × 400 "
        "pixels, without camera data or GPS position.",
    )
    remove_photo = forms.BooleanField(label="Remove the photo", required=False)

    class Meta:
        model = Speaker
        fields = ["name", "bio", "website", "github", "linkedin", "social"]
        labels = {"social": "Mastodon, Bluesky or X"}
        help_texts = {
            "name": "As it should appear on the site.",
            "bio": "A few sentences about you, for your speaker page. Markdown works.",
            "social": "A link to your profile.",
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "bio": forms.Textarea(attrs={"rows": 5}),
            "website": forms.URLInput(attrs={"autocomplete": "url"}),
        }
        error_messages = {"name": {"unique": NAME_TAKEN}}

    field_order = [
        "name",
        "affiliation",
        "bio",
        "photo",
        "remove_photo",
        "website",
        "github",
        "linkedin",
        "social",
    ]

    def __init__(self, *args, link: TalkSpeaker, **kwargs):
        super().__init__(*args, instance=link.speaker, values=speaker_values(link), **kwargs)
        self.link = link
        self.initial["affiliation"] = link.affiliation

    def new_file(self, name):
        photo = self.cleaned_data.get("photo")
        if not isinstance(photo, UploadedFile):
            return None
        return NewPhoto(file=photo, image=photo.prepared)


class SpeakerLinkForms:
    """The page's forms: the talk's, then one per speaker of the talk (prefixed by the speaker's id)."""

    def __init__(self, talk: Talk, data=None, files=None):
        self.talk = talk
        self.talk_form = TalkLinkForm(data, files, instance=talk, values=talk_values(talk), prefix="talk")
        self.speaker_forms = [
            SpeakerLinkForm(data, files, link=link, prefix=f"speaker-{link.speaker_id}")
            for link in talk.talk_speakers.all()
        ]

    def __iter__(self):
        return iter([self.talk_form, *self.speaker_forms])

    def is_valid(self) -> bool:
        valid = [form.is_valid() for form in self]  # every form, so that each shows its errors
        return all(valid)

    def error_summary(self) -> list[tuple[str, str]]:
        """Every error of the page as (the id to jump to, the message with the field's name), for the list above
        the form."""
        summary = []
        for form in self:
            whose = "" if form is self.talk_form else f"{form.link.speaker.name}, "
            summary.extend((f"{form.prefix}-errors", error) for error in form.non_field_errors())
            for field in form.visible_fields():
                summary.extend(
                    (field.id_for_label, f"{whose}{field.label}: {error}") for error in field.errors
                )
        return summary

    def edits(self) -> tuple[RowEdit, dict[int, RowEdit]]:
        return self.talk_form.edit(), {form.link.speaker_id: form.edit() for form in self.speaker_forms}

    def rebased(self, talk: Talk, conflicts: list[Conflict]) -> "SpeakerLinkForms":
        """The forms again after a conflict, on the talk as stored now (see `LoadedValuesMixin.rebase`), with
        each conflict on its field."""
        talk_edit, speaker_edits = self.edits()
        data = self.talk_form.data.copy()
        self.talk_form.rebase(data, talk_edit, talk_values(talk))
        links = {link.speaker_id: link for link in talk.talk_speakers.all()}
        for form in self.speaker_forms:
            if link := links.get(form.link.speaker_id):
                form.rebase(data, speaker_edits[link.speaker_id], speaker_values(link))
        rebased = SpeakerLinkForms(talk, data)
        rebased.is_valid()
        forms = {None: rebased.talk_form, **{form.link.speaker_id: form for form in rebased.speaker_forms}}
        for conflict in conflicts:
            if target := forms.get(conflict.speaker_id):
                # The conflict is the news; other advice on the same field would only repeat it.
                target.errors.pop(conflict.field, None)
                target.add_error(conflict.field, conflict_message(conflict))
        return rebased


def conflict_message(conflict: Conflict) -> str:
    current = conflict.current
    if conflict.name_taken:
        return str(NAME_TAKEN)
    if "slides" in current:
        if current["slides"]:
            now = "a PDF file is stored"
        elif current["slides_url"]:
            now = f"the link is {current['slides_url']}"
        else:
            now = "there are no slides"
        return (
            f"Someone else changed the slides after you opened this page: now {now}. "
            "Choose your file or give your link again if yours should replace them."
        )
    if "photo" in current:
        return (
            "Someone else changed the photo after you opened this page. "
            "Choose your photo again if it should replace theirs."
        )
    value = normalized(current[conflict.field])
    now = f"it now reads: “{value}”" if value else "it is now empty"
    return (
        f"Someone else changed this after you opened this page; {now}. Your version is in the box: "
        "keep what should stay and save again."
    )
