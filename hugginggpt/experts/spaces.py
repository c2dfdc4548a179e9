"""Spaces as experts: public Gradio apps on Hugging Face (many on free ZeroGPU) called through
`gradio_client`, like models.

Three sources, in this order of trust: Spaces the server's owner configures (`HUGGINGGPT_SPACES`, a JSON
mapping of task -> {"space", "api_name", ...}), the shipped list of well-known Spaces
(`hugginggpt/data/spaces.json`, each entry noting where its endpoint came from), and, when a plan holds a
task nothing else serves, Spaces found by meaning (the Hub's semantic search) whose API fits the task.

A call: resolve the Space to its host (the Hub's Space API), open a `gradio_client.Client` with the
run's token (cached per host and token), check the endpoint and its parameters against `view_api()`,
upload media with `handle_file`, `submit()` with the visitor's `X-IP-Token` (ZeroGPU quota is keyed on
it), and wait in slices: a stopped run or a passed deadline cancels the job (a queued one leaves the
Space's queue). Files come back into the conversation's folder. Every failure is one sentence.
"""

from __future__ import annotations

import json
import logging
import re
import shutil
import tempfile
import threading
import time
from collections import Counter, OrderedDict
from concurrent.futures import CancelledError
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from ..tasks import TASKS
from ..types import ModelInfo, Task, arg_modality
from . import space_api
from .base import Expert, ExpertBackend, ExpertContext, ExpertError, register_backend
from .space_api import APIMismatch, Binding

if TYPE_CHECKING:
    from ..config import Config
    from ..spaces_search import SpaceHub

log = logging.getLogger(__name__)

Origin = Literal["configured", "shipped", "found"]
SHIPPED_FILE = "spaces.json"
DEFAULT_TIMEOUT_S = 60.0  # one Space call, queue included; the task's deadline still bounds it
CONNECT_TIMEOUT_S = 15.0  # opening a Space (its config and API), and each HTTP step but the result stream
DISCOVER_WAIT_S = 20.0  # how long a request waits for Spaces found by meaning (search + reading their APIs)
SEARCH_CANDIDATES = 6  # Spaces a search reads the API of, per task
CLIENTS_KEPT = 16
_SLICE = 0.1  # how often a waiting call looks at the cancel flag and the deadline
_KEYS = {"space", "api_name", "params", "inputs", "output", "item", "timeout", "description", "source", "likes"}
_AWAKE = {"RUNNING", "RUNNING_BUILDING", "RUNNING_APP_STARTING", "APP_STARTING", "BUILDING", ""}


# ---- configuration -------------------------------------------------------------------------------


@dataclass(frozen=True)
class SpaceSpec:
    """One Space endpoint serving one task type, with the fixed values it is called with."""

    task: str
    space: str  # "owner/name" on the Hub, or the URL of a Gradio app
    api_name: str
    params: dict[str, Any] = field(default_factory=dict)  # fixed values (parameter name -> value)
    inputs: dict[str, str] = field(default_factory=dict)  # parameter name -> task argument
    output: int | str | None = None  # which return (index or label); None: the first of the task's kind
    item: int | None = None  # which element of a gallery / image slider output (default: the first)
    timeout: float | None = None
    description: str = ""
    source: str = ""  # where the endpoint's name and parameters were read
    origin: Origin = "configured"
    likes: int = 0


