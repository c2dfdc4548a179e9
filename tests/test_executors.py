"""The process-wide executors: bounded threads, cancellable pending jobs, idle workers ending; the one
HUGGINGGPT_WORKERS setting they and the app's queue derive from."""

from __future__ import annotations

import threading
import time

import pytest
from fakes import wait_until

from hugginggpt.config import Config
from hugginggpt.executors import BoundedPool, Executors, shared


def test_pool_never_runs_more_threads_than_its_bound():
    pool = BoundedPool("t", 3)
    release = threading.Event()
    ran: list[int] = []
    lock = threading.Lock()

    def job(i: int) -> None:
        release.wait(10)
        with lock:
            ran.append(i)

    before = threading.active_count()
    for i in range(20):
        pool.submit(job, i)
    assert wait_until(lambda: pool.busy() == 3)
    assert pool.threads() == 3 and pool.pending() == 17
    assert threading.active_count() - before == 3
    release.set()
    assert wait_until(lambda: len(ran) == 20)
    assert sorted(ran) == list(range(20))
    assert pool.threads() <= 3


def test_pending_job_can_be_cancelled_running_one_cannot():
    pool = BoundedPool("t", 1)
    started, release = threading.Event(), threading.Event()
    calls: list[str] = []

    def blocker() -> None:
        started.set()
        release.wait(10)
        calls.append("blocker")

    first = pool.submit(blocker)
    second = pool.submit(calls.append, "second")
    assert started.wait(10)
    assert first.cancel() is False  # already running
    assert second.cancel() is True and second.state == "cancelled"
    release.set()
    assert wait_until(lambda: first.state == "done")
    third = pool.submit(calls.append, "third")
    assert wait_until(lambda: third.state == "done")
    assert calls == ["blocker", "third"]


def test_a_job_that_raises_does_not_kill_its_worker():
    pool = BoundedPool("t", 1)
    out: list[int] = []
    pool.submit(lambda: 1 / 0)
    job = pool.submit(out.append, 7)
    assert wait_until(lambda: job.state == "done")
    assert out == [7]


def test_idle_workers_end():
    pool = BoundedPool("t", 4, idle_seconds=0.05)
    jobs = [pool.submit(time.sleep, 0.01) for _ in range(4)]
    assert wait_until(lambda: all(j.state == "done" for j in jobs))
    assert wait_until(lambda: pool.threads() == 0)
    again = pool.submit(time.sleep, 0)  # a quiet pool starts a worker again on demand
    assert wait_until(lambda: again.state == "done")


def test_workers_are_daemons():
    pool = BoundedPool("daemon-check", 1)
    seen: list[bool] = []
    job = pool.submit(lambda: seen.append(threading.current_thread().daemon))
    assert wait_until(lambda: job.state == "done")
    assert seen == [True]


def test_shared_executors_are_one_per_size():
    assert shared(2, 8) is shared(2, 8)
    assert shared(2, 8) is not shared(3, 12)
    ex = Executors(2, 5)
    assert ex.max_threads == 7


def test_workers_setting_drives_every_bound(monkeypatch):
    monkeypatch.setenv("HUGGINGGPT_WORKERS", "3")
    cfg = Config.from_env()
    assert (cfg.workers, cfg.cpu_workers, cfg.io_workers, cfg.queue_concurrency) == (3, 3, 12, 6)
    monkeypatch.setenv("HUGGINGGPT_WORKERS", "lots")
    with pytest.raises(ValueError, match="HUGGINGGPT_WORKERS must be a whole number"):
        Config.from_env()
    monkeypatch.delenv("HUGGINGGPT_WORKERS")
    assert Config.from_env().workers >= 1
