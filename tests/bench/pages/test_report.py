"""The page benchmark's report (bench/pages/report.py): the tables, PASS/FAIL, and the entry in
docs/benchmarks.md."""

from types import SimpleNamespace

from bench.pages.report import (
    SECTION,
    entry,
    pages_table,
    print_run,
    record,
    run_text,
    serve_table,
    serve_verdict,
    verdicts,
)
from bench.pages.serving import median_figures


def kind(median_ms, max_queries=5, *, errors=0, hits=0, requests=30) -> dict:
    return {
        "requests": requests,
        "urls": 30,
        "median_ms": median_ms,
        "p90_ms": median_ms * 1.5,
        "median_queries": max_queries - 1,
        "max_queries": max_queries,
        "hits": hits,
        "errors": errors,
        "failed": ["/articles/gone/ (404)"] if errors else [],
    }


def wrk(rps: float, *, failed: int = 0) -> dict:
    run = {"rps": rps, "p50_ms": 1.0, "p99_ms": 4.0, "non_2xx": failed, "errors": 0}
    return {"load": run, "latency": run}


def served(*, bare=1000.0, article=850.0, failed=0) -> dict:
    """As serving.serve() returns it: the medians of runs (one each here)."""
    return {
        "urls": {"bare": 1, "article": 30},
        "cold": {"bare": median_figures([wrk(bare)]), "article": median_figures([wrk(60.0)])},
        "warm": {
            "bare": median_figures([wrk(bare)]),
            "article": median_figures([wrk(article, failed=failed)]),
        },
    }


def a_run(**serve) -> dict:
    return {
        "database": "sqlite",
        "articles": 2_000,
        "load_average": 1.5,
        "seconds": 95.0,
        "build": {
            "database_version": "3.40.1",
            "migrate_s": 2.0,
            "corpus_s": 6.0,
            "corpus": {"articles": 2_000, "artists": 400, "tags": 200, "figures": 2_000},
            "corpus_arguments": {"tags": 200, "artists": 400, "figures_per_article": 1},
            "figures_given": 30,
            "urls": {"search_common": ["/search/?q=ecology"], "search_selective": []},
        },
        "measure": {
            "cold": {
                "article": kind(7.5, 10),
                "home": kind(9.0, 8),
                "search_common": kind(12.0, 9),
                "admin_article": kind(120.0, 26),
                "tag": kind(3.0, 4, errors=2),
            },
            "warm": {
                "article": kind(0.3, 0, hits=30),
                "home": kind(0.3, 0, hits=30),
                "search_common": kind(0.4, 0, hits=30),
                "tag": kind(0.3, 0, hits=28),
            },
        },
        "serve": served(**serve),
    }


def test_a_row_per_kind_with_its_target_and_verdict():
    lines = pages_table(a_run()).splitlines()

    assert lines[0].startswith("| page | URLs | cold: median / p90 ms | queries: median / max |")
    assert lines[2] == (
        "| article | 30 | 7.5 / 11.2 | 9 / 10 | 0.30 / 0.45 | 30/30 | <= 8 ms, <= 10 queries "
        "| PASS |"
    )
    assert lines[3].startswith("| home | 30 | 9.0 / 13.5 |") and lines[3].endswith("| **FAIL** |")
    assert lines[4].endswith("| <= 15 ms | PASS |")
    admin = lines[5]
    assert "|  |  |" in admin and admin.endswith("| <= 100 ms, <= 25 queries | **FAIL** |")
    assert "tag (2 not 200: /articles/gone/ (404))" in lines[6]
    assert lines[6].endswith("**FAIL** |")  # fast, but error pages prove nothing


def test_the_warm_share_of_the_bare_view():
    target, measured, ok = serve_verdict(served(bare=1000.0, article=800.0))
    assert "80%" in target and measured == "800 / 1,000 = 80%" and ok
    assert not serve_verdict(served(bare=1000.0, article=790.0))[2]
    assert not serve_verdict(served(failed=2))[2]


def test_gunicorns_table_shows_each_runs_req_s():
    run = a_run()
    run["serve"]["warm"]["article"]["rounds"] = [840, 850, 870]
    table = serve_table(run["serve"]).splitlines()
    assert table[3].startswith("| article pages | 30 | 60 | 1.0 / 4.0 | 850 (840, 850, 870) |")


def test_every_verdict_is_counted():
    run = a_run()
    assert verdicts(run) == [True, False, True, False, False, True]
    assert run_text(run).endswith("3 of 6 targets met.")


def test_printed_with_its_database_and_size(capsys):
    print_run(a_run())
    out = capsys.readouterr().out
    assert "SQLite, 2,000 articles" in out and "through gunicorn" in out


def machine() -> dict:
    return {
        "date": "2026-12-03",
        "nproc": 2,
        "cpu": "Intel(R) Xeon(R) Processor",
        "memory_gib": 24.0,
        "python": "3.13.0",
        "versions": {"Django": "6.1.3"},
        "versions_extra": {"Redis": "7.0.15"},
        "commit": "abc1234",
        "changed": [],
    }


def args(**more) -> SimpleNamespace:
    values = {"articles": [2_000], "label": "", "repeat": 30, "gunicorn": True}
    values |= {"workers": 2, "duration": 5, "connections": 8, "rounds": 3}
    return SimpleNamespace(**(values | more))


def test_the_entry_says_what_ran_where():
    text = entry(args(), ["--articles", "2000"], machine(), [a_run()])

    assert text.startswith("### 2026-12-03: pages at 2,000 articles\n")
    assert "`.venv/bin/python -m bench.pages --articles 2000`" in text
    assert "commit abc1234" in text and "Load average (1 min): 1.50 before SQLite at 2,000" in text
    assert "Redis 7.0.15" in text and "2 sync workers" in text and "3 runs of each" in text
    assert "#### SQLite, 2,000 articles" in text and "SQLite 3.40.1" in text
    assert "95 s for this size and database in all" in text
    assert "Search words: common (the most used tags) ecology." in text
    assert "30 articles given figures up to four" in text
    assert "3 of 6 targets met." in text


def test_a_warning_when_code_changed_during_the_run():
    about = machine() | {"changed": ["articles/views.py"]}
    text = entry(args(gunicorn=False), [], about, [a_run()])
    assert "**Warning**: these files changed while it ran: articles/views.py." in text
    assert "sync workers" not in text


def test_recorded_in_its_own_section(tmp_path):
    doc = tmp_path / "benchmarks.md"
    doc.write_text("# Benchmarks\n\n## Serving (issue 8)\n\n### old\n")

    record("### first\n", doc)
    record("### second\n", doc)

    content = doc.read_text()
    assert content.startswith("# Benchmarks\n\n## Serving (issue 8)\n\n### old\n")
    section = content[content.index(SECTION) :]
    assert "`bench/pages/`" in section
    assert section.index("### first") < section.index("### second")
    assert content.count(SECTION) == 1


def test_postgresql_entries_say_how_long_the_vacuum_took():
    run = a_run()
    run["database"], run["build"]["settle_s"] = "postgres", 4.2
    assert "VACUUM ANALYZE in 4 s; 95 s for this size" in entry(args(), [], machine(), [run])

    del run["build"]["settle_s"]  # an entry built before the corpus was settled
    assert "VACUUM" not in entry(args(), [], machine(), [run])
    assert "VACUUM" not in entry(args(), [], machine(), [a_run() | {"database": "sqlite"}])
