"""Illustrations of places for the invented works and figures: harbour, road, house, tiles."""

import math

from PIL import Image, ImageDraw

from demo.pictures.drawing import H, W, fill_shape, jitter, mix, paste_gradient, shade, soft


def harbour(rng):
    """A harbour at dawn: posts, two boats, a pink sky in still water."""
    horizon, dark = 1100, (38, 34, 42)
    img = Image.new("RGB", (W, H))
    paste_gradient(img, (0, 0, W, horizon), (92, 108, 150), (242, 192, 178))
    paste_gradient(img, (0, horizon, W, H), (206, 166, 170), (56, 66, 92))
    with soft(img, (255, 226, 204), 30) as glow:  # the sun, about to rise
        glow.ellipse((2180, 960, 2420, 1200), fill=255)
    d = ImageDraw.Draw(img)
    hills = [(x, horizon - 40 - 50 * math.sin(x / 420) ** 2) for x in range(0, W + 1, 80)]
    d.polygon([(0, horizon), *hills, (W, horizon)], fill=(74, 72, 94))
    for _ in range(260):  # ripples, a shade lighter or darker than the water around them
        depth = rng.random() ** 1.6
        y, x = horizon + (H - horizon) * depth, rng.uniform(-100, W)
        tone = shade(mix((206, 166, 170), (56, 66, 92), depth), rng.choice((0.82, 1.12)))
        d.line((x, y, x + 30 + 220 * depth, y), fill=tone, width=rng.randint(2, 5))
    for i in range(9):  # posts receding to the left, each with its reflection
        t = i / 8
        x, base, height, width = 260 + 1100 * t, 1720 - 560 * t, 520 - 380 * t, 46 - 30 * t
        d.rectangle((x, base - height, x + width, base), fill=dark)
        with soft(img, (60, 58, 74), 10) as reflection:
            reflection.rectangle((x, base, x + width, base + height * 0.7), fill=170)
    for bx, by, s in ((1900, 1330, 1.0), (2650, 1210, 0.6)):
        hull = [(bx - 260 * s, by - 70 * s), (bx + 300 * s, by - 70 * s)]
        hull += [(bx + 220 * s, by), (bx - 200 * s, by)]
        d.polygon(hull, fill=dark)
        d.rectangle((bx - 80 * s, by - 170 * s, bx + 80 * s, by - 70 * s), fill=dark)
        d.line((bx, by - 70 * s, bx, by - 560 * s), fill=dark, width=round(10 * s))
        with soft(img, (52, 52, 70), 14) as reflection:
            reflection.polygon([(x, 2 * by - y + 8 * s) for x, y in hull], fill=160)
    return img


def salt_road(rng):
    """A straight road across a white plain, telegraph poles beside it."""
    horizon, vx, wood = 900, 1600, (66, 56, 50)
    img = Image.new("RGB", (W, H))
    paste_gradient(img, (0, 0, W, horizon), (146, 168, 192), (232, 234, 230))
    paste_gradient(img, (0, horizon, W, H), (244, 240, 232), (220, 214, 202))
    d = ImageDraw.Draw(img)
    hills = [(0, horizon), (700, horizon - 40), (1500, horizon - 16), (2400, horizon - 52)]
    d.polygon([*hills, (W, horizon)], fill=(176, 180, 194))
    for _ in range(260):  # cracks in the salt
        y = horizon + (H - horizon) * rng.random() ** 1.4
        x, length = rng.uniform(0, W), 20 + 140 * (y - horizon) / (H - horizon)
        end = (x + rng.uniform(-1, 1) * length, y + rng.uniform(-0.2, 0.2) * length)
        d.line((x, y, *end), fill=(200, 194, 182), width=2)
    d.polygon([(vx - 6, horizon), (vx + 6, horizon), (2200, H), (1000, H)], fill=(74, 74, 78))
    for i in range(18):  # centre dashes, longer as they come closer
        near, far = (i / 18) ** 2, ((i + 0.5) / 18) ** 2
        dash = [
            (vx - 2 - 8 * near, horizon + 1100 * near),
            (vx + 2 + 8 * near, horizon + 1100 * near),
        ]
        dash += [(vx + 2 + 8 * far, horizon + 1100 * far), (vx - 2 - 8 * far, horizon + 1100 * far)]
        d.polygon(dash, fill=(236, 226, 190))
    tops = []
    for k in (1.0, 0.62, 0.4, 0.26, 0.17, 0.11, 0.07):  # poles, each nearer one larger
        x, base, height = vx + 1350 * k, horizon + 1050 * k, 980 * k
        arm = base - height * 0.92
        d.line((x, base, x, base - height), fill=wood, width=max(3, round(26 * k)))
        d.line((x - 90 * k, arm, x + 90 * k, arm), fill=wood, width=max(2, round(14 * k)))
        tops.append((x, arm))
    d.line(tops, fill=(90, 86, 84), width=3)
    return img


