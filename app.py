"""HuggingGPT's web page: one gr.Blocks page that turns the pipeline's events into components.

Run it with `python app.py` (honours GRADIO_SERVER_NAME / GRADIO_SERVER_PORT) or as a Hugging Face Space.
The page only translates: `RunView.apply` has one branch per event type, and the `render_*` functions
turn a RunView into component values. Nothing here plans, selects or runs models.
"""

from __future__ import annotations

import os

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

import hashlib  # noqa: E402
import html  # noqa: E402
import json  # noqa: E402
import logging  # noqa: E402
import shutil  # noqa: E402
import tempfile  # noqa: E402
import threading  # noqa: E402
import time  # noqa: E402
import uuid  # noqa: E402
from collections import OrderedDict  # noqa: E402
from collections.abc import Callable, Iterator  # noqa: E402
from dataclasses import dataclass, field, fields, replace  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import gradio as gr  # noqa: E402
from PIL import Image  # noqa: E402

from hugginggpt.config import Config  # noqa: E402
from hugginggpt.orchestrator import Pipeline, Session  # noqa: E402
from hugginggpt.planning import PlanError, parse_plan  # noqa: E402
from hugginggpt.types import (  # noqa: E402
    MEDIA_EXTENSIONS,
    AnswerDelta,
    Event,
    FinalAnswer,
    ModelChoice,
    ModelsSelected,
    Plan,
    PlanReady,
    Request,
    RunFailed,
    TaskFailed,
    TaskFinished,
    TaskResult,
    TaskSkipped,
    TaskStarted,
    media_kind,
)
from hugginggpt.workspace import MAX_UPLOAD_BYTES, Workspace  # noqa: E402

log = logging.getLogger("hugginggpt.app")

ASSETS = Path(__file__).resolve().parent / "assets"
SESSION_TTL = float(os.environ.get("HUGGINGGPT_UI_SESSION_TTL", 2 * 3600))  # seconds idle before cleanup
MODES = ("offline", "hybrid", "remote")
STATE_COLORS = {  # fill, stroke
    "waiting": ("#f3f4f6", "#9ca3af"),
    "running": ("#fef3c7", "#d97706"),
    "done": ("#dcfce7", "#16a34a"),
    "failed": ("#fee2e2", "#dc2626"),
    "skipped": ("#f9fafb", "#d1d5db"),
}


# ---- one run: events -> view state ------------------------------------------------------------


