"""The page benchmark's command line (bench/pages/run.py)."""

import pytest

from bench.pages.run import _parser, main


def test_by_default_both_sizes_of_the_issue_on_both_databases():
    args = _parser().parse_args([])
    assert args.articles == [2_000, 100_000] and args.database == "both"
    assert args.repeat == 30 and args.record and args.gunicorn


def test_options():
    args = _parser().parse_args(
        ["--articles", "2000", "--database", "sqlite", "--pages", "article", "home"]
        + ["--repeat", "5", "--no-record", "--no-gunicorn"]
    )
    assert args.articles == [2_000] and args.database == "sqlite"
    assert args.pages == ["article", "home"] and args.repeat == 5
    assert not args.record and not args.gunicorn


def test_an_unknown_page_stops_it_before_anything_runs():
    with pytest.raises(SystemExit, match="--pages: unknown nope"):
        main(["--pages", "nope", "--no-record"])
