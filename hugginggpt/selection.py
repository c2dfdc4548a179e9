"""Model selection: rank the candidates of each task (pure), then let the LLM choose among the top
ones for all tasks of the plan in one call, with a reason each. Unusable replies fall back to the
top-ranked candidate, and the ranked list is kept for run-time fallback."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable

from .experts.base import Expert
from .llm.base import ChatModel, LLMError, Message
from .planning import extract_tasks
from .types import GENERATED, ModelChoice, ModelInfo, Plan, Task

_WORD = re.compile(r"[a-z]{3,}")


def score(task: Task, info: ModelInfo) -> float:
    """Popularity (log downloads, log likes) plus relevance: words of the task's arguments that the
    model's description or tags mention (e.g. 'french' for a translation model)."""
    popularity = math.log10(info.downloads + 1) + 0.5 * math.log10(info.likes + 1)
    words = {w for v in task.args.values() if not v.startswith(GENERATED) for w in _WORD.findall(v.lower())}
    about = f"{info.description} {' '.join(info.tags)} {info.id}".lower()
    return popularity + 0.5 * sum(1 for w in words if w in about)


def rank(task: Task, experts: list[Expert], priority: Callable[[str], int]) -> list[Expert]:
    """Candidates best first: by backend priority (embedded before remote in hybrid), then models that
    today's provider listing confirms before unverified snapshot ones, then score."""

    def key(e: Expert) -> tuple:
        info = e.info(task.task)
        return (priority(e.backend), not info.verified, -score(task, info), e.model)

    return sorted(experts, key=key)


SYSTEM = (
    "You choose one model for each task of a plan, from its candidates, to best serve the user's request. "
    'Reply with JSON only: {"<task id>": {"id": "<candidate id>", "reason": "<one short sentence>"}}.'
)


def _describe(info: ModelInfo) -> str:
    desc = " ".join(info.description.split())[:80]
    stats = f"{info.downloads} downloads, {info.likes} likes" if info.downloads or info.likes else "local"
    return f"- {info.id} [{info.backend}; {stats}] {desc}".rstrip()


def build_messages(request: str, plan: Plan, shortlists: dict[int, list[ModelInfo]]) -> list[Message]:
    parts = [f"Request: {request}"]
    by_id = plan.by_id()
    for tid, infos in shortlists.items():
        t = by_id[tid]
        parts.append(f"Task {tid}: {t.task} {json.dumps(t.args, ensure_ascii=False)}")
        parts.extend(_describe(i) for i in infos)
    return [{"role": "system", "content": SYSTEM}, {"role": "user", "content": "\n".join(parts)}]


def parse_choices(reply: str, shortlists: dict[int, list[ModelInfo]]) -> dict[int, tuple[ModelInfo, str]]:
    """Tolerant parse of the LLM's choices: {"0": {"id", "reason"}}, a list of {"task_id", "id"...},
    or {"0": "model-id"}. Choices not among a task's candidates are ignored."""
    raw: dict[str, object] = {}
    objects = extract_tasks(reply) or []
    for obj in objects:
        if any(k in obj for k in ("task_id", "task", "tid")) and any(k in obj for k in ("id", "model")):
            key = obj.get("task_id", obj.get("tid", obj.get("task")))
            raw[str(key)] = obj
        elif isinstance(obj.get("id", obj.get("model")), str):
            # JARVIS's one-task form {"id": model, "reason": ...}: the task whose candidates hold it
            model = str(obj.get("id") or obj.get("model"))
            fits = [tid for tid, infos in shortlists.items() if len(shortlists) == 1 or _match(model, infos)]
            if len(fits) == 1:
                raw[str(fits[0])] = obj
        else:
            raw.update({str(k): v for k, v in obj.items()})
    chosen: dict[int, tuple[ModelInfo, str]] = {}
    for key, value in raw.items():
        m = re.search(r"\d+", key)
        if not m or int(m.group()) not in shortlists:
            continue
        tid = int(m.group())
        if isinstance(value, dict):
            model = str(value.get("id") or value.get("model") or "")
            reason = str(value.get("reason") or "").strip()
        else:
            model, reason = str(value), ""
        info = _match(model, shortlists[tid])
        if info:
            chosen[tid] = (info, reason or "chosen by the LLM")
    return chosen


def _rank_reason(infos: list[ModelInfo]) -> str:
    """Why the first of a ranked list is first, in words."""
    top = infos[0]
    others = sorted({i.backend for i in infos} - {top.backend})
    if others:
        return f"top-ranked: {top.backend} models come before {', '.join(others)} ones in this mode"
    if top.verified and any(not i.verified for i in infos):
        return "top-ranked: served by a provider today, unlike the unverified 2023 snapshot models"
    return f"top-ranked by downloads ({top.downloads:,}) and likes ({top.likes:,})"


def _only_reason(info: ModelInfo) -> str:
    """Why a sole candidate: it is the only one in this mode, and what it is (its description's
    first clause), so that a visitor learns something from the reason."""
    if info.backend == "llm":
        return "the only model for this task: the controller LLM"
    where = "offline model" if info.backend == "embedded" else "model"
    what = re.split(r"(?<=[.:;])\s", info.description.strip(), maxsplit=1)[0].rstrip(".:;") if info.description else ""
    if len(what) > 110:
        what = what[:107].rsplit(" ", 1)[0] + "..."
    return f"the only {where} for this task" + (f" ({what})" if what else "")


def _match(model: str, infos: list[ModelInfo]) -> ModelInfo | None:
    model = model.strip().strip("`'\"")
    for test in (
        lambda i: i.id == model,
        lambda i: i.id.lower() == model.lower(),
        lambda i: i.id.split("/")[-1].lower() == model.split("/")[-1].lower(),
    ):
        hits = [i for i in infos if test(i)]
        if len(hits) == 1:
            return hits[0]
    return None


def select(
    request: str,
    plan: Plan,
    ranked: dict[int, list[Expert]],
    llm: ChatModel | None,
    top_k: int = 4,
    llm_selects: bool = True,
) -> dict[int, ModelChoice]:
    """A ModelChoice per task that has candidates. One LLM call covers every task with more than one
    candidate; none is made when no task needs it."""
    choices: dict[int, ModelChoice] = {}
    shortlists: dict[int, list[ModelInfo]] = {}
    by_id = plan.by_id()
    for tid, experts in ranked.items():
        if not experts:
            continue
        infos = [e.info(by_id[tid].task) for e in experts]
        top = infos[0]
        if len(experts) == 1:
            reason = _only_reason(top)
        else:
            reason = _rank_reason(infos)
            if llm is not None and llm_selects:
                shortlists[tid] = infos[:top_k]
        choices[tid] = ModelChoice(tid, top.id, top.backend, reason, infos)
    if shortlists and llm is not None:
        try:
            reply = llm.complete(build_messages(request, plan, shortlists), max_tokens=80 * len(shortlists)).text
            picked = parse_choices(reply, shortlists)
            note = ""
        except LLMError as e:
            picked, note = {}, f"the LLM could not choose ({e})"
        for tid in shortlists:
            if tid in picked:
                info, why = picked[tid]
                choices[tid].model, choices[tid].backend, choices[tid].reason = info.id, info.backend, why
                # the chosen one first, the rest keep their rank for fallback
                rest = [i for i in choices[tid].candidates if i is not info]
                choices[tid].candidates = [info, *rest]
            else:
                why = note or "the LLM's choice was unusable"
                choices[tid].reason = f"{why}; took the {choices[tid].reason}"
    return choices
