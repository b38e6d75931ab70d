from django import forms
from django.contrib import admin

from common.admin_forms import FoldedSearchMixin, NamesField, PictureAdminMixin
from common.images import ImageUploadField
from talks.models import Speaker, TalkSpeaker
from talks.services import speaker_remove_photo, speaker_set_photo


class SpeakerForm(forms.ModelForm):
    class Meta:
        model = Speaker
        fields = [
            *("name", "slug", "affiliation", "email", "bio", "photo"),
            *("website", "github", "linkedin", "social", "alternative_names"),
        ]
        field_classes = {"photo": ImageUploadField, "alternative_names": NamesField}
        help_texts = {
            "photo": "JPEG, PNG or WebP, up to 15 MB; stored at most 400 × 400 pixels, without camera data "
            "or GPS position.",
            "alternative_names": "Other spellings seen in the history, one per line (e.g. “Rene Donner”).",
        }


@admin.register(Speaker)
class SpeakerAdmin(PictureAdminMixin, FoldedSearchMixin, admin.ModelAdmin):
    form = SpeakerForm
    picture_field = "photo"
    list_display = ["name", "affiliation"]
    search_fields = ["name"]  # searched blind to case and accents (FoldedSearchMixin)
    folded_search_fields = ("name", "alternative_names", "affiliation")
    prepopulated_fields = {"slug": ["name"]}

    def attach_picture(self, speaker, file, image):
        speaker_set_photo(speaker=speaker, file=file, image=image)

    def remove_picture(self, speaker):
        speaker_remove_photo(speaker=speaker)


# Edited on the talk; this list shows a speaker's affiliations across the years.
@admin.register(TalkSpeaker)
class TalkSpeakerAdmin(admin.ModelAdmin):
    list_display = ["speaker", "affiliation", "talk"]
    list_select_related = ["speaker", "talk"]
    search_fields = ["speaker__name", "affiliation", "talk__title"]
    autocomplete_fields = ["speaker", "talk"]
