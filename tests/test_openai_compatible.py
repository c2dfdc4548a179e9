"""The real openai SDK against a real loopback server: replies, streaming, usage, and every failure
ending in one clear sentence."""

from __future__ import annotations

import socket

import pytest

from hugginggpt.llm.base import Completion, LLMError, MeteredChatModel
from hugginggpt.llm.openai_compatible import OpenAICompatible

MSG = [{"role": "user", "content": "hello there"}]


def client(server, **kw) -> OpenAICompatible:
    return OpenAICompatible("fake-model", api_key="sk-test", base_url=server.url, timeout=kw.pop("timeout", 5), **kw)


def test_complete_returns_text_and_usage(fake_llm):
    fake_llm.enqueue("General Kenobi")
    c = client(fake_llm).complete(MSG)
    assert c.text == "General Kenobi"
    assert c.prompt_tokens > 0 and c.completion_tokens > 0
    req = fake_llm.requests[0]
    assert req["path"] == "/v1/chat/completions"
    assert req["headers"]["authorization"] == "Bearer sk-test"
    assert req["body"]["model"] == "fake-model" and req["body"]["messages"] == MSG


def test_stream_yields_deltas_then_completion_with_usage(fake_llm):
    fake_llm.enqueue("one two three")
    parts = list(client(fake_llm).stream(MSG))
    deltas = [p for p in parts if isinstance(p, str)]
    assert "".join(deltas) == "one two three" and len(deltas) == 3
    final = parts[-1]
    assert isinstance(final, Completion) and final.text == "one two three"
    assert final.prompt_tokens > 0 and final.completion_tokens > 0
    assert fake_llm.requests[0]["body"]["stream"] is True


def test_metering_counts_calls_and_tokens(fake_llm):
    fake_llm.enqueue("a", "b c")
    metered = MeteredChatModel(client(fake_llm))
    metered.complete(MSG)
    list(metered.stream(MSG))
    assert metered.usage.calls == 2
    assert metered.usage.completion_tokens >= 2 and metered.usage.prompt_tokens > 0


@pytest.mark.parametrize(
    "status,expected",
    [
        (401, "rejected the API key (401): check OPENAI_API_KEY"),
        (404, "does not serve model 'fake-model' (404): set HUGGINGGPT_LLM_MODEL"),
        (429, "rate-limiting or out of quota (429)"),
        (500, "failed (HTTP 500): try again later"),
        (503, "failed (HTTP 503)"),
        (400, "refused the request (HTTP 400)"),
    ],
)
def test_http_errors_become_one_clear_sentence(fake_llm, status, expected):
    fake_llm.enqueue(*[{"status": status, "body": {"error": {"message": "nope", "type": "x"}}}] * 3)
    with pytest.raises(LLMError) as e:
        client(fake_llm, retries=0).complete(MSG)
    assert expected in str(e.value)
    assert "\n" not in str(e.value) and "Traceback" not in str(e.value)


def test_5xx_is_retried_by_the_sdk(fake_llm):
    fake_llm.enqueue({"status": 500, "body": {"error": {"message": "boom"}}}, "recovered")
    c = client(fake_llm, retries=2).complete(MSG)
    assert c.text == "recovered"
    assert len(fake_llm.requests) == 2


def test_non_json_body_says_check_the_base_url(fake_llm):
    fake_llm.enqueue({"raw": "<html>a web page</html>", "status": 200})
    with pytest.raises(LLMError, match="did not answer in the OpenAI chat-completions format: check OPENAI_BASE_URL"):
        client(fake_llm, retries=0).complete(MSG)


def test_unreachable_server_says_so():
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    llm = OpenAICompatible("m", base_url=f"http://127.0.0.1:{port}/v1", timeout=2, retries=0)
    with pytest.raises(LLMError, match=f"Cannot reach the LLM server at http://127.0.0.1:{port}/v1"):
        llm.complete(MSG)


def test_timeout_says_so(fake_llm):
    fake_llm.latency = 1.5
    fake_llm.enqueue("late")
    with pytest.raises(LLMError, match="did not answer within 0.5 s"):
        client(fake_llm, timeout=0.5, retries=0).complete(MSG)


def test_stream_errors_are_explained_too(fake_llm):
    fake_llm.enqueue({"status": 401, "body": {"error": {"message": "bad key"}}})
    with pytest.raises(LLMError, match="rejected the API key"):
        list(client(fake_llm, retries=0).stream(MSG))
