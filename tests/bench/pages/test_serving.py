"""Article pages and the bare view through gunicorn (bench/pages/serving.py): the medians of
alternated runs and the warm share."""

from bench.pages.serving import failures, median_figures, warm_share


def run(rps: float, p50: float = 1.0, *, failed: int = 0) -> dict:
    figures = {"rps": rps, "p50_ms": p50, "p99_ms": p50 * 4, "non_2xx": failed, "errors": 0}
    return {"load": figures, "latency": dict(figures, rps=rps / 2)}


def test_the_median_of_the_runs_and_their_failures_summed():
    merged = median_figures([run(900.0, 2.0), run(300.0, 9.0, failed=1), run(1000.0, 1.0)])

    assert merged["load"]["rps"] == 900.0 and merged["latency"]["rps"] == 450.0
    assert merged["load"]["p50_ms"] == 2.0 and merged["load"]["p99_ms"] == 8.0
    assert merged["load"]["non_2xx"] == 1
    assert merged["rounds"] == [900, 300, 1000]


def test_warm_share_of_the_bare_view():
    served = {"warm": {"bare": run(1000.0), "article": run(850.0)}}
    assert warm_share(served) == 0.85
    served["warm"]["bare"] = run(0.0)
    assert warm_share(served) == 0.0


def test_failures_of_every_run_are_counted():
    merged = median_figures([run(900.0, failed=2), run(800.0)])
    served = {
        "cold": {"bare": merged, "article": median_figures([run(50.0)])},
        "warm": {"bare": merged, "article": median_figures([run(700.0, failed=1)])},
    }
    assert failures(served) == 2 * 2 + 2 * 2 + 1 * 2  # load and latency runs alike
