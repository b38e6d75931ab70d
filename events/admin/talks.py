"""A talk's own page: its meetup (with a link back), speakers with their affiliation at the time and their order,
abstract and slides. The meetup's page edits the same talks in their agenda slots."""

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect
from django.urls import reverse
from django.utils.html import format_html

from common.admin_forms import (
    ConstraintErrorsOnFieldsMixin,
    DownloadLinkFileWidget,
    MergeConcurrentEditsMixin,
    PdfOrLinkForm,
    attach_upload,
    take_upload,
)
from events.admin.program import slides_summary
from events.admin.speaker_links import email_speaker_links, renew_speaker_links, speaker_link
from events.models import AgendaSlot, Event
from events.services.program import talk_place_on_program
from talks.models import Talk, TalkSpeaker
from talks.services import talk_attach_slides, talk_remove_slides


class TalkSpeakerInline(admin.TabularInline):
    model = TalkSpeaker
    extra = 0
    autocomplete_fields = ["speaker"]
    fields = ["order", "speaker", "affiliation"]


class TalkForm(MergeConcurrentEditsMixin, ConstraintErrorsOnFieldsMixin, PdfOrLinkForm):
    pdf_field = "slides"
    link_field = "slides_url"
    # What the speaker (through the private link) or the meetup's page may change while this page is open.
    merged_fields = ("title", "kind", "is_cancelled", "abstract", "slides_url", "video_url")

    meetup = forms.ModelChoiceField(
        Event.objects.all(),
        widget=AutocompleteSelect(AgendaSlot._meta.get_field("event"), admin.site),
        help_text="The meetup whose agenda lists this talk (a new talk is added last, untimed).",
    )

    class Meta:
        model = Talk
        fields = [
            *("title", "slug", "kind", "is_cancelled", "abstract"),
            *("slides", "slides_url", "video_url"),
        ]
        help_texts = {"slides": "PDF only, checked on upload; its pages and text are read for search."}
        widgets = {"slides": DownloadLinkFileWidget}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        slot = getattr(self.instance, "slot", None) if self.instance.pk else None
        if slot is not None:
            self.initial.setdefault("meetup", slot.event_id)

    def stored_file_url(self) -> str:
        return self.instance.get_slides_url()

    def _post_clean(self):
        # The talk is saved with the stored values of the fields this page did not change.
        for name in self.merged_fields:
            if name in self.cleaned_data:
                self.cleaned_data[name] = self.merged_value(name)
        super()._post_clean()


@admin.register(Talk)
class TalkAdmin(admin.ModelAdmin):
    form = TalkForm
    list_display = ["title", "meetup", "kind", "is_cancelled", "slides_file", "download_count"]
    list_filter = ["kind", "is_cancelled", "slot__event__date"]
    list_select_related = ["slot__event"]
    search_fields = ["title", "abstract", "speakers__name", "slot__event__title"]
    prepopulated_fields = {"slug": ["title"]}
    readonly_fields = ["back_to_meetup", "slides_file", "download_count", "speaker_link"]
    inlines = [TalkSpeakerInline]
    fields = [
        *("back_to_meetup", "meetup", "title", "slug", "kind", "is_cancelled", "abstract"),
        *("slides", "slides_file", "slides_url", "video_url", "download_count", "speaker_link"),
    ]
    actions = [email_speaker_links, renew_speaker_links]
    speaker_link = speaker_link

    class Media:
        js = ["js/copy-link.js"]

    @admin.display(description="meetup", ordering="slot__event__date")
    def meetup(self, talk):
        slot = getattr(talk, "slot", None)
        return slot.event if slot else "—"

    @admin.display(description="on the program of")
    def back_to_meetup(self, talk):
        slot = getattr(talk, "slot", None)
        if slot is None:
            return "—"
        url = reverse("admin:events_event_change", args=[slot.event_id])
        return format_html('<a href="{}" id="back-to-meetup">← {}</a>', url, slot.event)

    @admin.display(description="slides file")
    def slides_file(self, talk):
        return slides_summary(talk) if talk.slides else "—"

    def get_changeform_initial_data(self, request):
        # A talk added from a meetup's page comes with ?meetup=<id>.
        return {**super().get_changeform_initial_data(request), "meetup": request.GET.get("meetup")}

    def save_model(self, request, obj, form, change):
        upload = take_upload(form, "slides", remove=lambda: talk_remove_slides(talk=obj))
        super().save_model(request, obj, form, change)
        talk_place_on_program(talk=obj, event=form.cleaned_data["meetup"])
        attach_upload(
            request,
            form,
            "slides",
            upload,
            attach=lambda file: talk_attach_slides(talk=obj, file=file, content=form.pdf_content),
        )
