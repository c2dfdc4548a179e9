"""Pipeline overhead benchmark: our scheduler and batched selection against the way
microsoft/JARVIS runs the same plan, both on the same loopback stand-ins.

Stand-ins: the loopback OpenAI-compatible server (tests/fake_openai.py) answering after LLM_LATENCY,
and test experts that take EXPERT_LATENCY per call, two candidates per task (so that selection has
a choice to make). The JARVIS-style runner reproduces its strategy, not its code: one selection call
per task inside the task's thread (on its critical path), a scheduler pass that sleeps 0.5 s whenever
it starts nothing, and 10 model-status HTTP checks per task (to a loopback stand-in of the Hub).

    python bench/pipeline.py [--llm 0.3] [--expert 0.5] [--quick]

Writes bench/results/pipeline.json and prints the table for docs/BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from fake_openai import FakeOpenAI  # noqa: E402
from fakes import TimedExpert, backend  # noqa: E402

from hugginggpt.config import Config  # noqa: E402
from hugginggpt.llm.openai_compatible import OpenAICompatible  # noqa: E402
from hugginggpt.orchestrator import Pipeline, Session  # noqa: E402
from hugginggpt.types import FinalAnswer, Request  # noqa: E402

# ---- plan shapes ------------------------------------------------------------------------------


def chain(n: int) -> list[dict]:
    tasks = [{"task": "summarization", "id": 0, "dep": [-1], "args": {"text": "a long report"}}]
    for i in range(1, n):
        tasks.append({"task": "summarization", "id": i, "dep": [i - 1], "args": {"text": f"<GENERATED>-{i - 1}"}})
    return tasks


def fan(n: int) -> list[dict]:
    tasks = [{"task": "image-to-text", "id": 0, "dep": [-1], "args": {"image": "photo.jpg"}}]
    for i in range(1, n):
        tasks.append({"task": "translation", "id": i, "dep": [0], "args": {"text": f"to language {i}: <GENERATED>-0"}})
    return tasks


def dag6() -> list[dict]:
    """HuggingGPT's kind of request: caption, detect and ask about an image, then speak the answers."""
    return [
        {"task": "image-to-text", "id": 0, "dep": [-1], "args": {"image": "photo.jpg"}},
        {"task": "object-detection", "id": 1, "dep": [-1], "args": {"image": "photo.jpg"}},
        {
            "task": "visual-question-answering",
            "id": 2,
            "dep": [-1],
            "args": {"image": "photo.jpg", "text": "How many?"},
        },
        {"task": "text-to-speech", "id": 3, "dep": [0], "args": {"text": "<GENERATED>-0"}},
        {"task": "image-classification", "id": 4, "dep": [1], "args": {"image": "<GENERATED>-1"}},
        {"task": "text-to-speech", "id": 5, "dep": [2], "args": {"text": "<GENERATED>-2"}},
    ]


def wide_dag(n: int) -> list[dict]:
    """n tasks in layers of 4, each depending on one task of the layer before."""
    tasks = []
    for i in range(n):
        if i < 4:
            tasks.append({"task": "summarization", "id": i, "dep": [-1], "args": {"text": f"doc {i}"}})
        else:
            tasks.append({"task": "summarization", "id": i, "dep": [i - 4], "args": {"text": f"<GENERATED>-{i - 4}"}})
    return tasks


def depth(tasks: list[dict]) -> int:
    d: dict[int, int] = {}
    for t in tasks:
        deps = [x for x in t["dep"] if x >= 0]
        d[t["id"]] = 1 + max((d[x] for x in deps), default=0)
    return max(d.values())


SHAPES = {
    "single": [{"task": "summarization", "id": 0, "dep": [-1], "args": {"text": "a long report"}}],
    "chain-3": chain(3),
    "dag-6 (depth 2)": dag6(),
    "fan-10": fan(10),
    "chain-10": chain(10),
    "dag-20 (depth 5)": wide_dag(20),
}

# ---- stand-ins ---------------------------------------------------------------------------------


