"""One Hugging Face token runs everything: the controller LLM on a loopback stand-in of Hugging Face's
OpenAI-compatible router (checks the Bearer token, receives image content parts), vision-language
experts through the same router, the route in the trace."""

from __future__ import annotations

import json

import pytest
from fake_openai import FakeOpenAI, router_model
from PIL import Image

from hugginggpt.config import DEFAULT_ROUTER_MODEL, Config, config_for_visitor
from hugginggpt.llm.base import LLMError
from hugginggpt.orchestrator import Pipeline
from hugginggpt.types import FinalAnswer, Request, RunFailed

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


# what the router serves in these tests: the default (reads images) and a text model
SERVED = [router_model(DEFAULT_ROUTER_MODEL, inputs=("text", "image")), router_model("openai/gpt-oss-120b")]


@pytest.fixture
def router():
    with FakeOpenAI(responder=router_responder, api_key=TOKEN, models=SERVED) as server:
        yield server


def chat_calls(router: FakeOpenAI) -> list[dict]:
    return [r for r in router.requests if r["path"].endswith("/chat/completions")]


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
    route = trace["llm_route"]
    assert {k: route[k] for k in ("model", "route", "base_url", "vision")} == {
        "model": DEFAULT_ROUTER_MODEL,
        "route": "hf-router",
        "base_url": router.url,
        "vision": True,
    }
    assert "preference list" in route["picked"] and 0 <= route["listing_age_s"] < 60
    for tid in ("0", "1"):
        assert trace["choices"][tid]["backend"] == "vlm" and trace["choices"][tid]["model"] == DEFAULT_ROUTER_MODEL
        assert trace["choices"][tid]["reason"] == "reads the image itself"
        assert trace["results"][tid]["status"] == "done"
    assert "red square" in trace["results"]["0"]["outputs"]["text"]
    assert trace["results"]["1"]["outputs"]["text"] == "Red."
    assert final.answer.startswith("The picture shows a red square")
    # the model list once; plan, selection, two image calls, answer: all on the router, all with the token
    assert [r["path"] for r in router.requests].count("/v1/models") == 1
    assert len(chat_calls(router)) == 5
    assert {r["headers"]["authorization"] for r in router.requests} == {f"Bearer {TOKEN}"}
    assert {r["body"]["model"] for r in chat_calls(router)} == {DEFAULT_ROUTER_MODEL}
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


# ---- the router's model list decides the model (issue: the default stopped being served) ----------

VISION = "org/Vision-9B-Instruct"  # not on the preference list; the only served model that reads images
GONE_LISTING = [
    router_model("openai/gpt-oss-120b", providers=("cerebras", "groq", "novita")),  # preferred, text only
    router_model(VISION, inputs=("text", "image"), providers=("novita",)),
    router_model("org/Tiny-VL-2B-Instruct", inputs=("text", "image"), context=4096),  # too little context
    router_model("org/Old-VL-72B-Instruct", inputs=("text", "image"), status="error"),  # no live provider
    router_model("meta-llama/Llama-Guard-4-12B", inputs=("text", "image")),  # a safety classifier
]
VQA_PLAN = [
    {
        "task": "visual-question-answering",
        "id": 0,
        "dep": [-1],
        "args": {"image": "square.png", "text": "What colour is the square?"},
    }
]


def gone_responder(messages: list[dict]) -> str:
    system = messages[0]["content"] if isinstance(messages[0]["content"], str) else ""
    if system.startswith("You are the planner"):
        request = messages[-1]["content"]
        return json.dumps(VQA_PLAN) if "square.png" in request else "[]"
    if system.startswith("You choose one model"):
        return json.dumps({"0": {"id": VISION, "reason": "reads the image"}})
    if isinstance(messages[-1]["content"], list):
        return "Red."
    return "The square is red." if "Red." in json.dumps(messages) else "Hello! How can I help?"


@pytest.fixture
def gone_router():
    """A router that no longer serves the built-in default (its list lacks it, and it refuses calls)."""
    with FakeOpenAI(responder=gone_responder, api_key=TOKEN, models=GONE_LISTING) as server:
        server.refuse = {DEFAULT_ROUTER_MODEL}
        yield server


