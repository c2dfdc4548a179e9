"""The page in a real browser: Debian's chromium driven by Playwright (never `playwright install`).

Missing chromium or playwright is a failure, not a skip: CI installs both (apt-get install -y chromium;
pip install playwright).
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from fakes import ScriptedChatModel
from test_app import make_pipeline
from test_app_api import serve

import app

CHROMIUM = os.environ.get("HUGGINGGPT_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.browser


@pytest.fixture
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install it with `apt-get install -y chromium` (the browser test must run)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("playwright is not installed: `pip install playwright` (never `playwright install`)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield b
        finally:
            b.close()


def fill_plan(page, text: str) -> None:
    """Type `text` into the opened plan editor. The accordion mounts the editor on opening and the JSON
    highlighting loads after it, re-creating the editor's view (typing before that can be lost, and the old
    plan runs again): type only into the finished editor (a plan in it, highlighted), then check that it holds
    `text` and nothing else."""
    editor = "document.querySelector('#plan-json .cm-content')"
    page.wait_for_function(
        f"() => {{ const e = {editor}; return e && e.textContent.includes('task') && e.querySelector('span'); }}",
        timeout=30_000,
    )
    page.wait_for_timeout(300)
    page.locator("#plan-json .cm-content").fill(text)
    same = f"{editor}.textContent.replace(/\\s/g, '') === {json.dumps(text)}.replace(/\\s/g, '')"
    page.wait_for_function(f"() => {same}", timeout=10_000)


def test_upload_ask_and_watch_the_panels(browser, tmp_path):
    pipeline = make_pipeline(latency=0.3)
    with serve(lambda cfg: pipeline, tmp_path / "sessions") as demo:
        page = browser.new_page(viewport={"width": 1400, "height": 1100})
        page.goto(demo.local_url, wait_until="load")
        page.wait_for_selector("#request [data-testid=textbox]", timeout=30_000)
        # without a key the page says what offline can do and how to add a key
        page.wait_for_selector("#capabilities :text('Offline mode')", timeout=15_000)
        assert "image-to-text" in page.text_content("#capabilities")  # folded under the one-line banner

        page.set_input_files("#request input[type=file]", str(app.ASSETS / "receipt.png"))
        page.wait_for_selector("#request img", timeout=15_000)  # the upload's thumbnail
        page.fill("#request [data-testid=textbox]", "Read the text in this receipt")
        page.click("#request [data-testid=submit-button]")

        page.wait_for_selector("#run-status :text('done in')", timeout=60_000)
        chat = page.inner_text("#chat")
        assert "Read the text in this receipt" in chat
        assert "Task 0 · image-to-text · test/universal" in chat and "Plan (offline): 3 tasks" in chat
        assert "receipt.png" in chat  # the answer names the resource
        # the spoken output has an inline player
        assert page.locator("#chat [data-testid=waveform-Audio] button[aria-label=Play]").count() == 1
        assert page.locator("#chat img").count() >= 2  # the upload and the detection image

        # plan panel: the JSON and the graph with every task done
        assert page.locator("#plan-graph svg g.task-node[data-state=done]").count() == 3
        # the plan for people (names, what each uses), the JSON for those who edit it
        steps = page.inner_text("#plan-steps")
        assert "read the text in an image" in steps or "image-to-text" in steps
        assert "the output of task 0" in steps and "<GENERATED>" not in steps and "-1" not in steps
        page.click("#plan-edit button:has-text('Edit the plan')")
        assert '"image-to-text"' in page.inner_text("#plan-json")
        # outputs panel: the gallery shows the task's image, labelled by task
        assert page.locator("#outputs-gallery img").count() >= 1
        assert "Task 2 · text-to-speech" in page.inner_text("#outputs")
        # model selection and settings open on click; keys are password fields
        page.click("#choices button:has-text('Model selection')")
        page.wait_for_selector("#choices table.choices", timeout=5_000)
        page.click("#settings button:has-text('Settings')")
        page.wait_for_selector("#settings input[type=password]", timeout=5_000)
        assert page.locator("#settings input[type=password]").count() == 2

        shot = tmp_path / "hugginggpt-page.png"
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 20_000
        if out := os.environ.get("HUGGINGGPT_SCREENSHOTS"):
            shutil.copy(shot, Path(out) / shot.name)

        # a bad upload is explained in the chat and the next request still works
        bad = tmp_path / "broken.png"
        bad.write_bytes(b"\x89PNG\r\n\x1a\n not an image")
        page.set_input_files("#request input[type=file]", str(bad))
        page.wait_for_timeout(500)
        page.fill("#request [data-testid=textbox]", "and this one?")
        page.click("#request [data-testid=submit-button]")
        page.wait_for_selector("#chat :text('Cannot use the upload')", timeout=30_000)
        page.fill("#request [data-testid=textbox]", "hello")
        page.click("#request [data-testid=submit-button]")
        page.wait_for_selector("#run-status :text('done in')", timeout=30_000)


def test_settings_stay_in_the_session_and_an_edited_plan_reruns(browser, tmp_path):
    from fake_openai import FakeOpenAI

    llm_server = FakeOpenAI(api_key="sk-typed-SECRET-789", models=[{"id": "gpt-4.1-mini"}]).start()
    seen = []

    def factory(cfg):
        seen.append(cfg)
        return make_pipeline(llm=ScriptedChatModel() if cfg.has_llm else None)

    with serve(factory, tmp_path / "sessions") as demo:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(demo.local_url, wait_until="load")
        page.wait_for_selector("#request [data-testid=textbox]", timeout=30_000)

        # a key typed in Settings reaches this session's pipeline and is never shown again
        page.click("#settings button:has-text('Settings')")
        key = page.locator("#settings input[type=password]").first
        key.wait_for(state="visible", timeout=5_000)
        page.wait_for_timeout(500)  # the accordion mounts its children on opening: type into the final input
        page.fill("#set-base-url textarea, #set-base-url input", llm_server.url)
        key.fill("sk-typed-SECRET-789")
        assert key.input_value() == "sk-typed-SECRET-789"
        page.click("#save-settings")
        page.wait_for_selector("#settings :text('Your API key is set')", timeout=20_000)
        assert key.input_value() == ""
        assert "SECRET" not in page.content()
        assert seen[-1].openai_api_key == "sk-typed-SECRET-789" and seen[-1].mode == "offline"
        assert "LLM gpt-4.1-mini" in page.inner_text("#capabilities")
        # another browser session does not get it
        other = browser.new_page()
        other.goto(demo.local_url, wait_until="load")
        other.wait_for_selector("#capabilities :text('Offline mode, no LLM')", timeout=15_000)
        other.close()
        # forgetting the key says so; clearing the URL goes back to the server's defaults
        page.click("#forget-keys")
        page.wait_for_selector("#settings :text('Your API key was forgotten')", timeout=10_000)
        page.fill("#set-base-url textarea, #set-base-url input", "")
        page.click("#save-settings")
        page.wait_for_selector("#capabilities :text('Offline mode, no LLM')", timeout=10_000)
        llm_server.stop()

        page.set_input_files("#request input[type=file]", str(app.ASSETS / "house.png"))
        page.wait_for_selector("#request img", timeout=15_000)
        page.fill("#request [data-testid=textbox]", "What is in this picture?")
        page.click("#request [data-testid=submit-button]")
        page.wait_for_selector("#run-status :text('done in')", timeout=60_000)
        assert page.locator("#plan-graph svg g.task-node").count() == 3

        # edit the plan down to one task and run it without planning again
        edited = '[{"id": 0, "task": "image-classification", "dep": [-1], "args": {"image": "house.png"}}]'
        page.click("#plan-edit button:has-text('Edit the plan')")
        fill_plan(page, edited)
        page.click("#rerun")
        page.wait_for_selector("#chat :text('(edited plan)')", timeout=30_000)
        page.wait_for_selector("#run-status :text('done in')", timeout=60_000)
        # the first run's "done" status and 3-node graph are still on the page until the rerun's arrive:
        # wait for the rerun's own graph (one node, done), not for anything the old page already shows
        try:
            page.wait_for_function(
                "() => { const n = document.querySelectorAll('#plan-graph svg g.task-node');"
                " return n.length === 1 && n[0].getAttribute('data-state') === 'done'; }",
                timeout=60_000,
            )
        except Exception as e:  # say what the page showed instead: a timeout alone does not tell
            nodes = page.locator("#plan-graph svg g.task-node")
            states = [nodes.nth(i).get_attribute("data-state") for i in range(nodes.count())]
            raise AssertionError(
                f"rerun graph never showed one done node; nodes {states}, status {page.inner_text('#run-status')!r},"
                f" chat tail {page.inner_text('#chat')[-600:]!r}"
            ) from e
        assert page.locator("#plan-graph svg g.task-node").count() == 1
        assert "image-classification" in page.locator("#plan-graph svg").text_content()
        page.click("#trace button:has-text('Trace')")
        page.wait_for_selector("#trace :text('given')", timeout=10_000)
        shot = tmp_path / "hugginggpt-rerun.png"
        page.screenshot(path=str(shot), full_page=True)
        if out := os.environ.get("HUGGINGGPT_SCREENSHOTS"):
            shutil.copy(shot, Path(out) / shot.name)

        # a new conversation forgets the chat and the files
        page.click("#new-chat")
        page.wait_for_selector("#plan-graph :text('No tasks yet.')", timeout=10_000)
        assert "What is in this picture?" not in page.inner_text("#chat")
        page.fill("#request [data-testid=textbox]", "hello")
        page.click("#request [data-testid=submit-button]")
        page.wait_for_selector("#run-status :text('done in')", timeout=30_000)
        assert page.locator("#plan-graph svg").count() == 0  # house.png is gone: nothing to plan with
        assert "What is in this picture?" not in page.inner_text("#chat")
