"""Checks for uploaded slides, by content (never by file name), with messages that say what is wrong."""

from django.conf import settings
from django.core.exceptions import ValidationError

from common.files import read_upload
from common.pdf import PdfContent, PdfUnreadable, read_pdf

MESSAGES = {
    "empty": "The file is empty: {detail}.",
    "not_pdf": "This file is not a PDF (its content does not start like one). Please upload the slides as PDF.",
    "encrypted": "This PDF is password-protected (encrypted). Please upload a copy without a password.",
    # The reader's own words ("PdfStreamError: …") mean nothing to an organizer; the maintainers' command shows them.
    "corrupt": "This PDF is damaged and cannot be read. Please export it again from your slides program.",
    "too_slow": "This PDF could not be read in time ({detail}); it may be damaged. Please export it again.",
    "too_large": "The file is too large ({size}); slides may be at most {limit}.",
}


def validate_slides(file) -> PdfContent:
    """The PDF's pages and text, or a ValidationError naming the problem (code: the kind of problem)."""
    data = read_upload(file, limit=settings.VDLM_SLIDES_MAX_BYTES, too_large=MESSAGES["too_large"])
    try:
        return read_pdf(data)
    except PdfUnreadable as error:
        raise ValidationError(MESSAGES[error.code].format(detail=error.detail), code=error.code) from error


def reread_slides(field_file) -> PdfContent:
    """A stored slides file read again (after an upgrade of pypdf or of the limits), or a ValidationError."""
    with field_file.open("rb") as stored:
        data = stored.read()
    try:
        return read_pdf(data)
    except PdfUnreadable as error:
        message = MESSAGES[error.code].format(detail=error.detail)
        if error.code == "corrupt":
            message += f" ({error.detail})"
        raise ValidationError(f"{field_file.name}: {message}", code=error.code) from error
