"""`python -m hugginggpt` as a user runs it: a subprocess, the loopback LLM server, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def cli(*args: str, env: dict[str, str | None] | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
    """Run the CLI in a fresh process; `env` adds variables (None removes one)."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "HF_", "HUGGINGGPT_"))}
    full_env.update({"PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1"})
    for name, value in (env or {}).items():
        if value is None:
            full_env.pop(name, None)
        else:
            full_env[name] = value
    return subprocess.run(
        [sys.executable, "-m", "hugginggpt", *args],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=timeout,
        cwd=ROOT,
    )


def llm_env(server) -> dict[str, str]:
    return {"OPENAI_BASE_URL": server.url, "HUGGINGGPT_LLM_MODEL": "fake-model", "HUGGINGGPT_MODE": "offline"}


def test_run_json_trace_with_llm_experts(fake_llm):
    fake_llm.enqueue(
        '[{"task": "text-generation", "id": 0, "dep": [-1], "args": {"text": "a joke about cats"}}, '
        '{"task": "translation", "id": 1, "dep": [0], "args": {"text": "Translate to French: <GENERATED>-0"}}]',
        "Cats are purrfect.",
        "Les chats sont parfaits.",
        "Here is your joke in French: Les chats sont parfaits.",
    )
    p = cli("run", "tell a cat joke in French", "--json", env=llm_env(fake_llm))
    assert p.returncode == 0, p.stderr
    trace = json.loads(p.stdout)
    assert trace["request"] == "tell a cat joke in French"
    assert [t["task"] for t in trace["plan"]] == ["text-generation", "translation"]
    assert trace["plan"][1]["dep"] == [0]
    assert trace["choices"]["1"] == {
        "model": "fake-model",
        "backend": "llm",
        "reason": "the only model for this task: the controller LLM",
        "candidates": ["llm:fake-model"],
    }
    assert trace["results"]["1"]["outputs"]["text"] == "Les chats sont parfaits."
    assert trace["answer"] == "Here is your joke in French: Les chats sont parfaits."
    assert trace["llm"]["calls"] == 4 and trace["llm"]["prompt_tokens"] > 0
    # the translation expert got the generated text in place of the reference
    assert "Cats are purrfect." in fake_llm.prompts()[2][-1]["content"]
    assert "[plan] 0:text-generation, 1:translation" in p.stderr


def test_run_prints_progress_and_streamed_answer(fake_llm):
    fake_llm.enqueue("[]", "Hello there, friend.")
    p = cli("run", "hi", env=llm_env(fake_llm))
    assert p.returncode == 0, p.stderr
    assert p.stdout.strip() == "Hello there, friend."
    assert "[plan] none (direct answer)" in p.stderr


def test_run_with_a_given_plan_and_file(fake_llm, tmp_path):
    plan = tmp_path / "plan.json"
    plan.write_text('[{"task": "summarization", "id": 0, "dep": [-1], "args": {"text": "a long text to shorten"}}]')
    fake_llm.enqueue("Short.", "Summary: Short.")
    p = cli("run", "summarize", "--plan", str(plan), "--json", env=llm_env(fake_llm))
    assert p.returncode == 0, p.stderr
    trace = json.loads(p.stdout)
    assert trace["plan_source"] == "given" and trace["results"]["0"]["status"] == "done"


def test_failures_exit_nonzero_with_one_clear_line(fake_llm, tmp_path):
    fake_llm.enqueue({"status": 401, "body": {"error": {"message": "bad key"}}})
    p = cli("run", "anything", env=llm_env(fake_llm))
    assert p.returncode == 1
    assert p.stderr.strip().splitlines()[-1].startswith("hugginggpt: The LLM server at")
    assert "Traceback" not in p.stderr

    p = cli("run", "look", "--file", str(tmp_path / "missing.png"), env=llm_env(fake_llm))
    assert p.returncode == 2 and "no such file" in p.stderr and "Traceback" not in p.stderr

    (tmp_path / "bad.json").write_text("this is not a plan")
    p = cli("run", "x", "--plan", str(tmp_path / "bad.json"), env=llm_env(fake_llm))
    assert p.returncode == 2 and "holds no tasks" in p.stderr

    p = cli("run", "x", env={"HUGGINGGPT_MODE": "sideways"})
    assert p.returncode == 2 and "HUGGINGGPT_MODE must be offline, hybrid or remote" in p.stderr


def test_unreachable_llm_is_one_line():
    p = cli("plan", "caption a.jpg", env={"OPENAI_BASE_URL": "http://127.0.0.1:9/v1"})
    assert p.returncode == 2
    assert p.stderr.strip() == (
        "hugginggpt: Cannot reach the LLM server at http://127.0.0.1:9/v1: check OPENAI_BASE_URL "
        "and that the server is running."
    )


