"""Offline text-classification: one expert that routes to sentiment (VADER, the default), language
(langdetect) or zero-shot labels (MiniLM) by the `labels` argument."""

from __future__ import annotations

import pytest

from hugginggpt.experts.base import ExpertContext, ExpertError
from hugginggpt.experts.embedded import EmbeddedBackend
from hugginggpt.experts.embedded.classify import TextClassificationExpert, labels_of, route
from hugginggpt.types import Task


def run(tmp_path, text, **args):
    args = {"text": text, **args}
    return TextClassificationExpert().run(
        Task(id=0, task="text-classification", args=args), args, ExpertContext(tmp_path, 0)
    )


def test_one_expert_serves_text_classification():
    assert [e.model for e in EmbeddedBackend().experts("text-classification")] == [TextClassificationExpert().model]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("I absolutely love this wonderful day!", "POSITIVE"),
        ("I absolutely love this phone, the camera is wonderful!", "POSITIVE"),
        ("This was the worst, most horrible service I have ever had.", "NEGATIVE"),
        ("The train leaves at nine from platform four.", "NEUTRAL"),
    ],
)
def test_sentiment_is_the_default(tmp_path, text, label):
    out = run(tmp_path, text)
    assert out["data"]["kind"] == "sentiment" and out["data"]["model"] == "vader"
    assert out["data"]["label"] == label and out["text"].startswith(label)
    assert {s["label"] for s in out["data"]["scores"]} == {"POSITIVE", "NEGATIVE", "NEUTRAL"}


@pytest.mark.parametrize("labels", ["sentiment", "positive, negative", "Positive or negative?", ["neutral", "mixed"]])
def test_sentiment_labels_route_to_vader(tmp_path, labels):
    out = run(tmp_path, "The food was cold and the waiter was rude.", labels=labels)
    assert out["data"]["kind"] == "sentiment" and out["data"]["label"] == "NEGATIVE"


@pytest.mark.parametrize(
    ("text", "code", "name"),
    [
        ("The weather is lovely today and we are going to the beach.", "en", "English"),
        ("Ceci est une phrase écrite en français pour tester la détection.", "fr", "French"),
        ("Das ist ein deutscher Satz, der die Spracherkennung prüfen soll.", "de", "German"),
        ("これは日本語の文です。", "ja", "Japanese"),
    ],
)
def test_language_when_asked(tmp_path, text, code, name):
    out = run(tmp_path, text, labels="language")
    assert out["data"]["kind"] == "language" and out["data"]["model"] == "langdetect"
    assert out["data"]["label"] == code and out["data"]["name"] == name
    assert out["text"].startswith(name)
    assert 0.5 < out["data"]["scores"][0]["score"] <= 1.0


def test_language_is_repeatable(tmp_path):
    text = "Hola, ¿cómo estás? Espero que todo vaya bien."
    assert run(tmp_path, text, labels="language") == run(tmp_path, text, labels="language")


def test_no_letters_is_an_expert_error(tmp_path):
    with pytest.raises(ExpertError, match="cannot tell the language"):
        run(tmp_path, "12345 !!! ???", labels="language")
    with pytest.raises(ExpertError, match="no text given"):
        run(tmp_path, "   ")


@pytest.mark.parametrize(
    ("text", "labels", "expected"),
    [
        ("The striker scored twice in the cup final.", "politics, sports, cooking", "sports"),
        ("Parliament voted on the new budget bill last night.", "sports, politics, cooking", "politics"),
        ("Whisk the eggs with sugar, then fold in the flour.", "sports; politics; cooking", "cooking"),
        ("Is this headline about sports, politics or cooking?", ["sports", "politics", "cooking"], None),
    ],
)
def test_zero_shot_over_given_labels(tmp_path, text, labels, expected):
    out = run(tmp_path, text, labels=labels)
    data = out["data"]
    assert data["kind"] == "zero-shot" and data["model"] == "sentence-transformers/all-MiniLM-L6-v2"
    assert {s["label"] for s in data["scores"]} == {"sports", "politics", "cooking"}
    assert sum(s["score"] for s in data["scores"]) == pytest.approx(1.0, abs=1e-3)
    if expected:
        assert data["label"] == expected, data


def test_topic_and_emotion_use_built_in_label_sets(tmp_path):
    out = run(tmp_path, "The central bank raised interest rates and stocks fell sharply.", labels="topic")
    assert out["data"]["kind"] == "zero-shot" and out["data"]["label"] == "business and finance"
    out = run(tmp_path, "I am so scared of the dark, I cannot stop shaking.", labels="emotion")
    assert out["data"]["label"] == "fear", out["data"]


def test_a_single_unknown_label_is_an_expert_error(tmp_path):
    with pytest.raises(ExpertError, match="needs at least two candidate labels"):
        run(tmp_path, "Win a free cruise now!!!", labels="spam")


def test_labels_parsing_and_routes():
    assert labels_of({"labels": "sports, politics or cooking"}, {}) == ["sports", "politics", "cooking"]
    assert labels_of({}, {"candidate_labels": ["a", " b "]}) == ["a", "b"]
    assert labels_of({}, {}) == []
    assert route([])[0] == "sentiment"
    assert route(["Language"])[0] == "language"
    assert route(["a", "b"]) == ("zero-shot", ["a", "b"], "This text is about {}.")


def test_an_explicit_plan_without_labels_runs_sentiment_through_the_pipeline():
    # The defect this expert fixes: selection ranked langdetect first for this text, so a plain
    # text-classification task answered with a language.
    from hugginggpt.config import Config
    from hugginggpt.orchestrator import Pipeline
    from hugginggpt.types import FinalAnswer, Plan, Request

    text = "I absolutely love this wonderful day!"
    plan = Plan([Task(id=0, task="text-classification", args={"text": text})])
    final = Pipeline.from_config(Config(mode="offline")).answer(Request(text, plan=plan))
    assert isinstance(final, FinalAnswer), final
    result = final.trace["results"]["0"]
    assert result["status"] == "done" and result["model"] == "vader+langdetect+all-MiniLM-L6-v2"
    assert result["outputs"]["text"].startswith("POSITIVE"), result
