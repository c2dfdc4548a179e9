"""Settings, from the environment (and, in the UI, per browser session)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

Mode = Literal["offline", "hybrid", "remote"]
DEFAULT_LLM_MODEL = "gpt-4.1-mini"  # on OpenAI (OPENAI_API_KEY)
# On Hugging Face's router (HF_TOKEN only) with no model chosen, the model is picked per request from
# what the router serves now (llm/router_models.py); this one (open, multimodal, instruction-tuned) is
# the first choice, and the model used when the router's list cannot be read.
DEFAULT_ROUTER_MODEL = "meta-llama/Llama-4-Scout-17B-16E-Instruct"
DEFAULT_HF_ROUTER_URL = "https://router.huggingface.co/v1"
# Chat models known to read images (the VLM expert uses the controller LLM for them); a name that
# matches none is taken as text-only unless HUGGINGGPT_LLM_VISION=1 says otherwise.
VISION_MODEL_HINTS = (
    "gpt-4o",
    "gpt-4.1",
    "gpt-5",
    "o3",
    "o4",
    "llama-4",
    "gemma-3",
    "gemma-4",
    "-vl",
    "vl-",
    "pixtral",
    "llava",
    "claude",
    "gemini",
    "mistral-small-3",
    "mistral-medium",
    "kimi-vl",
    "glm-4.5v",
    "idefics",
    "smolvlm",
)
LLMRouteKind = Literal["openai", "hf-router"]


@dataclass(frozen=True)
class LLMRoute:
    """Which chat model serves as the controller and where: an OpenAI-compatible server of the
    user's (`OPENAI_*`), or Hugging Face's router with the HF token. The key never shows in repr."""

    kind: LLMRouteKind
    model: str
    base_url: str | None
    api_key: str | None = field(default=None, repr=False)
    vision: bool = False
    # the owner chose the model (HUGGINGGPT_LLM_MODEL, Settings): never swapped. Else, on the router, it
    # is picked per request from what the router serves now (llm/router.py), and `picked` says how.
    pinned: bool = True
    picked: str | None = None
    listing_age_s: float | None = None  # age of the router's model list the pick was made from

    def describe(self) -> dict[str, str | bool | float]:
        """What a trace or a page may show: no key."""
        where = self.base_url or "https://api.openai.com/v1"
        out: dict[str, str | bool | float] = {
            "model": self.model, "route": self.kind, "base_url": where, "vision": self.vision
        }  # fmt: skip
        if self.picked:
            out["picked"] = self.picked
        if self.listing_age_s is not None:
            out["listing_age_s"] = round(self.listing_age_s, 1)
        return out


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
    llm_vision: bool | None = None  # does the LLM read images? None: guess from its name
    # Hugging Face router as the controller when only HF_TOKEN is set (None: the public router)
    hf_router_url: str | None = None
    # experts
    mode: Mode = "offline"
    hf_token: str | None = field(default=None, repr=False)
    hf_provider: str = "auto"
    hf_base_url: str | None = None
    # public Spaces as experts (hybrid and remote modes): HUGGINGGPT_SPACES, a JSON mapping of task ->
    # {"space": "owner/name or URL", "api_name": "/endpoint", ...}; the shipped list; the search by meaning
    spaces: str | None = None
    spaces_shipped: bool = True
    spaces_search: bool = True
    # pipeline
    # HUGGINGGPT_WORKERS: the one bound on work at once; the embedded-model executor gets this many
    # threads, remote calls 4x, and the app's queue runs 2x requests at once (see the properties)
    workers: int = field(default_factory=lambda: os.cpu_count() or 2)
    concurrency: int = 8  # tasks running at once per request
    task_timeout: float = 120.0
    max_attempts: int = 3  # candidates tried per task before it fails
    selection_top_k: int = 4  # candidates shown to the LLM per task
    llm_selects: bool = True  # False: always take the top-ranked candidate, no LLM call
    llm_as_expert: bool = True  # the controller LLM is a candidate for language tasks
    history_tokens: int = 1500  # budget for earlier turns in the planning prompt
    workdir: Path | None = None  # root of run workspaces (default: a temp dir)
    mode_set: bool = field(default=False, repr=False)  # HUGGINGGPT_MODE/--mode chose the mode

    @property
    def cpu_workers(self) -> int:
        """Threads running embedded (CPU-bound) models, shared by every run of the process."""
        return max(1, self.workers)

    @property
    def io_workers(self) -> int:
        """Threads running remote (network-bound) expert calls, shared by every run of the process."""
        return max(8, 4 * self.workers)

    @property
    def queue_concurrency(self) -> int:
        """Requests the app serves at once: enough to keep the executors busy while runs plan and answer."""
        return max(2, 2 * self.workers)

    @property
    def has_llm(self) -> bool:
        return self.llm_route() is not None

    def llm_route(self) -> LLMRoute | None:
        """The controller LLM of this config. `OPENAI_*` wins; else, with an HF token, Hugging Face's
        router (not when remote experts go to a classic inference server of the user's,
        HUGGINGGPT_HF_BASE_URL, unless HUGGINGGPT_HF_ROUTER_URL names a router too); else none."""
        if self.openai_api_key or self.openai_base_url:
            return LLMRoute(
                "openai", self.llm_model, self.openai_base_url, self.openai_api_key, self._vision(self.llm_model)
            )
        if self.hf_token and (self.hf_router_url or not self.hf_base_url):
            # the OpenAI default name means "the route's default": the router does not serve it
            pinned = self.llm_model != DEFAULT_LLM_MODEL
            model = self.llm_model if pinned else DEFAULT_ROUTER_MODEL
            base = (self.hf_router_url or DEFAULT_HF_ROUTER_URL).rstrip("/")
            return LLMRoute("hf-router", model, base, self.hf_token, self._vision(model), pinned=pinned)
        return None

    def _vision(self, model: str) -> bool:
        if self.llm_vision is not None:
            return self.llm_vision
        name = model.lower()
        return any(hint in name for hint in VISION_MODEL_HINTS)

    @classmethod
    def from_env(cls, **overrides) -> Config:
        hf_token = _env("HF_TOKEN") or _env("HUGGING_FACE_HUB_TOKEN")
        mode_set = _env("HUGGINGGPT_MODE") is not None or "mode" in overrides
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
            hf_router_url=_env("HUGGINGGPT_HF_ROUTER_URL"),
            llm_vision=_flag(_env("HUGGINGGPT_LLM_VISION")),
            spaces=_env("HUGGINGGPT_SPACES"),
            spaces_shipped=_flag(_env("HUGGINGGPT_SPACES_SHIPPED")) is not False,
            spaces_search=_flag(_env("HUGGINGGPT_SPACES_SEARCH")) is not False,
            mode_set=mode_set,
            workdir=Path(p) if (p := _env("HUGGINGGPT_WORKDIR")) else None,
        )
        if workers := _env("HUGGINGGPT_WORKERS"):
            if not workers.isdigit() or int(workers) < 1:
                raise ValueError(f"HUGGINGGPT_WORKERS must be a whole number of at least 1, not {workers!r}")
            cfg.workers = int(workers)
        if cfg.spaces:
            from .experts.spaces import parse_specs

            parse_specs(cfg.spaces)  # a wrong HUGGINGGPT_SPACES stops the start with what is wrong
        return replace(cfg, **overrides)


def _flag(value: str | None) -> bool | None:
    if value is None:
        return None
    return value.lower() in ("1", "true", "yes", "on")


def config_for_visitor(base: Config, oauth_token: str | None) -> Config:
    """The config of one visitor's run: a visitor signed in with Hugging Face runs on their own token
    (the router and the experts bill them), replacing the server's `HF_TOKEN`; without sign-in, the
    server's config as is. A mode left to its default becomes hybrid with a token, as from_env does."""
    token = (oauth_token or "").strip()
    if not token:
        return base
    mode = base.mode if base.mode_set or base.mode != "offline" else "hybrid"
    return replace(base, hf_token=token, mode=mode)
