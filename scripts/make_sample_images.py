#!/usr/bin/python3
"""Draws the sample export's photo attachments (data/attachments/ID/NAME.jpg).

The sample board's articles mention photos; these are simple drawings made here (sky,
hills, a stage and rows of people) so that image previews have something same-origin to
show. Deterministic: the same files every run. Needs Pillow (Debian: python3-pil).
Usage: /usr/bin/python3 scripts/make_sample_images.py  (then update sizes in articles.json)
"""
import os
import random
import sys

from PIL import Image, ImageDraw

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "attachments")

# (article id, file name, sky top, sky bottom, seed)
PHOTOS = [
    ("1751", "사진1.jpg", (64, 110, 170), (190, 215, 235), 1),
    ("1719", "교류단_단체사진.jpg", (240, 150, 90), (250, 220, 170), 2),
    ("1719", "한지공예_체험.jpg", (120, 160, 120), (225, 235, 210), 3),
    ("1688", "수료식_사진.jpg", (90, 80, 150), (210, 200, 235), 4),
]


def lerp(a, b, t):
    return tuple(int(a[i] + (b[i] - a[i]) * t) for i in range(3))


def draw_photo(path, top, bottom, seed, size=(960, 640)):
    rng = random.Random(seed)
    w, h = size
    image = Image.new("RGB", size)
    draw = ImageDraw.Draw(image)
    for y in range(h):
        draw.line([(0, y), (w, y)], fill=lerp(top, bottom, y / h))
    # Hills
    for layer in range(3):
        base = int(h * (0.55 + 0.08 * layer))
        shade = lerp((60, 110, 70), (30, 70, 40), layer / 2)
        points = [(0, h)]
        for x in range(0, w + 40, 40):
            points.append((x, base - int(40 * rng.random()) - (20 if layer == 0 else 0)))
        points.append((w, h))
        draw.polygon(points, fill=shade)
    # A stage with a banner
    draw.rectangle([w * 0.2, h * 0.28, w * 0.8, h * 0.42], fill=(250, 250, 245), outline=(40, 60, 120), width=4)
    for i in range(5):
        x = w * 0.25 + i * w * 0.11
        draw.rectangle([x, h * 0.32, x + w * 0.07, h * 0.38], fill=lerp((40, 60, 120), (200, 60, 60), i / 4))
    # Rows of people
    for row in range(3):
        y = h * (0.62 + row * 0.1)
        for i in range(12 - row):
            x = w * (0.08 + i * 0.075 + row * 0.03) + rng.uniform(-6, 6)
            r = 14 + row * 3
            coat = lerp((30, 40, 80), (150, 40, 50), rng.random())
            draw.ellipse([x - r, y - 2.6 * r, x + r, y - 0.6 * r], fill=(235, 200, 170))
            draw.rounded_rectangle([x - 1.5 * r, y - 0.5 * r, x + 1.5 * r, y + 2.2 * r], radius=r, fill=coat)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    image.save(path, "JPEG", quality=78, optimize=True)


def main():
    for article, name, top, bottom, seed in PHOTOS:
        path = os.path.join(ROOT, article, name)
        draw_photo(path, top, bottom, seed)
        print(f"{path}: {os.path.getsize(path)} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
