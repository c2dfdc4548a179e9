"""The offline default never tries the network: the whole pipeline runs with every connection and
name lookup refused (and logged) at the socket level."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_offline_run_makes_no_network_attempt(tmp_path):
    log = tmp_path / "net.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "HF_", "HUGGINGGPT_"))}
    env.update(PYTHONPATH=f"{ROOT / 'tests' / 'netguard'}:{ROOT}", NETGUARD_LOG=str(log))
    p = subprocess.run(
        [sys.executable, "-m", "hugginggpt", "run", "read the text in receipt.png aloud", "--json",
         "--file", str(ROOT / "assets" / "receipt.png"), "--out", str(tmp_path / "out")],
        capture_output=True, text=True, env=env, timeout=180, cwd=tmp_path,
    )  # fmt: skip
    assert p.returncode == 0, p.stderr
    trace = json.loads(p.stdout)
    assert [t["task"] for t in trace["plan"]] == ["image-to-text", "text-to-speech"]
    assert "TOTAL" in trace["results"]["0"]["outputs"]["text"]
    assert (tmp_path / "out" / trace["results"]["1"]["outputs"]["audio"]).stat().st_size > 10_000
    assert trace["llm"]["calls"] == 0
    # the guard was really in place, and nothing tried the network
    probe = subprocess.run([sys.executable, "-c", "import socket; socket.getaddrinfo('example.com', 80)"],
                           capture_output=True, text=True, env=env)  # fmt: skip
    assert probe.returncode != 0 and "network disabled by the test" in probe.stderr
    attempts = [line for line in log.read_text().splitlines() if "example.com" not in line] if log.exists() else []
    assert attempts == []
