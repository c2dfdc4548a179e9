"""A 6-task multimodal request through the Hugging Face experts, against the loopback inference
service (tests/fake_hf_server.py) with realistic latencies (0.5-3 s per model call) and the loopback
LLM (0.3 s per call). Reports wall time against the critical path, and Hub catalog look-ups per request.

    python bench/hf_pipeline.py       # writes bench/results/hf_pipeline.json
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from fake_hf_server import FakeHF, audio_reply, json_reply  # noqa: E402
from fake_openai import FakeOpenAI  # noqa: E402
from PIL import Image  # noqa: E402

from hugginggpt.catalog import Catalog  # noqa: E402
from hugginggpt.config import Config  # noqa: E402
from hugginggpt.orchestrator import Pipeline, Session  # noqa: E402
from hugginggpt.types import FinalAnswer, Request  # noqa: E402

LLM_LATENCY = 0.3
PLAN = [
    {"task": "image-to-text", "id": 0, "dep": [-1], "args": {"image": "street.jpg"}},
    {"task": "object-detection", "id": 1, "dep": [-1], "args": {"image": "street.jpg"}},
    {
        "task": "visual-question-answering",
        "id": 2,
        "dep": [-1],
        "args": {"image": "street.jpg", "text": "How many cars?"},
    },
    {"task": "text-to-speech", "id": 3, "dep": [2], "args": {"text": "<GENERATED>-2"}},
    {"task": "image-classification", "id": 4, "dep": [1], "args": {"image": "<GENERATED>-1"}},
    {"task": "translation", "id": 5, "dep": [0], "args": {"text": "<GENERATED>-0"}},
]
# seconds per call and the service's answer, per task
SERVICE = {
    "image-to-text": (1.5, json_reply([{"generated_text": "a busy street with two cars"}])),
    "object-detection": (
        1.0,
        json_reply([{"score": 0.98, "label": "car", "box": {"xmin": 2, "ymin": 2, "xmax": 20, "ymax": 14}}]),
    ),
    "visual-question-answering": (2.0, json_reply([{"answer": "two", "score": 0.9}])),
    "text-to-speech": (3.0, audio_reply("FLAC")),
    "image-classification": (0.5, json_reply([{"label": "street", "score": 0.8}])),
    "translation": (0.8, json_reply([{"translation_text": "une rue animée avec deux voitures"}])),
}


# The JARVIS comparison (docs/BENCHMARKS.md): HuggingGPT's 6-task DAG of bench/pipeline.py, every model
# call 0.5 s, LLM 0.3 s; microsoft/JARVIS's own code took 2.50 s on the same stand-ins.
JARVIS_PLAN = [
    {"task": "image-to-text", "id": 0, "dep": [-1], "args": {"image": "street.jpg"}},
    {"task": "object-detection", "id": 1, "dep": [-1], "args": {"image": "street.jpg"}},
    {"task": "visual-question-answering", "id": 2, "dep": [-1], "args": {"image": "street.jpg", "text": "How many?"}},
    {"task": "text-to-speech", "id": 3, "dep": [0], "args": {"text": "<GENERATED>-0"}},
    {"task": "image-classification", "id": 4, "dep": [1], "args": {"image": "<GENERATED>-1"}},
    {"task": "text-to-speech", "id": 5, "dep": [2], "args": {"text": "<GENERATED>-2"}},
]
JARVIS_WALL_S = 2.50


def critical_path(plan: list[dict], delays: dict[str, float], llm_latency: float) -> float:
    finish: dict[int, float] = {}
    for t in plan:
        begin = max((finish[d] for d in t["dep"] if d >= 0), default=0.0)
        finish[t["id"]] = begin + delays[t["task"]]
    return 3 * llm_latency + max(finish.values())  # plan + one selection call + response


def measure(plan: list[dict], delays: dict[str, float], llm_latency: float, image: Path, repeat: int) -> dict:
    """Runs of `plan` in remote mode against the stand-ins; the median run, and the model calls'
    time beyond the stand-in's own delay (what the client side costs per call)."""
    with FakeHF() as hf, FakeOpenAI(latency=llm_latency) as llm_server:
        for task, (_, reply) in SERVICE.items():
            for model in Catalog().models(task):  # any candidate may be chosen: all answer alike
                hf.set(model.id, reply)
                hf.delay[model.id] = delays[task]
        config = Config.from_env(
            mode="remote",
            hf_base_url=hf.url,
            hf_token="hf_bench",
            openai_base_url=llm_server.url,
            llm_model="fake-model",
            llm_as_expert=False,
        )
        pipeline = Pipeline.from_config(config)
        runs = []
        for _ in range(repeat + 1):  # the first run of a process warms imports and connections
            hub_before = len(hf.calls(prefix="/api/"))
            llm_server.enqueue(
                json.dumps(plan),
                "{}",  # selection: an empty choice, so each task keeps its top-ranked model
                "Two cars on a busy street; the spoken answer is in t3-speech.flac.",
            )
            start = time.perf_counter()
            final = pipeline.answer(Request("describe street.jpg, count the cars and say it", [image]), Session())
            wall = time.perf_counter() - start
            assert isinstance(final, FinalAnswer), final
            results = final.trace["results"]
            assert {r["status"] for r in results.values()} == {"done"}, results
            beyond = [
                results[str(t["id"])]["seconds"] - delays[t["task"]] for t in plan if "seconds" in results[str(t["id"])]
            ]
            runs.append(
                {
                    "wall_s": round(wall, 3),
                    "hub_lookups": len(hf.calls(prefix="/api/")) - hub_before,
                    "llm_calls": final.trace["llm"]["calls"],
                    "model_calls": len([r for r in hf.requests if r.model]),
                    "per_call_beyond_stand_in_s": round(sum(beyond) / len(beyond), 4) if beyond else None,
                }
            )
            hf.requests.clear()
        runs = runs[1:]
    crit = critical_path(plan, delays, llm_latency)
    median = sorted(runs, key=lambda r: r["wall_s"])[len(runs) // 2]
    return {
        "critical_path_s": round(crit, 3),
        "median_run": median,
        "ratio": round(median["wall_s"] / crit, 3),
        "runs": runs,
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3, help="runs per case after a warm-up run (median kept)")
    args = ap.parse_args()
    out = Path(__file__).resolve().parent / "results"
    out.mkdir(exist_ok=True)
    image = Path(tempfile.mkdtemp()) / "street.jpg"
    Image.new("RGB", (64, 48), (90, 90, 90)).save(image)
    result = {
        "varied": measure(PLAN, {t: d for t, (d, _) in SERVICE.items()}, LLM_LATENCY, image, args.repeat),
        "jarvis_dag6": {
            **measure(JARVIS_PLAN, dict.fromkeys(SERVICE, 0.5), 0.3, image, args.repeat),
            "jarvis_wall_s": JARVIS_WALL_S,
        },
    }
    (out / "hf_pipeline.json").write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
