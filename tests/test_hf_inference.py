"""HF experts: the real `huggingface_hub` SDK against a loopback server speaking the HF inference wire format."""

from __future__ import annotations

import base64
import io
import json
import socket
import time

import pytest
import soundfile as sf
from fake_hf_server import (
    FakeHF,
    Reply,
    audio_bytes,
    audio_reply,
    echo_chat,
    error_reply,
    hub_model,
    image_reply,
    json_reply,
    loading_reply,
    png_bytes,
    sequence,
)
from PIL import Image

from hugginggpt.config import Config
from hugginggpt.experts.base import ExpertContext, ExpertError, backend_factories
from hugginggpt.experts.hf_inference import SERVED_TASKS, HFExpert, HFInferenceBackend
from hugginggpt.types import Task

TOKEN = "hf_testtoken_s3cr3t_value"
ENV = (
    "HF_TOKEN",
    "HUGGING_FACE_HUB_TOKEN",
    "HUGGINGGPT_HF_BASE_URL",
    "HUGGINGGPT_HF_PROVIDER",
    "HUGGINGGPT_MODE",
    "OPENAI_API_KEY",
    "OPENAI_BASE_URL",
    "HF_HUB_OFFLINE",
)


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch, tmp_path):
    from huggingface_hub import constants

    for name in ENV:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HUGGINGGPT_CATALOG_DIR", str(tmp_path / "catalog-cache"))
    # The SDK's user-agent telemetry fetches huggingface.co/api/agent-harnesses once per process.
    monkeypatch.setenv("HF_HUB_DISABLE_TELEMETRY", "1")
    monkeypatch.setattr(constants, "HF_HUB_DISABLE_TELEMETRY", True)


@pytest.fixture
def provider_mode(fake, monkeypatch):
    """Point the SDK's Hub look-ups (provider mapping, model_info) at the fake; forget them afterwards
    (the SDK caches them per model id for the whole process)."""
    from huggingface_hub import constants
    from huggingface_hub.inference._providers import _common, hf_inference

    monkeypatch.setattr(constants, "ENDPOINT", fake.url)
    yield fake
    _common._fetch_inference_provider_mapping.cache_clear()
    hf_inference._check_supported_task.cache_clear()


@pytest.fixture
def fake():
    with FakeHF() as server:
        yield server


@pytest.fixture
def backend(fake):
    return HFInferenceBackend(Config(hf_token=TOKEN, hf_base_url=fake.url, task_timeout=5.0))


@pytest.fixture
def ctx(tmp_path):
    work = tmp_path / "run"
    work.mkdir()
    return ExpertContext(workdir=work, task_id=0)


@pytest.fixture
def image(ctx):
    path = ctx.workdir / "photo.png"
    path.write_bytes(png_bytes((255, 255, 255), (80, 60)))
    return path


@pytest.fixture
def audio(ctx):
    path = ctx.workdir / "speech.flac"
    path.write_bytes(audio_bytes("FLAC"))
    return path


def first_expert(backend: HFInferenceBackend, task: str) -> HFExpert:
    experts = backend.experts(task)
    assert experts, f"no expert for {task}"
    return experts[0]  # type: ignore[return-value]


def run(backend, fake, task, reply, inputs, ctx, model=None):
    """Register `reply` for the task's top catalog model, run it, return (outputs, recorded request)."""
    expert = first_expert(backend, task) if model is None else HFExpert(model, (task,), backend)
    fake.set(expert.model, reply)
    out = expert.run(Task(0, task, {k: str(v) for k, v in inputs.items()}), inputs, ctx)
    calls = fake.calls(expert.model)
    assert len(calls) == 1
    assert calls[0].headers["authorization"] == f"Bearer {TOKEN}"
    return out, calls[0]


# ---- the backend ------------------------------------------------------------------------------