def test_default_gone_a_visual_question_goes_to_a_served_image_reader(gone_router, square, monkeypatch):
    monkeypatch.setenv("HF_TOKEN", TOKEN)
    monkeypatch.setenv("HUGGINGGPT_HF_ROUTER_URL", gone_router.url)
    pipeline = Pipeline.from_config(Config.from_env())
    final = pipeline.answer(Request("what colour is the square in square.png?", [square]))
    assert isinstance(final, FinalAnswer), final
    trace = final.trace
    route = trace["llm_route"]
    assert (route["model"], route["vision"]) == (VISION, True)
    assert "reading images" in route["picked"]
    assert trace["results"]["0"]["status"] == "done" and trace["results"]["0"]["outputs"]["text"] == "Red."
    assert (trace["results"]["0"]["backend"], trace["results"]["0"]["model"]) == ("vlm", VISION)
    assert final.answer == "The square is red."
    calls = chat_calls(gone_router)
    assert {c["body"]["model"] for c in calls} == {VISION}  # never the default, never a dropped model
    assert len(gone_router.images()) == 1
    # a request without images: the first served model of the preference list (text only), same list
    final = pipeline.answer(Request("hello there"))
    assert isinstance(final, FinalAnswer), final
    assert final.trace["llm_route"]["model"] == "openai/gpt-oss-120b" and not final.trace["llm_route"]["vision"]
    assert final.answer == "Hello! How can I help?"
    assert [r["path"] for r in gone_router.requests].count("/v1/models") == 1  # the list was cached


def test_owner_model_not_served_is_named_and_never_swapped(gone_router, square, monkeypatch, caplog):
    monkeypatch.setenv("HF_TOKEN", TOKEN)
    monkeypatch.setenv("HUGGINGGPT_HF_ROUTER_URL", gone_router.url)
    monkeypatch.setenv("HUGGINGGPT_LLM_MODEL", DEFAULT_ROUTER_MODEL)
    pipeline = Pipeline.from_config(Config.from_env())
    with caplog.at_level("WARNING"):
        final = pipeline.answer(Request("what colour is the square in square.png?", [square]))
    assert isinstance(final, RunFailed) and final.stage == "planning"
    message = final.message
    # one sentence: the model, a few served ones (image readers, as the request carries an image), the fixes
    assert message.startswith(f"The LLM model {DEFAULT_ROUTER_MODEL} is not served by Hugging Face's router now")
    assert VISION in message and "Tiny-VL" not in message and "Old-VL" not in message
    assert "LLM model name in Settings" in message and "HUGGINGGPT_LLM_MODEL" in message
    assert message.count(". ") == 0 and TOKEN not in message
    assert chat_calls(gone_router) == []  # no call to any other model: the owner's choice is not swapped
    owner = [r.getMessage() for r in caplog.records if "HUGGINGGPT_LLM_MODEL=" in r.getMessage()]
    assert owner and f"HUGGINGGPT_LLM_MODEL={DEFAULT_ROUTER_MODEL} is not served" in owner[0]
    assert gone_router.url in owner[0] and TOKEN not in owner[0]
    # `python -m hugginggpt tasks` says it too, and names no other model as the controller
    from hugginggpt.cli import _controller_llm

    name, note = _controller_llm(pipeline)
    assert name == DEFAULT_ROUTER_MODEL and note.startswith(message.split(";")[0])
    assert "it serves openai/gpt-oss-120b, org/Vision-9B-Instruct:" in note  # no image: every chat model


