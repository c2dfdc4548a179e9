"""Vision-language experts: image content parts, router VLMs from today's listing (live first, the
known ones unverified when the Hub cannot be asked), the controller LLM when it reads images."""

from __future__ import annotations

import base64
import io

import pytest
from fake_hf_server import FakeHF, hub_model
from fake_openai import FakeOpenAI, router_model
from PIL import Image

from hugginggpt.config import Config
from hugginggpt.experts.base import ExpertContext, ExpertError
from hugginggpt.experts.vlm import KNOWN_ROUTER_VLMS, MAX_SIDE, VLMBackend, build_messages, controller_backend
from hugginggpt.hub_catalog import HubCatalog
from hugginggpt.llm import build_llm
from hugginggpt.selection import rank
from hugginggpt.types import Task

TOKEN = "hf_vlm_SECRET"


def test_big_images_are_scaled_and_questions_required(tmp_path):
    big = tmp_path / "big.png"
    Image.new("RGB", (3000, 1500), (0, 0, 255)).save(big)
    messages = build_messages(Task(0, "image-to-text", {"image": "big.png"}), {"image": big})
    url = messages[0]["content"][1]["image_url"]["url"]
    assert url.startswith("data:image/jpeg;base64,")
    with Image.open(io.BytesIO(base64.b64decode(url.split(",", 1)[1]))) as sent:
        assert max(sent.size) == MAX_SIDE
    with pytest.raises(ExpertError, match="no question"):
        build_messages(Task(1, "visual-question-answering", {"image": "big.png"}), {"image": big})
    (tmp_path / "bad.png").write_bytes(b"not an image")
    with pytest.raises(ExpertError, match="cannot be read"):
        build_messages(Task(2, "image-to-text", {}), {"image": tmp_path / "bad.png"})


def test_a_question_with_context_sends_it_with_the_question(tmp_path):
    img = tmp_path / "scan.png"
    Image.new("RGB", (40, 40), "white").save(img)
    args = {"image": img, "text": "when is the meeting?", "context": "The meeting moved to Friday."}
    prompt = build_messages(Task(0, "document-question-answering", args), args)[0]["content"][0]["text"]
    assert "when is the meeting?" in prompt and "The meeting moved to Friday." in prompt


def test_router_vlms_come_from_the_live_listing(tmp_path, monkeypatch):
    monkeypatch.delenv("HF_HUB_OFFLINE")
    served = [router_model("org/vlm-live", inputs=("text", "image")), router_model("org/text-only")]
    with FakeHF() as hub, FakeOpenAI(api_key=TOKEN, responder=lambda m: "A blue square.", models=served) as router:
        hub.hub_models = [
            hub_model("org/vlm-live", "image-text-to-text", downloads=900, providers=("novita",)),
            hub_model("org/text-only", "text-generation", downloads=5000),
        ]
        hub.hub_models[0]["inferenceProviderMapping"][0]["task"] = "conversational"
        catalog = HubCatalog(endpoint=hub.url, token=TOKEN, cache_dir=tmp_path / "cache", fetch=False)
        cfg = Config(hf_token=TOKEN, hf_router_url=router.url, mode="remote")
        from hugginggpt.experts.vlm import _factory

        backend = _factory(cfg)
        backend.catalog = catalog
        # before the listings: the known router VLMs, unverified; a run whose controller reads images
        # leaves its model out
        offline = [e.info("image-to-text") for e in backend.experts("image-to-text")]
        assert {i.id for i in offline} == set(KNOWN_ROUTER_VLMS)
        assert not any(i.verified for i in offline)
        without = backend.without(KNOWN_ROUTER_VLMS[0]).experts("image-to-text")
        assert {e.model for e in without} == set(KNOWN_ROUTER_VLMS[1:])
        prepared = backend.prepare(["image-to-text"])
        assert prepared["image-to-text (vision-language)"] == "hub"
        assert prepared["served on the router"].startswith("router list, ")
        live = backend.experts("image-to-text")
        assert [e.model for e in live] == ["org/vlm-live"] and live[0].info("image-to-text").verified
        square = tmp_path / "sq.png"
        Image.new("RGB", (8, 8), (0, 0, 255)).save(square)
        out = live[0].run(Task(0, "image-to-text", {"image": "sq.png"}), {"image": square}, ExpertContext(tmp_path, 0))
        assert out["text"] == "A blue square." and out["data"]["route"] == "hf-router"
        assert router.requests[-1]["body"]["model"] == "org/vlm-live" and router.images()
        assert router.requests[-1]["headers"]["authorization"] == f"Bearer {TOKEN}"
        # the listing was asked with the token, and cached under a hash of it, never the token itself
        assert hub.calls(prefix="/api/models")[-1].headers["authorization"] == f"Bearer {TOKEN}"
        assert all(TOKEN not in p.name and TOKEN not in p.read_text() for p in (tmp_path / "cache").iterdir())


def test_listed_before_unverified_in_ranking():
    listed = VLMBackend([])
    from hugginggpt.experts.vlm import VLMExpert

    a = VLMExpert("old/snapshot", None, "hf-router", verified=False, downloads=10**9)
    b = VLMExpert("new/live", None, "hf-router", downloads=10)
    ranked = rank(Task(0, "image-to-text", {"image": "x.png"}), [a, b], lambda _: 25)
    assert [e.model for e in ranked] == ["new/live", "old/snapshot"] and listed.experts("translation") == []


def test_controller_backend_only_for_multimodal_llms():
    text_only = build_llm(Config(openai_base_url="http://127.0.0.1:9/v1", llm_model="qwen2.5"))
    assert controller_backend(text_only) is None
    vision = build_llm(Config(openai_base_url="http://127.0.0.1:9/v1", llm_model="qwen2.5", llm_vision=True))
    backend = controller_backend(vision)
    assert backend is not None and [e.model for e in backend.experts("visual-question-answering")] == ["qwen2.5"]


def test_a_refused_model_is_told_and_every_llm_error_reads_the_same(tmp_path):
    from hugginggpt.experts.vlm import VLMExpert
    from hugginggpt.llm.base import LLMError, ModelRefused

    square = tmp_path / "sq.png"
    Image.new("RGB", (8, 8)).save(square)
    task = Task(0, "image-to-text", {"image": "sq.png"})
    for error, told in ((ModelRefused("no provider serves it", "org/vlm"), ["org/vlm"]), (LLMError("HTTP 500"), [])):

        class Failing:
            name = "org/vlm"

            def complete(self, messages, **kw):
                raise error

        refused: list[str] = []
        expert = VLMExpert("org/vlm", Failing(), "hf-router")
        expert._refused = refused.append
        with pytest.raises(ExpertError, match=f"^vision-language model org/vlm: {error}$"):
            expert.run(task, {"image": square}, ExpertContext(tmp_path, 0))
        assert refused == told


def test_router_vlms_say_who_serves_them():
    from hugginggpt.experts.vlm import _served_by

    assert _served_by(("together", "novita")) == "together, novita"
    assert _served_by(("?",)) == "Hugging Face's router"
    assert _served_by(("a", "b", "c", "d", "e")) == "a, b, c, d"
