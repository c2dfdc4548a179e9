"""A loopback HTTP server that answers like the Hugging Face inference service and the Hub API.

Real sockets, real HTTP: the `huggingface_hub` SDK talks to it unchanged. Per model id it serves the
classic inference wire format (`POST /models/<id>`, `POST /models/<id>/v1/chat/completions`) and, for
the catalog, `GET /api/models?...` and `GET /api/models/<id>`. Every request is recorded.
"""

from __future__ import annotations

import io
import json
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import numpy as np
import soundfile as sf
from PIL import Image


@dataclass
class Recorded:
    method: str
    path: str  # without the query
    query: dict[str, list[str]]
    headers: dict[str, str]  # lower-cased names
    body: bytes

    @property
    def model(self) -> str | None:
        """The model id of an inference call (None for other paths)."""
        if not self.path.startswith("/models/"):
            return None
        return self.path[len("/models/") :].removesuffix("/v1/chat/completions")

    def json(self) -> Any:
        return json.loads(self.body)

    @property
    def is_json(self) -> bool:
        try:
            self.json()
            return True
        except ValueError:
            return False


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    content_type: str = "application/json"
    headers: dict[str, str] | None = None


Responder = Callable[[Recorded], Reply]


def json_reply(obj: Any, status: int = 200, headers: dict[str, str] | None = None) -> Reply:
    return Reply(status, json.dumps(obj).encode(), "application/json", headers)


def png_bytes(color: tuple[int, int, int] = (200, 30, 30), size: tuple[int, int] = (64, 48), fmt: str = "PNG") -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", size, color).save(buf, format=fmt)
    return buf.getvalue()


def audio_bytes(fmt: str = "FLAC", seconds: float = 0.25, rate: int = 16000) -> bytes:
    t = np.arange(int(seconds * rate)) / rate
    wave = (0.3 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)
    buf = io.BytesIO()
    sf.write(buf, wave, rate, format=fmt)
    return buf.getvalue()


def image_reply(fmt: str = "PNG", color: tuple[int, int, int] = (200, 30, 30)) -> Reply:
    return Reply(200, png_bytes(color, fmt=fmt), f"image/{fmt.lower()}")


def audio_reply(fmt: str = "FLAC") -> Reply:
    return Reply(200, audio_bytes(fmt), f"audio/{fmt.lower()}")


def error_reply(status: int, message: str, **extra: Any) -> Reply:
    return json_reply({"error": message, **extra}, status)


def loading_reply(estimated_time: float) -> Reply:
    return error_reply(503, "Model is currently loading", estimated_time=estimated_time)


def sequence(*replies: Reply) -> Responder:
    """Answer with each reply in turn, then keep repeating the last one."""
    queue = list(replies)
    lock = threading.Lock()

    def respond(_: Recorded) -> Reply:
        with lock:
            return queue.pop(0) if len(queue) > 1 else queue[0]

    return respond


def chat_reply(text: str, model: str = "dummy") -> Reply:
    return json_reply(
        {
            "id": "chatcmpl-1",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": model,
            "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 5, "completion_tokens": 3, "total_tokens": 8},
        }
    )


def echo_chat(req: Recorded) -> Reply:
    """A chat model that answers 'echo: <last user message>'."""
    last = req.json()["messages"][-1]["content"]
    return chat_reply(f"echo: {last}")


