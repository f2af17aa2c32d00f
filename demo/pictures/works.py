"""Illustrations of more invented works: a bamboo scaffold, a film strip, porcelain bowls, a
river painting and an apron."""

import math

from PIL import Image, ImageDraw, ImageFilter

from demo.pictures.drawing import (
    H,
    W,
    egg,
    fill_shape,
    jitter,
    mix,
    paste_gradient,
    shade,
    soft,
)

BAMBOO = (196, 166, 98)
CORD = [(196, 48, 44), (38, 96, 168), (232, 178, 40)]


def scaffold(rng):
    """Rows of bamboo poles, braced and tied with coloured cord, in a white gallery hall."""
    back = 1060  # where the floor meets the back wall
    img = Image.new("RGB", (W, H))
    paste_gradient(img, (0, 0, W, back), (236, 236, 232), (214, 212, 206))
    paste_gradient(img, (0, back, W, H), (176, 172, 166), (128, 124, 118))
    d = ImageDraw.Draw(img)
    for x in (500, 1600, 2700):  # skylights
        d.rectangle((x - 260, 0, x + 260, 40), fill=(250, 250, 246))
    for row in range(5):  # back rows first, each nearer one larger
        scale = 0.42 + 0.16 * row
        base = back + 150 + 170 * row
        height = 1700 * scale
        gap = 420 * scale
        width = max(6, round(26 * scale))
        tone = mix(BAMBOO, (226, 222, 212), 0.5 - 0.1 * row)
        count = math.ceil(W / gap) + 2
        xs = [(W - (count - 1) * gap) / 2 + i * gap + rng.uniform(-12, 12) for i in range(count)]
        with soft(img, (96, 92, 86), 14) as shadow:
            for x in xs:
                shadow.line((x, base, x + 220 * scale, base + 50 * scale), fill=130, width=width)
        levels = [base - height * f for f in (0.3, 0.62, 0.94)]
        for i, x in enumerate(xs):
            d.line((x, base, x, base - height), fill=tone, width=width)
            for node in range(1, 7):  # the joints along each pole
                y = base - height * node / 7
                d.line((x - width / 2, y, x + width / 2, y), fill=shade(tone, 0.78), width=3)
            if i + 1 < len(xs) and i % 2 == row % 2:  # a brace across every other bay
                d.line((x, levels[0], xs[i + 1], levels[2]), fill=tone, width=width - 2)
        for y in levels:  # the ledgers, tied at every pole
            d.line((xs[0], y, xs[-1], y), fill=shade(tone, 0.94), width=width - 2)
            for x in xs:
                knot = jitter(rng.choice(CORD), rng, 16)
                r = width * 0.9
                d.rounded_rectangle((x - r, y - r, x + r, y + r), r / 2, fill=knot)
    return img


def film_frames(rng):
    """A strip of film: three frames of a photographer on a quay while the sky brightens."""
    img = Image.new("RGB", (W, H), (18, 18, 20))
    d = ImageDraw.Draw(img)
    top, bottom = 330, 1670
    d.rectangle((0, top, W, bottom), fill=(40, 34, 28))
    for x in range(-40, W, 120):  # sprocket holes
        for y in (top + 40, bottom - 110):
            d.rounded_rectangle((x, y, x + 60, y + 70), 12, fill=(222, 214, 196))
    fw, fh, gap = 980, 900, 70
    left = (W - 3 * fw - 2 * gap) // 2
    for frame in range(3):
        light = frame / 2
        panel = Image.new("RGB", (fw, fh))
        horizon = 520
        sky_top = mix((34, 40, 70), (104, 130, 184), light)
        sky_low = mix((84, 70, 96), (246, 194, 170), light)
        paste_gradient(panel, (0, 0, fw, horizon), sky_top, sky_low)
        paste_gradient(panel, (0, horizon, fw, fh), shade(sky_low, 0.8), shade(sky_top, 0.7))
        p = ImageDraw.Draw(panel)
        for _ in range(60):  # ripples
            y, x = rng.uniform(horizon + 10, 760), rng.uniform(-40, fw)
            p.line((x, y, x + rng.uniform(30, 140), y), fill=shade(sky_low, 0.95), width=3)
        dark = mix((14, 14, 18), (40, 36, 44), light)
        p.rectangle((0, 760, fw, fh), fill=dark)  # the quay
        cx = 380
        p.rounded_rectangle((cx - 34, 560, cx + 34, 760), 20, fill=dark)  # the photographer
        p.ellipse((cx - 30, 500, cx + 30, 560), fill=dark)
        p.line((cx + 30, 600, cx + 110, 640), fill=dark, width=18)
        for foot in (cx + 60, cx + 130, cx + 200):  # the tripod and camera
            p.line((cx + 130, 620, foot, 760), fill=dark, width=8)
        p.rectangle((cx + 100, 590, cx + 170, 630), fill=dark)
        p.line((620, 760, 620, 420), fill=dark, width=14)  # a mooring post and its rope
        p.line((620, 440, fw, 500), fill=dark, width=4)
        img.paste(panel.filter(ImageFilter.GaussianBlur(2)), (left + frame * (fw + gap), 550))
    return img


