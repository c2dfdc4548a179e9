"""Does an LLM's plan cover the request? A part named outright ("and read it aloud") that no task of the
plan can serve is said in the chat: a note, never a failure.

Only the words that name a goal count (the embedded planner's cues, no meaning model), in clauses that ask
rather than present a file, so that a plan is flagged only where the request is unambiguous.
"""

from __future__ import annotations

import re

from ..types import Plan
from .embedded.clauses import split
from .embedded.goals import Goal
from .embedded.inputs import find_inputs
from .embedded.reading import cues, presents

# tasks that serve a goal besides its own realizations: a chat LLM answers questions and writes, a
# visual model reads and describes, ControlNet drawings are drawings, editors restyle
_ALSO: dict[str, set[str]] = {
    "ask": {"document-question-answering", "object-detection", "conversational", "text-generation"},
    "ask-visual": {"document-question-answering", "object-detection", "conversational"},
    "words": {"visual-question-answering", "document-question-answering"},
    "describe": {"visual-question-answering", "image-classification", "text-generation"},
    "write": {"conversational", "text2text-generation"},
    "chat": {"text-generation", "text2text-generation", "question-answering"},
    "edit": {"image-to-image"},
    "restyle": {"image-editing"},
    "enhance": {"image-editing"},
    "label": {"tabular-classification", "zero-shot-classification"},
    "emotion": {"text-classification"},
    "summarize": {"text2text-generation", "text-generation"},
    "translate": {"text2text-generation", "text-generation"},
}


# goals served by any task that makes what they make: ControlNet drawings are drawings, and a task the plan
# had to drop still says the part was planned ("image-to-video" for "animate it")
_MAKERS = {"draw", "video", "speak"}


def _serves(goal: Goal, tasks: set[str]) -> bool:
    options = set(goal.tasks.values()) | _ALSO.get(goal.name, set())
    if goal.name in _MAKERS:
        options |= {t for t in tasks if any(t.endswith(f"-to-{k}") for k in goal.output_kinds)}
    return bool(options & tasks)


def uncovered(request: str, plan: Plan) -> list[str]:
    """One sentence per part of the request the plan seems to leave out ([] when it covers them all, or
    plans nothing: a direct answer is the LLM's call)."""
    if not plan.tasks:
        return []
    # the tasks the LLM planned, those it planned and the validator dropped too: those are said already
    tasks = {t.task for t in plan.tasks} | {m.group(1) for s in plan.dropped if (m := re.search(r"\(([^)]+)\)", s))}
    inputs = find_inputs(request)
    out = []
    for clause in split(request, inputs):
        if presents(clause):
            continue
        for want in cues(clause):
            if want.goal.name != "chat" and not _serves(want.goal, tasks):
                out.append(f"The plan may leave out “{clause.text.strip(' .,;')}”: no step of it does that.")
                break
    return out
