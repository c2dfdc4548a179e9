"""Stand-ins for Hugging Face Spaces and the Hub's Space API, on 127.0.0.1.

The Spaces are real small Gradio apps launched in-process (gradio_client talks to them as to a Space);
each records the calls its functions receive, with the request headers. The Hub stand-in is a real HTTP
server answering `GET /api/spaces/semantic-search` and `GET /api/spaces/<owner>/<name>` in the Hub's
shapes, and recording each request.
"""

from __future__ import annotations

import json
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import gradio as gr
from PIL import Image


@dataclass
class Calls:
    """What a stand-in Space's functions received: fn name -> [headers of each call]."""

    seen: dict[str, list[dict[str, str]]] = field(default_factory=lambda: defaultdict(list))
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, fn: str, request: gr.Request | None) -> None:
        headers = {k.lower(): v for k, v in dict(getattr(request, "headers", {}) or {}).items()}
        with self.lock:
            self.seen[fn].append(headers)

    def count(self, fn: str) -> int:
        with self.lock:
            return len(self.seen.get(fn, []))

    def total(self) -> int:
        with self.lock:
            return sum(len(v) for v in self.seen.values())


class StandIn:
    """A launched Gradio app and what its functions received."""

    def __init__(self, demo: gr.Blocks, calls: Calls):
        self.demo = demo
        self.calls = calls
        demo.queue(default_concurrency_limit=4)
        demo.launch(prevent_thread_lock=True, quiet=True, server_name="127.0.0.1", show_error=True)
        self.url = demo.local_url

    def queued(self) -> int:
        """Events waiting in the app's queue now (not yet running)."""
        queue = self.demo._queue
        return sum(len(q.queue) for q in queue.event_queue_per_concurrency_id.values())

    def close(self) -> None:
        self.demo.close()


def captioner() -> StandIn:
    """A captioning and translating Space: /caption(image) -> text; /translate(text, src_lang, tgt_lang)
    with languages named in full, as UNESCO/nllb takes them (the target has no default)."""
    calls = Calls()

    def caption(image: str, request: gr.Request) -> str:
        calls.add("caption", request)
        with Image.open(image) as im:
            return f"a {im.width}x{im.height} picture of a red square"

    def translate(text: str, src_lang: str, tgt_lang: str, request: gr.Request) -> str:
        calls.add("translate", request)
        return f"[{src_lang} -> {tgt_lang}] {text}"

    languages = ["English", "French", "German", "Chinese (Simplified)"]
    with gr.Blocks() as demo:
        image = gr.Image(type="filepath", label="Image")
        out = gr.Textbox(label="Caption")
        gr.Button("Go").click(caption, [image], [out], api_name="caption")
        text = gr.Textbox(label="Input Text")
        src = gr.Dropdown(languages, label="Source Language")
        tgt = gr.Dropdown(languages, label="Target Language", value=None)
        gr.Button("Translate").click(translate, [text, src, tgt], [out], api_name="translate")
    return StandIn(demo, calls)


def depth_space() -> StandIn:
    """A depth Space: /predict(image) -> a grey image (the stand-in draws a left-to-right ramp)."""
    calls = Calls()

    def predict(image: str, request: gr.Request) -> Image.Image:
        calls.add("predict", request)
        with Image.open(image) as im:
            size = im.size
        ramp = Image.linear_gradient("L").rotate(90).resize(size)
        return ramp

    with gr.Blocks() as demo:
        image = gr.Image(type="filepath", label="Photo")
        out = gr.Image(label="Depth")
        gr.Button("Go").click(predict, [image], [out], api_name="predict")
    return StandIn(demo, calls)


