"""Evaluation cases: one JSON object a line, checked line by line.

    {"id": "sign", "request": "What does this sign say?", "files": ["img/sign.png"],
     "expect": {"contains": ["EXIT"], "media": ["audio"]}}

`files` are relative to the cases file. `expect` is optional:
- `contains`: words the answer or the outputs' text must hold (any case); an item that is a list is a set
  of alternatives, one of which must appear (`["nine", "9"]`);
- `regex`: patterns (Python `re`, searched in the same text; `(?i)` for any case);
- `media`: `image` / `audio` / `video` files the run must produce;
- `tasks`: task types the plan must use (`[]`: no task, a direct answer).
A malformed line is a `Problem` ("line 7: ...") and is skipped; a missing file makes the case fail
with the reason, without running it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..tasks import TASKS, normalize_name
from ..types import MEDIA, Modality

CASE_KEYS = ("id", "request", "files", "expect")
EXPECT_KEYS = ("contains", "regex", "media", "tasks")


class CasesError(Exception):
    """The cases file as a whole cannot be used (unreadable, or no valid case in it: `problems` says why)."""

    def __init__(self, message: str, problems: list[Problem] | None = None):
        super().__init__(message)
        self.problems = problems or []


@dataclass(frozen=True)
class Problem:
    """A line of the cases file that was skipped, and why."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass(frozen=True)
class Expect:
    """What a run of a case must show. `tasks` None: the plan is not judged; (): it must be empty."""

    contains: tuple[tuple[str, ...], ...] = ()
    regex: tuple[str, ...] = ()
    media: tuple[Modality, ...] = ()
    tasks: tuple[str, ...] | None = None

    def __bool__(self) -> bool:
        return bool(self.contains or self.regex or self.media or self.tasks is not None)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.contains:
            out["contains"] = [alts[0] if len(alts) == 1 else list(alts) for alts in self.contains]
        if self.regex:
            out["regex"] = list(self.regex)
        if self.media:
            out["media"] = list(self.media)
        if self.tasks is not None:
            out["tasks"] = list(self.tasks)
        return out


@dataclass(frozen=True)
class Case:
    """One request to run under every configuration. `missing`: why it cannot run (a file is absent)."""

    id: str
    request: str
    files: tuple[Path, ...] = ()
    expect: Expect = field(default_factory=Expect)
    line: int = 0
    missing: str | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "request": self.request, "files": [str(f) for f in self.files]}
        if self.expect:
            out["expect"] = self.expect.to_json()
        if self.missing:
            out["missing"] = self.missing
        return out


def load_cases(path: Path) -> tuple[list[Case], list[Problem]]:
    """The valid cases of a JSONL file, in order, and the lines skipped. Raises CasesError when the file
    cannot be read or holds no valid case."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise CasesError(f"cannot read the cases file {path}: {e.strerror or e}") from e
    except UnicodeDecodeError as e:
        raise CasesError(f"{path} is not UTF-8 text: {e.reason} at byte {e.start}") from e
    cases: list[Case] = []
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    base = path.resolve().parent
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            case = parse_case(line, n, base)
        except ValueError as e:
            problems.append(Problem(n, str(e)))
            continue
        if case.id in seen:
            problems.append(Problem(n, f"the id {case.id!r} is already used on line {seen[case.id]}"))
            continue
        seen[case.id] = n
        cases.append(case)
    if not cases:
        detail = f" ({len(problems)} malformed line{'s' * (len(problems) != 1)})" if problems else ""
        raise CasesError(f"{path} holds no case{detail}", problems)
    return cases, problems


def parse_case(line: str, n: int, base: Path) -> Case:
    """One line -> a Case. Raises ValueError saying what is wrong with it."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as e:
        raise ValueError(f"not JSON ({e.msg} at column {e.colno})") from None
    if not isinstance(obj, dict):
        raise ValueError(f'not a JSON object: a case is {{"id", "request", "files", "expect"}}, not {_kind(obj)}')
    if unknown := [k for k in obj if k not in CASE_KEYS]:
        raise ValueError(f"unknown key {unknown[0]!r} (a case has {', '.join(CASE_KEYS)})")
    cid = obj.get("id", f"line-{n}")
    if isinstance(cid, bool) or not isinstance(cid, (str, int)) or not str(cid).strip():
        raise ValueError(f'"id" must be a non-empty string or number, not {_kind(cid)}')
    request = obj.get("request")
    if not isinstance(request, str) or not request.strip():
        raise ValueError('"request" must be a non-empty string' + ("" if "request" in obj else " (it is missing)"))
    files = obj.get("files") or []
    if isinstance(files, str):
        files = [files]
    if not isinstance(files, list) or not all(isinstance(f, str) and f.strip() for f in files):
        raise ValueError('"files" must be a list of file paths (relative to the cases file)')
    expect = parse_expect(obj.get("expect") or {})
    paths = tuple(Path(f) if Path(f).is_absolute() else base / f for f in files)
    missing = next((f"file not found: {f} (looked for {p})" for f, p in zip(files, paths) if not p.is_file()), None)
    return Case(str(cid).strip(), request.strip(), paths, expect, n, missing)


def parse_expect(obj: Any) -> Expect:
    if not isinstance(obj, dict):
        raise ValueError(f'"expect" must be an object with any of {", ".join(EXPECT_KEYS)}, not {_kind(obj)}')
    if unknown := [k for k in obj if k not in EXPECT_KEYS]:
        raise ValueError(f"unknown expectation {unknown[0]!r} (known: {', '.join(EXPECT_KEYS)})")
    contains = []
    for item in _listed(obj.get("contains"), "contains"):
        alts = [item] if isinstance(item, str) else item
        if not isinstance(alts, list) or not alts or not all(isinstance(a, str) and a.strip() for a in alts):
            raise ValueError('"contains" holds words, or lists of alternative words: ["EXIT", ["nine", "9"]]')
        contains.append(tuple(a.strip() for a in alts))
    regex = []
    for pattern in _listed(obj.get("regex"), "regex"):
        if not isinstance(pattern, str):
            raise ValueError(f'"regex" holds patterns (strings), not {_kind(pattern)}')
        try:
            re.compile(pattern)
        except re.error as e:
            raise ValueError(f"the regex {pattern!r} does not compile: {e}") from None
        regex.append(pattern)
    media = []
    for kind in _listed(obj.get("media"), "media"):
        if kind not in MEDIA:
            raise ValueError(f'"media" holds {", ".join(MEDIA)}, not {kind!r}')
        media.append(kind)
    tasks = None
    if "tasks" in obj:
        tasks = []
        for name in _listed(obj["tasks"], "tasks"):
            task = normalize_name(name) if isinstance(name, str) else None
            if task not in TASKS:
                raise ValueError(f'unknown task {name!r} in "tasks"; known tasks: {", ".join(TASKS)}')
            tasks.append(task)
    return Expect(tuple(contains), tuple(regex), tuple(media), None if tasks is None else tuple(tasks))


def _listed(value: Any, name: str) -> list:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list):
        raise ValueError(f'"{name}" must be a string or a list, not {_kind(value)}')
    return value


def _kind(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean", type(None): "null"}.get(
        type(value), "a number"
    )
