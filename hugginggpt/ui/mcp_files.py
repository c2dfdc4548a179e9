"""File arguments of the MCP tools -> local files: a `data:` URI, a URL of this server (its own
/gradio_api/file= links, an upload made through its API), or a public http(s) URL.

Anything else is refused with a sentence an agent can act on. A URL to another host is fetched only when
every address it resolves to is public, from the address checked (no second lookup a DNS answer could
change), without following redirects to somewhere unchecked: a Space must not become a way into the
network it runs in. No gradio here.
"""

from __future__ import annotations

import base64
import binascii
import ipaddress
import mimetypes
import re
import socket
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, unquote_to_bytes, urlsplit

import httpx

from ..types import media_kind
from ..workspace import MAX_UPLOAD_BYTES, _safe_name
from .sessions import check_upload

FETCH_TIMEOUT = 20.0
MAX_REDIRECTS = 3
# media types whose usual extension mimetypes gets wrong or does not know
_EXTENSIONS = {
    "image/jpeg": ".jpg",
    "image/jpg": ".jpg",
    "audio/wav": ".wav",
    "audio/x-wav": ".wav",
    "audio/wave": ".wav",
    "audio/mpeg": ".mp3",
    "audio/mp3": ".mp3",
    "audio/mp4": ".m4a",
    "audio/x-m4a": ".m4a",
    "audio/ogg": ".ogg",
    "audio/opus": ".opus",
    "audio/flac": ".flac",
    "audio/x-flac": ".flac",
    "video/quicktime": ".mov",
    "video/webm": ".webm",
}
_HOW = "send each file as a data: URI (data:image/png;base64,...) or as an http(s) URL this server can fetch"


class FileArgError(ValueError):
    """A file argument that cannot be used; the message says which one and what to send instead."""


def extension_for(media_type: str) -> str:
    """The file extension of a media type ("image/png" -> ".png"; "" when unknown)."""
    media_type = media_type.split(";")[0].strip().lower()
    return _EXTENSIONS.get(media_type) or mimetypes.guess_extension(media_type) or ""


def decode_data_uri(uri: str, max_bytes: int = MAX_UPLOAD_BYTES) -> tuple[bytes, str, str]:
    """The bytes, media type and file name (from a `name=` or `filename=` parameter; "" without one) of
    `data:[<type>][;name=<name>][;base64],<data>`. Raises FileArgError."""
    head, sep, payload = uri[5:].partition(",")
    if not sep:
        raise FileArgError("a data: URI needs a comma before its data (data:image/png;base64,...)")
    params = [p.strip() for p in head.split(";")]
    media_type = params[0].lower() or "text/plain"
    named = [p.split("=", 1)[1] for p in params[1:] if p.lower().startswith(("name=", "filename="))]
    name = unquote(named[0]).strip('"') if named else ""
    if "base64" in (p.lower() for p in params[1:]):
        if len(payload) * 3 // 4 > max_bytes + 3:
            raise FileArgError(f"the file is larger than the limit of {max_bytes / 2**20:.0f} MB")
        try:
            data = base64.b64decode(re.sub(r"\s+", "", unquote(payload)), validate=True)
        except (binascii.Error, ValueError) as e:
            raise FileArgError(f"its base64 data is not valid ({e})") from None
    else:
        data = unquote_to_bytes(payload)
    if len(data) > max_bytes:
        raise FileArgError(f"the file is larger than the limit of {max_bytes / 2**20:.0f} MB")
    return data, media_type, name


def name_for(url_path: str, media_type: str | None, index: int) -> str:
    """A file name that says what the file is: the URL's own name when it has a media extension, else
    one made from the media type (the pipeline tells images from audio by the extension)."""
    name = _safe_name(unquote(PurePosixPath(url_path).name)) if url_path else ""
    if name and name != "file" and media_kind(name):
        return name
    ext = extension_for(media_type or "")
    stem = Path(name).stem if name and name != "file" else f"file-{index + 1}"
    return f"{stem}{ext}" if ext else (name or stem)


def is_public(ip: str) -> bool:
    try:
        a = ipaddress.ip_address(ip)
    except ValueError:
        return False
    return not (a.is_private or a.is_loopback or a.is_link_local or a.is_multicast or a.is_reserved or a.is_unspecified)


def resolve_public(host: str) -> str:
    """One address of `host`, when every address it has is public; else FileArgError."""
    try:
        infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except OSError as e:
        raise FileArgError(f"the host {host} cannot be resolved ({e})") from None
    ips = [str(info[4][0]) for info in infos]
    if not ips or not all(is_public(ip) for ip in ips):
        raise FileArgError(
            f"{host} is not a public address; this server fetches only public URLs and its own file links"
        )
    return ips[0]