def test_factory_needs_token_or_base_url():
    factory = backend_factories()["huggingface"]
    assert factory(Config()) is None
    with_token = factory(Config(hf_token=TOKEN))
    assert isinstance(with_token, HFInferenceBackend)
    assert (with_token.name, with_token.priority) == ("huggingface", 30)
    behind_url = factory(Config(hf_base_url="http://127.0.0.1:9"))
    assert isinstance(behind_url, HFInferenceBackend)
    # no network in the factory: the Hub listing from the disk cache (empty here), else the snapshot
    assert with_token.experts("object-detection")[0].model == "hustvl/yolos-tiny"
    assert with_token.catalog.source_of("object-detection") == "snapshot"
    assert behind_url.catalog.use_hub is False and not with_token.catalog.fetch


def test_experts_carry_catalog_metadata(backend):
    experts = backend.experts("object-detection")
    assert len(experts) == len(backend.catalog.models("object-detection")) > 1
    top = experts[0]
    info = top.info("object-detection")
    meta = backend.catalog.models("object-detection")[0]
    assert (info.id, info.downloads, info.likes, info.description, info.license) == (
        meta.id,
        meta.downloads,
        meta.likes,
        meta.description,
        meta.license,
    )
    assert info.backend == top.backend == "huggingface"


def test_served_and_missing_tasks(backend):
    provider_mode = HFInferenceBackend(Config(hf_token=TOKEN, hf_provider="hf-inference"))
    for task in ("text-to-image", "object-detection", "automatic-speech-recognition", "conversational"):
        assert backend.experts(task) and provider_mode.experts(task)
        assert backend.missing_reason(task) is None
    for task in ("tabular-classification", "canny-control"):
        assert backend.experts(task) == []
        assert "Inference Providers serve no" in backend.missing_reason(task)
    # instruction edits and ControlNet generation run on the image-to-image editing models
    for task in ("image-editing", "openpose-text-to-image"):
        editors = backend.experts(task)
        assert editors and [e.model for e in editors] == [e.model for e in backend.experts("image-to-image")]
        assert backend.missing_reason(task) is None
    # a named provider serves only its own tasks
    fal = HFInferenceBackend(Config(hf_token=TOKEN, hf_provider="fal-ai"))
    assert fal.experts("text-to-image") and fal.experts("object-detection") == []
    assert "provider fal-ai does not serve object-detection" in fal.missing_reason("object-detection")
    # no provider route serves depth maps; a classic server behind the base URL does
    assert backend.experts("depth-estimation")
    assert provider_mode.experts("depth-estimation") == []
    assert "HUGGINGGPT_HF_BASE_URL" in provider_mode.missing_reason("depth-estimation")
    assert provider_mode.experts("text-to-video") == []
    assert "does not serve text-to-video" in provider_mode.missing_reason("text-to-video")
    auto = HFInferenceBackend(Config(hf_token=TOKEN))
    assert auto.experts("text-to-video")
    assert set(SERVED_TASKS) >= set(backend.served_tasks())


# ---- happy paths, one per task ------------------------------------------------------------------


def test_text_to_image_saves_png(backend, fake, ctx):
    out, req = run(backend, fake, "text-to-image", image_reply("JPEG"), {"text": "a red square"}, ctx)
    assert req.json() == {"inputs": "a red square", "parameters": {}}
    assert req.headers["accept"] == "image/png"
    with Image.open(out["image"]) as img:
        assert img.format == "PNG" and img.size == (64, 48)
    assert out["image"].parent == ctx.workdir


def test_image_to_text_sends_raw_bytes(backend, fake, ctx, image):
    reply = json_reply([{"generated_text": "a white wall"}])
    out, req = run(backend, fake, "image-to-text", reply, {"image": image}, ctx)
    assert out == {"text": "a white wall"}
    assert req.body == image.read_bytes()
    assert not req.is_json


def test_image_classification(backend, fake, ctx, image):
    reply = json_reply([{"label": "tabby cat", "score": 0.91}, {"label": "dog", "score": 0.05}])
    out, req = run(backend, fake, "image-classification", reply, {"image": image}, ctx)
    assert req.body == image.read_bytes()
    assert out["text"].startswith("tabby cat (0.91)")
    assert out["data"][0] == {"label": "tabby cat", "score": 0.91}


