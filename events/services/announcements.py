"""Announcement images: checked and re-encoded like every uploaded image (see common.images), at a size for a slide."""

import secrets

from django.db import transaction

from common.files import delete_on_commit
from common.images import ImageSpec, PreparedImage, image_remove, image_store
from events.models import Announcement

# Shown beside the text on a slide (up to half of a 1920-pixel projector) and on the meetup's page. WebP keeps
# the transparency of logos and QR codes and stays small for photos.
ANNOUNCEMENT_IMAGE = ImageSpec(max_width=1200, max_height=900, format="WEBP", extension="webp")


def announcement_set_image(
    *, announcement: Announcement, file, image: PreparedImage | None = None
) -> Announcement:
    """Store a checked image of at most 1200 × 900 (the announcement must be saved); raises ValidationError.

    The file name carries a random part: the proxy serves /media/ to anybody, and a draft's announcement must not
    be found by counting up numbers.
    """
    image_store(
        announcement.image,
        spec=ANNOUNCEMENT_IMAGE,
        file=file,
        image=image,
        stem=f"announcement-{announcement.pk}-{secrets.token_urlsafe(9)}",
    )
    return announcement


def announcement_remove_image(*, announcement: Announcement) -> Announcement:
    image_remove(announcement.image)
    return announcement


def announcement_delete(*, announcement: Announcement) -> None:
    """Delete the announcement; its image goes once that commits."""
    with transaction.atomic():
        delete_on_commit(announcement.image)
        announcement.delete()
