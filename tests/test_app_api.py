"""The page driven through its API with gradio_client, launched in-process with deterministic pipelines."""

from __future__ import annotations

import contextlib
import json
import time
from pathlib import Path

import httpx
import pytest
from fakes import ScriptedChatModel
from gradio_client import Client, handle_file
from gradio_client.exceptions import AppError
from test_app import make_pipeline, write_png

import app
from hugginggpt.config import Config
from hugginggpt.llm.base import LLMError

# output positions of /chat and /run_plan (states are not API outputs)
CHAT, BOX, STATUS, GRAPH, PLAN, CHOICES, GALLERY, TEXT, FILES, TRACE, DOWNLOAD = range(11)


@contextlib.contextmanager
def serve(factory, root: Path, base: Config | None = None, **options):
    demo = app.queue(app.build_demo(factory, base_config=base or Config(), root=root, **options))
    demo.launch(prevent_thread_lock=True, quiet=True, **app.launch_kwargs(demo))
    try:
        yield demo
    finally:
        demo.close()


@pytest.fixture
def served(tmp_path):
    pipeline = make_pipeline()
    with serve(lambda cfg: pipeline, tmp_path / "sessions") as demo:
        yield demo


def texts(chat: list[dict]) -> list[str]:
    """The text parts of a chat history as the API returns it."""
    return [c["text"] for m in chat for c in m["content"] if c.get("type") == "text"]


def titles(chat: list[dict]) -> list[str]:
    return [(m.get("metadata") or {}).get("title") for m in chat if (m.get("metadata") or {}).get("title")]


def test_text_and_image_in_answer_and_panels_out(served, tmp_path):
    client = Client(served.local_url, verbose=False)
    img = write_png(tmp_path / "street.png")
    out = client.predict({"text": "What is in this picture?", "files": [handle_file(str(img))]}, api_name="/chat")
    chat = out[CHAT]
    assert chat[0]["role"] == "user" and texts(chat)[0] == "What is in this picture?"
    assert chat[1]["content"][0]["type"] == "file"  # the upload is shown in the chat
    assert titles(chat)[0] == "Plan (offline): 3 tasks"
    assert sorted(titles(chat)[1:]) == [  # tasks 0 and 1 run at once: either may start first
        "Task 0 · image-to-text · test/universal",
        "Task 1 · object-detection · test/universal",
        "Task 2 · text-to-speech · test/universal",
    ]
    assert all(m["metadata"]["status"] == "done" for m in chat if m.get("metadata"))
    media = [c["file"] for m in chat for c in m["content"] if c.get("type") == "file" and m["role"] == "assistant"]
    suffixes = {Path(f if isinstance(f, str) else f["path"]).suffix for f in media}
    assert suffixes == {".png", ".wav"}  # the task's image and audio, inline
    answer = texts(chat)[-1]
    assert answer and "street.png" in answer
    # the uploaded file became a resource by its name
    assert [t["args"] for t in json.loads(out[PLAN])][:2] == [{"image": "street.png"}] * 2
    assert out[GRAPH].count('data-state="done"') == 3
    assert "test/universal" in out[CHOICES]
    assert [g["caption"] for g in out[GALLERY]] == ["1: detection image"]  # what it is, by task
    assert "**Task 0 · image-to-text**" in out[TEXT] and "**Task 2 · text-to-speech**" in out[TEXT]
    assert len(out[FILES]) == 2
    assert out[TRACE]["plan_source"] == "offline" and set(out[TRACE]["tasks"]) == {"0", "1", "2"}
    assert out[STATUS].startswith("✅ done")
    record = json.loads(Path(out[DOWNLOAD]).read_text())
    assert record["request"] == "What is in this picture?" and record["answer"] == answer
    assert [t["task"] for t in record["plan"]] == ["image-to-text", "object-detection", "text-to-speech"]


def test_later_turns_use_earlier_files_and_keep_the_chat(served, tmp_path):
    client = Client(served.local_url, verbose=False, download_files=False)
    img = write_png(tmp_path / "first.png")
    first = client.predict({"text": "read it", "files": [handle_file(str(img))]}, api_name="/chat")
    second = client.predict({"text": "and once more, first.png", "files": []}, api_name="/chat")
    assert json.loads(second[PLAN])[0]["args"] == {"image": "first.png"}  # the earlier upload
    assert len(second[CHAT]) > len(first[CHAT])
    assert texts(second[CHAT])[: len(texts(first[CHAT]))] == texts(first[CHAT])
    assert "and once more, first.png" in texts(second[CHAT])
    # an earlier task's output is a resource too
    third = client.predict({"text": "now read t1-object-detection.png", "files": []}, api_name="/chat")
    assert json.loads(third[PLAN])[0]["args"] == {"image": "t1-object-detection.png"}
    assert third[STATUS].startswith("✅")


