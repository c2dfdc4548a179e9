"""The live model catalog: Hub models that an Inference Provider serves, by task, cached on disk.

Same interface as `catalog.Catalog` (`models(task)`, `tasks()`, `source`). Each task is listed with
`HfApi.list_models(pipeline_tag=..., inference_provider=..., sort="downloads")`; on any Hub error, a
timeout or offline mode it falls back to the shipped snapshot, and `source_of(task)` says which was used.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import time
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any, Literal

from .catalog import Catalog
from .tasks import HUB_TASKS
from .types import ModelInfo

Source = Literal["hub", "snapshot"]

DEFAULT_TTL_S = 24 * 3600.0
DEFAULT_TIMEOUT_S = 10.0  # how long a caller waits for a listing
REQUEST_TIMEOUT_S = 30.0  # how long the listing itself may take (a late one still fills the cache)
RETRY_AFTER_S = 300.0  # after a failed listing, serve the snapshot this long before asking the Hub again
GONE_FOR_S = 3600.0  # a model whose call was refused as not served is left out this long
EXPAND = ["downloads", "likes", "tags", "cardData", "pipeline_tag", "library_name", "inferenceProviderMapping"]
# The Hub has no conversational/text2text pipeline any more; chat models carry text-generation.
# ControlNet generation (a pose, edge or depth map + a prompt) has no model any provider serves: it runs
# on the image-to-image editing models (reference image + instruction), as instruction edits do.
CONTROL_TASKS = tuple(f"{c}-text-to-image" for c in ("canny", "depth", "hed", "mlsd", "normal", "openpose", "seg"))
EDIT_TASKS = ("image-editing", *CONTROL_TASKS)
HUB_TAG = {
    "conversational": "text-generation",
    "text2text-generation": "text-generation",
    **{t: "image-to-image" for t in EDIT_TASKS},  # instruction editors (pix2pix, Kontext...) are image-to-image
}
# Listings beyond the task types: vision-language chat models, for the VLM experts
EXTRA_LISTINGS = ("image-text-to-text",)
CHAT_MAPPING_TASKS = {"conversational", "text-generation", "text2text-generation"}
# how providers map each listing's models (VLMs are served as chat models)
MAPPING_TASKS = {"image-text-to-text": {"conversational", "image-text-to-text"}}


def default_cache_dir() -> Path:
    env = os.environ.get("HUGGINGGPT_CATALOG_DIR", "").strip()
    return Path(env) if env else Path.home() / ".cache" / "hugginggpt" / "catalog"


def token_id(token: str | None) -> str:
    """Whose token it is, for a cache key: a hash of the token ("anonymous": none); never the token."""
    return hashlib.sha256(token.encode()).hexdigest()[:16] if token else "anonymous"


def cache_key(token: str | None, *parts: str) -> str:
    """A short digest of `parts` and whose token (`token_id`) for a disk cache file's name."""
    return hashlib.sha1("|".join((*parts, token_id(token))).encode()).hexdigest()[:10]


