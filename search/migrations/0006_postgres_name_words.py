"""PostgreSQL only for the SQL (the table exists everywhere, empty on SQLite): misspelt artist
names matched word by word against a small vocabulary, as on SQLite, instead of the whole query
against every document's names.

- search_name_words(names): the words of a `names` text (letters and digits), as an array;
- search_nameword: the distinct words of the artists' documents, with a trigram index, kept by
  statement triggers on the documents (a new or renamed artist's words added; the words no
  artist's document holds any more dropped);
- an index of the documents by the words of their names (GIN over the array), so that the
  documents holding one of the words found for each word typed are an index lookup;
- the GIN indexes without a pending list (fastupdate off), which each search otherwise read
  whole until a VACUUM merged it;
- search_names_alike(query): for each distinct word typed (12 at most), the vocabulary's words
  like it (pg_trgm similarity, 0.4 at least, the 20 most alike) and the best likeness.

It replaces search_documents_named() and the trigram index over the documents' names (0003): a
common surname typed made that function return (and rank by likeness) every document naming
anyone of that surname, some 10,000 at 100,000 articles.
"""

from django.db import migrations, models

FORWARD = r"""
CREATE FUNCTION search_name_words(names text) RETURNS text[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT array_remove(regexp_split_to_array(names, '[^[:alnum:]]+'), '')
$$;

CREATE INDEX search_searchdocument_name_words ON search_searchdocument
    USING gin (search_name_words(names)) WITH (fastupdate = off);
CREATE INDEX search_nameword_trgm ON search_nameword USING gin (word gin_trgm_ops)
    WITH (fastupdate = off);

-- No pending list: every search scanned it whole (on the 2,000-article corpus as built, 15,810
-- entries in 468 pages, some 10 ms of each search) until a VACUUM merged it. Writes update the
-- index at once instead, a little dearer each.
ALTER INDEX search_searchdocument_vector_gin SET (fastupdate = off);
SELECT gin_clean_pending_list('search_searchdocument_vector_gin'::regclass);

INSERT INTO search_nameword (word)
SELECT DISTINCT unnest(search_name_words(names)) FROM search_searchdocument WHERE kind = 'artist'
ON CONFLICT DO NOTHING;

CREATE FUNCTION search_name_words_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO search_nameword (word)
    SELECT DISTINCT unnest(search_name_words(names)) FROM new_rows WHERE kind = 'artist'
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END
$$;

CREATE FUNCTION search_name_words_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM search_nameword unused
    WHERE unused.word IN (
        SELECT unnest(search_name_words(names)) FROM old_rows WHERE kind = 'artist')
    AND NOT EXISTS (
        SELECT 1 FROM search_searchdocument document
        WHERE search_name_words(document.names) @> ARRAY[unused.word]
            AND document.kind = 'artist');
    RETURN NULL;
END
$$;

CREATE TRIGGER search_name_words_insert AFTER INSERT ON search_searchdocument
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION search_name_words_added();
CREATE TRIGGER search_name_words_update_added AFTER UPDATE ON search_searchdocument
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION search_name_words_added();
CREATE TRIGGER search_name_words_update_removed AFTER UPDATE ON search_searchdocument
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION search_name_words_removed();
CREATE TRIGGER search_name_words_delete AFTER DELETE ON search_searchdocument
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION search_name_words_removed();

CREATE FUNCTION search_names_alike(query text) RETURNS TABLE (alike text[], best real)
LANGUAGE sql STABLE
SET pg_trgm.similarity_threshold = 0.4 AS $$
    WITH typed AS (
        SELECT word, min(position) AS position
        FROM unnest(search_name_words(search_fold(query))) WITH ORDINALITY AS t(word, position)
        GROUP BY word ORDER BY position LIMIT 12)
    SELECT
        ARRAY(SELECT known.word FROM search_nameword known WHERE known.word % typed.word
              ORDER BY similarity(known.word, typed.word) DESC, known.word LIMIT 20),
        (SELECT max(similarity(known.word, typed.word)) FROM search_nameword known
         WHERE known.word % typed.word)
    FROM typed ORDER BY typed.position
$$;

DROP FUNCTION search_documents_named(text);
DROP INDEX search_searchdocument_names_trgm;
"""

BACKWARD = r"""
ALTER INDEX search_searchdocument_vector_gin RESET (fastupdate);
CREATE INDEX search_searchdocument_names_trgm ON search_searchdocument
    USING gin (names gin_trgm_ops);
CREATE FUNCTION search_documents_named(query text) RETURNS SETOF bigint
LANGUAGE sql STABLE ROWS 100
SET pg_trgm.strict_word_similarity_threshold = 0.4 AS $$
    SELECT id FROM search_searchdocument WHERE search_fold(query) <<% names
$$;
DROP FUNCTION search_names_alike(text);
DROP TRIGGER search_name_words_delete ON search_searchdocument;
DROP TRIGGER search_name_words_update_removed ON search_searchdocument;
DROP TRIGGER search_name_words_update_added ON search_searchdocument;
DROP TRIGGER search_name_words_insert ON search_searchdocument;
DROP FUNCTION search_name_words_removed();
DROP FUNCTION search_name_words_added();
DROP INDEX search_nameword_trgm;
DROP INDEX search_searchdocument_name_words;
DROP FUNCTION search_name_words(text);
"""


def on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0005_sqlite_fts")]

    operations = [
        migrations.CreateModel(
            name="NameWord",
            fields=[("word", models.TextField(primary_key=True, serialize=False))],
        ),
        migrations.RunPython(on_postgresql(FORWARD), on_postgresql(BACKWARD), elidable=False),
    ]