def test_refusal_mid_run_repicks_the_default_and_retries_once(square, monkeypatch):
    """A provider drops the model between the plan and the next call: the default is re-picked from a
    fresh list and the refused call retried once; the rest of the run uses the new model."""
    served = [
        router_model(DEFAULT_ROUTER_MODEL, inputs=("text", "image")),
        router_model("google/gemma-3-27b-it", inputs=("text", "image")),
    ]

    def drop_after_planning(messages: list[dict]) -> str:
        reply = router_responder(messages)
        if isinstance(messages[0]["content"], str) and messages[0]["content"].startswith("You are the planner"):
            router.refuse = {DEFAULT_ROUTER_MODEL}
            router.models = served[1:]
        return reply

    with FakeOpenAI(responder=drop_after_planning, api_key=TOKEN, models=served) as router:
        monkeypatch.setenv("HF_TOKEN", TOKEN)
        monkeypatch.setenv("HUGGINGGPT_HF_ROUTER_URL", router.url)
        pipeline = Pipeline.from_config(Config.from_env())
        final = pipeline.answer(Request("describe square.png and tell me the colour of the square", [square]))
        assert isinstance(final, FinalAnswer), final
        models = [c["body"]["model"] for c in chat_calls(router)]
        # plan on the default; the selection refused, re-picked, retried once; then the new model only
        assert models[:3] == [DEFAULT_ROUTER_MODEL, DEFAULT_ROUTER_MODEL, "google/gemma-3-27b-it"]
        assert set(models[3:]) == {"google/gemma-3-27b-it"} and len(models) == 6
        assert [r["path"] for r in router.requests].count("/v1/models") == 2  # read again after the refusal
        route = final.trace["llm_route"]
        assert route["model"] == "google/gemma-3-27b-it" and f"replaced {DEFAULT_ROUTER_MODEL}" in route["picked"]
        assert all(final.trace["results"][t]["status"] == "done" for t in ("0", "1"))
        assert final.answer.startswith("The picture shows a red square")

        # the next run starts on the re-picked model at once
        router.requests.clear()
        final = pipeline.answer(Request("describe square.png", [square]))
        assert isinstance(final, FinalAnswer), final
        assert {c["body"]["model"] for c in chat_calls(router)} == {"google/gemma-3-27b-it"}

        # when the re-picked model is refused too, the call fails (retried once, not in a loop)
        router.refuse = {"google/gemma-3-27b-it"}
        router.models = []
        router.requests.clear()
        final = pipeline.answer(Request("hello"))
        assert isinstance(final, RunFailed) and final.stage == "planning"
        assert final.message.startswith("Hugging Face's router at ") and "lists no chat model" in final.message
        assert len(chat_calls(router)) == 1


def test_owner_model_refused_mid_run_fails_with_the_sentence(square, monkeypatch):
    served = [
        router_model(DEFAULT_ROUTER_MODEL, inputs=("text", "image")),
        router_model("google/gemma-3-27b-it", inputs=("text", "image")),
    ]

    def drop_after_planning(messages: list[dict]) -> str:
        if isinstance(messages[0]["content"], str) and messages[0]["content"].startswith("You are the planner"):
            router.refuse = {DEFAULT_ROUTER_MODEL}
            router.models = served[1:]
        return router_responder(messages)

    with FakeOpenAI(responder=drop_after_planning, api_key=TOKEN, models=served) as router:
        cfg = Config(hf_token=TOKEN, hf_router_url=router.url, llm_model=DEFAULT_ROUTER_MODEL, mode="hybrid")
        final = Pipeline.from_config(cfg).answer(Request("describe square.png", [square]))
        assert isinstance(final, FinalAnswer), final  # the task's work is kept: its result is the answer
        assert f"The LLM model {DEFAULT_ROUTER_MODEL} is not served by Hugging Face's router now" in final.answer
        assert "google/gemma-3-27b-it" in final.answer and "HUGGINGGPT_LLM_MODEL" in final.answer
        # the controller's own calls (plan, selection, answer) never went to another model
        calls = chat_calls(router)
        text_calls = [c for c in calls if not any(isinstance(m["content"], list) for m in c["body"]["messages"])]
        assert {c["body"]["model"] for c in text_calls} == {DEFAULT_ROUTER_MODEL}
        assert final.trace["llm_route"]["model"] == DEFAULT_ROUTER_MODEL


def test_the_page_names_the_served_model_and_shows_the_sentence(gone_router, square, tmp_path):
    """The visitor's page: the status line after a run names the model the router served; a model chosen
    in Settings that the router does not serve ends in the sentence naming the Settings control."""
    from hugginggpt.ui.controller import Controller

    base = Config(hf_token=TOKEN, hf_router_url=gone_router.url, mode="hybrid", workdir=tmp_path / "runs")
    ctl = Controller(Pipeline.from_config, base, tmp_path / "sessions", 3600)
    *_, last = ctl.respond({"text": "what colour is the square in square.png?", "files": [str(square)]}, None, None)
    assert last.status.startswith("✅ done") and f"LLM {VISION}" in last.status
    settings = {"model": "gone/Model-70B-Instruct"}  # what Apply settings stores for a typed model name
    *_, last = ctl.respond({"text": "hello", "files": []}, None, settings)
    page = json.dumps(last.chat)
    assert "The LLM model gone/Model-70B-Instruct is not served by Hugging Face's router now" in page
    assert "LLM model name in Settings" in page and TOKEN not in page
    assert {c["body"]["model"] for c in chat_calls(gone_router)} == {VISION}  # no call for the pinned one
