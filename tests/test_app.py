"""The page's event -> component translation (RunView, render_*), uploads, settings, cleanup.

The helpers at the top (RulePlanner, make_pipeline, write_png) are shared with the other app tests.
"""

from __future__ import annotations

import json
import os
import re
import time
from pathlib import Path

import pytest
from fakes import TimedExpert, backend, universal_backend
from PIL import Image

import app
from hugginggpt.config import Config
from hugginggpt.orchestrator import Pipeline, Session
from hugginggpt.tasks import TASKS
from hugginggpt.types import (
    AnswerDelta,
    FinalAnswer,
    ModelChoice,
    ModelInfo,
    ModelsSelected,
    Plan,
    PlanReady,
    Request,
    RunFailed,
    Task,
    TaskFailed,
    TaskFinished,
    TaskResult,
    TaskSkipped,
    TaskStarted,
    media_kind,
)
from hugginggpt.ui import controller, sessions
from hugginggpt.ui import view as ui_view

# ---- shared helpers --------------------------------------------------------------------------


class RulePlanner:
    """A deterministic planner for tests: an image in the conversation -> read it, detect objects in it,
    speak what was read; an audio file -> transcribe it; anything else -> no tools. A file named in the
    request is preferred over the others, then the newest upload (task outputs are t<k>-* files)."""

    def plan(self, text: str, files: list[str] = (), history: list[str] | None = None, capabilities=None):
        named = [f for f in files if f in text] or [f for f in files if not re.match(r"t\d+-", f)]
        images = [f for f in named or files if media_kind(f) == "image"]
        audio = [f for f in named or files if media_kind(f) == "audio"]
        if images:
            img = images[-1]
            return Plan(
                [
                    Task(0, "image-to-text", {"image": img}),
                    Task(1, "object-detection", {"image": img}),
                    Task(2, "text-to-speech", {"text": "<GENERATED>-0"}, (0,)),
                ]
            )
        if audio:
            return Plan([Task(0, "automatic-speech-recognition", {"audio": audio[-1]})])
        return Plan([])


def make_pipeline(latency: float = 0.0, failing: str | None = None, llm=None) -> Pipeline:
    """Test experts for every task; `failing` names a task whose only model raises."""
    if failing is None:
        backends = [universal_backend(latency)]
    else:
        ok = TimedExpert("test/universal", tuple(t for t in TASKS if t != failing), latency)
        broken = TimedExpert("test/broken", (failing,), latency, fail="the model crashed (CUDA out of memory)")
        backends = [backend(ok), backend(broken, name="broken")]
    return Pipeline(Config(), llm=llm, backends=backends, planner=RulePlanner())


def write_png(path: Path, color=(200, 30, 30), size=(32, 24)) -> Path:
    Image.new("RGB", size, color).save(path)
    return path


# ---- events -> view ----------------------------------------------------------------------------

PLAN = Plan(
    [
        Task(0, "image-to-text", {"image": "cat.png"}),
        Task(1, "text-to-speech", {"text": "<GENERATED>-0"}, dep=(0,)),
    ]
)
HUB = ModelInfo("nlpconnect/vit-gpt2-image-captioning", "image-to-text", backend="huggingface")
LOCAL = ModelInfo("rapidocr", "image-to-text", backend="embedded")
CHOICES = {
    0: ModelChoice(0, HUB.id, "huggingface", "most downloaded captioner", [HUB, LOCAL]),
    1: ModelChoice(
        1, "piper/joe", "embedded", "the only local voice", [ModelInfo("piper/joe", "text-to-speech", "embedded")]
    ),
}


