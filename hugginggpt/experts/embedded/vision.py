"""Classical OpenCV vision: faces (Haar cascade), people (HOG + linear SVM), person segmentation
(GrabCut seeded by those detections) and Canny edges.

These models ship inside opencv-python-headless 4.x (OpenCV 5 dropped the Haar cascades).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from ...capabilities import advice
from ...types import Task
from ..base import ExpertContext, ExpertError
from ._common import EmbeddedExpert, Lazy, load_image, save_png

DETECT_SIDE = 1024  # working resolution for the Haar cascade
HOG_SIDE = 800  # the HOG scan is the slow part: people smaller than ~1/6 of this side are missed
SEG_SIDE = 512  # GrabCut is O(pixels x iterations)
HOG_MIN_WEIGHT = 0.3  # SVM margin below which HOG hits are mostly false positives
COLORS = {"face": (255, 140, 0), "person": (30, 144, 255)}


def _load_faces():
    import cv2

    path = cv2.data.haarcascades + "haarcascade_frontalface_default.xml"
    cascade = cv2.CascadeClassifier(path)
    if cascade.empty():
        raise ExpertError(f"the Haar cascade {path} could not be read (is opencv-python-headless < 5 installed?)")
    return cascade


def _load_hog():
    import cv2

    hog = cv2.HOGDescriptor()
    hog.setSVMDetector(cv2.HOGDescriptor_getDefaultPeopleDetector())
    return hog


HAAR_FACE: Lazy[Any] = Lazy("opencv/haarcascade_frontalface_default", _load_faces)
HOG_PEOPLE: Lazy[Any] = Lazy("opencv/hog-people-detector", _load_hog)


def _bgr(image: Image.Image, max_side: int) -> tuple[np.ndarray, float]:
    """A BGR array of `image` scaled to at most `max_side`, and the factor back to the original."""
    import cv2

    arr = np.asarray(image)[:, :, ::-1]
    scale = min(1.0, max_side / max(image.size))
    if scale < 1.0:
        arr = cv2.resize(arr, (max(1, round(image.width * scale)), max(1, round(image.height * scale))), cv2.INTER_AREA)
    return np.ascontiguousarray(arr), 1.0 / scale


def _box(x: float, y: float, w: float, h: float, f: float, size: tuple[int, int]) -> dict[str, int]:
    return {
        "xmin": max(0, int(x * f)),
        "ymin": max(0, int(y * f)),
        "xmax": min(size[0], int((x + w) * f)),
        "ymax": min(size[1], int((y + h) * f)),
    }


def detect_faces(image: Image.Image) -> list[dict[str, Any]]:
    import cv2

    bgr, f = _bgr(image, DETECT_SIDE)
    gray = cv2.cvtColor(bgr, cv2.COLOR_BGR2GRAY)
    with HAAR_FACE.lock:
        rects, votes = HAAR_FACE.get().detectMultiScale2(gray, scaleFactor=1.1, minNeighbors=5, minSize=(24, 24))
    out = []
    for (x, y, w, h), n in zip(np.asarray(rects).reshape(-1, 4), np.ravel(votes), strict=False):
        # The cascade gives no probability: the number of overlapping hits is its confidence.
        out.append(
            {"label": "face", "score": round(float(n) / (float(n) + 5.0), 3), "box": _box(x, y, w, h, f, image.size)}
        )
    return out


def detect_people(image: Image.Image) -> list[dict[str, Any]]:
    import cv2

    bgr, f = _bgr(image, HOG_SIDE)
    h, w = bgr.shape[:2]
    if w < 64 or h < 128:  # OpenCV's HOG segfaults on images smaller than its 64x128 window
        bgr = cv2.copyMakeBorder(bgr, 0, max(0, 128 - h), 0, max(0, 64 - w), cv2.BORDER_REPLICATE)
    with HOG_PEOPLE.lock:
        rects, weights = HOG_PEOPLE.get().detectMultiScale(bgr, winStride=(8, 8), padding=(8, 8), scale=1.05)
    rects = np.asarray(rects).reshape(-1, 4)
    weights = np.ravel(weights).astype(float)
    keep = [i for i in range(len(rects)) if weights[i] >= HOG_MIN_WEIGHT]
    if not keep:
        return []
    idx = cv2.dnn.NMSBoxes([rects[i].tolist() for i in keep], [weights[i] for i in keep], HOG_MIN_WEIGHT, 0.45)
    out = []
    for j in np.ravel(idx):
        i = keep[int(j)]
        x, y, bw, bh = rects[i]
        score = 1.0 / (1.0 + math.exp(-weights[i]))  # SVM margin -> (0, 1)
        out.append({"label": "person", "score": round(score, 3), "box": _box(x, y, bw, bh, f, image.size)})
    return out


def _font(size: int):
    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # Pillow without FreeType
        return ImageFont.load_default()


def draw_boxes(image: Image.Image, found: list[dict[str, Any]]) -> Image.Image:
    out = image.copy()
    d = ImageDraw.Draw(out)
    lw = max(2, round(max(image.size) / 300))
    font = _font(max(12, round(max(image.size) / 45)))
    for det in found:
        b = det["box"]
        color = COLORS.get(det["label"], (255, 0, 0))
        d.rectangle([b["xmin"], b["ymin"], b["xmax"], b["ymax"]], outline=color, width=lw)
        label = f"{det['label']} {det['score']:.2f}"
        tb = d.textbbox((b["xmin"], b["ymin"]), label, font=font)
        y = b["ymin"] - (tb[3] - tb[1]) - 2 * lw
        y = y if y >= 0 else b["ymin"]
        tb = d.textbbox((b["xmin"] + lw, y), label, font=font)
        d.rectangle([tb[0] - lw, tb[1] - lw, tb[2] + lw, tb[3] + lw], fill=color)
        d.text((b["xmin"] + lw, y), label, fill="white", font=font)
    return out


def _count(found: list[dict[str, Any]]) -> str:
    faces = sum(d["label"] == "face" for d in found)
    people = sum(d["label"] == "person" for d in found)
    parts = [f"{n} {word}{'' if n == 1 else 's'}" for n, word in ((people, "person"), (faces, "face")) if n]
    return " and ".join(parts).replace("persons", "people")


class DetectionExpert(EmbeddedExpert):
    """object-detection limited to people (HOG) and frontal faces (Haar)."""

    requires = ("cv2",)
    pip = "opencv-python-headless<5"

    def __init__(self) -> None:
        super().__init__(
            "opencv/haarcascade_frontalface+hog-people",
            ("object-detection",),
            description=(
                "OpenCV classical detectors: Viola-Jones Haar cascade for frontal faces and Dalal-Triggs HOG + "
                "linear SVM for upright people. Detects only faces and people (no other objects); draws the "
                "boxes on a copy of the image."
            ),
            license="apache-2.0",
            tags=("embedded", "offline", "face-detection", "person-detection"),
            downloads=0,
        )

    def slots(self) -> list[Lazy[Any]]:
        return [HAAR_FACE, HOG_PEOPLE]

    def run(self, task: Task, inputs: dict[str, Any], ctx: ExpertContext) -> dict[str, Any]:
        image = load_image(inputs)
        found = detect_people(image) + detect_faces(image)
        if not found:
            raise ExpertError(
                "no people or faces found: the embedded detector knows only these two classes; "
                f"other objects need a remote detection model: {advice('token')}"
            )
        found.sort(key=lambda d: -d["score"])
        path = save_png(ctx, "boxes", draw_boxes(image, found))
        return {"image": path, "text": f"Found {_count(found)}.", "data": found}


def segment_people(image: Image.Image, seeds: list[dict[str, Any]]) -> np.ndarray:
    """A boolean person mask of `image` from GrabCut, initialized with a box per person
    (faces are extended downwards to a body-sized box)."""
    import cv2

    bgr, f = _bgr(image, SEG_SIDE)
    h, w = bgr.shape[:2]
    mask = np.zeros((h, w), bool)
    for det in seeds:
        b = {k: v / f for k, v in det["box"].items()}
        if det["label"] == "face":
            fw, fh = b["xmax"] - b["xmin"], b["ymax"] - b["ymin"]
            b = {
                "xmin": b["xmin"] - 1.2 * fw,
                "xmax": b["xmax"] + 1.2 * fw,
                "ymin": b["ymin"] - 0.5 * fh,
                "ymax": b["ymax"] + 6 * fh,
            }
        x0, y0 = max(0, int(b["xmin"])), max(0, int(b["ymin"]))
        x1, y1 = min(w - 1, int(b["xmax"])), min(h - 1, int(b["ymax"]))
        if x1 - x0 < 8 or y1 - y0 < 8:
            continue
        gc = np.zeros((h, w), np.uint8)
        bgd, fgd = np.zeros((1, 65), np.float64), np.zeros((1, 65), np.float64)
        cv2.grabCut(bgr, gc, (x0, y0, x1 - x0, y1 - y0), bgd, fgd, 4, cv2.GC_INIT_WITH_RECT)
        mask |= (gc == cv2.GC_FGD) | (gc == cv2.GC_PR_FGD)
    full = Image.fromarray(mask.astype(np.uint8) * 255).resize(image.size, Image.Resampling.NEAREST)
    return np.asarray(full) > 127


class SegmentationExpert(EmbeddedExpert):
    """image-segmentation of people: detections seed GrabCut (no neural segmenter ships in a wheel
    that fits our numpy 2 pin; mediapipe would)."""

    requires = ("cv2",)
    pip = "opencv-python-headless<5"

    def __init__(self) -> None:
        super().__init__(
            "opencv/hog-haar-grabcut-person",
            ("image-segmentation",),
            description=(
                "Person segmentation with OpenCV: people (HOG) and faces (Haar cascade) are detected, then "
                "GrabCut separates each from its background. Returns the people cut out on a transparent background "
                "(RGBA PNG), the mask and an overlay. "
                "Only people; boundaries are rough on cluttered backgrounds."
            ),
            license="apache-2.0",
            tags=("embedded", "offline", "person-segmentation"),
            downloads=0,
        )

    def slots(self) -> list[Lazy[Any]]:
        return [HAAR_FACE, HOG_PEOPLE]

    def run(self, task: Task, inputs: dict[str, Any], ctx: ExpertContext) -> dict[str, Any]:
        image = load_image(inputs)
        people = detect_people(image)
        faces = detect_faces(image)
        # A face inside a detected person adds nothing; a face alone seeds a body box.
        seeds = people + [fc for fc in faces if not any(_inside(fc["box"], p["box"]) for p in people)]
        if not seeds:
            raise ExpertError(
                "no person found to segment: the embedded segmenter only separates people from the "
                f"background; other segmentation needs a remote model: {advice('token')}"
            )
        mask = segment_people(image, seeds)
        coverage = float(mask.mean())
        if coverage == 0.0:
            raise ExpertError("a person was detected but GrabCut could not separate them from the background")
        overlay = np.asarray(image).astype(np.float32)
        tint = np.array([255, 64, 160], np.float32)
        overlay[mask] = overlay[mask] * 0.45 + tint * 0.55
        overlay[~mask] *= 0.6
        cut_path = save_png(ctx, "cutout", cutout(image, mask))
        over_path = save_png(ctx, "segments", Image.fromarray(overlay.clip(0, 255).astype(np.uint8)))
        mask_path = save_png(ctx, "mask", Image.fromarray(mask.astype(np.uint8) * 255))
        n = len(seeds)
        who = "the person" if n == 1 else f"{n} people"
        return {
            "image": cut_path,
            "text": (
                f"Cut out {who} ({coverage:.0%} of the image) on a transparent background; "
                f"the mask overlaid on the photo is {over_path.name}."
            ),
            "data": [
                {
                    "label": "person",
                    "score": round(max(s["score"] for s in seeds), 3),
                    "mask": mask_path.name,
                    "cutout": cut_path.name,
                    "overlay": over_path.name,
                    "coverage": round(coverage, 4),
                    "boxes": [s["box"] for s in seeds],
                }
            ],
        }


def cutout(image: Image.Image, mask: np.ndarray, margin: int = 4) -> Image.Image:
    """The masked pixels on a transparent background (RGBA), cropped to the mask's box plus `margin`."""
    rgba = image.convert("RGBA")
    alpha = Image.fromarray(mask.astype(np.uint8) * 255)
    rgba.putalpha(alpha)
    ys, xs = np.nonzero(mask)
    x0, y0 = max(0, int(xs.min()) - margin), max(0, int(ys.min()) - margin)
    x1, y1 = min(image.width, int(xs.max()) + 1 + margin), min(image.height, int(ys.max()) + 1 + margin)
    return rgba.crop((x0, y0, x1, y1))


