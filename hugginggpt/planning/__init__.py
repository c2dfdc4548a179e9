"""Task planning, pure: the planner prompt, a tolerant parser for what LLMs reply, and validation
into a typed `Plan` (repairing what is unambiguous, rejecting the rest with a clear message)."""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from graphlib import CycleError, TopologicalSorter
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

from .. import tasks as registry
from ..types import GENERATED, MEDIA, Plan, Task, arg_modality, media_kind

if TYPE_CHECKING:
    from ..capabilities import Capabilities

# ---- the prompt ---------------------------------------------------------------------------------

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


def user_message(request: str, files: Iterable[str] = ()) -> str:
    names = ", ".join(files)
    return f"Files: {names}\nRequest: {request}" if names else f"Request: {request}"


def build_messages(
    request: str,
    files: Iterable[str] = (),
    history: list[dict[str, str]] | None = None,
    history_budget: int = 1500,
    *,
    capabilities: Capabilities | None = None,
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
    messages.append({"role": "user", "content": user_message(request, files)})
    return messages


# ---- tolerant parsing ---------------------------------------------------------------------------


class PlanError(ValueError):
    """The reply cannot become a valid plan; the message says what is wrong."""


_FENCE = re.compile(r"```(?:json|JSON)?\s*(.*?)```", re.S)
_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_GEN = re.compile(r"<\s*GENERATED\s*>?\s*[-_]?\s*(\d+)(?:\s*>)?", re.I)


def _balanced_objects(text: str) -> list[str]:
    """Every top-level {...} in `text`, honouring strings (for replies with stray brackets)."""
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
        elif ch == "{":
            if depth == 0:
                start = i
            depth += 1
        elif ch == "}" and depth:
            depth -= 1
            if depth == 0:
                found.append(text[start : i + 1])
    return found


def _loads(text: str) -> Any:
    """json.loads, then Python-literal syntax (single quotes, trailing commas, None/True)."""
    attempts = [text, _TRAILING_COMMA.sub(r"\1", text)]
    for attempt in attempts:
        try:
            return json.loads(attempt)
        except json.JSONDecodeError:
            pass
    lit = re.sub(r"\btrue\b", "True", re.sub(r"\bfalse\b", "False", re.sub(r"\bnull\b", "None", text)))
    try:
        return ast.literal_eval(lit)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        raise ValueError("not JSON") from None


def extract_tasks(reply: str) -> list[dict[str, Any]] | None:
    """The task dicts in an LLM reply, or None when the reply holds no JSON at all (plain prose).

    Tolerates prose around the JSON, code fences, single quotes, trailing commas, stray brackets.
    """
    text = reply.strip()
    fenced = _FENCE.findall(text)
    if fenced:
        text = "\n".join(fenced)
    start = text.find("[")
    obj_start = text.find("{")
    if start == -1 and obj_start == -1:
        return None
    if start != -1 and (obj_start == -1 or start < obj_start):
        end = text.rfind("]")
        if end > start:
            try:
                value = _loads(text[start : end + 1])
                if isinstance(value, dict):
                    value = [value]
                if isinstance(value, list) and all(isinstance(v, dict) for v in value):
                    return _flatten(value)
                if isinstance(value, list) and not value:
                    return []
            except ValueError:
                pass
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
    """Unwrap {"tasks": [...]} and nested lists, which some models produce."""
    out: list[dict[str, Any]] = []
    for item in items:
        if isinstance(item, list):
            out.extend(_flatten(item))
        elif isinstance(item, dict) and "task" not in item and isinstance(item.get("tasks"), list):
            out.extend(_flatten(item["tasks"]))
        elif isinstance(item, dict):
            out.append(item)
    return out


# ---- normalisation of fields -------------------------------------------------------------------

_ARG_ALIASES = {
    "question": "text",
    "prompt": "text",
    "input": "text",
    "inputs": "text",
    "sentence": "text",
    "query": "text",
    "passage": "context",
    "img": "image",
    "picture": "image",
    "photo": "image",
    "image_path": "image",
    "audio_path": "audio",
    "speech": "audio",
    "sound": "audio",
    "video_path": "video",
    "sentence1": "text1",
    "source_sentence": "text1",
    "sentence2": "text2",
    "target_sentence": "text2",
}


def normalize_ref(value: str) -> str:
    """'<GENERATED-0>', '<GENERATED>0', '<generated>_0' -> '<GENERATED>-0'."""
    return _GEN.sub(lambda m: f"{GENERATED}{m.group(1)}", value)


def _ids_in(value: Any) -> list[int]:
    """Task ids in a `dep` field: -1, 3, "3", [0, 1], "0,1", "<GENERATED>-2", None."""
    if value is None or value == "":
        return []
    if isinstance(value, bool):
        return []
    if isinstance(value, int):
        return [] if value < 0 else [value]
    if isinstance(value, float):
        return [] if value < 0 else [int(value)]
    if isinstance(value, str):
        value = normalize_ref(value)
        return [int(n) for n in re.findall(r"-?\d+", value) if int(n) >= 0]
    if isinstance(value, (list, tuple)):
        return [i for v in value for i in _ids_in(v)]
    return []


def _refs_in(value: str) -> list[int]:
    return [int(n) for n in re.findall(re.escape(GENERATED) + r"(\d+)", value)]


def _as_id(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        m = re.search(r"\d+", value)
        return int(m.group()) if m else None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def _normalize_args(raw: Any, spec: registry.TaskType) -> dict[str, str]:
    """Args as {name: str}, with aliases mapped and list-style args assigned by modality."""
    if isinstance(raw, str):
        raw = {spec.inputs[0]: raw}
    if isinstance(raw, (list, tuple)):
        values = [str(v) for v in raw]
        out: dict[str, str] = {}
        free = list(spec.inputs)
        for v in values:
            media = media_kind(v)
            slot = next((a for a in free if arg_modality(a) == media), None) if media else None
            slot = slot or next((a for a in free if arg_modality(a) == "text"), None)
            slot = slot or (free[0] if free else None)
            if slot:
                out[slot] = v
                free.remove(slot)
        raw = out
    if not isinstance(raw, dict):
        return {}
    args: dict[str, str] = {}
    for key, value in raw.items():
        if value is None:
            continue
        name = str(key).strip().lower()
        name = _ARG_ALIASES.get(name, name)
        if name == "text" and "text" in args and "context" in spec.inputs:
            name = "context"
        if isinstance(value, (list, tuple)):
            value = ", ".join(str(v) for v in value)
        args[name] = normalize_ref(str(value)).strip()
    # sentence-similarity: a lone "text" is the first sentence
    if "text1" in spec.inputs and "text" in args and "text1" not in args:
        args["text1"] = args.pop("text")
    return args


# ---- validation ---------------------------------------------------------------------------------


@dataclass
class _Draft:
    id: int
    task: str
    args: dict[str, str]
    dep: list[int] = field(default_factory=list)


def _file_key(name: str) -> str:
    return PurePosixPath(name.strip().lstrip("./")).name.lower()


def validate(raw_tasks: list[dict[str, Any]], files: Iterable[str] = (), raw: str = "") -> Plan:
    """Turn task dicts into a valid Plan, repairing what is unambiguous (each repair becomes a note),
    raising PlanError for what is not (unknown tasks, impossible references, cycles)."""
    files = list(files)
    notes: list[str] = []
    errors: list[str] = []
    drafts: list[_Draft] = []

    # 1. task names, ids, args
    seen_ids: set[int] = set()
    renumber = False
    for pos, item in enumerate(raw_tasks):
        name = registry.normalize_name(str(item.get("task") or item.get("name") or ""))
        if name not in registry.TASKS:
            errors.append(f"task {item.get('id', pos)} is {item.get('task')!r}, which is not a known task")
            continue
        spec = registry.get(name)
        tid = _as_id(item.get("id"))
        if tid is None or tid in seen_ids:
            renumber = True
        seen_ids.add(tid if tid is not None else -1)
        args = _normalize_args(item.get("args", item.get("arguments", {})), spec)
        drafts.append(_Draft(tid if tid is not None else pos, name, args, _ids_in(item.get("dep"))))
    if errors:
        raise PlanError("; ".join(errors) + f". Known tasks: {', '.join(registry.TASKS)}")
    if renumber:
        # ids missing or repeated: the list order is the only reliable identity
        notes.append("task ids were missing or repeated; numbered them by position")
        for pos, d in enumerate(drafts):
            d.id = pos

    ids = {d.id for d in drafts}
    by_id = {d.id: d for d in drafts}

    # 2. references: move to the right argument, drop those to missing tasks when unambiguous
    for d in drafts:
        spec = registry.get(d.task)
        for name in list(d.args):
            value = d.args[name]
            refs = _refs_in(value)
            if not refs:
                continue
            modality = arg_modality(name)
            kept = []
            for k in refs:
                if k == d.id:
                    errors.append(f"task {d.id} ({d.task}) takes its own output as {name}")
                    continue
                if k not in ids:
                    fix = _repair_missing_ref(d, k, modality, by_id)
                    if fix is None:
                        errors.append(f"task {d.id} ({d.task}) refers to task {k}, which does not exist")
                        continue
                    notes.append(f"task {d.id}: task {k} does not exist; took the output of task {fix}")
                    k = fix
                kept.append(k)
            if modality in MEDIA:
                if len(kept) > 1:
                    notes.append(f"task {d.id}: {name} named several outputs; kept the first")
                value = f"{GENERATED}{kept[0]}" if kept else ""
            else:
                for old, new in zip(refs, [*kept, *([None] * len(refs))]):
                    if new is not None and old != new:
                        value = value.replace(f"{GENERATED}{old}", f"{GENERATED}{new}")
            d.args[name] = value
            # a media reference under the wrong name moves to the free input that fits it
            for k in kept:
                produces = registry.get(by_id[k].task).outputs
                if modality not in produces:
                    target = next((a for a in spec.inputs if arg_modality(a) in produces and a not in d.args), None)
                    if target and value == f"{GENERATED}{k}":
                        d.args[target] = d.args.pop(name)
                        notes.append(f"task {d.id}: moved the output of task {k} from {name} to {target}")
                    else:
                        errors.append(
                            f"task {d.id} ({d.task}) wants {modality} from task {k} ({by_id[k].task}), "
                            f"which produces {'/'.join(produces)}"
                        )
        d.args = {k: v for k, v in d.args.items() if v != ""}

    # 3. dep = the references, plus ordering-only deps that exist
    for d in drafts:
        refs = {k for v in d.args.values() for k in _refs_in(v)}
        extra = [k for k in d.dep if k not in refs]
        for k in extra:
            if k not in ids or k == d.id:
                notes.append(f"task {d.id}: dropped dependency on task {k}, which does not exist")
        d.dep = sorted(refs | {k for k in extra if k in ids and k != d.id})

    # 4. inputs: required ones present (filled from a sole upload or a sole dependency when unambiguous)
    for d in drafts:
        spec = registry.get(d.task)
        for name in spec.inputs:
            if name in d.args or name in spec.optional:
                continue
            fill = _fill_missing(d, name, by_id, files)
            if fill is None:
                errors.append(f"task {d.id} ({d.task}) has no {name} argument")
            else:
                d.args[name] = fill
                notes.append(f"task {d.id}: {name} was missing; used {fill}")
                for k in _refs_in(fill):
                    if k not in d.dep:
                        d.dep.append(k)
        # 5. literal files: repaired to an uploaded file when unambiguous, else reported
        for name, value in list(d.args.items()):
            if arg_modality(name) == "text" or _refs_in(value):
                continue
            fixed = _match_file(value, arg_modality(name), files)
            if fixed and fixed != value:
                notes.append(f"task {d.id}: {value} was not uploaded; used {fixed}")
                d.args[name] = fixed
            elif fixed is None:
                notes.append(f"task {d.id} ({d.task}) names {value}, which was not provided")
    if errors:
        raise PlanError("; ".join(errors))

    # 6. order: a DAG, topologically sorted (stable); cycles through dep-only edges are cut
    graph = {d.id: set(d.dep) for d in drafts}
    while True:
        try:
            TopologicalSorter(graph).prepare()
            break
        except CycleError as e:
            cycle = e.args[1]
            cut = _cut_cycle(cycle, by_id)
            if cut is None:
                loop = " -> ".join(str(i) for i in cycle)
                raise PlanError(f"tasks {loop} wait for each other (a cycle); the plan cannot run") from None
            a, b = cut
            graph[a].discard(b)
            by_id[a].dep.remove(b)
            notes.append(f"task {a}: dropped dependency on task {b} to break a cycle")
    ordered = _stable_topo(drafts)
    if [d.id for d in ordered] != [d.id for d in drafts]:
        notes.append("reordered tasks so that each comes after the tasks it needs")
    return Plan(
        [Task(id=d.id, task=d.task, args=dict(d.args), dep=tuple(d.dep)) for d in ordered], notes=notes, raw=raw
    )


def _stable_topo(drafts: list[_Draft]) -> list[_Draft]:
    """Topological order that keeps the given order wherever dependencies allow."""
    done: set[int] = set()
    out: list[_Draft] = []
    pending = list(drafts)
    while pending:
        for d in pending:
            if all(k in done for k in d.dep):
                out.append(d)
                done.add(d.id)
                pending.remove(d)
                break
    return out


def _cut_cycle(cycle: list[int], by_id: dict[int, _Draft]) -> tuple[int, int] | None:
    """An edge of the cycle that comes from `dep` alone (no argument uses it), if there is one."""
    for a, b in zip(cycle[1:], cycle[:-1]):
        for x, y in ((a, b), (b, a)):  # graphlib lists the loop in one direction; try both
            d = by_id[x]
            if y in d.dep and not any(y in _refs_in(v) for v in d.args.values()):
                return x, y
    return None


def _repair_missing_ref(d: _Draft, missing: int, modality: str, by_id: dict[int, _Draft]) -> int | None:
    """A reference to a task that does not exist, fixed when exactly one dependency fits."""
    fits = [k for k in d.dep if k in by_id and k != d.id and modality in registry.get(by_id[k].task).outputs]
    return fits[0] if len(fits) == 1 else None


def _fill_missing(d: _Draft, name: str, by_id: dict[int, _Draft], files: list[str]) -> str | None:
    modality = arg_modality(name)
    producers = [k for k in d.dep if k in by_id and modality in registry.get(by_id[k].task).outputs]
    if len(producers) == 1:
        return f"{GENERATED}{producers[0]}"
    if modality in MEDIA and not producers:
        uploads = [f for f in files if media_kind(f) == modality]
        if len(uploads) == 1:
            return uploads[0]
    return None


def _match_file(value: str, modality: str, files: list[str]) -> str | None:
    """The uploaded file `value` means: itself, the same name, the same stem, or the only upload of
    its modality. None when nothing matches (reported, not fatal: the name may be a later upload)."""
    if not files:
        return None
    key = _file_key(value)
    by_name = [f for f in files if _file_key(f) == key]
    if by_name:
        return by_name[0] if len(by_name) == 1 or value not in files else value
    stem = PurePosixPath(key).stem
    by_stem = [f for f in files if PurePosixPath(_file_key(f)).stem == stem and media_kind(f) == modality]
    if len(by_stem) == 1:
        return by_stem[0]
    same_kind = [f for f in files if media_kind(f) == modality]
    if len(same_kind) == 1:
        return same_kind[0]
    return None


def parse_plan(reply: str, files: Iterable[str] = ()) -> Plan:
    """An LLM reply -> a validated Plan. Prose without JSON, or [], is the empty plan (no tools)."""
    raw_tasks = extract_tasks(reply)
    if not raw_tasks:
        return Plan([], raw=reply)
    return validate(raw_tasks, files, raw=reply)
