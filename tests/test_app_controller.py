"""The page's handlers without a server (hugginggpt/ui/controller.py): one run per conversation, Stop,
New conversation during a run, overload, Settings verdicts, plans naming files they may not use."""

from __future__ import annotations

import json
import socket
import threading
import time
from pathlib import Path

import pytest
from fake_openai import FakeOpenAI
from fakes import ScriptedChatModel
from test_app import make_pipeline, write_png

from hugginggpt.config import Config
from hugginggpt.ui.controller import BUSY_MESSAGE, Controller


def controller(tmp_path: Path, pipeline=None, **kw) -> Controller:
    pipeline = pipeline or make_pipeline(latency=1.5)
    return Controller(lambda cfg: pipeline, kw.pop("base", Config()), tmp_path / "sessions", 3600, **kw)


def start(ctl: Controller, text: str, files=(), user=None):
    """Submit a request and read the stream up to the first update (the run is then live)."""
    stream = ctl.respond({"text": text, "files": [str(f) for f in files]}, user, None)
    first = next(stream)
    return first.user, stream


def drain(stream):
    last = None
    for last in stream:
        pass
    return last


def test_a_second_action_during_a_run_is_refused_not_interleaved(tmp_path):
    ctl = controller(tmp_path)
    user, stream = start(ctl, "read a.png", [write_png(tmp_path / "a.png")])
    assert user.busy
    again = list(ctl.respond({"text": "and again", "files": []}, user, None))
    assert len(again) == 1 and "still running" in again[0].status and again[0].chat is None
    plan = json.dumps([{"id": 0, "task": "image-to-text", "dep": [], "args": {"image": "a.png"}}])
    assert "still running" in next(ctl.run_plan(plan, user, None)).status
    final = drain(stream)
    assert final.status.startswith("✅ done") and final.box == "ready" and final.running is False
    # the refused request left no trace in the conversation
    assert "and again" not in json.dumps(user.chat)
    assert not user.busy


def test_stop_cancels_the_run_and_the_input_comes_back(tmp_path):
    ctl = controller(tmp_path)
    user, stream = start(ctl, "read a.png", [write_png(tmp_path / "a.png")])
    time.sleep(0.3)
    t0 = time.monotonic()
    stopped = ctl.stop(user)
    assert time.monotonic() - t0 < 10
    assert stopped.status == "⏹️ stopped" and stopped.outcome == "stopped" and stopped.box == "ready"
    assert stopped.running is False and not user.busy
    assert "Stopped" in json.dumps(user.chat)
    assert all((m.get("metadata") or {}).get("status") != "pending" for m in user.chat)
    # the next request runs
    final = drain(ctl.respond({"text": "and now a.png", "files": []}, user, None))
    assert final.status.startswith("✅ done")
    stream.close()


def test_new_conversation_during_a_run_waits_for_it_then_deletes(tmp_path):
    ctl = controller(tmp_path)
    user, stream = start(ctl, "read a.png", [write_png(tmp_path / "a.png")])
    folder = user.dir
    time.sleep(0.3)
    cleared = ctl.clear(user)
    assert cleared.chat == [] and cleared.box == "ready" and cleared.user is None
    assert not folder.exists() and user.run.done.is_set()
    # the old stream says nothing more: the cleared conversation never comes back
    assert list(stream) == []
    # no server path anywhere in what the run showed
    assert "/tmp" not in json.dumps(user.run.view.messages) and str(tmp_path) not in json.dumps(user.run.view.messages)
    fresh = drain(ctl.respond({"text": "hello", "files": []}, None, None))
    assert "read a.png" not in json.dumps(fresh.chat)


def test_past_the_admitted_runs_a_visitor_is_told_busy(tmp_path):
    ctl = controller(tmp_path, max_runs=1, max_waiting=0)
    _, stream = start(ctl, "read a.png", [write_png(tmp_path / "a.png")])
    other = list(ctl.respond({"text": "hello", "files": []}, None, None))
    assert other[-1].status == BUSY_MESSAGE and other[-1].box == "ready"
    drain(stream)
    assert drain(ctl.respond({"text": "hello", "files": []}, None, None)).status.startswith("✅")


def test_the_mcp_slot_and_the_page_runs_share_one_admission_count(tmp_path):
    from hugginggpt.ui.controller import ServerBusy

    ctl = controller(tmp_path, max_runs=1, max_waiting=0)
    with ctl.slot():
        assert ctl._admitted == 1
        assert list(ctl.respond({"text": "hello", "files": []}, None, None))[-1].status == BUSY_MESSAGE
        with pytest.raises(ServerBusy), ctl.slot():
            pass
    assert ctl._admitted == 0
    with pytest.raises(RuntimeError), ctl.slot():  # a failure inside gives the slot and the count back
        raise RuntimeError("boom")
    assert ctl._admitted == 0
    assert drain(ctl.respond({"text": "hello", "files": []}, None, None)).status.startswith("✅")
    assert ctl._admitted == 0


def test_a_run_where_every_task_failed_is_failed_not_done(tmp_path):
    from fakes import TimedExpert, backend
    from test_app import RulePlanner

    from hugginggpt.orchestrator import Pipeline

    broken = TimedExpert("test/broken", ("automatic-speech-recognition",), fail="the model crashed")
    ctl = controller(tmp_path, Pipeline(Config(), backends=[backend(broken)], planner=RulePlanner()))
    wav = tmp_path / "a.wav"
    import numpy as np
    import soundfile as sf

    sf.write(wav, np.zeros(8000, dtype="int16"), 16000)
    final = drain(ctl.respond({"text": "transcribe a.wav", "files": [str(wav)]}, None, None))
    assert final.status == "❌ failed: the task did not work" and final.outcome == "failed"


