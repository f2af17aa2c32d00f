"""The search index on SQLite: two FTS5 tables the database keeps current by itself, as
PostgreSQL keeps its documents (migrations 0002-0004, 0008).

- search_fts: one row per article, artist and artwork, rowid = 4 * id + KIND_CODE; columns
  title (weight A), lead (B), body (C) as PostgreSQL weighs them (0003), and text, what snippets
  are cut from (weight 0: found through the other columns, shown from this one). An article's
  body column also holds its figures' caption text (_ARTICLE_CAPTIONS). Porter stemmer,
  accents folded (`porter unicode61 remove_diacritics 2`).
- search_names: the artist names of the same rows (accents folded, no stemming), and
  search_artist_names, the artists' rows alone, whose vocabulary search_names_terms (every word
  of every artist's name, small) misspelt names are matched against (backends/sqlite.py).

Triggers (row by row, in the writer's transaction) rebuild a row whenever what it is made of
changes, whoever writes: the admin, an import, the bench corpus, raw SQL through Django. They
call search_html_text(), a function of this app registered on every SQLite connection Django
opens (search/sqlite_functions.py): a write from a client without it (the sqlite3 shell) to an
indexed table fails with "no such function" rather than leave the index stale.

SQLite drops a table's triggers when Django's schema editor remakes the table (most ALTERs on
SQLite): ensure_triggers() runs after every migrate, recreates the missing ones, and those a
newer version of this module defines otherwise, and rebuilds every row (a later migration may
have changed content while they were missing). Everything here is constant SQL: ids come from
the rows themselves (NEW/OLD), never from a caller.
"""

# ruff: noqa: S608 (constant SQL: ids come from NEW/OLD rows and the tables, never from a caller)
import sqlite3

KIND_CODES = {"article": 1, "artist": 2, "artwork": 3}
ARTICLE, ARTIST, ARTWORK = KIND_CODES.values()

TABLES = """
CREATE VIRTUAL TABLE search_fts USING fts5(
    title, lead, body, text, tokenize = 'porter unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE search_names USING fts5(
    names, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE search_artist_names USING fts5(
    names, tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE search_names_terms USING fts5vocab(search_artist_names, 'row');
"""

REBUILT_TABLES = ["search_fts", "search_names", "search_artist_names"]

DROP_TABLES = """
DROP TABLE IF EXISTS search_names_terms;
DROP TABLE IF EXISTS search_artist_names;
DROP TABLE IF EXISTS search_names;
DROP TABLE IF EXISTS search_fts;
"""


def _clean(column: str) -> str:
    """The column as text without the two private-use characters that mark highlights."""
    return f"replace(replace(coalesce({column}, ''), char(57344), ''), char(57345), '')"


def _joined(*columns: str) -> str:
    """The non-empty columns joined by ' · ' (concat_ws arrived in SQLite 3.44)."""
    parts = " || ".join(f"coalesce(' · ' || nullif({_clean(c)}, ''), '')" for c in columns)
    return f"substr({parts}, 4)"


def _delete(code: int, ids: str) -> str:
    rowids = f"SELECT 4 * id + {code} FROM ({ids})"
    tables = ["search_fts", "search_names"] + (["search_artist_names"] if code == ARTIST else [])
    return "".join(f"DELETE FROM {table} WHERE rowid IN ({rowids});\n" for table in tables)


_ARTICLE_NAMES = """(SELECT coalesce(group_concat(artist.name, ' · '), '')
    FROM artists_artist artist WHERE artist.id IN (
        SELECT featured.artist_id FROM articles_article_featured_artists featured
        WHERE featured.article_id = a.id
        UNION
        SELECT credit.artist_id FROM articles_article_featured_artworks featured
        JOIN artworks_artworkartist credit ON credit.artwork_id = featured.artwork_id
        WHERE featured.article_id = a.id
        UNION
        SELECT credit.artist_id FROM articles_articlefigure figure
        JOIN artworks_artworkartist credit ON credit.artwork_id = figure.artwork_id
        WHERE figure.article_id = a.id))"""

