"""The chat-model interface the pipeline talks to, and per-request usage metering."""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..types import Usage

# {"role", "content"}: content is text, or a list of OpenAI content parts (text, image_url)
Message = dict[str, Any]


class LLMError(Exception):
    """The controller LLM could not answer. The message is one sentence saying what to fix."""


class ModelRefused(LLMError):
    """The server does not serve the model asked for (Hugging Face's router: "The requested model '...' is
    not supported by any provider you have enabled."). A router default can be re-picked and the call
    retried; a model the owner chose cannot."""

    def __init__(self, message: str, model: str):
        super().__init__(message)
        self.model = model


@dataclass
class Completion:
    text: str
    prompt_tokens: int = 0
    completion_tokens: int = 0


class ChatModel(ABC):
    """A chat model: `complete` one reply; `stream` yields text deltas, then the final Completion."""

    name: str = "chat-model"

    @abstractmethod
    def complete(self, messages: list[Message], *, max_tokens: int | None = None) -> Completion: ...

    def stream(self, messages: list[Message], *, max_tokens: int | None = None) -> Iterator[str | Completion]:
        done = self.complete(messages, max_tokens=max_tokens)
        yield done.text
        yield done

    def for_request(self, *, images: bool = False) -> ChatModel:
        """The model that serves one request (`images`: the request carries images). Itself, unless the
        model is picked per request from what a server offers now (Hugging Face's router). Raises
        LLMError when no model can serve it."""
        return self


class MeteredChatModel(ChatModel):
    """Counts calls and tokens of one request (thread-safe: language experts call it concurrently)."""

    def __init__(self, inner: ChatModel, usage: Usage | None = None):
        self.inner = inner
        self.usage = usage or Usage()
        self._lock = threading.Lock()

    @property  # type: ignore[override]
    def name(self) -> str:  # the inner model's, which a router may re-pick during the run
        return self.inner.name

    def _count(self, c: Completion) -> None:
        with self._lock:
            self.usage.add(c.prompt_tokens, c.completion_tokens)

    def complete(self, messages: list[Message], *, max_tokens: int | None = None) -> Completion:
        c = self.inner.complete(messages, max_tokens=max_tokens)
        self._count(c)
        return c

    def stream(self, messages: list[Message], *, max_tokens: int | None = None) -> Iterator[str | Completion]:
        for part in self.inner.stream(messages, max_tokens=max_tokens):
            if isinstance(part, Completion):
                self._count(part)
            yield part
