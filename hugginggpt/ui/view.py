"""Pure renderers: pipeline events -> a RunView -> the values the page shows (chat messages, HTML, text).

No Gradio here: chat messages are plain dicts in Gradio's messages format ({"role", "content",
"metadata"}), panels are HTML/markdown strings and lists of paths.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass, field
from typing import Any, Literal

from .. import tasks as task_registry
from ..capabilities import for_visitor
from ..execution import RUN_STOPPED
from ..experts.base import STOPPED
from ..response import output_name
from ..types import (
    AnswerDelta,
    Event,
    FinalAnswer,
    ModelChoice,
    ModelsSelected,
    Plan,
    PlanReady,
    RunFailed,
    TaskFailed,
    TaskFinished,
    TaskResult,
    TaskSkipped,
    TaskStarted,
)

Outcome = Literal["done", "partly", "failed", "stopped", "needs"]  # needs: only a missing model stopped it

STATE_COLORS = {  # fill, stroke
    "waiting": ("#f3f4f6", "#9ca3af"),
    "running": ("#fef3c7", "#d97706"),
    "done": ("#dcfce7", "#16a34a"),
    "failed": ("#fee2e2", "#dc2626"),
    "skipped": ("#f9fafb", "#d1d5db"),
    "stopped": ("#f3f4f6", "#6b7280"),
}
STATE_WORDS = {
    "waiting": "waiting",
    "running": "running…",
    "done": "✓ done",
    "failed": "✗ failed",
    "skipped": "skipped",
    "stopped": "⏹ stopped",
}
# what a task that the visitor's Stop ended carries as its error (execution.py's give_up and the experts'
# Cancelled): shown as stopped, not as failed
STOP_ERRORS = (STOPPED, RUN_STOPPED)

WELCOME = (
    "👋 **Hi! Ask for something an AI model can do**, and attach an image or a recording if it needs one. "
    "I plan the steps, pick a model for each, run them and answer.\n\n"
    "Try an example below, or: *read the text in this photo*, *transcribe this recording*, "
    '*read "hello" aloud*.'
)

_ABS_PATH = re.compile(r"(?<![:/\\\w.])(?:[A-Za-z]:)?(?:[\\/][^\s'\"\\/:,;)]+){2,}")


def public(text: str) -> str:
    """Text for the page: any server path in it (a temp folder, a session folder) becomes its file name,
    and what only the server's owner can do ("(server: set HF_TOKEN)") is left to the logs and the CLI."""
    return for_visitor(_ABS_PATH.sub(lambda m: re.split(r"[\\/]", m.group(0))[-1], text))


def task_label(name: str) -> str:
    """Plain English for a task type ("read the text in an image"), its name when it has none."""
    spec = task_registry.TASKS.get(name)
    return spec.label if spec and spec.label else name.replace("-", " ")


def describe_arg(value: str) -> str:
    """An argument for people: `<GENERATED>-0` is "the output of task 0"; long text is cut."""
    refs = re.findall(r"<GENERATED>-(\d+)", value)
    if refs and re.fullmatch(r"\s*(<GENERATED>-\d+\s*)+", value):
        return " and ".join(f"the output of task {r}" for r in refs)
    return _short(re.sub(r"<GENERATED>-(\d+)", r"[output of task \1]", value), 60)


