from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html

from events.images import LOGO, prepare_image
from events.models import AgendaSlot, Event, EventSponsor, JobPost, Sponsor, Venue
from events.publishing import event_cancel, event_checklist, event_duplicate_as_next, event_publish
from events.services import sponsor_remove_logo, sponsor_set_logo
from talks.models import Talk
from talks.services import event_attach_intro_slides, event_remove_intro_slides
from talks.validators import validate_slides

BOTH_FILE_AND_LINK = "Upload a file or give a link, not both: clear the link to upload a file."
TALK_HAS_FILE = "This talk has an uploaded PDF: remove it on the talk's own page to give a link instead."


def take_upload(form, field: str, *, remove):
    """Before the model is saved: only the service functions write or delete files.

    Returns a new upload of `field`, to `attach_upload` once the row is saved (the form's own assignment is
    undone). A cleared file is removed now, so that a link typed in the same form fits the file-or-link rule.
    """
    if field not in form.changed_data:
        return None
    upload = form.cleaned_data.get(field)
    setattr(form.instance, field, form.initial.get(field) or "")
    if not upload:
        remove()
    return upload


def attach_upload(request, form, field: str, upload, *, attach) -> None:
    """After the model is saved: hand the new upload to its service; a refusal becomes an admin message."""
    if not upload:
        return
    try:
        attach(upload)
    except ValidationError as error:
        messages.error(request, f"{form.fields[field].label}: {' '.join(error.messages)}")


class PdfOrLinkForm(forms.ModelForm):
    """A form with a PDF field (checked by content on upload) and a link field, never both at once."""

    pdf_field = ""
    link_field = ""
    pdf_content = None  # the validated reading of the upload, handed to the service function

    def clean(self):
        cleaned = super().clean()
        file = cleaned.get(self.pdf_field)  # a new upload, the stored file, or False when cleared
        if isinstance(file, UploadedFile):
            try:
                self.pdf_content = validate_slides(file)
            except ValidationError as error:
                self.add_error(self.pdf_field, error)
        if file and cleaned.get(self.link_field):
            self.add_error(self.link_field, BOTH_FILE_AND_LINK)
        return cleaned


@admin.register(Venue)
class VenueAdmin(admin.ModelAdmin):
    list_display = ["name", "address", "city", "is_online"]
    list_filter = ["is_online", "city"]
    search_fields = ["name", "address", "alternative_names"]
    prepopulated_fields = {"slug": ["name"]}


class SponsorForm(forms.ModelForm):
    class Meta:
        model = Sponsor
        fields = ["name", "slug", "logo", "website", "description"]
        # A plain file field: events.images checks the content and says what is wrong (Django's check does not).
        field_classes = {"logo": forms.FileField}
        help_texts = {
            "logo": "PNG, JPEG or WebP (not SVG), up to 15 MB; stored as a PNG of at most 400 × 200 pixels."
        }

    prepared_logo = None  # the checked, resized image, handed to sponsor_set_logo

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if isinstance(logo, UploadedFile):
            self.prepared_logo = prepare_image(logo, spec=LOGO)  # raises ValidationError with the reason
        return logo


@admin.register(Sponsor)
class SponsorAdmin(admin.ModelAdmin):
    form = SponsorForm
    list_display = ["name", "website"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}

    def save_model(self, request, obj, form, change):
        upload = take_upload(form, "logo", remove=lambda: sponsor_remove_logo(sponsor=obj))
        super().save_model(request, obj, form, change)
        attach_upload(
            request,
            form,
            "logo",
            upload,
            attach=lambda file: sponsor_set_logo(sponsor=obj, file=file, image=form.prepared_logo),
        )


