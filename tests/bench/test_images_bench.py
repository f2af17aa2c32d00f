"""The images benchmark (bench/images/) at a small scale: it runs, finds no image opened by a
page, and records."""

import pytest

from bench.images import run as bench

pytestmark = pytest.mark.django_db


def test_small_run_measures_renditions_and_a_page(django_capture_on_commit_callbacks):
    renditions = bench.time_renditions(size=(1200, 800), runs=1)
    with django_capture_on_commit_callbacks(execute=True):
        article = bench.build_article(figures=2, size=(900, 600))

    page = bench.measure_page(article, renders=2)

    assert renditions["files"] == 7 and renditions["median_s"] > 0
    assert page["figures"] == page["with_renditions"] == 2
    assert page["opened"] == 0 and page["webp_sources"] >= 2
    assert "| make_renditions, 1200x800 JPEG" in bench.table(renditions, page)


def test_entries_go_at_the_end_of_the_images_section(tmp_path, monkeypatch):
    doc = tmp_path / "benchmarks.md"
    doc.write_text("# Benchmarks\n\n## Recommendations\n\n### old\n")
    monkeypatch.setattr(bench, "DOC", doc)

    bench.record("### first\n")
    bench.record("### second\n")

    text = doc.read_text()
    assert text.index("## Recommendations") < text.index("## Images")
    assert text.index("## Images") < text.index("### first") < text.index("### second")
