"""The DAG scheduler with test experts of set latency: overlap, waiting, failure skipping, timeouts,
fallback to the next candidate. Assertions are on event order and recorded timestamps."""

from __future__ import annotations

import threading

import pytest
from fakes import TimedExpert, backend

from hugginggpt.execution import Scheduler
from hugginggpt.experts.base import Expert, ExpertContext
from hugginggpt.experts.registry import ExpertRegistry
from hugginggpt.planning import validate
from hugginggpt.types import (
    ModelChoice,
    Plan,
    TaskFailed,
    TaskFinished,
    TaskResult,
    TaskSkipped,
    TaskStarted,
)
from hugginggpt.workspace import Workspace


def plan_of(*items: tuple[int, str, dict, list[int]]) -> Plan:
    return validate([{"id": i, "task": t, "args": a, "dep": d} for i, t, a, d in items])


def choose(plan: Plan, registry: ExpertRegistry) -> dict[int, ModelChoice]:
    out = {}
    for t in plan.tasks:
        experts = registry.experts(t.task)
        if experts:
            infos = [e.info(t.task) for e in experts]
            out[t.id] = ModelChoice(t.id, infos[0].id, infos[0].backend, "test", infos)
    return out


def execute(plan: Plan, *experts: Expert, tmp_path, **kw):
    registry = ExpertRegistry([backend(*experts)])
    results: dict[int, TaskResult] = {}
    events = list(Scheduler(registry, **kw).run(plan, choose(plan, registry), Workspace(tmp_path), results))
    return events, results


def kinds(events) -> list[tuple[str, int]]:
    names = {TaskStarted: "start", TaskFinished: "done", TaskFailed: "failed", TaskSkipped: "skipped"}
    return [(names[type(e)], e.task.id if isinstance(e, TaskStarted) else e.result.task_id) for e in events]


def test_independent_tasks_overlap(tmp_path):
    slow = TimedExpert("slow", ("summarization",), latency=0.3)
    plan = plan_of(*[(i, "summarization", {"text": f"t{i}"}, []) for i in range(3)])
    events, results = execute(plan, slow, tmp_path=tmp_path, concurrency=4)
    assert all(r.status == "done" for r in results.values())
    starts = [s for _, s, _ in slow.calls]
    ends = [e for _, _, e in slow.calls]
    assert max(starts) < min(ends), "all three ran at the same time"
    assert kinds(events)[:3] == [("start", 0), ("start", 1), ("start", 2)]


def test_concurrency_limit_is_respected(tmp_path):
    slow = TimedExpert("slow", ("summarization",), latency=0.1)
    plan = plan_of(*[(i, "summarization", {"text": f"t{i}"}, []) for i in range(4)])
    events, _ = execute(plan, slow, tmp_path=tmp_path, concurrency=2)
    live = peak = 0
    for kind, _ in kinds(events):
        live += 1 if kind == "start" else -1
        peak = max(peak, live)
    assert peak == 2


def test_dependents_wait_and_receive_outputs(tmp_path):
    ocr = TimedExpert("ocr", ("image-to-text",), latency=0.1)
    tts = TimedExpert("tts", ("text-to-speech",), latency=0.0)
    (tmp_path / "a.png").write_bytes(b"png")
    plan = plan_of((0, "image-to-text", {"image": "a.png"}, []), (1, "text-to-speech", {"text": "<GENERATED>-0"}, [0]))
    events, results = execute(plan, ocr, tts, tmp_path=tmp_path)
    assert kinds(events) == [("start", 0), ("done", 0), ("start", 1), ("done", 1)]
    assert tts.calls[0][1] >= ocr.calls[0][2]
    assert results[1].outputs["audio"].name.startswith("t1-")
    # the dependent got the upstream text itself, and the image as a path in the workspace
    assert tts.inputs[0] == {"text": results[0].outputs["text"]}
    assert ocr.inputs[0] == {"image": (tmp_path / "a.png").resolve()}


def test_reference_resolves_to_text_inline(tmp_path):
    first = TimedExpert("a", ("summarization",))
    plan = plan_of(
        (0, "summarization", {"text": "doc"}, []),
        (1, "translation", {"text": "Translate: <GENERATED>-0"}, [0]),
    )
    trans = TimedExpert("b", ("translation",))
    _, results = execute(plan, first, trans, tmp_path=tmp_path)
    assert results[1].outputs["text"] == "translation(text=Translate: summarization(text=doc))"