def parse_specs(raw: str | dict | None, origin: Origin = "configured") -> list[SpaceSpec]:
    """The entries of HUGGINGGPT_SPACES (or of the shipped list): {task: entry or [entries]}. Raises
    ValueError with a sentence that says what is wrong and how it should look."""
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return []
    where = "HUGGINGGPT_SPACES" if origin == "configured" else "the shipped Space list"
    example = '{"image-to-text": {"space": "owner/name", "api_name": "/predict"}}'
    if isinstance(raw, str):
        try:
            raw = json.loads(raw)
        except json.JSONDecodeError as e:
            raise ValueError(f"{where} is not valid JSON ({e.msg} at character {e.pos}); e.g. {example}") from None
    if not isinstance(raw, dict):
        raise ValueError(f"{where} must be a JSON object of task -> Space, e.g. {example}")
    specs = []
    for task, entries in raw.items():
        if task not in TASKS:
            near = space_api.closest(str(task), list(TASKS))
            hint = f" (did you mean {near}?)" if near else ""
            raise ValueError(f"{where}: {task!r} is not a task this app knows{hint}")
        for entry in entries if isinstance(entries, list) else [entries]:
            specs.append(_spec(task, entry, where, origin, example))
    return specs


def _spec(task: str, entry: Any, where: str, origin: Origin, example: str) -> SpaceSpec:
    if not isinstance(entry, dict) or not entry.get("space") or not entry.get("api_name"):
        raise ValueError(f'{where}: the entry of {task} needs a "space" and an "api_name", e.g. {example}')
    unknown = sorted(set(entry) - _KEYS)
    if unknown:
        raise ValueError(f"{where}: the entry of {task} has unknown fields {unknown}; it may have {sorted(_KEYS)}")
    api_name = str(entry["api_name"]).strip()
    api_name = api_name if api_name.startswith("/") else f"/{api_name}"
    for name in ("params", "inputs"):
        if not isinstance(entry.get(name, {}), dict):
            raise ValueError(f'{where}: "{name}" of the {task} entry must be an object (parameter name -> value)')
    inputs = {str(k): str(v) for k, v in (entry.get("inputs") or {}).items()}
    spec_args = TASKS[task].inputs + TASKS[task].optional
    for param, arg in inputs.items():
        if arg not in spec_args:
            raise ValueError(
                f"{where}: the {task} entry maps {param!r} to {arg!r}, which is not an argument of {task} "
                f"(it has {', '.join(spec_args)})"
            )
    output = entry.get("output")
    item = entry.get("item")
    timeout = entry.get("timeout")
    if output is not None and not isinstance(output, (int, str)):
        raise ValueError(f'{where}: "output" of the {task} entry must be an index or a label')
    if item is not None and not isinstance(item, int):
        raise ValueError(f'{where}: "item" of the {task} entry must be an index (-1: the last)')
    if timeout is not None and (not isinstance(timeout, (int, float)) or timeout <= 0):
        raise ValueError(f'{where}: "timeout" of the {task} entry must be a number of seconds')
    return SpaceSpec(
        task,
        str(entry["space"]).strip(),
        api_name,
        dict(entry.get("params") or {}),
        inputs,
        output,
        item,
        float(timeout) if timeout is not None else None,
        str(entry.get("description") or ""),
        str(entry.get("source") or ""),
        origin,
        int(entry.get("likes") or 0),
    )


def shipped_specs() -> list[SpaceSpec]:
    """The shipped list of well-known public Spaces."""
    return list(_shipped())


@cache
def _shipped() -> tuple[SpaceSpec, ...]:
    text = resources.files("hugginggpt.data").joinpath(SHIPPED_FILE).read_text(encoding="utf-8")
    return tuple(parse_specs(json.loads(text)["spaces"], origin="shipped"))


def is_url(space: str) -> bool:
    return space.startswith(("http://", "https://"))


# ---- opening Spaces ------------------------------------------------------------------------------