@dataclass
class RunView:
    """What the page shows about one request, updated event by event."""

    request: str
    messages: list[dict[str, Any]] = field(default_factory=list)  # this turn's assistant messages
    plan: Plan | None = None
    plan_source: str = ""
    states: dict[int, str] = field(default_factory=dict)  # task id -> waiting|running|done|failed|skipped
    choices: dict[int, ModelChoice] = field(default_factory=dict)
    results: dict[int, TaskResult] = field(default_factory=dict)
    answer: str = ""
    error: str | None = None
    trace: dict[str, Any] = field(default_factory=dict)
    times: dict[str, float] = field(default_factory=dict)  # event kind -> first/last time seen
    finished: bool = False
    _steps: dict[int, int] = field(default_factory=dict)  # task id -> index in messages
    _answer_at: int | None = None

    def apply(self, event: Event) -> None:
        """Fold one pipeline event into the view: one branch per event type."""
        if isinstance(event, PlanReady):
            self.plan, self.plan_source = event.plan, event.source
            self.states = {t.id: "waiting" for t in event.plan.tasks}
            self.times["plan"] = event.t
            n = len(event.plan.tasks)
            body = "\n".join(f"{t.id}. `{t.task}` {_args_text(t.args)}" for t in event.plan.tasks)
            self.messages.append(
                _step(
                    f"Plan ({event.source}): {n} task{'s' * (n != 1)}"
                    if n
                    else f"Plan ({event.source}): no tools needed",
                    body or "Answering directly.",
                    duration=round(event.t, 2),
                )
            )
        elif isinstance(event, ModelsSelected):
            self.choices = dict(event.choices)
            self.times["select"] = event.t
        elif isinstance(event, TaskStarted):
            self.states[event.task.id] = "running"
            self._steps[event.task.id] = len(self.messages)
            self.messages.append(
                _step(
                    f"Task {event.task.id} · {event.task.task} · {event.model}",
                    f"running on {event.backend}…",
                    status="pending",
                    log=event.backend,
                    id=f"task-{event.task.id}",
                )
            )
        elif isinstance(event, TaskFinished | TaskFailed | TaskSkipped):
            r = event.result
            self.results[r.task_id] = r
            self.states[r.task_id] = r.status
            self.times["tasks"] = event.t
            if isinstance(event, TaskFinished):
                title = f"Task {r.task_id} · {r.task} · {r.model}"
                body = _text_output(r) or "done"
            elif isinstance(event, TaskFailed):
                title = f"Task {r.task_id} · {r.task} · failed"
                body = f"Error: {r.error}" + (f"\n\nTried: {', '.join(r.attempts)}" if r.attempts else "")
            else:
                title = f"Task {r.task_id} · {r.task} · skipped"
                body = r.error or "skipped"
            msg = _step(title, body, duration=round(r.seconds, 2), log=r.backend or "", id=f"task-{r.task_id}")
            if r.task_id in self._steps:
                self.messages[self._steps[r.task_id]] = msg
            else:
                self._steps[r.task_id] = len(self.messages)
                self.messages.append(msg)
            for kind, path in _media(r):
                self.messages.append(
                    {"role": "assistant", "content": {"path": str(path), "alt_text": f"task {r.task_id} {kind}"}}
                )
        elif isinstance(event, AnswerDelta):
            self.times.setdefault("answer_start", event.t)
            self._set_answer(self.answer + event.text)
        elif isinstance(event, FinalAnswer):
            self.times["end"] = event.t
            self.trace = event.trace
            self._set_answer(event.answer or self.answer)
            self.finished = True
        elif isinstance(event, RunFailed):
            self.times["end"] = event.t
            self.trace = event.trace
            self.error = event.message
            self.finished = True
            self._close_pending()
            self.messages.append(
                {"role": "assistant", "content": f"⚠️ **Could not answer** ({event.stage}): {event.message}"}
            )

    def _set_answer(self, text: str) -> None:
        self.answer = text
        if self._answer_at is None:
            self._answer_at = len(self.messages)
            self.messages.append({"role": "assistant", "content": text})
        else:
            self.messages[self._answer_at] = {"role": "assistant", "content": text}

    def _close_pending(self) -> None:
        for i, m in enumerate(self.messages):
            meta = m.get("metadata") or {}
            if meta.get("status") == "pending":
                self.messages[i] = {**m, "metadata": {**meta, "status": "done", "log": "interrupted"}}

    def stages(self) -> dict[str, float]:
        """Seconds spent per stage, from the event times."""
        t = self.times
        out: dict[str, float] = {}
        if "plan" in t:
            out["planning"] = t["plan"]
        if "select" in t:
            out["selection"] = t["select"] - t.get("plan", 0.0)
        if "tasks" in t:
            out["execution"] = t["tasks"] - t.get("select", t.get("plan", 0.0))
        if "end" in t and "answer_start" in t:
            out["response"] = t["end"] - t.get("tasks", t.get("select", t.get("plan", 0.0)))
        if "end" in t:
            out["total"] = t["end"]
        return {k: round(max(v, 0.0), 3) for k, v in out.items()}


def _step(title: str, content: str, *, status: str = "done", **meta: Any) -> dict[str, Any]:
    metadata = {"title": title, "status": status, **{k: v for k, v in meta.items() if v not in (None, "")}}
    return {"role": "assistant", "content": content, "metadata": metadata}


