"""Task execution: an event-driven scheduler over the plan's DAG.

Every task whose inputs exist starts at once (up to a concurrency limit) in its own thread; the
scheduler sleeps on a completion queue until a task ends or the nearest deadline passes: no polling.
A failed task skips its dependents with the reason. A model that fails hands over to the next
ranked candidate (bounded). A task past its timeout is failed and left to end in the background.
"""

from __future__ import annotations

import logging
import queue
import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import tasks as registry
from .experts.base import ExpertContext, ExpertError
from .experts.registry import ExpertRegistry
from .types import (
    GENERATED,
    MEDIA,
    Event,
    ModelChoice,
    Plan,
    Task,
    TaskFailed,
    TaskFinished,
    TaskResult,
    TaskSkipped,
    arg_modality,
)
from .types import TaskStarted as Started
from .workspace import PathRefused, Workspace

log = logging.getLogger(__name__)
_REF = re.compile(re.escape(GENERATED) + r"(\d+)")


class InputError(Exception):
    """A task's inputs cannot be resolved (a refused path, a missing output)."""


def resolve_inputs(task: Task, results: dict[int, TaskResult], workspace: Workspace) -> dict[str, Any]:
    """Argument values -> what the expert gets: text with references filled in, media as paths."""
    inputs: dict[str, Any] = {}
    for name, value in task.args.items():
        modality = arg_modality(name)
        if modality in MEDIA:
            m = _REF.fullmatch(value.strip())
            if m:
                k = int(m.group(1))
                produced = results[k].outputs.get(modality)
                if produced is None:
                    raise InputError(f"task {k} ({results[k].task}) produced no {modality} for {name}")
                inputs[name] = Path(produced)
            else:
                try:
                    inputs[name] = workspace.resolve(value)
                except PathRefused as e:
                    raise InputError(str(e)) from e
        else:

            def fill(m: re.Match) -> str:
                k = int(m.group(1))
                text = results[k].outputs.get("text")
                if text is None:
                    kinds = ", ".join(results[k].outputs) or "nothing"
                    raise InputError(f"task {k} ({results[k].task}) produced no text for {name} (it made {kinds})")
                return str(text)

            inputs[name] = _REF.sub(fill, value)
    return inputs


@dataclass
class _Done:
    task_id: int
    result: TaskResult