def lantern_bowls(rng):
    """Three thin porcelain bowls on a dark shelf, lit from behind so they glow."""
    img = Image.new("RGB", (W, H))
    paste_gradient(img, (0, 0, W, H), (52, 56, 64), (24, 26, 30))
    shelf = 1420
    with soft(img, (255, 214, 150), 220) as lamp:  # the lamp behind the bowls
        lamp.ellipse((900, 400, 2300, 1300), fill=150)
    d = ImageDraw.Draw(img)
    d.rectangle((0, shelf, W, H), fill=(44, 38, 34))
    d.rectangle((0, shelf, W, shelf + 16), fill=(82, 72, 62))
    for cx, r, depth in ((960, 380, 330), (1640, 440, 380), (2320, 340, 300)):
        rim = shelf - depth - 36
        with soft(img, (10, 10, 12), 30) as shadow:
            shadow.ellipse((cx - r * 0.7, shelf - 10, cx + r * 0.9, shelf + 40), fill=200)
        d.rectangle((cx - r * 0.28, shelf - 40, cx + r * 0.28, shelf), fill=(214, 206, 190))
        wall = [(cx + r * math.cos(t), rim + depth * math.sin(t)) for t in _steps(0, math.pi)]
        fill_shape(img, wall, (250, 236, 206), (196, 184, 166), horizontal=True)
        with soft(img, (255, 244, 214), 40) as glow:  # light through the thinnest part
            glow.ellipse(
                (cx - r * 0.55, rim + depth * 0.15, cx + r * 0.45, rim + depth * 0.7), fill=120
            )
        d.ellipse((cx - r, rim - r * 0.16, cx + r, rim + r * 0.16), fill=(238, 232, 220))
        inner = r - 14
        d.ellipse(
            (cx - inner, rim - inner * 0.14, cx + inner, rim + inner * 0.16), fill=(178, 170, 158)
        )
    return img


def _steps(start, stop, n=36):
    return [start + (stop - start) * i / n for i in range(n + 1)]


RIVER_BANDS = [(196, 150, 72), (122, 138, 112), (62, 74, 86)]


