"""Gzip for text responses only (HTML, XML, JSON, calendars, CSS, JS): what the page cache did not compress already.

Django's GZipMiddleware compresses whatever passes, so slide PDFs (up to 50 MB, already compressed) and pictures
would be squeezed again on every download, for nothing, and lose their Content-Length; they pass untouched here.
"""

from django.middleware.gzip import GZipMiddleware

TEXT_TYPES = {"application/json", "application/javascript", "application/xml", "image/svg+xml"}


def is_text(content_type: str) -> bool:
    media_type = content_type.split(";", 1)[0].strip().lower()
    return (
        media_type.startswith("text/")
        or media_type in TEXT_TYPES
        or media_type.endswith(("+json", "+xml"))  # atom+xml, schema+json, manifest+json
    )


class TextGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        if not is_text(response.get("Content-Type", "")):
            return response
        return super().process_response(request, response)
