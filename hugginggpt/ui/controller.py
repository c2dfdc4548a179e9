"""The page's handlers as plain Python: each takes the visitor's input and state and returns (or streams)
`Update`s, plain data that app.py turns into component values. Testable without a server or Gradio.

A run goes on in a worker thread owned by the conversation (`UserState.run`); the page's stream only
follows it. So a Stop, a "New conversation" or a closed tab cancels the run itself, never just the view
of it, and a conversation never has two runs at once.
"""

from __future__ import annotations

import contextlib
import html
import inspect
import json
import logging
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

import httpx

from .. import planning
from ..capabilities import advice, for_visitor
from ..config import Config
from ..orchestrator import Pipeline
from ..tasks import get as get_task
from ..types import AnswerDelta, Request
from ..workspace import PathRefused
from . import view as v
from .admission import FairSlots
from .oauth import IP_TOKEN
from .sessions import (
    SECRET_FIELDS,
    PipelineCache,
    UserState,
    check_upload,
    file_path,
    settings_config,
    sweep,
)

log = logging.getLogger("hugginggpt.ui")

Box = Literal["busy", "ready"]  # busy: cleared and disabled while a run goes on; ready: cleared, enabled
BUSY_MESSAGE = "⏳ The server is busy with other visitors' requests: try again in a moment."
TICK = 1.0  # seconds between the clock's updates of a running run's status line when nothing else changes
# ... and of a run waiting for a free slot: on a busy server many wait at once, and each of their clock
# updates costs the server's event loop (measured: under 16 sessions, 1 s ticks added 10% CPU per request)
QUEUED_TICK = 5.0


@dataclass
class Panels:
    """The side panels' values for one view."""

    graph: str
    plan_json: str
    choices: str
    gallery: list[tuple[str, str]]
    outputs_text: str
    files: list[str] | None
    trace: dict[str, Any]
    plan_steps: str
    audio: str | None

    @classmethod
    def of(cls, view: v.RunView | None) -> Panels:
        return cls(
            graph=v.render_graph(view.plan if view else None, view.states if view else None),
            plan_json=v.render_plan_json(view),
            choices=v.render_choices(view),
            gallery=v.render_gallery(view),
            outputs_text=v.render_outputs_text(view),
            files=v.render_files(view) or None,
            trace=v.render_trace(view),
            plan_steps=v.render_plan_steps(view),
            audio=v.render_audio(view),
        )


@dataclass
class Update:
    """What one step of a handler changes on the page; None leaves a component as it is."""

    user: UserState | None
    chat: list[dict[str, Any]] | None = None
    box: Box | None = None
    status: str | None = None
    # running | done | partly | failed | stopped | note: the status line's colour ("" none; None: as it is)
    outcome: str | None = ""
    panels: Panels | None = None
    download: str | None = None
    set_download: bool = False  # download is a value to set (None clears it)
    running: bool | None = None  # the Stop button's state
    queued: bool = False  # the run waits for a free slot (the server is busy): its status says so


@dataclass
class SettingsResult:
    settings: dict[str, str]
    banner: str
    note: str
    applied: bool = True


