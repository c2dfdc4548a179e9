"""The expert interface: a model that runs tasks, and a backend that offers experts by task.

A new kind of expert is a subclass of `Expert` plus a backend registered with `register_backend`;
the core (selection, execution) never names a concrete backend.
"""

from __future__ import annotations

import itertools
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from ..types import Missing, MissingKind, ModelInfo, Task

if TYPE_CHECKING:
    from ..config import Config


class ExpertError(Exception):
    """A model could not serve a task (loading, refused, bad input...). Data, not a crash:
    the message is shown to the user and the next candidate is tried."""


# the error of a task that the visitor's Stop ended while it ran (Cancelled's message, execution's give_up)
STOPPED = "stopped"


class Cancelled(ExpertError):
    """The run was stopped (Stop button, closed tab, "New conversation") while the task ran."""


class DeadlineExceeded(ExpertError):
    """The task ran past its time limit."""


_SLICE = 0.05  # how often a wait for a busy model looks at the deadline and the cancel flag


@dataclass
class ExpertContext:
    """Where an expert writes its files, how long it may take, and whether it should stop.

    Long experts call `check()` between steps (sentences, chunks, retries) and take shared model locks
    with `hold(lock)`: a cancelled or timed-out task then stops at its next step and releases the
    model for other sessions. Files made with `new_file` are recorded, so a task that fails or is
    stopped leaves none behind (`remove_files`).
    """

    workdir: Path
    task_id: int
    timeout: float | None = None
    deadline: float | None = None  # a time.monotonic() value; None: no limit
    cancel: threading.Event = field(default_factory=threading.Event)
    ip_token: str | None = field(default=None, repr=False)  # the visitor's X-IP-Token (ZeroGPU quota), if any
    files: list[Path] = field(default_factory=list, repr=False)
    _counter: itertools.count = field(default_factory=itertools.count, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def __post_init__(self) -> None:
        if self.deadline is None and self.timeout is not None:
            self.deadline = time.monotonic() + self.timeout

    def remaining(self) -> float | None:
        """Seconds left before the deadline (never below 0), or None without one."""
        return None if self.deadline is None else max(0.0, self.deadline - time.monotonic())

    def check(self) -> None:
        """Raise Cancelled when the run was stopped, DeadlineExceeded past the deadline; else nothing."""
        if self.cancel.is_set():
            raise Cancelled(STOPPED)
        if self.deadline is not None and time.monotonic() >= self.deadline:
            limit = f" after {self.timeout:g} s" if self.timeout is not None else ""
            raise DeadlineExceeded(f"timed out{limit}")

    def sleep(self, seconds: float) -> None:
        """time.sleep that ends early (raising, as `check`) on a cancel or the deadline."""
        end = time.monotonic() + seconds
        if self.deadline is not None:
            end = min(end, self.deadline)
        self.cancel.wait(max(0.0, end - time.monotonic()))
        self.check()

    @contextmanager
    def hold(self, lock: threading.Lock | threading.RLock) -> Iterator[None]:
        """Take a model's lock, waiting no longer than the deadline and no longer than the run lives.
        A model stuck in another session's task fails this one with a clear reason instead of hanging."""
        waited = time.monotonic()
        while not lock.acquire(timeout=_SLICE):
            try:
                self.check()
            except DeadlineExceeded as e:
                raise DeadlineExceeded(
                    f"{e}: the model was busy with other requests for {time.monotonic() - waited:.0f} s"
                ) from None
        try:
            yield
        finally:
            lock.release()

    def new_file(self, stem: str, suffix: str) -> Path:
        """A fresh path in the run's workspace, e.g. new_file("boxes", ".png") -> t3-boxes.png."""
        with self._lock:
            while True:
                n = next(self._counter)
                name = f"t{self.task_id}-{stem}{'' if n == 0 else f'-{n}'}{suffix}"
                path = self.workdir / name
                if not path.exists():
                    path.touch()
                    self.files.append(path)
                    return path

    def remove_files(self) -> None:
        """Delete every file this task made (it failed, timed out or was stopped: nothing half-written
        may be offered to the next turn). Safe to call again: a thread still writing may re-create a
        file after the first call, and its own last call removes it then."""
        with self._lock:
            files = list(self.files)
        for path in files:
            path.unlink(missing_ok=True)


class Expert(ABC):
    """One model serving one or more task types.

    `run` gets the task and its resolved inputs: argument name -> str for text, Path for media files
    (already checked to lie in the workspace). It returns outputs: modality -> value, with
    "text" (str), "image"/"audio"/"video" (Path written via ctx.new_file) and optionally "data"
    (JSON-able structured output, e.g. detections). It raises ExpertError when the model fails.
    """

    backend: str = "test"
    # which process-wide executor runs it: "cpu" (local models, bounded to the cores) or "io"
    # (remote calls, mostly waiting on the network)
    workload: Literal["cpu", "io"] = "io"

    def __init__(self, model: str, tasks: tuple[str, ...], **meta: Any):
        self.model = model
        self.tasks = tasks
        self.meta = meta  # description, downloads, likes, license... for ModelInfo

    def info(self, task: str) -> ModelInfo:
        m = self.meta
        return ModelInfo(
            id=self.model,
            task=task,
            backend=self.backend,
            downloads=int(m.get("downloads", 0)),
            likes=int(m.get("likes", 0)),
            description=str(m.get("description", "")),
            tags=tuple(m.get("tags", ())),
            license=m.get("license"),
            language=m.get("language"),
        )

    @abstractmethod
    def run(self, task: Task, inputs: dict[str, Any], ctx: ExpertContext) -> dict[str, Any]: ...


class ExpertBackend(ABC):
    """A source of experts (embedded models, Hugging Face Inference Providers, the controller LLM...).

    `priority` orders backends when ranking (lower first): in hybrid mode the embedded models
    come before remote ones for the tasks they serve.
    """

    name: str = "test"
    priority: int = 50

    @abstractmethod
    def experts(self, task: str) -> list[Expert]:
        """The experts this backend can run for `task` (empty when it serves none)."""

    def missing(self, task: str) -> Missing | None:
        """Why this backend, though active, serves no expert for `task` (a package not installed, a
        provider that does not serve it...); None when it serves the task or has nothing to say.
        `capabilities.Capabilities` turns it into the sentence the user reads."""
        return None

    def start(self) -> None:
        """Called once when a long-lived pipeline is built (app, CLI): begin background work such as
        listing models. Must not block."""

    def prepare(self, tasks: list[str]) -> dict[str, str]:
        """Called with a plan's task types before their candidates are listed (e.g. to fetch model
        listings in parallel, bounded by a timeout). Returns task -> where its candidates come from."""
        return {}

    def discover(self, tasks: list[str]) -> dict[str, str]:
        """Called with a plan's task types that no active backend serves: a backend may look for experts
        now (e.g. Spaces found by meaning), bounded in time. Returns task -> what it did, for the trace."""
        return {}

    def served_tasks(self) -> list[str]:
        from ..tasks import TASKS

        return [t for t in TASKS if self.experts(t)]


class StaticBackend(ExpertBackend):
    """A backend holding a fixed list of experts (the embedded models, test experts)."""

    def __init__(self, name: str, experts: list[Expert], priority: int = 50):
        self.name = name
        self.priority = priority
        self._experts = list(experts)
        for e in self._experts:
            e.backend = name

    def experts(self, task: str) -> list[Expert]:
        return [e for e in self._experts if task in e.tasks]


BackendFactory = Callable[["Config"], ExpertBackend | None]
_BACKENDS: dict[str, BackendFactory] = {}


@dataclass(frozen=True)
class BackendKind:
    """What a kind of backend could serve once enabled, and what enables it: the capability map
    uses it to say how to make a task runnable ("needs a Hugging Face token")."""

    name: str
    # None: nothing but the mode; "token": an HF token; "llm": a chat LLM; "space": hybrid or remote mode
    needs: MissingKind | None
    offers: Callable[[str], bool]  # task name -> whether this kind can serve it at all


_KINDS: dict[str, BackendKind] = {}


def register_backend(
    name: str, *, needs: MissingKind | None = None, offers: Callable[[str], bool] | None = None
) -> Callable[[BackendFactory], BackendFactory]:
    """Register a factory that builds backend `name` from the config (returning None when the
    config leaves it unusable, e.g. no token), with what the kind offers and what enables it."""

    def deco(factory: BackendFactory) -> BackendFactory:
        _BACKENDS[name] = factory
        if offers is not None:
            register_kind(BackendKind(name, needs, offers))
        return factory

    return deco


def register_kind(kind: BackendKind) -> None:
    """Declare a kind of backend that has no factory (the controller LLM as an expert)."""
    _KINDS[kind.name] = kind


def backend_factories() -> dict[str, BackendFactory]:
    return dict(_BACKENDS)


def backend_kinds() -> dict[str, BackendKind]:
    return dict(_KINDS)
