"""PostgreSQL only (a no-op elsewhere): a trigram index on the upper-cased title, for the
same-title check (articles/titles.py: `title__icontains` on the title's longest word, which
Django writes as UPPER("title"::text) LIKE UPPER(%s)). The check runs on every article's change
page (the desk's checks) and while a title is typed; without the index it reads every title.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

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
        TrigramExtension(),  # a no-op on databases other than PostgreSQL
        migrations.RunPython(on_postgresql(FORWARD), on_postgresql(BACKWARD), elidable=False),
    ]
