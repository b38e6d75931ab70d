"""The full-text search index (events/search/index.py): an FTS5 table on SQLite, a table with GIN-indexed tsvectors
(simple + unaccent) on PostgreSQL, kept current by triggers on talks, speakers, meetups and venues."""

from django.db import migrations


def install(apps, schema_editor):
    # The table only: the triggers and the contents follow after `migrate` (events.apps, post_migrate).
    from events.search import index

    index.create_index(schema_editor.connection)


def uninstall(apps, schema_editor):
    from events.search import index

    index.uninstall(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0006_announcements_and_organizers"),
        ("talks", "0002_organizer_workspace"),
    ]

    operations = [migrations.RunPython(install, uninstall)]
