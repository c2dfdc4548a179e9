"""The app on stage (issue 12), in a real browser at laptop and phone size: one test per item a visitor
saw wrong. Screenshots go to tmp/artifacts/ (or HUGGINGGPT_ARTIFACTS) as test artifacts, not committed."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from fakes import TimedExpert, backend
from test_app import RulePlanner, make_pipeline
from test_app_api import serve
from test_browser import browser, fill_plan  # noqa: F401 (the fixture)

import app
from hugginggpt.config import Config
from hugginggpt.orchestrator import Pipeline

pytestmark = pytest.mark.browser
ARTIFACTS = Path(os.environ.get("HUGGINGGPT_ARTIFACTS", Path(__file__).resolve().parent.parent / "tmp" / "artifacts"))
LAPTOP, PHONE = {"width": 1440, "height": 900}, {"width": 390, "height": 844}


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def open_page(browser, demo, viewport=LAPTOP):  # noqa: F811
    page = browser.new_page(viewport=viewport)
    page.goto(demo.local_url, wait_until="load")
    page.wait_for_selector("#request [data-testid=textbox]", timeout=30_000)
    return page


def ask(page, text: str, file: Path | None = None) -> None:
    if file:
        page.set_input_files("#request input[type=file]", str(file))
        page.wait_for_selector("#request img, #request .file-preview, #request audio", timeout=15_000)
    page.fill("#request [data-testid=textbox]", text)
    page.click("#request [data-testid=submit-button]")


def test_1_new_conversation_and_stop_during_a_run(browser, tmp_path):  # noqa: F811
    pipeline = make_pipeline(latency=2.0)
    with serve(lambda cfg: pipeline, tmp_path / "s") as demo:
        page = open_page(browser, demo)
        ask(page, "read receipt.png", app.ASSETS / "receipt.png")
        page.wait_for_selector("#stop:not([disabled])", timeout=15_000)
        page.wait_for_selector("#chat :text('Task 0')", timeout=15_000)
        page.click("#new-chat")
        page.wait_for_selector("#plan-graph :text('No tasks yet.')", timeout=30_000)
        page.wait_for_timeout(2500)  # the old run's last moments: nothing of it may come back
        chat = page.inner_text("#chat")
        assert "read receipt.png" not in chat and "FileNotFoundError" not in chat and "/tmp" not in chat
        assert page.locator("#request textarea").is_editable()  # the input is live again
        # Stop: the run ends, said plainly, and the next request works
        page.reload(wait_until="load")
        page.wait_for_selector("#request [data-testid=textbox]", timeout=30_000)
        ask(page, "read receipt.png", app.ASSETS / "receipt.png")
        page.wait_for_selector("#chat :text('Task 0')", timeout=15_000)
        page.click("#stop")
        page.wait_for_selector("#run-status :text('stopped')", timeout=20_000)
        assert "Stopped" in page.inner_text("#chat")
        shot(page, "1-stopped-laptop")
        ask(page, "and receipt.png again")
        page.wait_for_selector("#run-status :text('done in')", timeout=30_000)


def test_2_all_failed_is_failed_in_red_and_partly_is_amber(browser, tmp_path):  # noqa: F811
    broken = TimedExpert("test/broken", ("image-to-text", "object-detection", "text-to-speech"), fail="it crashed")
    pipeline = Pipeline(Config(), backends=[backend(broken)], planner=RulePlanner())
    with serve(lambda cfg: pipeline, tmp_path / "s") as demo:
        page = open_page(browser, demo)
        ask(page, "read receipt.png", app.ASSETS / "receipt.png")
        page.wait_for_selector("#run-status :text('failed')", timeout=30_000)
        assert "none of the 3 tasks worked" in page.inner_text("#run-status")
        assert "✅" not in page.inner_text("#run-status")
        color = page.eval_on_selector("#run-status p", "e => getComputedStyle(e).color")
        assert color == "rgb(185, 28, 28)", color  # red
        assert page.locator("#chat :text('❌ Task 0')").count() >= 1  # failed steps stand out
        shot(page, "2-failed-laptop")
    with serve(lambda cfg: make_pipeline(failing="object-detection"), tmp_path / "s2") as demo:
        page = open_page(browser, demo)
        ask(page, "read receipt.png", app.ASSETS / "receipt.png")
        page.wait_for_selector("#run-status :text('partly done')", timeout=30_000)
        color = page.eval_on_selector("#run-status p", "e => getComputedStyle(e).color")
        assert color == "rgb(180, 83, 9)", color  # amber


def test_3_and_4_settings_check_the_endpoint_and_name_the_controls(browser, tmp_path):  # noqa: F811
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{s.getsockname()[1]}/v1"
    with serve(lambda cfg: make_pipeline(), tmp_path / "s") as demo:
        page = open_page(browser, demo)
        page.click("#settings button:has-text('Settings')")
        page.wait_for_selector("#set-base-url", timeout=5_000)
        page.wait_for_timeout(500)
        page.fill("#set-base-url textarea, #set-base-url input", dead)
        page.click("#save-settings")
        page.wait_for_selector("#settings :text('Not applied')", timeout=20_000)
        assert "Nothing answers at" in page.inner_text("#settings-note")
        assert "Offline mode, no LLM" in page.inner_text("#capabilities")  # still offline: requests still work
        page.fill("#set-base-url textarea, #set-base-url input", "")
        page.check("#set-mode input[value=hybrid]")
        page.click("#save-settings")
        page.wait_for_selector("#settings :text('without a Hugging Face token')", timeout=20_000)
        assert "Hugging Face token in Settings" in page.inner_text("#settings-note")
        page.wait_for_selector("#capabilities :text('Hybrid mode')", timeout=10_000)
        shot(page, "3-settings-laptop")
        page.click("#forget-keys")
        page.wait_for_selector("#settings :text('nothing to forget')", timeout=10_000)


def test_5_the_trash_icon_is_new_conversation(browser, tmp_path):  # noqa: F811
    with serve(lambda cfg: make_pipeline(), tmp_path / "s") as demo:
        page = open_page(browser, demo)
        ask(page, "read receipt.png", app.ASSETS / "receipt.png")
        page.wait_for_selector("#run-status :text('done in')", timeout=30_000)
        page.locator("#chat button[aria-label='Clear']").first.click()
        page.wait_for_selector("#plan-graph :text('No tasks yet.')", timeout=10_000)
        ask(page, "hello")
        page.wait_for_selector("#run-status :text('done in')", timeout=30_000)
        assert "read receipt.png" not in page.inner_text("#chat")  # the cleared messages stay gone


def test_6_and_9_an_example_runs_on_click_and_answers_on_laptop_and_phone(browser, tmp_path):  # noqa: F811
    offline = Pipeline.from_config(Config(mode="offline"))
    with serve(lambda cfg: offline, tmp_path / "s", base=Config(mode="offline")) as demo:
        for name, viewport in (("laptop", LAPTOP), ("phone", PHONE)):
            page = open_page(browser, demo, viewport)
            # the empty chat welcomes; the chat, the input and the first example are on the first screen
            assert "Ask for something an AI model can do" in page.inner_text("#chat")
            for sel in ("#chat", "#request"):
                box = page.locator(sel).bounding_box()
                assert box and box["y"] + min(box["height"], 200) <= viewport["height"], (name, sel, box)
            example = page.locator("[data-testid=example], .gallery-item").first
            if name == "laptop":
                eb = example.bounding_box()
                assert eb["y"] + 40 < viewport["height"], eb
            # empty media boxes take no room
            assert page.locator("#outputs-gallery").is_hidden() and page.locator("#outputs-files").is_hidden()
            shot(page, f"9-welcome-{name}")
            example.click()
            page.wait_for_selector("#run-status :text('done in')", timeout=60_000)
            # the bot's row holds the steps (the OCR step shows the whole receipt) and then the answer
            answer = page.locator("#chat .message-row").last.locator(".message").last.inner_text()
            assert "The total is 10.50" in answer and "Cappuccino" not in answer  # an answer, not a dump
            page.wait_for_timeout(300)
            shot(page, f"6-answer-{name}")
            page.close()


def test_7_an_edited_plan_naming_etc_passwd_is_refused_in_the_chat(browser, tmp_path):  # noqa: F811
    with serve(lambda cfg: make_pipeline(), tmp_path / "s") as demo:
        page = open_page(browser, demo)
        ask(page, "read receipt.png", app.ASSETS / "receipt.png")
        page.wait_for_selector("#run-status :text('done in')", timeout=30_000)
        page.click("#plan-edit button:has-text('Edit the plan')")
        edited = [{"id": 0, "task": "image-to-text", "dep": [-1], "args": {"image": "/etc/passwd"}}]
        fill_plan(page, json.dumps(edited))
        page.click("#rerun")
        page.wait_for_selector("#chat :text('Cannot run this plan')", timeout=20_000)
        assert "/etc/passwd" in page.inner_text("#chat") and "receipt.png" in page.inner_text("#chat")
        shot(page, "7-refused-plan-laptop")


def test_9_and_10_panels_show_whole_names_audio_and_a_readable_plan(browser, tmp_path):  # noqa: F811
    with serve(lambda cfg: make_pipeline(), tmp_path / "s") as demo:
        page = open_page(browser, demo)
        ask(page, "read receipt.png", app.ASSETS / "receipt.png")
        page.wait_for_selector("#run-status :text('done in')", timeout=30_000)
        steps = page.inner_text("#plan-steps")
        assert "the output of task 0" in steps and "<GENERATED>" not in steps and "[-1]" not in steps
        # graph labels are whole, and fit their boxes
        for node in page.locator("#plan-graph g.task-node").all():
            text = node.locator("text").first.bounding_box()
            rect = node.locator("rect").bounding_box()
            assert text["x"] + text["width"] <= rect["x"] + rect["width"], node.inner_html()
        assert page.locator("#outputs-audio").is_visible()  # spoken output under Outputs
        page.click("#choices button:has-text('Model selection')")
        page.wait_for_selector("#choices table.choices", timeout=5_000)
        table = page.locator("#choices table.choices")
        assert table.evaluate("t => t.scrollWidth <= t.parentElement.clientWidth + 1")  # nothing clipped
        shot(page, "9-panels-laptop")