def two_rivers(rng):
    """A wide painting of soft ochre, grey-green and slate bands, hung on a pale wall."""
    img = Image.new("RGB", (W, H))
    paste_gradient(img, (0, 0, W, H), (238, 236, 230), (214, 210, 202))
    ph = 1380
    pw = round(ph * 160 / 120)  # the canvas's own proportions
    px, py = (W - pw) // 2, (H - ph) // 2 - 40
    with soft(img, (150, 146, 140), 26) as shadow:
        shadow.rectangle((px + 20, py + 40, px + pw + 30, py + ph + 40), fill=200)
    canvas = Image.new("RGB", (pw, ph), shade(RIVER_BANDS[2], 0.8))
    d = ImageDraw.Draw(canvas)
    d.rectangle((80, 80, pw - 80, 560), fill=RIVER_BANDS[0])
    d.rectangle((80, 640, pw - 80, 960), fill=RIVER_BANDS[1])
    d.rectangle((80, 1020, pw - 80, ph - 80), fill=RIVER_BANDS[2])
    canvas = canvas.filter(ImageFilter.GaussianBlur(30))
    d = ImageDraw.Draw(canvas)
    d.line((120, 600, pw - 120, 596), fill=(226, 214, 180), width=10)  # the thin pale line
    strokes = canvas.copy()
    d = ImageDraw.Draw(strokes)
    for _ in range(800):  # brush strokes in the colour beneath them, half transparent
        length = rng.uniform(80, 320)
        x, y = rng.uniform(100, pw - 100 - length), rng.uniform(100, ph - 100)
        colour = jitter(canvas.getpixel((round(x + length / 2), round(y))), rng, 8)
        d.line((x, y, x + length, y + rng.uniform(-4, 4)), fill=colour, width=rng.randint(6, 18))
    img.paste(Image.blend(canvas, strokes.filter(ImageFilter.GaussianBlur(3)), 0.5), (px, py))
    return img


INDIGO = (30, 46, 96)


def apron(rng):
    """An indigo apron with pale stripes, hanging from a wooden peg on a white wall."""
    img = Image.new("RGB", (W, H))
    paste_gradient(img, (0, 0, W, H), (240, 238, 232), (218, 214, 206))
    d = ImageDraw.Draw(img)
    d.rectangle((0, 250, W, 320), fill=(170, 128, 86))  # the peg rail
    d.rectangle((0, 250, W, 262), fill=(200, 160, 116))
    cx = W // 2
    outline = [
        (cx - 300, 560),
        (cx + 300, 560),
        (cx + 330, 900),
        (cx + 560, 1000),
        (cx + 600, 1900),
        (cx - 600, 1900),
        (cx - 560, 1000),
        (cx - 330, 900),
    ]
    with soft(img, (120, 116, 108), 30) as shadow:
        shadow.polygon([(x + 40, y + 30) for x, y in outline], fill=190)
    d.line((cx - 280, 570, cx - 20, 300, cx + 20, 300, cx + 280, 570), fill=INDIGO, width=36)
    d.ellipse((cx - 60, 250, cx + 60, 370), fill=(150, 110, 72))  # the peg
    cloth = Image.new("RGB", (W, H), INDIGO)
    pattern = Image.new("L", (W, H))
    p = ImageDraw.Draw(pattern)
    for x in range(cx - 640, cx + 640, 150):  # pale stripes where the folds kept the dye out
        wobble = [
            (x + 14 * math.sin(y / 90 + x) + rng.uniform(-4, 4), y) for y in range(500, 1950, 50)
        ]
        p.line(wobble, fill=rng.randint(150, 210), width=34)
    pattern = pattern.filter(ImageFilter.GaussianBlur(10))
    cloth.paste((198, 208, 226), (0, 0), pattern)
    mask = Image.new("L", (W, H))
    ImageDraw.Draw(mask).polygon(outline, fill=255)
    img.paste(cloth, (0, 0), mask)
    d.rectangle((cx - 320, 1260, cx + 320, 1560), outline=shade(INDIGO, 0.6), width=10)  # pocket
    d.line((cx, 1260, cx, 1560), fill=shade(INDIGO, 0.6), width=8)
    for side in (-1, 1):  # the waist ties, hanging loose
        tie = [(cx + side * 560, 1000), (cx + side * 640, 1300), (cx + side * 610, 1620)]
        d.line(tie, fill=shade(INDIGO, 0.85), width=30, joint="curve")
    with soft(img, (255, 255, 255), 40) as light:
        light.polygon(egg(cx - 260, 1100, 140, 420, 0.1), fill=40)
    return img


DRAWINGS = {
    "scaffold": scaffold,
    "film_frames": film_frames,
    "lantern_bowls": lantern_bowls,
    "two_rivers": two_rivers,
    "apron": apron,
}
