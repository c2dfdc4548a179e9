"""Shared fixtures. A plain `pytest` never leaves the machine: tokens are cleared from the
environment and every server is a loopback fake."""

from __future__ import annotations

import pytest
from fake_openai import FakeOpenAI

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
