"""The controller LLM through the `openai` SDK: OpenAI, Azure, vLLM, TGI, Ollama, llama.cpp..."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import openai

from .base import ChatModel, Completion, LLMError, Message, ModelRefused

if TYPE_CHECKING:
    from ..config import LLMRoute


class OpenAICompatible(ChatModel):
    """Chat completions against any OpenAI-compatible server. Every failure becomes one LLMError
    sentence that says what to fix; the SDK does the retries (with backoff) on 408/429/5xx."""

    def __init__(
        self,
        model: str,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        timeout: float = 60.0,
        retries: int = 2,
        route: LLMRoute | None = None,
    ):
        self.name = model
        self.base_url = base_url or "https://api.openai.com/v1"
        self.route = route  # which route this is (OpenAI-compatible, HF router), for traces and messages
        self.vision = bool(route and route.vision)
        # local servers need no key, but the SDK insists on one
        self.client = openai.OpenAI(
            api_key=api_key or "no-key", base_url=base_url, timeout=timeout, max_retries=retries
        )
        self.timeout = timeout

    @classmethod
    def on_route(cls, route: LLMRoute, *, timeout: float = 60.0, retries: int = 2) -> OpenAICompatible:
        """The client of one route: its model, key and server."""
        return cls(
            route.model, api_key=route.api_key, base_url=route.base_url, timeout=timeout, retries=retries, route=route
        )

    def complete(self, messages: list[Message], *, max_tokens: int | None = None) -> Completion:
        try:
            resp = self.client.chat.completions.create(
                model=self.name,
                messages=messages,
                temperature=0,
                **_limit(max_tokens),  # type: ignore[arg-type]
            )
        except openai.OpenAIError as e:
            raise self._explain(e) from e
        choices = getattr(resp, "choices", None)
        if not choices:
            raise LLMError(self._not_openai())
        text = choices[0].message.content or ""
        usage = getattr(resp, "usage", None)
        return Completion(
            text,
            getattr(usage, "prompt_tokens", 0) or _estimate(messages),
            getattr(usage, "completion_tokens", 0) or len(text) // 4,
        )

    def stream(self, messages: list[Message], *, max_tokens: int | None = None) -> Iterator[str | Completion]:
        try:
            try:
                chunks = self.client.chat.completions.create(
                    model=self.name,
                    messages=messages,  # type: ignore[arg-type]
                    temperature=0,
                    stream=True,
                    stream_options={"include_usage": True},
                    **_limit(max_tokens),
                )
            except openai.BadRequestError as e:
                if self._refuses_model(e):
                    raise
                # some local servers reject stream_options; stream without usage then
                chunks = self.client.chat.completions.create(
                    model=self.name,
                    messages=messages,
                    temperature=0,
                    stream=True,
                    **_limit(max_tokens),  # type: ignore[arg-type]
                )
            parts: list[str] = []
            usage = None
            for chunk in chunks:
                if not hasattr(chunk, "choices"):
                    raise LLMError(self._not_openai())
                if chunk.usage:
                    usage = chunk.usage
                for choice in chunk.choices:
                    delta = choice.delta.content if choice.delta else None
                    if delta:
                        parts.append(delta)
                        yield delta
        except openai.OpenAIError as e:
            raise self._explain(e) from e
        text = "".join(parts)
        yield Completion(
            text,
            getattr(usage, "prompt_tokens", 0) or _estimate(messages),
            getattr(usage, "completion_tokens", 0) or len(text) // 4,
        )

    def _not_openai(self) -> str:
        return (
            f"The LLM server at {self.base_url} did not answer in the OpenAI chat-completions format: "
            "check OPENAI_BASE_URL (it usually ends in /v1)."
        )

    @property
    def _on_router(self) -> bool:
        return self.route is not None and self.route.kind == "hf-router"

    def _refuses_model(self, e: openai.OpenAIError) -> bool:
        """The router's "model not served" reply (400 with its sentence or code, or a 404 for the model)."""
        if not self._on_router or not isinstance(e, (openai.BadRequestError, openai.NotFoundError)):
            return False
        text = _server_says(e).lower()
        # narrow on purpose: "image input is not supported for this model" is not a refusal of the model
        return (
            getattr(e, "code", None) == "model_not_supported"
            or "not supported by any provider" in text
            or ("requested model" in text and "not supported" in text)
            or (isinstance(e, openai.NotFoundError) and "model" in text and ("found" in text or "exist" in text))
        )

    def _explain(self, e: openai.OpenAIError) -> LLMError:
        where = self.base_url
        if self._refuses_model(e):
            return ModelRefused(
                f"Hugging Face's router at {where} does not serve the model {self.name} now "
                f"(HTTP {getattr(e, 'status_code', '?')}: {_server_says(e)}).",
                self.name,
            )
        if isinstance(e, openai.AuthenticationError):
            if self._on_router:
                return LLMError(f"Hugging Face's router at {where} rejected the token (401): {_advice('token')}")
            return LLMError(f"The LLM server at {where} rejected the API key (401): check OPENAI_API_KEY.")
        if isinstance(e, openai.APIStatusError) and e.status_code == 402 and self._on_router:
            return LLMError(
                f"Hugging Face's router at {where} refused the request (402): the account's inference "
                "credits are used up."
            )
        if isinstance(e, openai.PermissionDeniedError):
            return LLMError(f"The API key may not use model {self.name!r} (403): check the key's permissions.")
        if isinstance(e, openai.NotFoundError):
            return LLMError(
                f"The LLM server at {where} does not serve model {self.name!r} (404): "
                "set HUGGINGGPT_LLM_MODEL to a model it serves, and check OPENAI_BASE_URL."
            )
        if isinstance(e, openai.RateLimitError):
            return LLMError(
                f"The LLM server at {where} is rate-limiting or out of quota (429): wait and retry, "
                "or use another key or model."
            )
        if isinstance(e, openai.APITimeoutError):
            return LLMError(f"The LLM server at {where} did not answer within {self.timeout:g} s: try again later.")
        if isinstance(e, openai.APIConnectionError):
            return LLMError(
                f"Cannot reach the LLM server at {where}: check OPENAI_BASE_URL and that the server is running."
            )
        if isinstance(e, openai.APIStatusError) and e.status_code >= 500:
            return LLMError(f"The LLM server at {where} failed (HTTP {e.status_code}): try again later.")
        if isinstance(e, openai.APIStatusError):
            return LLMError(f"The LLM server at {where} refused the request (HTTP {e.status_code}): {_brief(e)}.")
        if isinstance(e, openai.APIResponseValidationError):
            return LLMError(self._not_openai())
        return LLMError(f"The LLM call failed: {_brief(e)}.")


def _limit(max_tokens: int | None) -> dict:
    return {"max_tokens": max_tokens} if max_tokens else {}


def _estimate(messages: list[Message]) -> int:
    """About 4 characters a token; an image content part counts as ~1000 characters of text."""
    size = 0
    for m in messages:
        content = m.get("content") or ""
        if isinstance(content, str):
            size += len(content)
        else:
            size += sum(len(p.get("text", "")) if p.get("type") == "text" else 1000 for p in content)
    return size // 4


def _advice(kind: str) -> str:
    """What to configure, from the capability map's one renderer when it is there."""
    try:
        from ..capabilities import advice
    except ImportError:
        return "check HF_TOKEN (or sign in with Hugging Face), and that it may call Inference Providers."
    return advice(kind)


def _server_says(e: Exception) -> str:
    """The server's own error message (the body's "message"), else the SDK's summary."""
    body = getattr(e, "body", None)
    message = body.get("message") if isinstance(body, dict) else None
    if isinstance(message, str) and message.strip():
        return " ".join(message.split())[:200].rstrip(".")
    return _brief(e)


def _brief(e: Exception) -> str:
    message = getattr(e, "message", None) or str(e)
    return " ".join(str(message).split())[:200].rstrip(".")