def _args_text(args: dict[str, str]) -> str:
    return ", ".join(f"{k}={_short(str(v), 60)}" for k, v in args.items())


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _text_output(r: TaskResult) -> str:
    text = r.outputs.get("text")
    if text is None and "data" in r.outputs:
        text = json.dumps(r.outputs["data"], ensure_ascii=False)[:2000]
    return "" if text is None else str(text)


def _media(r: TaskResult) -> list[tuple[str, Path]]:
    return [(k, Path(v)) for k, v in r.outputs.items() if k in ("image", "audio", "video") and v and Path(v).is_file()]


# ---- view -> component values (pure) ----------------------------------------------------------


def render_plan_json(view: RunView | None) -> str:
    if view is None or view.plan is None:
        return "[]"
    return json.dumps(view.plan.to_json(), indent=2, ensure_ascii=False)


def render_graph(plan: Plan | None, states: dict[int, str] | None = None) -> str:
    """The plan's dependency graph as inline SVG, each task coloured by its state."""
    if plan is None or not plan.tasks:
        return '<div class="plan-graph empty">No tasks yet.</div>'
    states = states or {}
    depth: dict[int, int] = {}
    for t in plan.tasks:  # plans are topologically ordered by the validator
        depth[t.id] = 1 + max((depth.get(d, 0) for d in t.dep), default=-1)
    columns: dict[int, list[int]] = {}
    for t in plan.tasks:
        columns.setdefault(depth[t.id], []).append(t.id)
    w, h, gx, gy, pad = 170, 48, 50, 18, 10
    pos = {tid: (pad + c * (w + gx), pad + r * (h + gy)) for c, ids in columns.items() for r, tid in enumerate(ids)}
    width = pad * 2 + len(columns) * (w + gx) - gx
    height = pad * 2 + max(len(ids) for ids in columns.values()) * (h + gy) - gy
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        'font-family="sans-serif" font-size="12" role="img" aria-label="task graph">',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#6b7280"/></marker></defs>',
    ]
    for t in plan.tasks:
        x2, y2 = pos[t.id]
        for d in t.dep:
            if d in pos:
                x1, y1 = pos[d]
                parts.append(
                    f'<line x1="{x1 + w}" y1="{y1 + h / 2}" x2="{x2 - 2}" y2="{y2 + h / 2}" stroke="#6b7280" '
                    'stroke-width="1.5" marker-end="url(#arrow)"/>'
                )
    for t in plan.tasks:
        x, y = pos[t.id]
        state = states.get(t.id, "waiting")
        fill, stroke = STATE_COLORS.get(state, STATE_COLORS["waiting"])
        dash = ' stroke-dasharray="4 3"' if state == "skipped" else ""
        parts.append(
            f'<g class="task-node" data-task="{t.id}" data-state="{state}">'
            f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="8" fill="{fill}" stroke="{stroke}" '
            f'stroke-width="2"{dash}/><text x="{x + 8}" y="{y + 19}" font-weight="bold" fill="#111827">'
            f"{t.id}: {html.escape(_short(t.task, 22))}</text>"
            f'<text x="{x + 8}" y="{y + 37}" fill="#374151">{state}</text></g>'
        )
    parts.append("</svg>")
    return f'<div class="plan-graph">{"".join(parts)}</div>'


def render_choices(view: RunView | None) -> str:
    """Per task: chosen model (linked to the Hub when it has a page), backend, reason, other candidates."""
    if view is None or not view.choices:
        return '<p class="muted">No models selected yet.</p>'
    tasks = view.plan.by_id() if view.plan else {}
    rows = []
    for tid, c in sorted(view.choices.items()):
        info = next((m for m in c.candidates if m.id == c.model), None)
        name = html.escape(c.model)
        model = (
            f'<a href="{html.escape(info.url)}" target="_blank" rel="noopener">{name}</a>'
            if info and info.url
            else name
        )
        others = [m for m in c.candidates if m.id != c.model]
        other = ", ".join(
            f'<a href="{html.escape(m.url)}" target="_blank" rel="noopener">{html.escape(m.id)}</a>'
            if m.url
            else html.escape(m.id)
            for m in others[:6]
        )
        task = tasks[tid].task if tid in tasks else ""
        rows.append(
            f'<tr data-task="{tid}"><td>{tid}: {html.escape(task)}</td><td>{model}</td>'
            f"<td>{html.escape(c.backend)}</td>"
            f"<td>{html.escape(c.reason)}</td><td>{other or '-'}</td></tr>"
        )
    head = "<tr><th>task</th><th>model</th><th>backend</th><th>reason</th><th>other candidates</th></tr>"
    return f'<table class="choices">{head}{"".join(rows)}</table>'