# A figure's caption text: its caption override, else its artwork's title, date and medium (as
# PostgreSQL's search_refresh_articles, migration 0008, says why).
_ARTICLE_CAPTIONS = """(SELECT coalesce(group_concat(caption, ' '), '') FROM (
    SELECT CASE WHEN trim(figure.caption, ' ' || char(9, 10, 13)) != '' THEN figure.caption
        ELSE trim(coalesce(shown.title, '') || ' ' || coalesce(shown.date_display, '') || ' '
            || coalesce(shown.medium, '')) END AS caption
    FROM articles_articlefigure figure
    LEFT JOIN artworks_artwork shown ON shown.id = figure.artwork_id
    WHERE figure.article_id = a.id
    ORDER BY figure.in_body, figure.position, figure.id))"""

_ARTWORK_NAMES = """(SELECT coalesce(group_concat(artist.name, ' · '), '')
    FROM artworks_artworkartist credit JOIN artists_artist artist ON artist.id = credit.artist_id
    WHERE credit.artwork_id = w.id)"""


def _tags(tagged_table: str, alias: str) -> str:
    return f"""(SELECT coalesce(group_concat(tag.name, ' '), '')
    FROM {tagged_table} tagged JOIN taggit_tag tag ON tag.id = tagged.tag_id
    WHERE tagged.content_object_id = {alias}.id)"""


def refresh_articles(ids: str) -> str:
    """Statements that rebuild the rows of the articles whose ids `ids` selects (as `id`)."""
    return (
        _delete(ARTICLE, ids)
        + f"""INSERT INTO search_fts (rowid, title, lead, body, text)
SELECT 4 * id + {ARTICLE}, title, standfirst || ' ' || names,
    body || ' ' || captions || ' ' || tags, trim(standfirst || ' ' || body)
FROM (SELECT a.id AS id, {_clean("a.title")} AS title, {_clean("a.standfirst")} AS standfirst,
        search_html_text(a.body) AS body, {_ARTICLE_NAMES} AS names,
        {_clean(_ARTICLE_CAPTIONS)} AS captions, {_tags("articles_taggedarticle", "a")} AS tags
    FROM articles_article a WHERE a.id IN ({ids}));
INSERT INTO search_names (rowid, names)
SELECT 4 * a.id + {ARTICLE}, {_ARTICLE_NAMES} FROM articles_article a WHERE a.id IN ({ids});
"""
    )


def refresh_artists(ids: str) -> str:
    return (
        _delete(ARTIST, ids)
        + f"""INSERT INTO search_fts (rowid, title, lead, body, text)
SELECT 4 * id + {ARTIST}, names, lead, bio || ' ' || tags, bio
FROM (SELECT a.id AS id, {_clean("a.name")} || ' ' || {_clean("a.sort_name")} AS names,
        {_clean("a.nationality")} || ' ' || {_clean("a.birth_place")} AS lead,
        search_html_text(a.bio) AS bio, {_tags("artists_taggedartist", "a")} AS tags
    FROM artists_artist a WHERE a.id IN ({ids}));
INSERT INTO search_names (rowid, names)
SELECT 4 * a.id + {ARTIST}, coalesce(a.name, '') || ' · ' || coalesce(a.sort_name, '')
FROM artists_artist a WHERE a.id IN ({ids});
INSERT INTO search_artist_names (rowid, names)
SELECT rowid, names FROM search_names WHERE rowid IN (SELECT 4 * id + {ARTIST} FROM ({ids}));
"""
    )


def refresh_artworks(ids: str) -> str:
    return (
        _delete(ARTWORK, ids)
        + f"""INSERT INTO search_fts (rowid, title, lead, body, text)
SELECT 4 * w.id + {ARTWORK}, {_clean("w.title")}, {_ARTWORK_NAMES},
    {_clean("w.date_display")} || ' ' || {_clean("w.medium")} || ' '
        || {_clean("w.classification")} || ' ' || {_clean("w.credit_line")} || ' '
        || {_tags("artworks_taggedartwork", "w")},
    {_joined("w.date_display", "w.medium", "w.dimensions_display", "w.credit_line")}
FROM artworks_artwork w WHERE w.id IN ({ids});
INSERT INTO search_names (rowid, names)
SELECT 4 * w.id + {ARTWORK}, {_ARTWORK_NAMES} FROM artworks_artwork w WHERE w.id IN ({ids});
"""
    )


