"""Task execution: an event-driven scheduler over the plan's DAG.

Every task whose inputs exist starts at once (up to a per-run limit) on the process-wide executor of
its model's workload; the scheduler sleeps on a completion queue until a task ends or the nearest
deadline passes. A failed task skips its dependents with the reason. A model that fails hands over to
the next ranked candidate (bounded). A task past its deadline is failed at once: the scheduler never
waits for it; the expert stops at its next `ctx.check()`, releasing its model, and its files are
removed. A cancel flag stops the whole run the same way.
"""

from __future__ import annotations

import logging
import queue
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from . import tasks as registry
from .config import Config
from .executors import Executors, Job
from .executors import shared as shared_executors
from .experts.base import STOPPED, Cancelled, DeadlineExceeded, Expert, ExpertContext, ExpertError
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
_CANCEL_POLL = 0.05  # seconds between looks at a caller's cancel flag while tasks run
# past a task's deadline, how long its expert has to report why it stopped (e.g. "the model was busy")
# before the scheduler fails it with a plain "timed out"; never a wait for a stuck thread
_REPORT_GRACE = 0.25
# the error of a task skipped because the visitor's Stop came first (a running one gets experts.base.STOPPED)
RUN_STOPPED = "the run was stopped"


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


class _TaskRun:
    """One task in flight: its context, its candidate experts and whichever executor job runs it now.

    The result is settled exactly once, under `lock`: by the worker delivering it, or by the scheduler
    giving up on it (timeout, stop). The loser cleans up: a worker whose result came too late deletes
    the files it made."""

    def __init__(self, task: Task, experts: list[Expert], inputs: dict[str, Any], ctx: ExpertContext, limit: float):
        self.task = task
        self.experts = experts
        self.inputs = inputs
        self.ctx = ctx
        self.limit = limit  # seconds allowed (for the message)
        self.result = TaskResult(task.id, task.task, "failed")
        self.lock = threading.Lock()
        self.settled = False
        self.job: Job | None = None
        self.started: float | None = None  # when a worker first took it
        self.ended = threading.Event()  # no executor thread works on it any more

    def settle(self) -> bool:
        """Claim the result; False when the other side already has."""
        with self.lock:
            if self.settled:
                return False
            self.settled = True
            return True


