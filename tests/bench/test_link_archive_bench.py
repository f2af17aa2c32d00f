"""The archived copies benchmark (bench/link_archive/) at a small scale: it runs, the dead
links' page costs the queries of the page whose links are alive, and it records."""

import pytest

from bench.link_archive import run as bench

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_off")]


def test_small_run_measures_a_publish_and_a_page(client):
    publish = bench.measure_publish(links=3, runs=1)
    page = bench.measure_page(links=3, renders=1)

    assert publish["with_ms"] > 0 and publish["without_ms"] > 0
    assert page["dead_notes"] == 3
    assert page["alive_queries"] == page["dead_queries"]
    assert "| publish, 3 links" in bench.table(publish, page)


def test_entries_go_at_the_end_of_its_section(tmp_path, monkeypatch):
    doc = tmp_path / "benchmarks.md"
    doc.write_text("# Benchmarks\n\n## Images\n\n### old\n")
    monkeypatch.setattr(bench, "DOC", doc)

    bench.record("### first\n")
    bench.record("### second\n")

    text = doc.read_text()
    assert text.index("## Images") < text.index(bench.SECTION) < text.index("### second")
