"""File arguments of the MCP tools: data: URIs, this server's URLs, public URLs (fetched from a loopback
HTTP server standing in for a public host: the resolver is the one thing the tests replace)."""

from __future__ import annotations

import base64
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from test_app import write_png

from hugginggpt.ui.mcp_files import (
    FileArgError,
    decode_data_uri,
    fetch_public,
    is_public,
    name_for,
    resolve_public,
    stage,
)


class _Files(BaseHTTPRequestHandler):
    png = b""
    seen: list[tuple[str, str]] = []  # (Host header, path) of each request

    def do_GET(self):  # noqa: N802 (http.server's name)
        _Files.seen.append((self.headers.get("Host", ""), self.path))
        port = self.server.server_address[1]
        if self.path == "/photo.png" or self.path.startswith("/gradio_api/file="):
            self._send(200, self.png, "image/png")
        elif self.path == "/download?id=7":  # no name in the URL: the type says what it is
            self._send(200, self.png, "image/png")
        elif self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", f"http://cdn.example.test:{port}/photo.png")
            self.end_headers()
        elif self.path == "/inward":
            self.send_response(302)
            self.send_header("Location", f"http://intranet.example.test:{port}/photo.png")
            self.end_headers()
        elif self.path == "/big":
            self._send(200, b"x" * 5000, "image/png")
        else:
            self._send(404, b"no", "text/plain")

    def _send(self, status: int, body: bytes, ctype: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def files_server(tmp_path):
    _Files.png = write_png(tmp_path / "src.png").read_bytes()
    _Files.seen = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Files)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


def loopback_as_public(asked: list[str], refuse: tuple[str, ...] = ()):
    """A resolver for the tests: the example hosts live on the loopback server; `refuse`d ones are private."""

    def resolve(host: str) -> str:
        asked.append(host)
        if host in refuse:
            raise FileArgError(f"{host} is not a public address")
        return "127.0.0.1"

    return resolve


def test_data_uris():
    png = b"\x89PNG\r\n\x1a\n..."
    b64 = base64.b64encode(png).decode()
    assert decode_data_uri(f"data:image/png;base64,{b64}") == (png, "image/png", "")
    assert decode_data_uri(f"data:image/png;name=receipt%20scan.png;base64,{b64}") == (
        png,
        "image/png",
        "receipt scan.png",
    )
    assert decode_data_uri("data:text/plain,hello%20there") == (b"hello there", "text/plain", "")
    assert decode_data_uri(f"data:IMAGE/PNG;BASE64,{b64[:8]}\n{b64[8:]}")[0] == png  # wrapped lines, any case
    with pytest.raises(FileArgError, match="needs a comma"):
        decode_data_uri("data:image/png;base64")
    with pytest.raises(FileArgError, match="base64 data is not valid"):
        decode_data_uri("data:image/png;base64,abc$")
    with pytest.raises(FileArgError, match="larger than the limit of 1 MB"):
        decode_data_uri("data:image/png;base64," + "A" * (2 * 2**20), max_bytes=2**20)


def test_names_say_what_a_file_is():
    assert name_for("/files/receipt.png", "image/png", 0) == "receipt.png"
    assert name_for("/download", "image/jpeg", 1) == "download.jpg"
    assert name_for("", "audio/x-wav", 2) == "file-3.wav"
    assert name_for("/a/../../etc/passwd", None, 0) == "passwd"  # only ever a name, never a path
    assert name_for("", "application/pdf", 0) == "file-1.pdf"


def test_only_public_addresses_count():
    assert is_public("8.8.8.8") and is_public("2606:4700:4700::1111")
    for ip in ("127.0.0.1", "10.1.2.3", "192.168.0.9", "172.16.5.5", "169.254.169.254", "::1", "0.0.0.0", "fe80::1"):
        assert not is_public(ip), ip
    for host in ("127.0.0.1", "10.0.0.7", "169.254.169.254", "[::1]".strip("[]")):  # literals: no lookup made
        with pytest.raises(FileArgError, match="is not a public address"):
            resolve_public(host)