def events(tmp_path: Path) -> list:
    wav = tmp_path / "t1-speech.wav"
    wav.write_bytes(b"RIFF0000WAVEfake")
    r0 = TaskResult(
        0, "image-to-text", "done", {"text": "a cat on a sofa"}, model=HUB.id, backend="huggingface", seconds=1.25
    )
    r1 = TaskResult(1, "text-to-speech", "done", {"audio": wav}, model="piper/joe", backend="embedded", seconds=0.3)
    trace = {
        "request": "describe cat.png and read it aloud",
        "llm": {"calls": 3, "prompt_tokens": 900, "completion_tokens": 80},
    }
    return [
        PlanReady(PLAN, "llm", t=1.0),
        ModelsSelected(CHOICES, t=1.5),
        TaskStarted(PLAN.tasks[0], HUB.id, "huggingface", t=1.6),
        TaskFinished(r0, t=2.9),
        TaskStarted(PLAN.tasks[1], "piper/joe", "embedded", t=2.9),
        TaskFinished(r1, t=3.2),
        AnswerDelta("The image shows ", t=3.5),
        AnswerDelta("a cat on a sofa.", t=3.6),
        FinalAnswer("The image shows a cat on a sofa.", trace, t=3.7),
    ]


def test_a_run_becomes_steps_media_and_a_streamed_answer(tmp_path):
    view = ui_view.RunView("describe cat.png and read it aloud")
    evs = events(tmp_path)
    for e in evs[:3]:
        view.apply(e)
    # the running task is a pending collapsible step titled with task and model
    step = view.messages[-1]
    assert step["metadata"]["title"] == f"Task 0 · image-to-text · {HUB.id}"
    assert step["metadata"]["status"] == "pending"
    assert view.states == {0: "running", 1: "waiting"}
    graph = ui_view.render_graph(view.plan, view.states)
    assert 'data-task="0" data-state="running"' in graph and 'data-task="1" data-state="waiting"' in graph

    for e in evs[3:7]:
        view.apply(e)
    assert view.answer == "The image shows "  # first delta already in the chat
    assert view.messages[-1] == {"role": "assistant", "content": "The image shows "}
    for e in evs[7:]:
        view.apply(e)

    titles = [m.get("metadata", {}).get("title") for m in view.messages]
    assert titles[0] == "Plan (llm): 2 tasks"
    done0 = view.messages[titles.index(f"Task 0 · image-to-text · {HUB.id}")]
    assert done0["metadata"]["status"] == "done" and done0["metadata"]["duration"] == 1.25
    assert done0["content"] == "a cat on a sofa"
    audio = [m for m in view.messages if isinstance(m["content"], dict)]
    assert audio == [
        {"role": "assistant", "content": {"path": str(tmp_path / "t1-speech.wav"), "alt_text": "task 1 audio"}}
    ]
    # one answer message, last, holding the whole answer
    assert view.messages[-1] == {"role": "assistant", "content": "The image shows a cat on a sofa."}
    assert sum(1 for m in view.messages if m["content"] == view.answer) == 1
    assert view.finished and view.error is None

    # panels
    assert json.loads(ui_view.render_plan_json(view)) == PLAN.to_json()
    assert ui_view.render_graph(view.plan, view.states).count('data-state="done"') == 2
    assert "<line" in ui_view.render_graph(view.plan, view.states)  # the 0 -> 1 dependency edge
    choices = ui_view.render_choices(view)
    assert f'<a href="https://huggingface.co/{HUB.id}"' in choices  # Hub models link to their page
    assert "most downloaded captioner" in choices and "rapidocr" in choices  # reason, other candidates
    assert "huggingface.co/piper" not in choices  # embedded models have no Hub page
    assert ui_view.render_files(view) == [str(tmp_path / "t1-speech.wav")]
    assert ui_view.render_gallery(view) == []  # audio is not a gallery item
    text = ui_view.render_outputs_text(view)
    assert "**Task 0 · image-to-text**" in text and "a cat on a sofa" in text and "t1-speech.wav" in text
    trace = ui_view.render_trace(view)
    assert trace["llm"] == {"calls": 3, "prompt_tokens": 900, "completion_tokens": 80}
    assert trace["stages_s"] == {"planning": 1.0, "selection": 0.5, "execution": 1.7, "response": 0.5, "total": 3.7}
    assert trace["tasks"]["0"]["seconds"] == 1.25
    record = ui_view.run_record(view)
    assert record["answer"] == view.answer and record["request"] == view.request
    json.dumps(record, default=str)