class Connections:
    """gradio_client Clients by host, for one token, with each Space's API (`view_api`)."""

    def __init__(self, token: str | None, hub: SpaceHub | None, download_dir: Path | None = None):
        self.token = token
        self.hub = hub
        self.download_dir = download_dir or Path(tempfile.gettempdir()) / "hugginggpt-spaces"
        self._clients: OrderedDict[str, tuple[Any, dict[str, Any]]] = OrderedDict()
        self._lock = threading.Lock()
        self._opening: dict[str, threading.Lock] = {}
        self._urls: dict[str, str] = {}  # Space as named -> the URL its client is kept under

    def url_of(self, space: str) -> str:
        """The URL a Space is served at (a URL as given; an id through the Hub). Raises ExpertError when
        the Space is not running."""
        if is_url(space):
            return space if space.endswith("/") else space + "/"
        from ..spaces_search import HubUnavailable

        if self.hub is None:
            raise ExpertError(f"Space {space} cannot be looked up: no Hub is configured; give its URL instead")
        try:
            host = self.hub.info(space)
        except HubUnavailable as e:
            cause = e.__cause__
            status = getattr(getattr(cause, "response", None), "status_code", None)
            if status in (401, 404):
                raise ExpertError(
                    f"Space {space} was not found on the Hub (HTTP {status}): it was renamed, removed or is private"
                ) from e
            raise ExpertError(f"Space {space} cannot be looked up: {e}") from e
        if host.stage == "SLEEPING":
            raise ExpertError(
                f"Space {space} is asleep: a visit to https://huggingface.co/spaces/{space} wakes it, which takes "
                "a minute or more; try again later"
            )
        if host.stage not in _AWAKE:
            raise ExpertError(f"Space {space} is not running (its state is {host.stage}); pick another")
        if not host.host:
            raise ExpertError(f"Space {space} has no host on the Hub (is it a Gradio Space?)")
        return host.host.rstrip("/") + "/"

    def open(self, space: str, timeout: float = CONNECT_TIMEOUT_S) -> tuple[Any, dict[str, Any]]:
        """(Client, view_api dict) of a Space, opened once and kept (LRU)."""
        url = self.url_of(space)
        with self._lock:
            self._urls[space] = url
            if url in self._clients:
                self._clients.move_to_end(url)
                return self._clients[url]
            opening = self._opening.setdefault(url, threading.Lock())
        with opening:  # one opening per host at a time; the others wait for it
            with self._lock:
                if url in self._clients:
                    return self._clients[url]
            client, api = self._connect(space, url, timeout)
            with self._lock:
                self._clients[url] = (client, api)
                while len(self._clients) > CLIENTS_KEPT:
                    _, (old, _) = self._clients.popitem(last=False)
                    _close(old)
            return client, api

    def _connect(self, space: str, url: str, timeout: float) -> tuple[Any, dict[str, Any]]:
        import httpx
        from gradio_client import Client

        self.download_dir.mkdir(parents=True, exist_ok=True)
        try:
            client = Client(
                url,
                token=self.token or False,  # False: never a token saved on this machine, only the run's
                verbose=False,
                analytics_enabled=False,
                download_files=str(self.download_dir),
                # the result stream waits on the queue: only its reads may be long (heartbeats arrive meanwhile)
                httpx_kwargs={"timeout": httpx.Timeout(timeout, read=max(timeout, 60.0))},
            )
            api = client.view_api(print_info=False, return_format="dict")
        except Exception as e:  # gradio_client raises ValueError, httpx and its own errors while opening
            raise failure(space, e, timeout=timeout, opening=True, has_token=bool(self.token)) from e
        return client, api if isinstance(api, dict) else {}

    def drop(self, space: str) -> None:
        """Forget a Space's client (it failed in a way a fresh connection may not): its API is read again."""
        with self._lock:
            url = self._urls.pop(space, None)
            entry = self._clients.pop(url, None) if url else None
        if entry is not None:
            _close(entry[0])


def _close(client: Any) -> None:
    try:
        client.close()
    except Exception:  # closing is best effort: a dead heartbeat thread must not fail a run
        log.debug("closing a Space client failed", exc_info=True)


# ---- failures as sentences -----------------------------------------------------------------------

_QUOTA = re.compile(r"quota", re.I)