def test_a_public_url_is_fetched_from_the_address_checked(files_server):
    asked: list[str] = []
    data, ctype = fetch_public(f"http://files.example.test:{files_server}/photo.png", resolve=loopback_as_public(asked))
    assert data == _Files.png and ctype == "image/png"
    assert asked == ["files.example.test"]
    assert _Files.seen == [(f"files.example.test:{files_server}", "/photo.png")]  # the host name travels on


def test_each_redirect_is_checked_again(files_server):
    asked: list[str] = []
    data, _ = fetch_public(f"http://files.example.test:{files_server}/moved", resolve=loopback_as_public(asked))
    assert data == _Files.png and asked == ["files.example.test", "cdn.example.test"]
    with pytest.raises(FileArgError, match="intranet.example.test is not a public address"):
        fetch_public(
            f"http://files.example.test:{files_server}/inward",
            resolve=loopback_as_public([], refuse=("intranet.example.test",)),
        )


def test_fetch_errors_are_sentences(files_server):
    resolve = loopback_as_public([])
    with pytest.raises(FileArgError, match="answered HTTP 404"):
        fetch_public(f"http://files.example.test:{files_server}/missing.png", resolve=resolve)
    with pytest.raises(FileArgError, match="larger than the limit"):
        fetch_public(f"http://files.example.test:{files_server}/big", 1000, resolve=resolve)


def test_stage_names_checks_and_orders_the_files(files_server, tmp_path):
    png = _Files.png
    uri = "data:image/png;name=scan.png;base64," + base64.b64encode(png).decode()
    paths = stage(
        [
            uri,
            "https://myspace.example.test/gradio_api/file=/tmp/gradio/abc/label.png",
            f"http://files.example.test:{files_server}/download?id=7",
        ],
        tmp_path / "inbox",
        own_hosts={"myspace.example.test"},
        local_url=f"http://127.0.0.1:{files_server}/",
        fetch=lambda url: fetch_public(url, resolve=loopback_as_public([])),
    )
    assert [p.name for p in paths] == ["scan.png", "label.png", "download.png"]
    assert all(p.read_bytes() == png for p in paths)
    # this server's own link was read from its local address, not from the name the caller used
    assert ("127.0.0.1:%d" % files_server, "/gradio_api/file=/tmp/gradio/abc/label.png") in _Files.seen


def test_stage_refuses_what_it_cannot_use(tmp_path):
    def never(url):
        raise AssertionError("nothing may be fetched")

    cases = {
        "C:/photos/cat.png": "files[0]: 'C:/photos/cat.png' is neither an http(s) URL nor a data: URI",
        "ftp://host/cat.png": "neither an http(s) URL nor a data: URI",
        "": "files[0] is empty",
        "data:text/plain,hello": "files[0] (text/plain): file-1.txt: this type of file is not supported",
        "data:image/png;base64,aGVsbG8=": "file-1.png: not a readable image",
        "data:audio/wav;base64,aGVsbG8=": "file-1.wav: not a readable WAV file",
    }
    for value, expected in cases.items():
        with pytest.raises(FileArgError) as e:
            stage([value], tmp_path / "inbox", fetch=never)
        assert expected in str(e.value), (value, str(e.value))
    assert stage(None, tmp_path / "none", fetch=never) == []


def test_a_file_keeps_its_own_name_beside_another_of_the_same_name(tmp_path):
    png = write_png(tmp_path / "a.png").read_bytes()
    uri = "data:image/png;name=photo.png;base64," + base64.b64encode(png).decode()
    paths = stage([uri, uri], tmp_path / "inbox")
    assert [p.name for p in paths] == ["photo.png", "photo.png"] and paths[0] != paths[1]
    assert Path(paths[0]).parent != Path(paths[1]).parent
