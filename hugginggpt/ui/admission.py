"""First come, first served admission of runs to a fixed number of slots."""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable


class FairSlots:
    """At most `size` holders at once, admitted in arrival order. A plain semaphore polled with a
    timeout lets a late arrival overtake one that has waited longer, which is what made the p95 of a
    busy server several times its p50."""

    def __init__(self, size: int):
        self.size = size
        self._cond = threading.Condition()
        self._line: deque[object] = deque()
        self._held = 0

    def acquire(self, cancelled: Callable[[], bool] = lambda: False, poll: float = 0.25) -> bool:
        """Wait for this caller's turn and a free slot; False (leaving the line) once `cancelled()`."""
        ticket = object()
        with self._cond:
            self._line.append(ticket)
            try:
                while not (self._line[0] is ticket and self._held < self.size):
                    if cancelled():
                        return False
                    self._cond.wait(poll)
                self._line.popleft()
                self._held += 1
                return True
            finally:
                if ticket in self._line:
                    self._line.remove(ticket)
                self._cond.notify_all()  # the next in line may go now (or move up)

    def release(self) -> None:
        with self._cond:
            self._held -= 1
            self._cond.notify_all()

    @property
    def waiting(self) -> int:
        with self._cond:
            return len(self._line)