class Controller:
    """The handlers of one page (shared by all its visitors; per-visitor state is a UserState)."""

    def __init__(
        self,
        pipeline_factory: Callable[[Config], Pipeline],
        base: Config,
        root: Path,
        session_ttl: float,
        *,
        max_runs: int = 8,
        max_waiting: int = 64,
        stop_wait: float = 10.0,
    ):
        self.base = base
        self.root = root
        self.session_ttl = session_ttl
        self.pipelines = PipelineCache(pipeline_factory)
        self.stop_wait = stop_wait
        self._slots = FairSlots(max_runs)  # runs at once, all visitors together, first come first served
        self._admitted = 0  # running or waiting for a slot
        self._queued: set[int] = set()  # id() of the runs waiting for a slot now
        self._max_admitted = max_runs + max_waiting
        self._count_lock = threading.Lock()
        self._last_sweep = time.time()
        self._by_session: dict[str, UserState] = {}  # Gradio session hash -> state (to cancel on unload)
        root.mkdir(parents=True, exist_ok=True)
        sweep(root, session_ttl)

    # ---- visitors ----------------------------------------------------------------------------

    def user_of(self, user: UserState | None, session_hash: str | None = None) -> UserState:
        if not isinstance(user, UserState) or user.closed or not user.dir.is_dir():
            # gr.State's delete_callback cleans expired sessions; this sweep catches what it misses
            # (sessions evicted without a callback, folders left by a crash)
            if time.time() - self._last_sweep > min(600.0, self.session_ttl):
                self._last_sweep = time.time()
                sweep(self.root, self.session_ttl)
            user = UserState.create(self.root)
        user.touched = time.time()
        if session_hash:
            self._by_session[session_hash] = user
        return user

    def unload(self, session_hash: str | None) -> None:
        """The tab closed or reloaded: stop its run (its files go when the state expires)."""
        user = self._by_session.pop(session_hash or "", None)
        if user is not None:
            user.stop(wait=0)

    # ---- requests ----------------------------------------------------------------------------

    def respond(
        self, message: dict | None, user: UserState | None, settings: dict | None, session_hash: str | None = None
    ) -> Iterator[Update]:
        """Answer a multimodal message {"text", "files"}; streams the chat and the panels."""
        user = self.user_of(user, session_hash)
        message = message or {}
        text = (message.get("text") or "").strip()
        paths = [file_path(f) for f in message.get("files") or [] if file_path(f)]
        if user.busy:
            yield self._refuse(user, "⏳ Your previous request is still running: wait for it, or press **Stop**.")
            return
        if not text and not paths:
            yield Update(user, chat=user.chat, status="Type a request (and attach files if it needs them).")
            return
        shown: list[dict] = [{"role": "user", "content": text}] if text else []
        checked = [(f, check_upload(f)) for f in paths]  # once a file: an image is opened to verify it
        problems = [p for _, p in checked if p]
        shown += [{"role": "user", "content": {"path": f}} for f, p in checked if not p]
        if problems:
            note = "⚠️ **Cannot use the upload**:\n\n" + "\n".join(f"- {p}" for p in problems)
            user.chat = user.chat + shown + [{"role": "assistant", "content": note}]
            yield Update(user, chat=user.chat, box="ready", status="❌ bad upload", outcome="failed")
            return
        if not text:
            text = "What can you tell me about these files?"
        user.last_text = text
        yield from self._run(user, settings, Request(text, [Path(f) for f in paths]), shown)

    def run_plan(
        self, plan_text: str, user: UserState | None, settings: dict | None, session_hash: str | None = None
    ) -> Iterator[Update]:
        """Execute the (edited) plan in the plan panel for the last request, without re-planning.
        A plan that names a file it may not use is refused, with the reason, in the chat."""
        user = self.user_of(user, session_hash)
        if user.busy:
            yield self._refuse(user, "⏳ A request is still running: wait for it, or press **Stop**.")
            return
        error = None
        plan = None
        try:
            json.loads(plan_text or "")
            files = user.session.file_names()
            plan = planning.parse_plan(plan_text, files)
            if not plan.tasks:
                error = "the plan has no tasks"
            else:
                error = self._refused_files(plan_text, plan, user)
        except json.JSONDecodeError as e:
            error = f"the plan is not valid JSON ({e})"
        except (planning.PlanError, PathRefused) as e:
            error = v.public(str(e))
        if error or not user.last_text or plan is None:
            note = f"⚠️ **Cannot run this plan**: {error or 'send a request first; the plan runs for it'}"
            user.chat = user.chat + [{"role": "assistant", "content": note}]
            yield Update(user, chat=user.chat, status="❌ plan not run", outcome="failed")
            return
        shown = [{"role": "user", "content": f"↻ {user.last_text} (edited plan)"}]
        yield from self._run(user, settings, Request(user.last_text, plan=plan), shown)

    @staticmethod
    def _refused_files(plan_text: str, plan, user: UserState) -> str | None:
        """Files the edited plan names that this conversation does not have (the validator would put
        another file in their place: say so instead of doing it silently)."""
        files = set(user.session.file_names())
        try:
            raw = json.loads(plan_text)
        except json.JSONDecodeError:
            return None
        named: list[str] = []
        for item in raw if isinstance(raw, list) else []:
            args = item.get("args") if isinstance(item, dict) else None
            for value in (args or {}).values() if isinstance(args, dict) else []:
                if isinstance(value, str) and "<GENERATED>" not in value and _looks_like_file(value):
                    named.append(value)
        bad = [n for n in named if n not in files]
        if not bad:
            return None
        have = ", ".join(sorted(files)) or "none yet"
        return (
            f"it names {', '.join(f'`{n}`' for n in bad)}, which {'is' if len(bad) == 1 else 'are'} not a file of "
            f"this conversation. A plan may only use the files you uploaded or that tasks made here ({have})."
        )

    def _refuse(self, user: UserState, text: str) -> Update:
        return Update(user, status=text, outcome="note")

    def _run(self, user: UserState, settings: dict | None, request: Request, shown: list[dict]) -> Iterator[Update]:
        if not self._admit():
            yield Update(user, chat=user.chat, box="ready", status=BUSY_MESSAGE, outcome="note")
            return
        view = v.RunView(request.text)
        run = user.begin(view, shown)
        if run is None:
            self._leave()
            yield self._refuse(user, "⏳ Your previous request is still running: wait for it, or press **Stop**.")
            return
        worker = threading.Thread(
            target=self._work, args=(user, run, settings, request), name="hugginggpt-run", daemon=True
        )
        worker.start()
        yield from self.follow(user, run)

    def _work(self, user: UserState, run, settings: dict | None, request: Request) -> None:
        view = run.view
        try:
            with self._slot(run):
                if run.cancel.is_set():
                    raise _Stopped
                pipeline = self.pipelines.get(settings_config(settings, self.base))
                if ip := (settings or {}).get(IP_TOKEN):  # the visitor's ZeroGPU quota, for public Spaces
                    request = replace(request, ip_token=ip)
                cancellable = "cancel" in inspect.signature(pipeline.run).parameters
                events = (
                    pipeline.run(request, user.session, cancel=run.cancel)
                    if cancellable
                    else pipeline.run(request, user.session)
                )
                try:
                    for event in events:
                        with run.cond:
                            view.apply(event)
                        run.bump(panels=not isinstance(event, AnswerDelta))
                        if isinstance(event, AnswerDelta):
                            run.pace()
                        if run.cancel.is_set() and not cancellable:
                            break  # the pipeline cannot be told: stop reading it
                finally:
                    close = getattr(events, "close", None)
                    if close:
                        close()
        except _Stopped:
            pass
        except Exception as e:  # a bug must not leave the page stuck: report it, keep serving
            log.exception("run failed")
            with run.cond:
                view.fail(f"{type(e).__name__}: {e}", "internal")
        finally:
            with run.cond:
                if not view.finished:
                    if run.cancel.is_set():
                        view.fail("You stopped this request; finished steps are kept above.", "cancelled")
                    else:
                        view.fail("the run ended without an answer", "internal")
            user.finish(run)

    # ---- admission: how many run at once, and how many may wait ----------------------------------

    def _admit(self) -> bool:
        """Count one more piece of work admitted (running or waiting for a slot); False, with nothing
        counted, when as many are admitted as the page allows."""
        with self._count_lock:
            if self._admitted >= self._max_admitted:
                return False
            self._admitted += 1
            return True

    def _leave(self) -> None:
        """Give back what `_admit` counted."""
        with self._count_lock:
            self._admitted -= 1

    @contextlib.contextmanager
    def _slot(self, run=None) -> Iterator[None]:
        """Hold one of the run slots for admitted work, then give back the slot and the admission. A
        conversation's `run` is marked queued while it waits, and gives up waiting at once when its
        visitor stops or leaves (_Stopped, its admission given back)."""
        try:
            if run is None:
                self._slots.acquire()
            else:
                self._queued.add(id(run))
                try:
                    admitted = self._slots.acquire(cancelled=run.cancel.is_set)
                finally:
                    self._queued.discard(id(run))
                if not admitted:
                    raise _Stopped
            try:
                yield
            finally:
                self._slots.release()
        finally:
            self._leave()

    @contextlib.contextmanager
    def slot(self) -> Iterator[None]:
        """One piece of work outside a conversation's run (the MCP plan tool) under the same bounds as a
        run: refused with ServerBusy when as many are admitted as the page allows, else it waits its turn
        for one of the run slots."""
        if not self._admit():
            raise ServerBusy(BUSY_MESSAGE)
        with self._slot():
            yield

    def follow(self, user: UserState, run) -> Iterator[Update]:
        """The page's view of a run: an update after every event (a clock tick while nothing happens),
        then the final state. Stops quietly when the conversation was closed meanwhile."""
        yield Update(
            user, chat=user.chat + run.shown, box="busy", status="⏳ planning…", outcome="running",
            panels=Panels.of(run.view), set_download=True, running=True,
        )  # fmt: skip
        start = time.monotonic()
        with run.cond:
            run.followers += 1
        try:
            yield from self._follow(user, run, start)
        finally:
            with run.cond:
                run.followers -= 1
        if user.closed:
            return
        yield self.final(user, run)

    def _follow(self, user: UserState, run, start: float) -> Iterator[Update]:
        """Updates while the run goes on: one per change, else a clock tick. Only what changed is sent
        (the status line's colour was set by follow() and stays): each update costs the server."""
        seen, seen_panels, shown_status = 0, 0, ""
        while not run.done.is_set():
            queued = id(run) in self._queued
            with run.cond:
                run.cond.wait_for(
                    lambda: run.version != seen or run.done.is_set(), timeout=QUEUED_TICK if queued else TICK
                )
                if run.done.is_set():
                    break
                changed, panels_changed = run.version != seen, run.panels_version != seen_panels
                seen, seen_panels = run.version, run.panels_version
                run.seen = seen
                run.cond.notify_all()
                chat = user.chat + run.shown + list(run.view.messages) if changed else None
                status = v.status_line(run.view)
                waiting = False
                if run.cancel.is_set():
                    status = "⏹️ stopping…"
                elif waiting := id(run) in self._queued:
                    status = f"⏳ waiting for a free slot (the server is busy)… {time.monotonic() - start:.0f} s"
                elif status.startswith("⏳ planning"):
                    status += f" {time.monotonic() - start:.0f} s"
                panels = Panels.of(run.view) if panels_changed else None
            if user.closed:
                return
            if chat is None and panels is None and status == shown_status:
                continue
            shown_status = status
            yield Update(user, chat=chat, status=status, outcome=None, panels=panels, queued=waiting)

    def final(self, user: UserState, run) -> Update:
        status, outcome = v.final_status(run.view)
        return Update(
            user, chat=user.chat, box="ready", status=status, outcome=outcome, panels=Panels.of(run.view),
            download=str(run.record) if run.record else None, set_download=True, running=False,
        )  # fmt: skip

    # ---- stop, new conversation --------------------------------------------------------------

    def stop(self, user: UserState | None) -> Update:
        """The Stop button: cancel this conversation's run, wait for it to end, show where it stopped."""
        if not isinstance(user, UserState) or user.run is None:
            return Update(user, box="ready", status="Nothing is running.", outcome="note", running=False)
        run = user.run
        if run.done.is_set():
            return self.final(user, run)
        if not user.stop(self.stop_wait):
            return Update(
                user, box="ready", outcome="running", running=True,
                status="⏹️ stopping: a model is finishing its step; the next request can start when it has.",
            )  # fmt: skip
        return self.final(user, run)

    def clear(self, user: UserState | None) -> Update:
        """New conversation: stop the running run and wait for it before deleting anything."""
        if isinstance(user, UserState):
            self._by_session = {k: u for k, u in self._by_session.items() if u is not user}
            user.close(wait=max(self.stop_wait, 15.0))
        return Update(None, chat=[], box="ready", status="", panels=Panels.of(None), set_download=True, running=False)

    # ---- settings ------------------------------------------------------------------------------

    def banner(self, settings: dict | None) -> str:
        try:
            cfg = settings_config(settings, self.base)
            return capabilities_md(self.pipelines.get(cfg), cfg)
        except Exception as e:  # e.g. a backend that cannot start with these settings
            log.warning("pipeline failed to start: %s", type(e).__name__)
            return f"⚠️ The pipeline could not start with these settings: {type(e).__name__}: {e}"

    def apply_settings(
        self, mode: str, url: str, name: str, key: str, token: str, provider: str, settings: dict | None
    ) -> SettingsResult:
        """Apply Settings: check the LLM endpoint first; settings that cannot work are not applied."""
        old = dict(settings or {})
        new = dict(old)
        new.update(mode=mode, base_url=url.strip(), model=name.strip(), provider=provider.strip())
        # a blank key field keeps this session's key: the field is cleared after each save
        if key.strip():
            new["api_key"] = key.strip()
        if token.strip():
            new["hf_token"] = token.strip()
        cfg = settings_config(new, self.base)
        notes: list[str] = []
        if cfg.has_llm:
            ok, verdict = check_endpoint(cfg)
            if not ok:
                return SettingsResult(
                    old, self.banner(old), f"❌ **Not applied.** {verdict} The previous settings stay.", False
                )
            notes.append(verdict)
        if cfg.mode in ("hybrid", "remote") and not cfg.hf_token:
            notes.append(
                f"⚠️ {cfg.mode.capitalize()} mode without a Hugging Face token: Hub models cannot run; "
                f"{for_visitor(advice('token', mode=cfg.mode))}."
                + (" Until then only the models on this machine run." if cfg.mode == "hybrid" else "")
            )
        own = [n for n, k in (("API key", "api_key"), ("Hugging Face token", "hf_token")) if new.get(k)]
        if own:
            notes.append(f"Your {' and '.join(own)} {'is' if len(own) == 1 else 'are'} set for this session.")
        return SettingsResult(new, self.banner(new), "✅ **Settings applied.** " + " ".join(notes))

    def forget_keys(self, settings: dict | None) -> SettingsResult:
        old = settings or {}
        new = {k: val for k, val in old.items() if k not in SECRET_FIELDS}
        gone = [n for n, k in (("API key", "api_key"), ("Hugging Face token", "hf_token")) if old.get(k)]
        if gone:
            note = (
                f"🗑️ Your {' and '.join(gone)} {'was' if len(gone) == 1 else 'were'} forgotten: this session "
                "uses the server's defaults again."
            )
        else:
            note = "No key of yours was stored in this session: nothing to forget."
        return SettingsResult(new, self.banner(new), note)