def plan_lines(plan: Plan) -> list[str]:
    """One line per task for people: what it does, on what, after which task."""
    lines = []
    for t in plan.tasks:
        args = ", ".join(f"{k}: {describe_arg(str(v))}" for k, v in t.args.items())
        after = ""
        if t.dep and not any("<GENERATED>" in str(v) for v in t.args.values()):
            after = " (after " + ", ".join(f"task {d}" for d in t.dep) + ")"
        lines.append(f"**{t.id}. {task_label(t.task)}** `{t.task}` — {args or 'no input'}{after}")
    return lines


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
    answer: str = ""  # as the page shows it (public): no server path, no owner's part
    error: str | None = None
    stage: str = ""  # the stage of a RunFailed ("planning", "cancelled", ...)
    trace: dict[str, Any] = field(default_factory=dict)
    times: dict[str, float] = field(default_factory=dict)  # event kind -> first/last time seen
    finished: bool = False
    _steps: dict[int, int] = field(default_factory=dict)  # task id -> index in messages
    _answer_at: int | None = None
    _raw_answer: str = ""  # the streamed answer so far, as the pipeline wrote it

    def apply(self, event: Event) -> None:
        """Fold one pipeline event into the view: one branch per event type."""
        if isinstance(event, PlanReady):
            self.plan, self.plan_source = event.plan, event.source
            self.states = {t.id: "waiting" for t in event.plan.tasks}
            self.times["plan"] = event.t
            n = len(event.plan.tasks)
            body = "\n".join(f"- {line}" for line in plan_lines(event.plan))
            if event.plan.dropped or event.plan.unplanned:  # parts that cannot run, and why
                body += "".join(f"\n- ⚠️ {public(s)}" for s in event.plan.dropped + event.plan.unplanned)
            body += "".join(f"\n- ℹ️ {public(r.note)}" for r in event.plan.routes)  # served another way
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
                body = public(text_output(r)) or "done"
            elif isinstance(event, TaskFailed):
                title = f"❌ Task {r.task_id} · {r.task} · failed"
                body = f"**Error:** {public(r.error or 'unknown error')}" + (
                    f"\n\nTried: {', '.join(public(a) for a in r.attempts)}" if r.attempts else ""
                )
            else:
                title = f"⏭️ Task {r.task_id} · {r.task} · skipped"
                body = public(r.error or "skipped")
            msg = _step(title, body, duration=round(r.seconds, 2), log=r.backend or "", id=f"task-{r.task_id}")
            if r.task_id in self._steps:
                self.messages[self._steps[r.task_id]] = msg
            else:
                self._steps[r.task_id] = len(self.messages)
                self.messages.append(msg)
            for kind, path in r.media():
                self.messages.append(
                    {"role": "assistant", "content": {"path": str(path), "alt_text": f"task {r.task_id} {kind}"}}
                )
        elif isinstance(event, AnswerDelta):
            self.times.setdefault("answer_start", event.t)
            self._raw_answer += event.text
            self._set_answer(self._raw_answer)
        elif isinstance(event, FinalAnswer):
            self.times["end"] = event.t
            self.trace = event.trace
            self._set_answer(event.answer or self._raw_answer)
            self.finished = True
        elif isinstance(event, RunFailed):
            self.fail(event.message, event.stage, trace=event.trace, t=event.t)

    def fail(self, message: str, stage: str, *, trace: dict | None = None, t: float | None = None) -> None:
        """End the run with a message (a RunFailed event, a stop, or a bug caught by the controller)."""
        if t is not None:
            self.times["end"] = t
        if trace:
            self.trace = trace
        self.error, self.stage = public(message), stage
        self.finished = True
        self._close_pending(stage == "cancelled")
        if stage == "cancelled":
            self.messages.append({"role": "assistant", "content": f"⏹️ **Stopped.** {self._stopped_note()}"})
        else:
            self.messages.append({"role": "assistant", "content": f"⚠️ **Could not answer** ({stage}): {self.error}"})

    def outcome(self) -> Outcome:
        """done: every task done and answered; partly: answered with some tasks failed or skipped;
        failed: no answer, or no task succeeded; stopped: the visitor stopped it."""
        if self.stage == "cancelled":
            return "stopped"
        if self.error is not None or not self.finished:
            return "failed"
        states = list(self.states.values())
        if states and "done" not in states:
            return "failed"
        return "partly" if any(s != "done" for s in states) else "done"

    def _set_answer(self, text: str) -> None:
        self.answer = public(text)
        if self._answer_at is None:
            self._answer_at = len(self.messages)
            self.messages.append({"role": "assistant", "content": self.answer})
        else:
            self.messages[self._answer_at] = {"role": "assistant", "content": self.answer}

    def _stopped_note(self) -> str:
        """Where a stopped run got to, from its own steps."""
        if self.plan is None:
            return "You stopped this request before its plan was ready."
        n, done = len(self.states), list(self.states.values()).count("done")
        if n == 0:
            return "You stopped this request."
        if n == 1:
            return "Its task had finished; it is kept above." if done else "Its task was stopped before it finished."
        if done == 0:
            return f"None of its {n} tasks had finished."
        return f"{done} of its {n} tasks had finished and are kept above; the others were stopped."

    def _close_pending(self, stopped: bool) -> None:
        for i, m in enumerate(self.messages):
            meta = m.get("metadata") or {}
            if meta.get("status") == "pending":
                title = meta.get("title", "")
                self.messages[i] = {
                    **m,
                    "content": "stopped" if stopped else "interrupted",
                    "metadata": {**meta, "status": "done", "title": f"⏹️ {title} · stopped" if stopped else title},
                }
        for tid, s in self.states.items():
            ended_by_stop = tid in self.results and (self.results[tid].error or "") in STOP_ERRORS
            if stopped and (s in ("waiting", "running") or (s in ("failed", "skipped") and ended_by_stop)):
                self.states[tid] = "stopped"
                self._mark_stopped(tid)
            elif s in ("waiting", "running"):
                self.states[tid] = "skipped"

    def _mark_stopped(self, tid: int) -> None:
        """A step the visitor's Stop ended says so, not "failed"."""
        at = self._steps.get(tid)
        if at is None or not self.plan:
            return
        task = self.plan.by_id()[tid].task
        meta = self.messages[at].get("metadata") or {}
        self.messages[at] = {
            "role": "assistant",
            "content": "stopped by you",
            "metadata": {**meta, "status": "done", "title": f"⏹️ Task {tid} · {task} · stopped"},
        }

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


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def text_output(r: TaskResult) -> str:
    text = r.outputs.get("text")
    if text is None and "data" in r.outputs:
        text = json.dumps(r.outputs["data"], ensure_ascii=False)[:2000]
    return "" if text is None else str(text)


