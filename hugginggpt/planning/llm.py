"""Planning with a chat LLM: the planner prompt, the reply read tolerantly, and when the plan is
invalid one repair round that shows the LLM the validator's findings. A repaired plan that is still
invalid runs its valid part, and `Plan.dropped` says what was left out and why; a plan with nothing
valid ends in PlanError with one clear message, never a silent direct answer."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..types import Plan
from .parse import PlanError, extract_tasks
from .prompt import build_messages, repair_message
from .validate import parse_plan

if TYPE_CHECKING:
    from ..capabilities import Capabilities
    from ..llm.base import ChatModel


def plan_with_llm(
    llm: ChatModel,
    request: str,
    files: Iterable[str] = (),
    history: list[dict[str, str]] | None = None,
    *,
    history_tokens: int = 1500,
    capabilities: Capabilities | None = None,
    new: Iterable[str] = (),
) -> Plan:
    """The LLM's plan for `request`. Raises LLMError when the endpoint fails, PlanError when not one
    task of the plan (after the repair round) can run."""
    files = list(files)
    messages = build_messages(request, files, history, history_tokens, capabilities=capabilities, new=new)
    reply = llm.complete(messages).text
    try:
        return parse_plan(reply, files)
    except PlanError as e:
        first = e
    # one repair round (costs a call only when the plan was invalid)
    messages += [
        {"role": "assistant", "content": reply},
        {"role": "user", "content": repair_message(first.findings)},
    ]
    second = llm.complete(messages).text
    try:
        plan = parse_plan(second, files)
        if plan.tasks:
            plan.notes.insert(0, f"the LLM repaired its first plan ({'; '.join(first.findings)})")
            return plan
        if not extract_tasks(reply):
            return plan  # the first reply held no plan either (it ended in its reasoning): no tools needed
        last = first  # asked to fix its plan, the LLM gave none: not a reason to drop the request
    except PlanError as e:
        last = e
    # still invalid: run the valid part, of the repaired plan first, else of the first one
    for candidate in (second, reply):
        try:
            plan = parse_plan(candidate, files, partial=True)
        except PlanError:
            continue
        if plan.tasks:
            plan.notes.insert(0, "the plan was still invalid after one repair round; ran its valid part")
            return plan
    message, known, tasks = str(last).partition(". Known tasks:")
    raise PlanError(f"{message}, still after one round of repair{known}{tasks}", last.findings)
