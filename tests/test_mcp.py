"""The app as an MCP server, driven by the `mcp` Python client over streamable HTTP: the app launched
in-process on 127.0.0.1, the tools listed and called as an agent would."""

from __future__ import annotations

import asyncio
import base64
import io
import json
import threading
import time
from dataclasses import replace
from pathlib import Path

import httpx
import numpy as np
import pytest
from gradio_client import Client, handle_file
from mcp import ClientSession
from mcp.client.streamable_http import streamable_http_client
from mcp.types import CallToolResult, ImageContent, TextContent
from PIL import Image
from test_app import make_pipeline, write_png
from test_app_api import serve

from hugginggpt.config import Config
from hugginggpt.orchestrator import Pipeline

ASSETS = Path(__file__).resolve().parent.parent / "assets"


def data_uri(path: Path, media_type: str = "image/png", name: bool = False) -> str:
    """The file as a data: URI; `name`: with its file name (a `name=` parameter)."""
    named = f";name={path.name}" if name else ""
    return f"data:{media_type}{named};base64," + base64.b64encode(path.read_bytes()).decode()


def mcp_url(demo) -> str:
    return demo.local_url + "gradio_api/mcp/"


async def _session(demo, headers: dict | None, work):
    async with httpx.AsyncClient(headers=headers, timeout=httpx.Timeout(30, read=300)) as http:
        async with streamable_http_client(mcp_url(demo), http_client=http) as (read, write, _):
            async with ClientSession(read, write) as session:
                await session.initialize()
                return await work(session)


def with_session(demo, work, headers: dict | None = None):
    """Run `await work(session)` in one MCP session of the served app."""
    return asyncio.run(_session(demo, headers, work))


def call(demo, tool: str, arguments: dict, headers: dict | None = None, progress: list | None = None):
    async def work(session: ClientSession) -> CallToolResult:
        async def on_progress(value, total, message):
            if progress is not None:
                progress.append(message)

        return await session.call_tool(tool, arguments, progress_callback=on_progress)

    return with_session(demo, work, headers)


def texts(result: CallToolResult) -> list[str]:
    return [c.text for c in result.content if isinstance(c, TextContent)]


@pytest.fixture(scope="module")
def offline(tmp_path_factory):
    """The app with the real offline pipeline (embedded planner and models), as `python app.py` serves it."""
    pipeline = Pipeline.from_config(Config(mode="offline"))
    with serve(lambda cfg: pipeline, tmp_path_factory.mktemp("sessions"), Config(mode="offline")) as demo:
        yield demo


def test_the_tools_are_few_and_each_is_described(offline):
    tools = with_session(offline, lambda s: s.list_tools()).tools
    assert sorted(t.name for t in tools) == ["list_tasks", "plan_request", "run_request"]  # no UI handler
    for tool in tools:
        assert len(tool.description) > 150, tool.name  # the docstring: what it does, when to use it
        for name, schema in tool.inputSchema["properties"].items():
            assert len(schema.get("description", "")) > 20, (tool.name, name)
    run = next(t for t in tools if t.name == "run_request")
    assert run.inputSchema["required"] == ["request"]
    assert {"type": "array", "items": {"type": "string"}} in run.inputSchema["properties"]["files"]["oneOf"]
    assert "data: URI" in run.inputSchema["properties"]["files"]["description"]


def test_run_answers_the_receipt_question_from_a_data_uri(offline):
    progress: list = []
    result = call(
        offline,
        "run_request",
        {"request": "what is the total on the receipt?", "files": [data_uri(ASSETS / "receipt.png")]},
        progress=progress,
    )
    assert not result.isError, texts(result)
    answer = texts(result)[0]
    assert "10.50" in answer
    assert "document-question-answering" in answer and ": done" in answer  # the steps that ran
    # progress notifications reached the client: the run's stages, not only Gradio's queue
    assert any(m and "planning" in m for m in progress), progress
    assert any(m and "running the tasks" in m for m in progress), progress


def test_an_image_output_comes_back_as_image_content(offline, tmp_path):
    photo = Image.new("RGB", (64, 48))
    photo.putdata([(4 * x, 200 - 3 * y, 90) for y in range(48) for x in range(64)])
    photo.save(tmp_path / "street.png")
    result = call(
        offline, "run_request", {"request": "Make it black and white", "files": [data_uri(tmp_path / "street.png")]}
    )
    assert not result.isError, texts(result)
    images = [c for c in result.content if isinstance(c, ImageContent)]
    assert len(images) == 1 and images[0].mimeType == "image/png"
    out = Image.open(io.BytesIO(base64.b64decode(images[0].data)))
    assert out.size == (64, 48)
    rgb = np.asarray(out.convert("RGB")).astype(int)
    assert (rgb[..., 0] == rgb[..., 1]).all() and (rgb[..., 1] == rgb[..., 2]).all()  # gray, the photo was colour
    assert len(np.unique(rgb[..., 0])) > 10  # and still a picture, not a blank
    # the file has a URL too, which this server serves
    url = next(t.split("Image URL: ", 1)[1] for t in texts(result) if t.startswith("Image URL: "))
    r = httpx.get(url)
    assert r.status_code == 200 and Image.open(io.BytesIO(r.content)).size == (64, 48)


