"""The program on a meetup's admin page: one row per agenda slot, a talk's title, speakers, abstract and slides
right in its slot (the talk's own page edits the rest: speakers' affiliations at the time, their order)."""

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelectMultiple, RelatedFieldWidgetWrapper
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.urls import reverse
from django.utils.html import format_html

from common.admin_forms import (
    BOTH_FILE_AND_LINK,
    ConstraintErrorsOnFieldsMixin,
    MergeConcurrentEditsMixin,
    constraint_message,
)
from common.text import human_size
from common.validators import validate_slides
from common.weblinks import web_link_validator
from events.models import AgendaSlot
from events.services.program import TalkDetails
from talks.enums import TalkKind
from talks.models import Speaker, Talk

TALK_HAS_FILE = "This talk has an uploaded PDF: remove it on the talk's own page to give a link instead."
TALK_NEEDS_TITLE = "Give the talk a title (or clear the talk's fields for a slot without a talk)."
TALK_FIELDS = ("talk_title", "talk_kind", "speakers", "abstract", "slides", "slides_url", "video_url")
# The talk's fields a speaker (through the private link) or the talk's own page may change while this page is
# open: a save writes only those the organizer changed here.
MERGED_TALK_FIELDS = (
    "talk_title",
    "talk_kind",
    "speakers",
    "abstract",
    "slides_url",
    "video_url",
    "talk_cancelled",
)


def speakers_widget() -> forms.Widget:
    """Autocomplete (showing affiliations) with a "+" that adds a new speaker, photo and all, in a popup."""
    field = Talk._meta.get_field("speakers")
    return RelatedFieldWidgetWrapper(
        AutocompleteSelectMultiple(field, admin.site), field.remote_field, admin.site, can_add_related=True
    )


def talk_max_length(name: str) -> int:
    return Talk._meta.get_field(name).max_length


def talk_link_field(name: str, *, label: str) -> forms.URLField:
    """One of the talk's links, edited in its slot: optional, a web address within the Talk field's length."""
    return forms.URLField(
        label=label,
        max_length=talk_max_length(name),
        required=False,
        assume_scheme="https",
        validators=[web_link_validator],
    )


