"""Reading an uploaded PDF with pypdf: page count and the text of each page, with bounded work.

pypdf is pure Python and a hostile PDF (a zip bomb in a stream, a million pages, a content stream that takes
minutes to parse) could hang a web worker or eat its memory. So the reading runs in a child process that has a
wall-clock budget and a memory ceiling, and inside it stops after MAX_PAGES pages or MAX_TEXT_CHARS characters.
The child imports nothing of Django: this file is run as a script (`python common/pdf.py`), PDF bytes on stdin,
one JSON object on stdout.
"""

import json
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

# Text is extracted from this many pages at most; the page count is still the whole document's.
MAX_PAGES = 500
# Characters of text kept in all (about 300 dense slides); the rest is cut off.
MAX_TEXT_CHARS = 1_000_000
# Wall-clock seconds for reading one PDF. After SOFT_SECONDS the child stops extracting and reports what it has;
# after TIME_BUDGET_SECONDS it is killed and the file refused.
SOFT_SECONDS = 10
TIME_BUDGET_SECONDS = 20
# Address space of the reading process; pypdf's own limit per decompressed stream is 75 MB.
MEMORY_LIMIT_BYTES = 1024 * 1024 * 1024
# Text pages are joined with a form feed, as pdftotext does, so the text of page n stays findable.
PAGE_SEPARATOR = "\f"


@dataclass(frozen=True)
class PdfContent:
    pages: int
    page_texts: tuple[str, ...]
    truncated: bool = False  # True when text was cut at MAX_PAGES, MAX_TEXT_CHARS or SOFT_SECONDS

    @property
    def text(self) -> str:
        return PAGE_SEPARATOR.join(self.page_texts)


class PdfUnreadable(Exception):
    """The file is not a PDF we accept; `code` says why (not_pdf, encrypted, corrupt, empty, too_slow)."""

    def __init__(self, code: str, detail: str = ""):
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


def looks_like_pdf(head: bytes) -> bool:
    """PDF readers accept the %PDF- header within the first kilobyte (after junk some producers write)."""
    return b"%PDF-" in head[:1024]


def read_pdf(data: bytes, *, time_budget: float = TIME_BUDGET_SECONDS) -> PdfContent:
    """Page count and per-page text of `data`, or PdfUnreadable. Runs pypdf in a bounded child process."""
    if not data:
        raise PdfUnreadable("empty", "the file has no content")
    if not looks_like_pdf(data):
        raise PdfUnreadable("not_pdf")
    try:
        completed = subprocess.run(
            [sys.executable, "-I", str(Path(__file__).resolve()), str(min(SOFT_SECONDS, time_budget / 2))],
            input=data,
            capture_output=True,
            timeout=time_budget,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise PdfUnreadable("too_slow", f"reading took more than {time_budget:g} seconds") from error
    try:
        result = json.loads(completed.stdout or b"null")
    except ValueError:
        result = None
    if not isinstance(result, dict):
        # Killed by the memory limit, or crashed inside pypdf in a way it did not report.
        raise PdfUnreadable("corrupt", f"the reader stopped (exit status {completed.returncode})")
    if "error" in result:
        raise PdfUnreadable(result["error"], result.get("detail", ""))
    return PdfContent(pages=result["pages"], page_texts=tuple(result["texts"]), truncated=result["truncated"])


def _extract(data: bytes, soft_seconds: float) -> dict:
    """In the child: the whole reading, returning plain data (never raises)."""
    from io import BytesIO

    from pypdf import PdfReader

    started = time.monotonic()
    try:
        reader = PdfReader(BytesIO(data), strict=False)
        if reader.is_encrypted:
            return {"error": "encrypted"}
        pages = len(reader.pages)
    except Exception as error:  # noqa: BLE001 - any failure to open means a damaged file
        return {"error": "corrupt", "detail": f"{type(error).__name__}: {error}"[:300]}
    if pages == 0:
        return {"error": "empty", "detail": "the PDF has no pages"}
    texts: list[str] = []
    total = 0
    truncated = pages > MAX_PAGES
    for number in range(min(pages, MAX_PAGES)):
        if time.monotonic() - started > soft_seconds or total >= MAX_TEXT_CHARS:
            truncated = True
            break
        try:
            text = reader.pages[number].extract_text() or ""
        except Exception:  # noqa: BLE001 - one unreadable page must not lose the others
            text = ""
        text = text.replace("\x00", "").replace(PAGE_SEPARATOR, " ")[: MAX_TEXT_CHARS - total]
        total += len(text)
        texts.append(text)
    return {"pages": pages, "texts": texts, "truncated": truncated}


def _child_main() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT_BYTES, MEMORY_LIMIT_BYTES))
    soft_seconds = float(sys.argv[1]) if len(sys.argv) > 1 else SOFT_SECONDS
    data = sys.stdin.buffer.read()
    try:
        result = _extract(data, soft_seconds)
    except MemoryError:
        result = {"error": "corrupt", "detail": "the reader ran out of memory"}
    sys.stdout.write(json.dumps(result))


if __name__ == "__main__":
    _child_main()
