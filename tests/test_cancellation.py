"""Under load and faults: deadlines and cancel flags reach the experts, stuck models release their
locks, a stopped run leaves no work running and no files behind, one run per conversation at a time,
and the process's thread count stays bounded however many sessions run at once."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from fakes import TimedExpert, backend, wait_until

from hugginggpt.config import Config
from hugginggpt.execution import Scheduler
from hugginggpt.executors import Executors, shared
from hugginggpt.experts.base import Cancelled, DeadlineExceeded, Expert, ExpertContext, ExpertError
from hugginggpt.experts.registry import ExpertRegistry
from hugginggpt.orchestrator import Pipeline
from hugginggpt.planning import validate
from hugginggpt.types import (
    FinalAnswer,
    ModelChoice,
    Plan,
    Request,
    RunFailed,
    Task,
    TaskFailed,
    TaskResult,
    TaskSkipped,
    TaskStarted,
)
from hugginggpt.workspace import Workspace


def plan_of(*items: tuple[int, str, dict, list[int]]) -> Plan:
    return validate([{"id": i, "task": t, "args": a, "dep": d} for i, t, a, d in items])


class Synth(Expert):
    """A text-to-speech stand-in with one process-wide model lock, like the embedded voice. Text
    "stuck" synthesizes forever, one sentence at a time (checking the context between sentences, as
    tts.py does); `native=True` makes it sleep without checks, like a call stuck in native code."""

    workload = "cpu"

    def __init__(self, model: str = "test/synth", native: bool = False):
        super().__init__(model, ("text-to-speech",))
        self.lock = threading.Lock()
        self.native = native
        self.inside = threading.Event()  # set once a call holds the model
        self.live = 0  # calls running now
        self.exits: list[str] = []  # how each call ended
        self._count = threading.Lock()

    def run(self, task: Task, inputs: dict[str, Any], ctx: ExpertContext) -> dict[str, Any]:
        with self._count:
            self.live += 1
        try:
            path = ctx.new_file("speech", ".wav")
            with ctx.hold(self.lock):
                self.inside.set()
                if inputs["text"] == "stuck":
                    path.write_bytes(b"RIFF-partial")
                    if self.native:
                        time.sleep(1.5)
                    else:
                        for _ in range(600):
                            ctx.sleep(0.05)
                path.write_bytes(b"RIFF0000WAVEfake")
            self.exits.append("done")
            return {"audio": path, "text": "1.0 s of speech"}
        except ExpertError as e:
            self.exits.append(type(e).__name__)
            raise
        finally:
            with self._count:
                self.live -= 1


def tts_plan(text: str) -> Plan:
    return plan_of((0, "text-to-speech", {"text": text}, []))


def pipeline(*experts: Expert, **cfg) -> Pipeline:
    cfg.setdefault("llm_selects", False)
    return Pipeline(Config(**cfg), backends=[backend(*experts)])


def drain(events) -> list:
    return list(events)


def test_context_check_sleep_and_hold():
    ctx = ExpertContext(workdir=None, task_id=0, timeout=0.05)  # type: ignore[arg-type]
    assert ctx.deadline is not None and ctx.remaining() <= 0.05
    with pytest.raises(DeadlineExceeded, match="timed out after 0.05 s"):
        ctx.sleep(5)
    cancel = threading.Event()
    ctx = ExpertContext(workdir=None, task_id=0, cancel=cancel)  # type: ignore[arg-type]
    ctx.check()  # no deadline, no cancel: nothing happens
    threading.Timer(0.05, cancel.set).start()
    with pytest.raises(Cancelled):
        ctx.sleep(5)
    lock = threading.Lock()
    lock.acquire()
    try:
        ctx = ExpertContext(workdir=None, task_id=0, timeout=0.1)  # type: ignore[arg-type]
        with pytest.raises(DeadlineExceeded, match="busy with other requests"):
            with ctx.hold(lock):
                pass
    finally:
        lock.release()
    assert lock.acquire(blocking=False)


def test_stuck_expert_releases_its_lock_for_another_session(tmp_path):
    synth = Synth()
    stuck_pipe = pipeline(synth, task_timeout=0.5, workdir=tmp_path)
    ok_pipe = pipeline(synth, task_timeout=30.0, workdir=tmp_path)
    stuck_session, other_session = stuck_pipe.new_session(), ok_pipe.new_session()
    stuck_out: list = []
    t = threading.Thread(
        target=lambda: stuck_out.extend(stuck_pipe.run(Request("x", plan=tts_plan("stuck")), stuck_session))
    )
    t.start()
    assert synth.inside.wait(10), "the stuck call took the model"
    # the other session asks for the same task while the model is held by the stuck call
    final = ok_pipe.answer(Request("y", plan=tts_plan("hello there")), other_session)
    t.join(30)
    assert isinstance(final, FinalAnswer)
    assert final.trace["results"]["0"]["status"] == "done"
    stuck_result = next(e.result for e in stuck_out if isinstance(e, TaskFailed))
    assert stuck_result.error == "timed out after 0.5 s"
    assert synth.exits.count("DeadlineExceeded") == 1 and synth.exits.count("done") == 1
    assert synth.lock.acquire(blocking=False), "nobody holds the model any more"
    synth.lock.release()
    # the stuck call's half-written file is gone; the other session's output is there
    assert stuck_session.file_names() == []
    assert other_session.file_names() == ["t0-speech.wav"]


def test_expert_stuck_without_checks_fails_others_with_a_reason_not_a_hang(tmp_path):
    synth = Synth(native=True)
    stuck_pipe = pipeline(synth, task_timeout=0.3, workdir=tmp_path)
    other_pipe = pipeline(synth, task_timeout=0.4, workdir=tmp_path)
    t = threading.Thread(target=lambda: stuck_pipe.answer(Request("x", plan=tts_plan("stuck"))))
    t.start()
    assert synth.inside.wait(10)
    final = other_pipe.answer(Request("y", plan=tts_plan("hello")))
    t.join(30)
    result = final.trace["results"]["0"]
    assert result["status"] == "failed"
    assert "busy with other requests" in result["error"]


def test_cancelled_run_stops_tasks_skips_pending_and_leaves_no_files(tmp_path):
    synth = Synth()
    other = TimedExpert("test/asr", ("automatic-speech-recognition",))
    pipe = pipeline(synth, other, workdir=tmp_path, workers=5)
    session = pipe.new_session()
    cancel = threading.Event()
    plan = plan_of(
        (0, "text-to-speech", {"text": "stuck"}, []),
        (1, "automatic-speech-recognition", {"audio": "<GENERATED>-0"}, [0]),
    )
    events = []
    for event in pipe.run(Request("x", plan=plan), session, cancel=cancel):
        events.append(event)
        if isinstance(event, TaskStarted):
            assert synth.inside.wait(10)
            cancel.set()
    last = events[-1]
    assert isinstance(last, RunFailed) and last.stage == "cancelled"
    assert last.message.startswith("Stopped:")
    failed = next(e.result for e in events if isinstance(e, TaskFailed))
    skipped = next(e.result for e in events if isinstance(e, TaskSkipped))
    assert (failed.task_id, failed.error) == (0, "stopped")
    assert (skipped.task_id, skipped.error) == (1, "the run was stopped")
    from hugginggpt.ui.view import STOP_ERRORS

    assert failed.error in STOP_ERRORS and skipped.error in STOP_ERRORS  # the page shows both as stopped
    # nothing of the run is still working, nothing it half-wrote is left, the turn is not remembered
    assert synth.live == 0 and synth.exits == ["Cancelled"]
    assert wait_until(lambda: shared(5, 20).busy() == 0)
    assert session.file_names() == []
    assert session.history == [] and not session.running
    assert other.calls == []


def test_cancel_skips_tasks_still_waiting_for_a_worker(tmp_path):
    synth = Synth()
    registry = ExpertRegistry([backend(synth)])
    plan = plan_of(*[(i, "text-to-speech", {"text": "stuck"}, []) for i in range(3)])
    info = synth.info("text-to-speech")
    choices = {t.id: ModelChoice(t.id, info.id, info.backend, "test", [info]) for t in plan.tasks}
    executors = Executors(cpu_workers=1, io_workers=1)  # one task runs, two wait in the pool
    cancel = threading.Event()
    results: dict[int, TaskResult] = {}
    gen = Scheduler(registry, concurrency=8, executors=executors).run(
        plan, choices, Workspace(tmp_path), results, cancel=cancel
    )
    events = []
    for event in gen:
        events.append(event)
        if sum(isinstance(e, TaskStarted) for e in events) == 3:
            assert synth.inside.wait(10)
            cancel.set()
    statuses = sorted((r.status, r.error) for r in results.values())
    assert statuses == [("failed", "stopped"), ("skipped", "the run was stopped"), ("skipped", "the run was stopped")]
    assert synth.exits == ["Cancelled"], "the waiting tasks never ran"
    assert executors.pools["cpu"].pending() == 0 and wait_until(lambda: executors.busy() == 0)
    assert list(tmp_path.iterdir()) == []


def test_closing_the_stream_stops_the_run(tmp_path):
    """A closed browser tab drops the generator: the running task stops, its files go."""
    synth = Synth()
    pipe = pipeline(synth, workdir=tmp_path)
    session = pipe.new_session()
    gen = pipe.run(Request("x", plan=tts_plan("stuck")), session)
    for event in gen:
        if isinstance(event, TaskStarted):
            break
    assert synth.inside.wait(10)
    gen.close()
    assert wait_until(lambda: synth.exits == ["Cancelled"])
    assert wait_until(lambda: session.file_names() == [])
    assert not session.running


def test_failed_attempt_leaves_no_empty_file_for_the_next_turn(tmp_path):
    class Broken(Expert):
        def run(self, task, inputs, ctx):
            ctx.new_file("speech", ".wav")  # a placeholder, then the model fails
            raise ExpertError("the voice crashed")

    broken = Broken("test/broken", ("text-to-speech",))
    pipe = pipeline(broken, workdir=tmp_path)
    session = pipe.new_session()
    final = pipe.answer(Request("x", plan=tts_plan("hello")), session)
    assert final.trace["results"]["0"]["status"] == "failed"
    assert session.file_names() == []
    # with a fallback candidate, only the working model's file stays
    good = TimedExpert("test/good", ("text-to-speech",))
    pipe = Pipeline(Config(llm_selects=False, workdir=tmp_path), backends=[backend(broken), backend(good, name="b2")])
    session = pipe.new_session()
    final = pipe.answer(Request("x", plan=tts_plan("hello")), session)
    assert final.trace["results"]["0"]["status"] == "done"
    (made,) = session.workspace.files()
    assert made.name.startswith("t0-text-to-speech") and made.stat().st_size > 0


def test_one_run_per_conversation_and_stop_waits_for_it(tmp_path):
    synth = Synth()
    pipe = pipeline(synth, workdir=tmp_path)
    session = pipe.new_session()
    first: list = []
    t = threading.Thread(target=lambda: first.extend(pipe.run(Request("first", plan=tts_plan("stuck")), session)))
    t.start()
    assert synth.inside.wait(10) and session.running
    second = drain(pipe.run(Request("second", plan=tts_plan("hello")), session))
    assert len(second) == 1 and isinstance(second[0], RunFailed) and second[0].stage == "busy"
    assert "still answering" in second[0].message
    assert session.stop(wait=10) is True  # "New conversation": cancel and wait, then delete safely
    assert not session.running and synth.live == 0
    t.join(10)
    assert isinstance(first[-1], RunFailed) and first[-1].stage == "cancelled"
    assert session.file_names() == [] and session.history == []
    # the conversation takes requests again
    final = pipe.answer(Request("third", plan=tts_plan("hello")), session)
    assert isinstance(final, FinalAnswer)
    assert [m["content"] for m in session.history if m["role"] == "user"] == ["third"]


def test_thread_count_stays_bounded_under_16_sessions(tmp_path):
    cpu = TimedExpert("test/cpu-tts", ("text-to-speech",), latency=0.05)
    cpu.workload = "cpu"
    io = TimedExpert("test/remote", ("summarization", "translation"), latency=0.05)
    pipe = pipeline(cpu, io, workdir=tmp_path, workers=2)  # cpu pool 2 threads, io pool 8
    plan = plan_of(
        (0, "summarization", {"text": "doc"}, []),
        (1, "translation", {"text": "doc"}, []),
        (2, "text-to-speech", {"text": "<GENERATED>-0"}, [0]),
        (3, "text-to-speech", {"text": "<GENERATED>-1"}, [1]),
    )
    sessions = [pipe.new_session() for _ in range(16)]
    baseline = threading.active_count()
    peak = [baseline]
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            peak.append(threading.active_count())
            time.sleep(0.005)

    finals: dict[int, list] = {i: [] for i in range(16)}

    def drive(i: int) -> None:
        for k in range(2):
            finals[i].append(pipe.answer(Request(f"s{i}-r{k}", plan=plan), sessions[i]))

    sampler = threading.Thread(target=sample)
    sampler.start()
    drivers = [threading.Thread(target=drive, args=(i,)) for i in range(16)]
    for d in drivers:
        d.start()
    for d in drivers:
        d.join(60)
    stop.set()
    sampler.join()
    assert all(len(f) == 2 and all(isinstance(x, FinalAnswer) for x in f) for f in finals.values())
    # 16 driving threads + the sampler + at most 2 cpu + 8 io workers: never a thread per task
    # (a thread per task would be 16 x 2 tasks at once at the least)
    assert max(peak) - baseline <= 16 + 1 + 2 + 8
    assert len(cpu.calls) == 64 and len(io.calls) == 64
    for i, s in enumerate(sessions):  # no session saw another's requests or files
        assert [m["content"] for m in s.history if m["role"] == "user"] == [f"s{i}-r0", f"s{i}-r1"]
        assert all(s.workspace.root != o.workspace.root for o in sessions if o is not s)
