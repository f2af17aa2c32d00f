"""Illustrations for the demo's Ai Weiwei works. Abstract stand-ins drawn with Pillow, not
reproductions: nothing is downloaded."""

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
    turned,
)

URN_RADII = [40, 70, 98, 92, 60, 34, 38, 52]  # foot, belly, shoulder, neck, lip


def urn(rng):
    """Three black and white panels: holding the urn, letting it fall, the shards."""
    img = Image.new("RGB", (W, H), (236, 234, 228))
    pw, gap = 900, 90
    ph = round(pw * 148 / 121)  # the photographs' own proportions
    left, top = (W - 3 * pw - 2 * gap) // 2, (H - ph) // 2
    for stage in range(3):
        panel = Image.new("RGB", (pw, ph))
        floor = round(ph * 0.8)
        exposure = 1 - 0.04 * stage
        paste_gradient(panel, (0, 0, pw, floor), (205,) * 3, (168,) * 3)
        paste_gradient(panel, (0, floor, pw, ph), (150,) * 3, (112,) * 3)
        d = ImageDraw.Draw(panel)
        cx, dark, light = pw // 2, (34, 34, 34), (196, 196, 196)
        with soft(panel, (70, 70, 70), 18) as shadow:
            shadow.ellipse((cx - 220, floor - 20, cx + 220, floor + 40), fill=200)
        d.rounded_rectangle((cx - 95, floor - 330, cx - 15, floor), 30, fill=dark)  # legs
        d.rounded_rectangle((cx + 15, floor - 330, cx + 95, floor), 30, fill=dark)
        d.rounded_rectangle((cx - 115, floor - 660, cx + 115, floor - 300), 60, fill=dark)
        d.ellipse((cx - 62, floor - 800, cx + 62, floor - 668), fill=dark)  # head
        shoulders = [(cx - 100, floor - 620), (cx + 100, floor - 620)]
        if stage == 0:  # holding the urn in front of the chest
            hands, urn_at, tilt = [(cx - 95, floor - 470), (cx + 95, floor - 470)], 300, 0.0
        elif stage == 1:  # hands open, the urn falling
            hands, urn_at, tilt = [(cx - 210, floor - 500), (cx + 210, floor - 500)], 120, 0.5
        else:  # arms down
            hands, urn_at, tilt = [(cx - 150, floor - 330), (cx + 150, floor - 330)], None, 0.0
        for shoulder, hand in zip(shoulders, hands, strict=True):
            elbow = (
                (shoulder[0] + hand[0]) / 2 + (hand[0] - cx) * 0.3,
                (shoulder[1] + hand[1]) / 2 + 60,
            )
            d.line([shoulder, elbow, hand], fill=dark, width=56, joint="curve")
            d.ellipse((hand[0] - 32, hand[1] - 32, hand[0] + 32, hand[1] + 32), fill=dark)
        if urn_at is not None:
            base = floor - urn_at
            outline = turned(cx, base, 230, URN_RADII, angle=tilt)
            fill_shape(panel, outline, light, (110,) * 3, horizontal=True)
        else:
            for _ in range(26):  # the shards
                sx, sy = cx + rng.gauss(0, 150), floor + 10 + rng.gauss(0, 40)
                size = rng.uniform(14, 46)
                points = egg(sx, sy, size, size * 0.5, rng.uniform(0, math.pi), taper=0.7, n=5)
                d.polygon(points, fill=jitter(light, rng, 25))
        panel = panel.convert("L").point(lambda v, e=exposure: round(v * e))
        img.paste(panel.filter(ImageFilter.GaussianBlur(1.5)), (left + stage * (pw + gap), top))
    return img