def test_object_detection_draws_boxes(backend, fake, ctx, image):
    dets = [
        {"score": 0.98, "label": "person", "box": {"xmin": 10, "ymin": 10, "xmax": 40, "ymax": 50}},
        {"score": 0.90, "label": "person", "box": {"xmin": 45, "ymin": 5, "xmax": 70, "ymax": 40}},
        {"score": 0.80, "label": "dog", "box": {"xmin": 5, "ymin": 30, "xmax": 30, "ymax": 55}},
    ]
    out, req = run(backend, fake, "object-detection", json_reply(dets), {"image": image}, ctx)
    assert req.body == image.read_bytes()
    assert out["text"] == "2 person, 1 dog"
    assert [d["label"] for d in out["data"]] == ["person", "person", "dog"]
    assert out["data"][0]["box"] == dets[0]["box"]
    json.dumps(out["data"])  # JSON-able
    with Image.open(out["image"]) as drawn, Image.open(image) as orig:
        assert drawn.size == orig.size
        assert drawn.convert("RGB").getpixel((10, 25)) != (255, 255, 255)  # on the left edge of box 1
        assert drawn.convert("RGB").getpixel((25, 25)) == (255, 255, 255)  # inside it: untouched
        assert orig.convert("RGB").getpixel((10, 25)) == (255, 255, 255)  # the input was copied, not drawn on
    assert out["image"] != image


def test_image_segmentation_overlays_masks(backend, fake, ctx, image):
    mask = Image.new("L", (80, 60), 0)
    mask.paste(255, (0, 0, 40, 60))
    buf = io.BytesIO()
    mask.save(buf, format="PNG")
    reply = json_reply([{"label": "wall", "score": 0.9, "mask": base64.b64encode(buf.getvalue()).decode()}])
    out, _ = run(backend, fake, "image-segmentation", reply, {"image": image}, ctx)
    assert out["text"] == "1 wall" and out["data"] == [{"label": "wall", "score": 0.9}]
    with Image.open(out["image"]) as img:
        assert img.getpixel((10, 10)) != (255, 255, 255)
        assert img.getpixel((70, 10)) == (255, 255, 255)


def test_visual_question_answering(backend, fake, ctx, image):
    reply = json_reply([{"answer": "two", "score": 0.8}, {"answer": "three", "score": 0.1}])
    out, req = run(backend, fake, "visual-question-answering", reply, {"image": image, "text": "how many?"}, ctx)
    assert out["text"] == "two"
    body = req.json()
    assert body["question"] == "how many?" and base64.b64decode(body["image"]) == image.read_bytes()


def test_document_question_answering(backend, fake, ctx, image):
    reply = json_reply([{"answer": "42.00", "score": 0.7, "start": 3, "end": 4}])
    out, req = run(backend, fake, "document-question-answering", reply, {"image": image, "text": "total?"}, ctx)
    assert out["text"] == "42.00"
    assert req.json()["inputs"]["question"] == "total?"


def test_depth_estimation_raw_post(backend, fake, ctx, image):
    depth = Image.linear_gradient("L").resize((80, 60))
    buf = io.BytesIO()
    depth.save(buf, format="PNG")
    out, req = run(backend, fake, "depth-estimation", Reply(200, buf.getvalue(), "image/png"), {"image": image}, ctx)
    assert req.body == image.read_bytes()
    with Image.open(out["image"]) as img:
        assert img.size == (80, 60)


def test_depth_estimation_from_predicted_depth_json(backend, fake, ctx, image):
    reply = json_reply({"predicted_depth": [[0.0, 1.0], [2.0, 4.0]]})
    out, _ = run(backend, fake, "depth-estimation", reply, {"image": image}, ctx, model="Intel/dpt-large")
    with Image.open(out["image"]) as img:
        assert img.size == (2, 2) and img.getpixel((1, 1)) == 255 and img.getpixel((0, 0)) == 0


def test_automatic_speech_recognition(backend, fake, ctx, audio):
    out, req = run(backend, fake, "automatic-speech-recognition", json_reply({"text": "hello"}), {"audio": audio}, ctx)
    assert out == {"text": "hello"}
    assert req.body == audio.read_bytes()


