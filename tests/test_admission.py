"""Runs are admitted to the server's slots in arrival order, and a stopped run leaves the line."""

from __future__ import annotations

import threading
import time

from hugginggpt.ui.admission import FairSlots


def test_waiters_are_admitted_in_arrival_order():
    slots = FairSlots(1)
    assert slots.acquire()
    order: list[int] = []
    threads = []
    for i in range(6):
        t = threading.Thread(target=lambda i=i: (slots.acquire(), order.append(i), slots.release()))
        t.start()
        threads.append(t)
        while slots.waiting < i + 1:  # line up one by one, so arrival order is known
            time.sleep(0.005)
    slots.release()
    for t in threads:
        t.join(5)
    assert order == list(range(6))


def test_a_cancelled_waiter_leaves_the_line_and_never_holds_a_slot():
    slots = FairSlots(1)
    assert slots.acquire()
    stop = threading.Event()
    got: list[bool] = []
    t = threading.Thread(target=lambda: got.append(slots.acquire(cancelled=stop.is_set, poll=0.01)))
    t.start()
    while slots.waiting < 1:
        time.sleep(0.005)
    stop.set()
    t.join(5)
    assert got == [False] and slots.waiting == 0
    slots.release()
    assert slots.acquire(cancelled=lambda: True)  # free and first in line: admitted at once


def test_no_more_than_size_hold_at_once():
    slots = FairSlots(3)
    peak, now, lock = [0], [0], threading.Lock()

    def work():
        slots.acquire()
        with lock:
            now[0] += 1
            peak[0] = max(peak[0], now[0])
        time.sleep(0.01)
        with lock:
            now[0] -= 1
        slots.release()

    threads = [threading.Thread(target=work) for _ in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert peak[0] == 3
