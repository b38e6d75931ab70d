"""Registrations in the admin: the list (filters, search, no-shows per address), and the pages the meetup's admin
page links to: the guest list as CSV and for printing, adding the host's guests, and one person's data (export or
erase, as the privacy note promises). Every change goes through events.services.registrations.
"""

import csv
import json

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Exists, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.http import urlencode

from events.enums import RegistrationStatus
from events.models import Event, Registration, RegistrationCounts, local_today
from events.services.registration_privacy import person_erase, person_export, person_registrations
from events.services.registrations import event_add_host_guest, registration_cancel, registration_check_in

# A spreadsheet runs a cell that starts like a formula; attendees write their own names.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: str) -> str:
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def no_shows_per_address():
    """Past meetups at which this address had a seat and did not check in; a meetup counts only when its door
    used check-in (somebody was checked in), so a meetup without check-in makes nobody a no-show."""
    door_used = Registration.objects.filter(event_id=OuterRef("event_id"), checked_in_at__isnull=False)
    missed = (
        Registration.objects.filter(
            email_digest=OuterRef("email_digest"),
            status=RegistrationStatus.GOING,
            checked_in_at__isnull=True,
            event__date__lt=local_today(),
        )
        .exclude(email_digest="")
        .filter(Exists(door_used))
        .order_by()
        .values("email_digest")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(missed, output_field=IntegerField()), 0)


class AttendanceFilter(admin.SimpleListFilter):
    title = "attendance"
    parameter_name = "attendance"

    def lookups(self, request, model_admin):
        return [("came", "Came (checked in)"), ("no-show", "No-show (had a seat, did not come)")]

    def queryset(self, request, queryset):
        if self.value() == "came":
            return queryset.filter(checked_in_at__isnull=False)
        if self.value() == "no-show":
            return queryset.filter(
                status=RegistrationStatus.GOING, checked_in_at__isnull=True, event__date__lt=local_today()
            )
        return queryset


class HostGuestForm(forms.ModelForm):
    """Adding a registration in the admin puts one of the host's staff on the guest list, on top of the seats
    (people register themselves on the site)."""

    class Meta:
        model = Registration
        fields = ["event", "name", "company"]
        help_texts = {"event": "Meetups that take registrations on this site."}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["event"].queryset = Event.objects.filter(capacity__isnull=False).order_by("-date")
        self.fields["name"].required = True
        self.instance.is_host_guest = True  # what the database's rules are checked for


