"""A meetup's admin page: when and where, its agenda (talks included), hosts and sponsors, job posts."""

from django.contrib import admin, messages
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html

from common.admin_forms import PdfOrLinkForm, attach_upload, take_upload
from events.formats.readme import event_as_readme
from events.models import AgendaSlot, Event, EventSponsor, JobPost
from events.selectors import with_program
from events.services.publishing import event_cancel, event_checklist, event_duplicate_as_next, event_publish
from events.services.slides import event_attach_intro_slides, event_remove_intro_slides


class AgendaSlotInline(admin.TabularInline):
    model = AgendaSlot
    extra = 0
    fields = ["position", "start_time", "end_time", "kind", "title", "talk_link"]
    readonly_fields = ["talk_link"]

    @admin.display(description="talk")
    def talk_link(self, slot):
        if slot.talk_id is None:
            return "—"
        url = reverse("admin:talks_talk_change", args=[slot.talk_id])
        return format_html('<a href="{}">{}</a>', url, slot.talk.title)


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
    inlines = [AgendaSlotInline, EventSponsorInline, JobPostInline]
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

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if isinstance(inline, AgendaSlotInline):
            kwargs["queryset"] = AgendaSlot.objects.select_related("talk")
        return kwargs

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
        if queryset.count() != 1:
            self.message_user(request, "Select exactly one event to download its README.", messages.ERROR)
            return None
        event = with_program(queryset.order_by()).get()
        response = HttpResponse(event_as_readme(event), content_type="text/markdown; charset=utf-8")
        name = f"Meetup_{event.number}" if event.number is not None else event.slug
        response["Content-Disposition"] = f'attachment; filename="{name}_README.md"'
        return response
