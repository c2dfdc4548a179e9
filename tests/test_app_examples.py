"""The page's examples run offline: the embedded planner and models answer each with every task done."""

from __future__ import annotations

from pathlib import Path

import pytest

import app
from hugginggpt.config import Config
from hugginggpt.orchestrator import Pipeline, Session
from hugginggpt.types import FinalAnswer, Request
from hugginggpt.ui import view as ui_view


@pytest.fixture(scope="module")
def offline():
    return Pipeline.from_config(Config(mode="offline"))


@pytest.mark.parametrize("example", app.EXAMPLES, ids=lambda e: e["text"][:40])
def test_example_runs_offline(offline, example):
    session = Session()
    try:
        view = ui_view.RunView(example["text"])
        for event in offline.run(Request(example["text"], [Path(f) for f in example["files"]]), session):
            view.apply(event)
        assert view.finished and view.error is None, view.error
        assert view.plan_source == "offline" and view.plan.tasks
        assert set(view.states.values()) == {"done"}, ui_view.render_outputs_text(view)
        assert view.answer
    finally:
        session.workspace.cleanup()


def test_receipt_example_reads_the_total(offline):
    ex = app.EXAMPLES[0]
    result = offline.answer(Request(ex["text"], [Path(f) for f in ex["files"]]))
    assert isinstance(result, FinalAnswer) and "10.50" in result.answer
