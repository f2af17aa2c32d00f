"""Small Pillow helpers shared by the demo drawings.

Pictures are drawn at twice the output size and scaled down, which smooths every edge without
Pillow's (missing) anti-aliasing. Randomness comes only from a seeded random.Random, so each
picture is the same, byte for byte, on every run.
"""

import io
import math
import random
from contextlib import contextmanager

from PIL import Image, ImageDraw, ImageFilter

W, H = 3200, 2000  # drawing size
OUTPUT = (1600, 1000)  # saved size
JPEG_QUALITY = 85

Colour = tuple[int, int, int]


def seeded(name: str) -> random.Random:
    # Not for security: a fixed seed per picture keeps the demo's images reproducible.
    return random.Random(f"newsroom-demo:{name}")  # noqa: S311


def mix(a: Colour, b: Colour, t: float) -> Colour:
    """The colour a fraction t of the way from a to b."""
    return tuple(round(a[i] + (b[i] - a[i]) * t) for i in range(3))


def shade(colour: Colour, factor: float) -> Colour:
    return tuple(max(0, min(255, round(channel * factor))) for channel in colour)


def jitter(colour: Colour, rng: random.Random, amount: int) -> Colour:
    return tuple(max(0, min(255, c + rng.randint(-amount, amount))) for c in colour)


def gradient(size: tuple[int, int], top: Colour, bottom: Colour, *, horizontal=False):
    """An image fading from top to bottom (or left to right)."""
    width, height = size
    steps = width if horizontal else height
    strip = Image.new("RGB", (steps, 1) if horizontal else (1, steps))
    strip.putdata([mix(top, bottom, i / max(steps - 1, 1)) for i in range(steps)])
    return strip.resize(size)


def paste_gradient(img, box, top: Colour, bottom: Colour, *, horizontal=False, mask=None):
    x0, y0, x1, y1 = (round(v) for v in box)
    img.paste(gradient((x1 - x0, y1 - y0), top, bottom, horizontal=horizontal), (x0, y0), mask)


def fill_shape(img, points, top: Colour, bottom: Colour, *, horizontal=False):
    """Fill a polygon with a gradient (light to shadow), for rounded objects."""
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    box = (math.floor(min(xs)), math.floor(min(ys)), math.ceil(max(xs)), math.ceil(max(ys)))
    mask = Image.new("L", (box[2] - box[0], box[3] - box[1]))
    ImageDraw.Draw(mask).polygon([(x - box[0], y - box[1]) for x, y in points], fill=255)
    paste_gradient(img, box, top, bottom, horizontal=horizontal, mask=mask)


def egg(cx, cy, rx, ry, angle=0.0, *, taper=0.0, n=18):
    """Points of an ellipse (tapered at one end when taper > 0), rotated by angle."""
    cos_a, sin_a = math.cos(angle), math.sin(angle)
    points = []
    for i in range(n):
        t = 2 * math.pi * i / n
        x = rx * math.cos(t)
        y = ry * math.sin(t) * (1 - taper * (1 + math.cos(t)) / 2)
        points.append((cx + x * cos_a - y * sin_a, cy + x * sin_a + y * cos_a))
    return points


def turned(cx, base_y, height, radii, *, angle=0.0, steps=40):
    """Outline of a turned object (urn, pot) from radii sampled bottom to top, optionally
    rotated about its centre."""
    samples = []
    last = len(radii) - 1
    for i in range(steps + 1):
        t = i / steps * last
        j = min(int(t), last - 1)
        f = t - j
        p0, p1 = radii[max(j - 1, 0)], radii[j]
        p2, p3 = radii[j + 1], radii[min(j + 2, last)]
        # Catmull-Rom: a smooth curve through every sample, no flat spots between them.
        r = 0.5 * (
            2 * p1
            + (p2 - p0) * f
            + (2 * p0 - 5 * p1 + 4 * p2 - p3) * f * f
            + (3 * p1 - p0 - 3 * p2 + p3) * f * f * f
        )
        samples.append((base_y - height * i / steps, r))
    right = [(cx + r, y) for y, r in samples]
    left = [(cx - r, y) for y, r in reversed(samples)]
    points = right + left
    if angle:
        cy = base_y - height / 2
        cos_a, sin_a = math.cos(angle), math.sin(angle)
        points = [
            (cx + (x - cx) * cos_a - (y - cy) * sin_a, cy + (x - cx) * sin_a + (y - cy) * cos_a)
            for x, y in points
        ]
    return points


@contextmanager
def soft(img, colour: Colour, radius: float):
    """Draw on the yielded mask; on leaving the block, colour is laid over img through the
    blurred mask (shadows, glows, soft edges). fill=255 is full strength, less a veil."""
    mask = Image.new("L", img.size)
    yield ImageDraw.Draw(mask)
    box = mask.getbbox()
    if box is None:
        return
    # Blur only around what was drawn: much faster than blurring the whole canvas.
    pad = math.ceil(3 * radius)
    x0, y0 = max(box[0] - pad, 0), max(box[1] - pad, 0)
    x1, y1 = min(box[2] + pad, img.width), min(box[3] + pad, img.height)
    region = mask.crop((x0, y0, x1, y1)).filter(ImageFilter.GaussianBlur(radius))
    img.paste(colour, (x0, y0, x1, y1), region)


def to_jpeg(img, rng: random.Random, *, grain: float = 0.04) -> bytes:
    """Scale down to the output size, add a little film grain, encode as JPEG."""
    small = img.convert("RGB").resize(OUTPUT, Image.Resampling.LANCZOS)
    if grain:
        noise = Image.frombytes("L", OUTPUT, rng.randbytes(OUTPUT[0] * OUTPUT[1]))
        noise = noise.filter(ImageFilter.GaussianBlur(0.6)).convert("RGB")
        small = Image.blend(small, noise, grain)
    buffer = io.BytesIO()
    small.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    return buffer.getvalue()