def failure(
    space: str,
    e: BaseException,
    *,
    timeout: float | None = None,
    opening: bool = False,
    has_token: bool = False,
    where: str = "HUGGINGGPT_SPACES",
) -> ExpertError:
    """One sentence for what went wrong with a Space; never a token."""
    from gradio_client.exceptions import AppError, AuthenticationError
    from gradio_client.utils import QueueError, TooManyRequestsError

    from .hf_inference import _short

    who = f"Space {space}"
    text = " ".join(str(e).split())
    if isinstance(e, AppError):
        title = str(getattr(e, "title", "") or "")
        if _QUOTA.search(text) or _QUOTA.search(title):
            if has_token:
                return ExpertError(
                    f"{who}: the Space's free GPU quota is used up for this account: wait for it to refill "
                    f"(Hugging Face PRO accounts get more), or pick another ({_short(text, 200)})"
                )
            return ExpertError(
                f"{who}: the Space's free GPU quota is used up: sign in with Hugging Face or enter a Hugging "
                f"Face token in Settings (server: set HF_TOKEN) ({_short(text, 200)})"
            )
        if "has raised an exception but has not enabled verbose error" in text:
            return ExpertError(f"{who} failed on its side (it does not say why)")
        return ExpertError(f"{who} failed: {_short(text, 200)}")
    if isinstance(e, QueueError):
        return ExpertError(f"{who}: its queue is full; try again later or pick another")
    if isinstance(e, TooManyRequestsError):
        return ExpertError(f"{who} is rate-limited (too many requests); try again later or pick another")
    if isinstance(e, AuthenticationError):
        return ExpertError(f"{who} refused access: it is private or the token lacks permission")
    if isinstance(e, APIMismatch):
        return ExpertError(f"{who} does not offer what was configured: {e}; fix its entry in {where}")
    import httpx

    if isinstance(e, httpx.TimeoutException):
        what = "to open" if opening else "to answer"
        return ExpertError(f"{who} took longer than {timeout or 0:g} s {what} (busy, or waking up); try again later")
    if isinstance(e, httpx.HTTPStatusError):
        status = e.response.status_code
        if status in (502, 503, 504):
            return ExpertError(f"{who} is not answering (HTTP {status}): it may be asleep or restarting; try later")
        if status == 404:
            return ExpertError(f"{who} was not found (HTTP 404): check its name or URL in {where}")
        return ExpertError(f"{who} refused the request (HTTP {status})")
    if isinstance(e, httpx.TransportError):
        return ExpertError(f"{who} is unreachable ({type(e).__name__}); check the network or its URL in {where}")
    if isinstance(e, ValueError) and ("invalid state" in text or "Could not" in text):
        return ExpertError(f"{who} cannot be opened: {_short(text, 200)}")
    return ExpertError(f"{who} failed: {type(e).__name__}: {_short(text, 200)}")


# ---- the expert ----------------------------------------------------------------------------------