def test_plan_json_and_batch(fake_llm, tmp_path):
    reply = '[{"task": "image-classification", "id": 0, "dep": [-1], "args": {"image": "a.jpg"}}]'
    fake_llm.enqueue(reply)
    p = cli("plan", "what is in a.jpg?", "--json", env=llm_env(fake_llm))
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout) == [{"id": 0, "task": "image-classification", "dep": [-1], "args": {"image": "a.jpg"}}]

    batch = tmp_path / "requests.jsonl"
    batch.write_text('{"id": "r1", "request": "what is in a.jpg?"}\n{"id": "r2", "request": "hello"}\n')
    fake_llm.enqueue(reply, "[]")
    p = cli("plan", "--batch", str(batch), env=llm_env(fake_llm))
    assert p.returncode == 0, p.stderr
    lines = [json.loads(line) for line in p.stdout.splitlines()]
    assert [line["id"] for line in lines] == ["r1", "r2"]
    assert lines[0]["plan"][0]["task"] == "image-classification" and lines[1]["plan"] == []


def test_tasks_lists_what_the_offline_mode_serves():
    p = cli("tasks", "--json")
    assert p.returncode == 0, p.stderr
    listing = json.loads(p.stdout)
    assert listing["mode"] == "offline" and listing["llm"] is False
    rows = {r["task"]: r for r in listing["tasks"]}
    assert len(rows) == 37
    assert rows["image-to-text"]["served_by"] and rows["automatic-speech-recognition"]["served_by"]
    assert rows["translation"]["served_by"] == []
    assert "set HF_TOKEN" in rows["translation"]["why_not"]


def test_hybrid_mode_runs_embedded_and_remote_experts_in_one_request(tmp_path):
    """A fresh process in hybrid mode: the embedded OCR and a remote translation model (the loopback
    inference service) serve one plan; importing the embedded models must not cut off the remote ones."""
    from fake_hf_server import FakeHF, json_reply
    from PIL import Image, ImageDraw

    from hugginggpt.catalog import Catalog

    image = tmp_path / "sign.png"
    canvas = Image.new("RGB", (420, 120), "white")
    ImageDraw.Draw(canvas).text((20, 40), "OPEN DAILY", fill="black", font_size=40)
    canvas.save(image)
    plan = tmp_path / "plan.json"
    plan.write_text(
        '[{"task": "image-to-text", "id": 0, "dep": [-1], "args": {"image": "sign.png"}},'
        ' {"task": "translation", "id": 1, "dep": [0], "args": {"text": "<GENERATED>-0"}}]'
    )
    with FakeHF() as hf:
        for m in Catalog().models("translation"):
            hf.set(m.id, json_reply([{"translation_text": "OUVERT TOUS LES JOURS"}]))
        env = {"HF_TOKEN": "hf_test", "HUGGINGGPT_HF_BASE_URL": hf.url, "HUGGINGGPT_CATALOG_DIR": str(tmp_path)}
        env["HF_HUB_OFFLINE"] = None  # as a user runs it: nothing may switch the Hub client offline
        p = cli("run", "translate the sign", "--file", str(image), "--plan", str(plan), "--json", env=env)
        assert p.returncode == 0, p.stderr
        trace = json.loads(p.stdout)
        assert trace["results"]["0"]["backend"] == "embedded" and "OPEN" in trace["results"]["0"]["outputs"]["text"]
        assert trace["results"]["1"]["backend"] == "huggingface"
        assert trace["results"]["1"]["outputs"]["text"] == "OUVERT TOUS LES JOURS"
        sent = [r for r in hf.requests if r.model]
        assert len(sent) == 1 and sent[0].headers["authorization"] == "Bearer hf_test"
        assert "OPEN" in sent[0].json()["inputs"]


def test_mode_after_the_subcommand_json_folder_and_batch_failures(fake_llm, tmp_path):
    env = {**llm_env(fake_llm), "HUGGINGGPT_MODE": None}
    fake_llm.enqueue("[]", "Hello!")
    p = cli("run", "hello", "--json", "--mode", "offline", "--out", str(tmp_path / "run"), env=env)
    assert p.returncode == 0, p.stderr
    assert json.loads(p.stdout)["folder"] == str((tmp_path / "run").resolve())  # outputs are named relative to it
    p = cli("tasks", "--json", "--mode", "remote", env=env)
    assert p.returncode == 0, p.stderr and json.loads(p.stdout)["mode"] == "remote"
    batch = tmp_path / "requests.jsonl"
    batch.write_text('{"id": "ok", "request": "hello"}\n{"id": "bad", "request": "x"}\n')
    fake_llm.enqueue("[]", {"status": 400, "body": {"error": {"message": "boom"}}})
    p = cli("plan", "--batch", str(batch), env={**env, "OPENAI_API_KEY": "k"})
    assert p.returncode == 1 and "1 request(s) could not be planned" in p.stderr
    assert [json.loads(line)["id"] for line in p.stdout.splitlines()] == ["ok", "bad"]


def test_offline_plan_follows_the_map_unless_all_tasks_is_asked():
    """Offline, a caption is planned as the visual question that says what it needs (OCR is no caption);
    with --all-tasks (TaskBench's setting) the plan is the intent, image-to-text."""
    offline = cli("plan", "describe photo.jpg", "--file", "photo.jpg", "--json")
    assert offline.returncode == 0, offline.stderr
    assert [t["task"] for t in json.loads(offline.stdout)] == ["visual-question-answering"]
    intent = cli("plan", "describe photo.jpg", "--file", "photo.jpg", "--json", "--all-tasks")
    assert [t["task"] for t in json.loads(intent.stdout)] == ["image-to-text"]
