"""PostgreSQL only for the SQL (the table exists everywhere, empty on SQLite): each document's
rank for each of its words alone, so that the best hits of a one-word query found in most
documents are read from an index in order instead of ranking them all (search/backends/
postgres.py: "ecology", in 63% of the documents at 100,000 articles, had 64,000 documents
ranked for a page of 20).

- search_word_query(word): the tsquery of that one word, as it is (quoted: nothing in a word is
  query syntax);
- search_single_word(query): the word of a query that is one word and nothing else (no operator,
  prefix or weight), else NULL;
- search_wordrank: a row per word of each document's vector with ts_rank(vector, that word, 1 |
  32) (NORMALIZATION in the backend), which is what searching works out for the query of that
  word; kept by statement triggers on the documents (a document inserted: its words; its vector
  changed: its words again), deleted with the document (ON DELETE CASCADE);
- the index search_wordrank_best (word, rank DESC, kind, document_id DESC): the order of the
  results (rank, best first; then kind; then the newest document), so a page is read in order.
"""

import django.db.models.deletion
from django.db import migrations, models

# ts_rank's normalisation here and in search/backends/postgres.py (NORMALIZATION) must agree:
# tests/search/test_word_ranks.py compares the stored ranks with those searching works out.
FORWARD = r"""
ALTER TABLE search_wordrank ADD CONSTRAINT search_wordrank_document_fk
    FOREIGN KEY (document_id) REFERENCES search_searchdocument (id) ON DELETE CASCADE;

-- The word quoted as tsquery's input reads it: a backslash or a quote doubled, so the word is
-- one lexeme whatever it holds ("a&b", "x:*", "o'brien").
CREATE FUNCTION search_word_query(word text) RETURNS tsquery
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT ('''' || replace(replace(word, '\', '\\'), '''', '''''') || '''')::tsquery
$$;

-- A query of one node read back as a lexeme (tsvector's input reads the quoting tsquery's
-- output writes; a prefix or weights would follow the closing quote), kept only if it is that
-- lexeme's query exactly.
CREATE FUNCTION search_single_word(query tsquery) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT one.word FROM (
        SELECT (tsvector_to_array(query::text::tsvector))[1] AS word
        WHERE numnode(query) = 1 AND right(query::text, 1) = '''') one
    WHERE search_word_query(one.word) = query
$$;

CREATE FUNCTION search_word_ranks_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO search_wordrank (document_id, word, kind, rank)
    SELECT document.id, word, document.kind, ts_rank(document.vector, search_word_query(word), 33)
    FROM new_rows document CROSS JOIN LATERAL unnest(tsvector_to_array(document.vector)) word;
    RETURN NULL;
END
$$;

CREATE FUNCTION search_word_ranks_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed bigint[];
BEGIN
    changed := ARRAY(
        SELECT new_row.id FROM new_rows new_row JOIN old_rows old_row ON old_row.id = new_row.id
        WHERE (new_row.vector, new_row.kind) IS DISTINCT FROM (old_row.vector, old_row.kind));
    IF changed = '{}' THEN
        RETURN NULL;
    END IF;
    DELETE FROM search_wordrank WHERE document_id = ANY (changed);
    INSERT INTO search_wordrank (document_id, word, kind, rank)
    SELECT document.id, word, document.kind, ts_rank(document.vector, search_word_query(word), 33)
    FROM new_rows document CROSS JOIN LATERAL unnest(tsvector_to_array(document.vector)) word
    WHERE document.id = ANY (changed);
    RETURN NULL;
END
$$;

CREATE TRIGGER search_word_ranks_insert AFTER INSERT ON search_searchdocument
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION search_word_ranks_added();
CREATE TRIGGER search_word_ranks_update AFTER UPDATE ON search_searchdocument
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION search_word_ranks_changed();

-- The first fill. (Django creates the model's index search_wordrank_best at the end of the
-- migration, once over the rows rather than row by row.)
INSERT INTO search_wordrank (document_id, word, kind, rank)
SELECT document.id, word, document.kind, ts_rank(document.vector, search_word_query(word), 33)
FROM search_searchdocument document
CROSS JOIN LATERAL unnest(tsvector_to_array(document.vector)) word;
ANALYZE search_wordrank;
"""

BACKWARD = """
DROP TRIGGER search_word_ranks_update ON search_searchdocument;
DROP TRIGGER search_word_ranks_insert ON search_searchdocument;
DROP FUNCTION search_word_ranks_changed();
DROP FUNCTION search_word_ranks_added();
DROP FUNCTION search_single_word(tsquery);
DROP FUNCTION search_word_query(text);
ALTER TABLE search_wordrank DROP CONSTRAINT search_wordrank_document_fk;
"""


def on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql, params=None)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0006_postgres_name_words")]

    operations = [
        migrations.CreateModel(
            name="WordRank",
            fields=[
                (
                    "pk",
                    models.CompositePrimaryKey(
                        "document",
                        "word",
                        blank=True,
                        editable=False,
                        primary_key=True,
                        serialize=False,
                    ),
                ),
                ("word", models.TextField()),
                (
                    "kind",
                    models.CharField(
                        choices=[("article", "Article"), ("artist", "Artist"), ("artwork", "Artwork")],
                        max_length=10,
                    ),
                ),
                ("rank", models.FloatField()),
                (
                    "document",
                    models.ForeignKey(
                        db_constraint=False,
                        db_index=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="search.searchdocument",
                    ),
                ),
            ],
            options={
                "indexes": [
                    models.Index(
                        fields=["word", "-rank", "kind", "-document"], name="search_wordrank_best"
                    )
                ],
            },
        ),
        migrations.RunPython(on_postgresql(FORWARD), on_postgresql(BACKWARD), elidable=False),
    ]