class _Stopped(Exception):
    """The visitor stopped a run before it started."""


class ServerBusy(Exception):
    """As many runs are admitted as the server allows: try again in a moment."""


def _looks_like_file(value: str) -> bool:
    """A plan argument that names a file (has an extension, or a path separator) rather than text."""
    value = value.strip()
    if not value or " " in value or len(value) > 255:
        return False
    return "/" in value or "\\" in value or value.startswith("file:") or bool(Path(value).suffix)


def check_endpoint(cfg: Config, timeout: float = 5.0) -> tuple[bool, str]:
    """Does the OpenAI-compatible endpoint answer with this key? (ok, one-sentence verdict).

    Asks for its models list (cheap, no tokens spent); a server without one gets a 1-token completion."""
    route = cfg.llm_route() if hasattr(cfg, "llm_route") else None  # the LLM the pipeline will call
    base_url, key, model = (
        (route.base_url, route.api_key, route.model)
        if route
        else (cfg.openai_base_url, cfg.openai_api_key, cfg.llm_model)
    )
    base = (base_url or "https://api.openai.com/v1").rstrip("/")
    # no model chosen on the router: each request gets one it serves then, not a fixed name to check
    fixed = not (route is not None and route.kind == "hf-router" and not route.pinned)
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    try:
        with httpx.Client(timeout=timeout, headers=headers, follow_redirects=True) as client:
            r = client.get(f"{base}/models")
            if r.status_code in (404, 405):
                r = client.post(
                    f"{base}/chat/completions",
                    json={"model": model, "max_tokens": 1, "messages": [{"role": "user", "content": "hi"}]},
                )
                if r.status_code == 200:
                    return True, f"The LLM at {base} answered."
            if r.status_code in (401, 403):
                return False, (
                    f"The LLM at {base} refused the key (HTTP {r.status_code}): check **API key** in Settings."
                )
            if r.status_code != 200:
                return False, f"The LLM at {base} answered HTTP {r.status_code}: check **OpenAI-compatible base URL**."
            try:
                ids = [m.get("id") for m in r.json().get("data", []) if isinstance(m, dict)]
            except (ValueError, AttributeError):
                return False, f"{base} answered, but not like an OpenAI-compatible API: check the base URL."
    except httpx.TimeoutException:
        return False, f"The LLM at {base} did not answer within {timeout:g} s: check the base URL, or try later."
    except httpx.HTTPError as e:
        return False, f"Nothing answers at {base} ({type(e).__name__}): check **OpenAI-compatible base URL**."
    if ids and fixed and model not in ids:
        shown = ", ".join(f"`{i}`" for i in ids[:5]) + (" …" if len(ids) > 5 else "")
        return True, (
            f"The LLM at {base} answered, but it does not list the model `{model}` (it has {shown}): "
            "check **LLM model name**."
        )
    if ids and not fixed:
        return True, f"The LLM at {base} answered; each request gets a model it serves now."
    return True, f"The LLM at {base} answered" + (f" and serves `{model}`." if ids else ".")