def _articles_showing(artwork_ids: str) -> str:
    return (
        "SELECT article_id AS id FROM articles_article_featured_artworks"
        f" WHERE artwork_id IN ({artwork_ids})"
        " UNION SELECT article_id FROM articles_articlefigure"
        f" WHERE artwork_id IN ({artwork_ids})"
    )


def _changed(*columns: str) -> str:
    return " OR ".join(f"NEW.{c} IS NOT OLD.{c}" for c in columns)


def _credits_changed(row: str) -> str:
    artwork = f"SELECT {row}.artwork_id AS id"
    return refresh_artworks(artwork) + refresh_articles(_articles_showing(artwork))


_ARTIST_ARTWORKS = "SELECT artwork_id AS id FROM artworks_artworkartist WHERE artist_id = NEW.id"

# Part tables: (table, what to refresh, the column holding its id, the columns that matter).
_PARTS = [
    ("articles_taggedarticle", refresh_articles, "content_object_id", ["tag_id"]),
    ("articles_article_featured_artists", refresh_articles, "article_id", ["artist_id"]),
    ("articles_article_featured_artworks", refresh_articles, "article_id", ["artwork_id"]),
    ("articles_articlefigure", refresh_articles, "article_id", ["artwork_id", "caption"]),
    ("artists_taggedartist", refresh_artists, "content_object_id", ["tag_id"]),
    ("artworks_taggedartwork", refresh_artworks, "content_object_id", ["tag_id"]),
]


def _triggers() -> dict[str, str]:
    """Trigger name: its CREATE statement (without IF NOT EXISTS)."""
    triggers = {
        "search_fts_article_insert": (
            "AFTER INSERT ON articles_article",
            refresh_articles("SELECT NEW.id AS id"),
        ),
        "search_fts_article_update": (
            "AFTER UPDATE ON articles_article WHEN " + _changed("title", "standfirst", "body"),
            refresh_articles("SELECT NEW.id AS id"),
        ),
        "search_fts_article_delete": (
            "AFTER DELETE ON articles_article",
            _delete(ARTICLE, "SELECT OLD.id AS id"),
        ),
        "search_fts_artist_insert": (
            "AFTER INSERT ON artists_artist",
            refresh_artists("SELECT NEW.id AS id"),
        ),
        "search_fts_artist_update": (
            "AFTER UPDATE ON artists_artist WHEN "
            + _changed("name", "sort_name", "nationality", "birth_place", "bio"),
            refresh_artists("SELECT NEW.id AS id"),
        ),
        "search_fts_artist_rename": (
            "AFTER UPDATE ON artists_artist WHEN " + _changed("name"),
            refresh_artworks(_ARTIST_ARTWORKS)
            + refresh_articles(
                "SELECT article_id AS id FROM articles_article_featured_artists"
                " WHERE artist_id = NEW.id UNION " + _articles_showing(_ARTIST_ARTWORKS)
            ),
        ),
        "search_fts_artist_delete": (
            "AFTER DELETE ON artists_artist",
            _delete(ARTIST, "SELECT OLD.id AS id"),
        ),
        "search_fts_artwork_insert": (
            "AFTER INSERT ON artworks_artwork",
            refresh_artworks("SELECT NEW.id AS id"),
        ),
        "search_fts_artwork_update": (
            "AFTER UPDATE ON artworks_artwork WHEN "
            + _changed(
                "title",
                "date_display",
                "medium",
                "dimensions_display",
                "classification",
                "credit_line",
            ),
            refresh_artworks("SELECT NEW.id AS id"),
        ),
        "search_fts_artwork_caption": (
            "AFTER UPDATE ON artworks_artwork WHEN " + _changed("title", "date_display", "medium"),
            refresh_articles(
                "SELECT article_id AS id FROM articles_articlefigure WHERE artwork_id = NEW.id"
            ),
        ),
        "search_fts_artwork_delete": (
            "AFTER DELETE ON artworks_artwork",
            _delete(ARTWORK, "SELECT OLD.id AS id"),
        ),
        "search_fts_tag_rename": (
            "AFTER UPDATE ON taggit_tag WHEN " + _changed("name"),
            refresh_articles(
                "SELECT content_object_id AS id FROM articles_taggedarticle WHERE tag_id = NEW.id"
            )
            + refresh_artists(
                "SELECT content_object_id AS id FROM artists_taggedartist WHERE tag_id = NEW.id"
            )
            + refresh_artworks(
                "SELECT content_object_id AS id FROM artworks_taggedartwork WHERE tag_id = NEW.id"
            ),
        ),
        "search_fts_credit_insert": (
            "AFTER INSERT ON artworks_artworkartist",
            _credits_changed("NEW"),
        ),
        "search_fts_credit_delete": (
            "AFTER DELETE ON artworks_artworkartist",
            _credits_changed("OLD"),
        ),
        "search_fts_credit_update": (
            "AFTER UPDATE ON artworks_artworkartist WHEN " + _changed("artwork_id", "artist_id"),
            _credits_changed("OLD") + _credits_changed("NEW"),
        ),
    }
    for table, refresh, column, keys in _PARTS:
        new, old = f"SELECT NEW.{column} AS id", f"SELECT OLD.{column} AS id"
        triggers[f"search_fts_{table}_insert"] = (f"AFTER INSERT ON {table}", refresh(new))
        triggers[f"search_fts_{table}_delete"] = (f"AFTER DELETE ON {table}", refresh(old))
        triggers[f"search_fts_{table}_update"] = (
            f"AFTER UPDATE ON {table} WHEN " + _changed(column, *keys),
            refresh(old) + refresh(new),
        )
    return {
        name: f"CREATE TRIGGER IF NOT EXISTS {name} {when}\nBEGIN\n{body}END;\n"
        for name, (when, body) in triggers.items()
    }


