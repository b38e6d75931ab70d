"""A meetup's admin page: when and where, its program (talks in their slots), hosts and sponsors, job posts; and
the buttons that publish, cancel, preview and duplicate it."""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from common.admin_forms import (
    ConstraintErrorsOnFieldsMixin,
    DownloadLinkFileWidget,
    PdfOrLinkForm,
    StaleEditGuardForm,
    attach_upload,
    take_upload,
)
from events.admin.announcements import AnnouncementInline
from events.admin.program import ProgramInline
from events.formats.readme import event_as_readme
from events.models import Event, EventSponsor, JobPost, Venue, local_today
from events.selectors import with_program
from events.services.program import agenda_renumber, program_remove_slot, program_save_slot
from events.services.publishing import (
    DRAFT_NOT_CANCELLED,
    event_cancel,
    event_checklist,
    event_duplicate_as_next,
    event_publish,
    next_meetup_date,
)
from events.services.registrations import event_set_capacity
from events.services.slides import event_attach_intro_slides, event_remove_intro_slides
from talks.services import talk_attach_slides


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


class EventForm(StaleEditGuardForm, ConstraintErrorsOnFieldsMixin, PdfOrLinkForm):
    pdf_field = "intro_slides"
    link_field = "intro_slides_url"

    class Meta:
        model = Event
        fields = [
            *("number", "title", "slug", "kind", "date", "start_time", "end_time", "venue"),
            *("description", "meetup_url", "intro_slides", "intro_slides_url", "video_url", "photos_url"),
            *("capacity", "registration_closes_at"),
        ]
        help_texts = {"intro_slides": "PDF, checked on upload; its pages and text are read for search."}
        widgets = {"intro_slides": DownloadLinkFileWidget}

    def stored_file_url(self) -> str:
        return self.instance.get_intro_slides_url()


