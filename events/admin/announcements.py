"""Announcements on a meetup's admin page: one row each (title, text, link, image, order), shown on the meetup's
page and as a slide each in its intro deck."""

from django import forms
from django.contrib import admin
from django.forms.models import BaseInlineFormSet

from common.admin_forms import ConstraintErrorsOnFieldsMixin, take_upload
from common.images import ImageUploadField
from events.models import Announcement
from events.services.announcements import (
    ANNOUNCEMENT_IMAGE,
    announcement_delete,
    announcement_remove_image,
    announcement_set_image,
)


class AnnouncementImageField(ImageUploadField):
    spec = ANNOUNCEMENT_IMAGE


class AnnouncementForm(ConstraintErrorsOnFieldsMixin, forms.ModelForm):
    class Meta:
        model = Announcement
        fields = ["title", "text", "link", "image", "order"]
        field_classes = {"image": AnnouncementImageField}
        widgets = {"text": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "image": "Optional: a poster, logo or QR code beside the text. PNG, JPEG or WebP (not SVG), up to "
            "15 MB; stored at most 1200 × 900 pixels, without camera data or GPS position."
        }

    def save(self, commit=True):
        # The image goes through its service once the row is saved (it is named after the row); the checks ran in
        # the image field, so storing it cannot fail here.
        upload = take_upload(
            self, "image", remove=lambda: announcement_remove_image(announcement=self.instance)
        )
        announcement = super().save(commit=commit)
        if upload and commit:
            announcement_set_image(announcement=announcement, file=upload, image=upload.prepared)
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