def render_gallery(view: RunView | None) -> list[tuple[str, str]]:
    if view is None:
        return []
    return [
        (str(p), f"task {tid} · {r.task}")
        for tid, r in _ordered_results(view)
        for kind, p in _media(r)
        if kind in ("image", "video")
    ]


def render_outputs_text(view: RunView | None) -> str:
    """Every task's text output (and errors), labelled by task."""
    if view is None or not view.results:
        return ""
    lines = []
    for tid, r in _ordered_results(view):
        head = f"**Task {tid} · {r.task}**" + (f" ({r.model})" if r.model else "")
        if r.status == "done":
            text = _text_output(r)
            media = ", ".join(f"{k}: `{p.name}`" for k, p in _media(r))
            text = text.replace("\n", "  \n")  # keep the lines of OCR'd or multi-line text
            lines.append(f"{head}: {text}" + (f" — {media}" if media else ""))
        else:
            lines.append(f"{head}: *{r.status}*: {r.error or ''}")
    return "\n\n".join(lines)


def render_files(view: RunView | None) -> list[str]:
    if view is None:
        return []
    return [str(p) for _, r in _ordered_results(view) for _, p in _media(r)]


def render_trace(view: RunView | None) -> dict[str, Any]:
    """The trace panel: LLM calls and tokens, seconds per stage, per-task timing."""
    if view is None:
        return {}
    return {
        "plan_source": view.plan_source,
        "stages_s": view.stages(),
        "llm": view.trace.get("llm", {"calls": 0, "prompt_tokens": 0, "completion_tokens": 0}),
        "tasks": {
            str(tid): {
                "task": r.task,
                "status": r.status,
                "model": r.model,
                "backend": r.backend,
                "seconds": round(r.seconds, 3),
            }
            for tid, r in _ordered_results(view)
        },
        **({"error": view.error} if view.error else {}),
    }


def run_record(view: RunView) -> dict[str, Any]:
    """The whole run as one JSON document (what the download button gives)."""
    return {
        "request": view.request,
        "answer": view.answer,
        "stages_s": view.stages(),
        **view.trace,
        "view_error": view.error,
    }


def _ordered_results(view: RunView) -> list[tuple[int, TaskResult]]:
    order = {t.id: i for i, t in enumerate(view.plan.tasks)} if view.plan else {}
    return sorted(view.results.items(), key=lambda kv: order.get(kv[0], kv[0]))


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


def _file_path(f: Any) -> str:
    return f.get("path") if isinstance(f, dict) else str(f)


# ---- settings and pipelines --------------------------------------------------------------------

SECRET_FIELDS = ("api_key", "hf_token")


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


def capabilities_md(pipeline: Pipeline) -> str:
    """What this configuration can do; without an LLM, what the offline mode covers and how to add a key."""
    try:
        tasks = pipeline.served_tasks()
    except Exception as e:  # a broken backend must not take the page down
        log.warning("served_tasks failed: %s", e)
        tasks = []
    listed = ", ".join(f"`{t}`" for t in tasks) or "none (no embedded expert is installed)"
    mode = pipeline.config.mode
    if pipeline.llm is None:
        return (
            f"**Offline mode, no LLM.** The embedded planner and the models on this machine can do: {listed}.  \n"
            "To plan with an LLM and write fuller answers, open **Settings** and enter an OpenAI-compatible "
            "API key (or the base URL of a local server); add a Hugging Face token and pick *hybrid* or "
            "*remote* for Hub models."
        )
    return f"**Mode: {mode}**, LLM `{pipeline.config.llm_model}`. Tasks served: {listed}."


