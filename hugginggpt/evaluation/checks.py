"""A run judged against its case's expectations: one Check per expectation, each passed or failed."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .cases import Expect


@dataclass(frozen=True)
class Check:
    what: str  # "contains 'EXIT'", "media audio", "tasks image-to-text"
    passed: bool
    detail: str = ""  # why it failed

    def to_json(self) -> dict[str, Any]:
        return {"what": self.what, "passed": self.passed, "detail": self.detail}


@dataclass(frozen=True)
class Observed:
    """What a run showed: its answer, its done tasks' text outputs, its plan's task types, the kinds of
    media files it produced; `failed`: the run ended without an answer (RunFailed, or it never ran)."""

    answer: str = ""
    texts: tuple[str, ...] = ()
    plan: tuple[str, ...] = ()
    media: frozenset[str] = frozenset()
    failed: str | None = None


def judge(expect: Expect, seen: Observed) -> list[Check]:
    """Every expectation of `expect`, checked against `seen`. A run that failed fails them all."""
    text = "\n".join([seen.answer, *seen.texts])
    low = text.lower()
    checks = []
    for alts in expect.contains:
        what = "contains " + " or ".join(repr(a) for a in alts)
        ok = any(a.lower() in low for a in alts)
        checks.append(Check(what, ok, "" if ok else "not in the answer nor the outputs' text"))
    for pattern in expect.regex:
        ok = re.search(pattern, text) is not None
        checks.append(Check(f"regex {pattern}", ok, "" if ok else "no match in the answer nor the outputs' text"))
    for kind in expect.media:
        ok = kind in seen.media
        made = ", ".join(sorted(seen.media)) or "none"
        checks.append(Check(f"media {kind}", ok, "" if ok else f"no {kind} file among the outputs (made: {made})"))
    if expect.tasks is not None:
        planned = ", ".join(seen.plan) or "no task"
        if not expect.tasks:
            ok = not seen.plan
            checks.append(Check("tasks: none (a direct answer)", ok, "" if ok else f"planned: {planned}"))
        for task in expect.tasks:
            ok = task in seen.plan
            checks.append(Check(f"tasks {task}", ok, "" if ok else f"planned: {planned}"))
    if seen.failed is not None:  # the error itself is shown once, beside the checks
        checks = [Check(c.what, False, "the run ended without an answer") for c in checks]
    return checks


def passed(checks: list[Check]) -> bool | None:
    """True when every check passed; None without any."""
    return all(c.passed for c in checks) if checks else None
