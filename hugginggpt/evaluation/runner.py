"""Every case under every configuration: each run in its own conversation, a bounded number at once,
each within the case's time limit. A failing LLM, model or case is a record, never the end of the batch;
Ctrl-C stops the runs in flight and keeps what finished."""

from __future__ import annotations

import json
import queue
import re
import shutil
import sys
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from ..orchestrator import Pipeline, Session
from ..types import (
    FinalAnswer,
    ModelsSelected,
    PlanReady,
    Request,
    RunFailed,
    TaskFailed,
    TaskFinished,
    TaskSkipped,
)
from ..workspace import Workspace
from .cases import Case
from .checks import Check, Observed, judge, passed
from .configs import ConfigUnusable, EvalConfig

PipelineFactory = Callable[[EvalConfig], Pipeline]
# a cancelled run ends once its running tasks reach a check; one stuck in a call is left behind after this
GRACE_SECONDS = 10.0
_END = object()


@dataclass
class RunRecord:
    """One case under one configuration: what the report shows of it."""

    case_id: str
    config: str
    answer: str = ""
    plan: list[dict] = field(default_factory=list)
    choices: dict[str, Any] = field(default_factory=dict)
    results: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0
    llm_calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    error: str | None = None
    checks: list[Check] = field(default_factory=list)
    plan_source: str | None = None
    notes: list[str] = field(default_factory=list)  # the plan's repairs and what it left out
    folder: Path | None = None  # the run's files: uploads, outputs, trace.json
    timed_out: bool = False
    interrupted: bool = False  # stopped by Ctrl-C: not a finished run

    @property
    def passed(self) -> bool | None:
        return passed(self.checks)

    @property
    def failed(self) -> bool:
        """A failure to show: an expectation missed or the run ended without an answer."""
        return self.passed is False or self.error is not None

    @property
    def tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens


@dataclass
class Outcome:
    records: dict[tuple[str, str], RunRecord]  # (case id, config name) -> its run
    interrupted: bool = False
    seconds: float = 0.0


class Progress:
    """One line on the terminal: runs done, failures, time left. Off a terminal, a line per run."""

    def __init__(self, total: int, stream: IO[str] | None = None, width: int = 24):
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        self.tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.width = width
        self.done = 0
        self.failed = 0
        self.start = time.monotonic()

    def update(self, record: RunRecord) -> None:
        self.done += 1
        self.failed += record.failed
        elapsed = time.monotonic() - self.start
        left = elapsed / self.done * (self.total - self.done)
        status = f"{self.done}/{self.total} runs, {self.failed} failed, {_clock(left)} left"
        if self.tty:
            filled = round(self.width * self.done / self.total) if self.total else self.width
            bar = "#" * filled + "." * (self.width - filled)
            end = "\n" if self.done == self.total else ""
            print(f"\r[{bar}] {status}   ", end=end, file=self.stream, flush=True)
        else:
            mark = "ok  " if record.passed else "FAIL" if record.failed else "done"
            print(
                f"[{status}] {mark} {record.case_id} @ {record.config} ({record.seconds:.1f} s)",
                file=self.stream,
                flush=True,
            )

    def close(self, note: str = "") -> None:
        if self.tty and self.done < self.total:
            print(file=self.stream)
        if note:
            print(note, file=self.stream, flush=True)


def _clock(seconds: float) -> str:
    seconds = int(round(seconds))
    return f"{seconds // 60}m{seconds % 60:02d}s" if seconds >= 60 else f"{seconds}s"


def slug(name: str) -> str:
    """A folder name for a case id or configuration name."""
    return re.sub(r"[^A-Za-z0-9._+-]+", "_", name).strip("._")[:80] or "x"


def _never_ran(case: Case, config: str, why: str) -> RunRecord:
    """The record of a run that could not start (a missing file, an unusable configuration): it fails
    every check of its case, and `why` is its error."""
    record = RunRecord(case.id, config, error=why, folder=None)
    record.checks = judge(case.expect, Observed(failed=why))
    return record


