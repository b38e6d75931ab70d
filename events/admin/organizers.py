"""The group's organizers: shown on the About page and on the organizers slide of every intro deck."""

from django import forms
from django.contrib import admin

from common.admin_forms import ConstraintErrorsOnFieldsMixin, attach_upload, take_upload
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
class OrganizerAdmin(admin.ModelAdmin):
    form = OrganizerForm
    list_display = ["__str__", "affiliation_shown", "speaker", "order"]
    list_editable = ["order"]
    list_select_related = ["speaker"]
    search_fields = ["name", "speaker__name", "affiliation"]
    autocomplete_fields = ["speaker"]

    @admin.display(description="affiliation")
    def affiliation_shown(self, organizer):
        return organizer.display_affiliation

    def save_model(self, request, obj, form, change):
        upload = take_upload(form, "photo", remove=lambda: organizer_remove_photo(organizer=obj))
        super().save_model(request, obj, form, change)
        attach_upload(
            request,
            form,
            "photo",
            upload,
            attach=lambda file: organizer_set_photo(organizer=obj, file=file, image=file.prepared),
        )
