"""A real HTTP server on 127.0.0.1 that speaks the OpenAI chat-completions wire format (plain and
streamed SSE), with scripted replies. The project's real client (the openai SDK) talks to it."""

from __future__ import annotations

import functools
import json
import socket
import threading
import time
from collections import deque
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Reply = str | dict[str, Any]  # text, or {"status": int, "body": str|dict, "headers": {...}} / {"raw": str}


@functools.cache
def _encoding() -> Any:
    try:
        from bpe_openai import get_encoding  # type: ignore[import-not-found]

        return get_encoding("cl100k_base")
    except ImportError:
        return None


def count_tokens(text: str) -> int:
    """Token count: OpenAI's cl100k BPE when bpe-openai is installed, else ~4 characters a token."""
    enc = _encoding()
    return len(enc.encode(text)) if enc else max(1, len(text) // 4)


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that hung up (timeout tests) is expected


class FakeOpenAI:
    """`enqueue()` replies in order; when the queue is empty `responder(messages)` answers (default
    "[]"). Every request is kept in `requests` (path, lower-cased headers, JSON body).

    `api_key`: answer 401 (OpenAI's error shape) unless the request carries `Bearer <api_key>`, as
    Hugging Face's router does with the HF token. `models`: what `GET /v1/models` lists (`router_model`
    builds an entry in the router's shape). `refuse`: model ids whose chat calls get the router's exact
    400 "not supported by any provider" reply (a provider dropped them)."""

    def __init__(
        self,
        latency: float = 0.0,
        responder: Callable[[list[dict]], str] | None = None,
        *,
        api_key: str | None = None,
        models: list[dict[str, Any]] | None = None,
    ):
        self.latency = latency
        self.responder = responder or (lambda messages: "[]")
        self.api_key = api_key
        self.models = models if models is not None else [{"id": "fake-model", "object": "model"}]
        self.refuse: set[str] = set()
        self.replies: deque[Reply] = deque()
        self.requests: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def setup(self) -> None:
                super().setup()
                # answer without Nagle's delay, like production servers do
                self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

            def log_message(self, *args: Any) -> None:
                pass

            def _authorized(self) -> bool:
                if fake.api_key is None or self.headers.get("Authorization") == f"Bearer {fake.api_key}":
                    return True
                error = {"message": "Invalid credentials in Authorization header", "type": "invalid_request_error"}
                self._send(401, {"error": error})
                return False

            def do_GET(self) -> None:  # /v1/models
                with fake._lock:
                    fake.requests.append(
                        {"path": self.path, "headers": {k.lower(): v for k, v in self.headers.items()}, "body": {}}
                    )
                if self._authorized():
                    self._send(200, {"object": "list", "data": fake.models})

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                try:
                    body = json.loads(raw or b"{}")
                except json.JSONDecodeError:
                    body = {}
                with fake._lock:
                    fake.requests.append(
                        {"path": self.path, "headers": {k.lower(): v for k, v in self.headers.items()}, "body": body}
                    )
                    reply = fake.replies.popleft() if fake.replies else None
                if fake.latency:
                    time.sleep(fake.latency)
                if not self._authorized():
                    return
                if not self.path.endswith("/chat/completions"):
                    self._send(404, {"error": {"message": f"no route {self.path}", "type": "invalid_request_error"}})
                    return
                if body.get("model") in fake.refuse:
                    self._send(400, router_refusal(body["model"]))
                    return
                messages = body.get("messages") or []
                if reply is None:
                    reply = fake.responder(messages)
                if isinstance(reply, dict):
                    if "raw" in reply:
                        data = reply["raw"].encode()
                        self.send_response(reply.get("status", 200))
                        self.send_header("Content-Type", reply.get("content_type", "text/html"))
                        self.send_header("Content-Length", str(len(data)))
                        self.end_headers()
                        self.wfile.write(data)
                        return
                    self._send(reply["status"], reply.get("body", {"error": {"message": "scripted error"}}))
                    return
                prompt = sum(count_tokens(_text_of(m.get("content", ""))) + 4 for m in messages)
                completion = count_tokens(reply)
                usage = {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion}
                model = body.get("model", "fake-model")
                if body.get("stream"):
                    self._stream(
                        model, reply, usage if (body.get("stream_options") or {}).get("include_usage") else None
                    )
                else:
                    self._send(
                        200,
                        {
                            "id": "chatcmpl-fake",
                            "object": "chat.completion",
                            "created": int(time.time()),
                            "model": model,
                            "choices": [
                                {
                                    "index": 0,
                                    "message": {"role": "assistant", "content": reply},
                                    "finish_reason": "stop",
                                }
                            ],
                            "usage": usage,
                        },
                    )

            def _send(self, status: int, payload: Any) -> None:
                data = payload.encode() if isinstance(payload, str) else json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _stream(self, model: str, text: str, usage: dict | None) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()

                def event(payload: dict | str) -> None:
                    line = f"data: {payload if isinstance(payload, str) else json.dumps(payload)}\n\n".encode()
                    self.wfile.write(f"{len(line):x}\r\n".encode() + line + b"\r\n")
                    self.wfile.flush()

                base = {"id": "chatcmpl-fake", "object": "chat.completion.chunk", "created": 0, "model": model}
                words = text.split(" ")
                for i, word in enumerate(words):
                    piece = word if i == len(words) - 1 else word + " "
                    event({**base, "choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": None}]})
                event({**base, "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
                if usage:
                    event({**base, "choices": [], "usage": usage})
                event("[DONE]")
                self.wfile.write(b"0\r\n\r\n")

        self.server = _QuietServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v1"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def enqueue(self, *replies: Reply) -> FakeOpenAI:
        with self._lock:
            self.replies.extend(replies)
        return self

    def start(self) -> FakeOpenAI:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def __enter__(self) -> FakeOpenAI:
        return self.start()

    def __exit__(self, *exc: Any) -> None:
        self.stop()

    def prompts(self) -> list[list[dict]]:
        return [r["body"].get("messages", []) for r in self.requests if r["path"].endswith("/chat/completions")]

    def images(self) -> list[str]:
        """The image URLs (data: URLs) of every image content part received, in order."""
        return [
            part["image_url"]["url"]
            for messages in self.prompts()
            for m in messages
            if isinstance(m.get("content"), list)
            for part in m["content"]
            if part.get("type") == "image_url"
        ]


def router_refusal(model: str) -> dict[str, Any]:
    """Hugging Face's router's reply to a chat call for a model no enabled provider serves (HTTP 400)."""
    message = f"The requested model '{model}' is not supported by any provider you have enabled."
    return {"error": {"message": message, "type": "invalid_request_error", "param": "model", "code": None}}


def router_model(
    model: str,
    *,
    providers: tuple[str, ...] = ("novita", "together"),
    status: str = "live",
    context: int | None = 131072,
    inputs: tuple[str, ...] = ("text",),
) -> dict[str, Any]:
    """One entry of the router's `GET /v1/models`, in its shape (id, owned_by, providers with status and
    context length, architecture with input and output modalities)."""
    return {
        "id": model,
        "object": "model",
        "created": 1_750_000_000,
        "owned_by": model.split("/")[0],
        "providers": [
            {
                "provider": p,
                "status": status,
                **({"context_length": context} if context is not None else {}),
                "supports_tools": True,
                "supports_structured_output": False,
            }
            for p in providers
        ],
        "architecture": {"input_modalities": list(inputs), "output_modalities": ["text"]},
    }


def _text_of(content: Any) -> str:
    """The text of a message's content: a string, or the text parts of a content-part list."""
    if isinstance(content, list):
        return " ".join(p.get("text", "") for p in content if isinstance(p, dict) and p.get("type") == "text")
    return str(content)
