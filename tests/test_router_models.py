"""The router's model list: its shape read tolerantly, the choice rule, the "not served" sentence, and the
cached listing against a loopback router (one GET an hour, again after a refusal, failures remembered)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from fake_openai import FakeOpenAI, count_tokens, router_model

from hugginggpt.capabilities import Capabilities
from hugginggpt.config import DEFAULT_ROUTER_MODEL, Config
from hugginggpt.experts.registry import ExpertRegistry
from hugginggpt.llm import router_models
from hugginggpt.llm.router_models import (
    MIN_CONTEXT_TOKENS,
    PREFERRED,
    RouterModels,
    choose,
    image_readers,
    not_served,
    parse_listing,
)
from hugginggpt.planning.prompt import build_messages
from hugginggpt.ui.controller import check_endpoint

TOKEN = "hf_listing_SECRET_42"


def listing(*rows):
    return parse_listing({"object": "list", "data": list(rows)})


def test_the_router_shape_is_read_and_odd_entries_tolerated():
    got = listing(
        router_model("a/Chat-Instruct", providers=("novita", "groq"), context=32768),
        router_model("b/VL-Instruct", inputs=("text", "image"), context=None),
        router_model("c/Down-Instruct", status="error"),
        {"id": "d/plain"},  # a plain OpenAI-compatible entry: served, capabilities unknown
        {"id": "e/painter", "architecture": {"input_modalities": ["text"], "output_modalities": ["image"]}},
        {"id": ""},
        "not a row",
        {"id": "f/mixed", "providers": [{"provider": "x", "status": "staging"}, {"provider": "y"}]},
    )
    by_id = {m.id: m for m in got.models}
    assert set(by_id) == {"a/Chat-Instruct", "b/VL-Instruct", "d/plain", "f/mixed"}
    assert by_id["a/Chat-Instruct"].providers == ("novita", "groq") and by_id["a/Chat-Instruct"].context_length == 32768
    assert by_id["a/Chat-Instruct"].reads_images is False and by_id["b/VL-Instruct"].reads_images is True
    assert by_id["b/VL-Instruct"].context_length is None
    assert by_id["d/plain"].providers == ("?",) and by_id["d/plain"].reads_images is None
    assert by_id["f/mixed"].providers == ("y",)  # a provider without a status counts as live
    assert 0 <= got.age() < 5
    for bad in ({"models": []}, [], "<html>"):
        with pytest.raises(ValueError):
            parse_listing(bad)


def test_model_suffixes():
    got = listing(router_model("a/M", providers=("novita",)), {"id": "d/plain"})
    assert got.serves("a/M") and got.serves("a/M:cheapest") and got.serves("a/M:fastest")
    assert got.serves("a/M:novita") and not got.serves("a/M:groq")  # that provider does not serve it
    assert got.serves("d/plain:groq")  # the listing does not say which providers: not refused on a guess
    assert not got.serves("z/Other")


def test_the_choice_rule():
    text = router_model("openai/gpt-oss-120b", providers=("cerebras", "groq"))
    vision = router_model("org/Eye-VL-Instruct", inputs=("text", "image"), providers=("novita",))
    busy = router_model("org/Popular-Instruct", providers=("a", "b", "c", "d"))
    small = router_model("org/Tiny-VL-Instruct", inputs=("text", "image"), context=MIN_CONTEXT_TOKENS - 1)
    guard = router_model("meta-llama/Llama-Guard-4-12B", inputs=("text", "image"), providers=("a", "b", "c", "d", "e"))
    base = router_model("org/Big-Base", providers=("a", "b", "c", "d", "e"))
    served = listing(text, vision, busy, small, guard, base)
    # the preference list first, for a text request
    plain = choose(served)
    assert plain.model.id == "openai/gpt-oss-120b" and "preference list" in plain.why
    # a request with images: a model that reads them, even off the preference list
    seeing = choose(served, images=True)
    assert seeing.model.id == "org/Eye-VL-Instruct" and "reading images" in seeing.why
    # nothing preferred served: the most providers (not a guard, base or small-context model)
    rest = choose(served, exclude={"openai/gpt-oss-120b"})
    assert rest.model.id == "org/Popular-Instruct" and "most providers" in rest.why
    # no image reader left: the text model, and the images go to the experts
    blind = choose(served, images=True, exclude={"org/Eye-VL-Instruct"})
    assert blind.model.id == "openai/gpt-oss-120b" and "experts read them" in blind.why
    assert choose(listing(guard, base, small)) is None
    assert [m.id for m in image_readers(served)] == ["org/Eye-VL-Instruct"]
    # the built-in default is the first preference, so a router that serves it keeps it
    assert PREFERRED[0] == DEFAULT_ROUTER_MODEL
    assert choose(listing(text, router_model(DEFAULT_ROUTER_MODEL, inputs=("text", "image")))).model.id == (
        DEFAULT_ROUTER_MODEL
    )


def test_the_planning_prompt_fits_the_minimum_context():
    """MIN_CONTEXT_TOKENS holds the longest planning prompt (every task listed with the capability note,
    the whole history budget) and room for the reply."""
    history = [{"role": "user" if i % 2 == 0 else "assistant", "content": "word " * 200} for i in range(40)]
    caps = Capabilities(ExpertRegistry([]), mode="offline")  # nothing served: the longest note
    messages = build_messages("describe photo.png then " * 20, ["photo.png"] * 5, history, 1500, capabilities=caps)
    tokens = sum(count_tokens(m["content"]) + 4 for m in messages)
    assert 2000 < tokens and tokens + 2048 <= MIN_CONTEXT_TOKENS, tokens


def test_not_served_names_served_models_and_both_fixes():
    served = listing(
        router_model("openai/gpt-oss-120b"),
        router_model("org/Eye-VL-Instruct", inputs=("text", "image")),
        router_model("org/Other-Instruct"),
        router_model("org/Fourth-Instruct"),
    )
    visitor, owner = not_served("gone/Model", served, "http://127.0.0.1:9/v1")
    assert visitor.startswith("The LLM model gone/Model is not served by Hugging Face's router now")
    assert "it serves openai/gpt-oss-120b, " in visitor and "among others" in visitor
    assert "LLM model name in Settings" in visitor and visitor.endswith(".") and visitor.count(". ") == 0
    assert owner.startswith("HUGGINGGPT_LLM_MODEL=gone/Model is not served by Hugging Face's router at http://127")
    assert "Settings" not in owner
    visitor, _ = not_served("gone/Model", served, "x", images=True)
    assert "it serves org/Eye-VL-Instruct among others" in visitor  # the image reader, for a request with one
    visitor, owner = not_served("gone/Model", None, "x")
    assert "its model list could not be read either" in visitor and "could not be read" in owner


def test_the_listing_is_cached_with_its_age_and_read_again_on_refresh():
    with FakeOpenAI(api_key=TOKEN, models=[router_model("a/One-Instruct")]) as router:
        models = RouterModels(router.url, TOKEN)
        assert models.cached() is None  # nothing read: no network until asked
        first = models.get()
        assert [m.id for m in first.models] == ["a/One-Instruct"] and models.get() is first
        gets = [r for r in router.requests if r["path"] == "/v1/models"]
        assert len(gets) == 1 and gets[0]["headers"]["authorization"] == f"Bearer {TOKEN}"
        router.models = [router_model("b/Two-Instruct")]
        assert [m.id for m in models.get(refresh=True).models] == ["b/Two-Instruct"]
        assert models.failure() is None and len([r for r in router.requests if r["path"] == "/v1/models"]) == 2
        # shared per router and token
        assert router_models.shared(router.url, TOKEN) is router_models.shared(router.url + "/", TOKEN)
        assert router_models.shared(router.url, TOKEN) is not router_models.shared(router.url, "hf_other")


def test_a_failed_listing_keeps_the_last_one_and_is_not_asked_again_at_once():
    with FakeOpenAI(api_key=TOKEN, models=[router_model("a/One-Instruct")]) as router:
        wrong = RouterModels(router.url, "hf_wrong_SECRET")
        assert wrong.get() is None
        assert "401" in wrong.failure() and "SECRET" not in wrong.failure()
        assert wrong.get() is None  # remembered: no second request within RETRY_AFTER_S
        assert len(router.requests) == 1
        good = RouterModels(router.url, TOKEN)
        kept = good.get()
        router.stop()  # the router goes away: a refresh keeps the last list
        assert good.get(refresh=True) is kept and "ConnectError" in good.failure()


def test_settings_check_does_not_name_a_default_the_router_may_not_serve():
    with FakeOpenAI(api_key=TOKEN, models=[router_model("a/One-Instruct")]) as router:
        ok, verdict = check_endpoint(Config(hf_token=TOKEN, hf_router_url=router.url))
        assert ok and verdict.endswith("each request gets a model it serves now.")
        assert DEFAULT_ROUTER_MODEL not in verdict
        ok, verdict = check_endpoint(Config(hf_token=TOKEN, hf_router_url=router.url, llm_model="gone/Model"))
        assert ok and "does not list the model `gone/Model`" in verdict and "`a/One-Instruct`" in verdict


def test_tasks_command_names_the_model_the_router_serves():
    root = Path(__file__).resolve().parents[1]
    served = [router_model("openai/gpt-oss-120b"), router_model("org/Popular-Instruct", providers=("a", "b", "c"))]
    with FakeOpenAI(api_key=TOKEN, models=served) as router:
        env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(root), "HF_HUB_OFFLINE": "1", "HF_TOKEN": TOKEN}
        env["HUGGINGGPT_HF_ROUTER_URL"] = router.url
        env["HUGGINGGPT_MODE"] = "offline"
        p = subprocess.run(
            [sys.executable, "-m", "hugginggpt", "tasks", "--json"],
            capture_output=True, text=True, env=env, cwd=root, timeout=120,
        )  # fmt: skip
        assert p.returncode == 0, p.stderr
        out = json.loads(p.stdout)
        assert out["llm_model"] == "openai/gpt-oss-120b" and "preference list" in out["llm_note"]
        p = subprocess.run(
            [sys.executable, "-m", "hugginggpt", "tasks"],
            capture_output=True, text=True, env={**env, "HUGGINGGPT_LLM_MODEL": "gone/Model"}, cwd=root, timeout=120,
        )  # fmt: skip
        assert p.returncode == 0, p.stderr
        first = p.stdout.splitlines()[0]
        assert first.startswith("mode: offline; controller LLM: gone/Model (The LLM model gone/Model is not served")
        assert "HUGGINGGPT_LLM_MODEL=gone/Model is not served" in p.stderr  # the owner's log line
        assert TOKEN not in p.stdout + p.stderr


def test_a_refused_default_is_not_picked_again_while_the_list_still_shows_it():
    from hugginggpt.llm import build_llm

    served = [
        router_model(DEFAULT_ROUTER_MODEL, inputs=("text", "image")),
        router_model("google/gemma-3-27b-it", inputs=("text", "image")),
    ]
    with FakeOpenAI(api_key=TOKEN, models=served, responder=lambda m: "ok") as router:
        router.refuse = {DEFAULT_ROUTER_MODEL}  # refused, though the list still shows it
        llm = build_llm(Config(hf_token=TOKEN, hf_router_url=router.url))
        run = llm.for_request()
        assert run.name == DEFAULT_ROUTER_MODEL
        streamed = list(run.stream([{"role": "user", "content": "hi"}]))  # refused before the first delta
        assert [p for p in streamed if isinstance(p, str)] == ["ok"]
        assert run.name == "google/gemma-3-27b-it" and run.replaced == [DEFAULT_ROUTER_MODEL]
        calls = [r["body"]["model"] for r in router.requests if r["path"].endswith("/chat/completions")]
        assert calls == [DEFAULT_ROUTER_MODEL, "google/gemma-3-27b-it"]
        router.requests.clear()
        again = llm.for_request()
        assert again.name == "google/gemma-3-27b-it" and llm.name == "google/gemma-3-27b-it"
        assert again.complete([{"role": "user", "content": "hi"}]).text == "ok"
        assert [r["body"]["model"] for r in router.requests if r["path"].endswith("/chat/completions")] == [
            "google/gemma-3-27b-it"
        ]


def test_only_the_routers_model_refusal_counts_as_not_served():
    """A 400 about the input ("image input is not supported for this model") is not a refusal of the
    model: it is not re-picked or named as unserved."""
    from hugginggpt.llm import build_llm
    from hugginggpt.llm.base import LLMError, ModelRefused

    served = [router_model("openai/gpt-oss-120b")]
    with FakeOpenAI(api_key=TOKEN, models=served) as router:
        llm = build_llm(Config(hf_token=TOKEN, hf_router_url=router.url))
        run = llm.for_request()
        bad_input = {"error": {"message": "Image input is not supported for this model.", "type": "invalid_request"}}
        router.enqueue({"status": 400, "body": bad_input})
        with pytest.raises(LLMError) as err:
            run.complete([{"role": "user", "content": "hi"}])
        assert not isinstance(err.value, ModelRefused) and "HTTP 400" in str(err.value)
        assert run.replaced == [] and len(router.requests) == 2  # the list, then one call: no re-pick
