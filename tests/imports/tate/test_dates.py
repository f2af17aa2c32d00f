"""Tate's dates: the text as displayed and the earliest and latest year; real dateText and
dateRange pairs from the Tate sample, one row each."""

import pytest

from imports.tate.dates import DateSpan, parse_date


def span(text, start, end):
    return {"startYear": start, "endYear": end, "text": text}


@pytest.mark.parametrize(
    ("text", "date_range", "expected"),
    [
        ("1946", span("1946", 1946, 1946), DateSpan("1946", 1946, 1946)),
        ("c.1800", span("c.1800", 1800, 1800), DateSpan("c.1800", 1800, 1800)),
        ("1876–7", span("1876-7", 1876, 1877), DateSpan("1876–7", 1876, 1877)),
        ("c.1786–9", span("c.1786-9", 1786, 1789), DateSpan("c.1786–9", 1786, 1789)),
        ("c.1806–10", span("c.1806-10", 1806, 1810), DateSpan("c.1806–10", 1806, 1810)),
        ("1898–1904", span("1898-1904", 1898, 1904), DateSpan("1898–1904", 1898, 1904)),
        (
            "exhibited 1831",
            span("exhibited 1831", 1831, 1831),
            DateSpan("exhibited 1831", 1831, 1831),
        ),
        (
            "1985, printed 1990",
            span("1985, printed 1990", 1985, 1990),
            DateSpan("1985, printed 1990", 1985, 1990),
        ),
        # Tate's cataloguers decide the range: a reprint is not the work's date.
        (
            "1825, reprinted 1874",
            span("1825, reprinted 1874", 1825, 1825),
            DateSpan("1825, reprinted 1874", 1825, 1825),
        ),
        ("1950s", span("1950s", 1950, 1959), DateSpan("1950s", 1950, 1959)),
        ("late 18th C", span("late 18th C", 1750, 1799), DateSpan("late 18th C", 1750, 1799)),
        ("before 1877", span("before 1877", 1831, 1876), DateSpan("before 1877", 1831, 1876)),
        ("?c.1783", span("?c.1783", 1783, 1783), DateSpan("?c.1783", 1783, 1783)),
        # No date: nothing shown, no years.
        ("date not known", None, DateSpan("", None, None)),
        ("no date", {"startYear": "no date", "text": "no date"}, DateSpan("", None, None)),
        # No usable range: the years are read from the text.
        ("c.1850–5", None, DateSpan("c.1850–5", 1850, 1855)),
        ("1993/2005", None, DateSpan("1993/2005", 1993, 2005)),
        ("1794–c.1830–5", None, DateSpan("1794–c.1830–5", 1794, 1835)),
        ("c.1928–31–1947", None, DateSpan("c.1928–31–1947", 1928, 1947)),
        ("1965, printed early 1970s", None, DateSpan("1965, printed early 1970s", 1965, 1979)),
        ("?1824–7, ?c.1800–10", None, DateSpan("?1824–7, ?c.1800–10", 1800, 1827)),
        ("1984–5,1992–3", {"startYear": "no date"}, DateSpan("1984–5,1992–3", 1984, 1993)),
        ("1972", {"startYear": 1972}, DateSpan("1972", 1972, 1972)),
        ("", None, DateSpan("", None, None)),
        (None, None, DateSpan("", None, None)),
    ],
)
def test_dates(text, date_range, expected):
    """Each real date reads as Tate prints it, with the years for sorting."""
    assert parse_date(text, date_range) == expected
