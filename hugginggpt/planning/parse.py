"""Tolerant reading of what LLMs reply: the JSON task list inside reasoning blocks, prose, code
fences, Python literals, comments, wrapper objects. Pure: text in, dicts out, never raises."""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Iterable
from typing import Any

from ..types import GENERATED


class PlanError(ValueError):
    """The reply cannot become a valid plan. The message says what is wrong; `findings` lists each
    problem on its own (they are what the repair round shows the LLM)."""

    def __init__(self, message: str, findings: list[str] | None = None):
        super().__init__(message)
        self.findings = findings or [message]


_FENCE = re.compile(r"```[ \t]*[A-Za-z0-9_+-]*[ \t]*\n?(.*?)```", re.S)
_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_GEN = re.compile(r"<\s*GENERATED\s*>?\s*[-_]?\s*(\d+)(?:\s*>)?", re.I)
_THINK_TAGS = r"think|thinking|thought|reasoning|reflection"
_THINK_BLOCK = re.compile(rf"<({_THINK_TAGS})>.*?</\1\s*>", re.S | re.I)
_THINK_OPEN = re.compile(rf"<(?:{_THINK_TAGS})>", re.I)
_THINK_CLOSE = re.compile(rf"</(?:{_THINK_TAGS})\s*>", re.I)
_SMART = str.maketrans({"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2018": "'", "\u2019": "'"})
# keys under which models wrap the task list: {"tasks": [...]}, {"plan": [...]}
_WRAPPERS = ("tasks", "plan", "steps", "task_list", "tasklist", "subtasks", "actions", "task_plan", "pipeline")
_TASK_KEYS = ("task", "task_name", "name", "tool")


def split_reasoning(reply: str) -> tuple[str, bool]:
    """(the reply without its reasoning blocks, whether it was cut off while still reasoning).

    Closed `<think>...</think>` blocks go; a lone closing tag (servers that strip the opening one)
    keeps what follows it; an opening tag never closed (the reply hit max tokens), or a reply that is
    all reasoning, leaves only the reasoning, flagged as cut off (no answer came out of it)."""
    blocks = [m.group(0) for m in _THINK_BLOCK.finditer(reply)]
    text = _THINK_BLOCK.sub("", reply)
    if blocks and not text.strip():
        # all of it was reasoning: only a plan drafted in it can count, as for a reply cut off there
        last = blocks[-1]
        return last[last.find(">") + 1 : last.rfind("<")], True
    closes = list(_THINK_CLOSE.finditer(text))
    if closes:
        text = text[closes[-1].end() :]
    opened = _THINK_OPEN.search(text)
    if opened:
        before = text[: opened.start()]
        if before.strip():
            return before, False
        return text[opened.end() :], True
    return text, False


def reasoning_cut_off(reply: str) -> bool:
    """True when the reply ends inside a reasoning block, or holds nothing else: no answer came out."""
    return split_reasoning(reply)[1]


def _strip_comments(text: str) -> str:
    """`// ...`, `/* ... */` and `# ...` comments outside strings removed."""
    out: list[str] = []
    i, quote, n = 0, "", len(text)
    while i < n:
        ch = text[i]
        if quote:
            out.append(ch)
            if ch == "\\" and i + 1 < n:
                out.append(text[i + 1])
                i += 2
                continue
            if ch == quote:
                quote = ""
            i += 1
            continue
        if ch in "\"'" and not (ch == "'" and i and text[i - 1].isalnum()):
            quote = ch
        elif text.startswith("//", i) or ch == "#":
            while i < n and text[i] != "\n":
                i += 1
            continue
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = n if end == -1 else end + 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def _balanced(text: str, open_ch: str = "{", close_ch: str = "}") -> list[str]:
    """Every top-level `open_ch ... close_ch` span in `text`, honouring strings (stray brackets in
    prose or in values do not cut a span short)."""
    found, depth, start, quote, escape = [], 0, -1, "", False
    for i, ch in enumerate(text):
        if quote:
            if escape:
                escape = False
            elif ch == "\\":
                escape = True
            elif ch == quote:
                quote = ""
            continue
        if ch in "\"'" and depth:
            # an apostrophe inside a word ("it's") is not a quote
            if ch == "'" and i and text[i - 1].isalnum():
                continue
            quote = ch
        elif ch == open_ch:
            if depth == 0:
                start = i
            depth += 1
        elif ch == close_ch and depth:
            depth -= 1
            if depth == 0:
                found.append(text[start : i + 1])
    return found


def _balanced_objects(text: str) -> list[str]:
    return _balanced(text, "{", "}")