class SpaceExpert(Expert):
    """One endpoint of one Space, serving one task type."""

    backend = "spaces"
    workload = "io"

    def __init__(self, spec: SpaceSpec, owner: SpacesBackend, model: str | None = None):
        about = spec.description or f"{spec.task} on the public Space {spec.space}"
        # the model id is the Space (the trace and the selection panel name it); with two endpoints of one
        # Space for one task, the endpoint tells them apart
        tags = ("space", spec.origin)
        super().__init__(model or spec.space, (spec.task,), description=about, likes=spec.likes, tags=tags)
        self.spec = spec
        self.owner = owner

    def info(self, task: str) -> ModelInfo:
        info = super().info(task)
        where = {
            "configured": "configured Space",
            "shipped": "public Space (shipped list)",
            "found": "public Space found by meaning",
        }[self.spec.origin]
        return replace(info, description=f"{info.description}; {where}, endpoint {self.spec.api_name}")

    @property
    def where(self) -> str:
        if self.spec.origin == "configured":
            return "HUGGINGGPT_SPACES"
        if self.spec.origin == "shipped":
            return "the shipped list (replace it with HUGGINGGPT_SPACES)"
        return "the search cache (it is searched again tomorrow)"

    def run(self, task: Task, inputs: dict[str, Any], ctx: ExpertContext) -> dict[str, Any]:
        spec = self.spec
        spec_task = TASKS[task.task]
        has_token = bool(self.owner.connections.token)
        limit = spec.timeout or self.owner.timeout
        remaining = ctx.remaining()
        open_timeout = min(CONNECT_TIMEOUT_S, remaining) if remaining is not None else CONNECT_TIMEOUT_S
        client, api = self.owner.connections.open(spec.space, max(1.0, open_timeout))
        ctx.check()
        try:
            binding = space_api.bind(
                spec_task, api, spec.api_name, inputs=spec.inputs, fixed=spec.params, output=spec.output
            )
            endpoint = space_api.check_endpoint(api, binding.api_name)  # its parameters and returns
        except APIMismatch as e:
            self.owner.connections.drop(spec.space)  # read its API afresh next time: it may have changed
            what = "does not offer what was configured" if spec.origin == "configured" else "changed its API"
            raise ExpertError(f"Space {spec.space} {what}: {e}; update its entry in {self.where}") from e
        from gradio_client import handle_file

        # media only from the resolved inputs (checked to lie in the workspace), never the raw plan text
        args = {k: v for k, v in task.args.items() if arg_modality(k) == "text"} | inputs
        kwargs: dict[str, Any] = dict(binding.fixed)
        for param, arg in binding.inputs.items():
            if arg not in args or args[arg] in (None, ""):
                if arg in spec_task.optional:
                    continue
                raise ExpertError(f"the task has no {arg} input for Space {spec.space}")
            value = args[arg]
            kwargs[param] = handle_file(str(value)) if arg_modality(arg) != "text" else str(value)
        if task.task == "translation":
            self._languages(kwargs, binding, endpoint)
        headers = {"X-IP-Token": ctx.ip_token} if ctx.ip_token else None
        try:
            job = client.submit(api_name=binding.api_name, headers=headers, **kwargs)
        except Exception as e:  # a wrong keyword, a failed upload: gradio_client raises while submitting
            raise failure(spec.space, e, timeout=limit, has_token=has_token, where=self.where) from e
        result = self._wait(job, ctx, limit, has_token)
        returns = endpoint.get("returns") or []
        return self._outputs(result, returns, binding, spec_task, ctx)

    def _wait(self, job: Any, ctx: ExpertContext, limit: float, has_token: bool) -> Any:
        """The job's result, waiting in slices: a stop or the deadline cancels it (a queued job leaves the
        Space's queue), the Space's own time limit fails it so that the next candidate can run."""
        end = time.monotonic() + limit
        while True:
            try:
                return job.future.result(timeout=_SLICE)
            except FutureTimeout:
                pass
            except CancelledError as e:
                raise ExpertError(f"Space {self.spec.space}: the call was cancelled") from e
            except Exception as e:  # the Space's error, as gradio_client raised it
                if not isinstance(e, APIMismatch):
                    self._forget_if_broken(e)
                raise failure(self.spec.space, e, timeout=limit, has_token=has_token, where=self.where) from e
            try:
                ctx.check()
            except ExpertError:
                _cancel(job)
                raise
            if time.monotonic() >= end:
                _cancel(job)
                raise ExpertError(
                    f"Space {self.spec.space} did not answer within {limit:g} s (a long queue, or it is waking "
                    "up); try again later or pick another"
                )

    def _forget_if_broken(self, e: Exception) -> None:
        import httpx

        if isinstance(e, (httpx.TransportError, httpx.HTTPStatusError)):
            self.owner.connections.drop(self.spec.space)

    def _languages(self, kwargs: dict[str, Any], binding: Binding, endpoint: dict[str, Any]) -> None:
        """Fill a translation endpoint's language parameters from the task's text ("Translate to French:
        ...": target French, text without the instruction)."""
        source, target = binding.languages
        if target is None:
            return
        params = endpoint.get("parameters") or []
        by_name = {space_api.name_of(p, i): p for i, p in enumerate(params)}
        text_param = next((p for p, a in binding.inputs.items() if a == "text"), None)
        if text_param is None or text_param not in kwargs:
            return
        choices = space_api.enum_of(by_name.get(target, {}))
        src, tgt, body = space_api.languages(str(kwargs[text_param]), choices)
        kwargs[text_param] = body
        for param, found in ((source, src), (target, tgt)):
            if param is None:
                continue
            if found:
                kwargs[param] = found
            elif param not in kwargs and space_api.required(by_name.get(param, {})):
                kwargs[param] = _choice("English", space_api.enum_of(by_name.get(param, {})))

    def _outputs(
        self, result: Any, returns: list[dict[str, Any]], binding: Binding, task: Any, ctx: ExpertContext
    ) -> dict[str, Any]:
        from .hf_inference import save_audio, save_image, save_video

        values = result if isinstance(result, tuple) and len(returns) > 1 else (result,)
        if binding.output >= len(values):
            raise ExpertError(f"Space {self.spec.space} returned {len(values)} outputs, not output {binding.output}")
        value = values[binding.output]
        want = binding.output_kind if binding.output_kind in task.outputs else task.outputs[0]
        data = {"space": self.spec.space, "api_name": binding.api_name, "route": "public Space via gradio_client"}
        out: dict[str, Any] = {"data": data}
        if want == "text":
            text = space_api.as_text(
                space_api.pick_item(value, self.spec.item) if self.spec.item is not None else value
            )
            if not text:
                raise ExpertError(f"Space {self.spec.space} returned an empty text")
            out["text"] = text
            return out
        path = space_api.file_path(space_api.pick_item(value, self.spec.item))
        if not path or not Path(path).is_file():
            raise ExpertError(f"Space {self.spec.space} returned no {want} file (got {type(value).__name__})")
        source = Path(path)
        try:
            blob = source.read_bytes()
            if want == "image":
                out["image"] = save_image(blob, ctx, self._stem())
            elif want == "audio":
                out["audio"] = save_audio(blob, ctx, self._stem())
            else:
                out["video"] = save_video(blob, ctx, self._stem())
        except (OSError, ValueError) as e:
            raise ExpertError(f"Space {self.spec.space} returned a {want} that cannot be read ({e})") from e
        finally:
            _remove_download(source, self.owner.connections.download_dir)
        if "text" in task.outputs:  # e.g. a caption or a count next to the image, when the endpoint gives one
            for i, r in enumerate(returns):
                if i != binding.output and i < len(values) and space_api.kind_of(r) == "text":
                    if text := space_api.as_text(values[i]):
                        out["text"] = text
                        break
        return out

    def _stem(self) -> str:
        return {"depth-estimation": "depth", "text-to-image": "image"}.get(self.spec.task, self.spec.task.split("-")[0])