class Scheduler:
    """Runs one plan. `run` is a generator of events, so the caller sees each start and end live."""

    def __init__(
        self, experts: ExpertRegistry, concurrency: int = 4, task_timeout: float = 120.0, max_attempts: int = 3
    ):
        self.experts = experts
        self.concurrency = max(1, concurrency)
        self.task_timeout = task_timeout
        self.max_attempts = max(1, max_attempts)

    def run(
        self,
        plan: Plan,
        choices: dict[int, ModelChoice],
        workspace: Workspace,
        results: dict[int, TaskResult],
        t0: float | None = None,
    ) -> Iterator[Event]:
        """Execute `plan`, filling `results` (task id -> TaskResult) and yielding events as they happen."""
        t0 = time.monotonic() if t0 is None else t0
        tasks = plan.by_id()
        waiting = {t.id: set(t.dep) for t in plan.tasks}
        dependents: dict[int, list[int]] = {t.id: [] for t in plan.tasks}
        for t in plan.tasks:
            for k in t.dep:
                dependents[k].append(t.id)
        ready = [t.id for t in plan.tasks if not waiting[t.id]]
        running: dict[int, float] = {}  # task id -> deadline
        done_q: queue.Queue[_Done] = queue.Queue()

        def finish(tid: int, result: TaskResult) -> Iterator[Event]:
            results[tid] = result
            kind = {"done": TaskFinished, "failed": TaskFailed, "skipped": TaskSkipped}[result.status]
            yield kind(result, t=time.monotonic() - t0)
            for child in dependents[tid]:
                if child in results or child in running:
                    continue
                if result.status != "done":
                    why = f"task {tid} ({result.task}) {'failed' if result.status == 'failed' else 'was skipped'}"
                    skipped = TaskResult(child, tasks[child].task, "skipped", error=why)
                    yield from finish(child, skipped)
                else:
                    waiting[child].discard(tid)
                    if not waiting[child]:
                        ready.append(child)

        while True:
            while ready and len(running) < self.concurrency:
                tid = ready.pop(0)
                if tid in results:
                    continue
                task = tasks[tid]
                choice = choices.get(tid)
                if choice is None:
                    reason = self.experts.missing_reason(task.task)
                    yield from finish(tid, TaskResult(tid, task.task, "failed", error=reason))
                    continue
                running[tid] = time.monotonic() + self.task_timeout
                yield Started(task, choice.model, choice.backend, t=time.monotonic() - t0)
                threading.Thread(
                    target=self._work,
                    args=(task, choice, dict(results), workspace, done_q),
                    name=f"task-{tid}",
                    daemon=True,  # a hung model must never keep the process alive
                ).start()
            if not running:
                if ready:
                    continue
                break
            timeout = max(0.0, min(running.values()) - time.monotonic())
            try:
                item = done_q.get(timeout=timeout)
            except queue.Empty:
                now = time.monotonic()
                for tid, deadline in list(running.items()):
                    if deadline <= now:
                        del running[tid]
                        error = f"timed out after {self.task_timeout:g} s"
                        result = TaskResult(tid, tasks[tid].task, "failed", error=error, seconds=self.task_timeout)
                        result.model, result.backend = choices[tid].model, choices[tid].backend
                        yield from finish(tid, result)
                continue
            if item.task_id not in running:
                continue  # it ended after its timeout was declared: too late to count
            del running[item.task_id]
            yield from finish(item.task_id, item.result)
        # tasks never reached (unsatisfiable) cannot exist in a validated DAG, but never hang on them
        for tid in tasks:
            if tid not in results:
                results[tid] = TaskResult(tid, tasks[tid].task, "skipped", error="its inputs never became ready")

    def _work(
        self,
        task: Task,
        choice: ModelChoice,
        upstream: dict[int, TaskResult],
        workspace: Workspace,
        done_q: queue.Queue[_Done],
    ) -> None:
        start = time.monotonic()
        result = TaskResult(task.id, task.task, "failed")
        try:
            inputs = resolve_inputs(task, upstream, workspace)
        except InputError as e:
            result.error = str(e)
            result.seconds = time.monotonic() - start
            done_q.put(_Done(task.id, result))
            return
        ctx = ExpertContext(workspace.root, task.id, timeout=self.task_timeout)
        tried = 0
        for info in choice.candidates or []:
            if tried >= self.max_attempts:
                break
            expert = self.experts.find(task.task, info.backend, info.id)
            if expert is None:
                continue
            tried += 1
            result.model, result.backend = expert.model, expert.backend
            try:
                outputs = expert.run(task, inputs, ctx)
                result.outputs = _check_outputs(outputs, task, workspace)
                result.status = "done"
                result.error = None
                break
            except ExpertError as e:
                result.attempts.append(f"{expert.backend}:{expert.model}: {e}")
                result.error = str(e)
            except Exception as e:  # a crash inside a model library must not take the run down
                log.exception("expert %s crashed on task %s", expert.model, task.id)
                result.attempts.append(f"{expert.backend}:{expert.model}: crashed: {type(e).__name__}: {e}")
                result.error = f"{expert.model} crashed: {type(e).__name__}: {e}"
        if tried == 0:
            result.error = self.experts.missing_reason(task.task)
        elif result.status != "done" and tried > 1:
            result.error = f"all {tried} models tried failed; last: {result.error}"
        result.seconds = time.monotonic() - start
        done_q.put(_Done(task.id, result))


def _check_outputs(outputs: Any, task: Task, workspace: Workspace) -> dict[str, Any]:
    """Experts must return modality -> value, with media files written inside the workspace."""
    if not isinstance(outputs, dict) or not outputs:
        raise ExpertError(f"the model returned nothing for {task.task}")
    checked: dict[str, Any] = {}
    for key, value in outputs.items():
        if key in MEDIA:
            path = Path(value).resolve()
            if workspace.root not in path.parents or not path.is_file() or path.stat().st_size == 0:
                raise ExpertError(f"the model's {key} output is missing or empty")
            checked[key] = path
        else:
            checked[key] = value
    expected = registry.get(task.task).outputs
    if not any(m in checked for m in expected):
        raise ExpertError(
            f"the model returned {', '.join(checked)} but {task.task} should produce {'/'.join(expected)}"
        )
    return checked