def river_house(rng):
    """A long concrete house reaching out over a river from a wooded bank."""
    img = Image.new("RGB", (W, H))
    paste_gradient(img, (0, 0, W, 1100), (150, 184, 220), (230, 234, 232))
    d = ImageDraw.Draw(img)
    for _ in range(150):  # far bank
        x, r = rng.uniform(-50, W + 50), rng.uniform(60, 130)
        d.ellipse((x - r, 1040 - r * 1.3, x + r, 1140), fill=jitter((84, 112, 78), rng, 14))
    paste_gradient(img, (0, 1120, W, H), (126, 152, 160), (42, 68, 84))
    for _ in range(300):  # ripples
        y, x = rng.uniform(1130, H), rng.uniform(0, W)
        d.line((x, y, x + rng.uniform(60, 260), y), fill=jitter((150, 176, 184), rng, 20), width=3)
    d.polygon([(0, 640), (900, 700), (1250, 900), (1500, 1280), (0, 1380)], fill=(96, 112, 70))
    for _ in range(60):  # trees on the near bank
        x, r = rng.uniform(-80, 1100), rng.uniform(80, 170)
        y = 560 + 0.2 * x + rng.uniform(-60, 40)
        d.ellipse((x - r, y - r, x + r, y + r), fill=jitter((62, 96, 58), rng, 16))
    with soft(img, (30, 40, 46), 30) as reflection:
        reflection.rectangle((1400, 1240, 2560, 1480), fill=150)
    d.rectangle((600, 960, 900, 1300), fill=(150, 148, 142))  # the supporting wall
    d.rectangle((500, 680, 2560, 1000), fill=(184, 182, 176))
    d.rectangle((500, 680, 2560, 700), fill=(214, 212, 206))
    glass = [(700, 790), (2480, 790), (2480, 900), (700, 900)]
    fill_shape(img, glass, (44, 56, 70), (96, 118, 138), horizontal=True)
    for x in range(700, 2481, 178):
        d.line((x, 790, x, 900), fill=(170, 168, 162), width=8)
    with soft(img, (20, 24, 28), 12) as shadow:
        shadow.rectangle((500, 1000, 2560, 1030), fill=200)
    return img


def tiles(rng):
    """A house front of blue and white tiles, with two windows."""
    img = Image.new("RGB", (W, H), (196, 196, 190))
    d = ImageDraw.Draw(img)
    size, blue, white = 160, (34, 72, 152), (240, 240, 236)
    inner = size - 6  # each tile, inside its grout
    for ty in range(0, H, size):
        for tx in range(0, W, size):
            x, y = tx + 3, ty + 3
            d.rectangle((x, y, x + inner, y + inner), fill=jitter((238, 238, 230), rng, 6))
            tone = jitter(blue, rng, 10)
            corners = ((x, y, 0), (x + inner, y, 90), (x + inner, y + inner, 180))
            for cx, cy, start in (*corners, (x, y + inner, 270)):  # quarter circles meet
                d.pieslice((cx - 56, cy - 56, cx + 56, cy + 56), start, start + 90, fill=tone)
            cx, cy = x + inner / 2, y + inner / 2
            diamond = [(cx, cy - 44), (cx + 44, cy), (cx, cy + 44), (cx - 44, cy)]
            d.polygon(diamond, outline=tone, width=10)
            d.ellipse((cx - 10, cy - 10, cx + 10, cy + 10), fill=tone)
    d.rectangle((0, 0, W, 130), fill=(226, 222, 212))
    d.rectangle((0, 1820, W, H), fill=(140, 140, 138))
    for wx in (640, 2080):
        d.rectangle((wx - 50, 330, wx + 530, 1560), fill=(228, 224, 214))
        pane = [(wx, 380), (wx + 480, 380), (wx + 480, 1500), (wx, 1500)]
        fill_shape(img, pane, (60, 74, 92), (30, 36, 46))
        d.line((wx + 240, 380, wx + 240, 1500), fill=white, width=16)
        for y in (740, 1100):
            d.line((wx, y, wx + 480, y), fill=white, width=14)
        d.rectangle((wx - 70, 1330, wx + 550, 1350), fill=(30, 30, 32))  # balcony rail
        for x in range(wx - 60, wx + 550, 40):
            d.line((x, 1350, x, 1560), fill=(30, 30, 32), width=8)
    return img


DRAWINGS = {
    "harbour": harbour,
    "salt_road": salt_road,
    "river_house": river_house,
    "tiles": tiles,
}
