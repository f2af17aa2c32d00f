"""Illustrations of objects for the invented works and figures: pots, painting, cloth, lunch."""

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

# (centre x, height, radii from foot to lip) of each pot, and its glaze
POTS = [
    (560, 520, [70, 180, 200, 150, 70, 62, 78], (112, 80, 58)),
    (1050, 860, [90, 200, 230, 190, 100, 60, 56, 70], (104, 140, 110)),
    (1600, 620, [110, 230, 250, 210, 120, 110], (196, 170, 128)),
    (2120, 940, [80, 160, 190, 170, 110, 60, 54, 66], (58, 72, 64)),
    (2640, 560, [90, 190, 210, 150, 80, 90], (164, 94, 60)),
]


def vessels(rng):
    """Five round-bellied glazed pots on a wooden shelf."""
    img = Image.new("RGB", (W, H))
    paste_gradient(img, (0, 0, W, H), (228, 218, 198), (196, 184, 164))
    shelf = 1480
    with soft(img, (120, 96, 70), 30) as shadow:
        shadow.rectangle((0, shelf + 70, W, shelf + 150), fill=190)
    for cx, height, radii, glaze in POTS:
        with soft(img, (150, 134, 112), 40) as shadow:
            shadow.ellipse((cx - 100, shelf - height * 0.9, cx + 320, shelf + 10), fill=150)
        lit, unlit = mix(glaze, (255, 255, 255), 0.35), shade(glaze, 0.55)
        fill_shape(img, turned(cx, shelf, height, radii), lit, unlit, horizontal=True)
        r = max(radii)
        with soft(img, (255, 250, 240), 18) as highlight:
            box = (cx - r * 0.62, shelf - height * 0.62, cx - r * 0.38, shelf - height * 0.3)
            highlight.ellipse(box, fill=110)
    d = ImageDraw.Draw(img)
    d.rectangle((0, shelf, W, shelf + 70), fill=(156, 110, 72))
    d.rectangle((0, shelf, W, shelf + 12), fill=(190, 146, 100))
    return img


def blue_hours(rng):
    """A painting of soft blue bands, hung on a pale wall."""
    img = Image.new("RGB", (W, H))
    paste_gradient(img, (0, 0, W, H), (238, 236, 230), (214, 210, 202))
    ph = 1600
    pw = round(ph * 140 / 180)  # the canvas's own proportions
    px, py = (W - pw) // 2, (H - ph) // 2 - 40
    with soft(img, (150, 146, 140), 26) as shadow:
        shadow.rectangle((px + 20, py + 40, px + pw + 30, py + ph + 40), fill=200)
    canvas = Image.new("RGB", (pw, ph), (20, 30, 64))
    d = ImageDraw.Draw(canvas)
    d.rectangle((80, 90, pw - 80, 560), fill=(18, 26, 60))
    d.rectangle((80, 640, pw - 80, 1080), fill=(42, 72, 138))
    d.rectangle((80, 1150, pw - 80, ph - 90), fill=(92, 134, 192))
    canvas = canvas.filter(ImageFilter.GaussianBlur(34))
    strokes = canvas.copy()
    d = ImageDraw.Draw(strokes)
    for _ in range(700):  # brush strokes in the colour beneath them, half transparent
        length = rng.uniform(60, 260)
        x, y = rng.uniform(100, pw - 100 - length), rng.uniform(100, ph - 100)
        colour = jitter(canvas.getpixel((round(x + length / 2), round(y))), rng, 7)
        d.line((x, y, x + length, y + rng.uniform(-4, 4)), fill=colour, width=rng.randint(6, 18))
    img.paste(Image.blend(canvas, strokes.filter(ImageFilter.GaussianBlur(3)), 0.5), (px, py))
    return img


