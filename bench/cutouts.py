"""How much of each person the offline cut-out keeps, on photo-like scenes with known masks.

    python bench/cutouts.py            # writes bench/results/cutouts.json

The scenes are tests/made_photos.py's: 1 to 4 standing people (face the Haar cascade accepts, hair,
shirt, sleeves, hands, trousers, shoes) in a room with a floor, drawn with each person's exact mask.
Per scene: people found, and per person the share of their pixels the cut-out keeps (recall); over the
scene, the share of kept pixels that are people (precision). Also run on the detector's annotated image
(boxes drawn on it), as a step handed that image would.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from made_photos import kept, person_photo  # noqa: E402

from hugginggpt.experts.base import ExpertContext  # noqa: E402
from hugginggpt.types import Task  # noqa: E402

OUT = ROOT / "bench" / "results" / "cutouts.json"
SCENES = [(1, 96, 0), (1, 60, 2), (1, 120, 4), (1, 80, 6), (2, 80, 1), (2, 64, 5), (3, 50, 3), (4, 40, 7)]


def run(expert, folder: Path, task: str, image: Path) -> dict:
    args = {"image": str(image)}
    return expert.run(Task(0, task, args), args, ExpertContext(folder, 0))


def main() -> int:
    from hugginggpt.experts.embedded.vision import DetectionExpert, SegmentationExpert

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for n, face, seed in SCENES:
            photo, masks = person_photo(n, face=face, seed=seed)
            path = folder / f"scene-{n}-{face}-{seed}.png"
            photo.save(path)
            boxes = run(DetectionExpert(), folder, "object-detection", path)["image"]
            for given, label in ((path, "photo"), (boxes, "detection image")):
                t0 = time.perf_counter()
                out = run(SegmentationExpert(), folder, "image-segmentation", given)
                seconds = time.perf_counter() - t0
                mask = np.asarray(Image.open(folder / out["data"][0]["mask"])) > 127
                recall = [round(kept(mask, m)[0], 3) for m in masks]
                precision = round(kept(mask, np.logical_or.reduce(masks))[1], 3)
                rows.append({"people": n, "face_px": face, "seed": seed, "input": label, "found": len(out["data"]),
                             "recall": recall, "precision": precision, "seconds": round(seconds, 3)})  # fmt: skip
                print(f"{n} people, face {face} px, {label:15}: found {len(out['data'])}, kept {recall}, "
                      f"precision {precision}, {seconds:.2f} s")  # fmt: skip
    per_person = [r for row in rows if row["input"] == "photo" for r in row["recall"]]
    summary = {
        "scenes": len(SCENES),
        "people": len(per_person),
        "counted_right": sum(r["found"] == r["people"] for r in rows if r["input"] == "photo"),
        "recall_median": round(statistics.median(per_person), 3),
        "recall_min": round(min(per_person), 3),
        "precision_min": min(r["precision"] for r in rows if r["input"] == "photo"),
        "rows": rows,
    }
    print(
        f"{summary['counted_right']}/{len(SCENES)} scenes counted right; per person kept median "
        f"{summary['recall_median']:.0%}, min {summary['recall_min']:.0%}; precision min {summary['precision_min']:.0%}"
    )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(summary, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
