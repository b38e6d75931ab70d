"""Weighing all sources into EventRecords: sources (files, READMEs, report), dates, urls, talks, people
(speakers and venues) and events; archive.parse_archive runs them in order."""

from .archive import parse_archive

__all__ = ["parse_archive"]
