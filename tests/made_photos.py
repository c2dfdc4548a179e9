"""Photo-like scenes of people, drawn here with the exact mask of each person.

Not silhouettes: a person has a face the Haar cascade accepts (the demo set's drawing, in skin tones),
hair, a neck, a shirt with sleeves and hands, trousers and shoes, in front of a wall with a skirting
board and a floor, with a little sensor noise. The mask is the union of the shapes drawn for that
person, so what a cut-out keeps can be measured against it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import demo_requests as demo  # noqa: E402

SHIRTS = [(40, 90, 170), (170, 50, 50), (60, 130, 80), (200, 160, 40)]
TROUSERS = [(45, 45, 60), (90, 70, 50), (30, 40, 70), (70, 70, 70)]


def _room(size: tuple[int, int], seed: int) -> np.ndarray:
    w, h = size
    rng = np.random.default_rng(seed)
    img = np.zeros((h, w, 3), np.float32)
    floor = int(h * 0.8)
    img[:floor] = (214, 205, 188)  # a warm wall
    img[floor - 10 : floor] = (240, 240, 235)  # skirting board
    img[floor:] = (150, 115, 85)  # a wooden floor
    ramp = np.linspace(1.05, 0.9, w, dtype=np.float32)[None, :, None]  # light from the left
    img *= ramp
    img += rng.normal(0, 4, img.shape).astype(np.float32)
    return img


def _face_rgb(size: int) -> tuple[np.ndarray, np.ndarray]:
    """The demo set's face (Haar accepts it) tinted to skin, and its oval mask."""
    g = np.asarray(demo.face(size)).astype(np.float32) / 190.0
    y, x = np.mgrid[0:size, 0:size].astype(np.float32) / size
    oval = ((x - 0.5) / 0.30) ** 2 + ((y - 0.52) / 0.40) ** 2 < 1
    skin = np.array([236, 196, 164], np.float32)
    return (g[..., None] * skin).clip(0, 255), oval


def person_photo(
    people: int = 1, *, face: int = 96, size: tuple[int, int] | None = None, seed: int = 0
) -> tuple[Image.Image, list[np.ndarray]]:
    """A standing person (or several side by side) in a room, and one boolean mask per person."""
    step = int(face * 2.6)
    w, h = size or (max(360, step * people + face), int(face * 8.6))
    img = _room((w, h), seed)
    masks = []
    for i in range(people):
        cx = (w - step * (people - 1)) // 2 + i * step
        top = int(face * 0.5)
        layer = Image.new("L", (w, h), 0)  # this person's mask, drawn shape by shape
        colours = Image.new("RGB", (w, h))
        d, m = ImageDraw.Draw(colours), ImageDraw.Draw(layer)
        u = face  # one face height
        shirt, trousers = SHIRTS[(i + seed) % len(SHIRTS)], TROUSERS[(i + seed) % len(TROUSERS)]
        shapes = [
            # (kind, box or points, colour, width)
            ("ellipse", [cx - 0.38 * u, top + 0.02 * u, cx + 0.38 * u, top + 0.7 * u], (60, 40, 30), 0),  # hair
            ("rect", [cx - 0.14 * u, top + 0.85 * u, cx + 0.14 * u, top + 1.2 * u], (222, 182, 150), 0),  # neck
            ("round", [cx - 0.75 * u, top + 1.1 * u, cx + 0.75 * u, top + 3.9 * u], shirt, 0),  # torso
            ("line", [(cx - 0.68 * u, top + 1.3 * u), (cx - 0.95 * u, top + 3.6 * u)], shirt, int(0.3 * u)),
            ("line", [(cx + 0.68 * u, top + 1.3 * u), (cx + 0.95 * u, top + 3.6 * u)], shirt, int(0.3 * u)),
            ("ellipse", [cx - 1.08 * u, top + 3.55 * u, cx - 0.82 * u, top + 3.95 * u], (222, 182, 150), 0),  # hands
            ("ellipse", [cx + 0.82 * u, top + 3.55 * u, cx + 1.08 * u, top + 3.95 * u], (222, 182, 150), 0),
            ("rect", [cx - 0.68 * u, top + 3.8 * u, cx - 0.06 * u, top + 7.3 * u], trousers, 0),  # legs
            ("rect", [cx + 0.06 * u, top + 3.8 * u, cx + 0.68 * u, top + 7.3 * u], trousers, 0),
            ("rect", [cx - 0.72 * u, top + 3.8 * u, cx + 0.72 * u, top + 4.4 * u], trousers, 0),  # hips
            ("ellipse", [cx - 0.8 * u, top + 7.2 * u, cx - 0.02 * u, top + 7.55 * u], (25, 25, 25), 0),  # shoes
            ("ellipse", [cx + 0.02 * u, top + 7.2 * u, cx + 0.8 * u, top + 7.55 * u], (25, 25, 25), 0),
        ]
        for kind, box, colour, width in shapes:
            for draw, fill in ((d, colour), (m, 255)):
                if kind == "ellipse":
                    draw.ellipse(box, fill=fill)
                elif kind == "rect":
                    draw.rectangle(box, fill=fill)
                elif kind == "round":
                    draw.rounded_rectangle(box, radius=0.3 * u, fill=fill)
                else:
                    draw.line(box, fill=fill, width=width)
        body = np.asarray(layer) > 127
        img[body] = np.asarray(colours).astype(np.float32)[body] * (0.9 + 0.1 * np.random.default_rng(i).random())
        fimg, oval = _face_rgb(u)
        fx, fy = int(cx - u / 2), top
        region = img[fy : fy + u, fx : fx + u]
        region[oval] = fimg[oval]
        body[fy : fy + u, fx : fx + u] |= oval
        masks.append(body)
    out = Image.fromarray(img.clip(0, 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(0.8))
    return out, masks


def kept(mask: np.ndarray, truth: np.ndarray) -> tuple[float, float]:
    """(recall, precision) of a cut-out's mask against a person's true mask."""
    inter = float((mask & truth).sum())
    return inter / max(1.0, float(truth.sum())), inter / max(1.0, float(mask.sum()))