class PersonForm(forms.Form):
    email = forms.EmailField(
        label="Email address",
        error_messages={"invalid": "This is not an email address; please check it."},
    )


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["person", "email", "company", "event", "status", "queue_number", "checked_in", "no_shows"]
    list_filter = ["status", AttendanceFilter, "is_host_guest", ("event", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name", "email", "company"]
    list_select_related = ["event"]
    date_hierarchy = "created_at"
    ordering = ["-created_at", "-pk"]
    actions = ["check_in", "cancel", "person_data"]
    fields = [
        "event",
        ("name", "company"),
        ("email", "is_host_guest"),
        ("status", "queue_number"),
        ("consented_at", "confirmed_at", "seated_at"),
        ("cancelled_at", "checked_in_at", "reminder_sent_at"),
        ("created_at", "anonymised_at"),
    ]
    # Only typos in a name or company are fixed here; where a registration stands changes through the actions.
    readonly_fields = [
        *("event", "email", "is_host_guest", "status", "queue_number", "consented_at", "confirmed_at"),
        *("seated_at", "cancelled_at", "checked_in_at", "reminder_sent_at", "created_at", "anonymised_at"),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(no_shows=no_shows_per_address())

    def get_list_display(self, request):
        # One meetup's registrations (from its page's button) need no meetup column: the list then fits the screen.
        if "event__id__exact" in request.GET:
            return [column for column in self.list_display if column != "event"]
        return self.list_display

    def get_form(self, request, obj=None, change=False, **kwargs):
        if obj is None:
            kwargs["form"] = HostGuestForm
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fields(self, request, obj=None):
        return HostGuestForm.Meta.fields if obj is None else self.fields

    def get_readonly_fields(self, request, obj=None):
        return [] if obj is None else self.readonly_fields

    def save_model(self, request, obj, form, change):
        if change:
            return super().save_model(request, obj, form, change)
        guest = event_add_host_guest(event=obj.event, name=obj.name, company=obj.company)
        obj.pk = guest.pk
        obj.refresh_from_db()
        return None

    def has_delete_permission(self, request, obj=None):
        return False  # a deleted seat would not go to the waitlist: cancel, or erase a person's data

    @admin.display(description="name as on an ID", ordering="name")
    def person(self, registration):
        return registration.name or "(anonymised)"

    @admin.display(description="checked in", boolean=True, ordering="checked_in_at")
    def checked_in(self, registration):
        return registration.checked_in_at is not None

    @admin.display(description="no-shows (this address)", ordering="no_shows")
    def no_shows(self, registration):
        return registration.no_shows

    # Actions on the list.

    def _each(self, request, queryset, change, done: str):
        changed = 0
        for registration in queryset:
            try:
                change(registration)
            except ValidationError as error:
                who = registration.name or str(registration)  # an erased registration has no name
                self.message_user(request, f"{who}: {' '.join(error.messages)}", messages.ERROR)
            else:
                changed += 1
                self.log_change(request, registration, done)
        if changed:
            self.message_user(request, f"{done}: {changed}.", messages.SUCCESS)

    @admin.action(description="Check in selected people", permissions=["change"])
    def check_in(self, request, queryset):
        self._each(request, queryset, lambda r: registration_check_in(registration=r), "Checked in")

    @admin.action(
        description="Cancel selected registrations (seats go to the waitlist)", permissions=["change"]
    )
    def cancel(self, request, queryset):
        self._each(request, queryset, lambda r: registration_cancel(registration=r), "Cancelled")

    @admin.action(description="Export or erase this person's data…", permissions=["change"])
    def person_data(self, request, queryset):
        addresses = set(queryset.exclude(email="").values_list("email", flat=True))
        if len(addresses) != 1:
            self.message_user(request, "Select registrations of exactly one email address.", messages.ERROR)
            return None
        url = reverse("admin:events_registration_person")
        return HttpResponseRedirect(f"{url}?{urlencode({'email': addresses.pop()})}")

    # Pages of their own, linked from the meetup's admin page.

    def get_urls(self):
        def own(route, view, name):
            return path(route, self.admin_site.admin_view(view), name=f"events_registration_{name}")

        return [
            own("person/", self.person_view, "person"),
            own("meetup/<int:event_id>/guest-list.csv", self.guest_list_csv, "guest_list_csv"),
            own("meetup/<int:event_id>/guest-list/", self.guest_list_print, "guest_list"),
            *super().get_urls(),
        ]

    def _event(self, request, event_id, permission: str) -> Event:
        if not request.user.has_perm(f"events.{permission}_registration"):
            raise PermissionDenied
        return get_object_or_404(Event.objects.select_related("venue"), pk=event_id, capacity__isnull=False)

    def guest_list_csv(self, request, event_id):
        event = self._event(request, event_id, "view")
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="guest-list-{event.folder}.csv"'
        response.write("\ufeff")  # so that spreadsheet programs read the file as UTF-8 (umlauts in names)
        writer = csv.writer(response)
        writer.writerow(["Name", "Company", "Host guest"])
        for person in event.registrations.guest_list():
            row = [spreadsheet_cell(person.name), spreadsheet_cell(person.company)]
            writer.writerow([*row, "yes" if person.is_host_guest else ""])
        return response

    def guest_list_print(self, request, event_id):
        event = self._event(request, event_id, "view")
        context = {
            "event": event,
            "people": event.registrations.guest_list(),
            "counts": RegistrationCounts.of(event),
        }
        return TemplateResponse(request, "events/registrations/guest_list.html", context)

    def person_view(self, request):
        """One person's data, found by their address: export it (JSON) or erase it."""
        if not request.user.has_perm("events.change_registration"):
            raise PermissionDenied
        form = PersonForm(request.POST or request.GET or None)
        email = form.cleaned_data["email"] if form.is_valid() else ""
        if email and request.method == "POST":
            return self.person_action(request, email)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "form": form,
            "email": email,
            "registrations": list(person_registrations(email).order_by("event__date")) if email else [],
            "title": "One person's data",
        }
        return TemplateResponse(request, "events/registrations/admin_person.html", context)

    def person_action(self, request, email: str):
        if request.POST.get("action") == "export":
            response = HttpResponse(
                json.dumps(person_export(email=email), indent=2, ensure_ascii=False),
                content_type="application/json; charset=utf-8",
            )
            response["Content-Disposition"] = 'attachment; filename="registrations.json"'
            return response
        if request.POST.get("action") == "erase" and request.POST.get("sure") == "yes":
            erased = person_erase(email=email)
            self.message_user(
                request,
                f"Erased the data of {erased} registration(s) of that address; the counts stay.",
                messages.SUCCESS,
            )
            return HttpResponseRedirect(reverse("admin:events_registration_changelist"))
        self.message_user(request, "Tick the box to confirm the erasure first.", messages.WARNING)
        url = reverse("admin:events_registration_person")
        return HttpResponseRedirect(f"{url}?{urlencode({'email': email})}")