def perspective(rng):
    """A monumental façade, with a raised hand out of focus in the foreground."""
    horizon = 1300
    img = Image.new("RGB", (W, H))
    paste_gradient(img, (0, 0, W, horizon), (128, 165, 210), (226, 232, 236))
    paste_gradient(img, (0, horizon, W, H), (176, 170, 162), (118, 112, 106))
    d = ImageDraw.Draw(img)
    stone, recess = (214, 204, 182), (150, 140, 122)
    d.rectangle((1450, 430, 2050, 760), fill=stone)  # central block and dome
    d.chord((1520, 240, 1980, 620), 180, 360, fill=(196, 186, 166))
    d.rectangle((400, 740, 2800, 840), fill=shade(stone, 0.93))
    d.rectangle((400, 840, 2800, horizon - 60), fill=recess)
    for i in range(16):
        x = 440 + i * 146
        d.rectangle((x, 840, x + 70, horizon - 60), fill=stone)
        d.rectangle((x + 50, 840, x + 70, horizon - 60), fill=shade(stone, 0.85))
    for step in range(4):
        y = horizon - 60 + step * 15
        d.rectangle(
            (380 - step * 20, y, 2820 + step * 20, y + 15), fill=mix(stone, recess, step / 5)
        )

    with soft(img, (58, 46, 40), 9) as hand:  # out of focus, close to the camera
        hand.line([(3300, 2150), (2600, 1480)], fill=255, width=300)
        hand.rounded_rectangle((2330, 1180, 2700, 1560), 90, fill=255)  # fist
        hand.rounded_rectangle((2450, 640, 2570, 1250), 60, fill=255)  # the raised finger
        hand.rounded_rectangle((2290, 1330, 2560, 1440), 55, fill=255)  # thumb
    with soft(img, (96, 76, 64), 12) as light:
        light.rounded_rectangle((2470, 660, 2505, 1180), 18, fill=120)
    return img


BACKPACK_COLOURS = [(196, 40, 42), (236, 188, 38), (38, 88, 170), (58, 140, 80), (238, 236, 228)]


def backpacks(rng):
    """A museum façade behind its columns, covered in bands of coloured backpacks."""
    img = Image.new("RGB", (W, H))
    paste_gradient(img, (0, 0, W, 320), (150, 182, 222), (214, 224, 234))
    d = ImageDraw.Draw(img)
    wall = (214, 204, 184)
    d.rectangle((0, 320, W, 1660), fill=wall)
    d.rectangle((0, 300, W, 400), fill=(190, 180, 160))  # cornice
    cell, cols, rows = 30, 96, 34
    x0, y0 = (W - cols * cell) // 2, 440
    for row in range(rows):
        for col in range(cols):
            wave = row + 3.2 * math.sin(col / 7.0) + 1.5 * math.sin(col / 2.9)
            colour = jitter(BACKPACK_COLOURS[int(wave // 4) % len(BACKPACK_COLOURS)], rng, 14)
            x, y = x0 + col * cell, y0 + row * cell
            d.rounded_rectangle((x + 3, y + 3, x + cell - 3, y + cell - 3), 6, fill=colour)
            d.line((x + 5, y + 11, x + cell - 5, y + 11), fill=mix(colour, (0, 0, 0), 0.3), width=2)
    for i in range(11):  # the colonnade in front
        x = 120 + i * 290
        with soft(img, (120, 110, 95), 20) as shadow:
            shadow.rectangle((x + 60, 420, x + 120, 1660), fill=150)
        d.rectangle((x, 420, x + 84, 1660), fill=(232, 224, 206))
        d.rectangle((x + 60, 420, x + 84, 1660), fill=(196, 186, 164))
        d.rectangle((x - 18, 400, x + 102, 440), fill=(222, 214, 196))
    paste_gradient(img, (0, 1660, W, H), (192, 186, 178), (140, 134, 126))
    for step in range(5):
        d.line((0, 1660 + step * 26, W, 1660 + step * 26), fill=(170, 164, 156), width=4)
    return img


def seeds(rng):
    """A floor covered in small grey seeds, larger towards the viewer."""
    img = Image.new("RGB", (W, H), (62, 60, 56))
    d = ImageDraw.Draw(img)
    y = -30.0
    while y < H + 40:
        depth = max(y, 0) / H
        size = 18 + 38 * depth
        x = -rng.uniform(0, size)
        while x < W + 40:
            grey = rng.randint(118, 178) * (0.72 + 0.34 * depth)
            colour = (round(grey), round(grey * 0.98), round(grey * 0.94))
            angle = rng.uniform(0, 2 * math.pi)
            outline = egg(x, y + rng.uniform(-4, 4), size, size * 0.46, angle, taper=0.55)
            d.polygon(outline, fill=colour, outline=mix(colour, (30, 30, 30), 0.5))
            dx, dy = math.cos(angle) * size * 0.5, math.sin(angle) * size * 0.5
            d.line(
                (x - dx, y - dy, x + dx, y + dy), fill=mix(colour, (240, 240, 236), 0.45), width=2
            )
            x += size * rng.uniform(0.95, 1.25)
        y += size * 0.62
    return img


DRAWINGS = {
    "urn": urn,
    "perspective": perspective,
    "backpacks": backpacks,
    "seeds": seeds,
}