def test_failed_and_skipped_tasks_are_steps_with_the_reason(tmp_path):
    view = ui_view.RunView("x")
    view.apply(PlanReady(PLAN, "offline", t=0.1))
    view.apply(ModelsSelected(CHOICES, t=0.2))
    view.apply(TaskStarted(PLAN.tasks[0], HUB.id, "huggingface", t=0.2))
    failed = TaskResult(0, "image-to-text", "failed", error="503 model is loading", attempts=[HUB.id, "rapidocr"])
    view.apply(TaskFailed(failed, t=1.0))
    skipped = TaskResult(1, "text-to-speech", "skipped", error="task 0 failed")
    view.apply(TaskSkipped(skipped, t=1.0))
    view.apply(FinalAnswer("I could not read the image.", {}, t=1.1))

    steps = {m["metadata"]["title"]: m for m in view.messages if m.get("metadata")}
    # failures stand out: a red mark in the title and the error in bold, not a grey "· failed"
    assert steps["❌ Task 0 · image-to-text · failed"]["content"].startswith("**Error:** 503 model is loading")
    assert "rapidocr" in steps["❌ Task 0 · image-to-text · failed"]["content"]  # what was tried
    assert steps["⏭️ Task 1 · text-to-speech · skipped"]["content"] == "task 0 failed"
    assert all(m["metadata"]["status"] == "done" for m in steps.values())  # no spinner left
    # the failed step replaced the pending one instead of adding a second
    assert sum(1 for t in steps if "Task 0" in t) == 1
    graph = ui_view.render_graph(view.plan, view.states)
    assert 'data-state="failed"' in graph and 'data-state="skipped"' in graph
    assert "*failed*: 503 model is loading" in ui_view.render_outputs_text(view)
    assert view.messages[-1]["content"] == "I could not read the image."


def test_run_failed_closes_pending_steps_and_says_what_to_fix():
    view = ui_view.RunView("x")
    view.apply(PlanReady(PLAN, "llm", t=0.1))
    view.apply(TaskStarted(PLAN.tasks[0], HUB.id, "huggingface", t=0.2))
    view.apply(
        RunFailed(
            "The LLM at http://127.0.0.1:9 is unreachable: start it or fix OPENAI_BASE_URL",
            "planning",
            {"error": "unreachable"},
            t=0.3,
        )
    )
    assert view.finished and view.error.startswith("The LLM")
    assert not [m for m in view.messages if (m.get("metadata") or {}).get("status") == "pending"]
    last = view.messages[-1]["content"]
    assert "Could not answer" in last and "(planning)" in last and "OPENAI_BASE_URL" in last
    assert ui_view.render_trace(view)["error"] == view.error


def test_chit_chat_without_deltas_still_shows_the_answer():
    view = ui_view.RunView("hello")
    view.apply(PlanReady(Plan([]), "offline", t=0.0))
    view.apply(FinalAnswer("Hello! I can read text in images.", {}, t=0.01))
    assert view.messages[0]["metadata"]["title"] == "Plan (offline): no tools needed"
    assert view.messages[-1]["content"] == "Hello! I can read text in images."
    assert ui_view.render_graph(view.plan, view.states).startswith('<div class="plan-graph empty">')


def test_real_pipeline_events_translate(tmp_path):
    session = Session()
    img = write_png(tmp_path / "photo.png")
    view = ui_view.RunView("look")
    for event in make_pipeline().run(Request("look", [img]), session):
        view.apply(event)
    assert view.finished and view.error is None
    assert set(view.states.values()) == {"done"} and len(view.states) == 3
    assert [c for _, c in ui_view.render_gallery(view)] == ["1: detection image"]  # what it is, by task
    assert any(p.endswith(".wav") for p in ui_view.render_files(view))
    assert view.answer and view.messages[-1]["content"] == ui_view.public(view.answer)  # no server path shown
    assert "/tmp" not in view.messages[-1]["content"]
    session.workspace.cleanup()


