"""The controller LLM on Hugging Face's router: the owner's model as chosen, never swapped; or, with none
chosen, a model picked per request from what the router serves now (see `router_models` for the rule),
re-picked once when the router refuses it in the middle of a run."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from typing import TYPE_CHECKING

from . import router_models
from .base import ChatModel, Completion, LLMError, Message, ModelRefused
from .openai_compatible import OpenAICompatible

if TYPE_CHECKING:
    from ..config import LLMRoute

log = logging.getLogger(__name__)
LOG_EVERY_S = 60.0
REFUSED_FOR_S = 600.0


class _Routed(ChatModel):
    """A chat model that is whatever model its route names now (a router may re-pick it)."""

    route: LLMRoute

    @property  # type: ignore[override]
    def name(self) -> str:
        return self.route.model

    @property
    def vision(self) -> bool:
        return self.route.vision


class RouterChat(_Routed):
    """The router as configured. `for_request` binds one request to a served model; calling it directly
    binds each call (a settings check, a warm-up)."""

    def __init__(
        self,
        route: LLMRoute,
        *,
        timeout: float = 60.0,
        retries: int = 2,
        vision: bool | None = None,
        models: router_models.RouterModels | None = None,
    ):
        assert route.base_url is not None
        self.configured = route  # the owner's model (pinned), or the built-in default
        self.timeout = timeout
        self.retries = retries
        self.vision_override = vision  # HUGGINGGPT_LLM_VISION, when set
        self.models = models or router_models.shared(route.base_url, route.api_key)
        self._last: LLMRoute | None = None
        self._clients: dict[str, OpenAICompatible] = {}
        self._logged: dict[str, float] = {}  # owner's log line -> when it was last written
        self._refused: dict[str, float] = {}  # model -> when the router last refused it
        self._lock = threading.Lock()

    # what a page shows before any request: the last pick, else what the cached list would give
    @property
    def route(self) -> LLMRoute:
        if self._last is not None:
            return self._last
        return self._resolve(self.models.cached(), images=False, quiet=True)

    def for_request(self, *, images: bool = False) -> RouterRun:
        return RouterRun(self, self.pick(images=images), images)

    def pick(self, *, images: bool = False, exclude: frozenset[str] = frozenset(), refresh: bool = False) -> LLMRoute:
        """The route that serves a request now. Asks the router's list (cached). Raises LLMError with
        one sentence when the owner's model is not served, or when nothing served fits."""
        now = time.monotonic()
        with self._lock:  # a model refused lately is not picked again, even while the list still shows it
            self._refused = {m: t for m, t in self._refused.items() if now - t < REFUSED_FOR_S}
            exclude = exclude | (set(self._refused) if not self.configured.pinned else set())
        route = self._resolve(self.models.get(refresh=refresh), images=images, exclude=frozenset(exclude))
        self._last = route
        return route

    def refused(self, model: str) -> None:
        """The router refused `model` in a call: a default is not picked again for REFUSED_FOR_S."""
        with self._lock:
            self._refused[model] = time.monotonic()

    def _resolve(
        self,
        listing: router_models.Listing | None,
        *,
        images: bool,
        exclude: frozenset[str] = frozenset(),
        quiet: bool = False,
    ) -> LLMRoute:
        want = self.configured
        age = listing.age() if listing is not None else None
        if want.pinned:
            if listing is not None and (entry := listing.get(want.model)) is not None and want.model not in exclude:
                return replace(want, vision=self._vision(entry), listing_age_s=age)
            if listing is None and want.model not in exclude:
                return want  # the list cannot be read: the owner's model is tried as is
            if quiet:
                return want
            raise self.not_served(want.model, listing, images=images)
        if listing is None:
            if want.model in exclude:
                raise self.not_served(want.model, None, images=images)
            why = "the built-in default: the router's model list could not be read"
            if reason := self.models.failure():
                why += f" ({reason})"
            return replace(want, picked=why)
        choice = router_models.choose(listing, images=images, exclude=exclude)
        if choice is None:
            if quiet:
                return want
            refused = f" other than {', '.join(sorted(exclude))}, which it refused" if exclude else ""
            raise LLMError(
                f"Hugging Face's router at {want.base_url} lists no chat model that a provider serves now{refused}: "
                "try again later, or enter an OpenAI-compatible API key in Settings (server: set OPENAI_API_KEY "
                "or OPENAI_BASE_URL)."
            )
        model = choice.model
        return replace(
            want,
            model=model.id,
            vision=self._vision(model),
            picked=choice.why,
            listing_age_s=age,
        )

    def _vision(self, entry: router_models.ServedModel) -> bool:
        return entry.sees if self.vision_override is None else self.vision_override

    def not_served(self, model: str, listing: router_models.Listing | None, *, images: bool = False) -> LLMError:
        visitor, owner = router_models.not_served(model, listing, self.models.base_url, images=images)
        now = time.monotonic()
        with self._lock:  # the owner's log gets the line once a minute, not once per call of every run
            due = now - self._logged.get(owner, -LOG_EVERY_S) >= LOG_EVERY_S
            if due:
                self._logged[owner] = now
        if due:
            log.warning("%s", owner)
        return LLMError(visitor)

    def client(self, route: LLMRoute) -> OpenAICompatible:
        with self._lock:
            if route.model not in self._clients:
                self._clients[route.model] = OpenAICompatible.on_route(
                    route, timeout=self.timeout, retries=self.retries
                )
            return self._clients[route.model]

    def complete(self, messages: list[Message], *, max_tokens: int | None = None) -> Completion:
        return self.for_request().complete(messages, max_tokens=max_tokens)

    def stream(self, messages: list[Message], *, max_tokens: int | None = None) -> Iterator[str | Completion]:
        yield from self.for_request().stream(messages, max_tokens=max_tokens)


