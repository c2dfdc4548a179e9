"""Validation of task dicts into a typed `Plan`: what is unambiguous is repaired (each repair becomes a
note), the rest is a finding. Strict validation raises PlanError with every finding; `partial=True`
keeps the valid part instead, dropping the tasks with findings and what depends on them, one sentence
each in `Plan.dropped`."""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from graphlib import CycleError, TopologicalSorter
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any

from .. import tasks as registry
from ..types import GENERATED, MEDIA, Plan, Task, arg_modality, media_kind
from .parse import _TASK_KEYS, PlanError, _loads, extract_tasks, normalize_ref, reasoning_cut_off

_ARG_ALIASES = {
    "question": "text",
    "prompt": "text",
    "input": "text",
    "inputs": "text",
    "sentence": "text",
    "query": "text",
    "content": "text",
    "passage": "context",
    "img": "image",
    "picture": "image",
    "photo": "image",
    "image_path": "image",
    "image_url": "image",
    "image_file": "image",
    "img_path": "image",
    "img_url": "image",
    "audio_path": "audio",
    "audio_url": "audio",
    "audio_file": "audio",
    "speech": "audio",
    "sound": "audio",
    "video_path": "video",
    "video_url": "video",
    "video_file": "video",
    "sentence1": "text1",
    "source_sentence": "text1",
    "sentence2": "text2",
    "target_sentence": "text2",
}
# argument names that hold a file of whatever kind its name says ("path": "c.jpg" is an image)
_FILE_ARGS = ("file", "path", "file_path", "filename", "file_name", "url", "src", "source", "media")
_ARGS_KEYS = ("args", "arguments", "parameters", "params", "inputs", "input")
_DEP_KEYS = ("dep", "deps", "dependencies", "depends_on", "dependency")
_UNKNOWN = "which is not a known task"


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


def _first(item: dict[str, Any], keys: Iterable[str], default: Any = None) -> Any:
    return next((item[k] for k in keys if k in item), default)


def _normalize_args(raw: Any, spec: registry.TaskType) -> dict[str, str]:
    """Args as {name: str}, with aliases mapped and list-style args assigned by modality."""
    if isinstance(raw, str) and raw.strip().startswith("{"):
        try:  # args sent as a JSON string
            raw = _loads(raw)
        except ValueError:
            pass
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
        value = normalize_ref(str(value)).strip()
        if name in _FILE_ARGS and (kind := media_kind(value)) in spec.inputs and kind not in args:
            name = kind  # {"path": "c.jpg"} for an image task
        args[name] = value
    # sentence-similarity: a lone "text" is the first sentence
    if "text1" in spec.inputs and "text" in args and "text1" not in args:
        args["text1"] = args.pop("text")
    return args


@dataclass
class _Draft:
    id: int
    task: str
    args: dict[str, str]
    dep: list[int] = field(default_factory=list)
    given: str = ""  # the task name as the LLM wrote it
    known: bool = True


@dataclass
class _Checked:
    drafts: list[_Draft]
    notes: list[str]
    problems: dict[int, tuple[str, str]]  # task id -> (finding for the LLM, why, for people)
    unknown: list[str] = field(default_factory=list)  # the task names, as given, that no task has


def _file_key(name: str) -> str:
    """The base name of a path as LLMs write it: '/examples/c.jpg', './c.jpg', 'C:\\x\\c.jpg' -> 'c.jpg'."""
    value = name.strip().strip("'\"`")
    return PureWindowsPath(value).name if "\\" in value else PurePosixPath(value).name


def _read(raw_tasks: list[dict[str, Any]]) -> tuple[list[_Draft], list[str]]:
    """Drafts of every task dict (unknown task names too, marked), with ids settled."""
    notes: list[str] = []
    drafts: list[_Draft] = []
    seen_ids: set[int] = set()
    renumber = False
    for pos, item in enumerate(raw_tasks):
        item = {str(k).strip().lower(): v for k, v in item.items()}  # "Task", "ID", "Args"
        given = str(_first(item, _TASK_KEYS, "") or "").strip()
        name = registry.normalize_name(given)
        if name not in registry.TASKS:  # "image-to-text (captioning)", "`summarization`."
            cleaned = " ".join(re.sub(r"\([^)]*\)|[`'\".:]", " ", given).split())
            if registry.normalize_name(cleaned) in registry.TASKS:
                given, name = cleaned, registry.normalize_name(cleaned)
        known = name in registry.TASKS
        tid = _as_id(_first(item, ("id", "task_id")))
        if tid is None or tid in seen_ids:
            renumber = True
        seen_ids.add(tid if tid is not None else -1)
        args = _normalize_args(_first(item, _ARGS_KEYS, {}), registry.get(name)) if known else {}
        drafts.append(
            _Draft(tid if tid is not None else pos, name, args, _ids_in(_first(item, _DEP_KEYS)), given, known)
        )
    if renumber:
        # ids missing or repeated: the list order is the only reliable identity
        notes.append("task ids were missing or repeated; numbered them by position")
        for pos, d in enumerate(drafts):
            d.id = pos
    for d in drafts:
        if d.known and registry.is_synonym(d.given):
            notes.append(f"task {d.id}: read {d.given!r} as {d.task}")
    return drafts, notes


