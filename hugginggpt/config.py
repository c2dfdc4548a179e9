"""Settings, from the environment (and, in the UI, per browser session)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

Mode = Literal["offline", "hybrid", "remote"]
DEFAULT_LLM_MODEL = "gpt-4.1-mini"


def _env(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name, "").strip()
    return value or default


@dataclass
class Config:
    # controller LLM (any OpenAI-compatible server); no key and no base URL -> no LLM (offline)
    openai_api_key: str | None = field(default=None, repr=False)
    openai_base_url: str | None = None
    llm_model: str = DEFAULT_LLM_MODEL
    llm_timeout: float = 60.0
    llm_retries: int = 2
    # experts
    mode: Mode = "offline"
    hf_token: str | None = field(default=None, repr=False)
    hf_provider: str = "auto"
    hf_base_url: str | None = None
    # pipeline
    concurrency: int = 8  # tasks running at once per request
    task_timeout: float = 120.0
    max_attempts: int = 3  # candidates tried per task before it fails
    selection_top_k: int = 4  # candidates shown to the LLM per task
    llm_selects: bool = True  # False: always take the top-ranked candidate, no LLM call
    llm_as_expert: bool = True  # the controller LLM is a candidate for language tasks
    history_tokens: int = 1500  # budget for earlier turns in the planning prompt
    workdir: Path | None = None  # root of run workspaces (default: a temp dir)

    @property
    def has_llm(self) -> bool:
        return bool(self.openai_api_key or self.openai_base_url)

    @classmethod
    def from_env(cls, **overrides) -> Config:
        hf_token = _env("HF_TOKEN") or _env("HUGGING_FACE_HUB_TOKEN")
        mode = _env("HUGGINGGPT_MODE") or ("hybrid" if hf_token else "offline")
        if mode not in ("offline", "hybrid", "remote"):
            raise ValueError(f"HUGGINGGPT_MODE must be offline, hybrid or remote, not {mode!r}")
        cfg = cls(
            openai_api_key=_env("OPENAI_API_KEY"),
            openai_base_url=_env("OPENAI_BASE_URL"),
            llm_model=_env("HUGGINGGPT_LLM_MODEL", DEFAULT_LLM_MODEL),  # type: ignore[arg-type]
            mode=mode,  # type: ignore[arg-type]
            hf_token=hf_token,
            hf_provider=_env("HUGGINGGPT_HF_PROVIDER", "auto"),  # type: ignore[arg-type]
            hf_base_url=_env("HUGGINGGPT_HF_BASE_URL"),
            workdir=Path(p) if (p := _env("HUGGINGGPT_WORKDIR")) else None,
        )
        return replace(cfg, **overrides)