@pytest.mark.parametrize(("fmt", "suffix"), [("FLAC", ".flac"), ("WAV", ".wav"), ("OGG", ".wav")])
def test_text_to_speech_saves_audio(backend, fake, ctx, fmt, suffix):
    out, req = run(backend, fake, "text-to-speech", audio_reply(fmt), {"text": "hi there"}, ctx)
    assert req.json()["inputs"] == "hi there"
    assert out["audio"].suffix == suffix
    samples, rate = sf.read(out["audio"])
    assert rate == 16000 and len(samples) > 1000


def test_audio_classification(backend, fake, ctx, audio):
    reply = json_reply([{"label": "happy", "score": 0.6}, {"label": "sad", "score": 0.3}])
    out, _ = run(backend, fake, "audio-classification", reply, {"audio": audio}, ctx)
    assert out["text"] == "happy (0.60), sad (0.30)"


def test_audio_to_audio(backend, fake, ctx, audio):
    blob = base64.b64encode(audio_bytes("FLAC")).decode()
    reply = json_reply([{"label": "speech", "content-type": "audio/flac", "blob": blob}])
    out, _ = run(backend, fake, "audio-to-audio", reply, {"audio": audio}, ctx)
    assert out["audio"].suffix == ".flac" and out["data"] == [{"label": "speech"}]


def test_translation(backend, fake, ctx):
    out, req = run(backend, fake, "translation", json_reply([{"translation_text": "Hallo"}]), {"text": "Hello"}, ctx)
    assert out == {"text": "Hallo"}
    assert req.json()["inputs"] == "Hello"


def test_summarization(backend, fake, ctx):
    out, _ = run(backend, fake, "summarization", json_reply([{"summary_text": "short"}]), {"text": "long " * 50}, ctx)
    assert out == {"text": "short"}


def test_question_answering(backend, fake, ctx):
    reply = json_reply({"answer": "Paris", "score": 0.9, "start": 0, "end": 5})
    out, req = run(backend, fake, "question-answering", reply, {"text": "capital?", "context": "Paris is..."}, ctx)
    assert out["text"] == "Paris"
    assert req.json()["inputs"] == {"question": "capital?", "context": "Paris is..."}


def test_text_classification(backend, fake, ctx):
    reply = json_reply([[{"label": "POSITIVE", "score": 0.99}, {"label": "NEGATIVE", "score": 0.01}]])
    out, _ = run(backend, fake, "text-classification", reply, {"text": "great!"}, ctx)
    assert out["text"].startswith("POSITIVE (0.99)")


def test_zero_shot_when_labels_given(backend, fake, ctx):
    expert = first_expert(backend, "text-classification")
    fake.set(expert.model, json_reply([{"label": "sports", "score": 0.7}, {"label": "politics", "score": 0.3}]))
    task = Task(0, "text-classification", {"text": "the match", "labels": "sports, politics"})
    out = expert.run(task, {"text": "the match"}, ctx)
    assert out["text"].startswith("sports (0.70)")
    assert fake.calls(expert.model)[0].json()["parameters"]["candidate_labels"] == ["sports", "politics"]


def test_token_classification(backend, fake, ctx):
    reply = json_reply([{"entity_group": "PER", "score": 0.99, "word": "Sarah", "start": 0, "end": 5}])
    out, _ = run(backend, fake, "token-classification", reply, {"text": "Sarah lives here"}, ctx)
    assert out["text"] == "Sarah (PER)"


def test_sentence_similarity(backend, fake, ctx):
    out, req = run(backend, fake, "sentence-similarity", json_reply([0.8312]), {"text1": "a", "text2": "b"}, ctx)
    assert out["data"] == {"score": 0.8312} and "0.831" in out["text"]
    assert req.json()["inputs"] == {"source_sentence": "a", "sentences": ["b"]}


@pytest.mark.parametrize("task", ["text-generation", "conversational", "text2text-generation"])
def test_language_tasks_use_chat_completion(backend, fake, ctx, task):
    out, req = run(backend, fake, task, echo_chat, {"text": "hello"}, ctx)
    assert out == {"text": "echo: hello"}
    assert req.path.endswith("/v1/chat/completions")
    assert req.json()["messages"] == [{"role": "user", "content": "hello"}]


