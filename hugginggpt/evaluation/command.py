"""`python -m hugginggpt eval`: cases x configurations -> DIR/report.json and DIR/report.html."""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

EPILOG = """configurations: offline | hybrid | remote, optionally +openai[:MODEL] (OPENAI_API_KEY, OPENAI_BASE_URL)
or +hf[:MODEL] (HF_TOKEN, Hugging Face's router); without +LLM the embedded planner plans.
e.g. --config offline --config hybrid+openai:gpt-4.1-mini --config remote+hf:Qwen/Qwen3-32B
exit status: 0 every expectation met, 1 some case failed, 2 bad input, 130 interrupted (report written)"""


def add_parser(subparsers: Any) -> argparse.ArgumentParser:
    p = subparsers.add_parser(
        "eval",
        help="run a file of cases under several configurations; one side-by-side report",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("cases_file", nargs="?", metavar="CASES.jsonl", help='lines of {"id", "request", "files", "expect"}')
    p.add_argument(
        "--cases", metavar="CASES", help="the cases file, or 'examples': the page's examples and demo requests"
    )
    p.add_argument(
        "--config",
        action="append",
        default=[],
        metavar="CONFIG",
        dest="configs",
        help="a configuration to run every case under (repeatable; a column of the report)",
    )
    p.add_argument("--config-file", metavar="FILE.toml", help="named configurations (TOML or JSON); see the README")
    p.add_argument("--out", metavar="DIR", help="where report.html, report.json and the runs go (default: eval-<time>)")
    p.add_argument("--timeout", type=float, default=300.0, metavar="S", help="seconds a case may run (default 300)")
    p.add_argument("--jobs", type=int, metavar="N", help="runs at once (default: the server's, 2x HUGGINGGPT_WORKERS)")
    p.add_argument("--baseline", metavar="OLD/report.json", help="mark every run that got better or worse than this")
    return p


def run(args: argparse.Namespace) -> int:
    from ..cli import CLIError
    from ..config import Config
    from . import html, report
    from .cases import CasesError, load_cases
    from .configs import ConfigError, resolve
    from .examples import builtin_cases
    from .runner import Progress, run_all

    if getattr(args, "sub_mode", None) or getattr(args, "mode", None):
        raise CLIError("eval takes the mode of each configuration from --config (e.g. hybrid+openai:MODEL), not --mode")
    source = args.cases or args.cases_file
    if args.cases and args.cases_file:
        raise CLIError("give the cases once: CASES.jsonl or --cases")
    if not source:
        raise CLIError("give a cases file (CASES.jsonl), or --cases examples")
    if args.timeout <= 0:
        raise CLIError("--timeout must be more than 0 seconds")
    if args.jobs is not None and args.jobs < 1:
        raise CLIError("--jobs must be at least 1")
    try:
        configs = resolve(args.configs, Path(args.config_file) if args.config_file else None)
    except ConfigError as e:
        raise CLIError(str(e)) from e
    try:
        baseline = report.load_baseline(Path(args.baseline)) if args.baseline else None
    except report.BaselineError as e:
        raise CLIError(str(e)) from e
    out = Path(args.out or time.strftime("eval-%Y%m%d-%H%M%S"))
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise CLIError(f"cannot make the report folder {out}: {e.strerror or e}") from e
    try:
        if source == "examples" and not Path(source).is_file():
            cases, problems = builtin_cases(out), []
        else:
            cases, problems = load_cases(Path(source))
    except CasesError as e:
        for problem in e.problems:
            print(f"hugginggpt: {source} {problem}", file=sys.stderr)
        raise CLIError(str(e)) from e
    for problem in problems:
        print(f"hugginggpt: {source} {problem} (skipped)", file=sys.stderr)
    for case in cases:
        if case.missing:
            print(f"hugginggpt: case {case.id}: {case.missing} (it fails)", file=sys.stderr)

    jobs = args.jobs or Config.from_env().queue_concurrency
    progress = Progress(len(cases) * len(configs))
    print(
        f"eval: {len(cases)} cases x {len(configs)} configurations ({', '.join(c.name for c in configs)}), "
        f"{jobs} at once, {args.timeout:g} s each at most",
        file=sys.stderr,
    )
    outcome = run_all(cases, configs, out, _factory(args.timeout), timeout=args.timeout, jobs=jobs, progress=progress)
    progress.close("interrupted: writing the report of the runs that finished" if outcome.interrupted else "")
    data = report.build(
        cases,
        configs,
        outcome,
        out,
        source=str(source),
        problems=problems,
        baseline=baseline,
        baseline_path=args.baseline,
        timeout=args.timeout,
    )
    report.write(data, out)
    page = html.write(data, out)
    for name in data["configs"]:
        s = data["summary"][name]
        line = f"{name}: {s['passed']}/{s['judged']} passed, {s['errors']} errors"
        if s["median_s"] is not None:
            line += f", median {s['median_s']:.2f} s, p95 {s['p95_s']:.2f} s"
        line += f", {s['llm_calls']} LLM calls, {s['tokens']} tokens"
        if "better" in s:
            line += f"; {s['better']} better, {s['worse']} worse than the baseline"
        print(line)
    print(f"report: {page}")
    if outcome.interrupted:
        return 130
    failed = any(r.failed for r in outcome.records.values())
    return 1 if failed else 0


def _factory(timeout: float):
    """Builds one configuration's pipeline: its LLM only when it names one (else the embedded planner
    plans, whatever keys the environment holds); no task may outlive the case's limit."""

    def build(cfg):
        from ..orchestrator import Pipeline
        from .configs import ConfigUnusable

        try:
            config = cfg.build()
        except ConfigUnusable as e:
            print(f"hugginggpt: {e}; its runs fail", file=sys.stderr)
            raise
        config = replace(config, task_timeout=min(config.task_timeout, timeout))
        return Pipeline.from_config(config, with_llm=cfg.llm is not None)

    return build
