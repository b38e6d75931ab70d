"""Speaker photos and sponsor logos: real images only, bounded, upright, without metadata, at the size shown.

Checked by content with Pillow (never by file name). Refused: anything Pillow cannot read, formats other than JPEG,
PNG and WebP, SVG (it can carry scripts and links; we refuse it rather than sanitise it: upload a PNG export),
files over MAX_BYTES and images over MAX_PIXELS (decompression bombs: a small file that unpacks to gigabytes).
Kept: the pixels, turned upright by their EXIF orientation, scaled down to the spec's box. Dropped: EXIF (camera,
time, GPS position), XMP and comments; the file is written afresh.
"""

import warnings
from dataclasses import dataclass
from io import BytesIO

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from PIL import Image, ImageOps, UnidentifiedImageError

from common.files import delete_on_commit, read_upload, store_replacing

# Largest upload; phone photos are 3-8 MB.
MAX_BYTES = 15 * 1024 * 1024
# Largest image in pixels (width x height); a 48-megapixel phone photo passes, a bomb does not.
MAX_PIXELS = 50_000_000
ACCEPTED_FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP", "MPO": "JPEG"}


@dataclass(frozen=True)
class ImageSpec:
    max_width: int
    max_height: int
    format: str  # the format written: "JPEG", "PNG" or "WEBP"
    extension: str


# The site shows photos in a square of up to 200 CSS px (400 device px on sharp screens), logos in 200x100.
PHOTO = ImageSpec(max_width=400, max_height=400, format="JPEG", extension="jpg")
LOGO = ImageSpec(max_width=400, max_height=200, format="PNG", extension="png")


@dataclass(frozen=True)
class PreparedImage:
    data: bytes
    width: int
    height: int
    extension: str


MESSAGES = {
    "empty": "The file is empty.",
    "too_large": "The image file is too large ({size}); images may be at most {limit}.",
    "svg": "SVG images are not accepted (they can contain scripts). Please upload a JPEG, PNG or WebP image.",
    "not_image": "This file is not an image (JPEG, PNG or WebP) that can be read.",
    "format": "{format} images are not accepted. Please upload a JPEG, PNG or WebP image.",
    "too_many_pixels": "The image has too many pixels ({detail}); at most {limit} megapixels are accepted. "
    "Please scale it down first.",
    "damaged": "The image is damaged and cannot be read. Please export it again.",
}


class ImageUploadField(forms.FileField):
    """An image upload checked by its content when the form is validated (the error says what is wrong, where
    Django's own image check does not) and prepared for its service: a new upload comes back with `.prepared`, the
    image to store. Subclasses set `spec`."""

    spec = PHOTO

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if isinstance(upload, UploadedFile):
            upload.prepared = prepare_image(upload, spec=self.spec)  # raises ValidationError with the reason
        return upload


class LogoUploadField(ImageUploadField):
    spec = LOGO


def looks_like_svg(head: bytes) -> bool:
    start = head[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return start.startswith((b"<?xml", b"<svg", b"<!doctype svg")) or b"<svg" in start


def prepare_image(file, *, spec: ImageSpec) -> PreparedImage:
    """The upload as a clean image of at most the spec's size, or a ValidationError naming the problem."""
    data = read_upload(file, limit=MAX_BYTES, too_large=MESSAGES["too_large"])
    if not data:
        raise ValidationError(MESSAGES["empty"], code="empty")
    if looks_like_svg(data):
        raise ValidationError(MESSAGES["svg"], code="svg")
    with warnings.catch_warnings():
        # Pillow only warns between its own limit and twice that; treat its warning as the refusal it is.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            return _prepare(data, spec)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise ValidationError(
                MESSAGES["too_many_pixels"].format(
                    detail=f"more than {Image.MAX_IMAGE_PIXELS // 1_000_000} megapixels",
                    limit=MAX_PIXELS // 1_000_000,
                ),
                code="too_many_pixels",
            ) from error


def _prepare(data: bytes, spec: ImageSpec) -> PreparedImage:
    try:
        image = Image.open(BytesIO(data))  # reads the header only
    except UnidentifiedImageError as error:
        raise ValidationError(MESSAGES["not_image"], code="not_image") from error
    if image.format not in ACCEPTED_FORMATS:
        raise ValidationError(MESSAGES["format"].format(format=image.format), code="format")
    width, height = image.size
    if width * height > MAX_PIXELS:
        raise ValidationError(
            MESSAGES["too_many_pixels"].format(
                detail=f"{width} × {height} pixels", limit=MAX_PIXELS // 1_000_000
            ),
            code="too_many_pixels",
        )
    try:
        image.load()
        image = ImageOps.exif_transpose(image)
        image.thumbnail((spec.max_width, spec.max_height), Image.Resampling.LANCZOS)
    except (OSError, SyntaxError, ValueError) as error:  # truncated or broken data
        raise ValidationError(MESSAGES["damaged"], code="damaged") from error
    if spec.format == "JPEG":
        image = _on_white(image) if image.mode in ("RGBA", "LA", "P") else image.convert("RGB")
        options = {"quality": 85, "optimize": True, "progressive": True}
    else:
        image = image.convert("RGBA") if image.mode not in ("RGB", "RGBA", "L", "LA") else image
        options = {"optimize": True}
    out = BytesIO()
    # A fresh file: no exif=, no xmp, no comments passed, so none are written.
    image.save(out, format=spec.format, **options)
    return PreparedImage(
        data=out.getvalue(), width=image.width, height=image.height, extension=spec.extension
    )


def _on_white(image: Image.Image) -> Image.Image:
    """Transparent pixels on white, for formats without transparency."""
    rgba = image.convert("RGBA")
    background = Image.new("RGB", rgba.size, "white")
    background.paste(rgba, mask=rgba.getchannel("A"))
    return background


def image_store(
    field_file, *, spec: ImageSpec, file, image: PreparedImage | None = None, stem: str = ""
) -> None:
    """Prepare the upload (unless `image` is it, prepared already) and store it in the field, named `stem` (the
    row's slug by default); the model is saved, and the old file goes once that commits. Raises ValidationError."""
    image = image or prepare_image(file, spec=spec)
    row = field_file.instance
    with transaction.atomic():
        name = f"{stem or row.slug}.{image.extension}"
        store_replacing(field_file, name=name, content=ContentFile(image.data))
        row.save(update_fields=[field_file.field.attname])


def image_remove(field_file) -> None:
    """Empty the field and save; the file goes once that commits."""
    row = field_file.instance
    with transaction.atomic():
        delete_on_commit(field_file)
        row.save(update_fields=[field_file.field.attname])