# ---- per-session state -------------------------------------------------------------------------


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

    @classmethod
    def create(cls, root: Path) -> UserState:
        d = root / uuid.uuid4().hex
        (d / "runs").mkdir(parents=True)
        return cls(dir=d, session=Session(workspace=Workspace(d / "files")))

    def save_run(self, view: RunView) -> Path:
        self.runs += 1
        path = self.dir / "runs" / f"hugginggpt-run-{self.runs}.json"
        path.write_text(json.dumps(run_record(view), indent=2, ensure_ascii=False, default=str))
        return path

    def close(self) -> None:
        shutil.rmtree(self.dir, ignore_errors=True)


def close_user_state(user: UserState | None) -> None:
    """gr.State's delete_callback: the session expired or its tab closed; remove its files."""
    if isinstance(user, UserState):
        user.close()


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


# ---- the page -----------------------------------------------------------------------------------

CSS = """
#chat { min-height: 520px; }
.plan-graph { overflow-x: auto; padding: 4px 0; }
.plan-graph.empty, .muted { color: #6b7280; font-size: 0.9em; }
table.choices { font-size: 0.85em; border-collapse: collapse; width: 100%; }
table.choices td, table.choices th {
  border-bottom: 1px solid #e5e7eb; padding: 4px 6px; text-align: left; vertical-align: top;
}
"""

EXAMPLES = [  # each runs offline with the embedded planner and models (tests/test_app_examples.py)
    {"text": "Read the text in this receipt and tell me the total.", "files": [str(ASSETS / "receipt.png")]},
    {"text": "Read the text in this receipt aloud.", "files": [str(ASSETS / "receipt.png")]},
    {"text": "Transcribe this recording, then read the transcript aloud.", "files": [str(ASSETS / "booking.wav")]},
    {"text": 'Read "The meeting moved to Friday at ten" aloud.', "files": []},
]


