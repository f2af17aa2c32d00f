"""PostgreSQL only (a no-op elsewhere): triggers that keep every search document current, in
the same transaction as the change, whoever makes it (the admin, a shell, an import, raw SQL).

- an article, artist or artwork inserted or its indexed text changed: its document;
- its tags, featured artists or artworks, figures, artist credits changed: its document;
- an artist renamed: the artist's, their artworks' and the documents of the articles that
  feature them (directly, or through a featured artwork or a figure);
- an artwork's credits changed: the artwork's and its articles' documents;
- a tag renamed: every document that carries it.

Deleting an object deletes its document (foreign keys ON DELETE CASCADE, 0003).

The triggers run once per statement and read the changed rows from transition tables, so a bulk
insert of 5,000 tag rows rebuilds each document once, not once per row. They name no columns
(no `UPDATE OF`, no `WHEN`): PostgreSQL refuses to alter the type of a column a trigger names,
which would block an ordinary migration of the content apps (a longer title). The functions
compare the old and new rows themselves.
"""

from django.db import migrations

FUNCTIONS = r"""
CREATE FUNCTION search_articles_showing_artworks(artwork_ids bigint[]) RETURNS bigint[]
LANGUAGE sql STABLE AS $$
    SELECT ARRAY(
        SELECT article_id FROM articles_article_featured_artworks
        WHERE artwork_id = ANY (artwork_ids)
        UNION
        SELECT article_id FROM articles_articlefigure WHERE artwork_id = ANY (artwork_ids))
$$;

CREATE FUNCTION search_articles_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM search_refresh_articles(ARRAY(SELECT id FROM new_rows));
    ELSE
        PERFORM search_refresh_articles(ARRAY(
            SELECT new_row.id
            FROM new_rows new_row JOIN old_rows old_row ON old_row.id = new_row.id
            WHERE (new_row.title, new_row.standfirst, new_row.body)
                IS DISTINCT FROM (old_row.title, old_row.standfirst, old_row.body)));
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION search_artists_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    renamed bigint[];
    their_artworks bigint[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM search_refresh_artists(ARRAY(SELECT id FROM new_rows));
        RETURN NULL;
    END IF;
    PERFORM search_refresh_artists(ARRAY(
        SELECT new_row.id
        FROM new_rows new_row JOIN old_rows old_row ON old_row.id = new_row.id
        WHERE (new_row.name, new_row.sort_name, new_row.nationality, new_row.birth_place,
               new_row.bio)
            IS DISTINCT FROM (old_row.name, old_row.sort_name, old_row.nationality,
               old_row.birth_place, old_row.bio)));
    renamed := ARRAY(
        SELECT new_row.id
        FROM new_rows new_row JOIN old_rows old_row ON old_row.id = new_row.id
        WHERE new_row.name IS DISTINCT FROM old_row.name);
    IF cardinality(renamed) > 0 THEN
        their_artworks := ARRAY(
            SELECT DISTINCT artwork_id FROM artworks_artworkartist WHERE artist_id = ANY (renamed));
        PERFORM search_refresh_artworks(their_artworks);
        PERFORM search_refresh_articles(ARRAY(
            SELECT article_id FROM articles_article_featured_artists
            WHERE artist_id = ANY (renamed)
            UNION
            SELECT unnest(search_articles_showing_artworks(their_artworks))));
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION search_artworks_changed() RETURNS trigger LANGUAGE plpgsql AS $$
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
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION search_tags_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    renamed bigint[];
BEGIN
    renamed := ARRAY(
        SELECT new_row.id
        FROM new_rows new_row JOIN old_rows old_row ON old_row.id = new_row.id
        WHERE new_row.name IS DISTINCT FROM old_row.name);
    IF cardinality(renamed) > 0 THEN
        PERFORM search_refresh_articles(ARRAY(
            SELECT content_object_id FROM articles_taggedarticle WHERE tag_id = ANY (renamed)));
        PERFORM search_refresh_artists(ARRAY(
            SELECT content_object_id FROM artists_taggedartist WHERE tag_id = ANY (renamed)));
        PERFORM search_refresh_artworks(ARRAY(
            SELECT content_object_id FROM artworks_taggedartwork WHERE tag_id = ANY (renamed)));
    END IF;
    RETURN NULL;
END
$$;

-- Rows of a part table (tags, featured, figures, credits) changed: rebuild the documents of the
-- objects they belong to. TG_ARGV[0] says which documents, TG_ARGV[1] names the column that
-- holds their id.
CREATE FUNCTION search_parts_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    before_ids bigint[];
    after_ids bigint[];
    ids bigint[];
BEGIN
    -- The transition tables are seen by this function only, so the ids are read here.
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        EXECUTE format('SELECT array_agg(DISTINCT %I::bigint) FROM old_rows', TG_ARGV[1])
            INTO before_ids;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        EXECUTE format('SELECT array_agg(DISTINCT %I::bigint) FROM new_rows', TG_ARGV[1])
            INTO after_ids;
    END IF;
    ids := array_remove(coalesce(before_ids, '{}') || coalesce(after_ids, '{}'), NULL);
    CASE TG_ARGV[0]
        WHEN 'article' THEN
            PERFORM search_refresh_articles(ids);
        WHEN 'artist' THEN
            PERFORM search_refresh_artists(ids);
        WHEN 'artwork' THEN
            PERFORM search_refresh_artworks(ids);
        WHEN 'artwork credits' THEN
            PERFORM search_refresh_artworks(ids);
            PERFORM search_refresh_articles(search_articles_showing_artworks(ids));
    END CASE;
    RETURN NULL;
END
$$;
"""

