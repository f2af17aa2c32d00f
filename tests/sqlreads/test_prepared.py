"""Reads sent as prepared statements on PostgreSQL (sqlreads/prepared.py) give what the same SQL
sent as text gives, hostile values included, one query each; PREPARE once per connection, after
a failure and after a reconnection as well; a page's reads (page_reads) too, and what cannot be
prepared is sent as text."""

import pytest
from django.db import DatabaseError, connection, transaction
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from articles.models import Author
from sqlreads import prepared
from tests.factories import AuthorFactory

pytestmark = pytest.mark.django_db

HOSTILE = "'; DROP TABLE articles_author; -- %s %(x)s $1 \" <script>alert(1)</script> \\ Ü"


def _sql() -> str:
    table = connection.ops.quote_name(Author._meta.db_table)
    name = connection.ops.quote_name(Author._meta.get_field("name").column)
    pk = connection.ops.quote_name(Author._meta.pk.column)
    # Names from _meta, quoted; the values are bound parameters.
    where = f"WHERE {name} = %s OR {pk} IN (%s, %s) ORDER BY {pk}"
    return f"SELECT {pk}, {name} FROM {table} {where}"  # noqa: S608


def _read(params):
    with connection.cursor() as cursor:
        prepared.execute(cursor, _sql(), params)
        return cursor.fetchall()


def test_rows_are_those_of_the_plain_statement_with_hostile_values():
    """A hostile name is a value, matched as stored, the first time and every time after."""
    hostile = AuthorFactory(name=HOSTILE)
    other = AuthorFactory()
    stored = Author.objects.get(pk=hostile.pk).name
    with connection.cursor() as cursor:
        cursor.execute(_sql(), [stored, other.pk, -1])
        plain = cursor.fetchall()
    assert plain == [(hostile.pk, stored), (other.pk, other.name)]
    for _ in range(7):  # past the five executions after which PostgreSQL may keep a generic plan
        assert _read([stored, other.pk, -1]) == plain
    assert _read(["nobody", -1, -2]) == []
    assert Author.objects.count() == 2


def test_one_query_each_time():
    author = AuthorFactory()
    with CaptureQueriesContext(connection) as first:
        _read(["x", author.pk, author.pk])
    with CaptureQueriesContext(connection) as second:
        _read(["y", author.pk, author.pk])
    assert len(first) == len(second) == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason="prepared on PostgreSQL only")
@pytest.mark.django_db(transaction=True)
def test_postgresql_prepares_once_per_connection_then_executes():
    connection.close()  # a connection of its own, with nothing prepared yet
    author = AuthorFactory()
    with CaptureQueriesContext(connection) as first:
        _read(["x", author.pk, -1])
    with CaptureQueriesContext(connection) as second:
        _read(["x", author.pk, -1])
    assert "PREPARE read_" in first[0]["sql"]
    assert second[0]["sql"].startswith("EXECUTE read_")
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_prepared_statements WHERE name LIKE 'read_%%'")
        assert cursor.fetchone() == (1,)

    connection.close()  # a new connection has nothing prepared: PREPARE again
    with CaptureQueriesContext(connection) as again:
        assert _read(["x", author.pk, -1]) == [(author.pk, author.name)]
    assert "PREPARE read_" in again[0]["sql"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="prepared on PostgreSQL only")
def test_postgresql_recovers_after_a_failed_first_statement():
    """A PREPARE sent with a statement that failed may have been kept: the next read starts
    from nothing (DEALLOCATE ALL) rather than fail on "already exists" or "does not exist"."""
    author = AuthorFactory()
    with pytest.raises(DatabaseError), transaction.atomic():
        _read(["x", "not a number", -1])  # PREPARE succeeds, EXECUTE fails
    assert _read(["x", author.pk, -1]) == [(author.pk, author.name)]
    assert _read(["x", author.pk, -1]) == [(author.pk, author.name)]


@pytest.mark.parametrize(
    ("sql", "count"),
    [
        ("SELECT 1 WHERE 1 = %s AND 'a' LIKE '%'", 1),  # a % that is no placeholder
        ("SELECT $1 WHERE 1 = %s", 1),
        ("SELECT 1 WHERE 1 = %s", 2),
    ],
)
def test_statements_with_stray_signs_or_miscounted_values_are_refused(sql, count):
    """Only `%s` placeholders, one per value: the statement's text is never a value's."""
    if connection.vendor != "postgresql":
        pytest.skip("the text is rewritten for PostgreSQL only")
    with connection.cursor() as cursor, pytest.raises(ValueError):
        prepared.execute(cursor, sql, [1] * count)


def _names_view(value):
    """A view that reads with the ORM, its values in the filters."""

    def view(request):
        found = list(
            Author.objects.filter(name=value).values_list("name", flat=True)
            | Author.objects.filter(name__contains="%").values_list("name", flat=True)
        )
        return HttpResponse(repr(sorted(found)))

    return prepared.page_reads(view)


def test_page_reads_give_what_the_orm_gives_with_hostile_values():
    """The view's statements, prepared on PostgreSQL: hostile values and a LIKE of a literal
    `%` match as stored, the first time and after."""
    hostile = AuthorFactory(name=HOSTILE)
    percent = AuthorFactory(name="100% <b>bold</b>")
    AuthorFactory(name="other")
    names = sorted(
        Author.objects.filter(pk__in=[hostile.pk, percent.pk]).values_list("name", flat=True)
    )
    view = _names_view(Author.objects.get(pk=hostile.pk).name)
    for _ in range(7):
        with CaptureQueriesContext(connection) as queries:
            response = view(RequestFactory().get("/"))
        assert response.content.decode() == repr(names)
        assert len(queries) == 1
    if connection.vendor == "postgresql":
        assert queries[0]["sql"].startswith("EXECUTE read_")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="prepared on PostgreSQL only")
@pytest.mark.django_db(transaction=True)
def test_page_reads_send_as_text_what_postgresql_cannot_prepare():
    """`SELECT %s IS NULL` has a parameter of no type: outside a transaction it is sent as
    text, then never prepared again."""

    @prepared.page_reads
    def view(request):
        with connection.cursor() as cursor:
            cursor.execute("SELECT %s IS NULL", ["'; <script>"])
            return HttpResponse(repr(cursor.fetchone()[0]))

    for _ in range(2):
        with CaptureQueriesContext(connection) as queries:
            assert view(RequestFactory().get("/")).content == b"False"
    assert [query["sql"] for query in queries] == ["SELECT '''; <script>' IS NULL"]


def test_turned_off_statements_are_sent_as_text(settings):
    """DATABASE_PREPARED_READS=false (PgBouncer in transaction mode): nothing is prepared."""
    settings.DATABASE_PREPARED_READS = False
    author = AuthorFactory()
    view = _names_view(author.name)
    with CaptureQueriesContext(connection) as queries:
        assert view(RequestFactory().get("/")).content.decode() == repr([author.name])
        assert _read([author.name, -1, -1]) == [(author.pk, author.name)]
    assert not any(query["sql"].startswith(("PREPARE", "EXECUTE")) for query in queries)
