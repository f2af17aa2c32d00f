"""The kinds of page the page benchmark times, and issue 17's targets as PASS/FAIL."""

import pytest

from bench.pages.kinds import KINDS, Target, passed, selected, target


def figures(median_ms: float, max_queries: int = 5, errors: int = 0) -> dict:
    return {"median_ms": median_ms, "max_queries": max_queries, "errors": errors}


@pytest.mark.parametrize(
    ("key", "database", "articles", "expected"),
    [
        ("article", "sqlite", 2_000, Target(8, 10)),
        ("article", "postgres", 100_000, Target(8, 10)),
        ("home", "postgres", 100_000, Target(8)),
        ("articles_deep", "sqlite", 2_000, Target(8)),
        ("search_common", "sqlite", 2_000, Target(15)),
        ("search_selective", "sqlite", 2_000, Target(15)),
        ("search_common", "postgres", 100_000, Target(150)),
        ("search_selective", "postgres", 100_000, Target(50)),
        ("search_common", "postgres", 2_000, None),  # the issue sets none there
        ("search_selective", "sqlite", 100_000, None),
        ("admin_article", "sqlite", 2_000, Target(100, 25)),
        ("admin_links", "postgres", 100_000, Target(150)),
    ],
)
def test_each_kind_has_the_issues_target(key, database, articles, expected):
    assert target(key, database=database, articles=articles) == expected


def test_every_kind_has_a_target_at_the_issues_sizes():
    for kind in KINDS:
        small = target(kind.key, database="sqlite", articles=2_000)
        large = target(kind.key, database="postgres", articles=100_000)
        assert small is not None and large is not None, kind.key


@pytest.mark.parametrize(
    ("measured", "expected"),
    [
        (figures(7.9, 10), True),
        (figures(8.0, 10), True),  # "at most"
        (figures(8.1, 3), False),
        (figures(5.0, 11), False),  # too many queries
        (figures(5.0, 3, errors=1), False),  # an error page is fast and proves nothing
    ],
)
def test_pass_or_fail(measured, expected):
    assert passed(measured, Target(8, 10)) is expected


def test_no_target_is_neither_pass_nor_fail():
    assert passed(figures(500.0), None) is None


def test_a_target_reads_as_the_issue_says():
    assert str(Target(8, 10)) == "<= 8 ms, <= 10 queries"
    assert str(Target(150)) == "<= 150 ms"


def test_pages_are_chosen_by_name_in_the_tables_order():
    assert [kind.key for kind in selected(["search_common", "article"])] == [
        "article",
        "search_common",
    ]
    assert len(selected(None)) == len(KINDS)


def test_an_unknown_page_is_refused_with_the_known_ones():
    with pytest.raises(SystemExit, match="unknown articel.*known: article, home"):
        selected(["articel"])
