"""Sentiment of English text with VADER (a rule-based lexicon, bundled in the wheel)."""

from __future__ import annotations

from typing import Any

from ._common import Lazy


def _load():
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    return SentimentIntensityAnalyzer()


VADER: Lazy[Any] = Lazy("vader", _load)


def sentiment(text: str) -> dict[str, Any]:
    """POSITIVE / NEGATIVE / NEUTRAL of an English text, by VADER's compound score."""
    s = VADER.get().polarity_scores(text)
    compound = float(s["compound"])
    # VADER's own thresholds for its compound score.
    label = "POSITIVE" if compound >= 0.05 else "NEGATIVE" if compound <= -0.05 else "NEUTRAL"
    parts = {"POSITIVE": s["pos"], "NEGATIVE": s["neg"], "NEUTRAL": s["neu"]}
    scores = [{"label": k, "score": round(float(v), 4)} for k, v in sorted(parts.items(), key=lambda kv: -kv[1])]
    return {
        "text": f"{label} (compound score {compound:+.3f})",
        "data": {
            "kind": "sentiment",
            "model": "vader",
            "label": label,
            "compound": round(compound, 4),
            "scores": scores,
        },
    }
