"""The shipped sources parsed once per test session; each caller gets its own copy, so that no test can change
what another one reads."""

import copy
from functools import cache
from pathlib import Path

from archive.importers import ArchiveRecord, parse_archive

SOURCE = Path(__file__).parents[2] / "fixtures/source"
CHECKOUT = SOURCE / "vdlm-meetups"


@cache
def _parsed() -> ArchiveRecord:
    return parse_archive(CHECKOUT)


def archive() -> ArchiveRecord:
    return copy.deepcopy(_parsed())