def test_a_reply_about_a_text_sends_the_ask_then_the_text(backend, fake, ctx):
    args = {"text": "reply to this voicemail politely", "context": "Hi, the plumber can come on Friday."}
    out, req = run(backend, fake, "conversational", echo_chat, args, ctx)
    content = req.json()["messages"][0]["content"]
    assert content.startswith("reply to this voicemail politely") and content.endswith(
        "the plumber can come on Friday."
    )
    assert out["text"] == f"echo: {content}"


def test_image_to_image_with_prompt_sends_json(backend, fake, ctx, image):
    out, req = run(backend, fake, "image-to-image", image_reply(), {"image": image, "text": "make it red"}, ctx)
    body = req.json()
    assert body["parameters"]["prompt"] == "make it red"
    assert base64.b64decode(body["inputs"]) == image.read_bytes()
    with Image.open(out["image"]) as img:
        assert img.format == "PNG"


def test_image_editing_runs_as_image_to_image(backend, fake, ctx, image):
    out, req = run(
        backend, fake, "image-editing", image_reply(), {"image": image, "text": "add a hat"}, ctx, model="timbrooks/x"
    )
    assert req.json()["parameters"]["prompt"] == "add a hat" and out["image"].suffix == ".png"


def test_image_to_image_without_prompt_sends_raw_bytes(backend, fake, ctx, image):
    _, req = run(backend, fake, "image-to-image", image_reply(), {"image": image}, ctx)
    assert req.body == image.read_bytes()


def test_text_to_video(backend, fake, ctx):
    mp4 = b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 64
    out, req = run(backend, fake, "text-to-video", Reply(200, mp4, "video/mp4"), {"text": "a cat runs"}, ctx)
    assert req.json() == {"inputs": "a cat runs"}
    assert out["video"].suffix == ".mp4" and out["video"].read_bytes() == mp4


# ---- errors are data ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("reply", "expected"),
    [
        (loading_reply(20), "is loading (about 20 s); try again or pick another"),
        (error_reply(404, "Model not found"), "was not found"),
        (error_reply(429, "Rate limit reached"), "is rate-limited (HTTP 429)"),
        (error_reply(401, "Invalid credentials"), "the HF token is missing or invalid"),
        (error_reply(403, "gated"), "refused access (HTTP 403)"),
        (error_reply(500, "CUDA out of memory"), "failed on the server (HTTP 500) (CUDA out of memory)"),
        (error_reply(400, "bad input"), "rejected the input (HTTP 400)"),
        (error_reply(402, "no credits"), "credits are used up"),
        (Reply(200, b"not an image", "image/png"), "returned a reply that could not be read"),
        (json_reply({"unexpected": True}), "returned a reply that could not be read"),
    ],
)
def test_http_failures_become_one_clear_expert_error(backend, fake, ctx, reply, expected):
    task = "text-to-image" if reply.body == b"not an image" else "image-to-text"
    expert = first_expert(backend, task)
    fake.set(expert.model, reply)
    image = ctx.workdir / "x.png"
    image.write_bytes(png_bytes())
    with pytest.raises(ExpertError) as info:
        expert.run(Task(0, task, {}), {"image": image, "text": "a cat"}, ctx)
    msg = str(info.value)
    assert msg.startswith(f"hf model {expert.model} ")
    assert expected in msg
    assert TOKEN not in msg and "\n" not in msg
    assert len(fake.calls(expert.model)) == 1  # no retries


def test_token_never_in_error_text(backend, fake, ctx):
    expert = first_expert(backend, "summarization")
    fake.set(expert.model, error_reply(500, f"bad header Authorization: Bearer {TOKEN}"))
    with pytest.raises(ExpertError) as info:
        expert.run(Task(0, "summarization", {}), {"text": "x"}, ctx)
    assert TOKEN not in str(info.value) and "***" in str(info.value)
    assert TOKEN not in repr(backend) and TOKEN not in repr(Config(hf_token=TOKEN))


