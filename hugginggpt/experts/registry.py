"""The active experts: the backends a mode enables, queried by task."""

from __future__ import annotations

from collections.abc import Callable

from .base import Expert, ExpertBackend


class ExpertRegistry:
    """The experts of the active backends, by task. Backends are asked in priority order."""

    def __init__(self, backends: list[ExpertBackend] | None = None, explain: Callable[[str], str] | None = None):
        self.backends = sorted(backends or [], key=lambda b: b.priority)
        self.explain = explain

    def add(self, backend: ExpertBackend) -> None:
        self.backends = sorted([*self.backends, backend], key=lambda b: b.priority)

    def experts(self, task: str) -> list[Expert]:
        return [e for b in self.backends for e in b.experts(task)]

    def find(self, task: str, backend: str, model: str) -> Expert | None:
        for e in self.experts(task):
            if e.backend == backend and e.model == model:
                return e
        return None

    def serves(self, task: str) -> bool:
        return any(b.experts(task) for b in self.backends)

    def served_tasks(self) -> list[str]:
        from ..tasks import TASKS

        return [t for t in TASKS if self.serves(t)]

    def missing_reason(self, task: str) -> str:
        """Why no active backend serves `task`, saying what to configure (the pipeline sets
        `explain` to its capability map's renderer)."""
        if self.explain is not None:
            return self.explain(task)
        return f"no active expert backend serves {task}"
