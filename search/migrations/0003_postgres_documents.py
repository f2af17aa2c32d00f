"""PostgreSQL only (a no-op elsewhere): how a search document is built, its indexes, and a
first build of every document. The triggers that keep them current are in 0004.

search_refresh_articles / _artists / _artworks(ids) rebuild the documents of those objects
from scratch (an upsert; an id that no longer exists is skipped). Weights: A the title (an
artist's names), B the standfirst and the artist names (an artist's nationality and birth
place), C the text of the rich text and the tags.

If a column read here is renamed or dropped, write a migration that replaces these functions:
their bodies are not tracked by PostgreSQL, and saving would fail until then.
"""

from django.db import migrations

FORWARD = r"""
ALTER TABLE search_searchdocument
    ADD CONSTRAINT search_searchdocument_article_fk FOREIGN KEY (article_id)
        REFERENCES articles_article (id) ON DELETE CASCADE,
    ADD CONSTRAINT search_searchdocument_artist_fk FOREIGN KEY (artist_id)
        REFERENCES artists_artist (id) ON DELETE CASCADE,
    ADD CONSTRAINT search_searchdocument_artwork_fk FOREIGN KEY (artwork_id)
        REFERENCES artworks_artwork (id) ON DELETE CASCADE;

CREATE INDEX search_searchdocument_vector_gin ON search_searchdocument USING gin (vector);
CREATE INDEX search_searchdocument_names_trgm ON search_searchdocument
    USING gin (names gin_trgm_ops);

CREATE FUNCTION search_refresh_articles(ids bigint[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO search_searchdocument (kind, article_id, names, text, vector)
    SELECT 'article', a.id, search_fold(parts.names), concat_ws(' ', a.standfirst, parts.body),
        setweight(to_tsvector('english_unaccent', a.title), 'A')
        || setweight(to_tsvector('english_unaccent', concat_ws(' ', a.standfirst, parts.names)), 'B')
        || setweight(to_tsvector('english_unaccent', concat_ws(' ', parts.body, parts.tags)), 'C')
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
            (SELECT coalesce(string_agg(tag.name, ' '), '')
             FROM articles_taggedarticle tagged JOIN taggit_tag tag ON tag.id = tagged.tag_id
             WHERE tagged.content_object_id = a.id) AS tags
    ) parts
    WHERE a.id = ANY (ids)
    ON CONFLICT (article_id) DO UPDATE
        SET names = EXCLUDED.names, text = EXCLUDED.text, vector = EXCLUDED.vector
$$;

CREATE FUNCTION search_refresh_artists(ids bigint[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO search_searchdocument (kind, artist_id, names, text, vector)
    SELECT 'artist', a.id, search_fold(concat_ws(' · ', a.name, a.sort_name)), parts.bio,
        setweight(to_tsvector('english_unaccent', concat_ws(' ', a.name, a.sort_name)), 'A')
        || setweight(to_tsvector('english_unaccent', concat_ws(' ', a.nationality, a.birth_place)), 'B')
        || setweight(to_tsvector('english_unaccent', concat_ws(' ', parts.bio, parts.tags)), 'C')
    FROM artists_artist a
    CROSS JOIN LATERAL (
        SELECT
            search_html_text(a.bio) AS bio,
            (SELECT coalesce(string_agg(tag.name, ' '), '')
             FROM artists_taggedartist tagged JOIN taggit_tag tag ON tag.id = tagged.tag_id
             WHERE tagged.content_object_id = a.id) AS tags
    ) parts
    WHERE a.id = ANY (ids)
    ON CONFLICT (artist_id) DO UPDATE
        SET names = EXCLUDED.names, text = EXCLUDED.text, vector = EXCLUDED.vector
$$;

CREATE FUNCTION search_refresh_artworks(ids bigint[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO search_searchdocument (kind, artwork_id, names, text, vector)
    SELECT 'artwork', w.id, search_fold(parts.names),
        concat_ws(' · ', nullif(w.date_display, ''), nullif(w.medium, ''),
                  nullif(w.dimensions_display, ''), nullif(w.credit_line, '')),
        setweight(to_tsvector('english_unaccent', w.title), 'A')
        || setweight(to_tsvector('english_unaccent', parts.names), 'B')
        || setweight(to_tsvector('english_unaccent', concat_ws(' ', w.date_display, w.medium,
                     w.classification, w.credit_line, parts.tags)), 'C')
    FROM artworks_artwork w
    CROSS JOIN LATERAL (
        SELECT
            (SELECT coalesce(string_agg(artist.name, ' · ' ORDER BY credit.position), '')
             FROM artworks_artworkartist credit JOIN artists_artist artist
                 ON artist.id = credit.artist_id
             WHERE credit.artwork_id = w.id) AS names,
            (SELECT coalesce(string_agg(tag.name, ' '), '')
             FROM artworks_taggedartwork tagged JOIN taggit_tag tag ON tag.id = tagged.tag_id
             WHERE tagged.content_object_id = w.id) AS tags
    ) parts
    WHERE w.id = ANY (ids)
    ON CONFLICT (artwork_id) DO UPDATE
        SET names = EXCLUDED.names, text = EXCLUDED.text, vector = EXCLUDED.vector
$$;

-- The ids of the documents whose artist names are like the query, misspelt or spaced
-- differently ("Weiwie", "Ai Wei Wei"), through the trigram index. The threshold is set for
-- this function alone; the session's stays as it was. (Words are matched by the caller, on the
-- vector's own index: the two together make one bitmap scan.)
CREATE FUNCTION search_documents_named(query text) RETURNS SETOF bigint
LANGUAGE sql STABLE ROWS 100
SET pg_trgm.strict_word_similarity_threshold = 0.4 AS $$
    SELECT id FROM search_searchdocument WHERE search_fold(query) <<% names
$$;

SELECT search_refresh_articles(ARRAY(SELECT id FROM articles_article));
SELECT search_refresh_artists(ARRAY(SELECT id FROM artists_artist));
SELECT search_refresh_artworks(ARRAY(SELECT id FROM artworks_artwork));
"""

BACKWARD = """
DROP FUNCTION IF EXISTS search_documents_named(text);
DROP FUNCTION IF EXISTS search_refresh_artworks(bigint[]);
DROP FUNCTION IF EXISTS search_refresh_artists(bigint[]);
DROP FUNCTION IF EXISTS search_refresh_articles(bigint[]);
DROP INDEX IF EXISTS search_searchdocument_names_trgm;
DROP INDEX IF EXISTS search_searchdocument_vector_gin;
ALTER TABLE search_searchdocument
    DROP CONSTRAINT IF EXISTS search_searchdocument_article_fk,
    DROP CONSTRAINT IF EXISTS search_searchdocument_artist_fk,
    DROP CONSTRAINT IF EXISTS search_searchdocument_artwork_fk;
DELETE FROM search_searchdocument;
"""


def on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_postgres_text_search"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [
        migrations.RunPython(on_postgresql(FORWARD), on_postgresql(BACKWARD), elidable=False),
    ]
