"""Weighing all sources into EventRecords: sources (files, READMEs, report), dates, urls, talks, speakers (each
talk's affiliations), people (one spelling per speaker, one name per venue) and events; archive.parse_archive runs
them in order."""

from .archive import parse_archive

__all__ = ["parse_archive"]
