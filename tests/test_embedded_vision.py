"""OpenCV experts: faces and people boxes, person segmentation and cut-outs, Canny edges.

The inputs are drawn here: a shaded synthetic face the Haar cascade accepts, and a standing
silhouette the HOG people detector accepts.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter

from hugginggpt.experts.base import ExpertContext, ExpertError
from hugginggpt.experts.embedded.vision import DetectionExpert, EdgesExpert, SegmentationExpert
from hugginggpt.types import Task

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import demo_requests as demo  # noqa: E402


def face_image(size: int = 240) -> tuple[Image.Image, tuple[int, int, int, int]]:
    """A gray face (skin oval, eyes, brows, nose bridge, mouth) on a dark canvas, and the oval's box."""
    face = demo.face(size)  # the demo set's face: one drawing the Haar cascade is known to accept
    canvas = Image.new("L", (size * 2, size * 2), 60)
    ox, oy = size // 3, size // 2
    canvas.paste(face, (ox, oy))
    box = (ox + int(0.2 * size), oy + int(0.12 * size), ox + int(0.8 * size), oy + int(0.92 * size))
    return canvas.convert("RGB"), box


def person_image(h: int = 256) -> tuple[Image.Image, np.ndarray]:
    """A dark standing figure on a light background, and its exact silhouette mask."""
    w = h // 2
    sil = Image.new("L", (w * 3, int(h * 1.5)), 0)
    d = ImageDraw.Draw(sil)
    cx, oy, u = w * 1.5, h // 4, h / 16
    d.ellipse([cx - 1.1 * u, oy + 0.8 * u, cx + 1.1 * u, oy + 3.2 * u], fill=255)
    d.rounded_rectangle([cx - 2 * u, oy + 3.4 * u, cx + 2 * u, oy + 9 * u], radius=u, fill=255)
    for sx in (-1, 1):
        d.line([cx + sx * 2 * u, oy + 3.8 * u, cx + sx * 2.6 * u, oy + 8.6 * u], fill=255, width=int(u))
        d.line([cx + sx * u, oy + 8.8 * u, cx + sx * 1.4 * u, oy + 15 * u], fill=255, width=int(1.4 * u))
    mask = np.asarray(sil) > 127
    img = np.where(mask, 40, 200).astype(np.uint8)
    img = Image.fromarray(img).filter(ImageFilter.GaussianBlur(1.5)).convert("RGB")
    return img, mask


def run(expert, tmp_path, task, **args):
    return expert.run(Task(id=0, task=task, args=args), args, ExpertContext(tmp_path, 0))