# ---- status ------------------------------------------------------------------------------------


def status_line(view: RunView) -> str:
    """The one line under the chat while a run goes on."""
    if view.plan is None:
        return "⏳ planning…"
    counts = {s: list(view.states.values()).count(s) for s in ("running", "done", "failed", "skipped")}
    n = len(view.states)
    if not n:
        return "✍️ answering…"
    parts = [f"{counts[s]} {s}" for s in ("running", "done", "failed", "skipped") if counts[s]]
    return f"⏳ {n} task{'s' * (n != 1)}: " + ", ".join(parts or ["waiting"])


_ROUTE_NAMES = {"hf-router": "Hugging Face router", "openai": "OpenAI-compatible API"}


def llm_route_text(view: RunView) -> str:
    """" · LLM <model> (<route>)" for a run an LLM served (from the trace's llm_route), else ""."""
    route = view.trace.get("llm_route") or {}
    if not route.get("model") or not (view.trace.get("llm") or {}).get("calls"):
        return ""
    where = _ROUTE_NAMES.get(route.get("route", ""), route.get("route", ""))
    return f" · LLM {route['model']}" + (f" ({where})" if where else "")


def final_status(view: RunView) -> tuple[str, Outcome]:
    """The line after a run (emoji first, so it reads without colour) and its outcome for the colour."""
    outcome = view.outcome()
    secs = view.stages().get("total", 0.0)
    n = len(view.states)
    ok = list(view.states.values()).count("done")
    llm = llm_route_text(view)
    if outcome == "done":
        return f"✅ done in {secs:.1f} s{llm}", outcome
    # a task no model here can run did not fail: the answer says what to configure for it
    lacking = sum(1 for r in view.results.values() if r.unavailable)
    if outcome == "partly":
        tail = f" ({lacking} need{'s' * (lacking == 1)} a model this setup lacks)" if lacking else ""
        return f"⚠️ partly done in {secs:.1f} s: {ok} of {n} task{'s' * (n != 1)} worked{tail}{llm}", outcome
    if outcome == "stopped":
        return "⏹️ stopped", outcome
    skipped = list(view.states.values()).count("skipped")
    if view.error is None and lacking and lacking + skipped == n:  # nothing crashed: only models were missing
        which = "it needs" if n == 1 else f"{lacking} of {n} tasks need"
        return f"⚙️ not run: {which} a model this setup lacks (the answer says what to set)", "needs"
    if n == 1 and view.error is None:
        return "❌ failed: the task did not work", outcome
    if n and view.error is None:
        return f"❌ failed: none of the {n} tasks worked", outcome
    return "❌ failed", outcome


