"""Classical OpenCV vision: faces (Haar cascade), people (HOG + linear SVM), person segmentation
(GrabCut seeded by those detections) and Canny edges.

These models ship inside opencv-python-headless 4.x (OpenCV 5 dropped the Haar cascades).
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from ...capabilities import advice
from ...detections import inside as _inside
from ...detections import say_people
from ...types import Task
from ..base import ExpertContext, ExpertError
from ._common import EmbeddedExpert, Lazy, check, get_path, load_image, save_png

DETECT_SIDE = 1024  # working resolution for the Haar cascade
HOG_SIDE = 800  # the HOG scan is the slow part: people smaller than ~1/6 of this side are missed
SEG_SIDE = 512  # GrabCut is O(pixels x iterations)
HOG_MIN_WEIGHT = 0.3  # SVM margin below which HOG hits are mostly false positives
COLORS = {"face": (255, 140, 0), "person": (30, 144, 255)}


def haar_cascade(name: str):
    """One of the Haar cascades OpenCV's wheel ships (`haarcascade_*.xml`), loaded."""
    import cv2

    path = cv2.data.haarcascades + name
    cascade = cv2.CascadeClassifier(path)
    if cascade.empty():
        raise ExpertError(f"the Haar cascade {path} could not be read (is opencv-python-headless < 5 installed?)")
    return cascade


def _load_hog():
    import cv2

    hog = cv2.HOGDescriptor()
    hog.setSVMDetector(cv2.HOGDescriptor_getDefaultPeopleDetector())
    return hog


HAAR_FACE: Lazy[Any] = Lazy(
    "opencv/haarcascade_frontalface_default", lambda: haar_cascade("haarcascade_frontalface_default.xml")
)
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
        faces = detect_faces(image)
        found = own_people(detect_people(image), faces) + faces
        if not found:
            raise ExpertError(
                "no people or faces found: the embedded detector knows only these two classes; "
                f"other objects need a remote detection model: {advice('token')}"
            )
        found.sort(key=lambda d: -d["score"])
        path = _save_drawn_over(ctx, "boxes", draw_boxes(image, found), get_path(inputs, "image"))
        return {"image": path, "text": f"Found {say_people(found)}.", "data": found}


# What a person's box holds, in face-box heights (h) and widths (w) from the face box's top-left corner: the
# cascade's box spans brows to mouth, about 2/3 of a head, and a standing adult is about 7.5 heads tall (~11 h);
# hands reach out to ~1.6 w on either side. Past the picture's edge the box is clipped.
BODY_FROM_FACE = {"left": -1.6, "right": 2.6, "top": -0.6, "bottom": 10.5}


def _face_body_box(face: dict[str, int]) -> dict[str, float]:
    fw, fh = face["xmax"] - face["xmin"], face["ymax"] - face["ymin"]
    return {
        "xmin": face["xmin"] + BODY_FROM_FACE["left"] * fw,
        "xmax": face["xmin"] + BODY_FROM_FACE["right"] * fw,
        "ymin": face["ymin"] + BODY_FROM_FACE["top"] * fh,
        "ymax": face["ymin"] + BODY_FROM_FACE["bottom"] * fh,
    }


