"""The measurement benchmark's tables and entry (bench/measurement/report.py): the targets as
PASS/FAIL, and the entry at the end of its own section of docs/benchmarks.md."""

import copy

import pytest

from bench.measurement import report
from bench.measurement.run import _parser


def timed(ms: float, queries: int = 1, ratio: float = 1.0) -> dict:
    return {
        "count": 400, "median_ms": ms, "p90_ms": ms * 1.5, "median_queries": queries,
        "max_queries": queries, "ratio": ratio,
    }  # fmt: skip


def shown(likeness: float, other: int) -> dict:
    return {
        "blocks": 200, "likeness": likeness, "artist_twice": 50, "sections_per_block": 3.4,
        "cards_per_block": 3.9, "other_links": other, "empty": 0,
    }  # fmt: skip


SUMS = {"clicks": 1600, "impressions": 6200, "teams": {"a": [400, 1500], "b": [410, 1500]}}


def served(counted: dict) -> dict:
    run = {"clients": 16, "requests": 3200, "seconds": 10.0, "rps": 320.0, "p50_ms": 40.0,
           "p99_ms": 120.0, "errors": 0, "statuses": {"302": 1600, "204": 1600}}  # fmt: skip
    return {
        "workers": 2,
        "bare": {**run, "rps": 900.0, "statuses": {"200": 3200}},
        "counting": {**run, "expected": SUMS},
        "counted": counted,
        "exact": counted == SUMS,
        "worker_errors": 0,
    }


@pytest.fixture
def run() -> dict:
    return {
        "database": "sqlite",
        "articles": 2000,
        "load_average": 1.5,
        "seconds": 120.0,
        "build": {
            "seconds": 60.0,
            "database_version": "3.40.1",
            "articles": list(range(200)),
            "corpus": {"seed": 1, "articles": 2000, "tags": 200, "artists": 400},
        },  # fmt: skip
        "measure": {
            "load_average": 1.6,
            "block_size": 4,
            "moderation": "post",
            "blocks": {
                "score-only": {**timed(0.6), **shown(0.28, 0)},
                "standard": {**timed(0.9, ratio=1.5), **shown(0.22, 120)},
                "experiment": {**timed(1.2, ratio=2.0), **shown(0.23, 125)},
            },
            "pages": {
                "pages": {"score-only": timed(5.0, 5), "standard": timed(5.2, 5, 1.04)},
                "errors": 0,
                "urls": 200,
            },
            "counting": {
                "requests": {
                    "page": timed(0.5, 0),
                    "click": timed(2.0, 2, 4.0),
                    "beacon": timed(1.5, 1, 3.0),
                },  # fmt: skip
                "page_hits": 400,
                "errors": {"page": 0, "click": 0, "beacon": 0},
                "counted": SUMS,
                "expected": SUMS,
                "exact": True,
            },
        },
        "serve": served(SUMS),
    }


def test_a_run_that_meets_its_targets(run):
    text = report.database_section(run)

    assert text.startswith("#### SQLite 3.40.1, 2,000 articles")
    assert (
        "| standard (diversity) (400 blocks) | 0.900 / 1.350 | 1.50 | 1 / 1 PASS | 0.220 |" in text
    )
    assert "| click redirect (400) | 2.00 / 3.00 | 4.00 to the warm page | 2 / 2 |" in text
    assert "**320 req/s** (0.36 of the bare view's)" in text
    assert "| counted exactly | PASS |" in text
    assert "FAIL" not in text


def test_a_second_query_or_a_lost_count_fails(run):
    worse = copy.deepcopy(run)
    worse["measure"]["blocks"]["experiment"]["max_queries"] = 2
    worse["serve"] = served({**SUMS, "clicks": 1599})

    text = report.database_section(worse)

    assert "| 1 / 2 **FAIL** |" in text
    assert "clicks 1,599 / 1,600" in text
    assert "| counted exactly | **FAIL** |" in text


def test_the_entry_goes_at_the_end_of_its_section(run, tmp_path):
    doc = tmp_path / "benchmarks.md"
    doc.write_text("# Benchmarks\n\n## Archived copies of outbound links\n\n### old\n")
    args = _parser().parse_args(["--articles", "2000", "--label", "first"])

    for label in ("first", "second"):
        args.label = label
        report.record(
            [run], argv=["--label", label], args=args, load=(1.0, 2.0), redis="7.0", doc=doc
        )

    text = doc.read_text()
    assert text.index("### old") < text.index(report.SECTION) < text.index(", first")
    assert text.index(", first") < text.index(", second")
    assert "`.venv/bin/python -m bench.measurement --label second`" in text
    assert "Redis 7.0; 16 clients" in text
