"""Venues, sponsors, job posts, and the lists of agenda slots and sponsorships across meetups."""

from django import forms
from django.contrib import admin

from common.admin_forms import (
    ConstraintErrorsOnFieldsMixin,
    FoldedSearchMixin,
    NamesField,
    PictureAdminMixin,
)
from common.images import LogoUploadField
from events.models import AgendaSlot, EventSponsor, JobPost, Sponsor, Venue
from events.services.logos import sponsor_remove_logo, sponsor_set_logo


class VenueForm(ConstraintErrorsOnFieldsMixin, forms.ModelForm):
    class Meta:
        model = Venue
        fields = [
            *("name", "slug", "address", "city", "latitude", "longitude", "directions"),
            *("is_online", "host", "alternative_names"),
        ]
        field_classes = {"alternative_names": NamesField}
        help_texts = {"alternative_names": "Other spellings seen in the history, one per line."}


@admin.register(Venue)
class VenueAdmin(FoldedSearchMixin, admin.ModelAdmin):
    form = VenueForm
    list_display = ["name", "address", "city", "host", "is_online"]
    list_filter = ["is_online", "city"]
    list_select_related = ["host"]
    search_fields = ["name"]  # searched blind to case and accents (FoldedSearchMixin)
    folded_search_fields = ("name", "alternative_names", "address")
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["host"]


class SponsorForm(forms.ModelForm):
    class Meta:
        model = Sponsor
        fields = ["name", "slug", "logo", "website", "description"]
        field_classes = {"logo": LogoUploadField}
        help_texts = {
            "logo": "PNG, JPEG or WebP (not SVG), up to 15 MB; stored as a PNG of at most 400 × 200 pixels."
        }


@admin.register(Sponsor)
class SponsorAdmin(PictureAdminMixin, FoldedSearchMixin, admin.ModelAdmin):
    form = SponsorForm
    picture_field = "logo"
    list_display = ["name", "website"]
    search_fields = ["name"]  # searched blind to case and accents (FoldedSearchMixin)
    folded_search_fields = ("name", "description")
    prepopulated_fields = {"slug": ["name"]}

    def attach_picture(self, sponsor, file, image):
        sponsor_set_logo(sponsor=sponsor, file=file, image=image)

    def remove_picture(self, sponsor):
        sponsor_remove_logo(sponsor=sponsor)


class JobPostForm(ConstraintErrorsOnFieldsMixin, forms.ModelForm):
    class Meta:
        model = JobPost
        fields = [
            *("title", "company", "sponsor", "description", "url", "location"),
            *("posted_on", "expires_on", "event", "is_active"),
        ]


@admin.register(JobPost)
class JobPostAdmin(admin.ModelAdmin):
    form = JobPostForm
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
    list_display = ["__str__", "event", "start_time", "end_time", "kind", "talk"]
    list_filter = ["kind"]
    list_select_related = ["event", "talk"]
    search_fields = ["title", "talk__title", "event__title"]
    autocomplete_fields = ["event"]
    raw_id_fields = ["talk"]


@admin.register(EventSponsor)
class EventSponsorAdmin(admin.ModelAdmin):
    list_display = ["sponsor", "role", "event"]
    list_filter = ["role", "sponsor"]
    list_select_related = ["sponsor", "event"]
    search_fields = ["sponsor__name", "event__title"]
    autocomplete_fields = ["event", "sponsor"]
