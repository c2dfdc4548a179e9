"""People in a photo, as a presenter shows them (issue 22): the answer's count is the detections' count,
and a cut-out holds the visible person, measured against the mask of a photo-like scene drawn here."""

from __future__ import annotations

import re

import numpy as np
import pytest
from made_photos import kept, person_photo
from PIL import Image

from hugginggpt.config import Config
from hugginggpt.detections import people
from hugginggpt.experts.base import ExpertContext
from hugginggpt.experts.embedded.vision import DetectionExpert, SegmentationExpert, original_of
from hugginggpt.orchestrator import Pipeline
from hugginggpt.response import template_answer
from hugginggpt.types import FinalAnswer, Plan, Request, Task, TaskFinished, TaskResult


def run(expert, tmp_path, task: str, image) -> dict:
    return expert.run(Task(0, task, {"image": str(image)}), {"image": str(image)}, ExpertContext(tmp_path, 0))


def mask_of(out: dict, folder) -> np.ndarray:
    return np.asarray(Image.open(folder / out["data"][0]["mask"])) > 127


def answered_count(answer: str) -> int:
    m = re.search(r"I found \*\*(\d+) (?:person|people)\*\*", answer)
    assert m, answer
    return int(m.group(1))


# ---- the count said is the count found ----------------------------------------------------------------


FACES = [
    {"label": "face", "score": 0.96, "box": {"xmin": 85, "ymin": 123, "xmax": 248, "ymax": 286}},
    {"label": "face", "score": 0.96, "box": {"xmin": 352, "ymin": 125, "xmax": 512, "ymax": 285}},
]


def test_a_cut_out_made_after_detection_does_not_hide_the_detection_count():
    """The presenter's photo: detection boxes two faces, a cut-out step consumes it; the answer once said
    "I found 1 person" (read from the cut-out's one summary entry)."""
    plan = Plan(
        [
            Task(0, "object-detection", {"image": "two.png"}),
            Task(1, "image-segmentation", {"image": "<GENERATED>-0"}, (0,)),
        ]
    )
    results = {
        0: TaskResult(
            0, "object-detection", "done", {"image": "t0-boxes.png", "text": "Found 2 faces.", "data": FACES}
        ),
        1: TaskResult(
            1,
            "image-segmentation",
            "done",
            {"image": "t1-cutout.png", "text": "Cut out 2 people.", "data": [{"label": "person"}, {"label": "person"}]},
        ),
    }
    answer = template_answer("how many people are in this photo? cut them out please", plan, results)
    assert answered_count(answer) == people(FACES)[0] == 2
    assert "cut-out of **2 people**" in answer
    assert ".png" not in answer


@pytest.mark.parametrize("n", [1, 2, 3])
def test_the_offline_run_counts_and_cuts_out_the_same_people(tmp_path, n):
    photo, masks = person_photo(n, face=64 if n > 1 else 80, seed=n)
    path = tmp_path / "group.png"
    photo.save(path)
    pipeline = Pipeline.from_config(Config(mode="offline"))
    events = list(
        pipeline.run(
            Request("how many people are in this photo? cut them out please", [str(path)]), pipeline.new_session()
        )
    )
    answer = events[-1].answer if isinstance(events[-1], FinalAnswer) else str(events[-1])
    by_task = {e.result.task: e.result for e in events if isinstance(e, TaskFinished)}
    detected = people(by_task["object-detection"].outputs["data"])[0]
    assert answered_count(answer) == detected == n, answer
    cut = by_task["image-segmentation"]
    assert len(cut.outputs["data"]) == n  # one region per person cut out
    assert f"cut-out of **{n} {'person' if n == 1 else 'people'}**" in answer, answer


# ---- the cut-out holds the person -------------------------------------------------------------------


