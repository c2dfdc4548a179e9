"""The planner prompt: the task spec (what can run first), demonstrations, the chat so far, the
request; and the repair message that shows the LLM what was wrong with its plan."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from .. import tasks as registry

if TYPE_CHECKING:
    from ..capabilities import Capabilities

SYSTEM = """You are the planner of HuggingGPT. Parse the user request into tasks that AI models can run.
Reply with a JSON list only: [{"task": name, "id": int, "dep": [ids it needs, or -1], "args": {name: value}}].
An arg value is a file name, a text, or "<GENERATED>-k" for the output of task k (k must be in dep).
Use only these tasks, as name(args) -> outputs: meaning
%s
Use files the user gave (by name), quoted text verbatim, as few tasks as possible, and the right order.
If no task is needed (chit-chat, general knowledge), reply [].%s"""

# added to SYSTEM when some task types cannot run in this configuration
UNAVAILABLE = """
%s When one of them is what the request needs, prefer a listed task that answers it (for example,
read the text of an image with image-to-text); if none does, plan it anyway: the user is told what to
configure."""

DEMOS: list[tuple[str, str]] = [
    (
        "Look at /e.jpg, what objects are in it? Then read the answer aloud.",
        '[{"task": "object-detection", "id": 0, "dep": [-1], "args": {"image": "/e.jpg"}}, '
        '{"task": "visual-question-answering", "id": 1, "dep": [-1], "args": {"image": "/e.jpg", '
        '"text": "what objects are in it?"}}, '
        '{"task": "text-to-speech", "id": 2, "dep": [1], "args": {"text": "<GENERATED>-1"}}]',
    ),
    (
        "Given a.jpg, make a hed map, then generate an image of a girl reading a book from it",
        '[{"task": "hed-control", "id": 0, "dep": [-1], "args": {"image": "a.jpg"}}, '
        '{"task": "hed-text-to-image", "id": 1, "dep": [0], "args": {"text": "a girl reading a book", '
        '"image": "<GENERATED>-0"}}]',
    ),
    ("Hello! How are you today?", "[]"),
]


def task_spec(names: Iterable[str] | None = None) -> str:
    lines = []
    for name in names or registry.TASKS:
        t = registry.get(name)
        lines.append(f"{t.name}({', '.join(t.inputs)}) -> {'+'.join(t.outputs)}: {t.description}")
    return "\n".join(lines)


def estimate_tokens(text: str) -> int:
    """A cheap token estimate for budgeting (about 4 characters a token in English)."""
    return len(text) // 4 + 1


def trim_history(history: list[dict[str, str]], budget: int) -> list[dict[str, str]]:
    """The most recent turns that fit in `budget` tokens, oldest first (never splits a message)."""
    kept: list[dict[str, str]] = []
    used = 0
    for message in reversed(history):
        cost = estimate_tokens(message["content"]) + 4
        if used + cost > budget:
            break
        kept.append(message)
        used += cost
    return kept[::-1]


def user_message(request: str, files: Iterable[str] = (), new: Iterable[str] = ()) -> str:
    """The request with the conversation's files; those uploaded with this request come first and say
    so (the request is about them, not about an earlier answer's output)."""
    new = [f for f in new]
    files = new + [f for f in files if f not in new]
    names = ", ".join(f"{f} (uploaded with this request)" if f in new else f for f in files)
    return f"Files: {names}\nRequest: {request}" if names else f"Request: {request}"


def build_messages(
    request: str,
    files: Iterable[str] = (),
    history: list[dict[str, str]] | None = None,
    history_budget: int = 1500,
    *,
    capabilities: Capabilities | None = None,
    new: Iterable[str] = (),
) -> list[dict[str, str]]:
    """The planner prompt: task spec, demonstrations, the chat so far (trimmed), the request.
    With a capability map, the spec lists the tasks that can run first and names the others."""
    names: list[str] | None = None
    note = ""
    if capabilities is not None:
        served = capabilities.served()
        names = served + [t for t in registry.TASKS if t not in served]
        if line := capabilities.planner_note(limit=len(registry.TASKS)):
            note = UNAVAILABLE % line
    messages = [{"role": "system", "content": SYSTEM % (task_spec(names), note)}]
    for question, answer in DEMOS:
        messages.append({"role": "user", "content": user_message(question)})
        messages.append({"role": "assistant", "content": answer})
    context = trim_history(history or [], history_budget)
    if context:
        log = "\n".join(f"{m['role']}: {m['content']}" for m in context)
        messages.append({"role": "user", "content": f"Chat so far (it may name files to reuse):\n{log}"})
        messages.append({"role": "assistant", "content": "Noted."})
    messages.append({"role": "user", "content": user_message(request, files, new)})
    return messages


REPAIR = """That plan cannot run:
%s
Fix these problems and keep the rest of the plan. Use only the tasks listed in the system message.
Reply with a corrected JSON list only, no explanation."""


def repair_message(findings: Iterable[str]) -> str:
    """The one repair request: the validator's findings, one line each."""
    return REPAIR % "\n".join(f"- {f}" for f in findings)