# ---- view -> panel values (pure) --------------------------------------------------------------


def render_plan_json(view: RunView | None) -> str:
    if view is None or view.plan is None:
        return "[]"
    return json.dumps(view.plan.to_json(), indent=2, ensure_ascii=False)


def render_plan_steps(view: RunView | None) -> str:
    """The plan for people: numbered steps in plain English, with what each uses."""
    if view is None or view.plan is None or not view.plan.tasks:
        return ""
    return "\n".join(f"- {line}" for line in plan_lines(view.plan))


def render_graph(plan: Plan | None, states: dict[int, str] | None = None) -> str:
    """The plan's dependency graph as inline SVG, each task coloured by its state, its full name shown.

    Top to bottom, one row per dependency level: a chain fits a phone's width as it fits a laptop's
    column; the SVG scales down (never clipped) when a row of parallel tasks is wider than the panel."""
    if plan is None or not plan.tasks:
        return '<div class="plan-graph empty">No tasks yet.</div>'
    states = states or {}
    depth: dict[int, int] = {}
    for t in plan.tasks:  # plans are topologically ordered by the validator
        depth[t.id] = 1 + max((depth.get(d, 0) for d in t.dep), default=-1)
    rows: dict[int, list[int]] = {}
    for t in plan.tasks:
        rows.setdefault(depth[t.id], []).append(t.id)
    by_id = plan.by_id()
    # the box is as wide as the longest task name (7 px per character at 12 px), never cut
    longest = max(len(f"{t.id}: {t.task}") for t in plan.tasks)
    w, h, gx, gy, pad = max(150, 16 + 7 * longest), 48, 24, 26, 10
    widest = max(len(ids) for ids in rows.values())
    width = pad * 2 + widest * (w + gx) - gx
    height = pad * 2 + len(rows) * (h + gy) - gy
    pos = {}
    for r, ids in rows.items():
        left = pad + (widest - len(ids)) * (w + gx) / 2  # each row centred
        for c, tid in enumerate(ids):
            pos[tid] = (round(left + c * (w + gx)), pad + r * (h + gy))
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        f'style="width:100%;max-width:{width}px;height:auto" preserveAspectRatio="xMidYMin meet" '
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
                    f'<line x1="{x1 + w / 2}" y1="{y1 + h}" x2="{x2 + w / 2}" y2="{y2 - 2}" stroke="#6b7280" '
                    'stroke-width="1.5" marker-end="url(#arrow)"/>'
                )
    for t in plan.tasks:
        x, y = pos[t.id]
        state = states.get(t.id, "waiting")
        fill, stroke = STATE_COLORS.get(state, STATE_COLORS["waiting"])
        dash = ' stroke-dasharray="4 3"' if state in ("skipped", "stopped") else ""
        label = html.escape(task_label(by_id[t.id].task))
        parts.append(
            f'<g class="task-node" data-task="{t.id}" data-state="{state}"><title>{label}</title>'
            f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="8" fill="{fill}" stroke="{stroke}" '
            f'stroke-width="2"{dash}/><text x="{x + 8}" y="{y + 19}" font-weight="bold" fill="#111827">'
            f"{t.id}: {html.escape(t.task)}</text>"
            f'<text x="{x + 8}" y="{y + 37}" fill="#374151">{STATE_WORDS.get(state, state)}</text></g>'
        )
    parts.append("</svg>")
    return f'<div class="plan-graph">{"".join(parts)}</div>'