def own_people(people: list[dict[str, Any]], faces: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The HOG boxes that stand for a person of their own: around exactly one face (in their upper half),
    or around none without lying over the figure of a face that has no box (someone seen from behind,
    too small for the cascade). HOG also boxes the gap between people side by side, and boxes two
    people at once: those boxes hold several faces, or overlap a face's figure, and are dropped."""
    kept = []
    for p in people:
        inside = [fc for fc in faces if _inside(fc["box"], p["box"])]
        if len(inside) == 1 and _upper_half(inside[0]["box"], p["box"]):
            kept.append(p)
    boxed = [fc for fc in faces if any(_inside(fc["box"], p["box"]) for p in kept)]
    figures = [_face_body_box(fc["box"]) for fc in faces if fc not in boxed] + [p["box"] for p in kept]
    for p in people:
        if not any(_inside(fc["box"], p["box"]) for fc in faces) and all(_overlap(p["box"], b) < 0.3 for b in figures):
            kept.append(p)
            figures.append(p["box"])
    return kept


def people_seeds(people: list[dict[str, Any]], faces: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One seed per person: {"box": the body's box, "face": the face box or None, "score"}.

    A face is a person (the cascade is the precise one); a HOG box of its own around that face gives the
    body's extent, else the body is the face's box extended to a standing figure. A HOG box of its own
    around no face is a person too (see `own_people`)."""
    people = own_people(people, faces)
    seeds = []
    for fc in faces:
        around = [p for p in people if _inside(fc["box"], p["box"])]
        cx = (fc["box"]["xmin"] + fc["box"]["xmax"]) / 2
        best = min(around, key=lambda p: abs((p["box"]["xmin"] + p["box"]["xmax"]) / 2 - cx), default=None)
        body = dict(best["box"]) if best else _face_body_box(fc["box"])
        seeds.append({"box": body, "face": fc["box"], "score": max(fc["score"], best["score"] if best else 0)})
    for p in people:
        if not any(_inside(fc["box"], p["box"]) for fc in faces):
            seeds.append({"box": dict(p["box"]), "face": None, "score": p["score"]})
    return seeds


def _overlap(a: dict[str, float], b: dict[str, float]) -> float:
    """The share of box `a` that box `b` covers."""
    ix = max(0.0, min(a["xmax"], b["xmax"]) - max(a["xmin"], b["xmin"]))
    iy = max(0.0, min(a["ymax"], b["ymax"]) - max(a["ymin"], b["ymin"]))
    return ix * iy / max(1.0, (a["xmax"] - a["xmin"]) * (a["ymax"] - a["ymin"]))


def _upper_half(face: dict[str, int], body: dict[str, int]) -> bool:
    return (face["ymin"] + face["ymax"]) / 2 < body["ymin"] + 0.5 * (body["ymax"] - body["ymin"])


# GrabCut's labels by how sure they are: where two people's priors meet, the surer label stays
_BG, _PR_BG, _PR_FG, _FG = 0, 1, 2, 3


def _prior(rank: np.ndarray, body: dict[str, float], face: dict[str, float] | None) -> np.ndarray:
    """Draw one person's starting labels into `rank` (only ever raising it): inside the body's box
    probably background, a standing figure's shape (head, torso, legs) probably foreground, the middle of
    the face (or of the chest, without a face) foreground for sure. Returns the sure part (the core)."""
    import cv2

    h, w = rank.shape
    x0, y0 = max(0, int(body["xmin"])), max(0, int(body["ymin"]))
    x1, y1 = min(w, int(body["xmax"]) + 1), min(h, int(body["ymax"]) + 1)
    box = np.zeros((h, w), bool)
    box[y0:y1, x0:x1] = True
    bw, bh = body["xmax"] - body["xmin"], body["ymax"] - body["ymin"]
    if face is not None:
        fw, fh = face["xmax"] - face["xmin"], face["ymax"] - face["ymin"]
        cx = (face["xmin"] + face["xmax"]) / 2
        head = (cx, face["ymin"] + 0.45 * fh, 0.65 * fw, 0.95 * fh)
        shoulders, waist, foot = face["ymax"] + 0.3 * fh, face["ymax"] + 3.0 * fh, body["ymax"]
        half = 1.0 * fw  # shoulders ~2 face widths: the figure's outline stays inside the person
    else:
        cx, top = body["xmin"] + bw / 2, body["ymin"] + 0.08 * bh
        head = (cx, top + 0.07 * bh, 0.11 * bw, 0.07 * bh)
        shoulders, waist, foot = top + 0.16 * bh, top + 0.5 * bh, body["ymax"] - 0.05 * bh
        half = 0.3 * bw
    shape = np.zeros((h, w), np.uint8)
    cv2.ellipse(shape, (int(head[0]), int(head[1])), (max(1, int(head[2])), max(1, int(head[3]))), 0, 0, 360, 1, -1)
    torso = [[cx - half, shoulders], [cx + half, shoulders], [cx + 0.8 * half, waist], [cx - 0.8 * half, waist]]
    legs = [[cx - 0.8 * half, waist], [cx + 0.8 * half, waist], [cx + 0.5 * half, foot], [cx - 0.5 * half, foot]]
    cv2.fillPoly(shape, [np.array(torso, np.int32), np.array(legs, np.int32)], 1)
    core = np.zeros((h, w), bool)
    if face is not None:  # the middle of the face is the person, whatever GrabCut's colour models say
        fx0, fx1 = int(face["xmin"] + 0.3 * fw), int(face["xmax"] - 0.3 * fw) + 1
        fy0, fy1 = int(face["ymin"] + 0.3 * fh), int(face["ymax"] - 0.3 * fh) + 1
        core[max(0, fy0) : max(0, fy1), max(0, fx0) : max(0, fx1)] = True
    else:
        core[
            max(0, int(shoulders)) : max(0, int(waist)), max(0, int(cx - 0.1 * bw)) : max(0, int(cx + 0.1 * bw) + 1)
        ] = True
    core &= box
    # the box's outer sides hold no one (hands reach ~1.3 face widths from the middle, the box 2.1): sure
    # background there gives GrabCut the wall beside the person even where the box meets the picture's edge
    side = 0.35 * (face["xmax"] - face["xmin"]) if face is not None else 0.1 * bw
    box[:, max(0, int(body["xmin"])) : max(0, int(body["xmin"] + side))] = False
    box[:, max(0, int(body["xmax"] - side) + 1) : max(0, int(body["xmax"]) + 1)] = False
    np.maximum(rank, np.where(box, _PR_BG, _BG).astype(np.uint8), out=rank)
    np.maximum(rank, np.where((shape > 0) & box, _PR_FG, _BG).astype(np.uint8), out=rank)
    rank[core] = _FG
    return core


def segment_people(image: Image.Image, seeds: list[dict[str, Any]]) -> list[np.ndarray]:
    """One boolean mask of `image` per seed (see `people_seeds`): GrabCut started from a standing
    figure's shape inside the seed's body box (outside it: background), of which the region holding the
    person's sure core is kept. A pixel two people's masks both claim goes to the one whose centre line
    is nearer."""
    import cv2

    bgr, f = _bgr(image, SEG_SIDE)
    h, w = bgr.shape[:2]
    masks, centres = [], []
    for seed in seeds:
        body = {k: v / f for k, v in seed["box"].items()}
        face = {k: v / f for k, v in seed["face"].items()} if seed.get("face") else None
        at = face or body
        centres.append((at["xmin"] + at["xmax"]) / 2)
        rank = np.zeros((h, w), np.uint8)
        core = _prior(rank, body, face)
        if not core.any() or not (rank < _PR_FG).any():  # a box off the picture, or all of it
            masks.append(np.zeros((h, w), bool))
            continue
        gc = np.choose(rank, [cv2.GC_BGD, cv2.GC_PR_BGD, cv2.GC_PR_FGD, cv2.GC_FGD]).astype(np.uint8)
        bgd, fgd = np.zeros((1, 65), np.float64), np.zeros((1, 65), np.float64)
        cv2.setRNGSeed(0)  # GrabCut's k-means starts from OpenCV's random state: the same photo, the same cut
        cv2.grabCut(bgr, gc, None, bgd, fgd, 5, cv2.GC_INIT_WITH_MASK)
        fg = (gc == cv2.GC_FGD) | (gc == cv2.GC_PR_FGD)
        # specks of background that share a colour with the person, and the people next to them, are
        # regions of their own: keep the one holding this person's core, and those lying mostly on the figure
        # (a head the neck does not join to the body)
        n, labels = cv2.connectedComponents(fg.astype(np.uint8), connectivity=8)
        area = np.bincount(labels.ravel(), minlength=n)
        on_figure = np.bincount(labels[rank >= _PR_FG], minlength=n)
        keep = set(np.unique(labels[core & fg]).tolist()) | {k for k in range(n) if on_figure[k] >= 0.5 * area[k]}
        keep.discard(0)
        masks.append(np.isin(labels, sorted(keep)) & fg)
    if len(masks) > 1:
        xs = np.arange(w, dtype=np.float32)[None, :]
        dist = np.stack([np.where(m, np.abs(xs - c), np.inf) for m, c in zip(masks, centres, strict=True)])
        owner = np.argmin(dist, axis=0)
        masks = [m & (owner == i) for i, m in enumerate(masks)]
    return [
        np.asarray(Image.fromarray((m * 255).astype(np.uint8)).resize(image.size, Image.Resampling.NEAREST)) > 127
        for m in masks
    ]


# The embedded detector's annotated copy names the image it was drawn over (a PNG text chunk), so that
# a step handed the copy can work on the photo itself: boxes and labels painted on a person are not them.
DRAWN_OVER = "hugginggpt:drawn-over"


def _save_drawn_over(ctx: ExpertContext, stem: str, drawn: Image.Image, source: Path):
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text(DRAWN_OVER, source.name)
    return save_png(ctx, stem, drawn, pnginfo=info)


def original_of(path: Path) -> Path | None:
    """The photo an annotated copy of ours was drawn over: named in its PNG text chunk, in the same
    folder (a name only: never a path elsewhere), still there. None for any other image."""
    try:
        with Image.open(path) as im:
            name = (getattr(im, "text", None) or {}).get(DRAWN_OVER) if im.format == "PNG" else None
    except OSError:
        return None
    if not name or Path(name).name != name:
        return None
    source = path.parent / name
    return source if source.is_file() and source != path else None


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
                "Person segmentation with OpenCV: people (HOG) and faces (Haar cascade) are detected, each "
                "seeds a standing figure's shape and GrabCut separates the person from the background. Returns "
                "the people cut out on a transparent background (RGBA PNG), the mask and an overlay. "
                "Only people; boundaries are rough on cluttered backgrounds."
            ),
            license="apache-2.0",
            tags=("embedded", "offline", "person-segmentation"),
            downloads=0,
        )

    def slots(self) -> list[Lazy[Any]]:
        return [HAAR_FACE, HOG_PEOPLE]

    def run(self, task: Task, inputs: dict[str, Any], ctx: ExpertContext) -> dict[str, Any]:
        given = inputs.get("image")
        source = original_of(Path(given)) if isinstance(given, str | Path) and Path(given).is_file() else None
        image = load_image({**inputs, "image": str(source)} if source else inputs)
        seeds = people_seeds(detect_people(image), detect_faces(image))
        if not seeds:
            raise ExpertError(
                "no person found to segment: the embedded segmenter only separates people from the "
                f"background; other segmentation needs a remote model: {advice('token')}"
            )
        check(ctx)
        found = [(s, m) for s, m in zip(seeds, segment_people(image, seeds), strict=True) if m.any()]
        if not found:
            raise ExpertError("a person was detected but GrabCut could not separate them from the background")
        mask = np.logical_or.reduce([m for _, m in found])
        coverage = float(mask.mean())
        overlay = np.asarray(image).astype(np.float32)
        tint = np.array([255, 64, 160], np.float32)
        overlay[mask] = overlay[mask] * 0.45 + tint * 0.55
        overlay[~mask] *= 0.6
        cut_path = save_png(ctx, "cutout", cutout(image, mask))
        over_path = save_png(ctx, "segments", Image.fromarray(overlay.clip(0, 255).astype(np.uint8)))
        mask_path = save_png(ctx, "mask", Image.fromarray(mask.astype(np.uint8) * 255))
        n = len(found)
        who = "the person" if n == 1 else f"{n} people"
        note = f" (from {source.name}, the photo the boxes were drawn on)" if source else ""
        return {
            "image": cut_path,
            "text": (
                f"Cut out {who} ({coverage:.0%} of the image) on a transparent background{note}; "
                "the mask is also shown over the photo."
            ),
            "data": [
                {
                    "label": "person",
                    "score": round(float(s["score"]), 3),
                    "box": _mask_box(m),
                    "coverage": round(float(m.mean()), 4),
                    "mask": mask_path.name,
                    "cutout": cut_path.name,
                    "overlay": over_path.name,
                }
                for s, m in found
            ],
        }


def _mask_box(mask: np.ndarray) -> dict[str, int]:
    ys, xs = np.nonzero(mask)
    return {"xmin": int(xs.min()), "ymin": int(ys.min()), "xmax": int(xs.max()) + 1, "ymax": int(ys.max()) + 1}


def cutout(image: Image.Image, mask: np.ndarray, margin: int = 4) -> Image.Image:
    """The masked pixels on a transparent background (RGBA), cropped to the mask's box plus `margin`."""
    rgba = image.convert("RGBA")
    alpha = Image.fromarray(mask.astype(np.uint8) * 255)
    rgba.putalpha(alpha)
    box = _mask_box(mask)
    x0, y0 = max(0, box["xmin"] - margin), max(0, box["ymin"] - margin)
    x1, y1 = min(image.width, box["xmax"] + margin), min(image.height, box["ymax"] + margin)
    return rgba.crop((x0, y0, x1, y1))


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
