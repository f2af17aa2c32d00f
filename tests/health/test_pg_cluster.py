"""The throwaway PostgreSQL of the fault tests and benchmarks (bench/shared/pg_cluster.py)."""

import psycopg2
import pytest

from bench.shared.pg_cluster import PostgresCluster
from tests.health.conftest import cluster_or_skip


def rows(cluster: PostgresCluster) -> list:
    connection = psycopg2.connect(cluster.url("kept"), connect_timeout=3)
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT word FROM notes ORDER BY word")
            return [row[0] for row in cursor.fetchall()]
    finally:
        connection.close()


def test_a_stopped_cluster_starts_again_on_its_port_with_its_data():
    """stop -m fast refuses connections; start brings back the same server, data and port."""
    with cluster_or_skip() as cluster:
        assert cluster.port != 5432 and cluster.running()
        cluster.create_database("kept")
        connection = psycopg2.connect(cluster.url("kept"), connect_timeout=3)
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute("CREATE TABLE notes (word text)")
            cursor.execute("INSERT INTO notes VALUES ('kept')")
        connection.close()
        port = cluster.port

        cluster.stop()
        assert not cluster.running()
        with pytest.raises(psycopg2.OperationalError):
            rows(cluster)

        cluster.start()
        assert cluster.port == port and rows(cluster) == ["kept"]


def test_the_cluster_is_stopped_and_deleted_even_after_an_error():
    """Leaving the with block by an exception stops the server and removes its folder."""
    cluster = cluster_or_skip()
    with pytest.raises(RuntimeError), cluster:
        folder = cluster.folder
        assert (folder / "data" / "PG_VERSION").is_file()
        raise RuntimeError("a failing test")
    assert not folder.exists() and cluster.folder is None
    with pytest.raises(psycopg2.OperationalError):
        psycopg2.connect(cluster.url(), connect_timeout=3).close()
