"""Which way is up: the quarter turn that brings a picture upright ("it's sideways, fix it", "turn this photo
the right way round").

A phone's EXIF orientation is applied when the image is loaded (`load_image`); what is left is told by the
picture's content: faces with their eyes in the upper half (the frontal-face cascade also fires on some faces
turned over; the eye cascade says which way up each is) and lines of printed text (read across, wider than
tall, with confidence: this repo's RapidOCR skips its 180-degree line classifier, so upside-down lines read
poorly). With no face and no text there is nothing to tell by, and the caller says so.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PIL import Image

from ._common import Lazy
from .vision import detect_faces, haar_cascade

PROBE_SIDE = 640  # the turns are compared on a copy this size: faces and large print survive it
_TURNS = {0: None, 90: Image.Transpose.ROTATE_90, 180: Image.Transpose.ROTATE_180, 270: Image.Transpose.ROTATE_270}
MIN_TEXT = 3.0  # confident characters read across below which the text says nothing about the way up
_EYE_FACE = 160  # face crops are brought up to this height before their eyes are looked for
_FACE_WEIGHT = 20.0  # one upright face counts as much as this many confidently read characters


def turn(image: Image.Image, degrees: int) -> Image.Image:
    """`image` turned `degrees` counterclockwise (a multiple of 90), exactly."""
    op = _TURNS[degrees % 360]
    return image if op is None else image.transpose(op)


def upright_turn(image: Image.Image, candidates: tuple[int, ...] = (0, 90, 180, 270)) -> int | None:
    """Of `candidates` (counterclockwise degrees), the turn whose result shows the most upright faces and
    confidently read text; None when no turn shows either."""
    probe = image.convert("RGB")
    probe.thumbnail((PROBE_SIDE, PROBE_SIDE))
    scores = {d: _evidence(turn(probe, d)) for d in candidates}
    best = max(scores, key=lambda d: (scores[d], d == 0))  # a tie keeps the picture as it is
    return best if scores[best] > 0 else None


HAAR_EYE: Lazy[Any] = Lazy("opencv/haarcascade_eye", lambda: haar_cascade("haarcascade_eye.xml"))


def upright_faces(image: Image.Image) -> int:
    """The faces in `image` whose eyes are found in their upper half."""
    import cv2

    gray = cv2.cvtColor(np.asarray(image.convert("RGB")), cv2.COLOR_RGB2GRAY)
    count = 0
    for face in detect_faces(image):
        b = face["box"]
        crop = gray[b["ymin"] : b["ymax"], b["xmin"] : b["xmax"]]
        if crop.size == 0:
            continue
        if crop.shape[0] < _EYE_FACE:  # the eye cascade's window is 20 px: a small face's eyes need scaling up
            crop = cv2.resize(crop, (_EYE_FACE * crop.shape[1] // crop.shape[0], _EYE_FACE), cv2.INTER_CUBIC)
        with HAAR_EYE.lock:
            eyes = HAAR_EYE.get().detectMultiScale(crop, scaleFactor=1.1, minNeighbors=3)
        middles = [y + h / 2 for (_x, y, _w, h) in np.asarray(eyes).reshape(-1, 4)]
        upper = sum(m < crop.shape[0] / 2 for m in middles)
        count += upper > len(middles) - upper
    return count


def _evidence(image: Image.Image) -> float:
    score = _FACE_WEIGHT * upright_faces(image)
    try:
        from .ocr import read_text
    except ImportError:  # no OCR installed: faces only
        return score
    try:
        _, boxes = read_text(image)
    except Exception:  # an OCR failure on one turn says nothing about the others
        return score
    across = [b for b in boxes if b["box"][2] - b["box"][0] >= 1.5 * (b["box"][3] - b["box"][1])]
    text = sum(len(b["text"].strip()) * b["score"] for b in across if b["score"] >= 0.8)
    return score + (text if text >= MIN_TEXT else 0.0)