def _choice(name: str, choices: list[str]) -> str:
    return next((c for c in choices if c.lower() == name.lower()), name)


def _cancel(job: Any) -> None:
    try:
        job.cancel()  # removes a queued job from the Space's queue (Gradio 4.29+)
    except Exception:  # the Space may be gone already; the run is stopping either way
        log.debug("cancelling a Space job failed", exc_info=True)


def _remove_download(path: Path, root: Path) -> None:
    """Delete a file gradio_client downloaded (and its hash folder), once copied into the workspace."""
    try:
        path.unlink(missing_ok=True)
        parent = path.parent
        if parent != root and root in parent.parents and not any(parent.iterdir()):
            shutil.rmtree(parent, ignore_errors=True)
    except OSError:
        pass


# ---- the backend ---------------------------------------------------------------------------------


class SpacesBackend(ExpertBackend):
    """Spaces as experts. Ranked after the controller LLM and the vision-language models, before the
    Inference Providers' models: a Space costs the visitor no credits (ZeroGPU quota instead)."""

    name = "spaces"
    priority = 28

    def __init__(
        self,
        specs: list[SpaceSpec],
        *,
        token: str | None = None,
        hub: SpaceHub | None = None,
        search: bool = False,
        timeout: float = DEFAULT_TIMEOUT_S,
        cache: Any = None,
        discover_wait: float = DISCOVER_WAIT_S,
    ):
        self.connections = Connections(token, hub)
        self.hub = hub
        self.search = search and hub is not None
        self.timeout = timeout
        self.discover_wait = discover_wait
        twice = Counter((s.task, s.space) for s in specs)
        self._experts = [
            SpaceExpert(s, self, f"{s.space} {s.api_name}" if twice[(s.task, s.space)] > 1 else None) for s in specs
        ]
        self._found: dict[str, list[SpaceExpert]] = {}
        self._searching: dict[str, threading.Thread] = {}
        self._notes: dict[str, str] = {}  # task -> what its last search did, in words
        self._lock = threading.Lock()
        if cache is None and self.search:
            from ..spaces_search import FoundCache

            cache = FoundCache(hub.endpoint, token)
        self.cache = cache

    def experts(self, task: str) -> list[Expert]:
        own = [e for e in self._experts if task in e.tasks]
        with self._lock:
            return [*own, *self._found.get(task, [])]

    # -- found by meaning
    def discover(self, tasks: list[str]) -> dict[str, str]:
        """Look for Spaces by meaning for the tasks nothing serves (the orchestrator asks only for those):
        search, read each candidate's API, keep those that fit. Cached on disk with the time of the search;
        waits at most `discover_wait` seconds. Returns what it did per task, for the trace."""
        if not self.search:
            return {}
        from ..spaces_search import describe_age

        todo = [t for t in tasks if t in TASKS and not self.experts(t)]
        out: dict[str, str] = {}
        threads = []
        for task in todo:
            found = self.cache.get(task) if self.cache is not None else None
            if found is not None:
                self._adopt(task, found)
                out[f"{task} (Spaces found by meaning)"] = (
                    f"searched {describe_age(found.age())}: {len(found.fits)} fit"
                )
                continue
            with self._lock:  # runs needing the same task at once share one search
                t = self._searching.get(task)
                if t is None or not t.is_alive():
                    t = threading.Thread(target=self._search_into, args=(task,), daemon=True, name=f"spaces-{task}")
                    self._searching[task] = t
                    self._notes.pop(task, None)
                    t.start()
            threads.append((task, t))
        deadline = time.monotonic() + self.discover_wait
        for task, t in threads:
            t.join(max(0.0, deadline - time.monotonic()))
            with self._lock:
                note = self._notes.get(task)
            out[f"{task} (Spaces found by meaning)"] = note or f"the search took longer than {self.discover_wait:g} s"
        return out

    def _search_into(self, task: str) -> None:
        note = self._search(task)
        with self._lock:
            self._notes[task] = note

    def _search(self, task: str) -> str:
        """Search, read the candidates' APIs, keep those that fit; returns what happened, in words."""
        from ..spaces_search import Found, HubUnavailable

        spec = TASKS[task]
        query = spec.label or spec.description
        try:
            hits = self.hub.search(query, SEARCH_CANDIDATES)
        except HubUnavailable as e:
            return f"no search: {e}"
        fits: list[dict[str, Any]] = []
        rejected: list[dict[str, str]] = []
        lock = threading.Lock()

        def read(hit: Any) -> None:
            try:
                _, api = self.connections.open(hit.id)
            except ExpertError as e:
                with lock:
                    rejected.append({"id": hit.id, "why": str(e)})
                return
            found = space_api.best_endpoint(spec, api)
            with lock:
                if isinstance(found, Binding):
                    fits.append(
                        {
                            "id": hit.id,
                            "binding": found.to_json(),
                            "score": hit.score,
                            "likes": hit.likes,
                            "description": hit.description,
                        }
                    )
                else:
                    rejected.append({"id": hit.id, "why": f"its API does not fit {task}: {found}"})

        readers = [threading.Thread(target=read, args=(h,), daemon=True) for h in hits]
        for r in readers:
            r.start()
        for r in readers:
            r.join(CONNECT_TIMEOUT_S + 5.0)
        order = {h.id: i for i, h in enumerate(hits)}
        fits.sort(key=lambda f: order.get(f["id"], 99))
        found = Found(task, query, time.time(), fits, rejected)
        if self.cache is not None:
            self.cache.put(found)
        self._adopt(task, found)
        why = "; ".join(f"{r['id']}: {r['why']}" for r in rejected[:3])
        return f"searched now: {len(fits)} of {len(hits)} fit" + (f" (left out: {why})" if why else "")

    def _adopt(self, task: str, found: Any) -> None:
        from ..spaces_search import describe_age

        experts = []
        for f in found.fits:
            binding = Binding.from_json(f["binding"])
            about = f["description"] or f"a public Space that fits {task}"
            spec = SpaceSpec(  # called as its API was read: the binding's parameters, fixed values and output
                task,
                f["id"],
                binding.api_name,
                params=dict(binding.fixed),
                inputs=dict(binding.inputs),
                output=binding.output,
                description=f"{about} (found by meaning for '{found.query}', score {float(f.get('score') or 0):.2f}, "
                f"{describe_age(found.age())})",
                origin="found",
                likes=int(f.get("likes") or 0),
            )
            experts.append(SpaceExpert(spec, self))
        with self._lock:
            self._found[task] = experts