class _PinnedTransport(httpx.HTTPTransport):
    """Connects to the address that was checked, while the request keeps its host name (Host, SNI)."""

    def __init__(self, ip: str):
        super().__init__()
        self.ip = ip

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        host = request.url.host  # the Host header, set from the URL, stays as it is (with its port)
        request.url = request.url.copy_with(host=self.ip)
        request.extensions = {**request.extensions, "sni_hostname": host}
        return super().handle_request(request)


def _read(r: httpx.Response, max_bytes: int) -> tuple[bytes, str | None]:
    """The body of a streamed response, refused past `max_bytes` without reading it all."""
    if r.status_code != 200:
        raise FileArgError(f"the URL answered HTTP {r.status_code}")
    too_big = FileArgError(f"the file is larger than the limit of {max_bytes / 2**20:.0f} MB")
    if int(r.headers.get("content-length") or 0) > max_bytes:
        raise too_big
    chunks, size = [], 0
    for chunk in r.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise too_big
        chunks.append(chunk)
    return b"".join(chunks), r.headers.get("content-type")


def fetch_public(
    url: str,
    max_bytes: int = MAX_UPLOAD_BYTES,
    *,
    resolve: Callable[[str], str] = resolve_public,
    timeout: float = FETCH_TIMEOUT,
) -> tuple[bytes, str | None]:
    """GET a URL of another host; each hop (a redirect too) is checked by `resolve` and connected to at
    the address it returned."""
    for _ in range(MAX_REDIRECTS + 1):
        ip = resolve(urlsplit(url).hostname or "")
        try:
            with httpx.Client(transport=_PinnedTransport(ip), timeout=timeout, follow_redirects=False) as client:
                with client.stream("GET", url) as r:
                    if not (r.is_redirect and r.headers.get("location")):
                        return _read(r, max_bytes)
                    url = str(httpx.URL(url).join(r.headers["location"]))
        except httpx.HTTPError as e:
            raise FileArgError(f"the URL could not be fetched ({type(e).__name__})") from None
        if urlsplit(url).scheme not in ("http", "https"):
            raise FileArgError("the URL redirects to something that is not http(s)")
    raise FileArgError(f"the URL redirects more than {MAX_REDIRECTS} times")


def fetch_own(url: str, local_url: str, max_bytes: int = MAX_UPLOAD_BYTES) -> tuple[bytes, str | None]:
    """GET a URL of this server from its local address: the server serves only what it serves anyone."""
    parts = urlsplit(url)
    target = local_url.rstrip("/") + (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    try:
        with httpx.Client(timeout=FETCH_TIMEOUT, follow_redirects=False) as client:
            with client.stream("GET", target) as r:
                return _read(r, max_bytes)
    except httpx.HTTPError as e:
        raise FileArgError(f"this server's file could not be read ({type(e).__name__})") from None


def stage(
    values: list[str] | None,
    folder: Path,
    *,
    own_hosts: set[str] = frozenset(),  # type: ignore[assignment]
    local_url: str | None = None,
    fetch: Callable[[str], tuple[bytes, str | None]] = fetch_public,
    max_bytes: int = MAX_UPLOAD_BYTES,
) -> list[Path]:
    """Write each file argument into `folder` and check it as the page checks an upload; the paths in
    order. `own_hosts`: the host[:port] names this server answers to (their URLs are read from
    `local_url`). Raises FileArgError naming the argument (files[i]) and what to send instead."""
    paths: list[Path] = []
    folder.mkdir(parents=True, exist_ok=True)
    for i, raw in enumerate(values or []):
        where = f"files[{i}]"
        if not isinstance(raw, str) or not raw.strip():
            raise FileArgError(f"{where} is empty: {_HOW}.")
        value = raw.strip()
        shown = value if len(value) <= 60 else value[:57] + "..."
        try:
            if value[:5].lower() == "data:":
                data, media_type, given = decode_data_uri(value, max_bytes)
                name = name_for(given, media_type, i)
            else:
                parts = urlsplit(value)
                if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
                    raise FileArgError(f"'{shown}' is neither an http(s) URL nor a data: URI: {_HOW}")
                if local_url and parts.netloc.lower() in own_hosts:
                    data, media_type = fetch_own(value, local_url, max_bytes)
                else:
                    data, media_type = fetch(value)
                # this server's file links carry the path in the query or after "file="
                path = parts.path.split("file=")[-1] if "file=" in parts.path else parts.path
                name = name_for(path, media_type, i)
        except FileArgError as e:
            raise FileArgError(f"{where}: {e}") from None
        dest = folder / str(i) / name  # a folder each: the pipeline knows a file by its own name
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(data)
        if problem := check_upload(dest, max_bytes):
            kind = f" ({media_type})" if media_type else ""
            raise FileArgError(f"{where}{kind}: {problem}")
        paths.append(dest)
    return paths
