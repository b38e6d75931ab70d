from django.contrib import admin

from events.models import AgendaSlot, Event, EventSponsor, JobPost, Sponsor, Venue
from talks.models import Talk


@admin.register(Venue)
class VenueAdmin(admin.ModelAdmin):
    list_display = ["name", "address", "city", "is_online"]
    list_filter = ["is_online", "city"]
    search_fields = ["name", "address", "alternative_names"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Sponsor)
class SponsorAdmin(admin.ModelAdmin):
    list_display = ["name", "website"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}


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


class TalkInline(admin.TabularInline):
    model = Talk
    extra = 0
    fields = ["order", "title", "slug", "kind", "is_cancelled", "slides", "slides_url", "video_url"]
    prepopulated_fields = {"slug": ["title"]}
    show_change_link = True  # speakers and abstract are edited on the talk's own page


class EventSponsorInline(admin.TabularInline):
    model = EventSponsor
    extra = 0
    autocomplete_fields = ["sponsor"]


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ["__str__", "number", "date", "venue", "status"]
    list_filter = ["status", "kind", "venue"]
    list_select_related = ["venue"]
    search_fields = ["title", "number", "description", "venue__name"]
    date_hierarchy = "date"
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["venue"]
    inlines = [AgendaSlotInline, TalkInline, EventSponsorInline]
    fieldsets = [
        (None, {"fields": ["number", "title", "slug", "kind", "status"]}),
        ("When and where", {"fields": ["date", "start_time", "end_time", "venue"]}),
        ("Announcement", {"fields": ["description", "meetup_url"]}),
        (
            "Slides, video and photos",
            {"fields": ["intro_slides", "intro_slides_url", "video_url", "photos_url"]},
        ),
    ]


@admin.register(JobPost)
class JobPostAdmin(admin.ModelAdmin):
    list_display = ["title", "company", "posted_on", "expires_on", "is_active", "event"]
    list_filter = ["is_active", "posted_on"]
    list_select_related = ["event", "sponsor"]
    search_fields = ["title", "company", "description"]
    date_hierarchy = "posted_on"
    autocomplete_fields = ["sponsor", "event"]
