"""VADER sentiment as text-classification."""

from __future__ import annotations

import pytest

from hugginggpt.experts.base import ExpertContext, ExpertError
from hugginggpt.experts.embedded.sentiment import SentimentExpert
from hugginggpt.types import Task


def run(tmp_path, text):
    args = {"text": text}
    return SentimentExpert().run(Task(id=0, task="text-classification", args=args), args, ExpertContext(tmp_path, 0))


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("I absolutely love this phone, the camera is wonderful!", "POSITIVE"),
        ("This was the worst, most horrible service I have ever had.", "NEGATIVE"),
        ("The train leaves at nine from platform four.", "NEUTRAL"),
    ],
)
def test_sentiment_labels(tmp_path, text, label):
    out = run(tmp_path, text)
    assert out["data"]["label"] == label
    assert out["text"].startswith(label)
    assert {s["label"] for s in out["data"]["scores"]} == {"POSITIVE", "NEGATIVE", "NEUTRAL"}


def test_empty_text_is_an_expert_error(tmp_path):
    with pytest.raises(ExpertError, match="no text given"):
        run(tmp_path, "   ")
