"""Task planning: the planner prompt (prompt.py), a tolerant reader of what LLMs reply (parse.py),
validation into a typed `Plan` that repairs what is unambiguous (validate.py), and planning with a
chat LLM with one repair round (llm.py). embedded/ is the offline planner."""

from __future__ import annotations

from .llm import plan_with_llm
from .parse import PlanError, extract_tasks, normalize_ref, reasoning_cut_off, split_reasoning
from .prompt import (
    DEMOS,
    SYSTEM,
    UNAVAILABLE,
    build_messages,
    estimate_tokens,
    repair_message,
    task_spec,
    trim_history,
    user_message,
)
from .validate import parse_plan, validate

__all__ = [
    "DEMOS",
    "SYSTEM",
    "UNAVAILABLE",
    "PlanError",
    "build_messages",
    "estimate_tokens",
    "extract_tasks",
    "normalize_ref",
    "parse_plan",
    "plan_with_llm",
    "reasoning_cut_off",
    "repair_message",
    "split_reasoning",
    "task_spec",
    "trim_history",
    "user_message",
    "validate",
]