def render_choices(view: RunView | None) -> str:
    """Per task: chosen model (linked to the Hub when it has a page), backend, reason, other candidates.

    One card per task rather than a five-column table: nothing is clipped in a narrow column."""
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
            f'<tr data-task="{tid}"><td><b>{tid}: {html.escape(task)}</b><br>{model} '
            f'<span class="muted">({html.escape(c.backend)})</span></td>'
            f"<td>{html.escape(c.reason)}"
            + (f'<br><span class="muted">also: {other}</span>' if other else "")
            + "</td></tr>"
        )
    head = "<tr><th>task and model</th><th>why</th></tr>"
    return f'<table class="choices">{head}{"".join(rows)}</table>'


def render_gallery(view: RunView | None) -> list[tuple[str, str]]:
    if view is None:
        return []
    return [
        (str(p), f"{tid}: {output_name(r.task).removeprefix('the ')}")
        for tid, r in ordered_results(view)
        for kind, p in r.media()
        if kind in ("image", "video")
    ]


def render_audio(view: RunView | None) -> str | None:
    """The last audio a run made (the gallery shows only images and video)."""
    if view is None:
        return None
    audio = [str(p) for _, r in ordered_results(view) for kind, p in r.media() if kind == "audio"]
    return audio[-1] if audio else None


def render_outputs_text(view: RunView | None) -> str:
    """Every task's text output (and errors), labelled by task."""
    if view is None or not view.results:
        return ""
    lines = []
    for tid, r in ordered_results(view):
        head = f"**Task {tid} · {r.task}**" + (f" ({r.model})" if r.model else "")
        if r.status == "done":
            text = public(text_output(r))
            files = ", ".join(f"{k}: `{p.name}`" for k, p in r.media())
            text = text.replace("\n", "  \n")  # keep the lines of OCR'd or multi-line text
            lines.append(f"{head}: {text}" + (f" — {files}" if files else ""))
        elif view.states.get(tid) == "stopped":
            lines.append(f"{head}: *stopped* by you")
        else:
            lines.append(f"{head}: *{r.status}*: {public(r.error or '')}")
    return "\n\n".join(lines)


def render_files(view: RunView | None) -> list[str]:
    if view is None:
        return []
    return [str(p) for _, r in ordered_results(view) for _, p in r.media()]


def render_trace(view: RunView | None) -> dict[str, Any]:
    """The trace panel: LLM calls and tokens, seconds per stage, per-task timing."""
    if view is None:
        return {}
    return {
        "plan_source": view.plan_source,
        **({"llm_route": view.trace["llm_route"]} if view.trace.get("llm_route") else {}),
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
            for tid, r in ordered_results(view)
        },
        **({"error": view.error} if view.error else {}),
    }


def run_record(view: RunView) -> dict[str, Any]:
    """The whole run as one JSON document (what the download button gives)."""
    return {
        "request": view.request,
        "stages_s": view.stages(),
        **view.trace,
        "answer": view.answer,  # as the page showed it (the trace holds the pipeline's own)
        "view_error": view.error,
    }


def ordered_results(view: RunView) -> list[tuple[int, TaskResult]]:
    order = {t.id: i for i, t in enumerate(view.plan.tasks)} if view.plan else {}
    return sorted(view.results.items(), key=lambda kv: order.get(kv[0], kv[0]))
