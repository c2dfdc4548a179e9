"""Configurations to compare: `MODE[+LLM]` strings, or named entries of a small config file.

    offline                      embedded experts, the embedded planner (no controller LLM)
    hybrid+openai:gpt-4.1-mini   embedded + Hugging Face experts, gpt-4.1-mini through OPENAI_* as controller
    remote+hf:Qwen/Qwen3-32B     Hugging Face experts, a model on Hugging Face's router (HF_TOKEN) as controller
    offline+openai               the model HUGGINGGPT_LLM_MODEL names (default gpt-4.1-mini)
    hybrid+hf                    the router's default model

A configuration without `+LLM` has no controller LLM, whatever keys the environment holds: it plans with
the embedded planner, so `offline` against `offline+openai:...` compares planners on the same experts.
Keys and URLs come from the environment (`OPENAI_API_KEY`, `OPENAI_BASE_URL`, `HF_TOKEN`,
`HUGGINGGPT_HF_ROUTER_URL`); a config file (TOML, or JSON) names longer setups, one table each:

    [local-qwen]
    use = "offline+openai:Qwen/Qwen2.5-7B-Instruct"
    base_url = "http://127.0.0.1:8000/v1"   # instead of OPENAI_BASE_URL
    api_key_env = "VLLM_API_KEY"            # the variable holding the key (never the key itself)
    llm_selects = false                     # and any of SETTINGS
"""

from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from ..config import DEFAULT_HF_ROUTER_URL, DEFAULT_LLM_MODEL, Config, Mode, _env

MODES: tuple[Mode, ...] = ("offline", "hybrid", "remote")
LLMKind = Literal["openai", "hf"]
FORMS = (
    "a configuration is offline, hybrid or remote, optionally joined by + to openai[:MODEL] or hf[:MODEL] "
    "(e.g. offline, hybrid+openai:gpt-4.1-mini, remote+hf:Qwen/Qwen3-32B), or a name from --config-file"
)
# Config fields a config file may set, with their types
SETTINGS: dict[str, type] = {
    "llm_timeout": float,
    "llm_retries": int,
    "llm_vision": bool,
    "llm_selects": bool,
    "llm_as_expert": bool,
    "selection_top_k": int,
    "max_attempts": int,
    "task_timeout": float,
    "concurrency": int,
    "history_tokens": int,
    "hf_provider": str,
}
FILE_KEYS = ("use", "base_url", "api_key_env")


class ConfigError(ValueError):
    """A configuration string or file that cannot be used: the message says the valid forms."""


class ConfigUnusable(Exception):
    """A well-formed configuration the environment cannot serve (no key): each of its runs says so."""


@dataclass(frozen=True)
class EvalConfig:
    """One column of the report: the expert mode and the controller LLM, if any."""

    name: str
    mode: Mode
    llm: LLMKind | None = None
    model: str | None = None
    base_url: str | None = None
    api_key_env: str | None = None
    settings: dict[str, Any] = field(default_factory=dict)

    def build(self) -> Config:
        """The pipeline's Config. Raises ConfigUnusable when the environment lacks what the LLM needs."""
        base = Config.from_env(mode=self.mode)
        if self.llm is None:  # no controller: nothing may route to an LLM (the runner builds none)
            cfg = replace(base, openai_api_key=None, openai_base_url=None)
        elif self.llm == "openai":
            key = _env(self.api_key_env) if self.api_key_env else base.openai_api_key
            url = self.base_url or base.openai_base_url
            if not key and not url:
                need = self.api_key_env or "OPENAI_API_KEY"
                raise ConfigUnusable(
                    f"{self.name} needs an OpenAI-compatible server: set {need} (and OPENAI_BASE_URL for a server "
                    "other than OpenAI's)"
                )
            cfg = replace(base, openai_api_key=key or None, openai_base_url=url, llm_model=self.model or base.llm_model)
        else:
            if not base.hf_token:
                raise ConfigUnusable(f"{self.name} needs a Hugging Face token for the router: set HF_TOKEN")
            cfg = replace(
                base,
                openai_api_key=None,
                openai_base_url=None,
                hf_router_url=base.hf_router_url or DEFAULT_HF_ROUTER_URL,
                llm_model=self.model or DEFAULT_LLM_MODEL,  # the default name means "the router's default"
            )
        cfg = replace(cfg, **self.settings)
        if self.llm is not None:
            route = cfg.llm_route()
            assert route is not None and route.kind == ("openai" if self.llm == "openai" else "hf-router"), route
        return cfg

    def describe(self) -> dict[str, Any]:
        """What the report shows of this configuration (never a key)."""
        out: dict[str, Any] = {"mode": self.mode, "controller": "embedded planner" if self.llm is None else self.llm}
        if self.model:
            out["model"] = self.model
        if self.base_url:
            out["base_url"] = self.base_url
        if self.settings:
            out["settings"] = dict(self.settings)
        return out


