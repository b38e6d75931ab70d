"""Admin form helpers shared by every app: uploads handed to service functions, and a PDF-or-link pair of fields."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

from common.validators import validate_slides

BOTH_FILE_AND_LINK = "Upload a file or give a link, not both: clear the link to upload a file."


def take_upload(form, field: str, *, remove):
    """Before the model is saved: only the service functions write or delete files.

    Returns a new upload of `field`, to `attach_upload` once the row is saved (the form's own assignment is
    undone). A cleared file is removed now, so that a link typed in the same form fits the file-or-link rule.
    """
    if field not in form.changed_data:
        return None
    upload = form.cleaned_data.get(field)
    setattr(form.instance, field, form.initial.get(field) or "")
    if not upload:
        remove()
    return upload


def attach_upload(request, form, field: str, upload, *, attach) -> None:
    """After the model is saved: hand the new upload to its service; a refusal becomes an admin message."""
    if not upload:
        return
    try:
        attach(upload)
    except ValidationError as error:
        messages.error(request, f"{form.fields[field].label}: {' '.join(error.messages)}")


class PdfOrLinkForm(forms.ModelForm):
    """A form with a PDF field (checked by content on upload) and a link field, never both at once."""

    pdf_field = ""
    link_field = ""
    pdf_content = None  # the validated reading of the upload, handed to the service function

    def clean(self):
        cleaned = super().clean()
        file = cleaned.get(self.pdf_field)  # a new upload, the stored file, or False when cleared
        if isinstance(file, UploadedFile):
            try:
                self.pdf_content = validate_slides(file)
            except ValidationError as error:
                self.add_error(self.pdf_field, error)
        if file and cleaned.get(self.link_field):
            self.add_error(self.link_field, BOTH_FILE_AND_LINK)
        return cleaned