def test_graph_is_layered_by_dependency():
    plan = Plan(
        [
            Task(0, "image-to-text", {}),
            Task(1, "summarization", {}, (0,)),
            Task(2, "translation", {}, (0,)),
            Task(3, "text-to-speech", {}, (1, 2)),
        ]
    )
    svg = ui_view.render_graph(plan, {})
    assert svg.count("<line") == 4 and svg.count('class="task-node"') == 4
    # three rows, top to bottom (a chain fits a phone): 0 | 1, 2 | 3, tasks 1 and 2 side by side
    pos = {
        int(t): (int(x), int(y))
        for t, x, y in re.findall(r'data-task="(\d+)"[^>]*><title>[^<]*</title><rect x="(\d+)" y="(\d+)"', svg)
    }
    assert pos[0][1] < pos[1][1] == pos[2][1] < pos[3][1]
    assert pos[1][0] < pos[2][0] and pos[0][0] == pos[3][0]
    assert 'style="width:100%;max-width:' in svg  # scales down to its panel, never clipped


def test_graph_shows_whole_task_names_and_plain_states():
    plan = Plan([Task(0, "automatic-speech-recognition", {}), Task(1, "text-to-speech", {}, (0,))])
    svg = ui_view.render_graph(plan, {0: "done", 1: "failed"})
    assert "0: automatic-speech-recognition</text>" in svg and "…" not in svg
    width = int(re.search(r'<rect x="\d+" y="\d+" width="(\d+)"', svg).group(1))
    assert width >= 7 * len("0: automatic-speech-recognition")  # the box holds the name
    assert "✓ done" in svg and "✗ failed" in svg
    assert "<title>transcribe speech</title>" in svg  # the plain-English label on hover


# ---- uploads -----------------------------------------------------------------------------------


def test_uploads_are_checked_with_reasons(tmp_path):
    good = write_png(tmp_path / "ok.png")
    assert sessions.check_upload(good) is None
    corrupt = tmp_path / "broken.png"
    corrupt.write_bytes(b"\x89PNG\r\n\x1a\nthis is not really a png")
    assert "not a readable image" in sessions.check_upload(corrupt)
    exe = tmp_path / "tool.exe"
    exe.write_bytes(b"MZ")
    assert "not supported" in sessions.check_upload(exe) and ".png" in sessions.check_upload(exe)
    empty = tmp_path / "empty.wav"
    empty.write_bytes(b"")
    assert "empty" in sessions.check_upload(empty)
    assert "too large" in sessions.check_upload(good, max_bytes=10)
    bad_wav = tmp_path / "noise.wav"
    bad_wav.write_bytes(b"not a wav at all")
    assert "WAV" in sessions.check_upload(bad_wav)
    assert "did not arrive" in sessions.check_upload(tmp_path / "missing.png")
    assert sessions.check_upload(Path(app.ASSETS) / "booking.wav") is None


def test_example_assets_are_small_and_valid():
    for ex in app.EXAMPLES:
        for f in ex["files"]:
            assert sessions.check_upload(f) is None
            assert Path(f).stat().st_size < 200_000


# ---- settings, pipelines, capabilities -----------------------------------------------------------


def test_session_settings_override_env_defaults_without_leaking_the_server_key():
    base = Config(openai_api_key="sk-server", openai_base_url=None, llm_model="gpt-env", hf_token="hf_server")
    assert sessions.settings_config(None, base) == base
    same = sessions.settings_config({"mode": "", "base_url": "", "model": "", "api_key": ""}, base)
    assert same.openai_api_key == "sk-server" and same.llm_model == "gpt-env" and same.mode == base.mode
    own = sessions.settings_config({"base_url": "http://evil.example/v1"}, base)
    assert own.openai_base_url == "http://evil.example/v1" and own.openai_api_key is None  # not sent elsewhere
    mine = sessions.settings_config({"base_url": "http://mine/v1", "api_key": "sk-user", "mode": "remote"}, base)
    assert mine.openai_api_key == "sk-user" and mine.mode == "remote" and mine.hf_token == "hf_server"
    assert sessions.settings_config({"mode": "bogus"}, base).mode == base.mode