class DuplicateForm(forms.Form):
    date = forms.DateField(
        help_text="The group's rhythm after today and the last meetup; change it as needed."
    )
    venue = forms.ModelChoiceField(
        Venue.objects.all(),
        widget=AutocompleteSelect(Event._meta.get_field("venue"), admin.site),
        required=False,
        help_text="Keep it to copy the host and the host's welcome; another venue starts without a host.",
    )

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date < local_today():
            raise forms.ValidationError("The next meetup cannot be in the past: pick a date from today on.")
        return date


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    form = EventForm

    list_display = ["title", "date", "status", "preview_link"]
    list_filter = ["status", "kind"]
    search_fields = ["title", "number", "description", "venue__name"]
    date_hierarchy = "date"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["venue"]
    inlines = [ProgramInline, EventSponsorInline, JobPostInline, AnnouncementInline]
    readonly_fields = ["status", "intro_slides_pages"]
    actions = ["publish", "cancel", "duplicate_as_next", "download_readme"]
    view_on_site = False  # the change form links to the page itself ("Preview" for drafts), see the template
    fieldsets = [
        (None, {"fields": [("number", "kind", "status"), "title", "slug", StaleEditGuardForm.VERSION_FIELD]}),
        ("When and where", {"fields": [("date", "start_time", "end_time"), "venue"]}),
        ("Announcement", {"fields": ["description", "meetup_url"]}),
        ("Registration on this site", {"fields": [("capacity", "registration_closes_at")]}),
        (
            "Slides, video and photos",
            {
                "fields": [
                    ("intro_slides", "intro_slides_pages"),
                    "intro_slides_url",
                    "video_url",
                    "photos_url",
                ]
            },
        ),
    ]

    @admin.display(description="page")
    def preview_link(self, event):
        label = "Preview" if event.is_draft else "View"
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>', event.get_absolute_url(), label
        )

    def get_urls(self):
        own = [
            path(
                "<int:object_id>/publish/",
                self.admin_site.admin_view(self.publish_view),
                name="events_event_publish",
            ),
            path(
                "<int:object_id>/cancel/",
                self.admin_site.admin_view(self.cancel_view),
                name="events_event_cancel",
            ),
            path(
                "<int:object_id>/duplicate/",
                self.admin_site.admin_view(self.duplicate_view),
                name="events_event_duplicate",
            ),
        ]
        return own + super().get_urls()

    def change_view(self, request, object_id, form_url="", extra_context=None):
        event = self.get_object(request, object_id)
        extra_context = {**(extra_context or {})}
        if event is not None:
            extra_context["checklist"] = event_checklist(event)
        return super().change_view(request, object_id, form_url, extra_context=extra_context)

    def save_model(self, request, obj, form, change):
        upload = take_upload(form, "intro_slides", remove=lambda: event_remove_intro_slides(event=obj))
        super().save_model(request, obj, form, change)
        if "capacity" in form.changed_data and obj.capacity is not None:
            event_set_capacity(event=obj, capacity=obj.capacity)  # new seats go to the waitlist, in order
        attach_upload(
            request,
            form,
            "intro_slides",
            upload,
            attach=lambda file: event_attach_intro_slides(event=obj, file=file, content=form.pdf_content),
        )

    def save_formset(self, request, form, formset, change):
        if formset.model is not ProgramInline.model:
            return super().save_formset(request, form, formset, change)
        formset.save(commit=False)  # the lists of new, changed and deleted rows the admin's history records
        for slot in formset.deleted_objects:
            program_remove_slot(slot=slot)
        for slot_form in formset.forms:
            if slot_form in formset.deleted_forms or not slot_form.has_changed():
                continue
            slot = slot_form.instance
            slot.event = form.instance
            program_save_slot(slot=slot, talk=slot_form.talk_details())
            upload = slot_form.cleaned_data.get("slides")
            if upload and slot.talk_id:
                attach_upload(
                    request,
                    slot_form,
                    "slides",
                    upload,
                    attach=lambda file, talk=slot.talk, form=slot_form: talk_attach_slides(
                        talk=talk, file=file, content=form.slides_content
                    ),
                )
        agenda_renumber(event=form.instance)
        return None

    # The buttons on the meetup's page.

    def _event_for(self, request, object_id) -> Event:
        event = get_object_or_404(Event, pk=object_id)
        if not self.has_change_permission(request, event):
            raise PermissionDenied
        return event

    def _back_to(self, event: Event) -> HttpResponseRedirect:
        return HttpResponseRedirect(reverse("admin:events_event_change", args=[event.pk]))

    def publish_view(self, request, object_id):
        event = self._event_for(request, object_id)
        if request.method != "POST":
            return self._back_to(event)
        event_publish(event=event)
        self.log_change(request, event, "Published.")
        self.message_user(request, f"Published “{event.title}”: its page is public now.", messages.SUCCESS)
        return self._back_to(event)

    def cancel_view(self, request, object_id):
        event = self._event_for(request, object_id)
        if event.is_draft:
            self.message_user(request, DRAFT_NOT_CANCELLED, messages.ERROR)
            return self._back_to(event)
        if request.method == "POST":
            told = self._cancel(request, event)
            self.message_user(request, f"Cancelled “{event.title}”: {told}.", messages.WARNING)
            return self._back_to(event)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": event,
            "title": "Cancel",
            "registered": event.registrations.reachable().count(),
        }
        return TemplateResponse(request, "admin/events/event/cancel_confirmation.html", context)

    def duplicate_view(self, request, object_id):
        event = self._event_for(request, object_id)
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = DuplicateForm(
            request.POST or None,
            initial={"date": next_meetup_date(event), "venue": event.venue_id},
        )
        if request.method == "POST" and form.is_valid():
            with transaction.atomic():
                copy = event_duplicate_as_next(
                    event=event, date=form.cleaned_data["date"], venue=form.cleaned_data["venue"]
                )
                self.log_addition(request, copy, f"Duplicated from “{event.title}”.")
            self.message_user(
                request,
                f"Created the draft “{copy.title}” on {copy.date:%d %B %Y}: now add its talks.",
                messages.SUCCESS,
            )
            return self._back_to(copy)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "original": event,
            "form": form,
            "media": self.media + form.media,
            "title": "Duplicate as next meetup",
        }
        return TemplateResponse(request, "admin/events/event/duplicate_form.html", context)

    # The list's actions, for several meetups at once.

    @admin.action(description="Publish selected events", permissions=["change"])
    def publish(self, request, queryset):
        events = list(queryset)
        for event in events:
            event_publish(event=event)
            self.log_change(request, event, "Published.")
        self.message_user(
            request, f"Published: {', '.join(event.title for event in events)}.", messages.SUCCESS
        )

    @admin.action(
        description="Cancel selected events (their pages stay, with a notice; registered people are mailed)",
        permissions=["change"],
    )
    def cancel(self, request, queryset):
        events = list(queryset)
        for event in events:
            if event.is_draft:
                self.message_user(
                    request, f"Not cancelled “{event.title}”: {DRAFT_NOT_CANCELLED}", messages.ERROR
                )
            else:
                told = self._cancel(request, event)
                self.message_user(request, f"Cancelled “{event.title}”: {told}.", messages.WARNING)

    def _cancel(self, request, event: Event) -> str:
        """Cancels a public meetup, with a line in its history; says what that did."""
        if event.is_cancelled:
            return "it was cancelled already"
        registered = event.registrations.reachable().count()
        with transaction.atomic():
            event_cancel(event=event)
            self.log_change(request, event, "Cancelled.")
        mailed = (
            f"; {registered} registered {'person gets' if registered == 1 else 'people get'} a mail"
            if registered
            else ""
        )
        return f"its page stays, with a notice{mailed}"

    @admin.action(description="Duplicate as next meetup (draft)", permissions=["add"])
    def duplicate_as_next(self, request, queryset):
        if queryset.count() != 1:
            self.message_user(request, "Select exactly one event to duplicate.", messages.ERROR)
            return None
        return HttpResponseRedirect(reverse("admin:events_event_duplicate", args=[queryset.get().pk]))

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
