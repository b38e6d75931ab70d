"""Announcements on a meetup's admin page: one row each (title, text, link, image, order), shown on the meetup's
page and as a slide each in its intro deck."""

from django import forms
from django.contrib import admin
from django.core.files.uploadedfile import UploadedFile
from django.forms.models import BaseInlineFormSet

from common.admin_forms import ConstraintErrorsOnFieldsMixin, take_upload
from common.images import prepare_image
from events.models import Announcement
from events.services.announcements import (
    ANNOUNCEMENT_IMAGE,
    announcement_delete,
    announcement_remove_image,
    announcement_set_image,
)


class AnnouncementForm(ConstraintErrorsOnFieldsMixin, forms.ModelForm):
    class Meta:
        model = Announcement
        fields = ["title", "text", "link", "image", "order"]
        # A plain file field: common.images checks the content and says what is wrong (Django's check does not).
        field_classes = {"image": forms.FileField}
        widgets = {"text": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "image": "Optional: a poster, logo or QR code beside the text. PNG, JPEG or WebP (not SVG), up to "
            "15 MB; stored at most 1200 × 900 pixels, without camera data or GPS position."
        }

    prepared_image = None  # the checked, resized image, handed to announcement_set_image

    def clean_image(self):
        image = self.cleaned_data.get("image")
        if isinstance(image, UploadedFile):
            # Raises ValidationError with the reason.
            self.prepared_image = prepare_image(image, spec=ANNOUNCEMENT_IMAGE)
        return image

    def save(self, commit=True):
        # The image goes through its service once the row is saved (it is named after the row); the checks ran in
        # clean_image, so storing it cannot fail here.
        upload = take_upload(
            self, "image", remove=lambda: announcement_remove_image(announcement=self.instance)
        )
        announcement = super().save(commit=commit)
        if upload and commit:
            announcement_set_image(announcement=announcement, file=upload, image=self.prepared_image)
        return announcement


class AnnouncementFormSet(BaseInlineFormSet):
    def delete_existing(self, obj, commit=True):
        if commit:
            announcement_delete(announcement=obj)  # and its image


class AnnouncementInline(admin.StackedInline):
    model = Announcement
    form = AnnouncementForm
    formset = AnnouncementFormSet
    extra = 0
    fields = [("title", "link"), "text", ("image", "order")]
    verbose_name_plural = "announcements (a slide each in the intro deck)"