def test_short_loading_is_retried_once(backend, fake, ctx):
    expert = first_expert(backend, "summarization")
    fake.set(expert.model, sequence(loading_reply(0.2), json_reply([{"summary_text": "ok"}])))
    started = time.monotonic()
    out = expert.run(Task(0, "summarization", {}), {"text": "x"}, ctx)
    assert out == {"text": "ok"}
    assert len(fake.calls(expert.model)) == 2
    assert time.monotonic() - started >= 0.2


def test_loading_is_retried_at_most_once(backend, fake, ctx):
    expert = first_expert(backend, "summarization")
    fake.set(expert.model, loading_reply(0.1))
    with pytest.raises(ExpertError, match="is loading"):
        expert.run(Task(0, "summarization", {}), {"text": "x"}, ctx)
    assert len(fake.calls(expert.model)) == 2


def test_timeout_is_an_expert_error(fake, ctx):
    backend = HFInferenceBackend(Config(hf_token=TOKEN, hf_base_url=fake.url, task_timeout=0.5))
    expert = first_expert(backend, "translation")
    fake.set(expert.model, json_reply([{"translation_text": "late"}]))
    fake.delay[expert.model] = 3.0
    started = time.monotonic()
    with pytest.raises(ExpertError, match=r"did not answer within 0.5 s"):
        expert.run(Task(0, "translation", {}), {"text": "x"}, ctx)
    assert time.monotonic() - started < 2.5


def test_context_timeout_wins_over_config(backend, fake, ctx):
    expert = first_expert(backend, "translation")
    fake.set(expert.model, json_reply([{"translation_text": "late"}]))
    fake.delay[expert.model] = 3.0
    ctx.timeout = 0.3
    with pytest.raises(ExpertError, match=r"within 0.3 s"):
        expert.run(Task(0, "translation", {}), {"text": "x"}, ctx)


def test_unreachable_server(ctx):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: nothing listens there
    backend = HFInferenceBackend(Config(hf_token=TOKEN, hf_base_url=f"http://127.0.0.1:{port}", task_timeout=2))
    expert = first_expert(backend, "summarization")
    with pytest.raises(ExpertError, match=r"is unreachable: cannot connect to the server at http://127.0.0.1"):
        expert.run(Task(0, "summarization", {}), {"text": "x"}, ctx)


def test_offline_mode_is_an_expert_error(backend, fake, ctx, monkeypatch):
    from huggingface_hub import constants

    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", True)
    expert = first_expert(backend, "summarization")
    with pytest.raises(ExpertError, match="HF_HUB_OFFLINE"):
        expert.run(Task(0, "summarization", {}), {"text": "x"}, ctx)
    assert fake.calls() == []


def test_media_comes_only_from_resolved_inputs(backend, fake, ctx, image):
    expert = first_expert(backend, "image-classification")
    with pytest.raises(ExpertError, match="has no image input"):
        expert.run(Task(0, "image-classification", {"image": str(image)}), {}, ctx)
    assert fake.calls() == []


def test_missing_input_file(backend, fake, ctx):
    expert = first_expert(backend, "image-classification")
    with pytest.raises(ExpertError, match="does not exist"):
        expert.run(Task(0, "image-classification", {}), {"image": ctx.workdir / "gone.png"}, ctx)
    assert fake.calls() == []


# ---- provider mode: the SDK's router path, pointed at the loopback server --------------------


def test_provider_mode_routes_through_the_sdk(provider_mode, ctx, image, monkeypatch):
    """No base URL: the SDK resolves the provider from the Hub (model_info) and posts to the router.
    Both endpoints are redirected to the fake; the SDK itself runs unchanged."""
    from huggingface_hub.inference._providers import PROVIDERS

    fake = provider_mode
    model = "google/vit-base-patch16-224"
    fake.hub_models = [hub_model(model, "image-classification")]
    monkeypatch.setattr(PROVIDERS["hf-inference"]["image-classification"], "base_url", fake.url)
    fake.set(model, json_reply([{"label": "lynx", "score": 0.9}]))
    backend = HFInferenceBackend(Config(hf_token=TOKEN, task_timeout=5))  # provider "auto"
    expert = next(e for e in backend.experts("image-classification") if e.model == model)
    out = expert.run(Task(0, "image-classification", {}), {"image": image}, ctx)
    assert out["text"] == "lynx (0.90)"
    assert any(r.path == f"/api/models/{model}" for r in fake.calls())
    (call,) = fake.calls(model)
    assert call.headers["authorization"] == f"Bearer {TOKEN}" and call.body == image.read_bytes()


