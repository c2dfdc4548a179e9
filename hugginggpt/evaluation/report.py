"""report.json: every case, every configuration's run of it, a summary per configuration, and (with a
baseline) which runs got better or worse."""

from __future__ import annotations

import json
import math
import statistics
import time
from pathlib import Path
from typing import Any

from .cases import Case, Problem
from .configs import EvalConfig
from .runner import Outcome, RunRecord


class BaselineError(ValueError):
    """The --baseline file is not a report this command wrote."""


def load_baseline(path: Path) -> dict[tuple[str, str], dict[str, Any]]:
    """(case id, config name) -> that run of an earlier report.json."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise BaselineError(f"cannot read the baseline {path}: {e.strerror or e}") from e
    except (ValueError, UnicodeDecodeError) as e:
        raise BaselineError(f"the baseline {path} is not JSON: {e}") from e
    if not isinstance(data, dict) or not isinstance(data.get("cases"), list):
        raise BaselineError(f'the baseline {path} is not a report.json (no "cases" list)')
    out = {}
    for case in data["cases"]:
        if isinstance(case, dict) and isinstance(case.get("runs"), dict):
            for name, run in case["runs"].items():
                if isinstance(run, dict):
                    out[str(case.get("id")), name] = run
    return out


def score(run: dict[str, Any]) -> float:
    """How well a run did, to compare with another run of the same case: the share of its checks that
    passed; without checks, 1 for an answer and 0 for an error."""
    checks = run.get("checks") or []
    if checks:
        return sum(bool(c.get("passed")) for c in checks) / len(checks)
    return 0.0 if run.get("error") else 1.0


def change(old: dict[str, Any] | None, new: dict[str, Any]) -> str | None:
    """'better' / 'worse' than the baseline's run, or None (the same, or no baseline run)."""
    if old is None:
        return None
    before, after = score(old), score(new)
    return "better" if after > before else "worse" if after < before else None


def run_json(record: RunRecord, out: Path) -> dict[str, Any]:
    folder = _rel(record.folder, out)
    trace = f"{folder}/trace.json" if folder and (record.folder / "trace.json").is_file() else None  # type: ignore[operator]
    return {
        "passed": record.passed,
        "answer": record.answer,
        "plan": record.plan,
        "choices": record.choices,
        "results": record.results,
        "seconds": record.seconds,
        "llm_calls": record.llm_calls,
        "tokens": record.tokens,
        "prompt_tokens": record.prompt_tokens,
        "completion_tokens": record.completion_tokens,
        "error": record.error,
        "checks": [c.to_json() for c in record.checks],
        "plan_source": record.plan_source,
        "notes": record.notes,
        "timed_out": record.timed_out,
        "folder": folder,
        "trace": trace,
    }


def build(
    cases: list[Case],
    configs: list[EvalConfig],
    outcome: Outcome,
    out: Path,
    *,
    source: str,
    problems: list[Problem] = (),  # type: ignore[assignment]
    baseline: dict[tuple[str, str], dict[str, Any]] | None = None,
    baseline_path: str | None = None,
    timeout: float | None = None,
) -> dict[str, Any]:
    """The report as JSON-ready data (what report.html shows, too)."""
    names = [c.name for c in configs]
    rows = []
    for case in cases:
        runs = {}
        for name in names:
            record = outcome.records.get((case.id, name))
            if record is None:
                continue  # not run (interrupted)
            run = run_json(record, out)
            if baseline is not None:
                old = baseline.get((case.id, name))
                run["change"] = change(old, run)
                run["baseline_passed"] = None if old is None else old.get("passed")
            runs[name] = run
        rows.append({**case.to_json(), "runs": runs})
    report = {
        "configs": names,
        "config_details": {c.name: c.describe() for c in configs},
        "cases": rows,
        "summary": {name: summarize(name, rows) for name in names},
        "skipped": [{"line": p.line, "error": p.message} for p in problems],
        "interrupted": outcome.interrupted,
        "source": source,
        "created": time.strftime("%Y-%m-%d %H:%M:%S"),
        "seconds": outcome.seconds,
    }
    if timeout is not None:
        report["timeout"] = timeout
    if baseline_path:
        report["baseline"] = baseline_path
    return report


def summarize(name: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
    """One configuration's column in numbers: runs, passed of judged, errors, time, LLM use."""
    runs = [r["runs"][name] for r in rows if name in r["runs"]]
    judged = [r for r in runs if r["passed"] is not None]
    secs = sorted(r["seconds"] for r in runs if r["folder"] is not None)  # not the runs that never started
    out = {
        "runs": len(runs),
        "judged": len(judged),
        "passed": sum(r["passed"] is True for r in judged),
        "failed": sum(r["passed"] is False for r in judged),
        "errors": sum(r["error"] is not None for r in runs),
        "median_s": round(statistics.median(secs), 3) if secs else None,
        "p95_s": round(secs[max(0, math.ceil(0.95 * len(secs)) - 1)], 3) if secs else None,
        "llm_calls": sum(r["llm_calls"] for r in runs),
        "tokens": sum(r["tokens"] for r in runs),
    }
    if any("change" in r for r in runs):
        out["better"] = sum(r.get("change") == "better" for r in runs)
        out["worse"] = sum(r.get("change") == "worse" for r in runs)
    return out


def outcome_of(run: dict[str, Any]) -> str:
    """pass / fail / error / answered (no expectation): what 'the configurations disagree' compares."""
    if run["passed"] is True:
        return "pass"
    if run["passed"] is False:
        return "error" if run["error"] else "fail"
    return "error" if run["error"] else "answered"


def write(report: dict[str, Any], out: Path) -> Path:
    path = out / "report.json"
    path.write_text(json.dumps(report, ensure_ascii=False, indent=2, default=str) + "\n", encoding="utf-8")
    return path


def _rel(path: Path | None, out: Path) -> str | None:
    if path is None:
        return None
    try:
        return path.resolve().relative_to(out.resolve()).as_posix()
    except ValueError:
        return str(path)
