"""Shared fixtures. A plain `pytest` never leaves the machine: tokens are cleared from the
environment and every server is a loopback fake."""

from __future__ import annotations

import os
import shutil
import tempfile

# before anything imports huggingface_hub: no telemetry, a hermetic catalog cache, and no fetch of
# its agent-harness registry (it asks the Hub for it on the first request of a process)
os.environ["HF_HUB_DISABLE_TELEMETRY"] = "1"
# every temp file of the run (conversation folders, Gradio's cache, subprocesses) goes in one folder,
# removed when the session ends
_TMP = tempfile.mkdtemp(prefix="hugginggpt-tests-")
os.environ["TMPDIR"] = tempfile.tempdir = _TMP
os.environ["HUGGINGGPT_CATALOG_DIR"] = tempfile.mkdtemp(prefix="hugginggpt-catalog-")
import huggingface_hub.utils._detect_agent as _agent  # noqa: E402

_agent._registry = _agent._EMPTY_REGISTRY

import pytest  # noqa: E402
from fake_openai import FakeOpenAI  # noqa: E402

SECRET_VARS = (
    "OPENAI_API_KEY",
    "OPENAI_BASE_URL",
    "HUGGINGGPT_LLM_MODEL",
    "HF_TOKEN",
    "HUGGING_FACE_HUB_TOKEN",
    "HUGGINGGPT_MODE",
    "HUGGINGGPT_HF_BASE_URL",
    "HUGGINGGPT_HF_PROVIDER",
    "HUGGINGGPT_WORKDIR",
)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    shutil.rmtree(_TMP, ignore_errors=True)


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in SECRET_VARS:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("GRADIO_ANALYTICS_ENABLED", "False")


@pytest.fixture
def fake_llm():
    with FakeOpenAI() as server:
        yield server
