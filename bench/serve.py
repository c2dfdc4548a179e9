"""Serving benchmark: the Gradio app under 16 concurrent offline sessions vs one session.

    python bench/serve.py [--sessions 16] [--requests 3] [--rounds 2] [--workers N] [--concurrency N] [--out ...]

Starts `python app.py` (offline: no key, no token) on a free port, drives it with gradio_client through
the /chat endpoint using the page's own examples, and reports per-request latency (p50/p95), throughput
and the server's memory (RSS of the app process: after start, after warm-up, peak under load).

The CPU bound: the server's CPU seconds per request of the same mix, measured one request at a time
(utime + stime of the app process), gives the most requests per second the cores allow,
cores / cpu_per_request; the 16-session throughput is reported against it, and against the bound
counting the clients' CPU too (they share the machine). The same mix: session i asks examples
i, i+1, i+2 (in rotation) in one conversation, so the baseline runs one session of each starting
example, one request at a time (twice over, with fresh tags: `--rounds`), and 16 sessions hold each of
those sequences 4 times (a conversation's later requests see its earlier files, which changes their
plans). Each session tags its requests, and every reply is checked to hold its own session's tag and no
other (no cross-session leak).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from gradio_client import Client, handle_file  # noqa: E402

OUT = ROOT / "bench" / "results" / "serve.json"
TICK = os.sysconf("SC_CLK_TCK")


def examples() -> list[dict]:
    import app

    return app.EXAMPLES


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children, MB."""
    total = 0
    pids = [pid]
    while pids:
        p = pids.pop()
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
            children = Path(f"/proc/{p}/task/{p}/children").read_text().split()
            pids += [int(c) for c in children]
        except OSError:
            continue
    return total / 1024


