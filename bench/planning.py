"""Planning benchmark: the offline planner on TaskBench (Hugging Face tools), scored like TaskBench.

    python bench/planning.py [--data requests.jsonl] [--half A|B|C|D] [--lines even|odd] [--direct]
                             [--out bench/results/planning.json]

bench/data/planning_proxy.jsonl is a held-out proxy written for this repo (124 requests in TaskBench's style,
none taken from TaskBench), in two halves: A to develop on, B looked at only to report.

Plans every request (through `python -m hugginggpt plan --batch` when the CLI has it, or in-process with
--direct), converts the plans to TaskBench's prediction format and prints n-F1 / e-F1 / t-F1 / v-F1,
overall and per type (single / chain / dag), with the planning latency.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hugginggpt import tasks  # noqa: E402
from hugginggpt.types import GENERATED  # noqa: E402

EVAL = ROOT.parent / "shared" / "eval"
DATA = EVAL / "taskbench_hf_dev.jsonl"
TOOLS = EVAL / "tool_desc_huggingface.json"
OUT = ROOT / "bench" / "results" / "planning.json"


def to_taskbench(plan: list[dict]) -> list[dict]:
    """A HuggingGPT plan as TaskBench task_nodes: Title Case names, <node-i> references, ordered arguments."""
    index = {t["id"]: i for i, t in enumerate(plan)}
    nodes = []
    for t in plan:
        spec = tasks.get(tasks.normalize_name(t["task"]))
        args = []
        # an optional argument that takes an earlier result (a question's context) is a link of the graph too
        linked = [n for n in spec.optional if str(t.get("args", {}).get(n, "")).startswith(GENERATED)]
        for name in (*spec.inputs, *linked):
            if name not in t.get("args", {}):
                continue
            v = str(t["args"][name])
            if v.startswith(GENERATED):
                k = int(v[len(GENERATED) :])
                v = f"<node-{index.get(k, k)}>"
            args.append(v)
        nodes.append({"task": spec.title, "arguments": args})
    return nodes


def _cli_has_batch() -> bool:
    cli = ROOT / "hugginggpt" / "cli.py"
    return cli.exists() and "--batch" in cli.read_text()


def plan_direct(requests: list[dict]) -> tuple[dict[str, list[dict]], list[float]]:
    from hugginggpt.planning.embedded import OfflinePlanner

    planner = OfflinePlanner()
    planner.plan("warm up: caption photo.jpg")  # the first call loads MiniLM and embeds the goals' phrasings
    plans, ms = {}, []
    for r in requests:
        t0 = time.perf_counter()
        plans[r["id"]] = planner.plan(r["request"]).to_json()
        ms.append(1000 * (time.perf_counter() - t0))
    return plans, ms


def plan_cli(requests: list[dict]) -> tuple[dict[str, list[dict]], list[float]]:
    """Plans through `python -m hugginggpt plan --batch`; latency is the whole run divided by the count."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "requests.jsonl"
        src.write_text("".join(json.dumps(r) + "\n" for r in requests))
        t0 = time.perf_counter()
        # no LLM settings: this benchmark measures the embedded offline planner
        env = {k: v for k, v in os.environ.items() if k not in ("OPENAI_API_KEY", "OPENAI_BASE_URL")}
        proc = subprocess.run(
            # TaskBench assumes every tool is available: plan the intent, not around the offline map
            [sys.executable, "-m", "hugginggpt", "plan", "--batch", str(src), "--all-tasks"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        per = 1000 * (time.perf_counter() - t0) / max(len(requests), 1)
    plans = {}
    for line in proc.stdout.splitlines():
        line = line.strip()
        if line.startswith("{"):
            d = json.loads(line)
            plans[str(d["id"])] = d.get("plan") or []
    return plans, [per] * len(requests)


def score(gt_path: Path, pred_path: Path) -> dict[str, dict]:
    """Runs the shared score.py and parses its lines ("overall 140 {...}")."""
    spec = importlib.util.spec_from_file_location("taskbench_score", EVAL / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        mod.main(str(gt_path), str(pred_path), str(TOOLS))
    out = {}
    for line in buf.getvalue().splitlines():
        split, n, rest = line.split(" ", 2)
        out[split] = {"n": int(n), **json.loads(rest.replace("'", '"'))}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA)
    ap.add_argument(
        "--half", choices=("A", "B", "C", "D"), help="only the rows of this half (rows with a 'half' field)"
    )
    ap.add_argument(
        "--lines",
        choices=("even", "odd"),
        help="only the even or odd lines (0-based; dev: even is developed on, odd only scored in aggregate)",
    )
    ap.add_argument("--direct", action="store_true", help="call the planner in-process, not the CLI")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--predictions", type=Path, help="also keep the TaskBench predictions here")
    a = ap.parse_args(argv)

    rows = [json.loads(line) for line in a.data.read_text().splitlines() if line.strip()]
    if a.half:
        rows = [r for r in rows if r.get("half") == a.half]
    if a.lines:
        rows = rows[(a.lines == "odd") :: 2]
    requests = [{"id": str(r["id"]), "request": r.get("request") or r["user_request"]} for r in rows]
    mode = "cli" if (_cli_has_batch() and not a.direct) else "direct"
    plans, ms = (plan_cli if mode == "cli" else plan_direct)(requests)
    cli_ms = ms[0] if mode == "cli" and ms else None
    if mode == "cli":  # per-request latency is measured in-process; the CLI figure includes its start-up
        _, ms = plan_direct(requests)

    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(a.predictions or Path(tmp) / "pred.jsonl")
        pred.write_text(
            "".join(
                json.dumps({"id": r["id"], "task_nodes": to_taskbench(plans.get(r["id"], []))}) + "\n" for r in requests
            )
        )
        gt = a.data
        if "task_nodes" not in rows[0]:
            raise SystemExit(f"{a.data} has no ground truth (task_nodes); nothing to score")
        if a.half or a.lines or any(not isinstance(r["id"], str) for r in rows):  # score.py keys by the raw id
            gt = Path(tmp) / "gt.jsonl"
            gt.write_text("".join(json.dumps({**r, "id": str(r["id"])}) + "\n" for r in rows))
        figures = score(gt, pred)

    lat = {"p50_ms": round(statistics.median(ms), 3), "max_ms": round(max(ms), 3), "mode": mode}
    if cli_ms is not None:
        lat["cli_ms_per_request"] = round(cli_ms, 3)
    print(f"{'split':8} {'n':>4} {'n-F1':>6} {'e-F1':>6} {'t-F1':>6} {'v-F1':>6}")
    for split, f in figures.items():
        print(f"{split:8} {f['n']:>4} {f['n-F1']:>6.2f} {f['e-F1']:>6.2f} {f['t-F1']:>6.2f} {f['v-F1']:>6.2f}")
    print(f"plans via: {mode}; planning latency p50 {lat['p50_ms']:.2f} ms, max {lat['max_ms']:.2f} ms per request")
    if cli_ms is not None:
        print(f"CLI batch run: {cli_ms:.2f} ms per request, process start-up included")
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(
        json.dumps(
            {
                "data": os.path.relpath(a.data, ROOT),
                "half": a.half,
                "lines": a.lines,
                "planner": "offline",
                "figures": figures,
                "latency": lat,
            },
            indent=2,
        )
        + "\n"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
