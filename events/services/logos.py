"""Sponsor logos: checked, re-encoded images (see common.images)."""

from common.images import LOGO, PreparedImage, image_remove, image_store
from events.models import Sponsor


def sponsor_set_logo(*, sponsor: Sponsor, file, image: PreparedImage | None = None) -> Sponsor:
    """Store a checked logo as a PNG of at most 400 × 200 (keeps transparency); raises ValidationError otherwise."""
    image_store(sponsor.logo, spec=LOGO, file=file, image=image)
    return sponsor


def sponsor_remove_logo(*, sponsor: Sponsor) -> Sponsor:
    image_remove(sponsor.logo)
    return sponsor