class ProgramSlotForm(MergeConcurrentEditsMixin, ConstraintErrorsOnFieldsMixin, forms.ModelForm):
    merged_fields = MERGED_TALK_FIELDS

    # The talk's own fields, edited in its slot: their limits are the model's.
    talk_title = forms.CharField(label="Talk title", max_length=talk_max_length("title"), required=False)
    talk_kind = forms.ChoiceField(
        label="Kind of talk", choices=TalkKind.choices, initial=TalkKind.TALK, required=False
    )
    speakers = forms.ModelMultipleChoiceField(Speaker.objects.all(), required=False, widget=speakers_widget())
    abstract = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 3}), help_text="Markdown."
    )
    slides = forms.FileField(
        label="Slides (PDF)",
        required=False,
        help_text="Checked on upload; its pages and text are read for search.",
    )
    slides_url = talk_link_field("slides_url", label="…or slides link")
    video_url = talk_link_field("video_url", label="Video link")
    talk_cancelled = forms.BooleanField(label="Talk cancelled", required=False)

    class Meta:
        model = AgendaSlot
        fields = ["start_time", "end_time", "kind", "title", "is_cancelled"]
        labels = {"title": "Slot title"}
        help_texts = {"title": "Not needed for a talk: its title is shown."}

    slides_content = None  # the validated reading of an uploaded PDF, handed to talk_attach_slides

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        talk = self.instance.talk if self.instance.talk_id else None
        if talk is not None:
            self.initial.update(
                talk_title=talk.title,
                talk_kind=talk.kind,
                speakers=[link.speaker_id for link in talk.talk_speakers.all()],
                abstract=talk.abstract,
                slides_url=talk.slides_url,
                video_url=talk.video_url,
                talk_cancelled=talk.is_cancelled,
            )
            if talk.slides:
                self.fields["slides"].help_text = f"Uploaded: {slides_summary(talk)}. A new PDF replaces it."

    @property
    def gives_a_talk(self) -> bool:
        return bool(self.instance.talk_id or (self.cleaned_data.get("talk_title") or "").strip())

    def clean(self):
        cleaned = super().clean()
        talk = self.instance.talk if self.instance.talk_id else None
        typed = any(
            cleaned.get(name) for name in ("speakers", "abstract", "slides", "slides_url", "video_url")
        )
        if not (cleaned.get("talk_title") or "").strip():
            if talk is not None or typed:
                self.add_error("talk_title", TALK_NEEDS_TITLE)
            elif not (cleaned.get("title") or "").strip():
                # The database's rule, checked here: the form does not edit `talk`, so Django skips it.
                self.add_error("title", constraint_message(AgendaSlot, "agendaslot_titled_or_talk"))
        upload = cleaned.get("slides")
        if isinstance(upload, UploadedFile):
            try:
                self.slides_content = validate_slides(upload)
            except ValidationError as error:
                self.add_error("slides", error)
            if cleaned.get("slides_url"):
                self.add_error("slides_url", BOTH_FILE_AND_LINK)
        elif cleaned.get("slides_url") and talk is not None and talk.slides:
            self.add_error("slides_url", TALK_HAS_FILE)
        return cleaned

    def has_stored_values(self) -> bool:
        return self.instance.talk_id is not None

    def _get_validation_exclusions(self):
        # A talk slot needs no title of its own: its talk exists only once the form is saved.
        exclusions = super()._get_validation_exclusions()
        if self.is_bound and (self.data.get(self.add_prefix("talk_title")) or "").strip():
            exclusions.add("title")
        return exclusions

    def talk_details(self) -> TalkDetails | None:
        """The talk this row gives, speakers in the order chosen; None for a slot without a talk."""
        if not self.gives_a_talk:
            return None
        if self.has_stored_values() and "speakers" not in self.changed_data:
            speakers = tuple(
                link.speaker for link in self.instance.talk.talk_speakers.select_related("speaker")
            )
        else:
            chosen = {speaker.pk: speaker for speaker in self.cleaned_data["speakers"]}
            order = [int(pk) for pk in self.data.getlist(self.add_prefix("speakers")) if pk.isdigit()]
            speakers = tuple(chosen[pk] for pk in dict.fromkeys(order) if pk in chosen)
        value = self.merged_value
        return TalkDetails(
            title=value("talk_title").strip(),
            kind=value("talk_kind") or TalkKind.TALK,
            abstract=value("abstract"),
            slides_url=value("slides_url"),
            video_url=value("video_url"),
            is_cancelled=value("talk_cancelled"),
            speakers=speakers,
        )


def slides_summary(talk: Talk) -> str:
    """ "12 pages · 2.4 MB" """
    pages = talk.slides_pages
    parts = [f"{pages} page{'s' if pages != 1 else ''}"] if pages is not None else []
    if talk.slides_size is not None:
        parts.append(human_size(talk.slides_size))
    return " · ".join(parts) or "PDF"


class ProgramInline(admin.StackedInline):
    model = AgendaSlot
    form = ProgramSlotForm
    extra = 0
    verbose_name = "agenda slot"
    verbose_name_plural = "program: agenda slots and talks (shown in time order)"
    fieldsets = [
        (None, {"fields": [("start_time", "end_time", "kind", "title", "is_cancelled")]}),
        (
            "Talk in this slot",
            {
                "fields": [
                    ("talk_title", "talk_kind", "talk_cancelled"),
                    "speakers",
                    "abstract",
                    ("slides", "slides_url"),
                    "video_url",
                    "talk_page",
                ],
                "description": "For a talk, give its title; speakers not yet known are added with the “+”.",
                "classes": ["collapse"],  # opened for talk slots by program.js
            },
        ),
    ]
    readonly_fields = ["talk_page"]

    @admin.display(description="talk's own page")
    def talk_page(self, slot):
        if not slot.talk_id:
            return "—"
        url = reverse("admin:talks_talk_change", args=[slot.talk_id])
        return format_html('<a href="{}">Affiliations at the time, speaker order, download count</a>', url)

    class Media:
        js = ["admin-vdlm/program.js"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("talk").prefetch_related("talk__talk_speakers")