def _inside(a: dict[str, int], b: dict[str, int]) -> bool:
    cx, cy = (a["xmin"] + a["xmax"]) / 2, (a["ymin"] + a["ymax"]) / 2
    return b["xmin"] <= cx <= b["xmax"] and b["ymin"] <= cy <= b["ymax"]


# ---- edges ----------------------------------------------------------------------------


def canny(image: Image.Image) -> np.ndarray:
    """Canny edges (uint8, 255 on edges) with thresholds set from the median intensity."""
    import cv2

    gray = cv2.cvtColor(np.asarray(image), cv2.COLOR_RGB2GRAY)
    gray = cv2.GaussianBlur(gray, (5, 5), 0)
    med = float(np.median(gray))
    lo, hi = int(max(0, 0.67 * med)), int(min(255, 1.33 * med))
    if hi - lo < 20:  # flat or very dark images: fall back to the usual fixed pair
        lo, hi = 50, 150
    return cv2.Canny(gray, lo, hi)


class EdgesExpert(EmbeddedExpert):
    """canny-control: white edges on black, the ControlNet condition (image edits: edits.py)."""

    requires = ("cv2",)
    pip = "opencv-python-headless<5"

    def __init__(self) -> None:
        super().__init__(
            "opencv/canny",
            ("canny-control",),
            description=(
                "OpenCV Canny edge detector: white edges on black at the input size (the ControlNet canny "
                "condition), thresholds set from the image's median intensity."
            ),
            license="apache-2.0",
            tags=("embedded", "offline", "canny", "edges"),
            downloads=0,
        )

    def run(self, task: Task, inputs: dict[str, Any], ctx: ExpertContext) -> dict[str, Any]:
        image = load_image(inputs)
        edges = canny(image)
        path = save_png(ctx, "canny", Image.fromarray(edges))
        return {"image": path, "text": f"Canny edge map ({float((edges > 0).mean()):.1%} edge pixels)."}