def test_an_edited_plan_naming_a_file_it_may_not_use_is_refused_in_the_chat(tmp_path):
    ctl = controller(tmp_path, make_pipeline())
    final = drain(ctl.respond({"text": "read r.png", "files": [str(write_png(tmp_path / "r.png"))]}, None, None))
    user = final.user
    for name in ("/etc/passwd", "../secret.png", "other.png"):
        plan = json.dumps([{"id": 0, "task": "image-to-text", "dep": [-1], "args": {"image": name}}])
        out = list(ctl.run_plan(plan, user, None))
        note = out[-1].chat[-1]["content"]
        assert len(out) == 1 and note.startswith("⚠️ **Cannot run this plan**"), note
        assert "r.png" in note  # says which files it may use
    assert json.dumps(user.chat).count("Cannot run this plan") == 3


def dead_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}/v1"


@pytest.fixture
def fake():
    with FakeOpenAI(api_key="sk-good", models=[{"id": "fake-gpt", "object": "model"}]) as server:
        yield server


def test_apply_checks_the_endpoint_and_says_so(tmp_path, fake):
    ctl = controller(tmp_path, make_pipeline())
    ok = ctl.apply_settings("offline", fake.url, "fake-gpt", "sk-good", "", "auto", None)
    assert ok.applied and ok.note.startswith("✅ **Settings applied.**") and "serves `fake-gpt`" in ok.note
    assert ok.settings["api_key"] == "sk-good"
    bad_key = ctl.apply_settings("offline", fake.url, "fake-gpt", "sk-wrong", "", "auto", ok.settings)
    assert not bad_key.applied and "refused the key" in bad_key.note and "API key" in bad_key.note
    assert bad_key.settings == ok.settings  # the working settings stay
    typo = ctl.apply_settings("offline", dead_url(), "fake-gpt", "sk-good", "", "auto", None)
    assert not typo.applied and "Nothing answers at" in typo.note and "base URL" in typo.note
    assert typo.settings == {}
    model = ctl.apply_settings("offline", fake.url, "gpt-typo", "sk-good", "", "auto", None)
    assert model.applied and "does not list the model `gpt-typo`" in model.note


def test_an_endpoint_that_never_answers_gets_a_verdict_within_seconds(tmp_path):
    with socket.socket() as server:  # accepts connections, never replies
        server.bind(("127.0.0.1", 0))
        server.listen()
        url = f"http://127.0.0.1:{server.getsockname()[1]}/v1"
        ctl = controller(tmp_path, make_pipeline())
        t0 = time.monotonic()
        r = ctl.apply_settings("offline", url, "m", "sk-x", "", "auto", None)
        assert time.monotonic() - t0 < 15
    assert not r.applied and "did not answer within" in r.note


def test_hybrid_without_a_token_warns_and_forget_says_what_it_did(tmp_path, fake):
    base = Config(openai_base_url=fake.url, openai_api_key="sk-good", llm_model="fake-gpt")
    ctl = Controller(lambda cfg: make_pipeline(llm=ScriptedChatModel() if cfg.has_llm else None), base, tmp_path, 3600)
    hybrid = ctl.apply_settings("hybrid", "", "", "", "", "auto", None)
    assert hybrid.applied and "Hybrid mode without a Hugging Face token" in hybrid.note
    assert "Hugging Face token in Settings" in hybrid.note and "HF_TOKEN" not in hybrid.note  # said to a visitor
    assert "<b>Hybrid mode</b>, LLM <code>fake-gpt</code>" in hybrid.banner and "Offline" not in hybrid.banner
    token = ctl.apply_settings("hybrid", "", "", "", "hf_abc", "auto", hybrid.settings)
    assert "Your Hugging Face token is set" in token.note
    forgot = ctl.forget_keys(token.settings)
    assert "Hugging Face token was forgotten" in forgot.note and "hf_token" not in forgot.settings
    assert "nothing to forget" in ctl.forget_keys(forgot.settings).note


def test_closing_the_tab_stops_the_run(tmp_path):
    ctl = controller(tmp_path)
    stream = ctl.respond({"text": "read a.png", "files": [str(write_png(tmp_path / "a.png"))]}, None, None, "tab-1")
    user = next(stream).user
    time.sleep(0.2)
    ctl.unload("tab-1")
    assert user.run.done.wait(10) and user.run.view.outcome() == "stopped"
    stream.close()
    assert threading.active_count() < 50


def test_each_upload_is_checked_once_and_only_good_ones_are_shown(tmp_path, monkeypatch):
    from hugginggpt.ui import controller as ui_controller

    calls: list[str] = []
    real = ui_controller.check_upload

    def counted(path, *a, **kw):
        calls.append(Path(path).name)
        return real(path, *a, **kw)

    monkeypatch.setattr(ui_controller, "check_upload", counted)
    good, bad = write_png(tmp_path / "good.png"), tmp_path / "bad.png"
    bad.write_bytes(b"not a png")
    ctl = controller(tmp_path, make_pipeline())
    final = drain(ctl.respond({"text": "read them", "files": [str(good), str(bad)]}, None, None))
    assert final.status == "❌ bad upload" and final.outcome == "failed"
    assert sorted(calls) == ["bad.png", "good.png"]
    shown = [m["content"] for m in final.chat if m["role"] == "user" and isinstance(m["content"], dict)]
    assert [Path(c["path"]).name for c in shown] == ["good.png"]
    assert "bad.png: not a readable image" in final.chat[-1]["content"]
