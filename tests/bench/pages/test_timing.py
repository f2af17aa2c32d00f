"""Timing pages with the test client (bench/pages/timing.py): round-robin over the kinds, the
figures of each, and cold and warm on a tiny corpus."""

import pytest
from django.test import Client

from bench.pages.timing import measure, nearest_rank, rounds, summary


def sample(url="/a/", ms=1.0, queries=3, status=200, cache="") -> dict:
    return {"url": url, "ms": ms, "queries": queries, "status": status, "cache": cache}


def test_nearest_rank():
    values = [float(n) for n in range(1, 11)]
    assert nearest_rank(values, 0.9) == 9.0
    assert nearest_rank(values, 0.5) == 5.0
    assert nearest_rank([4.0], 0.9) == 4.0


def test_summary_of_a_kind():
    samples = [sample(f"/a/{n}/", ms=float(n), queries=n % 3 + 4) for n in range(1, 11)]
    samples.append(sample("/missing/", ms=0.5, status=404))

    figures = summary(samples)

    assert figures["requests"] == 11 and figures["urls"] == 11
    assert figures["median_ms"] == 5.0  # of 0.5, 1, ..., 10
    assert figures["p90_ms"] == 9.0
    assert figures["max_queries"] == 6
    assert figures["errors"] == 1 and figures["failed"] == ["/missing/ (404)"]


def test_rounds_go_round_robin_over_the_kinds_and_through_each_kinds_urls():
    asked = []

    def fetch(client, url):
        asked.append(url)
        return sample(url)

    urls = {"article": ["/a/1/", "/a/2/", "/a/3/"], "home": ["/"]}
    samples = rounds(urls, {"article": None, "home": None}, repeat=4, fetch=fetch)

    assert asked == ["/a/1/", "/", "/a/2/", "/", "/a/3/", "/", "/a/1/", "/"]
    assert [s["url"] for s in samples["article"]] == ["/a/1/", "/a/2/", "/a/3/", "/a/1/"]


@pytest.mark.django_db
def test_cold_then_warm_on_a_tiny_corpus(tiny_site):
    """Cold pages answer 200 with queries; warm public pages are hits with none; admin pages
    are timed cold only."""
    urls, user = tiny_site
    reader, staff = Client(), Client()
    staff.force_login(user)
    clients = {kind: staff if kind.startswith("admin_") else reader for kind in urls}
    public = {kind for kind in urls if not kind.startswith("admin_")}

    result = measure(urls, clients, repeat=3, public=public)

    assert set(result["cold"]) == set(urls) and set(result["warm"]) == public
    for kind, figures in result["cold"].items():
        assert figures["errors"] == 0, (kind, figures["failed"])
        assert figures["requests"] == 3 and figures["max_queries"] > 0, kind
        assert figures["hits"] == 0, kind
    for kind, figures in result["warm"].items():
        assert figures["errors"] == 0 and figures["hits"] == 3, kind
        assert figures["max_queries"] == 0, kind
    assert result["cold"]["article"]["urls"] == 3
