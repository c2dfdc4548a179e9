"""In-process fakes for unit tests: a scripted chat model and test experts of set latency."""

from __future__ import annotations

import threading
import time
from collections import deque
from typing import Any

from PIL import Image

from hugginggpt.experts.base import Expert, ExpertContext, ExpertError, StaticBackend
from hugginggpt.llm.base import ChatModel, Completion, LLMError, Message
from hugginggpt.tasks import TASKS, get
from hugginggpt.types import Task


class ScriptedChatModel(ChatModel):
    """Replies from a queue (`enqueue`), recording every prompt in `history`. An Exception in the
    queue is raised instead of answered."""

    name = "scripted"

    def __init__(self, *replies: str | Exception):
        self.replies: deque[str | Exception] = deque(replies)
        self.history: list[list[Message]] = []

    def enqueue(self, *replies: str | Exception) -> ScriptedChatModel:
        self.replies.extend(replies)
        return self

    def complete(self, messages: list[Message], *, max_tokens: int | None = None) -> Completion:
        self.history.append(messages)
        if not self.replies:
            raise LLMError("the scripted model has no reply left")
        reply = self.replies.popleft()
        if isinstance(reply, Exception):
            raise reply
        return Completion(reply, sum(len(m["content"]) for m in messages) // 4, len(reply) // 4)


class TimedExpert(Expert):
    """Sleeps `latency` seconds, then produces the task's outputs (text echoes the inputs; media are
    small files). `fail` makes it raise ExpertError; `calls` records (task id, start, end) and
    `inputs` what it was given."""

    def __init__(self, model: str, tasks: tuple[str, ...], latency: float = 0.0, fail: str | None = None, **meta: Any):
        super().__init__(model, tasks, **meta)
        self.latency = latency
        self.fail = fail
        self.calls: list[tuple[int, float, float]] = []
        self.inputs: list[dict[str, Any]] = []
        self._lock = threading.Lock()

    def run(self, task: Task, inputs: dict[str, Any], ctx: ExpertContext) -> dict[str, Any]:
        start = time.monotonic()
        time.sleep(self.latency)
        with self._lock:
            self.calls.append((task.id, start, time.monotonic()))
            self.inputs.append(dict(inputs))
        if self.fail:
            raise ExpertError(self.fail)
        outputs: dict[str, Any] = {}
        for modality in get(task.task).outputs:
            if modality == "text":
                outputs["text"] = f"{task.task}({', '.join(f'{k}={v}' for k, v in sorted(inputs.items()))})"
            elif modality == "image":
                path = ctx.new_file(task.task, ".png")
                Image.new("RGB", (8, 8), (200, 30, 30)).save(path)
                outputs["image"] = path
            else:
                path = ctx.new_file(task.task, ".wav" if modality == "audio" else ".mp4")
                path.write_bytes(b"RIFF0000WAVEfake")
                outputs[modality] = path
        return outputs


def backend(*experts: Expert, name: str = "test", priority: int = 50) -> StaticBackend:
    return StaticBackend(name, list(experts), priority)


ALL_TASKS = tuple(TASKS)


def universal_backend(latency: float = 0.0) -> StaticBackend:
    """One fast test expert for every task type."""
    return backend(TimedExpert("test/universal", ALL_TASKS, latency))


def wait_until(cond, limit: float = 10.0) -> bool:
    """Poll `cond` until it holds or `limit` seconds pass; its last value."""
    end = time.monotonic() + limit
    while time.monotonic() < end:
        if cond():
            return True
        time.sleep(0.01)
    return cond()