def cpu_s(pid: int) -> float:
    """CPU seconds (user + system) the process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def machine_idle_s() -> float:
    """Idle CPU seconds of the whole machine so far, all cores (from /proc/stat: idle + iowait)."""
    fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    return (int(fields[3]) + int(fields[4])) / TICK


def own_cpu_s() -> float:
    """CPU seconds of this process (the clients)."""
    t = os.times()
    return t.user + t.system


def pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return round(s[min(len(s) - 1, int(round(q * (len(s) - 1))))], 3)


def summary(latencies: list[float], wall: float, failures: int) -> dict:
    return {
        "requests": len(latencies),
        "failures": failures,
        "wall_s": round(wall, 3),
        "throughput_rps": round(len(latencies) / wall, 3),
        "p50_s": pct(latencies, 0.5),
        "p95_s": pct(latencies, 0.95),
        "mean_s": round(statistics.mean(latencies), 3),
        "max_s": round(max(latencies), 3),
    }


def ask(client: Client, ex: dict, tag: str = "", others: tuple[str, ...] = ()) -> tuple[float, bool, bool]:
    """(seconds, answered, leaked): leaked when the reply's chat shows another session's tag."""
    t0 = time.perf_counter()
    text = ex["text"] + (f" ({tag})" if tag else "")
    out = client.predict({"text": text, "files": [handle_file(f) for f in ex["files"]]}, api_name="/chat")
    took = time.perf_counter() - t0
    chat = json.dumps(out[0])
    leaked = bool(tag) and (tag not in chat or any(o in chat for o in others))
    return took, str(out[2]).startswith("✅"), leaked


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sessions", type=int, default=16)
    ap.add_argument("--requests", type=int, default=3, help="requests per session under load")
    ap.add_argument("--rounds", type=int, default=2, help="rounds of the one-at-a-time baseline")
    ap.add_argument("--workers", type=int, default=None, help="HUGGINGGPT_WORKERS (default: the cores)")
    ap.add_argument("--concurrency", type=int, default=None, help="runs at once (default: Config.queue_concurrency)")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()

    from hugginggpt.config import Config

    workers = args.workers or Config().workers
    concurrency = args.concurrency or Config(workers=workers).queue_concurrency

    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "HF_TOKEN")}
    env.update(GRADIO_SERVER_NAME="127.0.0.1", GRADIO_SERVER_PORT=str(port), HUGGINGGPT_MODE="offline")
    env.update(HUGGINGGPT_WORKERS=str(workers), HUGGINGGPT_UI_CONCURRENCY=str(concurrency))
    server = subprocess.Popen(
        [sys.executable, str(ROOT / "app.py")], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        t0 = time.perf_counter()
        while True:
            try:
                Client(url, verbose=False)
                break
            except Exception:
                if server.poll() is not None or time.perf_counter() - t0 > 120:
                    raise SystemExit("the app did not start") from None
                time.sleep(0.5)
        startup = time.perf_counter() - t0
        mem_start = rss_mb(server.pid)
        exs = examples()

        warm = Client(url, verbose=False, download_files=False)
        for ex in exs:  # loads every embedded model once
            ask(warm, ex)
        mem_warm = rss_mb(server.pid)

        tags = [f"session {chr(65 + i // 26)}{chr(65 + i % 26)}" for i in range(args.sessions)]

        def session(i: int, client: Client, tag: str = "") -> list[tuple[float, bool, bool]]:
            """Session i's requests in one conversation: examples i, i+1, ... with its tag."""
            tag = tag or tags[i]
            others = tuple(t for t in tags if t != tag)
            return [ask(client, exs[(i + k) % len(exs)], tag, others) for k in range(args.requests)]

        # the baseline: one session per starting example (the load's sequences), one request at a time,
        # `--rounds` times over (tags of their own, as long as the load's: no text is seen twice)
        base = min(len(exs), args.sessions)
        order = [(r, i) for r in range(args.rounds) for i in range(base)]
        firsts = [Client(url, verbose=False, download_files=False) for _ in order]  # made before timing
        t0, c0, k0 = time.perf_counter(), cpu_s(server.pid), own_cpu_s()
        runs = [x for (r, i), c in zip(order, firsts) for x in session(i, c, f"session {chr(90 - r)}{chr(65 + i)}")]
        single = summary([t for t, _, _ in runs], time.perf_counter() - t0, sum(not ok for _, ok, _ in runs))
        single["server_cpu_s_per_request"] = round((cpu_s(server.pid) - c0) / len(runs), 3)
        single["client_cpu_s_per_request"] = round((own_cpu_s() - k0) / len(runs), 3)

        peak = [mem_warm]
        stop = threading.Event()

        def sample() -> None:
            while not stop.is_set():
                peak.append(rss_mb(server.pid))
                time.sleep(0.2)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        clients = [Client(url, verbose=False, download_files=False) for _ in range(args.sessions)]

        t0, c0, k0, i0 = time.perf_counter(), cpu_s(server.pid), own_cpu_s(), machine_idle_s()
        with ThreadPoolExecutor(args.sessions) as pool:
            runs = [r for rs in pool.map(session, range(args.sessions), clients) for r in rs]
        wall = time.perf_counter() - t0
        server_cpu, client_cpu = cpu_s(server.pid) - c0, own_cpu_s() - k0
        idle = machine_idle_s() - i0
        stop.set()
        sampler.join()
        concurrent = summary([t for t, _, _ in runs], wall, sum(not ok for _, ok, _ in runs))
        concurrent["cross_session_leaks"] = sum(leak for _, _, leak in runs)
        concurrent["server_cpu_s_per_request"] = round(server_cpu / len(runs), 3)
        concurrent["client_cpu_s_per_request"] = round(client_cpu / len(runs), 3)
        # share of the cores this benchmark used, and share left idle (the rest went to other processes)
        concurrent["cpu_share_used"] = round((server_cpu + client_cpu) / (wall * (os.cpu_count() or 1)), 3)
        concurrent["cpu_share_idle"] = round(idle / (wall * (os.cpu_count() or 1)), 3)
        concurrent["load_avg_after"] = round(os.getloadavg()[0], 2)
        concurrent["latencies_s"] = sorted(round(t, 2) for t, _, _ in runs)
    finally:
        server.terminate()
        server.wait(timeout=30)

    cores = os.cpu_count() or 1
    bound = cores / single["server_cpu_s_per_request"]
    per_request = single["server_cpu_s_per_request"] + single["client_cpu_s_per_request"]
    bound_with_clients = cores / per_request
    obtained = concurrent["cpu_share_used"] * cores / per_request
    result = {
        "what": "app.py /chat via gradio_client, offline mode, the page's examples in rotation",
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "workers": workers,
        "queue_concurrency": concurrency,
        "startup_s": round(startup, 2),
        "single_session_is": (
            f"{base} sessions one after another, {args.requests} requests each (the load's sequences), "
            f"{args.rounds} rounds"
        ),
        "single_session": single,
        f"{args.sessions}_sessions": concurrent,
        "speedup_throughput": round(concurrent["throughput_rps"] / single["throughput_rps"], 2),
        "cpu_bound_rps": round(bound, 3),
        "cpu_bound_rps_with_clients": round(bound_with_clients, 3),
        "throughput_vs_cpu_bound": round(concurrent["throughput_rps"] / bound, 3),
        "throughput_vs_cpu_bound_with_clients": round(concurrent["throughput_rps"] / bound_with_clients, 3),
        # on a shared machine other processes take cores too: the bound on the CPU this benchmark got
        "cpu_bound_rps_of_share_obtained": round(obtained, 3),
        "throughput_vs_share_obtained": round(concurrent["throughput_rps"] / obtained, 3),
        "memory_mb": {
            "after_start": round(mem_start, 1),
            "after_warmup": round(mem_warm, 1),
            "peak_under_load": round(max(peak), 1),
        },
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
