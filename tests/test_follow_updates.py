"""The page's stream of a run sends only what changed: on a busy server every update costs CPU."""

from __future__ import annotations

from pathlib import Path

from test_app import make_pipeline, write_png

from hugginggpt.config import Config
from hugginggpt.ui import controller as ui_controller
from hugginggpt.ui.controller import Controller


def test_a_run_waiting_for_a_slot_says_so_with_clock_ticks_only(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(ui_controller, "QUEUED_TICK", 0.2)
    pipeline = make_pipeline(latency=1.0)  # two task levels: the first run holds the slot ~2 s
    ctl = Controller(lambda cfg: pipeline, Config(), tmp_path / "sessions", 3600, max_runs=1, max_waiting=4)
    image = write_png(tmp_path / "a.png")
    first = ctl.respond({"text": "read a.png", "files": [str(image)]}, None, None)
    next(first)  # the first run is live and takes the only slot
    second = ctl.respond({"text": "read a.png", "files": [str(image)]}, None, None)
    opening = next(second)
    assert opening.outcome == "running" and opening.box == "busy"  # the colour and the box, once
    ticks = [next(second) for _ in range(3)]
    for tick in ticks:
        # the second run has not started: only its status line moves, and the colour is left alone
        assert tick.status.startswith("⏳ waiting for a free slot"), tick.status
        assert tick.chat is None and tick.panels is None and tick.outcome is None and tick.box is None
    rest = list(second)
    assert rest[-1].status.startswith("✅ done") and rest[-1].outcome == "done"
    following = ticks + rest[:-1]
    for before, after in zip(following, following[1:], strict=False):  # every update changes something
        assert after.chat is not None or after.panels is not None or after.status != before.status
    assert all(u.outcome is None for u in following)
    # the waiting is said in the Update itself too (the MCP tool's progress reads it), exactly while the status says it
    assert not opening.queued and all(t.queued for t in ticks)
    assert all(u.queued == u.status.startswith("⏳ waiting for a free slot") for u in [*ticks, *rest])
    assert list(first)[-1].status.startswith("✅ done")