def test_bad_input_is_an_error_the_client_reads_and_the_server_goes_on(offline, tmp_path):
    receipt = data_uri(ASSETS / "receipt.png")
    bad = {
        "not a URL": (
            {"request": "read this", "files": ["/etc/passwd"]},
            "files[0]: '/etc/passwd' is neither an http(s) URL nor a data: URI",
        ),
        "a file: URL": ({"request": "read this", "files": ["file:///etc/passwd"]}, "neither an http(s) URL"),
        "a type nothing reads": (
            {"request": "read this", "files": [receipt, "data:application/pdf;base64,JVBERi0xLjQK"]},
            "files[1] (application/pdf): file-2.pdf: this type of file is not supported",
        ),
        "a corrupt image": (
            {"request": "read this", "files": ["data:image/png;base64," + base64.b64encode(b"not a png").decode()]},
            "not a readable image",
        ),
        "broken base64": ({"request": "read this", "files": ["data:image/png;base64,%%%"]}, "base64 data is not valid"),
        "an empty request": ({"request": "  ", "files": [receipt]}, "The request is empty"),
        "another host of this machine": (
            {"request": "read this", "files": ["http://127.0.0.1:9/receipt.png"]},
            "127.0.0.1 is not a public address",
        ),
        "a private network": (
            {"request": "read this", "files": ["http://10.0.0.7/receipt.png"]},
            "10.0.0.7 is not a public address",
        ),
    }

    async def work(session: ClientSession):
        out = {}
        for name, (arguments, _) in bad.items():
            out[name] = await session.call_tool("run_request", arguments)
        out["plan"] = await session.call_tool("plan_request", {"request": "read it", "files": ["ftp://x/y.png"]})
        out["after"] = await session.call_tool("run_request", {"request": "what is the total?", "files": [receipt]})
        return out

    results = with_session(offline, work)
    for name, (_, expected) in bad.items():
        assert results[name].isError, name
        assert expected in texts(results[name])[0], (name, texts(results[name]))
    assert results["plan"].isError and "neither an http(s) URL nor a data: URI" in texts(results["plan"])[0]
    assert not results["after"].isError and "10.50" in texts(results["after"])[0]  # the next call works


def test_a_file_link_of_this_server_is_read(offline, tmp_path):
    """An agent that uploaded a file through the app's API (or got one from an earlier call) passes its
    /gradio_api/file= URL; another URL on the same machine is refused (see above)."""
    img = write_png(tmp_path / "label.png")
    with open(img, "rb") as f:
        r = httpx.post(offline.local_url + "gradio_api/upload", files={"files": ("label.png", f, "image/png")})
    path = r.json()[0]
    result = call(
        offline,
        "plan_request",
        {"request": "describe this photo", "files": [f"{offline.local_url}gradio_api/file={path}"]},
    )
    assert not result.isError, texts(result)
    plan = json.loads(texts(result)[0])
    assert plan["files"] == ["label.png"]
    assert plan["tasks"] and plan["tasks"][0]["args"]["image"] == "label.png"


def test_plan_only(offline):
    result = call(offline, "plan_request", {"request": 'read "the museum closes at six" aloud'})
    assert not result.isError, texts(result)
    plan = json.loads(texts(result)[0])
    assert plan["planned_by"] == "offline" and plan["files"] == []
    assert [t["task"] for t in plan["tasks"]] == ["text-to-speech"]
    assert plan["tasks"][0]["does"] and plan["cannot_run"] == []


def test_list_tasks_says_what_the_mode_runs_and_why_not_the_rest(offline):
    result = call(offline, "list_tasks", {})
    assert not result.isError, texts(result)
    listing = json.loads(texts(result)[0])
    assert listing["mode"] == "offline" and listing["llm"] is None
    can = {t["task"]: t for t in listing["can_run"]}
    assert {"image-to-text", "automatic-speech-recognition", "text-to-speech"} <= set(can)
    assert can["text-to-speech"]["inputs"] == ["text"] and can["text-to-speech"]["outputs"] == ["audio"]
    assert all(t["models"] for t in listing["can_run"])
    why = {t["task"]: t["why"] for t in listing["cannot_run"]}
    assert "text-to-image" in why and "HF_TOKEN" in why["text-to-image"]


def test_a_callers_hugging_face_token_is_used_like_a_signed_in_visitors(tmp_path):
    configs: list[Config] = []

    def factory(cfg: Config) -> Pipeline:
        configs.append(cfg)
        return make_pipeline()

    with serve(factory, tmp_path / "sessions") as demo:
        plain = json.loads(texts(call(demo, "list_tasks", {}))[0])
        signed = json.loads(texts(call(demo, "list_tasks", {}, headers={"Authorization": "Bearer hf_caller"}))[0])
        other = call(demo, "list_tasks", {}, headers={"Authorization": "Bearer sk-not-hugging-face"})
    assert plain["mode"] == "offline" and signed["mode"] == "hybrid"  # a token turns the default mode hybrid
    assert [c.hf_token for c in configs] == [None, "hf_caller"]  # one pipeline per configuration
    assert not other.isError  # another scheme of key is not a Hugging Face token: the server's config