class Scheduler:
    """Runs one plan. `run` is a generator of events, so the caller sees each start and end live.

    Tasks run on the process-wide executors (`hugginggpt.executors`), so many runs at once share a
    bounded number of threads: the embedded models' ("cpu") and the remote calls' ("io")."""

    def __init__(
        self,
        experts: ExpertRegistry,
        concurrency: int = 4,
        task_timeout: float = 120.0,
        max_attempts: int = 3,
        executors: Executors | None = None,
        stop_grace: float = 5.0,
    ):
        self.experts = experts
        self.concurrency = max(1, concurrency)
        self.task_timeout = task_timeout
        self.max_attempts = max(1, max_attempts)
        if executors is None:
            defaults = Config()
            executors = shared_executors(defaults.cpu_workers, defaults.io_workers)
        self.executors = executors
        self.stop_grace = stop_grace  # how long a stopped run waits for its running tasks to reach a check

    def run(
        self,
        plan: Plan,
        choices: dict[int, ModelChoice],
        workspace: Workspace,
        results: dict[int, TaskResult],
        t0: float | None = None,
        cancel: threading.Event | None = None,
        ip_token: str | None = None,
    ) -> Iterator[Event]:
        """Execute `plan`, filling `results` (task id -> TaskResult) and yielding events as they happen.

        Setting `cancel` stops the run: running tasks stop at their next check (their files are
        removed), pending ones are skipped, and the generator ends once they have stopped (or after
        `stop_grace` seconds for a model stuck in native code). Closing the generator stops it too.
        `ip_token`: the visitor's X-IP-Token, handed to each expert (public Spaces bill ZeroGPU on it)."""
        t0 = time.monotonic() if t0 is None else t0
        tasks = plan.by_id()
        waiting = {t.id: set(t.dep) for t in plan.tasks}
        dependents: dict[int, list[int]] = {t.id: [] for t in plan.tasks}
        for t in plan.tasks:
            for k in t.dep:
                dependents[k].append(t.id)
        ready = [t.id for t in plan.tasks if not waiting[t.id]]
        running: dict[int, _TaskRun] = {}
        done_q: queue.Queue[_TaskRun] = queue.Queue()
        stop = threading.Event()  # what every task's ctx.cancel watches; set on cancel or close

        def finish(tid: int, result: TaskResult) -> Iterator[Event]:
            results[tid] = result
            kind = {"done": TaskFinished, "failed": TaskFailed, "skipped": TaskSkipped}[result.status]
            yield kind(result, t=time.monotonic() - t0)
            for child in dependents[tid]:
                if child in results or child in running:
                    continue
                if result.status != "done":
                    why = f"task {tid} ({result.task}) {'failed' if result.status == 'failed' else 'was skipped'}"
                    if stop.is_set():
                        why = RUN_STOPPED
                    skipped = TaskResult(child, tasks[child].task, "skipped", error=why)
                    yield from finish(child, skipped)
                else:
                    waiting[child].discard(tid)
                    if not waiting[child]:
                        ready.append(child)

        def give_up(tr: _TaskRun, error: str) -> TaskResult | None:
            """The scheduler settles a running task as failed (skipped if no worker ever took it, on a
            stop); None when its worker got there first."""
            if not tr.settle():
                return None
            never_ran = tr.job is not None and tr.job.cancel() and tr.started is None
            if tr.job is None or tr.job.state == "cancelled":
                tr.ended.set()
            tr.ctx.remove_files()
            r = tr.result
            status = "skipped" if never_ran and stop.is_set() else "failed"
            error = RUN_STOPPED if status == "skipped" else error
            result = TaskResult(tr.task.id, tr.task.task, status, error=error, model=r.model, backend=r.backend)
            result.attempts = list(r.attempts)
            result.seconds = time.monotonic() - tr.started if tr.started is not None else 0.0
            return result

        try:
            while True:
                while ready and len(running) < self.concurrency and not stop.is_set():
                    tid = ready.pop(0)
                    if tid in results:
                        continue
                    task = tasks[tid]
                    choice = choices.get(tid)
                    if choice is None:
                        reason = self.experts.missing_reason(task.task)
                        yield from finish(tid, TaskResult(tid, task.task, "failed", error=reason, unavailable=True))
                        continue
                    tr, failure = self._prepare(task, choice, results, workspace, stop, ip_token)
                    if tr is not None:  # handed to a worker before the event, so it runs while we yield
                        running[tid] = tr
                        tr.job = self.executors.submit(tr.experts[0].workload, self._attempt, tr, 0, workspace, done_q)
                    yield Started(task, choice.model, choice.backend, t=time.monotonic() - t0)
                    if tr is None:
                        yield from finish(tid, failure)
                if cancel is not None and cancel.is_set() and not stop.is_set():
                    # queued work leaves the pool before the stop frees a worker that would pick it up
                    for tr in running.values():
                        if tr.job is not None:
                            tr.job.cancel()
                    stop.set()
                if stop.is_set():
                    yield from self._stop(running, ready, tasks, results, done_q, finish, give_up)
                    return
                if not running:
                    if ready:
                        continue
                    break
                deadline = min(tr.ctx.deadline or float("inf") for tr in running.values()) + _REPORT_GRACE
                timeout = max(0.0, deadline - time.monotonic())
                if cancel is not None:
                    timeout = min(timeout, _CANCEL_POLL)  # threading.Event has no callback: look often
                try:
                    item = done_q.get(timeout=timeout)
                except queue.Empty:
                    now = time.monotonic()
                    for tid, tr in list(running.items()):
                        if (tr.ctx.deadline or float("inf")) + _REPORT_GRACE <= now:
                            if tr.started is None:
                                error = f"timed out after {tr.limit:g} s waiting for a free worker (the server is busy)"
                            else:
                                error = f"timed out after {tr.limit:g} s"
                            result = give_up(tr, error)
                            if result is not None:
                                del running[tid]
                                yield from finish(tid, result)
                    continue
                del running[item.task.id]
                yield from finish(item.task.id, item.result)
        finally:
            if running:  # the consumer closed the generator mid-run: stop and clean up, without waiting
                stop.set()
                for tr in running.values():
                    give_up(tr, STOPPED)
        # tasks never reached (unsatisfiable) cannot exist in a validated DAG, but never hang on them
        for tid in tasks:
            if tid not in results:
                results[tid] = TaskResult(tid, tasks[tid].task, "skipped", error="its inputs never became ready")

    def _stop(self, running, ready, tasks, results, done_q, finish, give_up) -> Iterator[Event]:
        """The run was cancelled: settle what already ended, stop the rest, skip what never started."""
        while True:  # results delivered before the stop are real: keep them
            try:
                item = done_q.get_nowait()
            except queue.Empty:
                break
            del running[item.task.id]
            yield from finish(item.task.id, item.result)
        stopped = list(running.values())
        for tr in stopped:
            result = give_up(tr, STOPPED)
            del running[tr.task.id]
            # None: its worker delivered it between the drain and now, so its own result is final
            yield from finish(tr.task.id, result if result is not None else tr.result)
        until = time.monotonic() + self.stop_grace
        for tr in stopped:
            if not tr.ended.wait(max(0.0, until - time.monotonic())):
                log.warning(
                    "task %s did not stop within %.1f s (a model call without checks)", tr.task.id, self.stop_grace
                )
            tr.ctx.remove_files()
        for tid in tasks:
            if tid not in results:
                yield from finish(tid, TaskResult(tid, tasks[tid].task, "skipped", error=RUN_STOPPED))
        ready.clear()

    def _prepare(
        self,
        task: Task,
        choice: ModelChoice,
        results: dict[int, TaskResult],
        workspace: Workspace,
        stop: threading.Event,
        ip_token: str | None = None,
    ) -> tuple[_TaskRun | None, TaskResult]:
        """Inputs and candidate experts of a task about to start, or the failure that stops it at once."""
        failure = TaskResult(task.id, task.task, "failed", model=choice.model, backend=choice.backend)
        try:
            inputs = resolve_inputs(task, dict(results), workspace)
        except InputError as e:
            failure.error = str(e)
            return None, failure
        experts = []
        for info in choice.candidates or []:
            expert = self.experts.find(task.task, info.backend, info.id)
            if expert is not None:
                experts.append(expert)
        experts = experts[: self.max_attempts]
        if not experts:
            failure.error = self.experts.missing_reason(task.task)
            failure.unavailable = True
            return None, failure
        ctx = ExpertContext(
            workspace.root,
            task.id,
            timeout=self.task_timeout,
            deadline=time.monotonic() + self.task_timeout,
            cancel=stop,
            ip_token=ip_token,
        )
        return _TaskRun(task, experts, inputs, ctx, self.task_timeout), failure

    def _attempt(self, tr: _TaskRun, index: int, workspace: Workspace, done_q: queue.Queue[_TaskRun]) -> None:
        """On an executor thread: try candidate `index`; on failure, queue the next candidate on its own
        executor, or deliver the result."""
        if tr.started is None:
            tr.started = time.monotonic()
        expert = tr.experts[index]
        result = tr.result
        result.model, result.backend = expert.model, expert.backend
        stopped = False
        try:
            tr.ctx.check()  # it may have waited for a worker past its deadline, or the run was stopped
            outputs = expert.run(tr.task, tr.inputs, tr.ctx)
            result.outputs = _check_outputs(outputs, tr.task, workspace)
            result.status, result.error = "done", None
        except (Cancelled, DeadlineExceeded) as e:
            stopped = True
            result.error = str(e)
            result.attempts.append(f"{expert.backend}:{expert.model}: {e}")
        except ExpertError as e:
            result.attempts.append(f"{expert.backend}:{expert.model}: {e}")
            result.error = str(e)
        except Exception as e:  # a crash inside a model library must not take the run down
            log.exception("expert %s crashed on task %s", expert.model, tr.task.id)
            result.attempts.append(f"{expert.backend}:{expert.model}: crashed: {type(e).__name__}: {e}")
            result.error = f"{expert.model} crashed: {type(e).__name__}: {e}"
        if result.status != "done":
            tr.ctx.remove_files()  # a failed attempt's files (often a 0-byte placeholder) must not be offered
            if not stopped and index + 1 < len(tr.experts):
                with tr.lock:
                    if not tr.settled:
                        nxt = tr.experts[index + 1]
                        tr.job = self.executors.submit(nxt.workload, self._attempt, tr, index + 1, workspace, done_q)
                        return
            elif not stopped and index > 0:
                result.error = f"all {index + 1} models tried failed; last: {result.error}"
        result.seconds = time.monotonic() - tr.started
        if tr.settle():
            done_q.put(tr)
        else:  # the scheduler gave up on it (timeout, stop): nothing of it may stay
            tr.ctx.remove_files()
        tr.ended.set()


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