def iou(a, b):
    ix = max(0, min(a[2], b[2]) - max(a[0], b[0]))
    iy = max(0, min(a[3], b[3]) - max(a[1], b[1]))
    inter = ix * iy
    return inter / ((a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - inter)


def as_tuple(box):
    return (box["xmin"], box["ymin"], box["xmax"], box["ymax"])


def save(tmp_path, image, name="in.png"):
    path = tmp_path / name
    image.save(path)
    return str(path)


def test_detects_the_face_and_draws_its_box(tmp_path):
    image, box = face_image()
    out = run(DetectionExpert(), tmp_path, "object-detection", image=save(tmp_path, image))
    faces = [d for d in out["data"] if d["label"] == "face"]
    assert len(faces) == 1 and iou(as_tuple(faces[0]["box"]), box) > 0.5
    assert 0.5 < faces[0]["score"] <= 1
    assert "1 face" in out["text"]
    drawn = np.asarray(Image.open(out["image"]).convert("RGB")).astype(int)
    assert drawn.shape[:2] == (image.height, image.width)
    # the orange box outline is on the copy, not on the input
    assert (np.abs(drawn - np.array([255, 140, 0])).sum(-1) < 30).sum() > 200
    assert (np.asarray(image) == np.asarray(Image.open(tmp_path / "in.png"))).all()


def test_detects_the_person(tmp_path):
    image, mask = person_image()
    out = run(DetectionExpert(), tmp_path, "object-detection", image=save(tmp_path, image))
    people = [d for d in out["data"] if d["label"] == "person"]
    assert len(people) == 1, out["data"]
    ys, xs = np.nonzero(mask)
    truth = (xs.min(), ys.min(), xs.max(), ys.max())
    assert iou(as_tuple(people[0]["box"]), truth) > 0.3  # HOG boxes carry a margin around the figure
    b = people[0]["box"]
    assert b["xmin"] <= truth[0] and b["xmax"] >= truth[2]
    assert out["text"] == "Found 1 person."


def test_huge_images_are_downscaled_and_boxes_match_the_returned_image(tmp_path):
    image, box = face_image(240)
    big = image.resize((image.width * 9, image.height * 9))  # 4320 px wide
    out = run(DetectionExpert(), tmp_path, "object-detection", image=save(tmp_path, big, "big.jpg"))
    assert Image.open(out["image"]).size == (2048, 2048)
    scale = 9 * 2048 / 4320
    face = next(d for d in out["data"] if d["label"] == "face")
    assert iou(as_tuple(face["box"]), tuple(scale * v for v in box)) > 0.5


def test_no_face_or_person_is_an_expert_error(tmp_path):
    plain = Image.fromarray(np.tile(np.linspace(0, 255, 400, dtype=np.uint8), (300, 1))).convert("RGB")
    with pytest.raises(ExpertError, match="only these two classes"):
        run(DetectionExpert(), tmp_path, "object-detection", image=save(tmp_path, plain))


def test_tiny_image_does_not_crash_the_hog_detector(tmp_path):
    # OpenCV's HOG segfaults on images smaller than its 64x128 window unless they are padded.
    tiny = Image.new("RGB", (57, 66), "gray")
    with pytest.raises(ExpertError):
        run(DetectionExpert(), tmp_path, "object-detection", image=save(tmp_path, tiny))


def test_segments_the_person(tmp_path):
    image, truth = person_image()
    out = run(SegmentationExpert(), tmp_path, "image-segmentation", image=save(tmp_path, image))
    mask = np.asarray(Image.open(tmp_path / out["data"][0]["mask"])) > 127
    assert mask.shape == truth.shape
    inter, union = (mask & truth).sum(), (mask | truth).sum()
    assert inter / union > 0.6
    assert (mask & truth).sum() / truth.sum() > 0.9
    assert Image.open(tmp_path / out["data"][0]["overlay"]).size == image.size
    assert out["text"].startswith("Cut out the person")
    # the cut-out: the person's pixels on transparency, cropped to the mask's box
    cut = Image.open(out["image"])
    assert cut.mode == "RGBA" and out["image"].name == out["data"][0]["cutout"]
    ys, xs = np.nonzero(mask)
    assert cut.size == (
        min(image.width, xs.max() + 5) - max(0, xs.min() - 4),
        min(image.height, ys.max() + 5) - max(0, ys.min() - 4),
    )
    alpha = np.asarray(cut.getchannel("A")) > 127
    x0, y0 = max(0, xs.min() - 4), max(0, ys.min() - 4)
    assert (alpha == mask[y0 : y0 + cut.height, x0 : x0 + cut.width]).all()
    rgb = np.asarray(cut.convert("RGB"))[alpha & truth[y0 : y0 + cut.height, x0 : x0 + cut.width]]
    assert rgb.mean() < 90  # the kept pixels are the dark figure, not the light background


def test_segmentation_from_a_face_alone(tmp_path):
    image, box = face_image()
    out = run(SegmentationExpert(), tmp_path, "image-segmentation", image=save(tmp_path, image))
    mask = np.asarray(Image.open(tmp_path / out["data"][0]["mask"])) > 127
    cx, cy = (box[0] + box[2]) // 2, (box[1] + box[3]) // 2
    assert mask[cy - 10 : cy + 10, cx - 10 : cx + 10].all()  # the face centre is foreground
    assert not mask[:20, :20].any()  # a far corner is background


def test_segmentation_without_people_is_an_expert_error(tmp_path):
    with pytest.raises(ExpertError, match="no person found"):
        run(SegmentationExpert(), tmp_path, "image-segmentation", image=save(tmp_path, Image.new("RGB", (200, 200))))


def test_canny_control_traces_the_outline(tmp_path):
    img = Image.new("RGB", (200, 160), "black")
    ImageDraw.Draw(img).rectangle([50, 40, 150, 120], fill="white")
    out = run(EdgesExpert(), tmp_path, "canny-control", image=save(tmp_path, img))
    edges = np.asarray(Image.open(out["image"]))
    assert edges.shape == (160, 200) and set(np.unique(edges)) <= {0, 255}
    ys, xs = np.nonzero(edges)
    assert abs(xs.min() - 50) <= 2 and abs(xs.max() - 150) <= 2 and abs(ys.min() - 40) <= 2 and abs(ys.max() - 120) <= 2
    assert edges[60:100, 70:130].max() == 0  # flat inside: no edges


@pytest.mark.parametrize("content", [b"", b"GIF89a broken", b"\xff\xd8\xff\xe0 truncated jpeg"])
def test_corrupt_images_are_expert_errors(tmp_path, content):
    bad = tmp_path / "bad.jpg"
    bad.write_bytes(content)
    for expert, task in ((DetectionExpert(), "object-detection"), (EdgesExpert(), "canny-control")):
        with pytest.raises(ExpertError, match="bad.jpg"):
            run(expert, tmp_path, task, image=str(bad))


def test_decompression_bomb_is_refused(tmp_path):
    path = tmp_path / "bomb.png"
    Image.new("1", (12000, 12000)).save(path)  # 144 Mpx, a few KB on disk
    with pytest.raises(ExpertError, match="too large"):
        run(EdgesExpert(), tmp_path, "canny-control", image=str(path))


def test_a_cutout_is_the_masks_box_plus_its_margin_inside_the_image():
    from hugginggpt.experts.embedded.vision import cutout

    image = Image.new("RGB", (40, 30), "red")
    mask = np.zeros((30, 40), dtype=bool)
    mask[10:20, 5:15] = True  # box x 5..15, y 10..20
    assert cutout(image, mask).size == (10 + 8, 10 + 8)
    assert cutout(image, mask, margin=0).size == (10, 10)
    assert cutout(image, mask, margin=100).size == (40, 30)  # clamped to the image
    mask[:] = False
    mask[0:30, 38:40] = True  # touching the right and both vertical edges
    assert cutout(image, mask).size == (6, 30)
