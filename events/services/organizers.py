"""Organizer photos: checked and re-encoded as speaker photos are (see common.images)."""

from common.images import PHOTO, PreparedImage, image_remove, image_store
from events.models import Organizer


def organizer_set_photo(*, organizer: Organizer, file, image: PreparedImage | None = None) -> Organizer:
    """Store a checked, upright, metadata-free photo of at most 400 × 400 (the organizer must be saved); raises
    ValidationError otherwise."""
    image_store(organizer.photo, spec=PHOTO, file=file, image=image, stem=f"organizer-{organizer.pk}")
    return organizer


def organizer_remove_photo(*, organizer: Organizer) -> Organizer:
    image_remove(organizer.photo)
    return organizer
