"""What Hugging Face's router serves now: its `GET /v1/models` listing (cached, with its age), the rule
that picks the controller's model from it, and the sentence for a model it does not serve.

The listing (checked against the router's documented shape, every field optional here): `{"data": [{"id",
"owned_by", "providers": [{"provider", "status", "context_length", "supports_tools",
"supports_structured_output", "pricing"}], "architecture": {"input_modalities", "output_modalities"}}]}`.
A plain OpenAI-compatible listing (`{"id", "object"}` only) reads as "served, capabilities unknown".

The choice rule (`choose`), for a model the owner did not pin:
1. candidates: chat models (text out; not a base, guard, reward or embedding model) that at least one
   provider serves live, with context for the planning prompt (MIN_CONTEXT_TOKENS; unknown counts as
   enough);
2. a request that carries images wants a model that reads them; when none is served, the best text
   model is taken and the images go to the vision-language experts;
3. the first served model of PREFERRED (models known to plan well), else the best served one: most
   live providers, then the longest context.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass

from ..hub_catalog import scrub, token_id

log = logging.getLogger(__name__)

LISTING_TTL_S = 3600.0  # a listing this old is asked again (a refused call asks at once)
RETRY_AFTER_S = 60.0  # after a failed listing, the next runs wait this long before asking again
LISTING_TIMEOUT_S = 5.0
# The planner prompt (task spec, demonstrations, 1500 tokens of history) is ~3k tokens; the answer
# prompt holds the results too. A model with less context than this cannot plan reliably.
MIN_CONTEXT_TOKENS = 8192
# Known to plan well on the router (open, instruction-tuned), best first; image readers first so that
# one model plans, reads uploads and answers. Only served ones are taken.
PREFERRED = (
    "meta-llama/Llama-4-Scout-17B-16E-Instruct",
    "google/gemma-4-31B-it",
    "Qwen/Qwen3-VL-235B-A22B-Instruct",
    "google/gemma-3-27b-it",
    "Qwen/Qwen2.5-VL-72B-Instruct",
    "openai/gpt-oss-120b",
    "Qwen/Qwen3-235B-A22B-Instruct-2507",
    "deepseek-ai/DeepSeek-V3-0324",
    "meta-llama/Llama-3.3-70B-Instruct",
)
# ids that name a model that is not a chat assistant, whatever the router lists
_NOT_CHAT = re.compile(r"(^|[-_/.])(base|guard|reward|rm|embed|embedding|safeguard|classifier)([-_.]|$)", re.I)
# `model:policy` suffixes of the router that are not provider names
_POLICIES = {"fastest", "cheapest", "preferred"}


@dataclass(frozen=True)
class ServedModel:
    """One entry of the router's listing."""

    id: str
    providers: tuple[str, ...]  # providers that serve it live; ("?",) when the listing does not say
    context_length: int | None = None  # the longest a live provider offers; None: not said
    inputs: tuple[str, ...] | None = None  # input modalities; None: not said

    @property
    def reads_images(self) -> bool | None:
        return None if self.inputs is None else "image" in self.inputs

    @property
    def sees(self) -> bool:
        """Reads images: as the listing says, else as the model's name suggests."""
        if self.inputs is not None:
            return "image" in self.inputs
        from ..config import VISION_MODEL_HINTS

        return any(hint in self.id.lower() for hint in VISION_MODEL_HINTS)


@dataclass(frozen=True)
class Listing:
    """The router's served models, as read at `fetched_at` (time.time())."""

    models: tuple[ServedModel, ...]
    fetched_at: float

    def age(self) -> float:
        return max(0.0, time.time() - self.fetched_at)

    def get(self, model: str) -> ServedModel | None:
        """The entry of `model` (a `:policy` or `:provider` suffix allowed) when served, else None."""
        base, _, suffix = model.partition(":")
        entry = next((m for m in self.models if m.id == base), None)
        if entry is None or not suffix or suffix in _POLICIES or entry.providers == ("?",):
            return entry
        return entry if suffix in entry.providers else None

    def serves(self, model: str) -> bool:
        return self.get(model) is not None


@dataclass(frozen=True)
class Choice:
    model: ServedModel
    why: str  # how the rule chose it, for the trace


def parse_listing(payload: object, fetched_at: float | None = None) -> Listing:
    """The served models of a `/v1/models` reply; entries without a live provider are left out.
    Raises ValueError when the reply is not a listing at all."""
    rows = payload.get("data") if isinstance(payload, dict) else None
    if not isinstance(rows, list):
        raise ValueError("the reply has no 'data' list")
    models = []
    for row in rows:
        if not isinstance(row, dict) or not isinstance(row.get("id"), str) or not row["id"].strip():
            continue
        providers = row.get("providers")
        if isinstance(providers, list):
            live = [p for p in providers if isinstance(p, dict) and str(p.get("status", "live")).lower() == "live"]
            if not live:
                continue  # listed, but no provider serves it now (status "error", "staging"...)
            names = tuple(str(p.get("provider") or "?") for p in live)
            lengths = [p["context_length"] for p in live if isinstance(p.get("context_length"), int)]
            context = max(lengths) if lengths else None
        else:
            names, context = ("?",), None
        if context is None and isinstance(row.get("context_length"), int):
            context = row["context_length"]
        arch = row.get("architecture")
        inputs = arch.get("input_modalities") if isinstance(arch, dict) else None
        outputs = arch.get("output_modalities") if isinstance(arch, dict) else None
        if isinstance(outputs, list) and outputs and "text" not in outputs:
            continue  # an image or speech generator, not a chat model
        models.append(
            ServedModel(
                row["id"].strip(),
                names,
                context,
                tuple(str(i) for i in inputs) if isinstance(inputs, list) else None,
            )
        )
    return Listing(tuple(models), time.time() if fetched_at is None else fetched_at)


