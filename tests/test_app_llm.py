"""The page with a real OpenAI-compatible LLM (the loopback fake server): LLM plans, the answer streams."""

from __future__ import annotations

import json
import socket
import time

from fakes import universal_backend
from gradio_client import Client, handle_file
from test_app import write_png
from test_app_api import CHAT, PLAN, STATUS, TRACE, serve, texts

from hugginggpt.config import Config
from hugginggpt.llm.openai_compatible import OpenAICompatible
from hugginggpt.orchestrator import Pipeline

ANSWER = "The receipt in receipt.png was read and spoken aloud for you."


def llm_pipeline(cfg: Config) -> Pipeline:
    llm = OpenAICompatible(
        cfg.llm_model, api_key=cfg.openai_api_key, base_url=cfg.openai_base_url, timeout=5, retries=cfg.llm_retries
    )
    return Pipeline(cfg, llm=llm, backends=[universal_backend(0.2)])


def test_llm_plans_and_the_answer_streams_into_the_chat(fake_llm, tmp_path):
    plan = [
        {"id": 0, "task": "image-to-text", "dep": [-1], "args": {"image": "receipt.png"}},
        {"id": 1, "task": "text-to-speech", "dep": [0], "args": {"text": "<GENERATED>-0"}},
    ]
    fake_llm.responder = lambda messages: ANSWER if "receipt" in json.dumps(messages[-1]) else "[]"
    fake_llm.enqueue(json.dumps(plan))
    base = Config(openai_base_url=fake_llm.url, llm_model="fake-gpt", llm_selects=False)
    with serve(llm_pipeline, tmp_path / "s", base=base) as demo:
        client = Client(demo.local_url, verbose=False, download_files=False)
        img = write_png(tmp_path / "receipt.png")
        job = client.submit({"text": "Read receipt.png aloud", "files": [handle_file(str(img))]}, api_name="/chat")
        final = job.result(timeout=60)
        while not job.done():
            time.sleep(0.05)
        assert texts(final[CHAT])[-1] == ANSWER
        assert final[TRACE]["plan_source"] == "llm" and final[TRACE]["llm"]["calls"] >= 2
        assert [t["task"] for t in json.loads(final[PLAN])] == ["image-to-text", "text-to-speech"]
        # the answer arrived word by word: some update showed only its beginning
        # (an update that leaves the chat as it is carries no messages: gr.skip() arrives as a dict)
        chats = [o[CHAT] for o in job.outputs() if isinstance(o[CHAT], list)]
        partial = [texts(chat)[-1] for chat in chats if texts(chat)]
        assert any(ANSWER.startswith(p) and p != ANSWER for p in partial)
        # the planner saw the uploaded file by its name
        assert "receipt.png" in json.dumps(fake_llm.prompts()[0])


def test_an_unreachable_llm_is_reported_and_the_page_recovers(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{s.getsockname()[1]}/v1"  # nothing listens once closed
    base = Config(openai_base_url=dead, llm_retries=0)
    with serve(llm_pipeline, tmp_path / "s", base=base) as demo:
        client = Client(demo.local_url, verbose=False, download_files=False)
        for _ in range(2):
            out = client.predict({"text": "hello", "files": []}, api_name="/chat")
            assert out[STATUS] == "❌ failed"
            assert "Could not answer" in texts(out[CHAT])[-1] and "(planning)" in texts(out[CHAT])[-1]
