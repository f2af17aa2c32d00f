"""The measurement benchmark's command line (bench/measurement/run.py)."""

from bench.measurement.run import _parser


def test_defaults():
    args = _parser().parse_args([])
    assert args.articles == 100_000 and args.database == "both" and args.sample == 200
    assert args.clients == 16 and args.requests == 100 and args.workers == 2
    assert args.record and args.gunicorn and args.step is None


def test_options():
    args = _parser().parse_args(
        ["--articles", "2000", "--database", "sqlite", "--sample", "40", "--rounds", "2"]
        + ["--clients", "4", "--requests", "10", "--no-gunicorn", "--no-record"]
    )
    assert (args.articles, args.database, args.sample, args.rounds) == (2000, "sqlite", 40, 2)
    assert (args.clients, args.requests) == (4, 10)
    assert not args.gunicorn and not args.record
