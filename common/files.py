"""Stored files shared by both apps: replacing a file safely, sizes in messages."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.fields.files import FieldFile
from django.template.defaultfilters import filesizeformat as _filesizeformat


def filesizeformat(size: int) -> str:
    """ "2.0 KB", "50.0 MB" with a plain space (messages also go to the terminal)."""
    return _filesizeformat(size).replace("\xa0", " ")


def store_replacing(field_file: FieldFile, *, name: str, content) -> None:
    """Store `content` in the field (without saving the model); call inside the transaction that saves it.

    The file held before is deleted only once that transaction commits, so a failed save loses nothing. While the
    old file still exists the storage gives the new one a suffix (`talk_a1B2c3d.pdf`): still readable and unique.
    """
    old_name = field_file.name
    storage = field_file.storage
    field_file.save(name, content, save=False)
    if old_name and old_name != field_file.name:
        transaction.on_commit(lambda: storage.delete(old_name))


def delete_on_commit(field_file: FieldFile) -> None:
    """Empty the field (without saving the model); the file goes once the transaction that saves it commits."""
    old_name = field_file.name
    storage = field_file.storage
    setattr(field_file.instance, field_file.field.attname, "")
    if old_name:
        transaction.on_commit(lambda: storage.delete(old_name))


def read_upload(file, *, limit: int, too_large: str) -> bytes:
    """The whole upload, or a ValidationError when it is larger than `limit` bytes (nothing larger is read).

    `too_large` is the message, with {size} and {limit} to fill in.
    """
    if file.size is not None and file.size > limit:
        size = filesizeformat(file.size)
        raise ValidationError(too_large.format(size=size, limit=filesizeformat(limit)), code="too_large")
    file.seek(0)
    data = file.read(limit + 1)
    file.seek(0)
    if len(data) > limit:
        size = f"more than {filesizeformat(limit)}"
        raise ValidationError(too_large.format(size=size, limit=filesizeformat(limit)), code="too_large")
    return data
