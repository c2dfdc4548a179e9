"""python -m hugginggpt run|plan|eval|catalog: the pipeline from a terminal, as events or one JSON trace."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from .config import Config
from .types import (
    AnswerDelta,
    FinalAnswer,
    ModelsSelected,
    PlanReady,
    Request,
    RunFailed,
    TaskFailed,
    TaskFinished,
    TaskSkipped,
    TaskStarted,
)


class CLIError(Exception):
    """Ends the command with one line on stderr and exit code 2."""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="hugginggpt", description="HuggingGPT: an LLM that plans and runs AI models.")
    mode_help = "which experts to use (env HUGGINGGPT_MODE)"
    p.add_argument("--mode", choices=["offline", "hybrid", "remote"], help=mode_help)
    # --mode is accepted after the subcommand too (`hugginggpt run ... --mode remote`)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--mode", dest="sub_mode", choices=["offline", "hybrid", "remote"], default=None, help=mode_help
    )
    sub = p.add_subparsers(dest="command", required=True)
    _add_parser = sub.add_parser
    sub.add_parser = lambda *a, **kw: _add_parser(*a, parents=[common, *kw.pop("parents", [])], **kw)  # type: ignore[method-assign]

    run = sub.add_parser("run", help="run a request through the whole pipeline")
    run.add_argument("request", help="what you want done, in plain language")
    run.add_argument("--file", action="append", default=[], metavar="PATH", help="a file to use (repeatable)")
    run.add_argument("--plan", metavar="PLAN.json", help="execute this plan instead of planning")
    run.add_argument("--json", action="store_true", help="print one JSON trace on stdout")
    run.add_argument("--out", metavar="DIR", help="folder for uploads and outputs (default: a new temp folder)")

    plan = sub.add_parser("plan", help="print the plan for a request (or a batch of requests)")
    plan.add_argument("request", nargs="?", help="the request")
    plan.add_argument("--file", action="append", default=[], metavar="NAME", help="a file name the user gives")
    plan.add_argument("--batch", metavar="REQUESTS.jsonl", help='lines of {"id","request"} -> lines of {"id","plan"}')
    plan.add_argument("--json", action="store_true", help="print the plan as JSON")
    plan.add_argument(
        "--all-tasks",
        action="store_true",
        help="plan as if every task type could run here (TaskBench's setting), not around what this mode serves",
    )

    tasks = sub.add_parser("tasks", help="list the task types and which the current mode can run")
    tasks.add_argument("--json", action="store_true", help="print JSON")

    from .evaluation import command as eval_command

    eval_command.add_parser(sub)

    try:
        from . import catalog_cli
    except ImportError:
        pass
    else:
        catalog_cli.add_parser(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        mode = getattr(args, "sub_mode", None) or args.mode
        overrides = {"mode": mode} if mode else {}
        config = Config.from_env(**overrides)
        if args.command == "run":
            return _run(args, config)
        if args.command == "plan":
            return _plan(args, config)
        if args.command == "tasks":
            return _tasks(args, config)
        if args.command == "eval":
            from .evaluation import command as eval_command

            return eval_command.run(args)
        from . import catalog_cli

        return catalog_cli.run(args)
    except CLIError as e:
        print(f"hugginggpt: {e}", file=sys.stderr)
        return 2
    except ValueError as e:  # a bad setting (e.g. HUGGINGGPT_MODE) is the user's to fix
        print(f"hugginggpt: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("hugginggpt: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `... | head`: the reader left, nothing to report
        sys.stdout = open(os.devnull, "w")
        return 0


def _load_plan(path: str, files: list[str]):
    from .planning import PlanError, parse_plan

    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as e:
        raise CLIError(f"cannot read the plan {path}: {e.strerror}") from e
    try:
        plan = parse_plan(text, files)
    except PlanError as e:
        raise CLIError(f"the plan in {path} is not usable: {e}") from e
    if not plan.tasks:
        raise CLIError(f"{path} holds no tasks")
    return plan


def _run(args: argparse.Namespace, config: Config) -> int:
    from .orchestrator import Pipeline, Session
    from .workspace import Workspace

    for f in args.file:
        if not Path(f).is_file():
            raise CLIError(f"no such file: {f}")
    names = [Path(f).name for f in args.file]
    plan = _load_plan(args.plan, [*args.file, *names]) if args.plan else None
    pipeline = Pipeline.from_config(config)
    request = Request(args.request, [Path(f) for f in args.file], plan)
    out = sys.stderr if args.json else sys.stdout
    streamed = False
    session = Session(Workspace(Path(args.out))) if args.out else pipeline.new_session()
    for event in pipeline.run(request, session):
        if isinstance(event, PlanReady):
            tasks = ", ".join(f"{t.id}:{t.task}" for t in event.plan.tasks) or "none (direct answer)"
            print(f"[plan] {tasks}", file=sys.stderr)
            for note in event.plan.notes:
                print(f"[plan] note: {note}", file=sys.stderr)
            for sentence in [*event.plan.dropped, *event.plan.unplanned, *map(str, event.plan.routes)]:
                print(f"[plan] {sentence}", file=sys.stderr)
        elif isinstance(event, ModelsSelected):
            for tid, c in event.choices.items():
                print(f"[model] task {tid}: {c.model} ({c.backend}) - {c.reason}", file=sys.stderr)
        elif isinstance(event, TaskStarted):
            print(f"[run] task {event.task.id} {event.task.task} on {event.model}", file=sys.stderr)
        elif isinstance(event, TaskFinished):
            r = event.result
            made = ", ".join(
                f"{k}={Path(v).name if k in ('image', 'audio', 'video') else '...'}" for k, v in r.outputs.items()
            )
            print(f"[done] task {r.task_id} in {r.seconds:.2f} s: {made}", file=sys.stderr)
        elif isinstance(event, (TaskFailed, TaskSkipped)):
            r = event.result
            print(f"[{r.status}] task {r.task_id} {r.task}: {r.error}", file=sys.stderr)
        elif isinstance(event, AnswerDelta) and not args.json:
            print(event.text, end="", file=out, flush=True)
            streamed = True
        elif isinstance(event, FinalAnswer):
            if args.json:  # output files are named relative to this folder
                trace = {**event.trace, "folder": str(Path(session.workspace.root).resolve())}
                print(json.dumps(trace, ensure_ascii=False, indent=2, default=str))
            elif streamed:
                print(flush=True)
            else:
                print(event.answer, flush=True)
            print(f"[files] {session.workspace.root}", file=sys.stderr)
            return 0
        elif isinstance(event, RunFailed):
            if args.json:
                trace = {**event.trace, "folder": str(Path(session.workspace.root).resolve())}
                print(json.dumps(trace, ensure_ascii=False, indent=2, default=str))
            print(f"hugginggpt: {event.message}", file=sys.stderr)
            return 1
    raise CLIError("the run ended without an answer")


def _plan(args: argparse.Namespace, config: Config) -> int:
    from .llm.base import LLMError
    from .orchestrator import Pipeline
    from .planning import PlanError

    pipeline = Pipeline.from_config(config)
    if args.batch:
        return _plan_batch(pipeline, args.batch, args.all_tasks)
    if not args.request:
        raise CLIError("give a request, or --batch FILE")
    try:
        plan, source = pipeline.plan_only(args.request, args.file, all_tasks=args.all_tasks)
    except (LLMError, PlanError) as e:
        raise CLIError(str(e)) from e
    if args.json:
        print(json.dumps(plan.to_json(), ensure_ascii=False, indent=2))
    else:
        if not plan.tasks:
            print("(no task: the request is answered directly)")
        for t in plan.tasks:
            deps = ", ".join(map(str, t.dep)) or "-"
            print(f"{t.id}. {t.task}  args={json.dumps(t.args, ensure_ascii=False)}  after={deps}")
        for note in plan.notes:
            print(f"note: {note}", file=sys.stderr)
        for sentence in [*plan.dropped, *plan.unplanned, *map(str, plan.routes)]:
            print(sentence, file=sys.stderr)
        print(f"(planned by: {source})", file=sys.stderr)
    return 0


def _tasks(args: argparse.Namespace, config: Config) -> int:
    from .orchestrator import Pipeline
    from .tasks import TASKS

    pipeline = Pipeline.from_config(config)
    capabilities = pipeline.capabilities()
    rows = []
    for name, spec in TASKS.items():
        experts = capabilities.experts(name)
        rows.append(
            {
                "task": name,
                "inputs": list(spec.inputs),
                "outputs": list(spec.outputs),
                "served_by": _served_by(experts),
                "why_not": None if experts else capabilities.message(name),
            }
        )
    llm_model, llm_note = _controller_llm(pipeline)
    if args.json:
        out = {"mode": config.mode, "llm": config.has_llm, "llm_model": llm_model, "llm_note": llm_note}
        print(json.dumps({**out, "tasks": rows}, indent=2))
        return 0
    note = f" ({llm_note})" if llm_note else ""
    print(f"mode: {config.mode}; controller LLM: {llm_model or 'none (offline planner)'}{note}")
    for r in rows:
        mark = "yes" if r["served_by"] else " - "
        detail = ", ".join(r["served_by"]) if r["served_by"] else r["why_not"]
        print(f"[{mark}] {r['task']:<30} {detail}")
    return 0


def _controller_llm(pipeline) -> tuple[str | None, str]:
    """The model that would serve a request now (on Hugging Face's router, picked from what it serves),
    and how it was picked, or why it cannot serve."""
    from .llm.base import LLMError

    if pipeline.llm is None:
        return None, ""
    try:
        chat = pipeline.llm.for_request()
    except LLMError as e:
        return pipeline.llm.name, str(e)
    route = getattr(chat, "route", None)
    return chat.name, (getattr(route, "picked", None) or "")


def _served_by(experts: list, most: int = 3) -> list[str]:
    """Who serves a task, in ranking order: the first of each backend (so that a Space shows beside
    thirty provider models), then the next ones up to `most`."""
    names = list(dict.fromkeys(f"{e.backend}:{e.model}" for e in experts))
    firsts = list(dict.fromkeys(next(n for n in names if n.startswith(f"{b}:")) for b in (e.backend for e in experts)))
    return firsts + [n for n in names if n not in firsts][: max(0, most - len(firsts))]


def _plan_batch(pipeline, path: str, all_tasks: bool = False) -> int:
    from .llm.base import LLMError
    from .planning import PlanError

    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as e:
        raise CLIError(f"cannot read {path}: {e.strerror}") from e
    failures = 0
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            rid, text = item["id"], item.get("request") or item["user_request"]
        except (json.JSONDecodeError, KeyError, TypeError):
            raise CLIError(f'{path} line {n} is not {{"id", "request"}} JSON') from None
        try:
            plan, _ = pipeline.plan_only(text, item.get("files") or [], all_tasks=all_tasks)
            out = {"id": rid, "plan": plan.to_json()}
        except (LLMError, PlanError) as e:
            failures += 1
            out = {"id": rid, "plan": [], "error": str(e)}
        print(json.dumps(out, ensure_ascii=False), flush=True)
    if failures:
        print(f"hugginggpt: {failures} request(s) could not be planned", file=sys.stderr)
        return 1
    return 0