def _loads(text: str) -> Any:
    """json.loads, then the usual damage repaired: trailing commas, comments, curly quotes, Python
    literal syntax (single quotes, None/True)."""
    attempts = [text, _TRAILING_COMMA.sub(r"\1", text)]
    uncommented = _strip_comments(text)
    if uncommented != text:
        attempts.append(_TRAILING_COMMA.sub(r"\1", uncommented))
    smart = text.translate(_SMART)
    if smart != text:
        attempts.append(_TRAILING_COMMA.sub(r"\1", _strip_comments(smart)))
    for attempt in attempts:
        try:
            return json.loads(attempt)
        except json.JSONDecodeError:
            pass
    for attempt in attempts[1:] or attempts:
        lit = re.sub(r"\btrue\b", "True", re.sub(r"\bfalse\b", "False", re.sub(r"\bnull\b", "None", attempt)))
        try:
            return ast.literal_eval(lit)
        except (ValueError, SyntaxError, MemoryError, RecursionError, TypeError):
            continue
    raise ValueError("not JSON")


def _is_task(d: dict) -> bool:
    return any(k in d for k in _TASK_KEYS)


def _as_tasks(value: Any) -> list[dict[str, Any]] | None:
    """The task dicts a parsed JSON value holds, or None when it holds none."""
    if isinstance(value, str) and value.strip()[:1] in "[{":
        try:  # a JSON list sent as one JSON string
            value = _loads(value)
        except ValueError:
            return None
    if isinstance(value, dict):
        value = [value]
    if isinstance(value, list):
        if not value:
            return []
        if all(isinstance(v, (dict, list)) for v in value):
            return _flatten(value)
    return None


def _first_plan(chunks: Iterable[str]) -> list[dict[str, Any]] | None:
    """The tasks of the first chunk that parses as a non-empty plan (None: none does)."""
    for chunk in chunks:
        try:
            found = _as_tasks(_loads(chunk))
        except ValueError:
            continue
        if found:
            return found
    return None


def extract_tasks(reply: str) -> list[dict[str, Any]] | None:
    """The task dicts in an LLM reply, or None when the reply holds no JSON at all (plain prose).

    Tolerates reasoning blocks, prose around the JSON, code fences, single quotes, trailing commas,
    comments, stray brackets, a wrapper object ({"tasks": [...]}) and a single task object.
    """
    text, cut_off = split_reasoning(reply)
    text = text.strip()
    fenced = _FENCE.findall(text)
    if fenced:
        text = "\n".join(fenced)
    elif "```" in text:  # an opening fence never closed (the reply hit max tokens)
        text = text.split("```", 1)[1].split("\n", 1)[-1]
    if cut_off:
        # reasoning cut off: only a complete list written in it counts, the last one (its final draft)
        return _first_plan(reversed(_balanced(text, "[", "]")))
    start = text.find("[")
    obj_start = text.find("{")
    if start == -1 and obj_start == -1:
        return None
    if start != -1 and (obj_start == -1 or start < obj_start):
        end = text.rfind("]")
        if end > start:
            try:
                found = _as_tasks(_loads(text[start : end + 1]))
                if found is not None:
                    return found
            except ValueError:
                pass
            # prose with brackets before the list: each top-level list on its own
            if found := _first_plan(_balanced(text, "[", "]")):
                return found
        elif text[start:].strip() in ("[", "[]"):
            return []
    objects = []
    for chunk in _balanced_objects(text):
        try:
            value = _loads(chunk)
        except ValueError:
            continue
        if isinstance(value, dict):
            objects.append(value)
    if objects:
        return _flatten(objects)
    if re.fullmatch(r"\[\s*\]", text[start:].strip()[:20]) or text[start : start + 2] == "[]":
        return []
    return None


def _flatten(items: list[Any]) -> list[dict[str, Any]]:
    """Unwrap {"tasks": [...]}, {"plan": {"tasks": [...]}} and nested lists, which some models produce."""
    out: list[dict[str, Any]] = []
    for item in items:
        if isinstance(item, list):
            out.extend(_flatten(item))
        elif isinstance(item, dict) and not _is_task(item):
            inner = [v for k, v in item.items() if str(k).lower() in _WRAPPERS and isinstance(v, (list, dict))]
            if not inner:
                # a list of tasks under any key, or the one list of objects of a one-key wrapper
                inner = [
                    v
                    for v in item.values()
                    if isinstance(v, list)
                    and v
                    and all(isinstance(x, dict) and (_is_task(x) or len(item) == 1) for x in v)
                ]
            if inner:
                out.extend(_flatten([v if isinstance(v, list) else [v] for v in inner]))
            else:
                out.append(item)
        elif isinstance(item, dict):
            out.append(item)
    return out


def normalize_ref(value: str) -> str:
    """'<GENERATED-0>', '<GENERATED>0', '<generated>_0' -> '<GENERATED>-0'."""
    return _GEN.sub(lambda m: f"{GENERATED}{m.group(1)}", value)