INSERT, UPDATE, DELETE = "INSERT", "UPDATE", "DELETE"
# table, trigger function (with its arguments), events
TRIGGERS = [
    ("articles_article", "search_articles_changed()", [INSERT, UPDATE]),
    ("artists_artist", "search_artists_changed()", [INSERT, UPDATE]),
    ("artworks_artwork", "search_artworks_changed()", [INSERT, UPDATE]),
    ("taggit_tag", "search_tags_changed()", [UPDATE]),
    ("articles_taggedarticle", "search_parts_changed('article', 'content_object_id')", None),
    ("articles_article_featured_artists", "search_parts_changed('article', 'article_id')", None),
    ("articles_article_featured_artworks", "search_parts_changed('article', 'article_id')", None),
    ("articles_articlefigure", "search_parts_changed('article', 'article_id')", None),
    ("artists_taggedartist", "search_parts_changed('artist', 'content_object_id')", None),
    ("artworks_taggedartwork", "search_parts_changed('artwork', 'content_object_id')", None),
    ("artworks_artworkartist", "search_parts_changed('artwork credits', 'artwork_id')", None),
]
# A trigger with transition tables fires on one event only: one trigger per event.
TRANSITION_TABLES = {
    INSERT: "NEW TABLE AS new_rows",
    UPDATE: "OLD TABLE AS old_rows NEW TABLE AS new_rows",
    DELETE: "OLD TABLE AS old_rows",
}


def _each_trigger():
    for table, function, events in TRIGGERS:
        for event in events or [INSERT, UPDATE, DELETE]:
            yield table, function, event


FORWARD = FUNCTIONS + "".join(
    f"CREATE TRIGGER search_document_{event.lower()} AFTER {event} ON {table}"
    f" REFERENCING {TRANSITION_TABLES[event]}"
    f" FOR EACH STATEMENT EXECUTE FUNCTION {function};\n"
    for table, function, event in _each_trigger()
)

BACKWARD = "".join(
    f"DROP TRIGGER IF EXISTS search_document_{event.lower()} ON {table};\n"
    for table, function, event in _each_trigger()
) + (
    """
DROP FUNCTION IF EXISTS search_parts_changed();
DROP FUNCTION IF EXISTS search_tags_changed();
DROP FUNCTION IF EXISTS search_artworks_changed();
DROP FUNCTION IF EXISTS search_artists_changed();
DROP FUNCTION IF EXISTS search_articles_changed();
DROP FUNCTION IF EXISTS search_articles_showing_artworks(bigint[]);
"""
)


def on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0003_postgres_documents")]

    operations = [
        migrations.RunPython(on_postgresql(FORWARD), on_postgresql(BACKWARD), elidable=False),
    ]
