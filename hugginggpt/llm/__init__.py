"""Chat-model backends: the controller LLM (any OpenAI-compatible server, Hugging Face's router)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..config import Config
    from .base import ChatModel


def build_llm(config: Config) -> ChatModel | None:
    """The controller LLM of a config (see `Config.llm_route`), or None without one. No network."""
    route = config.llm_route()
    if route is None:
        return None
    if route.kind == "hf-router":
        from .router import RouterChat

        # the model is picked per request from what the router serves (unless the owner chose one)
        return RouterChat(route, timeout=config.llm_timeout, retries=config.llm_retries, vision=config.llm_vision)
    from .openai_compatible import OpenAICompatible

    return OpenAICompatible.on_route(route, timeout=config.llm_timeout, retries=config.llm_retries)
