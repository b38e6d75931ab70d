"""The search index: one row per talk, speaker, meetup and venue, kept current by the database itself.

Why triggers: every write path must reach the index — the admin, services, imports, `loaddata`, bulk writes and raw
SQL alike — and a talk's row depends on other tables (its speakers' names). Triggers on the source tables rewrite
the affected rows inside the writing transaction, so the index can never lag or miss a write.

Each row has four fields, ranked in this order: `title` (a talk's or meetup's title, a person's or venue's name),
`people` (a talk's speakers and their affiliations; a speaker's affiliation), `abstract` (abstract, bio,
description, address) and `body` (slide text, directions). A row's key is `object id * STRIDE + kind code`.

Folding: case and accents are the database's work (SQLite FTS5's `unicode61 remove_diacritics 2`, PostgreSQL's
`unaccent` in the `vdlm_search` configuration); spelled-out forms ("Schlüter" -> "Schlueter", see
`common.text.SPELLED_OUT`) are appended to a field that has special letters, so "schlueter" finds it too.

SQLite: an FTS5 table. PostgreSQL: a table with two generated tsvectors (`head` without the body, for ranking, and
`document`, for matching, GIN-indexed once per kind). `install` is idempotent: the migration calls it, and so does every
`migrate` (post_migrate), because SQLite drops a table's triggers when a migration rebuilds the table.
"""

from django.db import connection as default_connection

from common.text import SPELLED_OUT
from events.models import Event, Venue
from talks.models import Speaker, Talk, TalkSpeaker

TABLE = "events_searchindex"
CONFIG = "vdlm_search"  # PostgreSQL text search configuration: simple + unaccent
STRIDE = 4
KINDS = {"talk": 0, "speaker": 1, "event": 2, "venue": 3}
FIELDS = ("title", "people", "abstract", "body")
# Slide text beyond this is not indexed (PostgreSQL caps a tsvector at 1 MB; both databases index the same).
BODY_MAX_CHARS = 100_000
# Characters PostgreSQL's parser would join words with (URLs, e-mail, paths, tags, numbers): split there as
# SQLite does, so that "arxiv" finds "arxiv.org/abs/…" on both.
JOINERS = "./-@:_+~%?=&#<>,"

TALKS, SPEAKERS, TALK_SPEAKERS = Talk._meta.db_table, Speaker._meta.db_table, TalkSpeaker._meta.db_table
EVENTS, VENUES = Event._meta.db_table, Venue._meta.db_table


def _aggregate(expression: str, vendor: str) -> str:
    return f"string_agg({expression}, ' ')" if vendor == "postgresql" else f"group_concat({expression}, ' ')"


def _json_words(column: str, vendor: str) -> str:
    """The strings of a JSON list column, space-separated."""
    if vendor == "postgresql":
        return (
            f"(CASE WHEN jsonb_typeof({column}) = 'array' THEN "
            f"(SELECT string_agg(value, ' ') FROM jsonb_array_elements_text({column})) END)"
        )
    return f"(SELECT group_concat(value, ' ') FROM json_each({column}))"


def _documents(kind: str, ids: str, vendor: str) -> str:
    """SELECT key, title, people, abstract, body for the rows of `kind` whose id is in `ids` (a SELECT of `id`)."""
    code = KINDS[kind]
    body_of = f"substr({{}}, 1, {BODY_MAX_CHARS})"
    if kind == "talk":
        people = _aggregate("s.name || ' ' || ts.affiliation", vendor)
        fields = (
            "r.title",
            f"(SELECT {people} FROM {TALK_SPEAKERS} ts JOIN {SPEAKERS} s ON s.id = ts.speaker_id "
            "WHERE ts.talk_id = r.id)",
            "r.abstract",
            body_of.format("r.slides_text"),
        )
        table = TALKS
    elif kind == "speaker":
        fields = (
            f"r.name || ' ' || coalesce({_json_words('r.alternative_names', vendor)}, '')",
            "r.affiliation",
            "r.bio",
            "''",
        )
        table = SPEAKERS
    elif kind == "event":
        fields = ("r.title", "''", "r.description", body_of.format("r.intro_slides_text"))
        table = EVENTS
    else:
        fields = (
            f"r.name || ' ' || coalesce({_json_words('r.alternative_names', vendor)}, '')",
            "''",
            "r.address || ' ' || r.city",
            "r.directions",
        )
        table = VENUES
    columns = ", ".join(
        f"coalesce({value}, '') AS {name}" for value, name in zip(fields, FIELDS, strict=True)
    )
    plain = f"SELECT r.id * {STRIDE} + {code} AS doc_key, {columns} FROM {table} r WHERE r.id IN ({ids})"
    spelled = ", ".join(f"{_spelled_out('p.' + name)} AS {name}_spelled" for name in FIELDS)
    # Each field, then its spelled-out form where that differs ("Jan Schlüter Jan Schlueter").
    fields = ", ".join(
        f"d.{name} || CASE WHEN d.{name}_spelled <> d.{name} THEN ' ' || d.{name}_spelled ELSE '' END"
        for name in FIELDS
    )
    return f"SELECT d.doc_key, {fields} FROM (SELECT p.*, {spelled} FROM ({plain}) p) d"


