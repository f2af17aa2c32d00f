"""What plain text may hold: what a person meant to type, and nothing a word processor, a
terminal or a broken encoder left in it."""

import re
import unicodedata

# Control characters other than tab and newline (Unicode's Cc, C1 included), lone surrogates
# (Cs), and the noncharacters (U+FDD0-U+FDEF and the last two code points of every plane, among
# them U+FFFE and U+FFFF, which XML forbids). Format characters (Cf) such as the right-to-left
# mark stay: Arabic and Hebrew text needs them.
_NONCHARACTERS = r"\ufdd0-\ufdef" + "".join(
    f"\\U{plane:04x}fffe\\U{plane:04x}ffff" for plane in range(17)
)
_DISALLOWED = re.compile(rf"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff{_NONCHARACTERS}]")
_LINE_BREAK = re.compile(r"\r\n?")


def drop_disallowed(value: str) -> str:
    """`value` with Windows and old Mac line breaks as "\\n" and without the characters that no
    text keeps (see _DISALLOWED). Every other character, whitespace included, stays where it is:
    for text that must keep its shape, such as HTML or a feed's values."""
    return _DISALLOWED.sub("", _LINE_BREAK.sub("\n", value))


def clean_text(value: str) -> str:
    """Plain text as it is stored: `drop_disallowed`, then in Unicode's composed form (NFC, so
    that "Café" typed and "Café" pasted are one string), without leading or trailing space."""
    return unicodedata.normalize("NFC", drop_disallowed(value)).strip()