def _supplied(d: _Draft, modality: str, by_id: dict[int, _Draft], files: list[str]) -> bool:
    """Whether the conversation can give task `d` an input of `modality`: a file of that kind, or a
    task it refers to that produces one."""
    if any(media_kind(f) == modality for f in files):
        return True
    sources = set(d.dep) | {k for v in d.args.values() for k in _refs_in(v)}
    return any(k in by_id and by_id[k].known and modality in registry.get(by_id[k].task).outputs for k in sources)


def _check(drafts: list[_Draft], files: list[str]) -> _Checked:
    """Repairs and findings over drafts (mutated). Problems are per task, so that a partial plan can
    leave out exactly the tasks that have them."""
    notes: list[str] = []
    problems: dict[int, tuple[str, str]] = {}
    unknown: list[str] = []

    def problem(d: _Draft, finding: str, why: str) -> None:
        problems.setdefault(d.id, (finding, why))

    by_id = {d.id: d for d in drafts}
    ids = set(by_id)

    # 1. task names; a synonym must not lead to a task the conversation has no input for
    for d in drafts:
        if not d.known:
            problem(d, f"task {d.id} is {d.given!r}, {_UNKNOWN}", f"{d.given!r} is not a task this app knows")
            unknown.append(d.given)
            continue
        if registry.is_synonym(d.given):
            spec = registry.get(d.task)
            for name in spec.inputs:
                modality = arg_modality(name)
                if modality in MEDIA and name not in spec.optional and not _supplied(d, modality, by_id, files):
                    needs = (
                        f"which needs {'a' if modality == 'video' else 'an'} {modality}, and the conversation has none"
                    )
                    problem(
                        d,
                        f"task {d.id} is {d.given!r}, read as {d.task}, {needs}",
                        f"{d.given!r} would be {d.task}, {needs}",
                    )
                    break
    live = [d for d in drafts if d.id not in problems]

    # 2. references: move to the right argument, drop those to missing tasks when unambiguous
    for d in live:
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
                    problem(d, f"task {d.id} ({d.task}) takes its own output as {name}", "it takes its own output")
                    continue
                if k not in ids:
                    fix = _repair_missing_ref(d, k, modality, by_id)
                    if fix is None:
                        problem(
                            d,
                            f"task {d.id} ({d.task}) refers to task {k}, which does not exist",
                            f"it needs task {k}, which the plan does not have",
                        )
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
                if not by_id[k].known:
                    continue  # its producer is dropped, and so is this task
                produces = registry.get(by_id[k].task).outputs
                if modality not in produces:
                    target = next((a for a in spec.inputs if arg_modality(a) in produces and a not in d.args), None)
                    if target and value == f"{GENERATED}{k}":
                        d.args[target] = d.args.pop(name)
                        notes.append(f"task {d.id}: moved the output of task {k} from {name} to {target}")
                    else:
                        problem(
                            d,
                            f"task {d.id} ({d.task}) wants {modality} from task {k} ({by_id[k].task}), "
                            f"which produces {'/'.join(produces)}",
                            f"it wants {modality} from task {k}, which makes {'/'.join(produces)}",
                        )
        d.args = {k: v for k, v in d.args.items() if v != ""}

    # 3. dep = the references, plus ordering-only deps that exist
    for d in live:
        refs = {k for v in d.args.values() for k in _refs_in(v)}
        extra = [k for k in d.dep if k not in refs]
        for k in extra:
            if k not in ids or k == d.id:
                notes.append(f"task {d.id}: dropped dependency on task {k}, which does not exist")
        d.dep = sorted(refs | {k for k in extra if k in ids and k != d.id})

    # 4. inputs: required ones present (filled from a sole upload or a sole dependency when unambiguous)
    for d in live:
        spec = registry.get(d.task)
        for name in spec.inputs:
            if name in d.args or name in spec.optional:
                continue
            fill = _fill_missing(d, name, by_id, files)
            if fill is None:
                problem(d, f"task {d.id} ({d.task}) has no {name} argument", f"it was given no {name}")
            else:
                d.args[name] = fill
                notes.append(f"task {d.id}: {name} was missing; used {fill}")
                for k in _refs_in(fill):
                    if k not in d.dep:
                        d.dep.append(k)
        # 5. literal files: repaired to a file of the conversation when unambiguous, else reported
        for name, value in list(d.args.items()):
            if arg_modality(name) == "text" or _refs_in(value):
                continue
            fixed = _match_file(value, arg_modality(name), files)
            if fixed and fixed != value:
                notes.append(f"task {d.id}: {value} was not uploaded; used {fixed}")
                d.args[name] = fixed
            elif fixed is None:
                notes.append(f"task {d.id} ({d.task}) names {value}, which was not provided")

    # 6. order: a DAG; cycles through dep-only edges are cut, cycles through arguments are findings
    live = [d for d in drafts if d.id not in problems]
    graph = {d.id: {k for k in d.dep if k in by_id and by_id[k].id not in problems} for d in live}
    while True:
        try:
            TopologicalSorter(graph).prepare()
            break
        except CycleError as e:
            cycle = e.args[1]
            cut = _cut_cycle(cycle, by_id)
            if cut is None:
                loop = " -> ".join(str(i) for i in cycle)
                finding = f"tasks {loop} wait for each other's output (a cycle): the plan is circular"
                for tid in set(cycle):
                    problem(by_id[tid], finding, f"tasks {loop} wait for each other's output (a circular plan)")
                    graph.pop(tid, None)
                for deps in graph.values():
                    deps.difference_update(cycle)
                continue
            a, b = cut
            graph[a].discard(b)
            by_id[a].dep.remove(b)
            notes.append(f"task {a}: dropped dependency on task {b} to break a cycle")
    return _Checked(drafts, notes, problems, unknown)