class FakeHF:
    """The server. Register replies with `set(model_id, reply_or_responder)`; unknown models get 404.

    `delay[model_id]` makes a model answer slowly; `hub_models` is what `/api/models` lists;
    `hub_reply` (a Reply), when set, answers every Hub API call instead.
    """

    def __init__(self) -> None:
        self.requests: list[Recorded] = []
        self.routes: dict[str, Responder] = {}
        self.delay: dict[str, float] = {}
        self.hub_models: list[dict[str, Any]] = []
        self.hub_reply: Reply | None = None
        self.hub_delay: float = 0.0
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), daemon=True)

    # --- lifecycle
    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> FakeHF:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> FakeHF:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # --- configuration
    def set(self, model: str, reply: Reply | Responder) -> None:
        self.routes[model] = reply if callable(reply) else (lambda _req, r=reply: r)

    def calls(self, model: str | None = None, prefix: str | None = None) -> list[Recorded]:
        with self._lock:
            reqs = list(self.requests)
        if model is not None:
            reqs = [r for r in reqs if r.model == model]
        if prefix is not None:
            reqs = [r for r in reqs if r.path.startswith(prefix)]
        return reqs

    # --- serving
    def _answer(self, req: Recorded) -> Reply:
        if req.path.startswith("/api/models"):
            if self.hub_delay:
                time.sleep(self.hub_delay)
            return self.hub_reply or self._hub(req)
        model = req.model
        if model is None:
            return error_reply(404, f"no route for {req.path}")
        if delay := self.delay.get(model):
            time.sleep(delay)
        responder = self.routes.get(model)
        if responder is None:
            return error_reply(404, f"Model {model} does not exist")
        return responder(req)

    def _hub(self, req: Recorded) -> Reply:
        rest = req.path[len("/api/models") :].strip("/")
        if rest:  # /api/models/<id>: model_info
            for m in self.hub_models:
                if m["id"] == rest:
                    return json_reply(m)
            return Reply(404, b'{"error": "Repository not found"}', headers={"X-Error-Code": "RepoNotFound"})
        rows = list(self.hub_models)
        if tag := req.query.get("pipeline_tag", [None])[0]:
            rows = [m for m in rows if m.get("pipeline_tag") == tag]
        if provider := req.query.get("inference_provider", [None])[0]:
            rows = [
                m
                for m in rows
                if m.get("inferenceProviderMapping")
                and (provider == "all" or any(p.get("provider") == provider for p in _mappings(m)))
            ]
        if req.query.get("sort", [None])[0] == "downloads":
            rows.sort(key=lambda m: -m.get("downloads", 0))
        if limit := req.query.get("limit", [None])[0]:
            rows = rows[: int(limit)]
        return json_reply(rows)

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def setup(self) -> None:
                super().setup()
                # answer without Nagle's delay, as production servers do: headers and body go out in two
                # writes, and without TCP_NODELAY the body waits for the client's delayed ACK (40 ms)
                self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

            def log_message(self, *args: Any) -> None:  # quiet
                pass

            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                parts = urlsplit(self.path)
                req = Recorded(
                    method=self.command,
                    path=parts.path,
                    query=parse_qs(parts.query),
                    headers={k.lower(): v for k, v in self.headers.items()},
                    body=body,
                )
                with fake._lock:
                    fake.requests.append(req)
                reply = fake._answer(req)
                try:
                    self.send_response(reply.status)
                    self.send_header("Content-Type", reply.content_type)
                    self.send_header("Content-Length", str(len(reply.body)))
                    for k, v in (reply.headers or {}).items():
                        self.send_header(k, v)
                    self.end_headers()
                    self.wfile.write(reply.body)
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout tests)
                    pass

            do_GET = do_POST = _serve

        return Handler


def _mappings(model: dict[str, Any]) -> list[dict[str, Any]]:
    mapping = model.get("inferenceProviderMapping") or []
    if isinstance(mapping, dict):  # the Hub's older shape: provider -> {...}
        return [{"provider": k, **v} for k, v in mapping.items()]
    return mapping


def hub_model(
    model_id: str,
    pipeline_tag: str,
    downloads: int = 1000,
    likes: int = 10,
    providers: tuple[str, ...] = ("hf-inference",),
    status: str = "live",
    **extra: Any,
) -> dict[str, Any]:
    """A row of `/api/models` as the Hub returns it with expand=[...]."""
    return {
        "_id": model_id.replace("/", "-"),
        "id": model_id,
        "pipeline_tag": pipeline_tag,
        "downloads": downloads,
        "likes": likes,
        "tags": [pipeline_tag, "transformers"],
        "inferenceProviderMapping": [
            {"provider": p, "providerId": model_id, "status": status, "task": pipeline_tag} for p in providers
        ],
        **extra,
    }
