"""PostgreSQL only (a no-op elsewhere): a trigram index on the upper-cased title, for the
same-title check (articles/titles.py: `title__icontains` on the title's longest word, which
Django writes as UPPER("title"::text) LIKE UPPER(%s)). The check runs on every article's change
page (the desk's checks) and while a title is typed; without the index it reads every title.
"""

from django.db import migrations

# pg_trgm is search's (search 0002 creates it, and search's indexes need it): made sure of here,
# never dropped on the way back (Django's TrigramExtension would drop it under search's indexes).
EXTENSION = "CREATE EXTENSION IF NOT EXISTS pg_trgm"
FORWARD = """
CREATE INDEX IF NOT EXISTS article_title_upper_trgm_idx
ON articles_article USING gin ((UPPER("title"::text)) gin_trgm_ops)
"""
BACKWARD = "DROP INDEX IF EXISTS article_title_upper_trgm_idx"


def on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [("articles", "0011_public_order_index")]

    operations = [
        migrations.RunPython(on_postgresql(EXTENSION), migrations.RunPython.noop, elidable=False),
        migrations.RunPython(on_postgresql(FORWARD), on_postgresql(BACKWARD), elidable=False),
    ]