def indigo(rng):
    """Indigo cloth with pale rings and diamonds where folds kept the dye out."""
    img = Image.new("RGB", (W, H), (26, 42, 92))
    mask = Image.new("L", (W, H))
    d = ImageDraw.Draw(mask)
    step = 250
    for row, y in enumerate(range(-step // 2, H + step, step)):
        for x in range(-step // 2 + (step // 2) * (row % 2), W + step, step):
            cx, cy = x + rng.uniform(-12, 12), y + rng.uniform(-12, 12)
            strength = rng.randint(170, 240)  # the dye reaches some folds more than others
            if row % 2:
                diamond = [(cx, cy - 95), (cx + 95, cy), (cx, cy + 95), (cx - 95, cy)]
                d.polygon(diamond, outline=strength, width=26)
            else:
                d.ellipse((cx - 82, cy - 82, cx + 82, cy + 82), outline=strength, width=28)
            d.ellipse((cx - 14, cy - 14, cx + 14, cy + 14), fill=strength - 30)
    for x in range(0, W, step):  # creases
        d.line((x, 0, x + rng.uniform(-20, 20), H), fill=70, width=6)
    img.paste((206, 214, 228), (0, 0), mask.filter(ImageFilter.GaussianBlur(12)))
    return img


PLATES = [(900, 880, 340), (2200, 760, 300), (1620, 1520, 250), (2720, 1520, 170)]
SALAD = [(86, 150, 64), (120, 176, 80), (60, 116, 52), (210, 64, 50)]
STEEL = (196, 198, 202)


def lunch(rng):
    """Seen from above: a wooden table set with plates of food."""
    img = Image.new("RGB", (W, H))
    d = ImageDraw.Draw(img)
    for y in range(0, H, 260):  # planks
        top, bottom = jitter((158, 108, 68), rng, 12), jitter((140, 94, 58), rng, 12)
        paste_gradient(img, (0, y, W, y + 260), top, bottom)
        d.line((0, y, W, y), fill=(96, 62, 38), width=6)
    for _ in range(140):  # wood grain
        y, x = rng.uniform(0, H), rng.uniform(-200, W)
        box = (x, y, x + rng.uniform(300, 900), y + rng.uniform(20, 60))
        d.arc(box, 180, 360, fill=(122, 80, 48), width=3)
    for cx, cy, r in PLATES:
        with soft(img, (70, 46, 30), 26) as shadow:
            shadow.ellipse((cx - r + 30, cy - r + 40, cx + r + 30, cy + r + 40), fill=170)
        d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(246, 244, 238))
        well = r * 0.78
        d.ellipse((cx - well, cy - well, cx + well, cy + well), fill=(236, 233, 226))
    for _ in range(70):  # salad
        angle, dist = rng.uniform(0, 2 * math.pi), 240 * math.sqrt(rng.random())
        x, y, s = 900 + dist * math.cos(angle), 880 + dist * math.sin(angle), rng.uniform(22, 50)
        leaf = egg(x, y, s, s * 0.6, rng.uniform(0, math.pi), taper=0.3)
        d.polygon(leaf, fill=jitter(rng.choice(SALAD), rng, 12))
    d.polygon(egg(2200, 760, 200, 130, 0.3), fill=(236, 184, 70))  # tart
    for _ in range(30):
        x, y = 2200 + rng.uniform(-150, 150), 760 + rng.uniform(-90, 90)
        d.ellipse((x - 9, y - 9, x + 9, y + 9), fill=(70, 120, 50))
    for i in range(3):  # bread
        slice_ = egg(1560 + i * 60, 1500 + i * 30, 120, 80, 0.5)
        d.polygon(slice_, fill=(214, 170, 112), outline=(150, 104, 60))
    d.ellipse((2590, 1390, 2850, 1650), fill=(184, 58, 40))  # soup
    d.rounded_rectangle((1320, 560, 1352, 1220), 14, fill=STEEL)  # knife
    d.rounded_rectangle((430, 760, 456, 1220), 12, fill=STEEL)  # fork
    for x in range(424, 470, 15):
        d.line((x, 560, x, 780), fill=STEEL, width=8)
    with soft(img, (214, 232, 240), 4) as water:  # a glass
        water.ellipse((300, 1450, 560, 1710), fill=120)
    with soft(img, (250, 250, 250), 3) as rim:
        rim.ellipse((300, 1450, 560, 1710), outline=200, width=12)
    return img


DRAWINGS = {
    "vessels": vessels,
    "blue_hours": blue_hours,
    "indigo": indigo,
    "lunch": lunch,
}
