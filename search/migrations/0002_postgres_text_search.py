"""PostgreSQL only (a no-op elsewhere): the extensions, the text search configuration and the
helper functions that the search documents are built with (0003).

- english_unaccent: English stemming ("paintings" -> "paint") after accents are removed from
  words that have them ("Künstler" and "Kunstler" are the same word).
- search_fold(text): lower case without accents, for trigram matching of artist names.
- search_html_text(html): the text of sanitized rich text, for the index and for snippets; the
  two private-use characters that mark highlights in snippets are removed from it, so that no
  stored text can forge one.
"""

from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations

FORWARD = r"""
CREATE TEXT SEARCH CONFIGURATION english_unaccent (COPY = english);
ALTER TEXT SEARCH CONFIGURATION english_unaccent
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;

CREATE FUNCTION search_fold(value text) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT lower(unaccent('unaccent', coalesce(value, '')))
$$;

-- Spaces are left as they are (a page collapses them): a regular expression over every
-- body would cost more than all the rest.
CREATE FUNCTION search_html_text(html text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT btrim(
        replace(replace(replace(replace(replace(replace(
            translate(regexp_replace(coalesce(html, ''), '<[^>]*>', ' ', 'g'), E'\uE000\uE001', ''),
            '&nbsp;', ' '), '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&#39;', ''''),
            '&amp;', '&'))
$$;
"""

BACKWARD = """
DROP FUNCTION IF EXISTS search_html_text(text);
DROP FUNCTION IF EXISTS search_fold(text);
DROP TEXT SEARCH CONFIGURATION IF EXISTS english_unaccent;
"""


def on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        # Both are no-ops on databases other than PostgreSQL.
        UnaccentExtension(),
        TrigramExtension(),
        migrations.RunPython(on_postgresql(FORWARD), on_postgresql(BACKWARD), elidable=False),
    ]
