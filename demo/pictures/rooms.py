"""Illustrations of exhibition rooms, for the demo's invented shows."""

from PIL import Image, ImageDraw, ImageFilter

from demo.pictures.drawing import H, W, jitter, mix, paste_gradient, shade, soft

OAK = (168, 122, 78)
BANDS = [(18, 26, 60), (42, 72, 138), (92, 134, 192)]  # the blue of Blue Hours, dark to light


def gallery_bench(rng):
    """A long wooden bench in an empty gallery, facing a painting of soft blue bands."""
    back = 1240  # where the floor meets the back wall
    img = Image.new("RGB", (W, H))
    paste_gradient(img, (0, 0, W, back), (240, 238, 232), (222, 218, 210))
    paste_gradient(img, (0, back, W, H), (196, 186, 170), (150, 138, 120))
    d = ImageDraw.Draw(img)
    for i in range(14):  # floorboards running towards the wall
        x = -400 + i * 300
        d.line((x, H, W / 2 + (x - W / 2) * 0.35, back), fill=(170, 158, 140), width=4)
    px, py, pw, ph = 1120, 220, 960, 820
    with soft(img, (150, 146, 140), 24) as shadow:
        shadow.rectangle((px + 20, py + 30, px + pw + 30, py + ph + 30), fill=190)
    canvas = Image.new("RGB", (pw, ph), BANDS[0])
    c = ImageDraw.Draw(canvas)
    for band, (top, bottom) in enumerate(((50, 290), (330, 560), (600, ph - 50))):
        c.rectangle((50, top, pw - 50, bottom), fill=BANDS[band])
    canvas = canvas.filter(ImageFilter.GaussianBlur(22))
    c = ImageDraw.Draw(canvas)
    for _ in range(300):  # brush strokes a shade off the colour beneath them
        length = rng.uniform(40, 160)
        x, y = rng.uniform(60, pw - 60 - length), rng.uniform(60, ph - 60)
        colour = jitter(canvas.getpixel((round(x), round(y))), rng, 6)
        c.line((x, y, x + length, y), fill=colour, width=rng.randint(4, 12))
    img.paste(canvas.filter(ImageFilter.GaussianBlur(2)), (px, py))
    seat, left, right = 1560, 700, 2500  # the bench, long and low, facing the painting
    with soft(img, (96, 84, 70), 30) as shadow:
        shadow.rectangle((left - 20, seat + 250, right + 60, seat + 330), fill=170)
    d.rectangle((left, seat, right, seat + 70), fill=OAK)
    d.rectangle((left, seat, right, seat + 14), fill=mix(OAK, (255, 240, 220), 0.35))
    for x in (left + 60, right - 120):
        d.rectangle((x, seat + 70, x + 60, seat + 300), fill=shade(OAK, 0.7))
    return img


DRAWINGS = {"gallery_bench": gallery_bench}