class AgendaSlotInline(admin.TabularInline):
    model = AgendaSlot
    extra = 0
    fields = ["order", "start_time", "end_time", "kind", "title", "talk"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        # Offer only this event's talks for a talk slot.
        if db_field.name == "talk":
            event_id = request.resolver_match.kwargs.get("object_id")
            kwargs["queryset"] = Talk.objects.filter(event_id=event_id) if event_id else Talk.objects.none()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class TalkInlineForm(forms.ModelForm):
    def clean(self):
        cleaned = super().clean()
        # The file itself is not in this row (it is uploaded on the talk's page), so check against the stored one.
        if cleaned.get("slides_url") and self.instance.slides:
            self.add_error("slides_url", TALK_HAS_FILE)
        return cleaned


class TalkInline(admin.TabularInline):
    model = Talk
    form = TalkInlineForm
    extra = 0
    # Slide files are uploaded on the talk's own page, where they are checked and their text is read.
    fields = ["order", "title", "slug", "kind", "is_cancelled", "slides_summary", "slides_url", "video_url"]
    readonly_fields = ["slides_summary"]
    prepopulated_fields = {"slug": ["title"]}
    show_change_link = True  # speakers, abstract and the slides file are edited on the talk's own page

    @admin.display(description="slides file")
    def slides_summary(self, talk):
        if not talk.slides:
            return "—"
        return f"PDF, {talk.slides_pages} pages" if talk.slides_pages else "PDF"


class EventSponsorInline(admin.TabularInline):
    model = EventSponsor
    extra = 0
    autocomplete_fields = ["sponsor"]
    fields = ["sponsor", "role", "order"]


class JobPostInline(admin.TabularInline):
    model = JobPost
    extra = 0
    fields = ["title", "company", "url", "expires_on", "is_active"]
    verbose_name = "job post announced here"
    verbose_name_plural = "job posts announced here"


class EventForm(PdfOrLinkForm):
    pdf_field = "intro_slides"
    link_field = "intro_slides_url"

    class Meta:
        model = Event
        fields = [
            *("number", "title", "slug", "kind", "status", "date", "start_time", "end_time", "venue"),
            *("description", "meetup_url", "intro_slides", "intro_slides_url", "video_url", "photos_url"),
        ]
        help_texts = {"intro_slides": "PDF, checked on upload; its pages and text are read for search."}


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    form = EventForm
    list_display = ["title", "number", "date", "venue", "status", "preview_link"]
    list_filter = ["status", "kind", "venue"]
    list_select_related = ["venue"]
    search_fields = ["title", "number", "description", "venue__name"]
    date_hierarchy = "date"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["venue"]
    inlines = [AgendaSlotInline, TalkInline, EventSponsorInline, JobPostInline]
    readonly_fields = ["intro_slides_pages"]
    actions = ["publish", "cancel", "duplicate_as_next", "download_readme"]
    view_on_site = False  # the change form links to the page itself ("Preview" for drafts), see the template
    fieldsets = [
        (None, {"fields": ["number", "title", "slug", "kind", "status"]}),
        ("When and where", {"fields": ["date", "start_time", "end_time", "venue"]}),
        ("Announcement", {"fields": ["description", "meetup_url"]}),
        (
            "Slides, video and photos",
            {"fields": ["intro_slides", "intro_slides_pages", "intro_slides_url", "video_url", "photos_url"]},
        ),
    ]

    @admin.display(description="page")
    def preview_link(self, event):
        label = "Preview" if event.is_draft else "View"
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>', event.get_absolute_url(), label
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        event = self.get_object(request, object_id)
        extra_context = {**(extra_context or {})}
        if event is not None:
            extra_context["checklist"] = event_checklist(event)
        return super().change_view(request, object_id, form_url, extra_context=extra_context)

    def save_model(self, request, obj, form, change):
        upload = take_upload(form, "intro_slides", remove=lambda: event_remove_intro_slides(event=obj))
        super().save_model(request, obj, form, change)
        attach_upload(
            request,
            form,
            "intro_slides",
            upload,
            attach=lambda file: event_attach_intro_slides(event=obj, file=file, content=form.pdf_content),
        )

    @admin.action(description="Publish selected events", permissions=["change"])
    def publish(self, request, queryset):
        events = list(queryset)
        for event in events:
            event_publish(event=event)
        self.message_user(
            request, f"Published: {', '.join(event.title for event in events)}.", messages.SUCCESS
        )

    @admin.action(
        description="Cancel selected events (their pages stay, with a notice)", permissions=["change"]
    )
    def cancel(self, request, queryset):
        events = list(queryset)
        for event in events:
            event_cancel(event=event)
        self.message_user(
            request, f"Cancelled: {', '.join(event.title for event in events)}.", messages.WARNING
        )

    @admin.action(description="Duplicate as next meetup (draft)", permissions=["add"])
    def duplicate_as_next(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(request, "Select exactly one event to duplicate.", messages.ERROR)
            return None
        copy = event_duplicate_as_next(event=queryset.get())
        self.message_user(
            request,
            f"Created the draft “{copy.title}” on {copy.date:%d %B %Y}: check the date, then add the talks.",
            messages.SUCCESS,
        )
        return HttpResponseRedirect(reverse("admin:events_event_change", args=[copy.pk]))

    @admin.action(description="Download README (markdown for GitHub)", permissions=["view"])
    def download_readme(self, request, queryset):
        from events.markdown_export import event_as_readme
        from events.selectors import with_program

        if queryset.count() != 1:
            self.message_user(request, "Select exactly one event to download its README.", messages.ERROR)
            return None
        event = with_program(queryset.order_by()).get()
        response = HttpResponse(event_as_readme(event), content_type="text/markdown; charset=utf-8")
        name = f"Meetup_{event.number}" if event.number is not None else event.slug
        response["Content-Disposition"] = f'attachment; filename="{name}_README.md"'
        return response


@admin.register(JobPost)
class JobPostAdmin(admin.ModelAdmin):
    list_display = ["title", "company", "posted_on", "expires_on", "is_open", "event"]
    list_filter = ["is_active", "posted_on"]
    list_select_related = ["event", "sponsor"]
    search_fields = ["title", "company", "description"]
    date_hierarchy = "posted_on"
    autocomplete_fields = ["sponsor", "event"]

    @admin.display(description="listed on the site", boolean=True)
    def is_open(self, post):
        return post.is_open


# Slots and sponsorships are edited on their event; these lists answer questions across events
# ("which meetups did this company host?", "every hot-topics slot").
@admin.register(AgendaSlot)
class AgendaSlotAdmin(admin.ModelAdmin):
    list_display = ["title", "event", "start_time", "end_time", "kind", "talk"]
    list_filter = ["kind"]
    list_select_related = ["event", "talk"]
    search_fields = ["title", "event__title"]
    autocomplete_fields = ["event"]
    raw_id_fields = ["talk"]


@admin.register(EventSponsor)
class EventSponsorAdmin(admin.ModelAdmin):
    list_display = ["sponsor", "role", "event"]
    list_filter = ["role", "sponsor"]
    list_select_related = ["sponsor", "event"]
    search_fields = ["sponsor__name", "event__title"]
    autocomplete_fields = ["event", "sponsor"]