def test_bad_uploads_are_reported_and_the_page_keeps_working(served, tmp_path):
    client = Client(served.local_url, verbose=False)
    corrupt = tmp_path / "photo.png"
    corrupt.write_bytes(b"\x89PNG\r\n\x1a\n garbage")
    out = client.predict({"text": "look", "files": [handle_file(str(corrupt))]}, api_name="/chat")
    assert "Cannot use the upload" in texts(out[CHAT])[-1] and "photo.png" in texts(out[CHAT])[-1]
    doc = tmp_path / "notes.exe"
    doc.write_bytes(b"MZ\x90\x00")
    with pytest.raises(AppError, match="Invalid file type"):  # refused by the textbox itself (a toast)
        client.predict({"text": "look", "files": [handle_file(str(doc))]}, api_name="/chat")
    ok = client.predict(
        {"text": "look", "files": [handle_file(str(write_png(tmp_path / "good.png")))]}, api_name="/chat"
    )
    assert ok[STATUS].startswith("✅") and "good.png" in texts(ok[CHAT])[-1]


def test_a_down_llm_is_a_clear_error_then_the_next_request_works(tmp_path):
    llm = ScriptedChatModel(
        LLMError("Cannot reach the LLM at http://127.0.0.1:9/v1: start the server or fix OPENAI_BASE_URL")
    )
    pipeline = make_pipeline(llm=llm)
    with serve(lambda cfg: pipeline, tmp_path / "s") as demo:
        client = Client(demo.local_url, verbose=False)
        out = client.predict({"text": "hi", "files": []}, api_name="/chat")
        last = texts(out[CHAT])[-1]
        assert "Could not answer" in last and "(planning)" in last and "OPENAI_BASE_URL" in last
        assert out[STATUS] == "❌ failed" and "OPENAI_BASE_URL" in out[TRACE]["error"]
        llm.enqueue("[]", "Hello! Send me an image.")  # the LLM is back: no tools, a direct reply
        out = client.predict({"text": "hi again", "files": []}, api_name="/chat")
        assert texts(out[CHAT])[-1] == "Hello! Send me an image."
        assert out[TRACE]["llm"]["calls"] == 2


def test_a_failing_model_shows_its_error_and_the_run_still_answers(tmp_path):
    pipeline = make_pipeline(failing="object-detection")
    with serve(lambda cfg: pipeline, tmp_path / "s") as demo:
        client = Client(demo.local_url, verbose=False)
        out = client.predict(
            {"text": "x", "files": [handle_file(str(write_png(tmp_path / "a.png")))]}, api_name="/chat"
        )
        failed = [m for m in out[CHAT] if "failed" in ((m.get("metadata") or {}).get("title") or "")]
        assert len(failed) == 1 and "CUDA out of memory" in failed[0]["content"][0]["text"]
        assert 'data-task="1" data-state="failed"' in out[GRAPH]
        # honest status: answered, but not everything worked
        assert out[STATUS].startswith("⚠️ partly done") and "2 of 3 tasks worked" in out[STATUS]
        assert texts(out[CHAT])[-1]


def test_an_edited_plan_runs_without_replanning(served, tmp_path):
    client = Client(served.local_url, verbose=False)
    client.predict({"text": "read it", "files": [handle_file(str(write_png(tmp_path / "r.png")))]}, api_name="/chat")
    edited = json.dumps([{"id": 0, "task": "image-classification", "dep": [-1], "args": {"image": "r.png"}}])
    out = client.predict(edited, api_name="/run_plan")
    assert out[TRACE]["plan_source"] == "given"
    assert [t["task"] for t in json.loads(out[PLAN])] == ["image-classification"]
    assert "↻ read it (edited plan)" in texts(out[CHAT])
    bad = client.predict("[{not json", api_name="/run_plan")
    assert "Cannot run this plan" in texts(bad[CHAT])[-1] and "not valid JSON" in texts(bad[CHAT])[-1]


def test_env_secrets_never_reach_the_page(tmp_path, monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "sk-env-SECRET-123")
    monkeypatch.setenv("HF_TOKEN", "hf_env_SECRET_456")
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")
    pipeline = make_pipeline()
    with serve(lambda cfg: pipeline, tmp_path / "s", base=Config.from_env()) as demo:
        page = httpx.get(demo.local_url + "config").text + httpx.get(demo.local_url).text
        assert "SECRET" not in page
        assert "http://127.0.0.1:9/v1" in page  # non-secret defaults are shown
        out = Client(demo.local_url, verbose=False).predict({"text": "hello", "files": []}, api_name="/chat")
        assert "SECRET" not in json.dumps(out, default=str)
        assert "SECRET" not in Path(out[DOWNLOAD]).read_text()


def test_empty_message_asks_for_a_request(served):
    out = Client(served.local_url, verbose=False).predict({"text": "  ", "files": []}, api_name="/chat")
    assert out[STATUS].startswith("Type a request")


def test_idle_sessions_lose_their_files(tmp_path):
    pipeline = make_pipeline()
    root = tmp_path / "sessions"
    with serve(lambda cfg: pipeline, root, session_ttl=1.0) as demo:
        client = Client(demo.local_url, verbose=False, download_files=False)
        out = client.predict(
            {"text": "x", "files": [handle_file(str(write_png(tmp_path / "a.png")))]}, api_name="/chat"
        )
        assert out[STATUS].startswith("✅") and len(list(root.iterdir())) == 1
        deadline = time.monotonic() + 15
        while list(root.iterdir()) and time.monotonic() < deadline:
            time.sleep(0.25)
        assert list(root.iterdir()) == []  # gr.State expired: its delete_callback removed the folder