class RouterRun(_Routed):
    """One request's model on the router. When the router refuses it (a provider dropped it since the
    list was read), a default is re-picked from a fresh list and the call retried once; the owner's
    model is not swapped: the call fails with the sentence naming served models."""

    def __init__(self, router: RouterChat, route: LLMRoute, images: bool):
        self.router = router
        self.route = route
        self.images = images
        self.replaced: list[str] = []  # models refused during this request, in order
        self._lock = threading.Lock()

    def complete(self, messages: list[Message], *, max_tokens: int | None = None) -> Completion:
        chat = self.router.client(self.route)
        try:
            return chat.complete(messages, max_tokens=max_tokens)
        except ModelRefused as e:
            chat = self._recover(e)
        return chat.complete(messages, max_tokens=max_tokens)

    def stream(self, messages: list[Message], *, max_tokens: int | None = None) -> Iterator[str | Completion]:
        chat = self.router.client(self.route)
        try:
            # the router refuses a model before the first delta, so nothing is streamed twice
            yield from chat.stream(messages, max_tokens=max_tokens)
            return
        except ModelRefused as e:
            chat = self._recover(e)
        yield from chat.stream(messages, max_tokens=max_tokens)

    def _recover(self, e: ModelRefused) -> OpenAICompatible:
        """The client to retry with, after the router refused `e.model`; raises when there is none."""
        with self._lock:
            if e.model != self.route.model:  # a call running alongside has re-picked already
                return self.router.client(self.route)
            refused = frozenset([*self.replaced, e.model])
            if self.router.configured.pinned:
                listing = self.router.models.get(refresh=True)
                raise self.router.not_served(e.model, listing, images=self.images) from e
            self.router.refused(e.model)
            # nothing else to pick: the one sentence says so (the refusal itself is the exception's cause)
            route = self.router.pick(images=self.images, exclude=refused, refresh=True)
            log.warning(
                "Hugging Face's router refused %s (no provider serves it now): switched to %s", e.model, route.model
            )
            self.replaced.append(e.model)
            self.route = replace(route, picked=f"{route.picked}; replaced {', '.join(self.replaced)}, refused mid-run")
            return self.router.client(self.route)