class Gate:
    """Blocks a stand-in function until released (to fill a Space's queue)."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.entered = threading.Event()


def troubled() -> tuple[StandIn, Gate]:
    """A Space whose endpoints fail in the ways real ones do, none of which returns an image:
    /respond(message) -> text (a chat), /quota(image) raises ZeroGPU's quota error, /boom(image) raises,
    /slow(image) takes 8 s, /queued(image) runs one call at a time and waits on the gate."""
    calls = Calls()
    gate = Gate()

    def respond(message: str, request: gr.Request) -> str:
        calls.add("respond", request)
        return f"you said {message}"

    def quota(image: str, request: gr.Request) -> str:
        calls.add("quota", request)
        raise gr.Error(
            "You have exceeded your GPU quota (60s requested vs. 12s left). Create a free account to get more.",
            title="ZeroGPU quota exceeded",
        )

    def boom(image: str, request: gr.Request) -> str:
        calls.add("boom", request)
        raise gr.Error("CUDA out of memory")

    def slow(image: str, request: gr.Request) -> str:
        calls.add("slow", request)
        time.sleep(8)
        return "too late"

    def queued(image: str, request: gr.Request) -> str:
        calls.add("queued", request)
        gate.entered.set()
        gate.release.wait(30)
        return "finally"

    with gr.Blocks() as demo:
        text = gr.Textbox(label="Message")
        image = gr.Image(type="filepath", label="Image")
        out = gr.Textbox(label="Reply")
        gr.Button("a").click(respond, [text], [out], api_name="respond")
        gr.Button("b").click(quota, [image], [out], api_name="quota")
        gr.Button("c").click(boom, [image], [out], api_name="boom")
        gr.Button("d").click(slow, [image], [out], api_name="slow")
        gr.Button("e").click(queued, [image], [out], api_name="queued", concurrency_limit=1)
    return StandIn(demo, calls), gate


# ---- the Hub ----------------------------------------------------------------------------------------


@dataclass
class HubRequest:
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]


class FakeHub:
    """The Hub's Space API: `spaces` maps a Space id to {"host", "stage", "likes", "description", "score"};
    the semantic search answers every query with all of them, best score first."""

    def __init__(self, spaces: dict[str, dict[str, Any]]):
        self.spaces = spaces
        self.requests: list[HubRequest] = []
        hub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                url = urlsplit(self.path)
                hub.requests.append(
                    HubRequest(url.path, parse_qs(url.query), {k.lower(): v for k, v in self.headers.items()})
                )
                if url.path == "/api/spaces/semantic-search":
                    body = [hub._result(i, s) for i, s in sorted(hub.spaces.items(), key=lambda kv: -kv[1]["score"])]
                    return self._json(200, body)
                if url.path.startswith("/api/spaces/"):
                    sid = url.path[len("/api/spaces/") :]
                    if sid not in hub.spaces:
                        return self._json(404, {"error": "Repository not found"})
                    s = hub.spaces[sid]
                    return self._json(
                        200,
                        {
                            "id": sid,
                            "author": sid.split("/")[0],
                            "sdk": "gradio",
                            "likes": s.get("likes", 0),
                            "private": False,
                            "host": s["host"].rstrip("/"),
                            "subdomain": sid.replace("/", "-"),
                            "runtime": {"stage": s.get("stage", "RUNNING"), "hardware": {"current": "zero-a10g"}},
                        },
                    )
                return self._json(404, {"error": "not found"})

            def _json(self, status: int, obj: Any) -> None:
                data = json.dumps(obj).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @staticmethod
    def _result(sid: str, s: dict[str, Any]) -> dict[str, Any]:
        return {
            "id": sid,
            "author": sid.split("/")[0],
            "title": sid.split("/")[1],
            "sdk": "gradio",
            "likes": s.get("likes", 0),
            "private": False,
            "runtime": {"stage": s.get("stage", "RUNNING")},
            "ai_short_description": s.get("description", ""),
            "ai_category": s.get("category", ""),
            "semanticRelevancyScore": s["score"],
        }

    def searches(self) -> list[HubRequest]:
        return [r for r in self.requests if r.path == "/api/spaces/semantic-search"]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
