"""Admin helpers shared by every app: uploads handed to service functions (pictures among them), a PDF-or-link pair
of fields, constraint messages on their fields, lists of names one per line, and search blind to case and accents."""

from django import forms
from django.contrib import messages
from django.contrib.admin.widgets import AdminFileWidget
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.files.uploadedfile import UploadedFile

from common.text import search_key
from common.validators import validate_slides

BOTH_FILE_AND_LINK = "Upload a file or give a link, not both: keep one of the two."


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


class PictureAdminMixin:
    """For a ModelAdmin with one picture (a photo, a logo) that only its service functions store: the upload is
    taken before the row is saved and handed to `attach_picture` after (its form field prepared the image);
    clearing the field calls `remove_picture`."""

    picture_field = ""

    def attach_picture(self, obj, file, image):
        raise NotImplementedError

    def remove_picture(self, obj):
        raise NotImplementedError

    def save_model(self, request, obj, form, change):
        upload = take_upload(form, self.picture_field, remove=lambda: self.remove_picture(obj))
        super().save_model(request, obj, form, change)
        attach_upload(
            request,
            form,
            self.picture_field,
            upload,
            attach=lambda file: self.attach_picture(obj, file, file.prepared),
        )


class StoredFile:
    """A stored file as a file input shows it ("Currently: <name>"), linked to `url`."""

    def __init__(self, file, url: str):
        self.file, self.url = file, url

    def __str__(self):
        return str(self.file)


class DownloadLinkFileWidget(AdminFileWidget):
    """The admin's file input, its "Currently:" link leading to the site's own download (`download_url`, set by
    the form), since the media folder is never served for slides: the site serves them, counting downloads."""

    download_url = ""

    def format_value(self, value):
        value = super().format_value(value)
        return StoredFile(value, self.download_url) if value and self.download_url else value


class PdfOrLinkForm(forms.ModelForm):
    """A form with a PDF field (checked by content on upload) and a link field, never both at once. With a
    `DownloadLinkFileWidget`, a stored PDF links to `stored_file_url()`."""

    pdf_field = ""
    link_field = ""
    pdf_content = None  # the validated reading of the upload, handed to the service function

    def stored_file_url(self) -> str:
        return ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        widget = self.fields[self.pdf_field].widget
        if isinstance(widget, DownloadLinkFileWidget) and self.instance.pk:
            widget.download_url = self.stored_file_url()

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


class ConstraintErrorsOnFieldsMixin:
    """For ModelForms: a database constraint's plain-words message appears on its field, not above the form.

    The models give each CheckConstraint a `violation_error_message` and, as `violation_error_code`, the name of
    the field the message belongs to; Django reports such errors for the whole form, this moves them.
    """

    def _update_errors(self, errors):
        if hasattr(errors, "error_dict") and NON_FIELD_ERRORS in errors.error_dict:
            general = []
            for error in errors.error_dict.pop(NON_FIELD_ERRORS):
                field = getattr(error, "code", None)
                if field in self.fields:
                    errors.error_dict.setdefault(field, []).append(error)
                else:
                    general.append(error)
            if general:
                errors.error_dict[NON_FIELD_ERRORS] = general
        super()._update_errors(errors)


def constraint_message(model, name: str) -> str:
    """The plain-words message of one of the model's database constraints, for a form that checks it itself."""
    return next(c for c in model._meta.constraints if c.name == name).violation_error_message


class NamesField(forms.CharField):
    """A list of names (a JSONField of strings), edited one per line."""

    widget = forms.Textarea(attrs={"rows": 2})

    def __init__(self, *, encoder=None, decoder=None, **kwargs):
        super().__init__(**kwargs)  # a JSONField's form field takes these; a list of lines needs neither

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(value)
        return value

    def to_python(self, value):
        text = super().to_python(value)
        return [line.strip() for line in text.splitlines() if line.strip()]


class FoldedSearchMixin:
    """ModelAdmin search (the list's search box and autocomplete) blind to case and accents: "schluter" and
    "schlueter" find "Schlüter". Every word must match one of `folded_search_fields` (text or lists of text).

    The tables searched this way are small (people, places, organisations), so their keys are compared in Python.
    """

    folded_search_fields: tuple[str, ...] = ()

    def get_search_results(self, request, queryset, search_term):
        words = [search_key(word) for word in search_term.split()]
        words = [word for word in words if word]
        if not words:
            return queryset, False
        matching = [
            pk
            for pk, *values in queryset.values_list("pk", *self.folded_search_fields)
            if all(word in self._key(values) for word in words)
        ]
        return queryset.filter(pk__in=matching), False

    @staticmethod
    def _key(values) -> str:
        parts = []
        for value in values:
            parts.extend(value if isinstance(value, list) else [value or ""])
        return search_key(" ".join(parts))