def capabilities_md(pipeline: Pipeline, cfg: Config | None = None) -> str:
    """The banner: one line with the real mode (offline / hybrid / remote, with or without an LLM), the
    tasks it serves and what to configure for more under it (folded, so that a phone shows the chat)."""
    try:
        tasks = pipeline.served_tasks()
    except Exception as e:  # a broken backend must not take the page down
        log.warning("served_tasks failed: %s", e)
        tasks = []
    # people read what it does ("transcribe speech"); the task name stays for those who write plans
    listed = "; ".join(f"{get_task(t).label} (`{t}`)" for t in tasks) or "none (no embedded expert is installed)"
    cfg = cfg or pipeline.config  # the visitor's settings (the pipeline may be shared or a test's)
    mode = cfg.mode.capitalize()
    route = getattr(pipeline.llm, "route", None)  # on Hugging Face's router: its pick, not the OpenAI default
    name = html.escape(route.model if route is not None and route.kind == "hf-router" else cfg.llm_model)
    head = f"<b>{mode} mode, no LLM</b>" if pipeline.llm is None else f"<b>{mode} mode</b>, LLM <code>{name}</code>"
    more = []  # the page speaks to the visitor: the Settings controls, not the server's variables
    if pipeline.llm is None:
        more.append(f"To plan with an LLM and write fuller answers, {for_visitor(advice('llm'))}.")
    if cfg.mode != "offline" and not cfg.hf_token:
        more.append(f"Hub models need a Hugging Face token: {for_visitor(advice('token', mode=cfg.mode))}.")
    elif cfg.mode == "offline":
        more.append(
            f"For Hub models (captions, translation, image generation…), "
            f"{for_visitor(advice('token', mode='offline'))}."
        )
    return (
        f"<details><summary>{head} · {len(tasks)} task types · <u>what it can do</u></summary>\n\n"
        f"Tasks served: {listed}.  \n{' '.join(more)}\n</details>"
    )
