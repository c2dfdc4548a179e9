"""The live Hub catalog: real `HfApi.list_models` against a loopback fake Hub API, disk cache, fallback."""

from __future__ import annotations

import argparse
import json
import socket
import time

import pytest
from fake_hf_server import FakeHF, error_reply, hub_model

from hugginggpt import catalog_cli
from hugginggpt.catalog import Catalog
from hugginggpt.config import Config
from hugginggpt.experts.hf_inference import HFInferenceBackend
from hugginggpt.hub_catalog import HubCatalog

TOKEN = "hf_testtoken_catalog_s3cr3t"


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch, tmp_path):
    for name in (
        "HF_TOKEN",
        "HUGGING_FACE_HUB_TOKEN",
        "HUGGINGGPT_HF_BASE_URL",
        "HUGGINGGPT_HF_PROVIDER",
        "HUGGINGGPT_MODE",
        "HF_HUB_OFFLINE",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HUGGINGGPT_CATALOG_DIR", str(tmp_path / "default-cache"))
    from huggingface_hub import constants

    # The SDK's user-agent telemetry fetches huggingface.co/api/agent-harnesses once per process.
    monkeypatch.setenv("HF_HUB_DISABLE_TELEMETRY", "1")
    monkeypatch.setattr(constants, "HF_HUB_DISABLE_TELEMETRY", True)


@pytest.fixture
def hub():
    with FakeHF() as server:
        server.hub_models = [
            hub_model("small/detr", "object-detection", downloads=500, likes=3),
            hub_model(
                "big/yolo",
                "object-detection",
                downloads=9000,
                likes=70,
                cardData={"license": "apache-2.0", "description": "Fast detector.", "language": "en"},
            ),
            hub_model("broken/det", "object-detection", downloads=7000, status="error"),
            hub_model("other/det", "object-detection", downloads=100, providers=("fal-ai",)),
            {"id": "unserved/det", "pipeline_tag": "object-detection", "downloads": 99999, "likes": 1},
            hub_model("meta/llama", "text-generation", downloads=5000, providers=("together", "novita")),
            hub_model("openai/whisper", "automatic-speech-recognition", downloads=800),
            hub_model("sd/xl", "text-to-image", downloads=700, tags=["text-to-image", "license:mit"]),
            hub_model("bart/cnn", "summarization", downloads=600),
            hub_model("vit/base", "image-classification", downloads=400),
        ]
        yield server


@pytest.fixture
def cache(tmp_path):
    return tmp_path / "cache"


def api_calls(hub):
    return hub.calls(prefix="/api/models")


def eventually(check, within: float = 5.0) -> None:
    """Wait (polling) until `check()` is true: background listings land when they land."""
    deadline = time.monotonic() + within
    while not check():
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(0.05)


def test_lists_served_models_by_downloads(hub, cache):
    cat = HubCatalog(endpoint=hub.url, cache_dir=cache, token=TOKEN)
    models = cat.models("object-detection")
    # status "error" and models no provider serves are left out
    assert [m.id for m in models] == ["big/yolo", "small/detr", "other/det"]
    top = models[0]
    assert (top.task, top.backend, top.downloads, top.likes) == ("object-detection", "huggingface", 9000, 70)
    assert (top.license, top.description, top.language) == ("apache-2.0", "Fast detector.", "en")
    assert "object-detection" in top.tags
    assert "served by hf-inference" in models[1].description
    assert cat.source_of("object-detection") == "hub" and cat.source == "hub"
    (call,) = api_calls(hub)
    q = call.query
    assert q["pipeline_tag"] == ["object-detection"] and q["sort"] == ["downloads"]
    assert q["inference_provider"] == ["all"] and "inferenceProviderMapping" in q["expand"]
    assert call.headers["authorization"] == f"Bearer {TOKEN}"


def test_license_from_tags_and_chat_tasks_list_text_generation(hub, cache):
    cat = HubCatalog(endpoint=hub.url, cache_dir=cache)
    assert cat.models("text-to-image")[0].license == "mit"
    assert [m.id for m in cat.models("conversational")] == ["meta/llama"]
    assert api_calls(hub)[-1].query["pipeline_tag"] == ["text-generation"]


def test_named_provider_filters(hub, cache):
    cat = HubCatalog(endpoint=hub.url, cache_dir=cache, provider="fal-ai")
    assert [m.id for m in cat.models("object-detection")] == ["other/det"]
    assert api_calls(hub)[0].query["inference_provider"] == ["fal-ai"]


def test_cached_lookups_make_no_http_calls(hub, cache):
    first = HubCatalog(endpoint=hub.url, cache_dir=cache)
    ids = [m.id for m in first.models("object-detection")]
    assert len(api_calls(hub)) == 1
    assert [m.id for m in first.models("object-detection")] == ids  # memory
    second = HubCatalog(endpoint=hub.url, cache_dir=cache)  # a new process: the disk cache
    assert second.models("object-detection") == first.models("object-detection")
    assert second.source_of("object-detection") == "hub"
    assert len(api_calls(hub)) == 1
    # another endpoint or provider has its own cache entry
    HubCatalog(endpoint=hub.url, cache_dir=cache, provider="fal-ai").models("object-detection")
    assert len(api_calls(hub)) == 2


def test_cache_expires(hub, cache):
    HubCatalog(endpoint=hub.url, cache_dir=cache).models("summarization")
    (path,) = cache.glob("summarization-*.json")
    data = json.loads(path.read_text())
    data["fetched_at"] -= 25 * 3600  # older than the default 24 h
    path.write_text(json.dumps(data))
    HubCatalog(endpoint=hub.url, cache_dir=cache).models("summarization")
    assert len(api_calls(hub)) == 2
    assert json.loads(path.read_text())["fetched_at"] > data["fetched_at"]
    HubCatalog(endpoint=hub.url, cache_dir=cache, ttl=0.0).models("summarization")
    assert len(api_calls(hub)) == 3


def test_hub_error_falls_back_to_snapshot(hub, cache):
    hub.hub_reply = error_reply(401, f"Invalid token {TOKEN}")
    cat = HubCatalog(endpoint=hub.url, cache_dir=cache, token=TOKEN)
    assert_unverified_snapshot(cat.models("object-detection"), "object-detection")
    assert cat.source_of("object-detection") == "snapshot" and cat.source == "snapshot"
    assert "401" in cat.failure("object-detection") and TOKEN not in cat.failure("object-detection")
    cat.models("object-detection")  # the failure is remembered: no new call
    assert len(api_calls(hub)) == 1
    assert not list(cache.glob("*.json"))


def test_slow_hub_times_out_to_snapshot_then_lands_in_cache(hub, cache):
    hub.hub_delay = 1.0
    cat = HubCatalog(endpoint=hub.url, cache_dir=cache, timeout=0.2)
    started = time.monotonic()
    assert_unverified_snapshot(cat.models("summarization"), "summarization")
    assert time.monotonic() - started < 0.8
    assert cat.source_of("summarization") == "snapshot"
    assert "did not answer" in cat.failure("summarization")
    eventually(lambda: list(cache.glob("summarization-*.json")))  # the listing lands in the cache
    assert [m.id for m in cat.models("summarization")] == ["bart/cnn"]
    assert cat.source_of("summarization") == "hub"
    assert len(api_calls(hub)) == 1


def test_unreachable_hub_falls_back_within_timeout(cache):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    cat = HubCatalog(endpoint=f"http://127.0.0.1:{port}", cache_dir=cache, timeout=0.5)
    started = time.monotonic()
    assert_unverified_snapshot(cat.models("translation"), "translation")
    assert time.monotonic() - started < 1.5
    assert cat.source_of("translation") == "snapshot"


def test_offline_mode_uses_snapshot_without_calls(hub, cache, monkeypatch):
    from huggingface_hub import constants

    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", True)
    cat = HubCatalog(endpoint=hub.url, cache_dir=cache)
    assert_unverified_snapshot(cat.models("object-detection"), "object-detection")
    assert cat.failure("object-detection") == "HF_HUB_OFFLINE is set"
    assert api_calls(hub) == []


def test_prefetch_runs_in_parallel(hub, cache):
    hub.hub_delay = 0.5
    tasks = ["object-detection", "automatic-speech-recognition", "text-to-image", "summarization"]
    tasks.append("image-classification")
    cat = HubCatalog(endpoint=hub.url, cache_dir=cache)
    started = time.monotonic()
    sources = cat.prefetch(tasks, timeout=5)
    assert time.monotonic() - started < 0.5 * len(tasks) * 0.6  # serially: 2.5 s
    assert sources == {t: "hub" for t in tasks}
    assert len(api_calls(hub)) == len(tasks)
    for t in tasks:
        cat.models(t)
    assert len(api_calls(hub)) == len(tasks)
    assert cat.source == "hub"


def test_prefetch_timeout_and_background(hub, cache):
    hub.hub_delay = 1.0
    cat = HubCatalog(endpoint=hub.url, cache_dir=cache)
    started = time.monotonic()
    assert cat.prefetch(["summarization", "translation"], timeout=0.1) == {
        "summarization": "snapshot",
        "translation": "snapshot",
    }
    assert time.monotonic() - started < 0.8
    later = HubCatalog(endpoint=hub.url, cache_dir=cache, fetch=False)
    assert later.prefetch(["image-classification"], wait=False) == {"image-classification": "snapshot"}
    eventually(lambda: len(list(cache.glob("*.json"))) == 3)
    assert cat.models("summarization")[0].id == "bart/cnn"


def test_fetch_false_never_calls_the_hub(hub, cache):
    cat = HubCatalog(endpoint=hub.url, cache_dir=cache, fetch=False)
    assert_unverified_snapshot(cat.models("object-detection"), "object-detection")
    assert api_calls(hub) == []
    HubCatalog(endpoint=hub.url, cache_dir=cache).models("object-detection")
    assert cat.models("object-detection")[0].id == "big/yolo"
    assert len(api_calls(hub)) == 1


def test_refresh_ignores_the_cache(hub, cache):
    cat = HubCatalog(endpoint=hub.url, cache_dir=cache)
    cat.models("object-detection")
    hub.hub_models[0]["downloads"] = 10**6
    assert cat.refresh(["object-detection"]) == {"object-detection": "hub"}
    assert cat.models("object-detection")[0].id == "small/detr"
    assert len(api_calls(hub)) == 2


def test_tasks_cover_the_snapshot(hub, cache):
    cat = HubCatalog(endpoint=hub.url, cache_dir=cache)
    assert set(Catalog().tasks()) <= set(cat.tasks())
    assert api_calls(hub) == []


def test_backend_takes_its_experts_from_the_hub_catalog(hub, cache):
    cat = HubCatalog(endpoint=hub.url, cache_dir=cache)
    backend = HFInferenceBackend(Config(hf_token=TOKEN), cat)
    experts = backend.experts("object-detection")
    assert [e.model for e in experts] == ["big/yolo", "small/detr", "other/det"]
    assert experts[0].info("object-detection").description == "Fast detector."
    assert backend.experts("image-segmentation") == []  # the Hub lists none
    assert "lists no image-segmentation model" in backend.missing_reason("image-segmentation")


def test_factory_backend_reads_the_cache_and_prefetches(hub, cache, monkeypatch):
    from huggingface_hub import constants

    from hugginggpt.experts.base import backend_factories

    monkeypatch.setattr(constants, "ENDPOINT", hub.url)  # HubCatalog's default endpoint
    monkeypatch.setenv("HUGGINGGPT_CATALOG_DIR", str(cache))
    backend = backend_factories()["huggingface"](Config(hf_token=TOKEN))
    assert backend.experts("summarization")[0].model == Catalog().models("summarization")[0].id
    assert api_calls(hub) == []  # building and asking the backend: no network
    sources = backend.prefetch_catalog(timeout=5, wait=True)
    assert sources["summarization"] == "hub" and "depth-estimation" not in sources
    assert [e.model for e in backend.experts("summarization")] == ["bart/cnn"]
    fresh = backend_factories()["huggingface"](Config(hf_token=TOKEN))  # next process: from the disk cache
    calls = len(api_calls(hub))
    assert [e.model for e in fresh.experts("summarization")] == ["bart/cnn"]
    assert len(api_calls(hub)) == calls


def _cli(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="hugginggpt")
    catalog_cli.add_parser(parser.add_subparsers(dest="command"))
    return parser.parse_args(["catalog", *argv])


def test_cli_json(hub, capsys):
    args = _cli("--task", "object-detection", "--task", "depth-estimation", "--json", "--endpoint", hub.url)
    assert args.func(args) == 0
    rows = json.loads(capsys.readouterr().out)
    det, depth = rows
    assert det["task"] == "object-detection" and det["source"] == "hub" and det["backend"] == "huggingface"
    assert det["models"][0] == {"id": "big/yolo", "downloads": 9000, "likes": 70, "license": "apache-2.0"}
    assert depth["backend"] is None and "HUGGINGGPT_HF_BASE_URL" in depth["reason"]
    calls = len(api_calls(hub))
    catalog_cli.run(_cli("--task", "object-detection", "--endpoint", hub.url))  # cached: no call
    assert len(api_calls(hub)) == calls
    out = capsys.readouterr().out
    assert "object-detection  (source: hub, backend: huggingface" in out and "big/yolo" in out
    catalog_cli.run(_cli("--task", "object-detection", "--refresh", "--endpoint", hub.url))
    assert len(api_calls(hub)) == calls + 1


def test_cli_unknown_task_and_hub_down(hub, capsys):
    assert catalog_cli.run(_cli("--task", "nope", "--endpoint", hub.url)) == 2
    assert "unknown task" in capsys.readouterr().err
    hub.hub_reply = error_reply(404, "gone")
    assert catalog_cli.run(_cli("--task", "summarization", "--endpoint", hub.url)) == 0
    out = capsys.readouterr().out
    assert "source: snapshot" in out and "hub listing failed" in out


def assert_unverified_snapshot(models, task: str) -> None:
    """The snapshot's models of `task`, marked unverified: the Hub could have been asked and was not."""
    snapshot = Catalog().models(task)
    assert [m.id for m in models] == [m.id for m in snapshot] and snapshot
    assert not any(m.verified for m in models) and all(m.verified for m in snapshot)


def test_cache_file_names_are_those_earlier_versions_wrote(tmp_path):
    """The shared key helper names the catalog's and the Space search's cache files as before (a cache
    on disk is still read), from a hash of the token only."""
    import hashlib

    from hugginggpt.spaces_search import FoundCache

    who = hashlib.sha256(TOKEN.encode()).hexdigest()[:16]
    listing = hashlib.sha1(f"https://hub.example|auto|{who}".encode()).hexdigest()[:10]
    cat = HubCatalog(endpoint="https://hub.example", token=TOKEN, cache_dir=tmp_path)
    assert cat._cache_path("object-detection") == tmp_path / f"object-detection-{listing}.json"
    search = hashlib.sha1(b"https://hub.example|anonymous").hexdigest()[:10]
    assert FoundCache("https://hub.example", None, tmp_path)._path("depth-estimation") == (
        tmp_path / f"spaces-depth-estimation-{search}.json"
    )
    assert TOKEN not in str(cat._cache_path("object-detection"))