def write_json(path: Path, payload: Any) -> None:
    """Write `payload` as JSON to `path` through a temporary file and a rename, so that a reader never sees
    half a file. An OSError (a read-only cache dir) is ignored: a cache that cannot be written only costs
    a new fetch next time."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
        tmp.write_text(json.dumps(payload), encoding="utf-8")
        tmp.replace(path)
    except OSError:
        pass


class HubCatalog:
    """Hub models by task, from the Hub's live listing (cached) or, failing that, the snapshot.

    `fetch=False`: `models()` never touches the network (a fresh disk cache, else the snapshot), cheap
    enough for a backend; `prefetch()` still lists. Else `models()` on a miss fetches that one task,
    waiting at most `timeout` seconds. `use_hub=False`: always the snapshot (a classic inference server).
    """

    def __init__(
        self,
        *,
        endpoint: str | None = None,
        token: str | None = None,
        provider: str = "auto",
        cache_dir: Path | str | None = None,
        ttl: float = DEFAULT_TTL_S,
        timeout: float = DEFAULT_TIMEOUT_S,
        limit: int = 30,
        fetch: bool = True,
        use_hub: bool = True,
        snapshot: Catalog | None = None,
    ):
        self.endpoint = endpoint.rstrip("/") if endpoint else None
        self._token = token
        self.provider = provider or "auto"
        self.cache_dir = Path(cache_dir) if cache_dir is not None else default_cache_dir()
        self.ttl = ttl
        self.timeout = timeout
        self.limit = limit
        self.fetch = fetch
        self.use_hub = use_hub
        self.snapshot = snapshot or Catalog()
        self._lock = threading.Lock()
        self._memo: dict[str, tuple[list[ModelInfo], Source, float]] = {}
        self._failed: dict[str, tuple[float, str]] = {}  # task -> (when, why)
        self._pending: dict[str, threading.Thread] = {}
        self._gone: dict[tuple[str, str], float] = {}  # (task, model) -> when a call found it not served

    def __repr__(self) -> str:
        return f"HubCatalog(endpoint={self.endpoint!r}, provider={self.provider!r}, cache_dir={str(self.cache_dir)!r})"

    # ---- the Catalog interface
    @property
    def source(self) -> Source:
        """ "hub" when every task looked up so far came from the Hub, else "snapshot" (see source_of)."""
        with self._lock:
            sources = {s for _, s, _ in self._memo.values()}
        return "hub" if sources == {"hub"} else "snapshot"

    def tasks(self) -> list[str]:
        return sorted(set(self.snapshot.tasks()) | set(self._listable()))

    def models(self, task: str) -> list[ModelInfo]:
        """The models of `task`, most downloaded first (none that a call found not served lately)."""
        found = self._cached(task)
        if found is None and self.fetch and self._may_fetch(task):
            self._wait({task: self._start(task)}, self.timeout)
            found = self._cached(task)
        if found is None:
            found = self._use_snapshot(task)
        return self._without_gone(task, found)

    def drop(self, task: str, model: str) -> None:
        """A call found `model` not served for `task` (a provider dropped it since the listing): leave it
        out for GONE_FOR_S, and list the task again in the background."""
        with self._lock:
            self._gone[(task, model)] = time.time()
        if self._may_fetch(task):
            self._start(task)

    def _without_gone(self, task: str, models: list[ModelInfo]) -> list[ModelInfo]:
        now = time.time()
        with self._lock:
            self._gone = {k: t for k, t in self._gone.items() if now - t < GONE_FOR_S}
            gone = {m for (t, m) in self._gone if t == task}
        return [m for m in models if m.id not in gone]

    def source_of(self, task: str) -> Source | None:
        """Where the last `models(task)` came from ("hub" or "snapshot"); None if not looked up yet."""
        with self._lock:
            entry = self._memo.get(task)
        return entry[1] if entry else None

    def failure(self, task: str) -> str | None:
        """Why the last Hub listing of `task` failed (None if it did not)."""
        with self._lock:
            entry = self._failed.get(task)
        return entry[1] if entry else None

    def prefetch(
        self, tasks: list[str] | None = None, timeout: float | None = None, *, wait: bool = True, refresh: bool = False
    ) -> dict[str, Source]:
        """List several tasks from the Hub in parallel threads, waiting at most `timeout` seconds in all
        (`wait=False`: return at once, the listings land in the cache when they arrive). Tasks not
        fetched in time use the snapshot. Returns task -> source."""
        tasks = [t for t in (tasks or self._listable()) if t in self._listable()]
        threads = {}
        for t in tasks:
            if refresh:
                with self._lock:
                    self._memo.pop(t, None)
                    self._failed.pop(t, None)
            if refresh or (self._cached(t) is None and self._may_fetch(t)):
                threads[t] = self._start(t)
        if not wait:
            return {t: "hub" if self._cached(t) is not None else "snapshot" for t in tasks}
        self._wait(threads, self.timeout if timeout is None else timeout)
        for t in tasks:
            if self._cached(t) is None:
                self._use_snapshot(t)
        return {t: self.source_of(t) or "snapshot" for t in tasks}

    def refresh(self, tasks: list[str] | None = None, timeout: float | None = None) -> dict[str, Source]:
        """Fetch again, ignoring the cache."""
        return self.prefetch(tasks, timeout, refresh=True)

    # ---- internals
    def _listable(self) -> list[str]:
        if not self.use_hub:
            return []
        return [t for t in (*HUB_TASKS, *CONTROL_TASKS, *EXTRA_LISTINGS) if t not in ("tabular-classification",)]

    def _use_snapshot(self, task: str) -> list[ModelInfo]:
        models = self.snapshot.models(task)
        if not models and HUB_TAG.get(task) == "image-to-image":
            models = [replace(m, task=task) for m in self.snapshot.models("image-to-image")]
        if self.use_hub:
            # the Hub could have been asked and was not (offline, failed, too slow): these 2023 models
            # may no longer be served by any provider
            models = [replace(m, verified=False) for m in models]
        with self._lock:
            self._memo[task] = (models, "snapshot", time.time())
        return list(models)

    def _cached(self, task: str) -> list[ModelInfo] | None:
        """Fresh Hub models of `task` from memory or disk, else None. No network."""
        if task not in self._listable():
            return None
        now = time.time()
        with self._lock:
            entry = self._memo.get(task)
        if entry and entry[1] == "hub" and now - entry[2] < self.ttl:
            return entry[0]
        path = self._cache_path(task)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            fetched = float(data["fetched_at"])
            models = [_info_from_json(row) for row in data["models"]]
        except (OSError, ValueError, KeyError, TypeError):
            return None
        if now - fetched >= self.ttl:
            return None
        with self._lock:
            self._memo[task] = (models, "hub", fetched)
        return models

    def _cache_path(self, task: str) -> Path:
        # keyed by whose token listed it (a listing may hold that account's private models)
        return self.cache_dir / f"{task}-{cache_key(self._token, self.endpoint or 'default', self.provider)}.json"

    def _may_fetch(self, task: str) -> bool:
        from huggingface_hub.constants import is_offline_mode

        if task not in self._listable():
            return False
        if is_offline_mode():
            with self._lock:
                self._failed[task] = (time.time(), "HF_HUB_OFFLINE is set")
            return False
        with self._lock:
            failed = self._failed.get(task)
        return failed is None or time.time() - failed[0] >= RETRY_AFTER_S

    def _start(self, task: str) -> threading.Thread:
        # Daemon threads: a Hub that hangs (list_models has no timeout and retries) must not block exit.
        with self._lock:
            running = self._pending.get(task)
            if running is not None and running.is_alive():
                return running
            thread = threading.Thread(
                target=self._fetch_into_cache, args=(task,), daemon=True, name=f"hub-catalog-{task}"
            )
            self._pending[task] = thread
        thread.start()
        return thread

    def _wait(self, threads: dict[str, threading.Thread], timeout: float) -> None:
        deadline = time.monotonic() + timeout
        for task, thread in threads.items():
            thread.join(max(0.0, deadline - time.monotonic()))
            if thread.is_alive():
                with self._lock:
                    self._failed.setdefault(task, (time.time(), f"the Hub did not answer within {timeout:g} s"))

    def _fetch_into_cache(self, task: str) -> None:
        try:
            models = self._list(task)
        except Exception as e:  # any Hub failure (HTTP, network, offline, bad JSON) means: use the snapshot
            with self._lock:
                self._failed[task] = (time.time(), f"{type(e).__name__}: {scrub(str(e), self._token)[:200]}")
            return
        now = time.time()
        payload = {
            "fetched_at": now,
            "endpoint": self.endpoint,
            "provider": self.provider,
            "task": task,
            "models": [_info_to_json(m) for m in models],
        }
        write_json(self._cache_path(task), payload)  # a read-only cache dir only costs a refetch next run
        with self._lock:
            self._memo[task] = (models, "hub", now)
            self._failed.pop(task, None)

    def _list(self, task: str) -> list[ModelInfo]:
        """One GET of the Hub's /api/models, the query `HfApi.list_models` sends, parsed by the SDK.

        Not through `list_models` itself: that has no timeout, retries 5 times over ~20 s, and on a
        connection error closes the SDK's shared HTTP client under the inference calls in flight."""
        from huggingface_hub import ModelInfo as HubModelInfo
        from huggingface_hub import constants

        provider = "all" if self.provider in ("auto", "") else self.provider
        params = [
            ("pipeline_tag", HUB_TAG.get(task, task)),
            ("inference_provider", provider),
            ("sort", "downloads"),
            ("limit", str(self.limit)),
            *(("expand", e) for e in EXPAND),
        ]
        url = f"{self.endpoint or constants.ENDPOINT}/api/models"
        rows = hub_get(url, params, token=self._token, timeout=max(self.timeout, REQUEST_TIMEOUT_S))
        if not isinstance(rows, list):
            raise ValueError(f"/api/models answered {type(rows).__name__}, not a list")
        out = [_info_from_hub(m, task) for m in map(lambda r: HubModelInfo(**r), rows) if _served(m, task, provider)]
        return sorted(out, key=lambda m: -m.downloads)