def _spelled_out(expression: str) -> str:
    for letter, spelling in SPELLED_OUT.items():
        expression = f"replace({expression}, '{letter}', '{spelling}')"
    return expression


def _refresh(kind: str, ids: str, vendor: str) -> list[str]:
    key_column = "id" if vendor == "postgresql" else "rowid"
    return [
        f"DELETE FROM {TABLE} WHERE {key_column} IN (SELECT i.id * {STRIDE} + {KINDS[kind]} FROM ({ids}) i)",
        f"INSERT INTO {TABLE} ({key_column}, {', '.join(FIELDS)}) {_documents(kind, ids, vendor)}",
    ]


def _remove(kind: str, ids: str, vendor: str) -> list[str]:
    return _refresh(kind, ids, vendor)[:1]


def _triggers(vendor: str) -> dict[str, tuple[str, str, list[str]]]:
    """name -> (event, table, statements)."""

    def refresh(kind, ids):
        return _refresh(kind, ids, vendor)

    def remove(kind, ids):
        return _remove(kind, ids, vendor)

    speakers_talks = f"SELECT talk_id AS id FROM {TALK_SPEAKERS} WHERE speaker_id = NEW.id"
    return {
        "talk_insert": ("INSERT", TALKS, refresh("talk", "SELECT NEW.id AS id")),
        "talk_update": (
            "UPDATE OF title, abstract, slides_text",
            TALKS,
            refresh("talk", "SELECT NEW.id AS id"),
        ),
        "talk_delete": ("DELETE", TALKS, remove("talk", "SELECT OLD.id AS id")),
        "talkspeaker_insert": ("INSERT", TALK_SPEAKERS, refresh("talk", "SELECT NEW.talk_id AS id")),
        "talkspeaker_update": (
            "UPDATE OF talk_id, speaker_id, affiliation",
            TALK_SPEAKERS,
            refresh("talk", "SELECT OLD.talk_id AS id") + refresh("talk", "SELECT NEW.talk_id AS id"),
        ),
        "talkspeaker_delete": ("DELETE", TALK_SPEAKERS, refresh("talk", "SELECT OLD.talk_id AS id")),
        "speaker_insert": ("INSERT", SPEAKERS, refresh("speaker", "SELECT NEW.id AS id")),
        "speaker_update": (
            "UPDATE OF name, alternative_names, affiliation, bio",
            SPEAKERS,
            refresh("speaker", "SELECT NEW.id AS id") + refresh("talk", speakers_talks),
        ),
        "speaker_delete": ("DELETE", SPEAKERS, remove("speaker", "SELECT OLD.id AS id")),
        "event_insert": ("INSERT", EVENTS, refresh("event", "SELECT NEW.id AS id")),
        "event_update": (
            "UPDATE OF title, description, intro_slides_text",
            EVENTS,
            refresh("event", "SELECT NEW.id AS id"),
        ),
        "event_delete": ("DELETE", EVENTS, remove("event", "SELECT OLD.id AS id")),
        "venue_insert": ("INSERT", VENUES, refresh("venue", "SELECT NEW.id AS id")),
        "venue_update": (
            "UPDATE OF name, alternative_names, address, city, directions",
            VENUES,
            refresh("venue", "SELECT NEW.id AS id"),
        ),
        "venue_delete": ("DELETE", VENUES, remove("venue", "SELECT OLD.id AS id")),
    }


def _tsvector(columns: list[tuple[str, str]]) -> str:
    return " || ".join(
        f"setweight(to_tsvector('{CONFIG}', translate({column}, '{JOINERS}', '{' ' * len(JOINERS)}')), '{weight}')"
        for column, weight in columns
    )


