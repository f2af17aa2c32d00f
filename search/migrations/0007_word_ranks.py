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
- search_wordrankstale: the documents whose ranks a statement that changed more than 200 left
  to later writes (search_word_ranks_write), each taking up to 200 of them;
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
ALTER TABLE search_wordrankstale ADD CONSTRAINT search_wordrankstale_document_fk
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

-- The ranks of these documents written again from the documents as they are now, with those of
-- stale documents up to 200 documents in all; more than 200 changed at once (an artist renamed
-- who is in 3,000 articles: 16,000 documents, 300,000 words, 10 s) are marked stale instead:
-- their old rows stay but are not read in order, and searching ranks them in full
-- (search/backends/postgres.py) until a later write takes them. Stale rows are taken with SKIP
-- LOCKED and deleted first, so two writers never write one document's ranks at once.
CREATE FUNCTION search_word_ranks_write(changed bigint[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    ranked bigint[];
BEGIN
    IF cardinality(changed) > 200 THEN
        INSERT INTO search_wordrankstale (document_id) SELECT unnest(changed)
        ON CONFLICT DO NOTHING;
        RETURN;
    END IF;
    ranked := changed || ARRAY(
        SELECT stale.document_id FROM search_wordrankstale stale
        WHERE NOT stale.document_id = ANY (changed)
        ORDER BY stale.document_id LIMIT 200 - cardinality(changed)
        FOR UPDATE SKIP LOCKED);
    DELETE FROM search_wordrankstale WHERE document_id = ANY (ranked);
    DELETE FROM search_wordrank WHERE document_id = ANY (ranked);
    INSERT INTO search_wordrank (document_id, word, kind, rank)
    SELECT document.id, word, document.kind, ts_rank(document.vector, search_word_query(word), 33)
    FROM search_searchdocument document
    CROSS JOIN LATERAL unnest(tsvector_to_array(document.vector)) word
    WHERE document.id = ANY (ranked);
END
$$;

CREATE FUNCTION search_word_ranks_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM search_word_ranks_write(ARRAY(SELECT id FROM new_rows));
    RETURN NULL;
END
$$;

CREATE FUNCTION search_word_ranks_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- A set difference, sorted: PostgreSQL expects one row of a transition table and joined
    -- them in a nested loop (7,000 documents changed: 50 million pairs, 8 s).
    PERFORM search_word_ranks_write(ARRAY(
        SELECT changed.id FROM (
            SELECT id, kind, vector FROM new_rows
            EXCEPT SELECT id, kind, vector FROM old_rows) changed));
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
DROP FUNCTION search_word_ranks_write(bigint[]);
DROP FUNCTION search_single_word(tsquery);
DROP FUNCTION search_word_query(text);
ALTER TABLE search_wordrankstale DROP CONSTRAINT search_wordrankstale_document_fk;
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
        migrations.CreateModel(
            name="WordRankStale",
            fields=[
                (
                    "document",
                    models.OneToOneField(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to="search.searchdocument",
                    ),
                ),
            ],
        ),
        migrations.RunPython(on_postgresql(FORWARD), on_postgresql(BACKWARD), elidable=False),
    ]
