"""Offline mode end to end (no keys, no network): CLI cold start to the first plan, a single-task
request through the whole pipeline with warm models (p50 over 10 runs), and resident memory with
every embedded expert loaded.

    python bench/offline.py          # writes bench/results/offline.json
"""

from __future__ import annotations

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

from hugginggpt.config import Config  # noqa: E402
from hugginggpt.experts.embedded import warm_up  # noqa: E402
from hugginggpt.orchestrator import Pipeline, Session  # noqa: E402
from hugginggpt.types import FinalAnswer, Request  # noqa: E402
from hugginggpt.workspace import Workspace  # noqa: E402


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def cold_start(runs: int = 5) -> list[float]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "HF_", "HUGGINGGPT_"))}
    env["PYTHONPATH"] = str(ROOT)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        p = subprocess.run(
            [sys.executable, "-m", "hugginggpt", "plan", "read the text in receipt.png aloud", "--json"],
            capture_output=True, text=True, env=env, cwd=ROOT,
        )  # fmt: skip
        times.append(time.perf_counter() - start)
        assert p.returncode == 0 and "image-to-text" in p.stdout, p.stderr
    return times


def end_to_end(pipeline: Pipeline, text: str, files: list[Path], runs: int = 10) -> tuple[list[float], dict]:
    times, trace = [], {}
    for _ in range(runs + 1):  # the first run loads the models: not counted
        with tempfile.TemporaryDirectory() as d:
            start = time.perf_counter()
            final = pipeline.answer(Request(text, files), Session(Workspace(Path(d))))
            elapsed = time.perf_counter() - start
            assert isinstance(final, FinalAnswer), final
            trace = final.trace
            assert all(r["status"] == "done" for r in trace["results"].values()), trace["results"]
            times.append(elapsed)
    return times[1:], trace


def main() -> None:
    cold = cold_start()
    pipeline = Pipeline.from_config(Config(mode="offline"))
    rss_before = rss_mb()
    warm_up()
    rss_loaded = rss_mb()

    # a spoken sentence for the ASR runs, made by the TTS expert
    speech = Session()
    spoken = pipeline.answer(Request('read aloud: "please book a table for two at seven tonight"'), speech)
    wav = speech.workspace.root / spoken.trace["results"]["0"]["outputs"]["audio"]
    speech_dir = Path(tempfile.mkdtemp())
    (speech_dir / "booking.wav").write_bytes(wav.read_bytes())

    cases = {
        "OCR of one image (receipt.png)": ("read the text in receipt.png", [ROOT / "assets" / "receipt.png"]),
        "ASR of one spoken sentence": ("transcribe booking.wav", [speech_dir / "booking.wav"]),
        "TTS of one sentence": ('read aloud: "the meeting moved to Thursday at ten"', []),
    }
    rows = {}
    for name, (text, files) in cases.items():
        times, trace = end_to_end(pipeline, text, files)
        rows[name] = {
            "plan": [t["task"] for t in trace["plan"]],
            "p50_s": round(statistics.median(times), 3),
            "max_s": round(max(times), 3),
            "runs": len(times),
        }
    result = {
        "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "cpus": os.cpu_count(),
        "cli_cold_start_to_plan_s": {"p50": round(statistics.median(cold), 3), "max": round(max(cold), 3)},
        "single_task_end_to_end_warm": rows,
        "rss_mb": {
            "pipeline_built": round(rss_before),
            "all_experts_loaded": round(rss_loaded),
            "after_runs": round(rss_mb()),
        },
    }
    out = ROOT / "bench" / "results" / "offline.json"
    out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