def run_case(
    pipeline: Pipeline,
    case: Case,
    config: str,
    folder: Path,
    timeout: float,
    stop: threading.Event | None = None,
    grace: float = GRACE_SECONDS,
) -> RunRecord:
    """Run one case in a new conversation whose files lie in `folder`; its trace is written there.
    Past `timeout` (or once `stop` is set) the run is cancelled; one that has not ended `grace` seconds
    later is left behind, reported as such."""
    if case.missing:
        return _never_ran(case, config, case.missing)
    record = RunRecord(case.id, config, folder=folder)
    shutil.rmtree(folder, ignore_errors=True)
    session = Session(Workspace(folder))
    cancel = threading.Event()
    events: queue.Queue[Any] = queue.Queue()

    def pump() -> None:  # the run's events, from a thread of its own: a stuck run cannot hold the batch
        try:
            for event in pipeline.run(Request(case.request, list(case.files)), session, cancel=cancel):
                events.put(event)
        except Exception as e:  # a bug of ours in one case must not end the batch: it is that case's result
            events.put((e, traceback.format_exc()))
        events.put(_END)

    made: dict[str, Path] = {}
    texts: list[str] = []
    partial: dict[str, Any] = {"plan": [], "choices": {}, "results": {}}  # what a run cut short had shown
    trace: dict[str, Any] | None = None
    start = time.monotonic()
    deadline, given_up = start + timeout, None  # given_up: when to stop waiting for a cancelled run
    threading.Thread(target=pump, daemon=True, name=f"eval-run-{case.id}").start()
    while True:
        now = time.monotonic()
        if given_up is None and (now >= deadline or (stop is not None and stop.is_set())):
            cancel.set()  # running tasks stop at their next check, pending ones are skipped
            record.interrupted = stop is not None and stop.is_set()
            record.timed_out = not record.interrupted
            given_up = now + grace
        if given_up is not None and now >= given_up:
            record.error = f"did not stop within {grace:g} s of being told to (a task still running was left behind)"
            break
        try:
            event = events.get(timeout=0.1)
        except queue.Empty:
            continue
        if event is _END:
            break
        if isinstance(event, tuple):
            error, partial["traceback"] = event
            record.error = f"crashed: {type(error).__name__}: {error}"
        elif isinstance(event, PlanReady):
            partial.update(plan=event.plan.to_json(), plan_source=event.source)
        elif isinstance(event, ModelsSelected):
            partial["choices"] = {str(k): v.to_json() for k, v in event.choices.items()}
        elif isinstance(event, (TaskFinished, TaskFailed, TaskSkipped)):
            partial["results"][str(event.result.task_id)] = event.result.to_json()
            if isinstance(event, TaskFinished):  # media outputs are checked files of the workspace
                for kind, path in event.result.media():
                    made.setdefault(kind, path)
                if isinstance(text := event.result.outputs.get("text"), str):
                    texts.append(text)
        elif isinstance(event, FinalAnswer):
            trace = event.trace
            record.answer = event.answer
            record.timed_out = record.interrupted = False  # it ended before it heard of the stop: a whole run
        elif isinstance(event, RunFailed):
            trace = event.trace
            record.error = event.message
    if record.timed_out:
        record.error = f"timed out after {timeout:g} s (the case's limit): {record.error or 'stopped'}"
    trace = trace if trace is not None else partial
    record.seconds = round(time.monotonic() - start, 3)
    if not record.answer and record.error is None:
        record.error = "the run ended without an answer"
    record.plan = trace.get("plan") or []
    record.choices = trace.get("choices") or {}
    record.results = trace.get("results") or {}
    record.plan_source = trace.get("plan_source")
    record.notes = [*(trace.get("plan_notes") or []), *(trace.get("plan_dropped") or [])]
    usage = trace.get("llm") or {}
    record.llm_calls = int(usage.get("calls", 0))
    record.prompt_tokens = int(usage.get("prompt_tokens", 0))
    record.completion_tokens = int(usage.get("completion_tokens", 0))
    seen = Observed(
        answer=record.answer,
        texts=tuple(texts),
        plan=tuple(t.get("task", "") for t in record.plan),
        media=frozenset(made),
        failed=record.error,
    )
    record.checks = judge(case.expect, seen)
    full = {
        **trace,
        "case": case.id,
        "config": config,
        "folder": str(folder),
        "error": record.error,
        "checks": [c.to_json() for c in record.checks],
        "seconds_wall": record.seconds,
    }
    (folder / "trace.json").write_text(json.dumps(full, ensure_ascii=False, indent=2, default=str), encoding="utf-8")
    return record