CHANGED_MEANWHILE = "Changed by someone else after you opened this page, to: “{current}”. Save again to replace it with yours."


class MergeConcurrentEditsMixin:
    """For forms of rows that someone else may change while the page is open (a speaker through their private
    link, an organizer on another page): the page carries the values it showed (Django's show_hidden_initial), so
    a save writes only the fields changed on this page and keeps the others as they are now. A field changed both
    here and elsewhere is refused with the other value shown; the page then counts that value as seen, so saving
    again writes this page's.

    `merged_fields` names the fields; `self.initial` must hold their values as stored now (a ModelForm's do).
    """

    merged_fields: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # has_changed() then compares with what the page showed, not with what is stored now.
        for name in self.merged_fields:
            self.fields[name].show_hidden_initial = True

    def has_stored_values(self) -> bool:
        return self.instance.pk is not None

    def clean(self):
        cleaned = super().clean()
        if self.has_stored_values():
            for name in self.merged_fields:
                if name in self.changed_data and not self.has_error(name):
                    self._refuse_if_changed_meanwhile(name)
        return cleaned

    def _refuse_if_changed_meanwhile(self, name: str) -> None:
        field, current = self.fields[name], self.initial.get(name)
        initial_name = self.add_initial_prefix(name)
        shown = field.to_python(self._widget_data_value(field.hidden_widget(), initial_name))
        if not field.has_changed(shown, current):
            return
        self.data = self.data.copy()
        if isinstance(current, list | tuple):  # a choice of several rows, by their keys
            self.data.setlist(initial_name, [str(getattr(value, "pk", value)) for value in current])
            current = ", ".join(
                str(choice) for choice in field.queryset.filter(pk__in=self.data.getlist(initial_name))
            )
        else:
            self.data[initial_name] = str(current) if isinstance(current, bool) else current
        self.add_error(name, CHANGED_MEANWHILE.format(current=current or "(empty)"))

    def merged_value(self, name: str):
        """What this page typed where it changed the field; elsewhere the value as stored now."""
        if self.has_stored_values() and name not in self.changed_data:
            return self.initial.get(name)
        return self.cleaned_data[name]


class StaleEditGuardForm(forms.ModelForm):
    """For ModelForms of rows with an `updated_at`: a form opened before someone else saved the row is refused,
    with a message that names who changed what and when, so that nothing of the other save is overwritten.

    The version the form was opened with travels in the hidden field `opened_version`, which the admin must name in
    its fieldsets (the admin draws only the fields they name; a page without it would skip the check). The check
    locks the row (PostgreSQL) or runs in the admin's write transaction (SQLite), so two saves cannot both pass it.
    """

    VERSION_FIELD = "opened_version"

    opened_version = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial[self.VERSION_FIELD] = self.instance.updated_at.isoformat()

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and not self.has_error(self.VERSION_FIELD):
            model = type(self.instance)
            current = model.objects.select_for_update().only("updated_at").get(pk=self.instance.pk)
            opened = cleaned.get(self.VERSION_FIELD)
            if opened and opened != current.updated_at.isoformat():
                raise ValidationError(self.stale_message(opened), code="stale")
        return cleaned

    def stale_message(self, opened: str) -> str:
        from django.contrib.admin.models import LogEntry
        from django.contrib.contenttypes.models import ContentType
        from django.utils import timezone
        from django.utils.dateparse import parse_datetime

        since = parse_datetime(opened)
        entries = LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(self.instance),
            object_id=str(self.instance.pk),
            action_time__gt=since,
        ).select_related("user")
        changes = [
            f"{entry.user.get_username()} at {timezone.localtime(entry.action_time):%H:%M}: "
            f"{entry.get_change_message() or 'saved it'}"
            for entry in entries.order_by("action_time")
        ]
        what = " ".join(changes) if changes else "it was changed outside this page."
        return (
            f"Not saved: someone else saved this page after you opened it ({what}) "
            "Your changes are still in the form below: reload the page to see theirs, then make yours again."
        )
