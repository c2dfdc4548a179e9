"""Per-visitor state and its lifecycle: one conversation, at most one run at a time, files removed when
the conversation ends. Plus the checks and settings that belong to a visitor (uploads, their Config)."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from PIL import Image

from ..config import Config
from ..orchestrator import Pipeline, Session
from ..types import MEDIA_EXTENSIONS, media_kind
from ..workspace import MAX_UPLOAD_BYTES, Workspace
from .view import RunView, run_record

MODES = ("offline", "hybrid", "remote")
SESSION_TTL = float(os.environ.get("HUGGINGGPT_UI_SESSION_TTL", 2 * 3600))  # seconds idle before cleanup
SECRET_FIELDS = ("api_key", "hf_token")


@dataclass
class ActiveRun:
    """The run a conversation is doing now. The worker thread folds events into `view` under `cond`;
    followers (the page's stream) wait on `cond` for a newer `version`."""

    view: RunView
    shown: list[dict[str, Any]]  # this turn's user messages
    cancel: threading.Event = field(default_factory=threading.Event)
    done: threading.Event = field(default_factory=threading.Event)
    cond: threading.Condition = field(default_factory=threading.Condition)
    version: int = 0  # bumps on every event
    panels_version: int = 0  # bumps on events that change the panels (not answer tokens)
    record: Path | None = None  # the saved run (download), once done
    seen: int = 0  # the newest version a follower has shown
    followers: int = 0

    def bump(self, panels: bool) -> None:
        with self.cond:
            self.version += 1
            if panels:
                self.panels_version += 1
            self.cond.notify_all()

    def pace(self, at_most: float = 0.05) -> None:
        """Give a follower the chance to show this version (answer tokens would otherwise arrive as one
        block); never waits when nobody follows, and never longer than `at_most` seconds."""
        with self.cond:
            if self.followers:
                self.cond.wait_for(lambda: self.seen >= self.version, timeout=at_most)


@dataclass
class UserState:
    """One browser session: its conversation (Session), its chat, its runs. Never shared."""

    dir: Path
    session: Session
    chat: list[dict[str, Any]] = field(default_factory=list)
    last_text: str = ""
    last_view: RunView | None = None
    runs: int = 0
    touched: float = field(default_factory=time.time)
    run: ActiveRun | None = None
    closed: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @classmethod
    def create(cls, root: Path) -> UserState:
        d = root / uuid.uuid4().hex
        (d / "runs").mkdir(parents=True)
        return cls(dir=d, session=Session(workspace=Workspace(d / "files")))

    def __deepcopy__(self, memo: dict) -> UserState:
        return self  # gr.State copies values; a session's state is one live object (locks, threads)

    def begin(self, view: RunView, shown: list[dict[str, Any]]) -> ActiveRun | None:
        """Start a run, or None when one is already running (one run per conversation at a time)."""
        with self.lock:
            if self.closed or (self.run is not None and not self.run.done.is_set()):
                return None
            self.run = ActiveRun(view, shown)
            return self.run

    @property
    def busy(self) -> bool:
        run = self.run
        return run is not None and not run.done.is_set()

    def finish(self, run: ActiveRun) -> None:
        """The worker's last step: the turn joins the chat, the run is saved; then the next may start."""
        with self.lock:
            if not self.closed:
                self.chat = self.chat + run.shown + run.view.messages
                self.last_view = run.view
                try:
                    run.record = self.save_run(run.view)
                except OSError:  # the folder went away (the conversation was closed meanwhile)
                    run.record = None
        run.done.set()
        run.bump(panels=True)

    def stop(self, wait: float = 10.0) -> bool:
        """Ask the running run to stop and wait for it to end; True when nothing runs any more."""
        run = self.run
        if run is None:
            return True
        run.cancel.set()
        run.bump(panels=False)
        return run.done.wait(wait)

    def save_run(self, view: RunView) -> Path:
        self.runs += 1
        path = self.dir / "runs" / f"hugginggpt-run-{self.runs}.json"
        path.write_text(json.dumps(run_record(view), indent=2, ensure_ascii=False, default=str))
        return path

    def close(self, wait: float = 15.0) -> None:
        """End the conversation: stop its run, wait for it (its files are being written), then delete.
        It counts as closed from the start, so that the page's view of the run stops at once: an update
        of the old run that came after New conversation's empty page would bring the old run back."""
        with self.lock:
            self.closed = True
        self.stop(wait)
        shutil.rmtree(self.dir, ignore_errors=True)


def close_user_state(user: UserState | None) -> None:
    """gr.State's delete_callback: the session expired or its tab closed; stop its run, remove its files."""
    if isinstance(user, UserState):
        user.close(wait=5.0)


def sweep(root: Path, max_age: float) -> int:
    """Remove session folders untouched for max_age seconds (a backstop for servers that restart)."""
    removed = 0
    now = time.time()
    for d in root.iterdir() if root.is_dir() else []:
        try:
            newest = max([d.stat().st_mtime] + [p.stat().st_mtime for p in d.rglob("*")])
        except OSError:
            continue
        if now - newest > max_age:
            shutil.rmtree(d, ignore_errors=True)
            removed += 1
    return removed


# ---- uploads ---------------------------------------------------------------------------------


def check_upload(path: str | Path, max_bytes: int = MAX_UPLOAD_BYTES) -> str | None:
    """Why this upload cannot be used (None: it can)."""
    p = Path(path)
    name = p.name
    if not p.is_file():
        return f"{name}: the file did not arrive; upload it again"
    kind = media_kind(name)
    if kind is None:
        allowed = " ".join(e for exts in MEDIA_EXTENSIONS.values() for e in exts)
        return f"{name}: this type of file is not supported; upload an image, audio or video ({allowed})"
    size = p.stat().st_size
    if size == 0:
        return f"{name}: the file is empty"
    if size > max_bytes:
        return f"{name}: {size / 2**20:.1f} MB is too large; the limit is {max_bytes / 2**20:.0f} MB"
    if kind == "image":
        try:
            with Image.open(p) as im:
                im.verify()
        except Exception as e:  # PIL raises many types for broken files
            return f"{name}: not a readable image (corrupt or not really {p.suffix.lower()}): {type(e).__name__}"
    elif p.suffix.lower() == ".wav":
        head = p.read_bytes()[:12]
        if head[:4] != b"RIFF" or head[8:12] != b"WAVE":
            return f"{name}: not a readable WAV file (corrupt?)"
    return None


def file_path(f: Any) -> str:
    return f.get("path") if isinstance(f, dict) else str(f)


# ---- settings and pipelines --------------------------------------------------------------------


def settings_config(settings: dict[str, str] | None, base: Config) -> Config:
    """The Config of one browser session: its settings over the environment's defaults.

    The server's key is never sent to a base URL the user typed: a user-chosen endpoint gets only
    the user's own key.
    """
    s = {k: (v or "").strip() for k, v in (settings or {}).items()}
    base_url = s.get("base_url") or base.openai_base_url
    own_endpoint = bool(s.get("base_url")) and s.get("base_url") != (base.openai_base_url or "")
    api_key = s.get("api_key") or (None if own_endpoint else base.openai_api_key)
    mode = s.get("mode") if s.get("mode") in MODES else base.mode
    return replace(
        base,
        mode=mode,  # type: ignore[arg-type]
        openai_base_url=base_url or None,
        openai_api_key=api_key or None,
        llm_model=s.get("model") or base.llm_model,
        hf_token=s.get("hf_token") or base.hf_token,
        hf_provider=s.get("provider") or base.hf_provider,
    )


def _config_key(cfg: Config) -> str:
    raw = json.dumps({f.name: str(getattr(cfg, f.name)) for f in fields(cfg)}, sort_keys=True)
    return hashlib.sha256(raw.encode()).hexdigest()  # secrets only ever live hashed in the key


class PipelineCache:
    """Pipelines by configuration. A Pipeline is stateless between requests, so sessions with the same
    settings share one; sessions never share a Session (files, history)."""

    def __init__(self, factory: Callable[[Config], Pipeline], size: int = 8):
        self.factory = factory
        self.size = size
        self._items: OrderedDict[str, Pipeline] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, cfg: Config) -> Pipeline:
        key = _config_key(cfg)
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
            pipeline = self.factory(cfg)
            self._items[key] = pipeline
            while len(self._items) > self.size:
                self._items.popitem(last=False)
            return pipeline
