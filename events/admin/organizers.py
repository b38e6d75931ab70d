"""The group's organizers: shown on the About page and on the organizers slide of every intro deck."""

from django import forms
from django.contrib import admin

from common.admin_forms import ConstraintErrorsOnFieldsMixin, PictureAdminMixin
from common.images import ImageUploadField
from events.models import Organizer
from events.services.organizers import organizer_remove_photo, organizer_set_photo


class OrganizerForm(ConstraintErrorsOnFieldsMixin, forms.ModelForm):
    class Meta:
        model = Organizer
        fields = ["name", "speaker", "affiliation", "photo", "order"]
        field_classes = {"photo": ImageUploadField}
        help_texts = {
            "photo": "JPEG, PNG or WebP, up to 15 MB; stored at most 400 × 400 pixels, without camera data or GPS "
            "position. Leave empty to show the speaker's photo.",
            "affiliation": "Where they work, e.g. “OFAI & contextflow”. Leave empty to show the speaker's.",
        }


@admin.register(Organizer)
class OrganizerAdmin(PictureAdminMixin, admin.ModelAdmin):
    form = OrganizerForm
    picture_field = "photo"
    list_display = ["__str__", "affiliation_shown", "speaker", "order"]
    list_editable = ["order"]
    list_select_related = ["speaker"]
    search_fields = ["name", "speaker__name", "affiliation"]
    autocomplete_fields = ["speaker"]

    @admin.display(description="affiliation")
    def affiliation_shown(self, organizer):
        return organizer.display_affiliation

    def attach_picture(self, organizer, file, image):
        organizer_set_photo(organizer=organizer, file=file, image=image)

    def remove_picture(self, organizer):
        organizer_remove_photo(organizer=organizer)
