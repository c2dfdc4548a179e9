"""The Hub's side of Spaces: find Spaces by meaning (the Hub's semantic search, the one Hugging Face's MCP
server uses), resolve a Space id to the host that serves it and its runtime stage, and remember what a
search found, with its age, on disk.

One GET each, through a private HTTP client with a timeout (`hub_catalog.hub_get`, as the catalog lists
models), parsed by the SDK's own classes (`SpaceSearchResult`, `SpaceInfo`). Nothing here calls a Space itself.
"""

from __future__ import annotations

import json
import os
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .hub_catalog import cache_key, default_cache_dir, hub_get, scrub, write_json

SEARCH_TIMEOUT_S = 10.0
INFO_TTL_S = 300.0  # a Space's host and stage, remembered this long (a stage that is not RUNNING: 30 s)
FOUND_TTL_S = 24 * 3600.0  # what a search found for a task, reused this long
NOTHING_TTL_S = 3600.0  # a search that found nothing that fits is not repeated before this


class HubUnavailable(Exception):
    """The Hub cannot be asked (HF_HUB_OFFLINE, no network, an error reply): one sentence why."""


def hub_offline() -> bool:
    """HF_HUB_OFFLINE set now or when huggingface_hub was imported."""
    from huggingface_hub.constants import is_offline_mode

    flag = os.environ.get("HF_HUB_OFFLINE", "").strip().lower() in ("1", "true", "yes", "on")
    return flag or is_offline_mode()


def hub_endpoint() -> str:
    from huggingface_hub import constants

    return (os.environ.get("HF_ENDPOINT", "").strip() or constants.ENDPOINT).rstrip("/")


@dataclass(frozen=True)
class SpaceHit:
    """One result of the semantic search."""

    id: str
    score: float = 0.0
    likes: int = 0
    description: str = ""


@dataclass(frozen=True)
class SpaceHost:
    """Where a Space runs and in what state (`stage`: RUNNING, SLEEPING, PAUSED, RUNTIME_ERROR...)."""

    id: str
    host: str | None
    stage: str = ""


class SpaceHub:
    """The Hub's Space API for one token (None: anonymous)."""

    def __init__(self, endpoint: str | None = None, token: str | None = None, timeout: float = SEARCH_TIMEOUT_S):
        self.endpoint = (endpoint or hub_endpoint()).rstrip("/")
        self._token = token
        self.timeout = timeout
        self._info: dict[str, tuple[SpaceHost, float]] = {}
        self._lock = threading.Lock()

    def _get(self, path: str, params: dict[str, Any] | None = None) -> Any:
        if hub_offline():
            raise HubUnavailable("HF_HUB_OFFLINE is set, so the Hub is not asked; unset it to use public Spaces")
        try:
            # False: never a token saved on this machine, only the run's
            return hub_get(f"{self.endpoint}{path}", params, token=self._token or False, timeout=self.timeout)
        except Exception as e:  # HTTP errors, timeouts, no network, bad JSON: the Hub cannot answer
            detail = scrub(str(e), self._token)
            raise HubUnavailable(f"the Hub did not answer ({type(e).__name__}: {detail[:160]})") from e

    def search(self, query: str, limit: int = 6) -> list[SpaceHit]:
        """Gradio Spaces that match `query` by meaning, best first (the Hub's semantic search)."""
        from huggingface_hub.hf_api import SpaceSearchResult

        rows = self._get("/api/spaces/semantic-search", {"q": query, "sdk": "gradio"})
        if isinstance(rows, dict):  # some deployments wrap the list
            rows = rows.get("spaces") or rows.get("results") or []
        if not isinstance(rows, list):
            raise HubUnavailable(f"the Space search answered {type(rows).__name__}, not a list")
        hits = []
        for row in rows:
            if not isinstance(row, dict) or "id" not in row:
                continue
            r = SpaceSearchResult(row)
            if r.sdk not in (None, "gradio") or r.private:
                continue
            hits.append(
                SpaceHit(
                    r.id,
                    float(r.semantic_relevancy_score or 0.0),
                    int(r.likes or 0),
                    str(r.ai_short_description or row.get("shortDescription") or r.title or ""),
                )
            )
        return hits[:limit]

    def info(self, space_id: str) -> SpaceHost:
        """The host and stage of a Space (remembered INFO_TTL_S)."""
        from huggingface_hub.hf_api import SpaceInfo

        now = time.monotonic()
        with self._lock:
            cached = self._info.get(space_id)
        if cached and now - cached[1] < (INFO_TTL_S if cached[0].stage == "RUNNING" else 30.0):
            return cached[0]
        data = self._get(f"/api/spaces/{space_id}")
        if not isinstance(data, dict):
            raise HubUnavailable(f"the Hub described {space_id} as {type(data).__name__}, not an object")
        info = SpaceInfo(**data)
        stage = str(getattr(info.runtime, "stage", "") or "") if info.runtime else ""
        host = SpaceHost(space_id, info.host, stage)
        with self._lock:
            self._info[space_id] = (host, now)
        return host


@dataclass
class Found:
    """What one search found for a task: the Spaces whose API fits (with how to call them) and those
    read and rejected, with why."""

    task: str
    query: str
    fetched_at: float
    fits: list[dict[str, Any]] = field(default_factory=list)  # {id, url, binding, score, likes, description}
    rejected: list[dict[str, str]] = field(default_factory=list)  # {id, why}

    def age(self) -> float:
        return max(0.0, time.time() - self.fetched_at)

    def fresh(self) -> bool:
        return self.age() < (FOUND_TTL_S if self.fits else NOTHING_TTL_S)


class FoundCache:
    """Search results by task, on disk (keyed by Hub endpoint and a hash of the token that searched)."""

    def __init__(self, endpoint: str, token: str | None, cache_dir: Path | None = None):
        self._key = cache_key(token, endpoint)
        self.cache_dir = cache_dir or default_cache_dir()

    def _path(self, task: str) -> Path:
        return self.cache_dir / f"spaces-{task}-{self._key}.json"

    def get(self, task: str) -> Found | None:
        try:
            data = json.loads(self._path(task).read_text(encoding="utf-8"))
            found = Found(**data)
        except (OSError, ValueError, TypeError):
            return None
        return found if found.fresh() else None

    def put(self, found: Found) -> None:
        write_json(self._path(found.task), asdict(found))  # a read-only cache only costs a new search next time


def describe_age(seconds: float) -> str:
    """'just now', '12 min ago', '3 h ago'."""
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        return f"{seconds / 60:.0f} min ago"
    return f"{seconds / 3600:.0f} h ago"