def build_demo(
    pipeline_factory: Callable[[Config], Pipeline] | None = None,
    *,
    base_config: Config | None = None,
    root: Path | None = None,
    session_ttl: float = SESSION_TTL,
) -> gr.Blocks:
    """The page. `pipeline_factory(config)` builds the pipeline of a session's settings
    (default: Pipeline.from_config); tests pass their own."""
    base = base_config or Config.from_env()
    root = (root or Path(base.workdir or tempfile.gettempdir()) / "hugginggpt-ui").resolve()
    root.mkdir(parents=True, exist_ok=True)
    sweep(root, session_ttl)
    pipelines = PipelineCache(pipeline_factory or Pipeline.from_config)

    last_sweep = [time.time()]

    def user_of(user: UserState | None) -> UserState:
        if not isinstance(user, UserState) or not user.dir.is_dir():
            # gr.State's delete_callback cleans expired sessions; this sweep catches what it misses
            # (sessions evicted without a callback, folders left by a crash)
            if time.time() - last_sweep[0] > min(600.0, session_ttl):
                last_sweep[0] = time.time()
                sweep(root, session_ttl)
            user = UserState.create(root)
        user.touched = time.time()
        return user

    # delete_cache: Gradio's own copies of uploads and outputs go after a session's lifetime too
    with gr.Blocks(title="HuggingGPT", delete_cache=(1800, int(session_ttl))) as demo:
        demo.root_dir = root  # type: ignore[attr-defined]
        user_state = gr.State(None, time_to_live=session_ttl, delete_callback=close_user_state)
        settings_state = gr.State(None, time_to_live=session_ttl)

        gr.Markdown("# HuggingGPT\nAn LLM plans the tasks, picks an expert model for each, runs them and answers.")
        banner = gr.Markdown(elem_id="capabilities")
        with gr.Row():
            with gr.Column(scale=3):
                chatbot = gr.Chatbot(elem_id="chat", label="Chat", height=560)
                request_box = gr.MultimodalTextbox(
                    elem_id="request",
                    file_types=["image", "audio", "video"],
                    file_count="multiple",
                    placeholder="Ask something; attach images, audio or video…",
                    show_label=False,
                    submit_btn=True,
                )
                status = gr.Markdown("", elem_id="run-status")
                with gr.Row():
                    new_chat = gr.Button("New conversation", size="sm", elem_id="new-chat")
                gr.Examples(examples=EXAMPLES, inputs=[request_box], label="Examples (work offline)")
            with gr.Column(scale=2):
                with gr.Accordion("Task plan", open=True, elem_id="plan"):
                    graph = gr.HTML(render_graph(None), elem_id="plan-graph")
                    plan_code = gr.Code(
                        "[]",
                        language="json",
                        interactive=True,
                        max_lines=24,
                        label="Plan (editable JSON)",
                        elem_id="plan-json",
                    )
                    rerun = gr.Button("Run this plan (no re-planning)", size="sm", elem_id="rerun")
                with gr.Accordion("Model selection", open=False, elem_id="choices"):
                    choices = gr.HTML(render_choices(None), elem_id="choices-table")
                with gr.Accordion("Outputs", open=True, elem_id="outputs"):
                    gallery = gr.Gallery(
                        label="Media by task", columns=3, height=260, object_fit="contain", elem_id="outputs-gallery"
                    )
                    outputs_text = gr.Markdown("", elem_id="outputs-text")
                    files = gr.File(label="Files", file_count="multiple", elem_id="outputs-files", interactive=False)
                with gr.Accordion("Trace", open=False, elem_id="trace"):
                    trace = gr.JSON({}, label="LLM calls, tokens, seconds per stage", elem_id="trace-json")
                    download = gr.DownloadButton("Download run (JSON)", value=None, elem_id="download", size="sm")
                with gr.Accordion("Settings", open=False, elem_id="settings"):
                    mode = gr.Radio(list(MODES), value=base.mode, label="Mode", elem_id="set-mode")
                    base_url = gr.Textbox(
                        base.openai_base_url or "",
                        label="OpenAI-compatible base URL",
                        placeholder="https://api.openai.com/v1",
                    )
                    model = gr.Textbox(base.llm_model, label="LLM model name")
                    api_key = gr.Textbox(
                        "",
                        type="password",
                        label="API key",
                        placeholder="server default" if base.openai_api_key else "sk-…",
                    )
                    hf_token = gr.Textbox(
                        "",
                        type="password",
                        label="Hugging Face token",
                        placeholder="server default" if base.hf_token else "hf_…",
                    )
                    provider = gr.Textbox(base.hf_provider, label="Inference provider (auto, hf-inference, …)")
                    with gr.Row():
                        save = gr.Button("Apply settings", size="sm", variant="primary", elem_id="save-settings")
                        forget = gr.Button("Forget my keys", size="sm", elem_id="forget-keys")
                    settings_note = gr.Markdown(
                        "Keys stay in this browser session only; they are never shown again or logged."
                    )

        panels = [graph, plan_code, choices, gallery, outputs_text, files, trace, download]
        run_outputs = [chatbot, request_box, status, *panels, user_state]

        def panel_values(view: RunView | None) -> list[Any]:
            return [
                render_graph(view.plan if view else None, view.states if view else None),
                render_plan_json(view),
                render_choices(view),
                render_gallery(view),
                render_outputs_text(view),
                render_files(view) or None,
                render_trace(view),
            ]

        def stream(user: UserState, settings: dict | None, request: Request, shown: list[dict]) -> Iterator[tuple]:
            """Run one request and yield the outputs after every event."""
            view = RunView(request.text)
            busy = gr.MultimodalTextbox(value=None, interactive=False)
            yield (user.chat + shown, busy, "⏳ planning…", *panel_values(view), None, user)
            try:
                pipeline = pipelines.get(settings_config(settings, base))
                for event in pipeline.run(request, user.session):
                    view.apply(event)
                    chat = user.chat + shown + view.messages
                    if isinstance(event, AnswerDelta):  # token stream: only the chat changes
                        yield (chat, gr.skip(), "✍️ answering…", *[gr.skip()] * 7, gr.skip(), user)
                    else:
                        yield (chat, gr.skip(), _status_line(view), *panel_values(view), gr.skip(), user)
            except Exception as e:  # a bug must not leave the page stuck: report it, keep serving
                log.exception("run failed")
                view.error = f"{type(e).__name__}: {e}"
                view.messages.append({"role": "assistant", "content": f"⚠️ **Internal error**: {view.error}"})
            if not view.finished and view.error is None:
                view.error = "the run ended without an answer"
            user.chat = user.chat + shown + view.messages
            user.last_view = view
            record = user.save_run(view)
            done = "❌ failed" if view.error else f"✅ done in {view.stages().get('total', 0):.1f} s"
            yield (
                user.chat,
                gr.MultimodalTextbox(value=None, interactive=True),
                done,
                *panel_values(view),
                str(record),
                user,
            )

        def respond(message: dict | None, user: UserState | None, settings: dict | None):
            """Answer a multimodal message {"text", "files"}; streams the chat and the panels."""
            user = user_of(user)
            message = message or {}
            text = (message.get("text") or "").strip()
            paths = [_file_path(f) for f in message.get("files") or [] if _file_path(f)]
            shown: list[dict] = [{"role": "user", "content": text}] if text else []
            if not text and not paths:
                yield (
                    user.chat,
                    gr.skip(),
                    "Type a request (and attach files if it needs them).",
                    *[gr.skip()] * 8,
                    user,
                )
                return
            problems = [p for p in (check_upload(f) for f in paths) if p]
            shown += [{"role": "user", "content": {"path": f}} for f in paths if not check_upload(f)]
            if problems:
                user.chat = (
                    user.chat
                    + shown
                    + [
                        {
                            "role": "assistant",
                            "content": "⚠️ **Cannot use the upload**:\n\n" + "\n".join(f"- {p}" for p in problems),
                        }
                    ]
                )
                yield (
                    user.chat,
                    gr.MultimodalTextbox(value=None, interactive=True),
                    "❌ bad upload",
                    *[gr.skip()] * 8,
                    user,
                )
                return
            if not text:
                text = "What can you tell me about these files?"
            user.last_text = text
            yield from stream(user, settings, Request(text, [Path(f) for f in paths]), shown)

        def run_plan(plan_text: str, user: UserState | None, settings: dict | None):
            """Execute the (edited) plan in the plan panel for the last request, without re-planning."""
            user = user_of(user)
            error = None
            try:
                json.loads(plan_text or "")
                plan = parse_plan(plan_text, user.session.file_names())
                if not plan.tasks:
                    error = "the plan has no tasks"
            except json.JSONDecodeError as e:
                error = f"the plan is not valid JSON ({e})"
            except PlanError as e:
                error = str(e)
            if error or not user.last_text:
                note = f"⚠️ **Cannot run this plan**: {error or 'send a request first; the plan runs for it'}"
                user.chat = user.chat + [{"role": "assistant", "content": note}]
                yield (user.chat, gr.skip(), "❌ plan not run", *[gr.skip()] * 8, user)
                return
            shown = [{"role": "user", "content": f"↻ {user.last_text} (edited plan)"}]
            yield from stream(user, settings, Request(user.last_text, plan=plan), shown)

        def clear(user: UserState | None):
            if isinstance(user, UserState):
                user.close()
            return ([], None, "", *panel_values(None), None, None)

        def apply_settings(m: str, url: str, name: str, key: str, token: str, prov: str, settings: dict | None):
            new = dict(settings or {})
            new.update(mode=m, base_url=url.strip(), model=name.strip(), provider=prov.strip())
            # a blank key field keeps this session's key: the field is cleared after each save
            if key.strip():
                new["api_key"] = key.strip()
            if token.strip():
                new["hf_token"] = token.strip()
            return (*_settings_feedback(new), "", "")

        def forget_keys(settings: dict | None):
            new = {k: v for k, v in (settings or {}).items() if k not in SECRET_FIELDS}
            return (*_settings_feedback(new), "", "")

        def _settings_feedback(new: dict) -> tuple[dict, str, str]:
            try:
                pipeline = pipelines.get(settings_config(new, base))
                banner_md = capabilities_md(pipeline)
            except Exception as e:  # e.g. a backend that cannot start with these settings
                log.warning("pipeline for the new settings failed: %s", type(e).__name__)
                banner_md = f"⚠️ These settings do not work: {type(e).__name__}: {e}"
            own = [n for n, k in (("API key", "api_key"), ("HF token", "hf_token")) if new.get(k)]
            note = "Settings applied." + (
                f" Your {' and '.join(own)} {'is' if len(own) == 1 else 'are'} set for this session." if own else ""
            )
            return new, banner_md, note

        def on_load(settings: dict | None):
            try:
                return capabilities_md(pipelines.get(settings_config(settings, base)))
            except Exception as e:
                log.warning("pipeline failed to start: %s", type(e).__name__)
                return f"⚠️ The pipeline could not start: {type(e).__name__}: {e}"

        request_box.submit(
            respond,
            [request_box, user_state, settings_state],
            run_outputs,
            api_name="chat",
            show_progress_on=[status],
            show_progress="minimal",
        )
        rerun.click(
            run_plan,
            [plan_code, user_state, settings_state],
            run_outputs,
            api_name="run_plan",
            show_progress_on=[status],
            show_progress="minimal",
        )
        new_chat.click(
            clear,
            [user_state],
            [chatbot, request_box, status, *panels[:-1], download, user_state],
            api_visibility="private",
        )
        save.click(
            apply_settings,
            [mode, base_url, model, api_key, hf_token, provider, settings_state],
            [settings_state, banner, settings_note, api_key, hf_token],
            api_visibility="private",
        )
        forget.click(
            forget_keys,
            [settings_state],
            [settings_state, banner, settings_note, api_key, hf_token],
            api_visibility="private",
        )
        demo.load(on_load, [settings_state], [banner], api_visibility="private")
    return demo


