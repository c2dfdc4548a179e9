"""What this pipeline can serve now: task type -> the experts that serve it, or why not.

Built from the pipeline's active backends and the kinds of backend that exist (`register_backend`
declares what each kind offers and what enables it). Everything that asks "can this run?" or says
"this cannot run" reads it: the planners, selection, execution, the CLI's `tasks`, the app. The one
renderer of reasons is `render`: it knows the mode and names both fixes, the Settings control a
visitor can use and the environment variable for the server's owner; `for_visitor` keeps the visitor's.
"""

from __future__ import annotations

import importlib
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from .experts.base import BackendKind, Expert, backend_kinds
from .experts.registry import ExpertRegistry
from .tasks import TASKS
from .types import Missing, MissingKind

log = logging.getLogger(__name__)

# backend name -> module whose import registers it (plugins register themselves; the core only lists)
BACKEND_MODULES = {
    "embedded": "hugginggpt.experts.embedded",
    "huggingface": "hugginggpt.experts.hf_inference",
    "vlm": "hugginggpt.experts.vlm",  # vision-language chat models on Hugging Face's router
    "spaces": "hugginggpt.experts.spaces",  # public Gradio Spaces through gradio_client
    "llm": "hugginggpt.experts.llm_expert",
}
# which backends each mode enables (the controller LLM serves language tasks in every mode)
MODE_BACKENDS: dict[str, tuple[str, ...]] = {
    "offline": ("embedded",),
    "hybrid": ("embedded", "huggingface", "vlm", "spaces"),
    "remote": ("huggingface", "vlm", "spaces"),
}


def load_backend_modules(names: Iterable[str] = BACKEND_MODULES) -> list[str]:
    """Import the modules that register the named backends; returns those that imported."""
    ok = []
    for name in names:
        module = BACKEND_MODULES.get(name)
        if module is None:
            continue
        try:
            importlib.import_module(module)
            ok.append(name)
        except ImportError as e:
            log.warning("expert backend %s is not available: %s", name, e)
    return ok


@cache
def _load_all_kinds() -> None:
    """Every backend kind registers what it offers, once per process (a module that cannot be
    imported is logged once, not on every reason asked)."""
    load_backend_modules()


def advice(kind: MissingKind, *, mode: str = "offline", has_token: bool = False, detail: str = "") -> str:
    """What to configure for a missing `kind`, as the end of a sentence: the Settings control for a
    visitor, then the environment variable for whoever runs the server."""
    if kind == "token":
        if has_token and mode == "offline":
            return "switch Mode to hybrid in Settings (server: HUGGINGGPT_MODE=hybrid)"
        switch = " and pick hybrid mode" if mode == "offline" else ""
        return f"enter a Hugging Face token in Settings{switch} (server: set HF_TOKEN)"
    if kind == "llm":
        # a Hugging Face token alone gives an LLM too: the controller on Hugging Face's router
        return (
            "enter a Hugging Face token or an OpenAI-compatible API key (or server URL) in Settings "
            "(server: set HF_TOKEN, or OPENAI_API_KEY / OPENAI_BASE_URL)"
        )
    if kind == "remote":
        if has_token and mode == "offline":
            return (
                "switch Mode to hybrid, or enter an OpenAI-compatible API key, in Settings "
                "(server: HUGGINGGPT_MODE=hybrid or OPENAI_API_KEY)"
            )
        # either one does: a token alone also brings an LLM (Hugging Face's router), in any mode
        return (
            "enter a Hugging Face token or an OpenAI-compatible API key in Settings "
            "(server: set HF_TOKEN or OPENAI_API_KEY)"
        )
    if kind in ("mode", "space"):
        return "switch Mode to hybrid in Settings (server: HUGGINGGPT_MODE=hybrid)"
    if kind == "package":
        return "ask the server's owner to install it" + (f" (server: pip install {detail})" if detail else "")
    if kind == "loading":
        return "try again in a moment"
    return detail


# the part of a sentence for whoever runs the server ("(server: set HF_TOKEN)"): `advice` writes it
_OWNER_PART = re.compile(r"\s*\(server: [^()]*\)")


def for_visitor(text: str) -> str:
    """A sentence as the page shows it to a visitor: the server owner's part ("(server: set HF_TOKEN)")
    left out, the Settings control kept. The CLI and the logs keep the whole sentence."""
    return _OWNER_PART.sub("", text)


