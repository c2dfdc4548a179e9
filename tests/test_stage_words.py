"""What the page says, item by item from the second stage try (issue 22): Stop shown as stopped, the
visitor's sentences without the owner's part, small text that reads right."""

from __future__ import annotations

import html
import json
import re

from hugginggpt import cli
from hugginggpt.capabilities import render
from hugginggpt.config import Config
from hugginggpt.experts.embedded import EmbeddedBackend
from hugginggpt.orchestrator import Pipeline
from hugginggpt.selection import _only_reason
from hugginggpt.tasks import TASKS
from hugginggpt.types import (
    FinalAnswer,
    Missing,
    Plan,
    PlanReady,
    RunFailed,
    Task,
    TaskFailed,
    TaskFinished,
    TaskResult,
    TaskSkipped,
    TaskStarted,
)
from hugginggpt.ui import view as ui_view
from hugginggpt.ui.controller import capabilities_md

PLAN = Plan([Task(0, "image-to-text", {"image": "a.png"})])


def stopped_view(error: str) -> ui_view.RunView:
    view = ui_view.RunView("read a.png")
    view.apply(PlanReady(PLAN, "offline", t=0.1))
    view.apply(TaskStarted(PLAN.tasks[0], "rapidocr", "embedded", t=0.2))
    view.apply(TaskFailed(TaskResult(0, "image-to-text", "failed", error=error, model="rapidocr"), t=0.5))
    view.apply(
        RunFailed(
            "Stopped: 0 of 1 tasks had finished; the others were stopped and their files removed.", "cancelled", t=0.6
        )
    )
    return view


def test_a_stopped_task_is_shown_as_stopped_not_failed():
    view = stopped_view("stopped")
    assert view.states == {0: "stopped"}
    graph = ui_view.render_graph(view.plan, view.states)
    assert 'data-state="stopped"' in graph and "failed" not in graph and "⏹ stopped" in graph
    chat = json.dumps(view.messages, ensure_ascii=False)
    assert "❌" not in chat and "failed" not in chat
    titles = [(m.get("metadata") or {}).get("title") for m in view.messages]
    assert "⏹️ Task 0 · image-to-text · stopped" in titles
    last = view.messages[-1]["content"]
    assert last == "⏹️ **Stopped.** Its task was stopped before it finished."  # said once, from the steps
    assert ui_view.final_status(view) == ("⏹️ stopped", "stopped")
    assert "failed" not in ui_view.render_outputs_text(view) and "*stopped*" in ui_view.render_outputs_text(view)


def test_a_task_that_failed_on_its_own_before_the_stop_stays_failed():
    view = stopped_view("the model crashed")
    assert view.states == {0: "failed"}


def test_one_failed_task_reads_as_one():
    view = ui_view.RunView("read a.png")
    view.apply(PlanReady(PLAN, "offline", t=0.1))
    view.apply(TaskFailed(TaskResult(0, "image-to-text", "failed", error="bad image"), t=0.5))
    view.apply(FinalAnswer("Could not read it.", {}, t=0.6))
    assert ui_view.final_status(view)[0] == "❌ failed: the task did not work"


def test_a_task_no_model_here_can_run_reads_as_not_run_not_as_failed():
    plan = Plan([Task(0, "image-to-text", {"image": "a.png"}), Task(1, "text-to-speech", {"text": "<GENERATED>-0"})])
    missing = "Reading pictures needs a Hugging Face token: add one in Settings."
    view = ui_view.RunView("describe a.png and say it")
    view.apply(PlanReady(plan, "offline", t=0.1))
    view.apply(TaskFailed(TaskResult(0, "image-to-text", "failed", error=missing, unavailable=True), t=0.2))
    view.apply(TaskSkipped(TaskResult(1, "text-to-speech", "skipped", error="its input did not come"), t=0.2))
    view.apply(FinalAnswer(missing, {}, t=0.3))
    line, outcome = ui_view.final_status(view)
    assert line == "⚙️ not run: 1 of 2 tasks need a model this setup lacks (the answer says what to set)"
    assert outcome == "needs"  # amber on the page, as a partly done run: nothing broke
    # (a task that crashed still reads as failed: test_one_failed_task_reads_as_one)


def test_a_partly_done_run_counts_the_tasks_that_need_a_missing_model():
    plan = Plan([Task(0, "image-to-text", {"image": "a.png"}), Task(1, "translation", {"text": "<GENERATED>-0"})])
    view = ui_view.RunView("read a.png and translate it")
    view.apply(PlanReady(plan, "offline", t=0.1))
    view.apply(TaskFinished(TaskResult(0, "image-to-text", "done", outputs={"text": "EXIT"}), t=0.2))
    view.apply(TaskFailed(TaskResult(1, "translation", "failed", error="needs a token", unavailable=True), t=0.3))
    view.apply(FinalAnswer("It says EXIT. Translation needs a token.", {}, t=0.4))
    line, outcome = ui_view.final_status(view)
    assert line == "⚠️ partly done in 0.4 s: 1 of 2 tasks worked (1 needs a model this setup lacks)"
    assert outcome == "partly"


def test_the_page_gives_the_visitor_the_settings_control_and_the_cli_the_env_variable(capsys):
    why = render("translation", Missing("token"), mode="offline")
    assert "(server: set HF_TOKEN)" in why  # the owner's sentence, whole
    view = ui_view.RunView("translate it")
    plan = Plan([Task(0, "translation", {"text": "hi"})])
    view.apply(PlanReady(plan, "offline", t=0.1))
    view.apply(TaskFailed(TaskResult(0, "translation", "failed", error=why, unavailable=True), t=0.2))
    view.apply(FinalAnswer(why, {}, t=0.3))
    shown = json.dumps(view.messages, ensure_ascii=False) + ui_view.render_outputs_text(view)
    assert "Hugging Face token in Settings" in shown
    assert "server:" not in shown and "HF_TOKEN" not in shown
    banner = capabilities_md(Pipeline.from_config(Config(mode="offline")), Config(mode="offline"))
    assert "Settings" in banner and "HF_TOKEN" not in banner and "OPENAI_API_KEY" not in banner
    # the CLI speaks to whoever runs the server
    assert cli.main(["--mode", "offline", "tasks"]) == 0
    assert "(server: set HF_TOKEN)" in capsys.readouterr().out


def test_every_offline_models_selection_reason_closes_its_brackets():
    backend = EmbeddedBackend()
    for task in TASKS:
        for expert in backend.experts(task):
            reason = _only_reason(expert.info(task))
            assert reason.count("(") == reason.count(")"), reason


def test_the_banner_counts_what_the_cli_serves(capsys):
    config = Config(mode="offline")
    banner = capabilities_md(Pipeline.from_config(config), config)
    count = int(re.search(r"(\d+) task types", html.unescape(banner)).group(1))
    assert cli.main(["--mode", "offline", "tasks", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)["tasks"]
    assert count == sum(bool(r["served_by"]) for r in rows)


def test_a_price_list_answer_has_no_dot_leaders_and_reads_past_an_ocr_slip():
    from hugginggpt.response import template_answer

    menu = "CORNER BAKERY\nTea ........... 2.10\nCoffe ........ 3.40\nCake .......... 4.50"
    plan = Plan([Task(0, "image-to-text", {"image": "menu.png"})])
    results = {0: TaskResult(0, "image-to-text", "done", {"text": menu}, model="rapidocr")}
    assert template_answer("how much is the coffee?", plan, results).splitlines()[0] == "The coffee is **3.40**."
    whole = template_answer("read the menu", plan, results)
    assert "Tea 2.10" in whole and "..." not in whole