def _status_line(view: RunView) -> str:
    if view.plan is None:
        return "⏳ planning…"
    counts = {s: list(view.states.values()).count(s) for s in ("running", "done", "failed", "skipped")}
    n = len(view.states)
    if not n:
        return "✍️ answering…"
    parts = [f"{counts[s]} {s}" for s in ("running", "done", "failed", "skipped") if counts[s]]
    return f"⏳ {n} task{'s' * (n != 1)}: " + ", ".join(parts or ["waiting"])


def launch_kwargs(demo: gr.Blocks) -> dict[str, Any]:
    """launch() arguments; server name and port come from GRADIO_SERVER_NAME / GRADIO_SERVER_PORT."""
    return {
        "theme": gr.themes.Soft(),
        "css": CSS,
        "allowed_paths": [str(ASSETS), str(demo.root_dir)],  # type: ignore[attr-defined]
        "max_file_size": MAX_UPLOAD_BYTES,
    }


def queue(demo: gr.Blocks) -> gr.Blocks:
    """Several requests run at once (one long run does not block the others); the wait line is bounded."""
    return demo.queue(
        default_concurrency_limit=int(os.environ.get("HUGGINGGPT_UI_CONCURRENCY", "8")),
        max_size=int(os.environ.get("HUGGINGGPT_UI_QUEUE", "64")),
    )


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app = queue(build_demo())
    app.launch(**launch_kwargs(app))