def _schema_statements(vendor: str) -> list[str]:
    if vendor == "postgresql":
        head = [("title", "A"), ("people", "B"), ("abstract", "C")]
        return [
            "CREATE EXTENSION IF NOT EXISTS unaccent",
            f"""DO $$ BEGIN
                IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = '{CONFIG}') THEN
                    CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = simple);
                    ALTER TEXT SEARCH CONFIGURATION {CONFIG}
                        ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
                END IF;
            END $$""",
            f"""CREATE TABLE IF NOT EXISTS {TABLE} (
                id bigint PRIMARY KEY,
                title text NOT NULL, people text NOT NULL, abstract text NOT NULL, body text NOT NULL,
                head tsvector GENERATED ALWAYS AS ({_tsvector(head)}) STORED,
                document tsvector GENERATED ALWAYS AS ({_tsvector([*head, ("body", "D")])}) STORED
            )""",
            # One GIN index per kind, so that a search for talks never reads the matches of every other kind.
            *(
                f"CREATE INDEX IF NOT EXISTS {TABLE}_{kind} ON {TABLE} USING gin (document) WHERE id % {STRIDE} = {code}"
                for kind, code in KINDS.items()
            ),
        ]
    return [
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
        f"{', '.join(FIELDS)}, tokenize = 'unicode61 remove_diacritics 2')"
    ]


def _trigger_statements(vendor: str) -> list[str]:
    statements = []
    for name, (event, table, body) in _triggers(vendor).items():
        trigger = f"{TABLE}_{name}"
        statements.append(
            f"DROP TRIGGER IF EXISTS {trigger} ON {table}"
            if vendor == "postgresql"
            else f"DROP TRIGGER IF EXISTS {trigger}"
        )
        if vendor == "postgresql":
            statements.append(
                f"CREATE OR REPLACE FUNCTION {trigger}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "; ".join(body)
                + "; RETURN NULL; END $$"
            )
            statements.append(
                f"CREATE TRIGGER {trigger} AFTER {event} ON {table} FOR EACH ROW EXECUTE FUNCTION {trigger}()"
            )
        else:
            statements.append(
                f"CREATE TRIGGER {trigger} AFTER {event} ON {table} BEGIN " + "; ".join(body) + "; END"
            )
    return statements


def _rebuild_statements(vendor: str) -> list[str]:
    key_column = "id" if vendor == "postgresql" else "rowid"
    tables = {"talk": TALKS, "speaker": SPEAKERS, "event": EVENTS, "venue": VENUES}
    return [f"DELETE FROM {TABLE}"] + [
        f"INSERT INTO {TABLE} ({key_column}, {', '.join(FIELDS)}) "
        + _documents(kind, f"SELECT id FROM {table}", vendor)
        for kind, table in tables.items()
    ]


def install(connection=default_connection) -> None:
    """Create the index and its triggers where missing, replace the triggers, and fill the index afresh."""
    vendor = connection.vendor
    with connection.cursor() as cursor:
        for statement in (
            _schema_statements(vendor) + _trigger_statements(vendor) + _rebuild_statements(vendor)
        ):
            cursor.execute(statement)


def create_index(connection=default_connection) -> None:
    """The index table alone (the migration's part): its triggers and contents come after every migration has run,
    because a migration that rebuilds a table on SQLite fails while a trigger names that table."""
    with connection.cursor() as cursor:
        for statement in _schema_statements(connection.vendor):
            cursor.execute(statement)


def drop_triggers(connection=default_connection) -> None:
    vendor = connection.vendor
    with connection.cursor() as cursor:
        for name, (_event, table, _body) in _triggers(vendor).items():
            trigger = f"{TABLE}_{name}"
            if vendor == "postgresql":
                cursor.execute(f"DROP TRIGGER IF EXISTS {trigger} ON {table}")
                cursor.execute(f"DROP FUNCTION IF EXISTS {trigger}()")
            else:
                cursor.execute(f"DROP TRIGGER IF EXISTS {trigger}")


def uninstall(connection=default_connection) -> None:
    drop_triggers(connection)
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")


def is_installed(connection=default_connection) -> bool:
    return TABLE in connection.introspection.table_names()


def drop_triggers_before_migrate(sender, using, **kwargs) -> None:
    """pre_migrate: a migration that rebuilds a table on SQLite (copy, drop, rename) fails while another table's
    trigger names it; the triggers go for the migration and come back after it (reinstall_after_migrate)."""
    from django.db import connections

    connection = connections[using]
    if is_installed(connection):
        drop_triggers(connection)


def reinstall_after_migrate(sender, using, **kwargs) -> None:
    """post_migrate: put the triggers back (dropped before the migrations, see above) and refill the index (also
    after `flush`, which empties the tables without firing triggers on PostgreSQL)."""
    from django.db import connections, transaction

    connection = connections[using]
    if is_installed(connection):
        with transaction.atomic(using=using):
            install(connection)
