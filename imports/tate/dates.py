"""Tate's dates: the text as displayed ("c.1850–5", "1985, printed 1990") and the earliest and
latest year, for sorting and filtering.

The years come from Tate's `dateRange` (`startYear`, `endYear`) when they are whole numbers:
Tate's cataloguers decided them ("1825, reprinted 1874" is 1825; "1985, printed 1990" is
1985-1990). Without them (no `dateRange`, or `"startYear": "no date"`) they are read from the
text: every year in it, with its abbreviated end ("1876–7" is 1876-1877, "1806–10" 1806-1810),
a decade ("1950s") as its ten years; the earliest and the latest of them. Texts that say there
is no date ("date not known", "no date") are shown as nothing, so that a caption drops its
brackets rather than print "(date not known)".
"""

import re
from dataclasses import dataclass

NO_DATE = {"date not known", "no date", "undated", "unknown"}

_YEAR = re.compile(r"(?<!\d)(\d{4})(s)?(?:\s*[–-]\s*(\d{1,4})(?!\d))?")
_SMALLEST, _LARGEST = -32768, 32767  # SmallIntegerField


@dataclass(frozen=True)
class DateSpan:
    display: str = ""
    earliest: int | None = None
    latest: int | None = None


def parse_date(text: str | None, date_range: dict | None) -> DateSpan:
    display = " ".join((text or "").split())
    if display.lower() in NO_DATE:
        display = ""
    years = _range_years(date_range) or _text_years(display)
    if not years:
        return DateSpan(display=display)
    return DateSpan(display=display, earliest=min(years), latest=max(years))


def _range_years(date_range: dict | None) -> list[int]:
    if not isinstance(date_range, dict):
        return []
    start, end = date_range.get("startYear"), date_range.get("endYear")
    if not _is_year(start):
        return []
    return [start, end] if _is_year(end) else [start]


def _text_years(text: str) -> list[int]:
    years = []
    for match in _YEAR.finditer(text):
        year = int(match[1])
        years.append(year)
        if match[2]:  # "1950s"
            years.append(year + 9)
        elif match[3]:  # "1876–7", "1806–10", "1898–1904"
            end = match[3]
            years.append(int(match[1][: 4 - len(end)] + end))
    return [year for year in years if _is_year(year)]


def _is_year(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and _SMALLEST < value < _LARGEST
