"""The embedded backend: cheap import, task coverage, missing reasons, lazy thread-safe loading."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from hugginggpt.experts.base import ExpertError, backend_factories
from hugginggpt.experts.embedded import EmbeddedBackend, all_experts
from hugginggpt.experts.embedded._common import Lazy, split_sentences
from hugginggpt.tasks import TASKS

SERVED = {
    "image-to-text",
    "document-question-answering",
    "automatic-speech-recognition",
    "text-to-speech",
    "sentence-similarity",
    "question-answering",
    "summarization",
    "text-classification",
    "object-detection",
    "image-segmentation",
    "canny-control",
    "image-to-image",
    "image-editing",
}
HEAVY = (
    "cv2",
    "rapidocr",
    "onnxruntime",
    "piper",
    "faster_whisper",
    "ctranslate2",
    "av",
    "tokenizers",
    "safetensors",
    "langdetect",
)


def test_import_loads_no_model_library():
    code = (
        "import sys, time; t = time.perf_counter(); import hugginggpt.experts.embedded as e; "
        "b = e.EmbeddedBackend(); b.served_tasks(); "
        f"print(time.perf_counter() - t); print([m for m in {HEAVY!r} if m in sys.modules])"
    )
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root)
    out = out.stdout.split("\n")
    assert out[1] == "[]", f"importing the backend pulled in model libraries: {out[1]}"
    assert float(out[0]) < 1.5


def test_registered_as_embedded():
    backend = backend_factories()["embedded"](None)
    assert isinstance(backend, EmbeddedBackend)
    assert backend.name == "embedded" and backend.priority == 10


def test_served_tasks_and_experts_carry_metadata():
    backend = EmbeddedBackend()
    assert set(backend.served_tasks()) == SERVED
    for task in SERVED:
        for expert in backend.experts(task):
            assert expert.backend == "embedded"
            info = expert.info(task)
            assert info.id == expert.model and info.backend == "embedded"
            assert info.description and info.license
            assert task in TASKS
    ids = [e.model for e in backend.experts("text-classification")]
    assert ids == ["vader+langdetect+all-MiniLM-L6-v2"]  # one expert routes by the labels asked for


def test_missing_names_only_what_this_backend_can_fix():
    """The embedded backend speaks only for its own models; what else would serve a task (a token, an
    LLM) is the capability map's to say."""
    backend = EmbeddedBackend()
    for task in TASKS:
        assert backend.missing(task) is None
    assert bool(backend.experts("image-to-text")) and not backend.experts("translation")


def test_uninstalled_package_hides_expert_and_says_what_to_install(monkeypatch):
    from hugginggpt.capabilities import render
    from hugginggpt.experts import embedded

    monkeypatch.setattr(embedded, "_installed", lambda m: m != "faster_whisper")
    backend = EmbeddedBackend()
    assert backend.experts("automatic-speech-recognition") == []
    missing = backend.missing("automatic-speech-recognition")
    assert missing is not None and missing.kind == "package"
    assert "pip install faster-whisper" in render("automatic-speech-recognition", missing)


def test_expert_ids_are_unique():
    ids = [e.model for e in all_experts()]
    assert len(ids) == len(set(ids))


def test_lazy_loads_once_under_concurrency():
    calls = []

    def loader():
        calls.append(1)
        time.sleep(0.05)
        return object()

    slot = Lazy("x", loader)
    got = []
    threads = [threading.Thread(target=lambda: got.append(slot.get())) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1 and len({id(g) for g in got}) == 1
    assert slot.loaded and slot.load_seconds is not None


def test_lazy_turns_load_failure_into_expert_error():
    def broken():
        raise OSError("weights missing")

    with pytest.raises(ExpertError, match="could not load the embedded model x: weights missing"):
        Lazy("x", broken).get()


def test_split_sentences():
    text = "Hello there. How are you?  It costs 3.5 dollars!\n\nA paragraph without a stop"
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "Hello there.",
        "How are you?",
        "It costs 3.5 dollars!",
        "A paragraph without a stop",
    ]


@pytest.mark.slow
def test_warm_up_loads_every_model():
    loaded = EmbeddedBackend().warm_up()
    assert {
        "rapidocr/PP-OCRv6-small",
        "Systran/faster-whisper-tiny.en",
        "rhasspy/piper-en_US-joe-medium",
        "vader",
    } <= set(loaded)
    assert all(slot.loaded for slot in EmbeddedBackend().slots())