def _dependents(drafts: list[_Draft], removed: set[int]) -> dict[int, int]:
    """Tasks that need (by argument or dep) a removed task, transitively: id -> the removed one."""
    found: dict[int, int] = {}
    gone = set(removed)
    changed = True
    while changed:
        changed = False
        for d in drafts:
            if d.id in gone:
                continue
            needs = set(d.dep) | {k for v in d.args.values() for k in _refs_in(v)}
            hit = sorted(needs & gone)
            if hit:
                found[d.id] = hit[0]
                gone.add(d.id)
                changed = True
    return found


def _error(findings: list[str], unknown: list[str]) -> PlanError:
    """The plan's findings as one error; `unknown`, the task names no task has, adds the known tasks
    nearest them."""
    unique = list(dict.fromkeys(findings))
    message = "; ".join(unique)
    if unknown:
        message += f". Known tasks: {_closest(unknown)}"
    return PlanError(message, unique)


def _closest(names: list[str], n: int = 3) -> str:
    """The few known task names nearest each unknown one ("the closest to 'image-edit' are image-editing,
    image-to-image and image-to-text"), not all of them."""
    import difflib

    # a name is near a task when it is near the task's name or one of its synonyms ("ocr-reader": "ocr")
    spellings = {**{t: t for t in registry.TASKS}, **registry._SYNONYMS}
    parts = []
    for name in dict.fromkeys(names) or [""]:
        hits = difflib.get_close_matches(name.lower(), list(spellings), n=4 * n, cutoff=0.0) if name else []
        near = list(dict.fromkeys(spellings[h] for h in hits))[:n]
        if near:
            listed = near[0] if len(near) == 1 else ", ".join(near[:-1]) + " and " + near[-1]
            parts.append(f"the closest to {name!r} {'is' if len(near) == 1 else 'are'} {listed}")
    head = "; ".join(parts) if parts else "see the task list"
    return f"{head} ({len(registry.TASKS)} in all)"