def render(task: str, missing: Missing, *, mode: str = "offline", has_token: bool = False) -> str:
    """One sentence that says what cannot run and what to configure."""
    spec = TASKS.get(task)
    what = f"{spec.label} ({task})" if spec and spec.label else task
    fix = advice(missing.kind, mode=mode, has_token=has_token, detail=missing.detail)
    if missing.kind == "none":
        why = f" ({missing.detail})" if missing.detail else ""
        return f"No model in this app can {what} in any mode yet{why}."
    if missing.kind == "provider":
        return f"Cannot {what}: {missing.detail}."
    if missing.kind == "loading":
        return f"The model that can {what} is still loading: {fix}."
    if missing.kind == "package":
        return f"The offline model that can {what} is not installed: {fix}."
    if missing.kind == "mode":
        return f"Only an offline model can {what}, and offline models are off in {mode} mode: {fix}."
    if missing.kind == "space":
        return f"To {what}, this app can call a public Hugging Face Space (nothing on this machine does it): {fix}."
    needs = {
        "token": "a Hugging Face model",
        "llm": "an LLM",
        "remote": "a remote model (nothing on this machine does it)",
    }[missing.kind]
    return f"To {what}, this app needs {needs}: {fix}."


@dataclass
class Capabilities:
    """The capability map of one pipeline: task -> experts now, or a structured reason."""

    registry: ExpertRegistry
    mode: str = "offline"
    has_llm: bool = False
    has_token: bool = False

    def experts(self, task: str) -> list[Expert]:
        return self.registry.experts(task)

    def serves(self, task: str) -> bool:
        return self.registry.serves(task)

    def served(self) -> list[str]:
        return self.registry.served_tasks()

    def unserved(self) -> dict[str, Missing]:
        """Every task that cannot run now, with why (registry order)."""
        return {t: m for t in TASKS if (m := self.reason(t)) is not None}

    def reason(self, task: str) -> Missing | None:
        """Why `task` cannot run now (None when it can). An active backend's own reason (a package to
        install, a provider that does not serve it) comes first; then what would enable a kind of
        backend that offers the task."""
        if task not in TASKS:
            return Missing("none", f"{task} is not a task this app knows")
        if self.serves(task):
            return None
        for backend in self.registry.backends:
            if (m := backend.missing(task)) is not None:
                return m
        _load_all_kinds()
        kinds = [k for k in backend_kinds().values() if _offers(k, task)]
        active = {b.name for b in self.registry.backends}
        in_mode = set(MODE_BACKENDS.get(self.mode, ()))
        needs: set[str] = set()
        for k in kinds:
            if k.name in active:
                continue  # active and silent: it offers the task in general but not now
            if k.needs is None:
                needs.add("mode" if k.name not in in_mode else "package")
            elif k.needs == "token" and self.has_token and k.name not in in_mode:
                needs.add("token")  # a token exists; the mode leaves the backend out
            elif k.needs == "token" and not self.has_token:
                needs.add("token")
            elif k.needs == "llm" and not self.has_llm:
                needs.add("llm")
            elif k.needs == "space":
                needs.add("space")  # a public Space serves it in hybrid and remote modes, token or not
        if "token" in needs and "llm" in needs:
            return Missing("remote")
        for kind in ("token", "llm", "mode", "package", "space"):
            if kind in needs:
                return Missing(kind)  # type: ignore[arg-type]
        return Missing("none")

    def message(self, task: str) -> str:
        """The sentence for a task that cannot run ("" when it can)."""
        m = self.reason(task)
        return "" if m is None else render(task, m, mode=self.mode, has_token=self.has_token)

    def planner_note(self, limit: int = 12) -> str:
        """A line for the LLM planner's prompt: which task types cannot run now and why, so that it
        plans a route that can (kept short: task name and the kind of fix)."""
        short = {
            "token": "needs an HF token",
            "llm": "needs an LLM",
            "remote": "no local model",
            "mode": "off in this mode",
            "package": "not installed",
            "provider": "not served",
            "loading": "loading",
            "space": "needs hybrid mode: a public Space",
            "none": "no model",
        }
        missing = [f"{t} ({short[m.kind]})" for t, m in self.unserved().items()]
        if not missing:
            return ""
        more = f" and {len(missing) - limit} more" if len(missing) > limit else ""
        return "These tasks cannot run now: " + ", ".join(missing[:limit]) + more + "."


def _offers(kind: BackendKind, task: str) -> bool:
    try:
        return bool(kind.offers(task))
    except Exception:  # a plugin's offers() must not take the map down
        log.exception("backend kind %s failed to say whether it offers %s", kind.name, task)
        return False
