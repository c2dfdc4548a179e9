"""Each plain word people use for an edit does what the answer says it did (issue 22).

For every phrase: the offline editor's pixels are checked against the edit the phrase means, and the
composed answer names that edit and no other. "flip it upside down" once returned a left-right mirror
(a vertical flip followed by a half turn) while the answer said "flipped vertically"."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageOps
from test_embedded_edits import arr, edit, picture

from hugginggpt.response import template_answer
from hugginggpt.types import Plan, Task, TaskResult

T = Image.Transpose
GEOMETRY = [
    # (phrase, the transform it means, a word the answer must hold)
    ("flip it upside down", T.FLIP_TOP_BOTTOM, "upside down"),
    ("flip this photo upside-down please", T.FLIP_TOP_BOTTOM, "upside down"),
    ("flip it vertically", T.FLIP_TOP_BOTTOM, "top to bottom"),
    ("flip it top to bottom", T.FLIP_TOP_BOTTOM, "top to bottom"),
    ("turn it upside down", T.ROTATE_180, "180°"),
    ("rotate it upside down", T.ROTATE_180, "180°"),
    ("rotate it 180 degrees", T.ROTATE_180, "180°"),
    ("flip it horizontally", T.FLIP_LEFT_RIGHT, "left to right"),
    ("flip it left to right", T.FLIP_LEFT_RIGHT, "left to right"),
    ("mirror it", T.FLIP_LEFT_RIGHT, "mirrored"),
    ("make a mirror image of it", T.FLIP_LEFT_RIGHT, "mirrored"),
    ("rotate it 90 degrees", T.ROTATE_270, "clockwise"),
    ("rotate it to the right", T.ROTATE_270, "clockwise"),
    ("rotate it left", T.ROTATE_90, "counterclockwise"),
    ("rotate it anticlockwise", T.ROTATE_90, "counterclockwise"),
]


NOT_SAID = {  # what the answer of each transform must not claim
    T.FLIP_TOP_BOTTOM: ("mirrored", "rotated", "180°"),
    T.ROTATE_180: ("flipped", "mirrored"),
    T.FLIP_LEFT_RIGHT: ("upside down", "rotated", "top to bottom"),
    T.ROTATE_270: ("flipped", "mirrored", "upside down", "counterclockwise"),
    T.ROTATE_90: ("flipped", "mirrored", "upside down"),
}


def answer_for(out: dict, request: str) -> str:
    plan = Plan([Task(0, "image-editing", {"image": "in.png", "text": request})])
    results = {0: TaskResult(0, "image-editing", "done", out, model="pillow/instruction-edits", backend="embedded")}
    return template_answer(request, plan, results).splitlines()[0]


@pytest.mark.parametrize(("phrase", "transpose", "said"), GEOMETRY, ids=[g[0] for g in GEOMETRY])
def test_turns_and_flips_do_what_the_answer_says(tmp_path, phrase, transpose, said):
    out, res = edit(tmp_path, phrase)
    assert (arr(res) == arr(picture().transpose(transpose))).all(), out["data"]["edits"]
    assert len(out["data"]["edits"]) == 1, out["data"]["edits"]  # one phrase, one edit
    answer = answer_for(out, phrase)
    assert said in answer, answer
    for wrong in NOT_SAID[transpose]:
        assert wrong not in answer, answer
    assert "t0-" not in answer and ".png" not in answer  # "the edited image", never a file name


def _gray(a: np.ndarray) -> bool:
    return bool((a[..., 0] == a[..., 1]).all() and (a[..., 1] == a[..., 2]).all())


def _sharpness(a: np.ndarray) -> float:
    g = a.mean(-1)
    return float(np.abs(np.diff(g, axis=0)).mean() + np.abs(np.diff(g, axis=1)).mean())


SRC = arr(picture())
LOOKS = [
    # (phrase, a check of the pixels, a word the answer must hold)
    ("make it black and white", _gray, "grayscale"),
    ("remove the colour", _gray, "grayscale"),
    ("make it grey", _gray, "grayscale"),
    ("make it brighter", lambda a: a.mean() > SRC.mean() + 5, "brightness raised"),
    ("brighten it up", lambda a: a.mean() > SRC.mean() + 5, "brightness raised"),
    ("make it darker", lambda a: a.mean() < SRC.mean() - 5, "brightness lowered"),
    ("blur it", lambda a: _sharpness(a) < _sharpness(SRC), "blurred"),
    ("invert the colors", lambda a: np.abs(a + SRC - 255).max() <= 1, "inverted"),
    ("make it a negative", lambda a: np.abs(a + SRC - 255).max() <= 1, "inverted"),
    ("crop it to a square", lambda a: a.shape[0] == a.shape[1] == 80, "square"),
    ("zoom in", lambda a: a.shape[:2] == (64, 96), "cropped"),
    ("make it half the size", lambda a: a.shape[:2] == (40, 60), "50%"),
    ("make it sepia", lambda a: (a[..., 0] >= a[..., 2]).all() and not _gray(a), "sepia"),
]


@pytest.mark.parametrize(("phrase", "check", "said"), LOOKS, ids=[g[0] for g in LOOKS])
def test_looks_and_sizes_do_what_the_answer_says(tmp_path, phrase, check, said):
    out, res = edit(tmp_path, phrase)
    assert check(arr(res)), out["data"]["edits"]
    answer = answer_for(out, phrase)
    assert said in answer, answer
    assert ".png" not in answer


def test_the_answer_of_an_edit_is_built_from_the_edits_done():
    out = {
        "image": Path("/ws/t1-edited.png"),
        "text": "Edited: rotated 180° (upside down) (480x360).",
        "data": {"edits": ["rotated 180° (upside down)"], "width": 480, "height": 360},
    }
    assert answer_for(out, "turn it upside down") == "Here is the edited image (480x360): rotated 180° (upside down)."


def test_an_upside_down_flip_points_the_rocket_down(tmp_path):
    """The presenter's rocket: a bright tip at the top; after "flip it upside down" the tip is at the bottom
    and still on the same side (a mirror would move it across)."""
    rocket = Image.new("RGB", (90, 160), (20, 20, 60))
    rocket.paste((250, 250, 250), (20, 5, 40, 30))  # the tip, top-left of centre
    rocket.paste((200, 60, 60), (20, 30, 40, 150))
    out, res = edit(tmp_path, "flip it upside down", rocket)
    a = arr(res)
    assert a[140:150, 25:35].min() > 240  # tip now at the bottom, on the left as before
    assert a[140:150, 55:65].max() < 100
    assert (a == arr(ImageOps.flip(rocket))).all()