def validate(
    raw_tasks: list[dict[str, Any]], files: Iterable[str] = (), raw: str = "", *, partial: bool = False
) -> Plan:
    """Turn task dicts into a valid Plan, repairing what is unambiguous (each repair becomes a note).

    Strict (default): any finding (unknown task, impossible reference, missing input, circular plan)
    raises PlanError listing them all. `partial=True`: the tasks with findings, and the tasks that need
    them, are left out, each with a sentence in `Plan.dropped`; PlanError only when nothing is left."""
    files = list(files)
    drafts, notes = _read(raw_tasks)
    removed: dict[int, str] = {}  # id -> why, for people
    findings: list[str] = []
    unknown: list[str] = []  # task names no task has, for the error's suggestions
    while True:
        live = [copy.deepcopy(d) for d in drafts if d.id not in removed]
        checked = _check(live, files)
        if not checked.problems:
            break
        findings += [f for f, _ in checked.problems.values()]
        unknown += checked.unknown
        if not partial:
            raise _error(findings, unknown)
        for tid, (_, why) in checked.problems.items():
            removed[tid] = why
        for tid, source in _dependents([d for d in drafts if d.id not in removed], set(removed)).items():
            removed[tid] = f"it needs the output of task {source}, which was dropped"
        if len(removed) == len(drafts):
            raise _error(findings, unknown)
    by_id = {d.id: d for d in drafts}
    dropped = []
    for tid, why in removed.items():
        d = by_id[tid]
        name = d.task if d.known else d.given or "a task without a name"
        dropped.append(f"Dropped task {tid} ({name}): {why}.")
    ordered = _stable_topo(checked.drafts)
    notes += checked.notes
    if [d.id for d in ordered] != [d.id for d in checked.drafts]:
        notes.append("reordered tasks so that each comes after the tasks it needs")
    return Plan(
        [Task(id=d.id, task=d.task, args=dict(d.args), dep=tuple(d.dep)) for d in ordered],
        notes=notes,
        raw=raw,
        dropped=dropped,
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
        else:  # unreachable for a checked plan; never loop forever
            out.extend(pending)
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
    fits = [
        k
        for k in d.dep
        if k in by_id and k != d.id and by_id[k].known and modality in registry.get(by_id[k].task).outputs
    ]
    return fits[0] if len(fits) == 1 else None


def _fill_missing(d: _Draft, name: str, by_id: dict[int, _Draft], files: list[str]) -> str | None:
    modality = arg_modality(name)
    producers = [k for k in d.dep if k in by_id and by_id[k].known and modality in registry.get(by_id[k].task).outputs]
    if len(producers) == 1:
        return f"{GENERATED}{producers[0]}"
    if modality in MEDIA and not producers:
        uploads = [f for f in files if media_kind(f) == modality]
        if len(uploads) == 1:
            return uploads[0]
    return None


def _match_file(value: str, modality: str, files: list[str]) -> str | None:
    """The conversation's file `value` means: itself; the one file with its base name, as LLMs write
    paths ('/examples/c.jpg', './c.jpg', 'C:\\x\\c.jpg' -> c.jpg); the one file of its kind with the same
    stem; the only file of its kind when `value` names a file of that kind too. None when nothing
    matches (reported, not fatal: the workspace refuses it at run time with the reason)."""
    if not files or value in files:
        return value if value in files else None
    key = _file_key(value)
    for same in (lambda f: _file_key(f) == key, lambda f: _file_key(f).lower() == key.lower()):
        by_name = [f for f in files if same(f)]
        if len(by_name) == 1:
            return by_name[0]
        if by_name:
            return None  # several files share that name: ambiguous
    kind = media_kind(value)
    if kind is None:
        return None  # not a media file name ('/etc/passwd'): never mapped to an upload
    stem = PurePosixPath(key.lower()).stem
    by_stem = [f for f in files if PurePosixPath(_file_key(f).lower()).stem == stem and media_kind(f) == modality]
    if len(by_stem) == 1:
        return by_stem[0]
    same_kind = [f for f in files if media_kind(f) == modality]
    if len(same_kind) == 1 and kind == modality:
        return same_kind[0]
    return None


def parse_plan(reply: str, files: Iterable[str] = (), *, partial: bool = False) -> Plan:
    """An LLM reply -> a validated Plan. Prose without JSON, or [], is the empty plan (no tools).
    A reply cut off inside its reasoning, with no plan in it, raises PlanError."""
    raw_tasks = extract_tasks(reply)
    if not raw_tasks:
        if raw_tasks is None and reasoning_cut_off(reply):
            raise PlanError(
                "the reply ended inside its reasoning (<think>) before any plan",
                ["your reply ended inside <think> (cut off?) with no plan: reply with the JSON list only"],
            )
        return Plan([], raw=reply)
    # objects that name no task ({"answer": "..."}, {"note": ...}) are not steps of a plan
    named = [t for t in raw_tasks if any(str(k).strip().lower() in _TASK_KEYS for k in t)]
    if not named:
        return Plan([], notes=["the reply's JSON named no task; answered directly"], raw=reply)
    plan = validate(named, files, raw=reply, partial=partial)
    if len(named) < len(raw_tasks):
        plan.notes.append(f"ignored {len(raw_tasks) - len(named)} object(s) of the reply that named no task")
    return plan
