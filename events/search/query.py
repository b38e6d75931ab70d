"""Matching and ranking against the search index, one contract on SQLite FTS5 and PostgreSQL full-text search.

A result must contain every word of the query, each as the start of a word (prefix match; a one-letter word must
match whole). Rank: each query word counts where it is found best — in the title (1000), else the speakers (100),
else the abstract (10), else the slide text (1) — and the sum orders the results, so a title match beats any number
of slide matches; ties go to the newer. The two databases differ only in the SQL fragments below; visibility,
ordering and loading are the ORM's, starting from each model's `visible_to(user)`.
"""

from dataclasses import dataclass

from django.db import connection
from django.db.models import QuerySet
from django.db.models.expressions import RawSQL

from common.text import WORD, word_key
from events.search.index import CONFIG, KINDS, STRIDE, TABLE

MAX_WORDS = 8
# Points for the best field a query word is found in: title, people, abstract; elsewhere (the body) 1.
FIELD_POINTS = (("title", "A", 1000), ("people", "B", 100), ("abstract", "C", 10))
BODY_POINTS = 1


def query_words(query: str) -> list[str]:
    """The words of a query as the index splits text, each once (by search key), at most MAX_WORDS."""
    words, keys = [], set()
    for word in WORD.findall(query):
        key = word_key(word)
        if key not in keys:
            keys.add(key)
            words.append(word)
    return words[:MAX_WORDS]


@dataclass(frozen=True)
class SQLite:
    """FTS5: `MATCH` with column filters; a one-column match is a set of rowids the rank tests membership in."""

    @staticmethod
    def term(word: str, field: str | None = None) -> str:
        phrase = f'"{word}"' if len(word) == 1 else f'"{word}"*'  # words hold letters and digits only
        return f"{field} : {phrase}" if field else phrase

    def match(self, code: int, words: list[str]) -> tuple[str, list]:
        sql = f"SELECT rowid / {STRIDE} FROM {TABLE} WHERE {TABLE} MATCH %s AND rowid %% {STRIDE} = {code}"
        return sql, [" AND ".join(self.term(word) for word in words)]

    def rank(self, key: str, words: list[str]) -> tuple[str, list]:
        parts, params = [], []
        for word in words:
            cases = []
            for field, _weight, points in FIELD_POINTS:
                cases.append(
                    f"WHEN {key} IN (SELECT rowid FROM {TABLE} WHERE {TABLE} MATCH %s) THEN {points}"
                )
                params.append(self.term(word, field))
            parts.append(f"(CASE {' '.join(cases)} ELSE {BODY_POINTS} END)")
        return " + ".join(parts), params


@dataclass(frozen=True)
class PostgreSQL:
    """tsquery prefix terms (`word:*`), weight-restricted (`word:*A`) for the rank, on the unaccent configuration."""

    @staticmethod
    def term(word: str, weight: str = "") -> str:
        prefix = "*" if len(word) > 1 else ""  # words hold letters and digits only: nothing to quote
        return f"'{word}':{prefix}{weight}" if prefix or weight else f"'{word}'"

    def match(self, code: int, words: list[str]) -> tuple[str, list]:
        sql = (
            f"SELECT id / {STRIDE} FROM {TABLE} "
            f"WHERE document @@ to_tsquery('{CONFIG}', %s) AND id %% {STRIDE} = {code}"
        )
        return sql, [" & ".join(self.term(word) for word in words)]

    def rank(self, key: str, words: list[str]) -> tuple[str, list]:
        parts, params = [], []
        for word in words:
            cases = []
            for _field, weight, points in FIELD_POINTS:
                cases.append(f"WHEN s.head @@ to_tsquery('{CONFIG}', %s) THEN {points}")
                params.append(self.term(word, weight))
            parts.append(f"(CASE {' '.join(cases)} ELSE {BODY_POINTS} END)")
        return f"(SELECT {' + '.join(parts)} FROM {TABLE} s WHERE s.id = {key})", params


def backend():
    return PostgreSQL() if connection.vendor == "postgresql" else SQLite()


def ranked(queryset: QuerySet, kind: str, words: list[str]) -> QuerySet:
    """The rows of `queryset` (of the model indexed as `kind`) that match every word, annotated `search_rank`."""
    engine = backend()
    meta = queryset.model._meta
    quote = connection.ops.quote_name
    key = f"{quote(meta.db_table)}.{quote(meta.pk.column)} * {STRIDE} + {KINDS[kind]}"
    match_sql, match_params = engine.match(KINDS[kind], words)
    rank_sql, rank_params = engine.rank(key, words)
    return queryset.filter(pk__in=RawSQL(match_sql, match_params)).annotate(
        search_rank=RawSQL(rank_sql, rank_params)
    )