def _offers(task: str) -> bool:
    """Tasks the shipped list or HUGGINGGPT_SPACES serve (what switching to hybrid mode would enable).
    Asked per task of each plan: the answer is kept for the environment's values it reads."""
    import os

    from ..config import _env, _flag
    from ..spaces_search import hub_offline

    # read as Config.spaces_shipped reads it: unset is on; set, anything but 1/true/yes/on is off
    shipped = not hub_offline() and _flag(_env("HUGGINGGPT_SPACES_SHIPPED")) is not False
    return task in _offered(os.environ.get("HUGGINGGPT_SPACES"), shipped)


@lru_cache(maxsize=8)
def _offered(configured: str | None, shipped: bool) -> frozenset[str]:
    tasks: set[str] = set()
    try:
        tasks |= {s.task for s in parse_specs(configured)}
    except ValueError:
        pass  # the backend's factory says what is wrong when it is built
    if shipped:
        tasks |= {s.task for s in shipped_specs()}
    return frozenset(tasks)


@register_backend("spaces", needs="space", offers=_offers)
def _factory(config: Config) -> SpacesBackend:
    """Configured Spaces, the shipped list (not with HF_HUB_OFFLINE, nor when HUGGINGGPT_HF_BASE_URL sends
    the experts to a server of the owner's), and the search by meaning. No network here."""
    from ..spaces_search import SpaceHub, hub_offline

    configured = parse_specs(config.spaces)
    hub_ok = not hub_offline() and not config.hf_base_url
    shipped = shipped_specs() if config.spaces_shipped and hub_ok else []
    mine = {s.task for s in configured}  # a configured Space replaces the shipped ones of its task
    specs = configured + [s for s in shipped if s.task not in mine]
    hub = SpaceHub(token=config.hf_token)
    timeout = min(DEFAULT_TIMEOUT_S, max(5.0, 0.75 * config.task_timeout))
    return SpacesBackend(specs, token=config.hf_token, hub=hub, search=config.spaces_search and hub_ok, timeout=timeout)
