"""Serving slide files: streamed, with validators for conditional requests and single byte ranges.

Django's FileResponse streams but knows nothing of ranges, so a small wrapper reads just the requested span. Only
a single range is honoured; a multi-range request gets the whole file (RFC 9110 lets a server ignore Range).
"""

import mimetypes
import re
from pathlib import PurePosixPath

from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, parse_http_date_safe

_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
BLOCK_SIZE = 64 * 1024


class FileSpan:
    """A read-only view of `length` bytes from `start` of an open file (no `tell`, so FileResponse adds no length)."""

    def __init__(self, file, start: int, length: int):
        self.file = file
        self.remaining = length
        file.seek(start)

    def read(self, size: int = -1) -> bytes:
        if self.remaining <= 0:
            return b""
        size = self.remaining if size < 0 else min(size, self.remaining)
        data = self.file.read(size)
        self.remaining -= len(data)
        return data

    def close(self) -> None:
        self.file.close()


def parse_range(header: str, size: int) -> tuple[int, int] | None | str:
    """(start, end inclusive) for one satisfiable range; None to serve everything; "unsatisfiable"."""
    match = _RANGE.match(header.strip())
    if not match or (not match[1] and not match[2]):
        return None  # malformed or several ranges: ignore the header
    if not match[1]:  # the last N bytes
        suffix = int(match[2])
        if suffix == 0:
            return "unsatisfiable"
        return max(size - suffix, 0), size - 1
    start = int(match[1])
    if match[2] and int(match[2]) < start:
        return None  # an invalid range ("5-2") is ignored, as RFC 9110 says: the whole file
    if start >= size:
        return "unsatisfiable"
    return start, min(int(match[2]), size - 1) if match[2] else size - 1


def _if_range_allows(request, etag: str, last_modified: float) -> bool:
    if_range = request.headers.get("If-Range")
    if not if_range:
        return True
    if if_range.startswith(('"', "W/")):
        return if_range == etag
    date = parse_http_date_safe(if_range)
    return date is not None and int(last_modified) <= date


def serve_slides(
    request,
    *,
    file,
    link: str,
    filename_stem: str,
    on_download=None,
    public: bool = True,
) -> HttpResponse:
    """A slide file (a FieldFile), streamed, or a redirect to its external link.

    Served inline, so a PDF opens in the browser's viewer; a page's separate download link adds the HTML
    `download` attribute (the file name comes with the response either way).

    `public` is False for a draft's slides (a staff preview): shared caches must not keep those.

    `on_download` is called for a download that starts at the first byte (a full GET, the first range or a
    redirect), not for 304s, HEAD requests or later ranges, so resumed downloads count once; and only once the
    response exists, so a refused one (a missing file, a link that is not http(s)) is never counted.
    """
    if not file:
        # Only web links are followed, wherever the link came from (the database refuses others too).
        if not link.lower().startswith(("https://", "http://")):
            raise Http404("No slides.")
        response = HttpResponseRedirect(link)
        if on_download and request.method == "GET":
            on_download()
        return response
    storage, name = file.storage, file.name
    try:
        size = storage.size(name)
        last_modified = storage.get_modified_time(name).timestamp()
    except FileNotFoundError:
        raise Http404("The slide file is missing.") from None
    suffix = PurePosixPath(name).suffix.lower() or ".pdf"
    filename = f"{filename_stem}{suffix}"
    content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    etag = f'"{size:x}-{int(last_modified * 1000):x}"'
    conditional = get_conditional_response(request, etag=etag, last_modified=int(last_modified))
    if conditional is not None:
        return conditional

    span = parse_range(request.headers.get("Range", ""), size) if "Range" in request.headers else None
    if span is not None and not _if_range_allows(request, etag, last_modified):
        span = None
    if span == "unsatisfiable":
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
        return response
    start, end = span if span else (0, size - 1)
    handle = storage.open(name, "rb")
    response = FileResponse(
        FileSpan(handle, start, end - start + 1),
        filename=filename,
        content_type=content_type,
    )
    response.block_size = BLOCK_SIZE
    response["Content-Length"] = str(end - start + 1)
    response["Accept-Ranges"] = "bytes"
    response["ETag"] = etag
    response["Last-Modified"] = http_date(last_modified)
    response["Cache-Control"] = "public, max-age=3600" if public else "private, no-store"
    if span:
        response.status_code = 206
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
    if on_download and request.method == "GET" and start == 0:
        on_download()
    return response
