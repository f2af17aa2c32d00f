"""SQLite only (a no-op elsewhere): the FTS5 index, its triggers and a first build of every row
(search/sqlite_index.py describes them). PostgreSQL has its own in 0002-0004."""

from django.db import migrations

from search import sqlite_index


def on_sqlite(operation):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            with schema_editor.connection.cursor() as cursor:
                operation(cursor)

    return run


class Migration(migrations.Migration):
    # The latest of each table's app: the first build reads every column the triggers read.
    dependencies = [
        ("search", "0004_postgres_triggers"),
        ("articles", "0009_article_created_by"),
        ("artists", "0006_image_rows"),
        ("artworks", "0008_image_rows"),
    ]

    operations = [
        migrations.RunPython(
            on_sqlite(sqlite_index.create), on_sqlite(sqlite_index.drop), elidable=False
        ),
    ]