@pytest.mark.parametrize(("n", "face", "seed"), [(1, 96, 0), (1, 60, 2), (2, 80, 1), (3, 50, 3)])
def test_a_cut_out_keeps_the_visible_person(tmp_path, n, face, seed):
    photo, masks = person_photo(n, face=face, seed=seed)
    path = tmp_path / "photo.png"
    photo.save(path)
    out = run(SegmentationExpert(), tmp_path, "image-segmentation", path)
    mask = mask_of(out, tmp_path)
    for truth in masks:  # each person: most of them kept (not the head alone)
        assert kept(mask, truth)[0] > 0.85, [kept(mask, t) for t in masks]
    recall, precision = kept(mask, np.logical_or.reduce(masks))
    assert precision > 0.9, (recall, precision)  # and little of the room
    assert len(out["data"]) == n
    cut = Image.open(out["image"])
    assert cut.mode == "RGBA"
    # the cut-out is the photo's own pixels: no detection box drawn on anyone
    alpha = np.asarray(cut.getchannel("A")) > 0
    rgb = np.asarray(cut.convert("RGB")).astype(int)[alpha]
    assert (np.abs(rgb - np.array([255, 140, 0])).sum(-1) < 40).mean() < 0.002


def test_handed_the_detection_image_the_cut_out_is_made_from_the_photo(tmp_path):
    """A step handed our own annotated detection image works on the photo the boxes were drawn over: the
    detector names it in the PNG (a text chunk), so no orange box or label ends up in the cut-out."""
    photo, masks = person_photo(2, face=80, seed=1)
    path = tmp_path / "two.png"
    photo.save(path)
    boxes = run(DetectionExpert(), tmp_path, "object-detection", path)
    assert original_of(boxes["image"]) == path
    out = run(SegmentationExpert(), tmp_path, "image-segmentation", boxes["image"])
    mask = mask_of(out, tmp_path)
    for truth in masks:
        assert kept(mask, truth)[0] > 0.85
    cut = Image.open(out["image"])
    alpha = np.asarray(cut.getchannel("A")) > 0
    rgb = np.asarray(cut.convert("RGB")).astype(int)[alpha]
    assert (np.abs(rgb - np.array([255, 140, 0])).sum(-1) < 40).sum() == 0  # not a pixel of a drawn box
    assert "two.png" in out["text"]


def test_only_our_own_note_leads_to_another_file(tmp_path):
    """The note is a file name in the same folder, nothing else: a path elsewhere is not followed."""
    from PIL.PngImagePlugin import PngInfo

    Image.new("RGB", (10, 10)).save(tmp_path / "plain.png")
    assert original_of(tmp_path / "plain.png") is None
    for name in ("../secret.png", "/etc/passwd", "missing.png"):
        info = PngInfo()
        info.add_text("hugginggpt:drawn-over", name)
        Image.new("RGB", (10, 10)).save(tmp_path / "x.png", pnginfo=info)
        assert original_of(tmp_path / "x.png") is None


def test_asked_about_anyone_the_count_is_of_people():
    plan = Plan([Task(0, "object-detection", {"image": "me.png"})])
    one = [{"label": "face", "score": 0.9, "box": {"xmin": 10, "ymin": 10, "xmax": 50, "ymax": 50}}]
    results = {0: TaskResult(0, "object-detection", "done", {"image": "t0-boxes.png", "data": one})}
    answer = template_answer("is anyone in this photo? how many?", plan, results)
    assert answer.startswith("I found **1 person** (1 face)"), answer


def test_the_expert_and_the_answer_say_the_same_people_count():
    """One phrase for the count and its basis: the detector's text and the answer's bold count agree."""
    from hugginggpt.detections import people_said, say_people

    whole = {"label": "person", "score": 0.9, "box": {"xmin": 0, "ymin": 0, "xmax": 300, "ymax": 300}}
    assert people_said([whole]) == ("1 person", "")
    assert say_people([whole]) == "1 person"
    assert people_said(FACES) == ("2 people", "2 faces")
    assert say_people(FACES) == "2 people (2 faces)"
    both = [whole, FACES[0], {**FACES[1], "box": {"xmin": 300, "ymin": 0, "xmax": 400, "ymax": 50}}]
    assert people_said(both) == ("2 people", "1 seen whole, 2 faces")
    assert say_people(both) == "2 people (1 seen whole, 2 faces)"