def experts(latency: float):
    tasks = {t["task"] for shape in SHAPES.values() for t in shape}
    made = []
    for name in sorted(tasks):
        made.append(TimedExpert(f"org/{name}-a", (name,), latency, downloads=1000, description=f"{name} model A"))
        made.append(TimedExpert(f"org/{name}-b", (name,), latency, downloads=500, description=f"{name} model B"))
    return made


def select_reply(messages: list[dict]) -> str:
    """Pick candidate B for every task listed in a selection prompt."""
    text = messages[-1]["content"]
    picks = {}
    for line in text.splitlines():
        if line.startswith("Task "):
            tid, name = line[5:].split(":", 1)
            picks[tid] = {"id": f"org/{name.split()[0]}-b", "reason": "second best on purpose"}
    return json.dumps(picks)


class HubStatus:
    """Loopback stand-in of the Hub's model-status endpoint that JARVIS polls per task."""

    def __init__(self):
        class H(BaseHTTPRequestHandler):
            def do_GET(self):
                body = b'{"loaded": true, "state": "Loaded"}'
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *a):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), H)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.calls = 0

    def check(self, model: str) -> None:
        with urllib.request.urlopen(f"{self.url}/status/{model}", timeout=5) as r:
            r.read()
        self.calls += 1


# ---- the two runners ---------------------------------------------------------------------------

_clients: dict[str, OpenAICompatible] = {}


def _llm(server: FakeOpenAI) -> OpenAICompatible:
    """One client per server, as the app holds one for its lifetime."""
    if server.url not in _clients:
        _clients[server.url] = OpenAICompatible("fake-model", base_url=server.url, api_key="k", retries=0)
    return _clients[server.url]


def run_ours(server: FakeOpenAI, plan: list[dict], expert_latency: float, image: Path) -> dict:
    server.requests.clear()
    server.enqueue(json.dumps(plan))
    # concurrency above the plan's width, so that the critical path is the bound
    config = Config(llm_as_expert=False, concurrency=32)
    pipeline = Pipeline(config, llm=_llm(server), backends=[backend(*experts(expert_latency))])
    start = time.perf_counter()
    final = None
    for event in pipeline.run(Request("run the benchmark plan on photo.jpg", [image]), Session()):
        final = event
    wall = time.perf_counter() - start
    assert isinstance(final, FinalAnswer), final
    assert all(r["status"] == "done" for r in final.trace["results"].values()), final.trace["results"]
    usage = final.trace["llm"]
    return {"wall": wall, "llm_calls": usage["calls"], "prompt_tokens": usage["prompt_tokens"], "hub_calls": 0}