def test_failure_skips_dependents_with_reason_and_siblings_continue(tmp_path):
    bad = TimedExpert("bad", ("summarization",), fail="model exploded")
    good = TimedExpert("good", ("translation", "text-to-speech"))
    plan = plan_of(
        (0, "summarization", {"text": "x"}, []),
        (1, "translation", {"text": "<GENERATED>-0"}, [0]),
        (2, "text-to-speech", {"text": "<GENERATED>-1"}, [1]),
        (3, "translation", {"text": "independent"}, []),
    )
    events, results = execute(plan, bad, good, tmp_path=tmp_path)
    assert results[0].status == "failed" and "model exploded" in results[0].error
    assert results[1].status == "skipped" and results[1].error == "task 0 (summarization) failed"
    assert results[2].status == "skipped" and results[2].error == "task 1 (translation) was skipped"
    assert results[3].status == "done"
    assert ("skipped", 2) in kinds(events) and ("start", 1) not in kinds(events)


def test_next_candidate_is_tried_when_a_model_fails(tmp_path):
    first = TimedExpert("first", ("summarization",), fail="loading")
    second = TimedExpert("second", ("summarization",))
    plan = plan_of((0, "summarization", {"text": "x"}, []))
    _, results = execute(plan, first, second, tmp_path=tmp_path)
    r = results[0]
    assert r.status == "done" and r.model == "second"
    assert r.attempts == ["test:first: loading"]


def test_attempts_are_bounded(tmp_path):
    experts = [TimedExpert(f"m{i}", ("summarization",), fail=f"no {i}") for i in range(5)]
    plan = plan_of((0, "summarization", {"text": "x"}, []))
    _, results = execute(plan, *experts, tmp_path=tmp_path, max_attempts=2)
    assert len(results[0].attempts) == 2
    assert results[0].error == "all 2 models tried failed; last: no 1"
    assert sum(len(e.calls) for e in experts) == 2


def test_timeout_fires_and_skips_dependents(tmp_path):
    release = threading.Event()

    class Hang(TimedExpert):
        def run(self, task, inputs, ctx: ExpertContext):
            release.wait(10)
            return super().run(task, inputs, ctx)

    hang = Hang("hang", ("summarization",))
    other = TimedExpert("ok", ("translation",))
    plan = plan_of((0, "summarization", {"text": "x"}, []), (1, "translation", {"text": "<GENERATED>-0"}, [0]))
    try:
        events, results = execute(plan, hang, other, tmp_path=tmp_path, task_timeout=0.2)
    finally:
        release.set()
    assert results[0].status == "failed" and results[0].error == "timed out after 0.2 s"
    assert results[1].status == "skipped"
    failed = next(e for e in events if isinstance(e, TaskFailed))
    assert 0.2 <= failed.t < 5


def test_crash_in_expert_is_a_failure_not_a_crash(tmp_path):
    class Broken(TimedExpert):
        def run(self, task, inputs, ctx):
            raise ZeroDivisionError("oops")

    plan = plan_of((0, "summarization", {"text": "x"}, []))
    _, results = execute(plan, Broken("broken", ("summarization",)), tmp_path=tmp_path)
    assert results[0].status == "failed" and "ZeroDivisionError" in results[0].error


def test_task_without_expert_fails_with_missing_reason(tmp_path):
    plan = plan_of((0, "text-to-video", {"text": "a cat"}, []))
    expert = TimedExpert("x", ("summarization",))
    _, results = execute(plan, expert, tmp_path=tmp_path)
    reason = ExpertRegistry([backend(expert)]).missing_reason("text-to-video")
    assert results[0].status == "failed" and results[0].error == reason and "text-to-video" in reason


@pytest.mark.parametrize("path", ["/etc/passwd", "../secret.png", "file:///etc/passwd.png"])
def test_refused_paths_fail_the_task(tmp_path, path):
    plan = plan_of((0, "image-classification", {"image": path}, []))
    clf = TimedExpert("clf", ("image-classification",))
    _, results = execute(plan, clf, tmp_path=tmp_path)
    assert results[0].status == "failed"
    assert "only files you uploaded" in results[0].error or "cannot be used" in results[0].error
    assert clf.calls == []


def test_expert_output_outside_workspace_is_rejected(tmp_path):
    outside = tmp_path / "elsewhere.png"
    outside.write_bytes(b"x")

    class Escaper(TimedExpert):
        def run(self, task, inputs, ctx):
            return {"image": outside}

    ws = tmp_path / "ws"
    plan = plan_of((0, "text-to-image", {"text": "cat"}, []))
    _, results = execute(plan, Escaper("esc", ("text-to-image",)), tmp_path=ws)
    assert results[0].status == "failed" and "missing or empty" in results[0].error