def chat_candidates(listing: Listing) -> list[ServedModel]:
    """Served chat models with enough context for the planning prompt."""
    return [
        m
        for m in listing.models
        if not _NOT_CHAT.search(m.id) and (m.context_length is None or m.context_length >= MIN_CONTEXT_TOKENS)
    ]


def _best_first(models: Iterable[ServedModel]) -> list[ServedModel]:
    """Preferred models in their order, then the most live providers, then the longest context."""
    rank = {m: i for i, m in enumerate(PREFERRED)}
    return sorted(
        models,
        key=lambda m: (rank.get(m.id, len(PREFERRED)), -len(m.providers), -(m.context_length or 0), m.id),
    )


def choose(listing: Listing, *, images: bool = False, exclude: Iterable[str] = ()) -> Choice | None:
    """The controller's model by the rule in this module's docstring; None when nothing fits."""
    gone = set(exclude)
    candidates = [m for m in chat_candidates(listing) if m.id not in gone]
    if not candidates:
        return None
    readers = [m for m in candidates if m.sees]
    pool = readers if images and readers else candidates
    best = _best_first(pool)[0]
    if best.id in PREFERRED:
        why = "the first model of the preference list that the router serves"
    else:
        why = "no model of the preference list is served: the served model with the most providers"
    if images:
        why += ", reading images" if best.sees else " (none served reads images: experts read them)"
    return Choice(best, why)


def image_readers(listing: Listing, limit: int = 8) -> list[ServedModel]:
    """Served chat models that read images, best first (the vision-language experts)."""
    return _best_first(m for m in chat_candidates(listing) if m.sees)[:limit]


def not_served(model: str, listing: Listing | None, where: str, *, images: bool = False) -> tuple[str, str]:
    """(the sentence for a visitor, the line for the owner's log) when the router does not serve `model`:
    both name a few models it serves, the first the Settings control, the second the env variable."""
    if listing is None:
        shown = "; its model list could not be read either"
    else:
        every = chat_candidates(listing)
        readers = [m for m in every if m.sees] if images else []
        names = [m.id for m in _best_first(readers or every)[:3]]
        more = " among others" if len(every) > len(names) else ""
        shown = f"; it serves {', '.join(names)}{more}" if names else "; it lists no chat model now"
    visitor = (
        f"The LLM model {model} is not served by Hugging Face's router now (no enabled provider has it){shown}: "
        "pick a served one under LLM model name in Settings (server: set HUGGINGGPT_LLM_MODEL to one, or "
        "unset it to let the app pick)."
    )
    owner = (
        f"HUGGINGGPT_LLM_MODEL={model} is not served by Hugging Face's router at {where}{shown}: set "
        "HUGGINGGPT_LLM_MODEL to a served model, or unset it to let the app pick one from the router's list."
    )
    return visitor, owner


class RouterModels:
    """The router's listing, fetched at most once per LISTING_TTL_S (and at once after a refusal),
    shared by the runs of a process. Thread-safe; a failed fetch is remembered for RETRY_AFTER_S."""

    def __init__(self, base_url: str, token: str | None, *, timeout: float = LISTING_TIMEOUT_S):
        self.base_url = base_url.rstrip("/")
        self._token = token
        self.timeout = timeout
        self._listing: Listing | None = None
        self._failed: tuple[float, str] | None = None
        self._lock = threading.Lock()

    def __repr__(self) -> str:
        return f"RouterModels({self.base_url!r})"

    def cached(self) -> Listing | None:
        """The last listing read, however old; never the network."""
        return self._listing

    def failure(self) -> str | None:
        """Why the last fetch failed (None when it did not)."""
        failed = self._failed
        return failed[1] if failed else None

    def get(self, *, refresh: bool = False) -> Listing | None:
        """A listing no older than LISTING_TTL_S (`refresh`: a new one), or the last one read when the
        router cannot be asked now; None when none was ever read."""
        with self._lock:
            fresh = self._listing is not None and self._listing.age() < LISTING_TTL_S
            if fresh and not refresh:
                return self._listing
            if self._failed and time.time() - self._failed[0] < RETRY_AFTER_S and not refresh:
                return self._listing
            try:
                self._listing = self._fetch()
                self._failed = None
            except Exception as e:  # any failure to list (HTTP, network, not a listing): use what we have
                reason = scrub(f"{type(e).__name__}: {e}", self._token)
                self._failed = (time.time(), reason[:200])
                log.warning("cannot read the model list of Hugging Face's router at %s: %s", self.base_url, reason)
            return self._listing

    def _fetch(self) -> Listing:
        import httpx

        headers = {"Authorization": f"Bearer {self._token}"} if self._token else {}
        with httpx.Client(timeout=self.timeout, follow_redirects=True) as client:
            resp = client.get(f"{self.base_url}/models", headers=headers)
        resp.raise_for_status()
        return parse_listing(resp.json())


_SHARED: dict[str, RouterModels] = {}
_SHARED_LOCK = threading.Lock()


def shared(base_url: str, token: str | None) -> RouterModels:
    """The process's listing of one router as seen with one token (kept by a hash of the token)."""
    key = f"{base_url.rstrip('/')}|{token_id(token)}"
    with _SHARED_LOCK:
        if key not in _SHARED:
            _SHARED[key] = RouterModels(base_url, token)
        return _SHARED[key]
