"""Process-wide executors: the tasks of every run share a few bounded pools of threads.

One pool per kind of work: "cpu" for the embedded models (bounded to what the cores can do: more
threads would only thrash) and "io" for remote calls (mostly waiting on the network: a larger bound).
However many sessions run at once, the process holds at most cpu + io worker threads for tasks.

Workers are daemon threads (a model stuck in native code must never keep the process alive at exit),
started on demand and ended after a while idle. A job not yet started can be cancelled.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import deque
from collections.abc import Callable
from typing import Any, Literal

log = logging.getLogger(__name__)

Workload = Literal["cpu", "io"]
IDLE_SECONDS = 30.0  # a worker with nothing to do for this long ends (a quiet server holds no threads)


class Job:
    """One submitted call. `cancel()` takes it out of the queue if no worker has started it."""

    def __init__(self, pool: BoundedPool, fn: Callable[..., Any], args: tuple):
        self._pool = pool
        self._fn = fn
        self._args = args
        self.state: Literal["pending", "running", "done", "cancelled"] = "pending"

    def cancel(self) -> bool:
        """True when the job will never run; False when it has already started (or ended)."""
        return self._pool._cancel(self)

    def _run(self) -> None:
        try:
            self._fn(*self._args)
        except BaseException:  # the submitter handles its own errors; this only keeps the worker alive
            log.exception("job %s raised", getattr(self._fn, "__name__", self._fn))
        finally:
            self.state = "done"


class BoundedPool:
    """At most `max_workers` daemon threads running queued jobs in submission order."""

    def __init__(self, name: str, max_workers: int, idle_seconds: float = IDLE_SECONDS):
        self.name = name
        self.max_workers = max(1, int(max_workers))
        self.idle_seconds = idle_seconds
        self._cv = threading.Condition()
        self._queue: deque[Job] = deque()
        self._live = 0
        self._idle = 0
        self._running = 0
        self._started = 0

    def submit(self, fn: Callable[..., Any], *args: Any) -> Job:
        job = Job(self, fn, args)
        with self._cv:
            self._queue.append(job)
            if len(self._queue) > self._idle and self._live < self.max_workers:
                self._live += 1
                self._started += 1
                threading.Thread(target=self._worker, name=f"{self.name}-{self._started}", daemon=True).start()
            self._cv.notify()
        return job

    def threads(self) -> int:
        """Worker threads alive now."""
        with self._cv:
            return self._live

    def busy(self) -> int:
        """Worker threads running a job now."""
        with self._cv:
            return self._running

    def pending(self) -> int:
        """Jobs waiting for a worker."""
        with self._cv:
            return len(self._queue)

    def _cancel(self, job: Job) -> bool:
        with self._cv:
            if job.state != "pending":
                return job.state == "cancelled"
            self._queue.remove(job)
            job.state = "cancelled"
            return True

    def _worker(self) -> None:
        while True:
            with self._cv:
                self._idle += 1
                until = time.monotonic() + self.idle_seconds
                while not self._queue:
                    left = until - time.monotonic()
                    if left <= 0:
                        self._idle -= 1
                        self._live -= 1
                        return
                    self._cv.wait(left)
                self._idle -= 1
                job = self._queue.popleft()
                job.state = "running"
                self._running += 1
            try:
                job._run()
            finally:
                with self._cv:
                    self._running -= 1


class Executors:
    """The pools of one process, by workload."""

    def __init__(self, cpu_workers: int, io_workers: int):
        self.pools: dict[str, BoundedPool] = {
            "cpu": BoundedPool("expert-cpu", cpu_workers),
            "io": BoundedPool("expert-io", io_workers),
        }

    def submit(self, workload: Workload, fn: Callable[..., Any], *args: Any) -> Job:
        return self.pools[workload].submit(fn, *args)

    def threads(self) -> int:
        return sum(p.threads() for p in self.pools.values())

    def busy(self) -> int:
        return sum(p.busy() for p in self.pools.values())

    @property
    def max_threads(self) -> int:
        return sum(p.max_workers for p in self.pools.values())


_SHARED: dict[tuple[int, int], Executors] = {}
_SHARED_LOCK = threading.Lock()


def shared(cpu_workers: int, io_workers: int) -> Executors:
    """The process-wide executors of these sizes (every pipeline built from the same settings,
    e.g. each browser session's, shares one set)."""
    key = (max(1, cpu_workers), max(1, io_workers))
    with _SHARED_LOCK:
        if key not in _SHARED:
            _SHARED[key] = Executors(*key)
        return _SHARED[key]
