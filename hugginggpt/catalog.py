"""Model metadata to choose from: the snapshot shipped in the package (HuggingGPT's own model
list, 2023). A live Hub listing can replace it per task (see `Catalog.source`)."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from .types import ModelInfo

SNAPSHOT = "hub_models_2023.jsonl"


@cache
def _snapshot() -> dict[str, tuple[ModelInfo, ...]]:
    by_task: dict[str, list[ModelInfo]] = {}
    text = resources.files("hugginggpt.data").joinpath(SNAPSHOT).read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        info = ModelInfo(
            id=row["id"],
            task=row["task"],
            backend="huggingface",
            downloads=int(row.get("downloads") or 0),
            likes=int(row.get("likes") or 0),
            description=row.get("description") or "",
            tags=tuple(row.get("tags") or ()),
            license=row.get("license"),
            language=row.get("language") if isinstance(row.get("language"), str) else None,
        )
        by_task.setdefault(info.task, []).append(info)
    return {t: tuple(sorted(ms, key=lambda m: -m.downloads)) for t, ms in by_task.items()}


class Catalog:
    """Hub models by task. `source` says where the listing came from ("snapshot" or "hub")."""

    source = "snapshot"

    def models(self, task: str) -> list[ModelInfo]:
        return list(_snapshot().get(task, ()))

    def tasks(self) -> list[str]:
        return sorted(_snapshot())
