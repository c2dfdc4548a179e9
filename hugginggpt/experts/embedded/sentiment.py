"""Sentiment of English text with VADER (a rule-based lexicon, bundled in the wheel)."""

from __future__ import annotations

from typing import Any

from ...types import Task
from ..base import ExpertContext
from ._common import EmbeddedExpert, Lazy, get_text


def _load():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


VADER: Lazy[Any] = Lazy("vader", _load)


class SentimentExpert(EmbeddedExpert):
    """text-classification as sentiment: POSITIVE / NEGATIVE / NEUTRAL."""

    requires = ("vaderSentiment",)
    pip = "vaderSentiment"

    def __init__(self) -> None:
        super().__init__(
            "vader",
            ("text-classification",),
            description=(
                "VADER sentiment analysis (rule-based lexicon tuned for social-media English): labels a text "
                "POSITIVE, NEGATIVE or NEUTRAL with the compound score. Sentiment only."
            ),
            license="mit",
            language="en",
            tags=("embedded", "offline", "sentiment-analysis"),
            downloads=0,
        )

    def slots(self) -> list[Lazy[Any]]:
        return [VADER]

    def run(self, task: Task, inputs: dict[str, Any], ctx: ExpertContext) -> dict[str, Any]:
        text = get_text(inputs)
        s = VADER.get().polarity_scores(text)
        compound = float(s["compound"])
        # VADER's own thresholds for its compound score.
        label = "POSITIVE" if compound >= 0.05 else "NEGATIVE" if compound <= -0.05 else "NEUTRAL"
        parts = {"POSITIVE": s["pos"], "NEGATIVE": s["neg"], "NEUTRAL": s["neu"]}
        data = [{"label": k, "score": round(float(v), 4)} for k, v in sorted(parts.items(), key=lambda kv: -kv[1])]
        return {
            "text": f"{label} (compound score {compound:+.3f})",
            "data": {"label": label, "compound": round(compound, 4), "scores": data},
        }
