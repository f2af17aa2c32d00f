"""PostgreSQL only (a no-op elsewhere): an article's document holds the caption text of its
figures, ordered and placed in the body alike (weight C, with the body and the tags).

A figure's caption text is its caption override when it has one, else its artwork's title, date
and medium: the composed caption's words but for the artist names (weight B already, 0003) and
the dimensions (figures and units, which would match every "cm"). See
ArticleFigure.caption_lines().

- search_refresh_articles() is replaced by one that reads them;
- search_artworks_changed() also rebuilds the documents of the articles showing an artwork as a
  figure when its title, date or medium changes (a figure's own rows already do, 0004);
- the documents of the articles with figures are built again.

On SQLite the same is search/sqlite_index.py's: after this migrate, its ensure_triggers() finds
the triggers defined otherwise than now, makes them again and rebuilds the rows.

The SQL of 0003 and 0004 is read back from those migrations for the way back, so the two
versions are never kept by hand.
"""

import importlib
import re

from django.db import migrations

FORWARD = r"""
CREATE OR REPLACE FUNCTION search_refresh_articles(ids bigint[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO search_searchdocument (kind, article_id, names, text, vector)
    SELECT 'article', a.id, search_fold(parts.names), concat_ws(' ', a.standfirst, parts.body),
        setweight(to_tsvector('english_unaccent', a.title), 'A')
        || setweight(to_tsvector('english_unaccent', concat_ws(' ', a.standfirst, parts.names)), 'B')
        || setweight(to_tsvector('english_unaccent',
                     concat_ws(' ', parts.body, parts.captions, parts.tags)), 'C')
    FROM articles_article a
    CROSS JOIN LATERAL (
        SELECT
            search_html_text(a.body) AS body,
            (SELECT coalesce(string_agg(artist.name, ' · ' ORDER BY artist.name), '')
             FROM artists_artist artist
             WHERE artist.id IN (
                 SELECT featured.artist_id FROM articles_article_featured_artists featured
                 WHERE featured.article_id = a.id
                 UNION
                 SELECT credit.artist_id FROM articles_article_featured_artworks featured
                 JOIN artworks_artworkartist credit ON credit.artwork_id = featured.artwork_id
                 WHERE featured.article_id = a.id
                 UNION
                 SELECT credit.artist_id FROM articles_articlefigure figure
                 JOIN artworks_artworkartist credit ON credit.artwork_id = figure.artwork_id
                 WHERE figure.article_id = a.id)) AS names,
            (SELECT coalesce(string_agg(
                 CASE WHEN btrim(figure.caption, E' \t\r\n') <> '' THEN figure.caption
                      ELSE concat_ws(' ', shown.title, shown.date_display, shown.medium) END,
                 ' ' ORDER BY figure.in_body, figure.position, figure.id), '')
             FROM articles_articlefigure figure
             LEFT JOIN artworks_artwork shown ON shown.id = figure.artwork_id
             WHERE figure.article_id = a.id) AS captions,
            (SELECT coalesce(string_agg(tag.name, ' '), '')
             FROM articles_taggedarticle tagged JOIN taggit_tag tag ON tag.id = tagged.tag_id
             WHERE tagged.content_object_id = a.id) AS tags
    ) parts
    WHERE a.id = ANY (ids)
    ON CONFLICT (article_id) DO UPDATE
        SET names = EXCLUDED.names, text = EXCLUDED.text, vector = EXCLUDED.vector
$$;

CREATE OR REPLACE FUNCTION search_artworks_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    recaptioned bigint[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM search_refresh_artworks(ARRAY(SELECT id FROM new_rows));
    ELSE
        PERFORM search_refresh_artworks(ARRAY(
            SELECT new_row.id
            FROM new_rows new_row JOIN old_rows old_row ON old_row.id = new_row.id
            WHERE (new_row.title, new_row.date_display, new_row.medium, new_row.dimensions_display,
                   new_row.classification, new_row.credit_line)
                IS DISTINCT FROM (old_row.title, old_row.date_display, old_row.medium,
                   old_row.dimensions_display, old_row.classification, old_row.credit_line)));
        -- Their captions: the articles showing them as figures. Only when there are some: an
        -- upsert of no rows still fires the documents' statement triggers (0007's word ranks).
        recaptioned := ARRAY(
            SELECT DISTINCT figure.article_id
            FROM new_rows new_row JOIN old_rows old_row ON old_row.id = new_row.id
            JOIN articles_articlefigure figure ON figure.artwork_id = new_row.id
            WHERE (new_row.title, new_row.date_display, new_row.medium)
                IS DISTINCT FROM (old_row.title, old_row.date_display, old_row.medium));
        IF cardinality(recaptioned) > 0 THEN
            PERFORM search_refresh_articles(recaptioned);
        END IF;
    END IF;
    RETURN NULL;
END
$$;
"""

REFRESH = (
    "SELECT search_refresh_articles(ARRAY(SELECT DISTINCT article_id FROM articles_articlefigure));"
)


def _earlier_function(migration: str, name: str) -> str:
    """The CREATE FUNCTION statement of `name` in an earlier migration of this app, as CREATE OR
    REPLACE (each function body there ends with a line `$$;`)."""
    sql = importlib.import_module(f"search.migrations.{migration}").FORWARD
    statement = re.search(rf"CREATE FUNCTION {name}\(.*?\n\$\$;\n", sql, re.DOTALL)
    return statement.group(0).replace("CREATE FUNCTION", "CREATE OR REPLACE FUNCTION", 1)


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARD + REFRESH, params=None)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        earlier = _earlier_function(
            "0003_postgres_documents", "search_refresh_articles"
        ) + _earlier_function("0004_postgres_triggers", "search_artworks_changed")
        schema_editor.execute(earlier + REFRESH, params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0007_word_ranks"),
        ("articles", "0013_body_figures"),
    ]

    operations = [migrations.RunPython(forward, backward, elidable=False)]
