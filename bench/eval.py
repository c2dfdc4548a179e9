"""Evaluation throughput offline: `python -m hugginggpt eval --cases examples --config offline`.

    python bench/eval.py          # writes bench/results/eval.json

1. cold, as a person runs it: the CLI in a fresh process (imports, the demo files drawn and spoken,
   every offline model loaded by the first case that needs it), at its default runs at once;
2. warm, in process: the same cases through the same runner once to load the models, then timed.
Cases per minute count the batch (report.json's `seconds`: the runs only); the process figure adds start-up
and making the demo files. The machine is shared, so wall-clock figures move with its load: CPU seconds per
case (the process's user + system time, every thread) give the bound two cores of our own would reach,
2 x 60 / CPU s per case. Sizes: report.html (media inlined) and report.json, per case.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

OUT = ROOT / "bench" / "results" / "eval.json"


def cold(folder: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "HF_", "HUGGINGGPT_"))}
    env.update(PYTHONPATH=str(ROOT), HF_HUB_OFFLINE="1", HUGGINGGPT_WORKDIR=str(folder / "work"))
    out = folder / "cold"
    t0 = time.perf_counter()
    cpu0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    p = subprocess.run(
        [sys.executable, "-m", "hugginggpt", "eval", "--cases", "examples", "--config", "offline", "--out", str(out)],
        capture_output=True,
        text=True,
        env=env,
        cwd=folder,
    )
    wall = time.perf_counter() - t0
    cpu1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu1.ru_utime - cpu0.ru_utime) + (cpu1.ru_stime - cpu0.ru_stime)
    if p.returncode not in (0, 1):
        raise SystemExit(f"eval failed ({p.returncode}):\n{p.stderr[-3000:]}")
    data = json.loads((out / "report.json").read_text())
    n = len(data["cases"])
    html = (out / "report.html").stat().st_size
    js = (out / "report.json").stat().st_size
    runs = sum(f.stat().st_size for f in (out / "runs").rglob("*") if f.is_file())
    s = data["summary"]["offline"]
    return {
        "cases": n,
        "passed": s["passed"],
        "process_s": round(wall, 2),
        "batch_s": data["seconds"],
        "cases_per_min_batch": round(n / data["seconds"] * 60, 1),
        "cases_per_min_process": round(n / wall * 60, 1),
        "process_cpu_s": round(cpu, 2),
        "process_cpu_s_per_case": round(cpu / n, 3),
        "median_case_s": s["median_s"],
        "p95_case_s": s["p95_s"],
        "report_html_bytes": html,
        "report_html_kb_per_case": round(html / n / 1024, 1),
        "report_json_kb_per_case": round(js / n / 1024, 1),
        "runs_folder_kb_per_case": round(runs / n / 1024, 1),
    }


def warm(folder: Path) -> dict:
    from hugginggpt.config import Config
    from hugginggpt.evaluation.command import _factory
    from hugginggpt.evaluation.configs import parse_spec
    from hugginggpt.evaluation.examples import builtin_cases
    from hugginggpt.evaluation.runner import run_all

    cases = builtin_cases(folder / "warm")
    cfg = parse_spec("offline")
    pipeline = _factory(300)(cfg)
    jobs = Config.from_env().queue_concurrency
    run_all(cases, [cfg], folder / "warm", lambda c: pipeline, jobs=jobs)  # loads every model
    out = {"jobs": jobs}
    for n_jobs in (1, jobs):
        t0, cpu0 = time.perf_counter(), time.process_time()
        outcome = run_all(cases, [cfg], folder / f"warm{n_jobs}", lambda c: pipeline, jobs=n_jobs)
        secs, cpu = time.perf_counter() - t0, time.process_time() - cpu0
        out[f"jobs_{n_jobs}"] = {
            "batch_s": round(secs, 2),
            "cases_per_min": round(len(cases) / secs * 60, 1),
            "cpu_s_per_case": round(cpu / len(cases), 3),
            "cases_per_min_2_core_bound": round(2 * 60 / (cpu / len(cases)), 1),
            "passed": sum(bool(r.passed) for r in outcome.records.values()),
        }
    return out


def main() -> int:
    load = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="bench-eval-") as tmp:
        folder = Path(tmp)
        result = {"cpu_count": os.cpu_count(), "loadavg_1m_at_start": round(load[0], 2)}
        result["cold_cli"] = cold(folder)
        result["warm_in_process"] = warm(folder)
        result["loadavg_1m_at_end"] = round(os.getloadavg()[0], 2)
    print(json.dumps(result, indent=2))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(result, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
