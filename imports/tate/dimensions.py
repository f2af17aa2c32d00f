"""Tate's free-text dimensions, read into what a caption shows and the structured size.

Tate writes one measure a line, each with a label: "support: 533 x 705 mm" then "frame: 1063 x
857 x 60 mm"; "unconfirmed: 4600 x 900 x 900 mm"; "Overall display dimensions variable";
"duration: 6min, 32sec". The caption shows one of them, the work's own:

- the first line that does not measure a frame, mount or plinth (else the first line);
- the measure normalised ("1075x1075x120mm" reads "1075 x 1075 x 120 mm"), anything after it
  kept (", 57 kg");
- the label dropped when it only names what was measured (support, image, object, support &
  image) or says "duration"; any other label is kept where it changes the meaning: "each" goes
  before the measure ("each 504 x 564 mm"), the rest after it in brackets ("610 x 508 mm
  (unconfirmed)", "860 x 1450 x 990 mm (displayed)");
- a line that is no measure is shown as written, sentence case lowered ("overall display
  dimensions variable"), so that it reads inside a caption after the medium.

Height, width and depth (Tate's order: height x width x depth) and the unit are filled only from
that line, only when it is a measure of two or three numbers above zero with a known unit (its
own, else Tate's `units` field). Tate's own width/height/depth fields are not used: in the
published data they are shifted by one place (a "533 x 705" support has width 533, height 705).
"""

import re
from dataclasses import dataclass
from decimal import Decimal

DISPLAY_MAX = 255
MEASURE_MAX = Decimal("99999999.99")  # Artwork.height and co.: 10 digits, 2 after the point
UNITS = ("mm", "cm", "m", "in")

# Labels that only say what was measured: the caption needs none of them.
PLAIN_LABELS = {"support", "image", "object", "support & image", "duration", ""}
# Lines that measure what holds or carries the work, not the work.
SECONDARY_LABELS = ("frame", "framed", "mount", "plinth")

_NUMBER = r"\d+(?:\.\d+)?"
_UNIT = r"(?:mm|cm|m|in)\b"
_MEASURE = re.compile(
    rf"^(?P<a>{_NUMBER})\s*(?P<ua>{_UNIT})?\s*[x×]\s*(?P<b>{_NUMBER})\s*(?P<ub>{_UNIT})?"
    rf"(?:\s*[x×]\s*(?P<c>{_NUMBER})\s*(?P<uc>{_UNIT})?)?(?P<rest>.*)$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Dimensions:
    display: str = ""
    height: Decimal | None = None
    width: Decimal | None = None
    depth: Decimal | None = None
    unit: str = ""


def parse_dimensions(text: str | None, units: str | None = None) -> Dimensions:
    """The caption's dimensions and, when they are numbers, the structured size."""
    lines = [" ".join(line.split()) for line in (text or "").splitlines()]
    lines = [line for line in lines if line]
    if not lines:
        return Dimensions()
    label, value = _split_label(_primary(lines))
    qualifiers = _qualifiers(label)
    if value.lower().startswith("each "):
        value, qualifiers = value[5:].lstrip(), ["each", *qualifiers]
    match = _MEASURE.match(value)
    if not match:
        shown = value if label in PLAIN_LABELS else f"{label}: {value}"
        return Dimensions(display=_shorten(_lower_first(shown)))
    numbers = [match[name] for name in ("a", "b", "c") if match[name]]
    unit = next(
        (match[name].lower() for name in ("uc", "ub", "ua") if match[name]),
        "",
    ) or _known_unit(units)
    measure = " x ".join(numbers) + (f" {unit}" if unit else "") + _rest(match["rest"])
    if "each" in qualifiers:
        measure = f"each {measure}"
    others = [word for word in qualifiers if word != "each"]
    if others:
        measure = f"{measure} ({', '.join(others)})"
    return Dimensions(display=_shorten(measure), **_structured(numbers, unit))


def _primary(lines: list[str]) -> str:
    for line in lines:
        label, _value = _split_label(line)
        if not label.startswith(SECONDARY_LABELS):
            return line
    return lines[0]


def _split_label(line: str) -> tuple[str, str]:
    """'support, each: 504 x 564 mm' -> ('support, each', '504 x 564 mm'); no colon, no label."""
    label, colon, value = line.partition(":")
    if not colon:
        return "", line
    return label.strip().lower(), value.strip()


def _qualifiers(label: str) -> list[str]:
    """What a label says beyond what was measured: 'support, each' -> ['each']."""
    words = [word.strip() for word in re.split(r"[,()]", label)]
    return [word for word in words if word not in PLAIN_LABELS]


def _rest(rest: str) -> str:
    rest = rest.strip()
    if not rest:
        return ""
    return rest if rest[0] in ",.;" else f" {rest}"


def _known_unit(units: str | None) -> str:
    unit = (units or "").strip().lower()
    return unit if unit in UNITS else ""


def _structured(numbers: list[str], unit: str) -> dict:
    # The caption still shows the line; a number the field cannot hold gives no size.
    values = [Decimal(number) for number in numbers]
    if not unit or len(values) < 2 or any(value > MEASURE_MAX for value in values):
        return {}
    values = [value.quantize(Decimal("0.01")) for value in values]
    if any(value <= 0 for value in values):
        return {}
    size = dict(zip(("height", "width", "depth"), values, strict=False))
    return {**size, "unit": unit}


def _lower_first(text: str) -> str:
    """'Overall display dimensions variable' -> 'overall ...'; 'DVD' stays 'DVD'."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def _shorten(text: str) -> str:
    return text if len(text) <= DISPLAY_MAX else text[: DISPLAY_MAX - 1].rstrip() + "…"
