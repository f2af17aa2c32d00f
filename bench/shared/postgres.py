"""Creating and dropping the benchmark's own PostgreSQL database (no Django here: the parent
process never opens the database it benchmarks). Names go through psycopg2.sql.Identifier."""

import os
import sys
from urllib.parse import urlsplit, urlunsplit

BENCH_DATABASE = "newsroom_bench"
CONNECT_TIMEOUT = 5
DEFAULT_POSTGRES = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")


class BenchFailed(Exception):
    pass


def postgres_url(server_url: str, database: str) -> str:
    parts = urlsplit(server_url)
    return urlunsplit(
        parts._replace(path=f"/{database}", query=f"connect_timeout={CONNECT_TIMEOUT}")
    )


def admin_connection(server_url: str):
    import psycopg2  # noqa: PLC0415

    try:
        connection = psycopg2.connect(
            postgres_url(server_url, "postgres"), connect_timeout=CONNECT_TIMEOUT
        )
    except psycopg2.OperationalError as error:
        message = str(error).strip().splitlines()[0]
        raise BenchFailed(
            f"PostgreSQL is unreachable at {server_url} ({message}). Start it, pass "
            "--postgres-url, or run with --database sqlite."
        ) from error
    connection.autocommit = True
    return connection


def postgres_version(server_url: str) -> str:
    connection = admin_connection(server_url)
    try:
        with connection.cursor() as cursor:
            cursor.execute("SHOW server_version")  # constant SQL: no input reaches it
            return cursor.fetchone()[0].split()[0]
    finally:
        connection.close()


def recreate_postgres_database(server_url: str):
    from psycopg2 import sql  # noqa: PLC0415

    connection = admin_connection(server_url)
    name = sql.Identifier(BENCH_DATABASE)
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(name))
    finally:
        connection.close()


def drop_postgres_database(server_url: str):
    from psycopg2 import sql  # noqa: PLC0415

    try:
        connection = admin_connection(server_url)
    except BenchFailed as error:
        print(f"Could not drop {BENCH_DATABASE}: {error}", file=sys.stderr)
        return
    try:
        with connection.cursor() as cursor:
            cursor.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                    sql.Identifier(BENCH_DATABASE)
                )
            )
    finally:
        connection.close()