def hub_get(url: str, params: Any = None, *, token: str | bool | None, timeout: float) -> Any:
    """One GET of the Hub's API with the SDK's headers (`token` as `build_hf_headers` takes it: None is
    the token saved on this machine, False none), through a private client with `timeout`: the reply's
    JSON. Raises what the client, `hf_raise_for_status` or the JSON parser raise."""
    from huggingface_hub.utils import build_hf_headers, hf_raise_for_status

    headers = build_hf_headers(token=token)
    with _http_client(timeout) as client:
        resp = client.get(url, params=params, headers=headers)
        hf_raise_for_status(resp)
        return resp.json()


def _http_client(timeout: float) -> Any:
    """A private client of the HTTP stack the SDK uses (httpx2 for huggingface_hub 2.x, else httpx)."""
    try:
        import httpx2 as http
    except ImportError:
        import httpx as http  # type: ignore[no-redef]
    return http.Client(timeout=timeout, follow_redirects=True)


def _served(m: Any, task: str, provider: str) -> bool:
    """Whether a provider (the chosen one, or any) has a live mapping of the model for this task."""
    mappings = getattr(m, "inference_provider_mapping", None)
    if mappings is None:  # the Hub filtered by provider already but did not expand the mapping
        return True
    wanted = CHAT_MAPPING_TASKS if task in CHAT_MAPPING_TASKS else MAPPING_TASKS.get(task, {HUB_TAG.get(task, task)})
    for mp in mappings:
        if provider != "all" and mp.provider != provider:
            continue
        if getattr(mp, "status", "live") == "error":
            continue
        if getattr(mp, "task", None) in (None, *wanted):
            return True
    return False


