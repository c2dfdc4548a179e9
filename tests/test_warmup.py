"""Background warm-up: models load one after another; the page line says which are still loading."""

from __future__ import annotations

import threading

import pytest

from hugginggpt import warmup
from hugginggpt.experts.embedded._common import Lazy


class Gate:
    """A loader that blocks until released, counting its calls."""

    def __init__(self, value: object = "model", fail: str | None = None):
        self.release = threading.Event()
        self.entered = threading.Event()
        self.calls = 0
        self.value, self.fail = value, fail

    def __call__(self) -> object:
        self.calls += 1
        self.entered.set()
        assert self.release.wait(10), "the test never released the loader"
        if self.fail:
            raise RuntimeError(self.fail)
        return self.value


@pytest.mark.parametrize(
    ("system", "opt", "want"), [("", "", False), ("spaces", "", True), ("", "1", True), ("spaces", "off", False)]
)
def test_warm_up_runs_on_a_space_or_when_opted_in(monkeypatch, system, opt, want):
    monkeypatch.setenv("SYSTEM", system)
    monkeypatch.setenv(warmup.ENV, opt)
    assert warmup.wanted() is want


def test_models_load_in_order_and_the_line_names_those_still_loading():
    a, b = Gate("A"), Gate("B")
    w = warmup.WarmUp([Lazy("org/first", a), Lazy("org/second", b)]).start()
    assert a.entered.wait(5)
    assert w.busy and w.loading() == ["org/first", "org/second"]
    assert w.line().startswith("⏳ Still loading 2 offline models: org/first, org/second.")
    assert not b.entered.is_set()  # one at a time: 2 cores are shared with the first visitors
    a.release.set()
    assert b.entered.wait(5)
    assert w.loading() == ["org/second"]
    assert "1 offline model: org/second." in w.line()
    b.release.set()
    assert w.join(5)
    assert not w.busy and w.loading() == [] and w.line() == ""
    assert set(w.seconds) == {"org/first", "org/second"} and not w.errors


def test_a_request_during_the_load_waits_for_it_and_shares_the_model():
    gate = Gate(object())
    slot = Lazy("org/model", gate)
    w = warmup.WarmUp([slot]).start()
    assert gate.entered.wait(5)
    got = []
    request = threading.Thread(target=lambda: got.append(slot.get()))
    request.start()
    request.join(0.2)
    assert request.is_alive()  # waits for the load in progress...
    gate.release.set()
    request.join(5)
    assert w.join(5)
    assert got == [gate.value] and gate.calls == 1  # ...and gets that same model: no second load


def test_a_failed_load_is_reported_and_the_rest_still_load():
    bad, good = Gate(fail="connection refused"), Gate("ok")
    bad.release.set()
    good.release.set()
    w = warmup.WarmUp([Lazy("org/bad", bad), Lazy("org/good", good)]).start()
    assert w.join(5)
    assert "org/bad" in w.errors and "connection refused" in w.errors["org/bad"]
    assert list(w.seconds) == ["org/good"]
    assert w.line() == "⚠️ Could not preload org/bad; it loads again on first use."


def test_start_is_off_locally_and_once_per_process(monkeypatch):
    monkeypatch.delenv("SYSTEM", raising=False)
    monkeypatch.delenv(warmup.ENV, raising=False)
    monkeypatch.setattr(warmup, "_CURRENT", None)
    assert warmup.start() is None and warmup.line() == "" and not warmup.busy()
    gate = Gate()
    gate.release.set()
    first = warmup.start([Lazy("org/m", gate)], force=True)
    assert first is not None and warmup.start(force=True) is first and warmup.current() is first
    assert first.join(5) and gate.calls == 1


def test_the_default_warm_up_covers_the_models_and_the_planner_index(monkeypatch):
    from hugginggpt.experts.embedded import EmbeddedBackend
    from hugginggpt.planning.embedded import reading

    monkeypatch.setattr(warmup, "_CURRENT", None)
    monkeypatch.delenv("HUGGINGGPT_MODE", raising=False)
    monkeypatch.setattr(warmup.WarmUp, "start", lambda self: self)  # build the list only: load nothing here
    w = warmup.start(force=True)
    names = [s.name for s in w.slots]
    assert names[:-1] == [s.name for s in EmbeddedBackend().slots()]
    assert names[-1] == "embedded planner (MiniLM index)"
    index = w.slots[-1]
    index.get()  # builds the goals' index with the installed MiniLM
    assert reading.INDEX.ready and index.loaded