@pytest.mark.parametrize(
    ("hub_models", "expected"),
    [
        ([], "was not found on Hugging Face Inference Providers (HTTP 404)"),
        ([{"id": "acme/vit", "pipeline_tag": "image-classification"}], "is not served by any Inference Provider"),
    ],
)
def test_provider_mode_unknown_or_unserved_model(provider_mode, ctx, image, hub_models, expected):
    fake = provider_mode
    fake.hub_models = hub_models
    backend = HFInferenceBackend(Config(hf_token=TOKEN, task_timeout=5))
    expert = HFExpert("acme/vit", ("image-classification",), backend)
    with pytest.raises(ExpertError) as info:
        expert.run(Task(0, "image-classification", {}), {"image": image}, ctx)
    assert str(info.value).startswith("hf model acme/vit ") and expected in str(info.value)
    assert TOKEN not in str(info.value)
    assert fake.calls(expert.model) == []  # the inference call is never made


def test_a_model_a_provider_dropped_is_left_out_after_its_refusal(provider_mode, ctx, image, tmp_path):
    """The live listing offered a model that no provider serves any more by the time it is called: the
    call fails with its sentence, the model is left out of later runs, and the task is listed again."""
    from hugginggpt.hub_catalog import HubCatalog

    fake = provider_mode
    fake.hub_models = [
        hub_model("acme/dropped-vit", "image-classification", downloads=900),
        hub_model("acme/served-vit", "image-classification", downloads=100),
    ]
    catalog = HubCatalog(endpoint=fake.url, token=TOKEN, cache_dir=tmp_path / "cache", fetch=False)
    backend = HFInferenceBackend(Config(hf_token=TOKEN, task_timeout=5), catalog)
    assert backend.prepare(["image-classification"]) == {"image-classification": "hub"}
    experts = backend.experts("image-classification")
    assert [e.model for e in experts] == ["acme/dropped-vit", "acme/served-vit"]

    def listings_made() -> int:
        return len([c for c in fake.calls(prefix="/api/models") if c.path.rstrip("/") == "/api/models"])

    listings = listings_made()
    assert listings == 1
    fake.hub_models[0].pop("inferenceProviderMapping")  # the provider dropped it after the listing
    with pytest.raises(ExpertError, match="acme/dropped-vit is not served by any Inference Provider"):
        experts[0].run(Task(0, "image-classification", {}), {"image": image}, ctx)
    assert [e.model for e in backend.experts("image-classification")] == ["acme/served-vit"]
    deadline = time.monotonic() + 5
    while listings_made() == listings and time.monotonic() < deadline:
        time.sleep(0.02)
    assert listings_made() == listings + 1  # listed again, in the background


def test_a_bad_request_that_says_not_served_is_read_as_an_http_reply():
    """The SDK's BadRequestError is an HfHubHTTPError and a ValueError: it is read by its reply (status and
    server message), not as the SDK's own mapping error, which is why _not_served tests the HTTP type."""
    from huggingface_hub.errors import BadRequestError

    from hugginggpt.experts.hf_inference import _not_served

    try:
        import httpx2 as http
    except ImportError:
        import httpx as http
    request = http.Request("POST", "https://router.example/v1/chat/completions")
    reply = http.Response(400, json={"error": "Model acme/x is not supported by any provider"}, request=request)
    e = BadRequestError("Bad request", response=reply)
    assert isinstance(e, ValueError) and _not_served(e)
    other = http.Response(400, json={"error": "prompt too long"}, request=request)
    assert not _not_served(BadRequestError("No provider mapping found (quoted by the user)", response=other))
