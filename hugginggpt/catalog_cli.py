"""`python -m hugginggpt catalog`: the Hugging Face models each task would choose from, and from where."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    p = subparsers.add_parser("catalog", help="list the Hub models each task would choose from")
    p.add_argument("--task", action="append", help="only this task (repeatable); default: every task")
    p.add_argument("--refresh", action="store_true", help="list again from the Hub, ignoring the cache")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.add_argument("--top", type=int, default=10, help="models shown per task (default 10)")
    p.add_argument("--timeout", type=float, default=15.0, help="seconds to wait for the Hub (default 15)")
    p.add_argument("--endpoint", help="Hub API endpoint (default: HF_ENDPOINT or huggingface.co)")
    p.set_defaults(func=run)
    return p


def run(args: argparse.Namespace) -> int:
    from .config import Config
    from .experts.hf_inference import HFInferenceBackend
    from .hub_catalog import HubCatalog
    from .tasks import UnknownTask, get

    config = Config.from_env()
    # as the backend does: behind a classic inference server (base URL) the shipped snapshot
    catalog = HubCatalog(
        endpoint=args.endpoint,
        token=config.hf_token,
        provider=config.hf_provider,
        timeout=args.timeout,
        use_hub=bool(args.endpoint or not config.hf_base_url),
    )
    try:
        tasks = [get(t).name for t in args.task] if args.task else catalog.tasks()
    except UnknownTask as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    if args.refresh:
        catalog.refresh(tasks, timeout=args.timeout)
    else:
        catalog.prefetch(tasks, timeout=args.timeout)
    backend = HFInferenceBackend(config, catalog)

    rows = []
    for task in tasks:
        models = catalog.models(task)
        reason = backend.missing_reason(task)
        rows.append(
            {
                "task": task,
                "source": catalog.source_of(task),
                "backend": None if reason else backend.name,
                "reason": reason,
                "hub_error": catalog.failure(task),
                "models": [
                    {"id": m.id, "downloads": m.downloads, "likes": m.likes, "license": m.license}
                    for m in models[: args.top]
                ],
                "total": len(models),
            }
        )
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    for row in rows:
        where = f"source: {row['source']}, backend: {row['backend'] or 'none'}"
        print(f"{row['task']}  ({where}, {row['total']} models)")
        if row["hub_error"] and row["source"] == "snapshot":
            print(f"  hub listing failed: {row['hub_error']}")
        if row["reason"]:
            print(f"  not served: {row['reason']}")
        for m in row["models"]:
            print(f"  {m['id']:<60} {m['downloads']:>12,} downloads {m['likes']:>7,} likes")
    return 0