def parse_spec(text: str, name: str | None = None) -> EvalConfig:
    """`MODE[+openai[:MODEL]|+hf[:MODEL]]` -> EvalConfig. Raises ConfigError listing the valid forms."""
    spec = text.strip()
    mode, plus, llm = spec.partition("+")
    mode = mode.strip().lower()
    if mode not in MODES:
        raise ConfigError(f"unknown configuration {text!r}: {FORMS}")
    if not plus:
        return EvalConfig(name or spec, mode)  # type: ignore[arg-type]
    kind, colon, model = llm.strip().partition(":")
    kind = kind.strip().lower()
    if kind not in ("openai", "hf") or (colon and not model.strip()):
        raise ConfigError(f"unknown configuration {text!r}: {FORMS}")
    return EvalConfig(name or spec, mode, kind, model.strip() or None)  # type: ignore[arg-type]


def load_config_file(path: Path) -> dict[str, EvalConfig]:
    """The named configurations of a TOML (or, by its suffix, JSON) file, in file order."""
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise ConfigError(f"cannot read the config file {path}: {e.strerror or e}") from e
    try:
        data = json.loads(raw) if path.suffix.lower() == ".json" else tomllib.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as e:  # TOMLDecodeError and JSONDecodeError are ValueErrors
        raise ConfigError(f"{path} is not valid {'JSON' if path.suffix.lower() == '.json' else 'TOML'}: {e}") from e
    if not isinstance(data, dict) or not data:
        raise ConfigError(
            f'{path} names no configuration: one table each, e.g. [mini] use = "hybrid+openai:gpt-4.1-mini"'
        )
    out = {}
    for name, entry in data.items():
        where = f"{path} [{name}]"
        if not isinstance(entry, dict) or not isinstance(entry.get("use"), str):
            raise ConfigError(f'{where}: needs use = "MODE[+LLM]" ({FORMS})')
        if unknown := [k for k in entry if k not in FILE_KEYS and k not in SETTINGS]:
            raise ConfigError(f"{where}: unknown setting {unknown[0]!r} (known: {', '.join([*FILE_KEYS, *SETTINGS])})")
        try:
            cfg = parse_spec(entry["use"], name)
        except ConfigError as e:
            raise ConfigError(f"{where}: {e}") from None
        settings = {}
        for key, kind in SETTINGS.items():
            if key not in entry:
                continue
            value = entry[key]
            ok = isinstance(value, kind) and not (kind is not bool and isinstance(value, bool))
            if kind is float and isinstance(value, int) and not isinstance(value, bool):
                value, ok = float(value), True
            if not ok:
                raise ConfigError(f"{where}: {key} must be a {kind.__name__}, not {value!r}")
            settings[key] = value
        for key in ("base_url", "api_key_env"):
            if key in entry and (not isinstance(entry[key], str) or not entry[key].strip()):
                raise ConfigError(f"{where}: {key} must be a non-empty string")
            if key in entry and cfg.llm != "openai":
                raise ConfigError(f'{where}: {key} applies to an openai controller only (use = "...+openai:MODEL")')
        out[name] = replace(
            cfg, base_url=entry.get("base_url"), api_key_env=entry.get("api_key_env"), settings=settings
        )
    return out


def resolve(specs: list[str], config_file: Path | None = None) -> list[EvalConfig]:
    """The configurations to run, in the order given: each `--config` is a name from the file or a
    `MODE[+LLM]` string; with a file and no `--config`, all of the file's, in its order."""
    named = load_config_file(config_file) if config_file else {}
    if not specs:
        if not named:
            raise ConfigError(f"give at least one --config: {FORMS}")
        return list(named.values())
    out = [named[s] if s in named else parse_spec(s) for s in specs]
    names = [c.name for c in out]
    if dup := next((n for n in names if names.count(n) > 1), None):
        raise ConfigError(f"the configuration {dup!r} is given twice")
    return out