TRIGGERS = _triggers()

FILL = (
    refresh_articles("SELECT id FROM articles_article")
    + refresh_artists("SELECT id FROM artists_artist")
    + refresh_artworks("SELECT id FROM artworks_artwork")
)


def create(cursor) -> None:
    """The tables, their triggers, and every row built from the content there is."""
    _run(cursor, TABLES + "".join(TRIGGERS.values()) + FILL)


def drop(cursor) -> None:
    _run(cursor, "".join(f"DROP TRIGGER IF EXISTS {name};\n" for name in TRIGGERS) + DROP_TABLES)


def ensure_triggers(cursor) -> bool:
    """Recreate the triggers a remade table lost, and those whose SQL is not this module's (a
    later version of the index: what an article's row holds, which changes rebuild it), drop
    those it no longer has, and then rebuild every row: a migration may have changed content
    while they were missing, and a new definition builds rows differently. False when all were
    there as written here."""
    # Constant SQL (no value from anyone); the names it returns are only compared with ours,
    # and a retired one is dropped by name only when it is ours (the search_fts_ prefix).
    cursor.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")
    existing = dict(cursor.fetchall())
    stale = [name for name in TRIGGERS if existing.get(name) != _as_stored(TRIGGERS[name])]
    retired = [name for name in existing if name.startswith("search_fts_") and name not in TRIGGERS]
    if not stale and not retired:
        return False
    _run(cursor, "".join(f"DROP TRIGGER IF EXISTS {name};\n" for name in stale + retired))
    _run(cursor, "".join(TRIGGERS[name] for name in stale))
    _run(cursor, "".join(f"DELETE FROM {table};" for table in REBUILT_TABLES))
    _run(cursor, FILL)
    return True


def _as_stored(statement: str) -> str:
    """A CREATE TRIGGER statement as sqlite_master keeps it: without IF NOT EXISTS and the
    closing semicolon."""
    return statement.replace(" IF NOT EXISTS", "", 1).rstrip().removesuffix(";")


def _run(cursor, script: str) -> None:
    """Each statement of script in turn, in the caller's transaction (executescript would
    commit it first)."""
    statement = ""
    for piece in script.split(";"):
        statement += piece + ";"
        if sqlite3.complete_statement(statement):
            if statement.strip(" \n;"):
                cursor.execute(statement)
            statement = ""