def run_all(
    cases: list[Case],
    configs: list[EvalConfig],
    out: Path,
    factory: PipelineFactory,
    *,
    timeout: float = 300.0,
    jobs: int = 2,
    progress: Progress | None = None,
) -> Outcome:
    """Each case under each configuration (case by case, so that an interrupted batch has whole rows),
    `jobs` runs at once. A configuration whose pipeline cannot be built fails each of its runs with why."""
    pipelines: dict[str, Pipeline | str] = {}
    for cfg in configs:
        try:
            pipelines[cfg.name] = factory(cfg)
        except ConfigUnusable as e:
            pipelines[cfg.name] = str(e)
        except Exception as e:  # noqa: BLE001 - a backend that cannot start is that column's error
            pipelines[cfg.name] = f"{cfg.name} could not start: {type(e).__name__}: {e}"
    work: queue.Queue[tuple[Case, EvalConfig] | None] = queue.Queue()
    done: queue.Queue[RunRecord] = queue.Queue()
    stop = threading.Event()
    for case in cases:
        for cfg in configs:
            work.put((case, cfg))
    total = work.qsize()
    folders = _folders(cases, configs, out / "runs")

    def worker() -> None:
        while not stop.is_set():
            try:
                item = work.get_nowait()
            except queue.Empty:
                return
            case, cfg = item  # type: ignore[misc]
            pipeline = pipelines[cfg.name]
            folder = folders[case.id, cfg.name]
            if isinstance(pipeline, str):
                record = _never_ran(case, cfg.name, pipeline)
            else:
                try:
                    record = run_case(pipeline, case, cfg.name, folder, timeout, stop)
                except Exception as e:  # writing the trace failed (disk full...): still a record
                    record = RunRecord(case.id, cfg.name, error=f"crashed: {type(e).__name__}: {e}")
            done.put(record)

    start = time.monotonic()
    # daemon threads: a run stuck in a call past its limit must not keep the process alive after the report
    threads = [threading.Thread(target=worker, daemon=True, name=f"eval-{i}") for i in range(max(1, jobs))]
    for t in threads:
        t.start()
    records: dict[tuple[str, str], RunRecord] = {}
    interrupted = False
    try:
        while len(records) < total:
            try:
                record = done.get(timeout=0.2)
            except queue.Empty:
                if not any(t.is_alive() for t in threads) and done.empty():
                    break
                continue
            records[record.case_id, record.config] = record
            if progress:
                progress.update(record)
    except KeyboardInterrupt:
        interrupted = True
        stop.set()  # no new run starts; the running ones are cancelled and end within a few seconds
        deadline = time.monotonic() + 15
        try:
            while any(t.is_alive() for t in threads) and time.monotonic() < deadline:
                time.sleep(0.1)
        except KeyboardInterrupt:  # a second Ctrl-C: write what there is now
            pass
        while not done.empty():
            record = done.get_nowait()
            if not record.interrupted:
                records[record.case_id, record.config] = record
    return Outcome(records, interrupted, round(time.monotonic() - start, 3))


def _folders(cases: list[Case], configs: list[EvalConfig], root: Path) -> dict[tuple[str, str], Path]:
    """A distinct folder per run: runs/<config>/<case>, with a suffix where two names slug alike."""
    out: dict[tuple[str, str], Path] = {}
    used: set[Path] = set()
    for cfg in configs:
        base = _unique(root / slug(cfg.name), {p.parent for p in used})
        for case in cases:
            path = _unique(base / slug(case.id), used)
            used.add(path)
            out[case.id, cfg.name] = path
    return out


def _unique(path: Path, used: set[Path]) -> Path:
    n, candidate = 1, path
    while candidate in used:
        n += 1
        candidate = path.with_name(f"{path.name}-{n}")
    return candidate
