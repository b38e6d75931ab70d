"""Reading an uploaded PDF with pypdf: page count and the text of each page, with bounded work.

pypdf is pure Python and a hostile PDF (a zip bomb in a stream, a million pages, a content stream that takes
minutes to parse) could hang a web worker or eat its memory. So the reading runs in a child process that has a
memory ceiling and stops after MAX_PAGES pages or MAX_TEXT_CHARS characters, and that is killed at the deadline,
wherever it is, even inside one slow page. The child reports as it goes, one JSON line each: the page count, then
each page's text, then whether it cut anything; so at the deadline the pages read so far are kept (the text is
then marked truncated), and a file whose page count was not even known by then is refused. The child imports
nothing of Django: this file is run as a script (`python common/pdf.py`), PDF bytes on stdin.
"""

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

# Text is extracted from this many pages at most; the page count is still the whole document's.
MAX_PAGES = 500
# Characters of text kept in all (about 300 dense slides); the rest is cut off.
MAX_TEXT_CHARS = 1_000_000
# Wall-clock seconds for reading one PDF (the upload's request waits this long at most).
TIME_BUDGET_SECONDS = 10
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
            [sys.executable, "-I", str(Path(__file__).resolve())],
            input=data,
            capture_output=True,
            timeout=time_budget,
            check=False,
        )
        output, finished = completed.stdout, True
    except subprocess.TimeoutExpired as timeout:  # the child has been killed
        output, finished = timeout.stdout or b"", False
    return _content(_reports(output), finished, time_budget)


def _reports(output: bytes) -> list[dict]:
    """The child's complete JSON lines (a line cut by the kill is dropped)."""
    reports = []
    for line in output.split(b"\n"):
        try:
            reports.append(json.loads(line))
        except ValueError:
            break
    return [report for report in reports if isinstance(report, dict)]


def _content(reports: list[dict], finished: bool, time_budget: float) -> PdfContent:
    if reports and "error" in reports[0]:
        raise PdfUnreadable(reports[0]["error"], reports[0].get("detail", ""))
    if not reports or "pages" not in reports[0]:
        if not finished:
            raise PdfUnreadable("too_slow", f"reading took more than {time_budget:g} seconds")
        # Killed by the memory limit, or crashed inside pypdf in a way it did not report.
        raise PdfUnreadable("corrupt", "the reader stopped before it could count the pages")
    texts = tuple(report["text"] for report in reports[1:] if "text" in report)
    # The last report says whether anything was cut; without it (killed at the deadline) the text is cut.
    truncated = reports[-1].get("truncated", True)
    return PdfContent(pages=reports[0]["pages"], page_texts=texts, truncated=truncated)


def _extract(data: bytes):
    """In the child: the whole reading as plain reports (see the module's docstring); never raises."""
    from io import BytesIO

    from pypdf import PdfReader

    try:
        reader = PdfReader(BytesIO(data), strict=False)
        if reader.is_encrypted:
            yield {"error": "encrypted"}
            return
        pages = len(reader.pages)
    except Exception as error:  # noqa: BLE001 - any failure to open means a damaged file
        yield {"error": "corrupt", "detail": f"{type(error).__name__}: {error}"[:300]}
        return
    if pages == 0:
        yield {"error": "empty", "detail": "the PDF has no pages"}
        return
    yield {"pages": pages}
    total = 0
    truncated = pages > MAX_PAGES
    for number in range(min(pages, MAX_PAGES)):
        if total >= MAX_TEXT_CHARS:
            truncated = True
            break
        try:
            text = reader.pages[number].extract_text() or ""
        except Exception:  # noqa: BLE001 - one unreadable page must not lose the others
            text = ""
        text = text.replace("\x00", "").replace(PAGE_SEPARATOR, " ")[: MAX_TEXT_CHARS - total]
        total += len(text)
        yield {"text": text}
    yield {"truncated": truncated}


def _child_main() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT_BYTES, MEMORY_LIMIT_BYTES))
    data = sys.stdin.buffer.read()
    try:
        for report in _extract(data):
            # One line per report, flushed, so the parent has every finished page if it must kill the child.
            sys.stdout.write(json.dumps(report) + "\n")
            sys.stdout.flush()
    except MemoryError:
        sys.stdout.write(json.dumps({"error": "corrupt", "detail": "the reader ran out of memory"}) + "\n")


if __name__ == "__main__":
    _child_main()
