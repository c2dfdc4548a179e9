"""Requests as people type them at a demo, each through the whole offline pipeline (no keys, no
network), on files made here: the answer holds what was asked (the text read, the count, the transcript
words, the label), or the capability map's sentence on what to configure. The set and its checks are
bench/demo_requests.py's; the benchmark adds latency per kind of request."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import demo_requests as demo  # noqa: E402


@pytest.fixture(scope="module")
def pipeline():
    return demo.offline_pipeline()


@pytest.fixture(scope="module")
def paths(tmp_path_factory):
    return demo.make_files(tmp_path_factory.mktemp("made"))


def test_the_set_covers_what_people_ask_at_a_demo():
    kinds = {d.kind for d in demo.DEMOS}
    assert len(demo.DEMOS) >= 40
    assert {"ocr", "faces", "cutout", "edges", "edit", "asr", "tts", "sentiment", "language", "similarity"} <= kinds
    assert {"qa", "topic", "summary", "greeting", "needs-model"} <= kinds


@pytest.mark.parametrize("case", demo.DEMOS, ids=lambda d: d.request[:48])
def test_demo_request(pipeline, paths, case):
    out = demo.run_one(pipeline, case, paths)
    assert out.ok, f"{case.request!r} planned {out.plan}: {out.why}\n{out.answer}"
