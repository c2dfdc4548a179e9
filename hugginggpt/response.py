"""The answer stage: a compact log of the run for the LLM, or a templated answer without one."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .llm.base import Message
from .tasks import get as get_task
from .types import Plan, TaskResult

SYSTEM = (
    "You are HuggingGPT, an assistant that answered the user's request by running AI models. "
    "Using only the results below, answer the request directly and helpfully. Then say briefly "
    "which model did what, name the files produced (by file name) so the user can find them, and say "
    "plainly what failed and why. Do not invent results the log does not contain."
)

CHAT_SYSTEM = "You are HuggingGPT, a helpful assistant. No tools were needed for this message; answer it directly."


def _short(value: Any, limit: int = 600) -> Any:
    if isinstance(value, Path):
        return value.name
    if isinstance(value, str) and len(value) > limit:
        return value[:limit] + "..."
    if isinstance(value, (list, dict)):
        text = json.dumps(value, ensure_ascii=False, default=str)
        return text if len(text) <= limit else text[:limit] + "..."
    return value


def results_log(plan: Plan, results: dict[int, TaskResult]) -> list[dict[str, Any]]:
    """One compact entry per task: what ran, on which model, what came out or what went wrong."""
    entries = []
    for t in plan.tasks:
        r = results.get(t.id)
        entry: dict[str, Any] = {"id": t.id, "task": t.task, "args": t.args}
        if r is not None:
            entry["status"] = r.status
            if r.model:
                entry["model"] = f"{r.model} ({r.backend})" if r.backend else r.model
            if r.outputs:
                entry["outputs"] = {k: _short(v) for k, v in r.outputs.items()}
            if r.error:
                entry["error"] = r.error
        entries.append(entry)
    return entries


def build_messages(request: str, plan: Plan, results: dict[int, TaskResult]) -> list[Message]:
    log = json.dumps(results_log(plan, results), ensure_ascii=False)
    return [
        {"role": "system", "content": SYSTEM},
        {"role": "user", "content": f"Request: {request}\nResults: {log}"},
    ]


def chat_messages(request: str, history: list[Message]) -> list[Message]:
    return [{"role": "system", "content": CHAT_SYSTEM}, *history, {"role": "user", "content": request}]


def template_answer(request: str, plan: Plan, results: dict[int, TaskResult], plan_error: str | None = None) -> str:
    """A readable answer composed from the results alone (no LLM)."""
    if plan_error:
        return f"I could not plan this request: {plan_error}"
    if not plan.tasks:
        return (
            "I did not find a task for the models I can run in this request. Try asking for something like "
            "'read the text in receipt.png', 'describe photo.jpg', 'transcribe speech.wav' or 'say \"hello\" aloud'. "
            "For open conversation, configure an LLM (OPENAI_API_KEY / OPENAI_BASE_URL)."
        )
    done = [results[t.id] for t in plan.tasks if t.id in results and results[t.id].status == "done"]
    lines: list[str] = []
    final = [r for r in done if not any(r.task_id in t.dep for t in plan.tasks)]
    if final:
        lines.append("Here is what I found." if len(done) == len(plan.tasks) else "Here is what I could do.")
        lines.append("")
    for t in plan.tasks:
        r = results.get(t.id)
        if r is None:
            continue
        head = f"**{t.task}** (task {t.id}"
        head += f", {r.model})" if r.model else ")"
        if r.status == "done":
            lines.append(f"- {head}: {_describe_outputs(r)}")
        elif r.status == "failed":
            lines.append(f"- {head} failed: {r.error}")
        else:
            lines.append(f"- {head} was skipped because {r.error}")
    if len(done) < len(plan.tasks):
        lines.append("")
        lines.append(f"{len(done)} of {len(plan.tasks)} tasks finished.")
    return "\n".join(lines).strip()


def _describe_outputs(r: TaskResult) -> str:
    media = [f"{kind} {Path(r.outputs[kind]).name}" for kind in ("image", "audio", "video") if kind in r.outputs]
    text = str(r.outputs.get("text", "")).strip()
    if media and "text" not in get_task(r.task).outputs:
        # the text of a media task is a note about the file ("9.1 s of speech"), not a result to quote
        return "; ".join(media) + (f" ({text})" if text else "")
    quoted = [f"“{text}”" if len(text) < 400 else f"“{text[:400]}...”"] if text else []
    return "; ".join(quoted + media) or "done"
