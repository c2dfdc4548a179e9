"""One Hugging Face token runs everything: the controller LLM on a loopback stand-in of Hugging Face's
OpenAI-compatible router (checks the Bearer token, receives image content parts), vision-language
experts through the same router, the route in the trace."""

from __future__ import annotations

import json

import pytest
from fake_openai import FakeOpenAI
from PIL import Image

from hugginggpt.config import DEFAULT_ROUTER_MODEL, Config, config_for_visitor
from hugginggpt.llm.base import LLMError
from hugginggpt.orchestrator import Pipeline
from hugginggpt.types import FinalAnswer, Request

TOKEN = "hf_owner_SECRET_111"
PLAN = [
    {"task": "image-to-text", "id": 0, "dep": [-1], "args": {"image": "square.png"}},
    {
        "task": "visual-question-answering",
        "id": 1,
        "dep": [-1],
        "args": {"image": "square.png", "text": "What colour is the square?"},
    },
]


def router_responder(messages: list[dict]) -> str:
    """The router's chat model: plans, picks the vision-language model, reads images, answers."""
    system = messages[0]["content"] if isinstance(messages[0]["content"], str) else ""
    if system.startswith("You are the planner"):
        return json.dumps(PLAN)
    if system.startswith("You choose one model"):
        pick = {"id": DEFAULT_ROUTER_MODEL, "reason": "reads the image itself"}
        return json.dumps({"0": pick, "1": pick})
    content = messages[-1]["content"]
    if isinstance(content, list):  # an image content part: the VLM expert
        text = next(p["text"] for p in content if p["type"] == "text")
        return "Red." if "Question:" in text else "A red square on a white background."
    return "The picture shows a red square; asked its colour, the model said red."


@pytest.fixture
def router():
    with FakeOpenAI(responder=router_responder, api_key=TOKEN) as server:
        yield server


@pytest.fixture
def square(tmp_path):
    path = tmp_path / "square.png"
    img = Image.new("RGB", (64, 64), (255, 255, 255))
    img.paste((220, 20, 20), (16, 16, 48, 48))
    img.save(path)
    return path


def test_only_hf_token_configures_the_router(monkeypatch):
    monkeypatch.setenv("HF_TOKEN", TOKEN)
    cfg = Config.from_env()
    route = cfg.llm_route()
    assert cfg.has_llm and route is not None
    assert (route.kind, route.model, route.base_url) == (
        "hf-router",
        DEFAULT_ROUTER_MODEL,
        "https://router.huggingface.co/v1",
    )
    assert route.vision and route.api_key == TOKEN
    assert TOKEN not in repr(route) and TOKEN not in json.dumps(route.describe())
    monkeypatch.setenv("HUGGINGGPT_LLM_MODEL", "Qwen/Qwen3-235B-A22B-Instruct-2507:cheapest")
    monkeypatch.setenv("HUGGINGGPT_HF_ROUTER_URL", "http://127.0.0.1:9/v1/")
    route = Config.from_env().llm_route()
    assert (route.model, route.base_url, route.vision) == (
        "Qwen/Qwen3-235B-A22B-Instruct-2507:cheapest",
        "http://127.0.0.1:9/v1",
        False,
    )


def test_openai_settings_win_over_the_router(monkeypatch):
    monkeypatch.setenv("HF_TOKEN", TOKEN)
    monkeypatch.setenv("OPENAI_API_KEY", "sk-x")
    route = Config.from_env().llm_route()
    assert (route.kind, route.model, route.api_key, route.base_url) == ("openai", "gpt-4.1-mini", "sk-x", None)
    assert route.vision  # gpt-4.1-mini reads images
    # a classic inference server for the experts (HUGGINGGPT_HF_BASE_URL) is not a router
    assert Config(hf_token=TOKEN, hf_base_url="http://127.0.0.1:9").llm_route() is None
    assert Config().llm_route() is None and not Config().has_llm


def test_a_run_with_only_hf_token(router, square, monkeypatch):
    """Plans, selects, captions the upload through the VLM expert, answers a visual question, answers:
    every call on the router, with the token, images as content parts."""
    monkeypatch.setenv("HF_TOKEN", TOKEN)
    monkeypatch.setenv("HUGGINGGPT_HF_ROUTER_URL", router.url)
    pipeline = Pipeline.from_config(Config.from_env())
    final = pipeline.answer(Request("describe square.png and tell me the colour of the square", [square]))
    assert isinstance(final, FinalAnswer), final
    trace = final.trace
    assert trace["plan_source"] == "llm"
    assert trace["llm_route"] == {
        "model": DEFAULT_ROUTER_MODEL,
        "route": "hf-router",
        "base_url": router.url,
        "vision": True,
    }
    for tid in ("0", "1"):
        assert trace["choices"][tid]["backend"] == "vlm" and trace["choices"][tid]["model"] == DEFAULT_ROUTER_MODEL
        assert trace["choices"][tid]["reason"] == "reads the image itself"
        assert trace["results"][tid]["status"] == "done"
    assert "red square" in trace["results"]["0"]["outputs"]["text"]
    assert trace["results"]["1"]["outputs"]["text"] == "Red."
    assert final.answer.startswith("The picture shows a red square")
    # plan, selection, two image calls, answer: all on the router, all with the token
    assert len(router.requests) == 5
    assert {r["headers"]["authorization"] for r in router.requests} == {f"Bearer {TOKEN}"}
    assert {r["body"]["model"] for r in router.requests} == {DEFAULT_ROUTER_MODEL}
    images = router.images()
    assert len(images) == 2 and all(u.startswith("data:image/png;base64,") for u in images)
    assert TOKEN not in json.dumps(trace, default=str)


def test_router_rejecting_the_token_says_so_without_the_token(router, monkeypatch):
    cfg = Config(hf_token="hf_wrong_SECRET", hf_router_url=router.url, mode="offline")
    pipeline = Pipeline.from_config(cfg)
    with pytest.raises(LLMError) as err:
        pipeline.llm.complete([{"role": "user", "content": "hi"}])
    message = str(err.value)
    assert "rejected the token (401)" in message and "SECRET" not in message
    assert router.requests[-1]["headers"]["authorization"] == "Bearer hf_wrong_SECRET"


def test_visitor_token_replaces_the_owner_token(router, square):
    """A signed-in visitor's run uses the visitor's token for the router, and no other."""
    visitor = TOKEN  # the router stand-in accepts only this one
    base = Config(hf_token="hf_owner_OTHER_222", hf_router_url=router.url)
    assert config_for_visitor(base, None) is base and config_for_visitor(base, "  ") is base
    cfg = config_for_visitor(base, visitor)
    assert cfg.hf_token == visitor and cfg.mode == "hybrid"  # offline by default -> hybrid with a token
    assert config_for_visitor(Config(mode="offline", mode_set=True), visitor).mode == "offline"
    final = Pipeline.from_config(cfg).answer(Request("describe square.png", [square]))
    assert isinstance(final, FinalAnswer), final
    assert router.requests and {r["headers"]["authorization"] for r in router.requests} == {f"Bearer {visitor}"}