def test_pipeline_cache_shares_by_settings_and_hashes_secrets():
    built = []
    cache = sessions.PipelineCache(lambda cfg: built.append(cfg) or make_pipeline(), size=2)
    a, b = Config(openai_api_key="sk-a"), Config(openai_api_key="sk-b")
    assert cache.get(a) is cache.get(Config(openai_api_key="sk-a"))
    assert cache.get(a) is not cache.get(b)
    assert len(built) == 2
    assert all("sk-" not in key for key in cache._items)


def test_without_a_key_the_page_says_what_offline_can_do_and_how_to_add_one():
    md = controller.capabilities_md(make_pipeline())
    assert "Offline mode" in md and "`image-to-text`" in md and "Settings" in md and "API key" in md
    empty = controller.capabilities_md(Pipeline(Config(), backends=[]))
    assert "no embedded expert" in empty


# ---- per-session files ---------------------------------------------------------------------------


def test_user_state_keeps_files_apart_and_is_cleaned(tmp_path):
    a, b = sessions.UserState.create(tmp_path), sessions.UserState.create(tmp_path)
    assert a.dir != b.dir and a.session.workspace.root != b.session.workspace.root
    a.session.workspace.add_upload(write_png(tmp_path / "mine.png"))
    assert b.session.file_names() == []
    sessions.close_user_state(a)
    assert not a.dir.exists() and b.dir.exists()
    sessions.close_user_state(None)  # a session that never ran


def test_sweep_removes_only_stale_sessions(tmp_path):
    old, fresh = sessions.UserState.create(tmp_path), sessions.UserState.create(tmp_path)
    stale = time.time() - 10_000
    for p in [old.dir, *old.dir.rglob("*")]:
        os.utime(p, (stale, stale))
    assert sessions.sweep(tmp_path, max_age=3600) == 1
    assert not old.dir.exists() and fresh.dir.exists()


@pytest.mark.parametrize("mode", ["offline", "remote"])
def test_build_demo_has_the_documented_elements(tmp_path, mode):
    demo = app.build_demo(lambda cfg: make_pipeline(), base_config=Config(mode=mode), root=tmp_path)
    ids = {b.elem_id for b in demo.blocks.values() if getattr(b, "elem_id", None)}
    assert {"chat", "request", "plan", "choices", "outputs", "trace", "settings", "download"} <= ids
    passwords = [b for b in demo.blocks.values() if getattr(b, "type", None) == "password"]
    assert len(passwords) == 2
    api = {d["api_name"]: d.get("api_visibility", "public") for d in demo.config["dependencies"] if d["api_name"]}
    # the page's handlers stay callable by API clients; the public endpoints, and MCP tools, are the agents' own
    assert api["chat"] == api["run_plan"] == "undocumented"
    assert {name for name, shown in api.items() if shown == "public"} == {"run_request", "plan_request", "list_tasks"}


def test_the_status_and_trace_say_which_llm_and_route_served_the_run():
    view = ui_view.RunView("x")
    view.apply(PlanReady(Plan([]), "llm", t=0.1))
    route = {"model": "org/chat-model", "route": "hf-router", "base_url": "https://router.example/v1", "vision": True}
    view.apply(FinalAnswer("ok", {"llm_route": route, "llm": {"calls": 2}}, t=1.0))
    line, _ = ui_view.final_status(view)
    assert line.endswith(" · LLM org/chat-model (Hugging Face router)")
    assert ui_view.render_trace(view)["llm_route"] == route
    offline = ui_view.RunView("x")
    offline.apply(PlanReady(Plan([]), "offline", t=0.1))
    offline.apply(FinalAnswer("ok", {"llm": {"calls": 0}}, t=1.0))
    assert "LLM" not in ui_view.final_status(offline)[0] and "llm_route" not in ui_view.render_trace(offline)
