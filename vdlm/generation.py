"""The page generation of a machine: one number in a small memory-mapped file that every process maps.

Every write to public content increments it (under a file lock), and every process reads it at the start of each
request for the price of a memory read, so a page cached by any worker is recognised as out of date by all of
them on their next request. Measured against the other ways to share a generation between workers (a file-based
or database cache, the number in the database), this costs least on a cache hit: see the recorded benchmark
in bench/results/2026-11-30-python-svc.md.

The file belongs to the database whose content it versions: next to a SQLite file (every process that writes to
that database can write there), or, for another database, under the project folder, named after the database.
An in-memory SQLite database can be written by one process only, so its generation is a private counter.
"""

import fcntl
import hashlib
import mmap
import os
import struct
import time
from pathlib import Path

from django.conf import settings
from django.db import connections

_COUNTER = struct.Struct("<Q")


class SharedCounter:
    """An unsigned 64-bit counter in a file, mapped into memory: reads are memory reads, increments take the
    file's lock so that two processes never lose one."""

    def __init__(self, path: Path | None):
        self.path = path
        self._map: mmap.mmap | None = None
        self._fd: int | None = None

    def _mapped(self) -> mmap.mmap:
        if self._map is None:
            if self.path is None:
                self._map = mmap.mmap(-1, _COUNTER.size)
                _COUNTER.pack_into(self._map, 0, time.time_ns())
            else:
                self._map, self._fd = self._open_file(self.path)
        return self._map

    @staticmethod
    def _open_file(path: Path) -> tuple[mmap.mmap, int]:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o660)
        fcntl.flock(fd, fcntl.LOCK_EX)
        try:
            if os.fstat(fd).st_size < _COUNTER.size:
                # A new file starts from the clock, so that no page stored under an earlier file can match.
                os.write(fd, _COUNTER.pack(time.time_ns()))
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
        return mmap.mmap(fd, _COUNTER.size), fd

    def value(self) -> int:
        return _COUNTER.unpack_from(self._mapped())[0]

    def increment(self) -> None:
        mapped = self._mapped()
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_EX)
        try:
            _COUNTER.pack_into(mapped, 0, _COUNTER.unpack_from(mapped)[0] + 1)
        finally:
            if self._fd is not None:
                fcntl.flock(self._fd, fcntl.LOCK_UN)


def generation_file(database: dict) -> Path | None:
    """Where the page generation of `database` (a DATABASES entry) lives; None: in this process only."""
    if settings.VDLM_PAGE_GENERATION_FILE:
        return Path(settings.VDLM_PAGE_GENERATION_FILE)
    name = str(database["NAME"])
    if database["ENGINE"] == "django.db.backends.sqlite3":
        if name == ":memory:" or "mode=memory" in name:
            return None
        return Path(f"{name}.page-generation")
    identity = f"{database['ENGINE']}|{database.get('HOST')}|{database.get('PORT')}|{name}"
    return Path(settings.BASE_DIR) / f".page-generation-{hashlib.sha256(identity.encode()).hexdigest()[:12]}"


_counters: dict[tuple, SharedCounter] = {}


def machine_generation() -> SharedCounter:
    """The counter of the current default database (looked up per call: tests switch to a test database)."""
    database = connections["default"].settings_dict
    identity = (
        settings.VDLM_PAGE_GENERATION_FILE,
        database["ENGINE"],
        database["NAME"],
        database.get("HOST"),
    )
    counter = _counters.get(identity)
    if counter is None:
        counter = _counters[identity] = SharedCounter(generation_file(database))
    return counter