def _info_from_hub(m: Any, task: str) -> ModelInfo:
    card = m.card_data.to_dict() if getattr(m, "card_data", None) is not None else {}
    tags = tuple(m.tags or ())
    license_ = card.get("license") or next((t.split(":", 1)[1] for t in tags if t.startswith("license:")), None)
    language = card.get("language")
    if isinstance(language, list):
        language = language[0] if len(language) == 1 else None
    providers = sorted({mp.provider for mp in (m.inference_provider_mapping or [])})
    return ModelInfo(
        id=m.id,
        task=task,
        backend="huggingface",
        downloads=int(m.downloads or 0),
        likes=int(m.likes or 0),
        description=_describe(m, card, providers),
        tags=tags,
        license=str(license_) if license_ else None,
        language=language if isinstance(language, str) else None,
    )


def _describe(m: Any, card: dict[str, Any], providers: list[str]) -> str:
    """The card's own description when it has one, else a line built from its metadata."""
    for key in ("description", "summary", "model_description"):
        if isinstance(card.get(key), str) and card[key].strip():
            return " ".join(card[key].split())[:300]
    parts = [f"{m.pipeline_tag or 'a'} model" + (f" ({m.library_name})" if m.library_name else "")]
    base = card.get("base_model")
    if base:
        parts.append(f"fine-tuned from {base if isinstance(base, str) else ', '.join(map(str, base[:2]))}")
    datasets = card.get("datasets")
    if datasets:
        parts.append(f"trained on {datasets if isinstance(datasets, str) else ', '.join(map(str, datasets[:3]))}")
    if providers:
        parts.append(f"served by {', '.join(providers[:4])}")
    return "; ".join(parts)


def _info_to_json(m: ModelInfo) -> dict[str, Any]:
    row = asdict(m)
    row["tags"] = list(m.tags)
    return row


def _info_from_json(row: dict[str, Any]) -> ModelInfo:
    return ModelInfo(**{**row, "tags": tuple(row.get("tags") or ())})


def scrub(text: str, token: str | None) -> str:
    """`text` with the token masked ("***"): what an error message may say about a call made with it."""
    return text.replace(token, "***") if token else text