def test_a_run_waits_for_the_same_slots_as_the_page(tmp_path):
    """One slot and no room to wait: while a page visitor's run holds it, an MCP run is told the server is
    busy; once it is free, the MCP run goes through."""
    img = write_png(tmp_path / "cat.png")
    with serve(lambda cfg: make_pipeline(latency=1.5), tmp_path / "sessions", max_runs=1, max_waiting=0) as demo:
        client = Client(demo.local_url, verbose=False)
        page = client.submit({"text": "What is in this picture?", "files": [handle_file(str(img))]}, api_name="/chat")
        deadline = time.monotonic() + 20
        while demo.controller._admitted == 0 and time.monotonic() < deadline:  # the page's run took the slot
            time.sleep(0.05)
        busy = call(demo, "run_request", {"request": "What is in this picture?", "files": [data_uri(img, name=True)]})
        page.result(timeout=60)
        after = call(demo, "run_request", {"request": "What is in this picture?", "files": [data_uri(img, name=True)]})
    assert busy.isError and "The server is busy" in texts(busy)[0]
    assert not after.isError and "cat.png" in texts(after)[0]


def test_each_call_leaves_no_files_behind(tmp_path):
    with serve(lambda cfg: make_pipeline(), tmp_path / "sessions") as demo:
        img = data_uri(write_png(tmp_path / "cat.png"))
        result = call(demo, "run_request", {"request": "What is in this picture?", "files": [img]})
        assert not result.isError, texts(result)
        assert [c.mimeType for c in result.content if isinstance(c, ImageContent)] == ["image/png"]
        left = [p for p in (tmp_path / "sessions").rglob("*") if p.is_file()]
    assert left == []  # the call's conversation and its inbox are gone; the outputs live in Gradio's cache


def test_calls_at_once_each_get_their_own_answer(tmp_path):
    with serve(lambda cfg: make_pipeline(latency=0.3), tmp_path / "sessions") as demo:
        names = ["alpha.png", "bravo.png", "charlie.png"]
        results: dict[str, CallToolResult] = {}

        def one(name: str) -> None:
            img = data_uri(write_png(tmp_path / name), name=True)
            results[name] = call(demo, "run_request", {"request": f"What is in {name}?", "files": [img]})

        threads = [threading.Thread(target=one, args=(n,)) for n in names]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
    for name in names:
        assert not results[name].isError, texts(results[name])
        answer = texts(results[name])[0]
        assert name in answer and not any(other in answer for other in names if other != name)


def test_a_task_past_the_time_limit_ends_the_call_with_what_ran(tmp_path):
    """The page's per-task time limit holds over MCP: a model that takes too long fails its task, the
    call returns when the limit is up (not when the model would have finished) and says so."""
    slow = make_pipeline(latency=4.0)
    slow.config = replace(slow.config, task_timeout=0.5)
    img = data_uri(write_png(tmp_path / "cat.png"), name=True)
    with serve(lambda cfg: slow, tmp_path / "sessions") as demo:
        start = time.monotonic()
        result = call(demo, "run_request", {"request": "What is in this picture?", "files": [img]})
        took = time.monotonic() - start
    assert not result.isError, texts(result)
    assert took < 3.5, took
    answer = texts(result)[0]
    assert "task 0 image-to-text (test/universal): failed: timed out after 0.5 s" in answer


def test_the_tool_answer_names_files_not_server_paths():
    """RunView keeps the answer public (server paths become file names, the owner's part left out):
    the MCP result says it as kept."""
    from hugginggpt.types import FinalAnswer
    from hugginggpt.ui import mcp_tools
    from hugginggpt.ui import view as v

    view = v.RunView("hi")
    view.apply(FinalAnswer(answer="  Saved in /tmp/hg/session-1/t0-boxes.png (server: set HF_TOKEN).  ", trace={}))
    text = mcp_tools._result(None, view)[0]
    assert text.splitlines()[0] == "Saved in t0-boxes.png." and "/tmp" not in text


def test_the_tool_progress_says_waiting_from_the_updates_queued_state(tmp_path):
    """The progress reads the Update's queued flag, not the status line's words."""
    from hugginggpt.ui import mcp_tools
    from hugginggpt.ui import view as v
    from hugginggpt.ui.controller import Update
    from hugginggpt.ui.sessions import UserState

    user = UserState.create(tmp_path)
    user.begin(v.RunView("x"), [])
    seen: list[tuple] = []

    def progress(value, desc):
        seen.append((value, desc))

    mcp_tools._report(progress, Update(user, status="⏳ 3 s", queued=True))
    mcp_tools._report(progress, Update(user, status="⏳ planning… 3 s"))
    assert seen == [((0, None), "waiting for a free slot (the server is busy)"), ((0, None), "planning")]