def run_jarvis_style(server: FakeOpenAI, plan: list[dict], expert_latency: float, hub: HubStatus) -> dict:
    """JARVIS's strategy: plan; then a loop that starts every task whose deps are done in a thread
    (selection call + 10 status checks + inference), sleeping 0.5 s after a pass that starts
    nothing; then the response call."""
    llm = _llm(server)
    calls = 0
    hub.calls = 0
    start = time.perf_counter()
    llm.complete([{"role": "user", "content": "plan"}])
    calls += 1
    done: dict[int, bool] = {}
    started: set[int] = set()
    lock = threading.Lock()

    def work(task: dict) -> None:
        nonlocal calls
        llm.complete([{"role": "user", "content": f"choose a model for {task['task']}"}])
        with lock:
            calls += 1
        for i in range(10):
            hub.check(f"org/{task['task']}-{i}")
        time.sleep(expert_latency)
        with lock:
            done[task["id"]] = True

    threads = []
    while len(done) < len(plan):
        launched = False
        with lock:
            finished = set(done)
        for t in plan:
            deps = [x for x in t["dep"] if x >= 0]
            if t["id"] not in started and all(x in finished for x in deps):
                started.add(t["id"])
                th = threading.Thread(target=work, args=(t,), daemon=True)
                th.start()
                threads.append(th)
                launched = True
        if not launched:
            time.sleep(0.5)
    llm.complete([{"role": "user", "content": "respond"}])
    calls += 1
    return {"wall": time.perf_counter() - start, "llm_calls": calls, "hub_calls": hub.calls}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--llm", type=float, default=0.3, help="LLM latency per call (s)")
    ap.add_argument("--expert", type=float, default=0.5, help="expert latency per call (s)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per shape (median kept)")
    args = ap.parse_args()

    import tempfile

    from PIL import Image

    image = Path(tempfile.mkdtemp()) / "photo.jpg"
    Image.new("RGB", (32, 32), (120, 80, 40)).save(image)
    hub = HubStatus()
    rows = []
    for llm_latency, expert_latency in ((args.llm, args.expert), (0.0, 0.0)):
        server = FakeOpenAI(latency=llm_latency, responder=_responder).start()
        try:
            run_ours(server, SHAPES["single"], 0.0, image)  # warm-up: imports, first connection
            for name, plan in SHAPES.items():
                ours = sorted(
                    (run_ours(server, plan, expert_latency, image) for _ in range(args.repeat)), key=lambda r: r["wall"]
                )
                ours = ours[len(ours) // 2]
                jarvis = run_jarvis_style(server, plan, expert_latency, hub)
                d = depth(plan)
                # critical path: plan + select + response calls, and the longest chain of experts
                ours_rounds = 3 if ours["llm_calls"] >= 3 else ours["llm_calls"]
                critical = ours_rounds * llm_latency + d * expert_latency
                jarvis_rounds = 2 + d  # plan, one selection per task on the longest chain, response
                rows.append(
                    {
                        "shape": name,
                        "tasks": len(plan),
                        "depth": d,
                        "llm_latency": llm_latency,
                        "expert_latency": expert_latency,
                        "critical_path_s": round(critical, 3),
                        "ours_wall_s": round(ours["wall"], 3),
                        "ours_overhead_s": round(ours["wall"] - critical, 3),
                        "ours_ratio": round(ours["wall"] / critical, 3) if critical else None,
                        "ours_llm_rounds_on_critical_path": ours_rounds,
                        "ours_llm_calls": ours["llm_calls"],
                        "ours_prompt_tokens": ours["prompt_tokens"],
                        "ours_hub_calls": ours["hub_calls"],
                        "jarvis_style_wall_s": round(jarvis["wall"], 3),
                        "jarvis_style_llm_rounds_on_critical_path": jarvis_rounds,
                        "jarvis_style_llm_calls": jarvis["llm_calls"],
                        "jarvis_style_hub_calls": jarvis["hub_calls"],
                    }
                )
                print(json.dumps(rows[-1]), flush=True)
        finally:
            server.stop()
    out = ROOT / "bench" / "results" / "pipeline.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"rows": rows}, indent=2) + "\n")
    print()
    print(
        "| shape | tasks | depth | latencies (LLM/expert) | critical path | ours | ratio | overhead | "
        "LLM rounds on path | LLM calls | prompt tokens | JARVIS-style | its LLM calls | its Hub calls |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(
            f"| {r['shape']} | {r['tasks']} | {r['depth']} | {r['llm_latency']}/{r['expert_latency']} s | "
            f"{r['critical_path_s']:.2f} s | {r['ours_wall_s']:.2f} s | {r['ours_ratio'] or '-'} | "
            f"{r['ours_overhead_s'] * 1000:.0f} ms | {r['ours_llm_rounds_on_critical_path']} | {r['ours_llm_calls']} | "
            f"{r['ours_prompt_tokens']} | {r['jarvis_style_wall_s']:.2f} s | {r['jarvis_style_llm_calls']} | "
            f"{r['jarvis_style_hub_calls']} |"
        )
    print(f"\nwrote {out.relative_to(ROOT)}")


def _responder(messages: list[dict]) -> str:
    system = messages[0]["content"] if messages else ""
    if system.startswith("You choose one model"):
        return select_reply(messages)
    if system.startswith("You are HuggingGPT, an assistant that answered"):
        return "Here is what the models found: a caption, the objects, and spoken answers in t3-text-to-speech.wav."
    return "ok"


if __name__ == "__main__":
    main()
