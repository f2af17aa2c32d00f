"""Tate's dimensions as a caption shows them, and the structured size: real strings from the
Tate sample (/work/shared/data/tate), one row each."""

from decimal import Decimal

import pytest

from imports.tate.dimensions import DISPLAY_MAX, Dimensions, parse_dimensions


def size(display, height=None, width=None, depth=None, unit="mm"):
    values = [Decimal(str(v)) if v is not None else None for v in (height, width, depth)]
    return Dimensions(display, *values, unit if height is not None else "")


@pytest.mark.parametrize(
    ("text", "units", "expected"),
    [
        ("support: 148 x 121 mm", "mm", size("148 x 121 mm", 148, 121)),
        ("image: 197 x 153 mm", "mm", size("197 x 153 mm", 197, 153)),
        (
            "support: 533 x 705 mm\r\nframe: 1063 x 857 x 60 mm",
            "mm",
            size("533 x 705 mm", 533, 705),
        ),
        (
            "frame: 422 x 320 x 34 mm\r\nsupport: 402 x 300 x 3 mm",
            "mm",
            size("402 x 300 x 3 mm", 402, 300, 3),
        ),
        (
            "unconfirmed: 4600 x 900 x 900 mm",
            "mm",
            size("4600 x 900 x 900 mm (unconfirmed)", 4600, 900, 900),
        ),
        (
            "object: 1550 x 1320 x 1130 mm, 57 kg",
            "mm",
            size("1550 x 1320 x 1130 mm, 57 kg", 1550, 1320, 1130),
        ),
        (
            "displayed: 860 x 1450 x 990 mm\r\nobject (vitrine): 200 x 690 x 470 mm",
            "mm",
            size("860 x 1450 x 990 mm (displayed)", 860, 1450, 990),
        ),
        ("support, each: 504 x 564 mm", "", size("each 504 x 564 mm", 504, 564)),
        (
            "frame: each 707 x 612 x 34 mm",
            "",
            size("each 707 x 612 x 34 mm (frame)", 707, 612, 34),
        ),
        ("1075x1075x120mm\r\nweight: 28kg", "mm", size("1075 x 1075 x 120 mm", 1075, 1075, 120)),
        ("support: 152 mm x 190 mm ", "mm", size("152 x 190 mm", 152, 190)),
        ("object: 80 x 535x 410 mm", "mm", size("80 x 535 x 410 mm", 80, 535, 410)),
        (
            "image: 1199 x 799 mm\r\nsupport: 1207 x 807 x 1.5 mm",
            "mm",
            size("1199 x 799 mm", 1199, 799),
        ),
        ("support: 309 x 404 x 1.5 mm", "mm", size("309 x 404 x 1.5 mm", 309, 404, "1.50")),
        # No unit on the line: Tate's `units` field gives it, or nothing is structured.
        ("502 x 652 mm", "", size("502 x 652 mm", 502, 652)),
        ("3400 x 760 x 370", "", size("3400 x 760 x 370")),
        ("3400 x 760 x 370", "mm", size("3400 x 760 x 370 mm", 3400, 760, 370)),
        (
            "1937x1205x35mm- variable",
            "",
            size("1937 x 1205 x 35 mm - variable", 1937, 1205, 35),
        ),
        (
            "1560 x 1905 x 2900 mm Variable",
            "",
            size("1560 x 1905 x 2900 mm Variable", 1560, 1905, 2900),
        ),
        (
            "Shed, unconfirmed: 3000 x 2000 x 3000 mm",
            "",
            size("3000 x 2000 x 3000 mm (shed, unconfirmed)", 3000, 2000, 3000),
        ),
        # No measure: shown as written, in a caption's lower case.
        ("Overall display dimensions variable", "", size("overall display dimensions variable")),
        ("overall display dimensions variable", "", size("overall display dimensions variable")),
        (
            "Overall display dimensions variable\r\nduration: 30min, 30sec",
            "",
            size("overall display dimensions variable"),
        ),
        ("duration: 6min, 32sec", "", size("6min, 32sec")),
        ("duration: 60 min., 52 sec.", "", size("60 min., 52 sec.")),
        ("unconfirmed: 8min\r\nOverall display dimensions variable", "", size("unconfirmed: 8min")),
        ("Unconfirmed", "", size("unconfirmed")),
        ("support: 126 mm", "", size("126 mm")),
        ("", "", size("")),
        (None, None, size("")),
    ],
)
def test_dimensions(text, units, expected):
    """Each real string gives the caption's text and, when they are numbers, the size."""
    assert parse_dimensions(text, units) == expected


def test_a_very_long_description_is_shortened_to_fit():
    """Tate's longest lines ("Six elements: square tube: ...") fit the field, ending in '…'."""
    text = "Six elements: " + "; ".join(["square tube: 460 x 460 x 920 mm"] * 12)
    display = parse_dimensions(text).display
    assert len(display) == DISPLAY_MAX
    assert display.startswith("six elements: square tube: 460 x 460 x 920 mm;")
    assert display.endswith("…")
