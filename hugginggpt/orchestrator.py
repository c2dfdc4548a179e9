"""run(request) -> Iterator[Event]: the only place where plan, select, execute and respond meet."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from . import planning, response, selection
from .capabilities import MODE_BACKENDS, Capabilities, advice, load_backend_modules
from .config import Config
from .execution import Scheduler
from .executors import shared as shared_executors
from .experts.base import ExpertBackend, backend_factories
from .experts.llm_expert import LLMBackend
from .experts.registry import ExpertRegistry
from .experts.vlm import VLMBackend, controller_backend
from .llm.base import ChatModel, Completion, LLMError, MeteredChatModel
from .planning.coverage import uncovered
from .types import (
    GENERATED,
    AnswerDelta,
    Event,
    FinalAnswer,
    ModelChoice,
    ModelsSelected,
    Plan,
    PlanReady,
    Request,
    RunFailed,
    TaskResult,
    Usage,
    media_kind,
)
from .workspace import Workspace

log = logging.getLogger(__name__)


class Planner(Protocol):
    """A planner without an LLM: request text and file names -> a typed Plan (with the parts of the
    request it could not plan). `capabilities` says which tasks can run now, so that it plans a route
    that can (None: every task counts as runnable)."""

    def plan(
        self,
        text: str,
        files: list[str] = ...,
        history: list[str] | None = None,
        capabilities: Capabilities | None = None,
    ) -> Plan: ...


@dataclass
class Session:
    """One conversation: its files and its turns (context for later requests)."""

    workspace: Workspace = field(default_factory=Workspace)
    history: list[dict[str, str]] = field(default_factory=list)
    # one run at a time per conversation: held while a run's generator is live
    _run_lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)
    _cancel: threading.Event | None = field(default=None, repr=False, compare=False)

    # uploads and each answer's main outputs, in turn order (side files, such as a cut-out's mask, are not)
    main_files: list[str] = field(default_factory=list)

    def file_names(self) -> list[str]:
        """The conversation's files, oldest first, with uploads and answers' main outputs last in turn
        order: "it" (the newest) is the last result the visitor saw, never a side file such as a mask."""
        names = [p.name for p in self.workspace.files()]
        main = [n for n in dict.fromkeys(self.main_files) if n in names]
        return [n for n in names if n not in main] + main

    @property
    def running(self) -> bool:
        """A request of this conversation is being answered now."""
        return self._run_lock.locked()

    def stop(self, wait: float = 10.0) -> bool:
        """Cancel the running request, if any, and wait up to `wait` s for it to end (its tasks stopped,
        their files removed). True when nothing runs any more: the folder may then be deleted."""
        if (cancel := self._cancel) is not None:
            cancel.set()
        if not self._run_lock.acquire(timeout=wait):
            return False
        self._run_lock.release()
        return True


def build_backends(config: Config) -> list[ExpertBackend]:
    """The expert backends of the configured mode that can be built (a missing token leaves one out)."""
    backends = []
    for name in load_backend_modules(MODE_BACKENDS[config.mode]):
        factory = backend_factories().get(name)
        backend = factory(config) if factory else None
        if backend is not None:
            backends.append(backend)
    return backends


def default_planner() -> Planner | None:
    try:
        from .planning.embedded import OfflinePlanner
    except ImportError:
        return None
    return OfflinePlanner()


class Pipeline:
    """The HuggingGPT pipeline. Stateless between requests (state lives in the Session), so one
    Pipeline serves many users at once."""

    def __init__(
        self,
        config: Config | None = None,
        *,
        llm: ChatModel | None = None,
        backends: list[ExpertBackend] | None = None,
        planner: Planner | None = None,
    ):
        self.config = config or Config()
        self.llm = llm
        self.backends = backends if backends is not None else []
        self.planner = planner

    @classmethod
    def from_config(cls, config: Config | None = None, *, with_llm: bool = True) -> Pipeline:
        """The pipeline a config describes, its backends started. `with_llm=False`: no controller LLM
        whatever keys the config holds (the embedded planner plans)."""
        config = config or Config.from_env()
        from .llm import build_llm

        # OPENAI_* first, else Hugging Face's router with HF_TOKEN, else None
        llm = build_llm(config) if with_llm else None
        backends = build_backends(config)
        for backend in backends:
            backend.start()
        return cls(config, llm=llm, backends=backends, planner=default_planner())

    def registry(self, llm: ChatModel | None) -> ExpertRegistry:
        backends = list(self.backends)
        if llm is not None and self.config.llm_as_expert:
            backends.append(LLMBackend(llm))
            if (vlm := controller_backend(llm)) is not None:  # a multimodal LLM also reads images
                # ...and the router's VLM experts leave its model out rather than offer it twice
                backends = [b.without(llm.name) if isinstance(b, VLMBackend) else b for b in backends]
                backends.append(vlm)
        registry = ExpertRegistry(backends)
        registry.explain = self._capabilities_of(registry).message
        return registry

    def capabilities(self, llm: ChatModel | None = None) -> Capabilities:
        """The capability map: which tasks this pipeline can run now, and why not the others."""
        return self._capabilities_of(self.registry(llm or self.llm))

    def _capabilities_of(self, registry: ExpertRegistry) -> Capabilities:
        return Capabilities(
            registry,
            mode=self.config.mode,
            has_llm=self.llm is not None,
            has_token=bool(self.config.hf_token),
        )

    def new_session(self) -> Session:
        """A conversation whose folder lies under the configured workdir (HUGGINGGPT_WORKDIR)."""
        return Session(Workspace(parent=self.config.workdir))

    def served_tasks(self) -> list[str]:
        return self.capabilities().served()

    def run(
        self, request: Request, session: Session | None = None, *, cancel: threading.Event | None = None
    ) -> Iterator[Event]:
        """Plan, select, execute, respond; every step is an event. Never raises for a failing LLM or
        model: the run ends with FinalAnswer, or RunFailed saying what to fix.

        One run per conversation at a time: a second one while the first is live ends at once with
        RunFailed(stage="busy"). Setting `cancel` (or `session.stop()`, or closing the generator) stops
        the run: running tasks stop at their next check, pending ones are skipped, files of unfinished
        tasks are removed, and the run ends with RunFailed("Stopped: ...", stage="cancelled")."""
        session = session or self.new_session()
        if not session._run_lock.acquire(blocking=False):
            message = "This conversation is still answering a request: wait for it to finish, or press Stop."
            yield RunFailed(message, "busy", {"request": request.text, "error": message}, t=0.0)
            return
        session._cancel = cancel = cancel or threading.Event()
        try:
            yield from self._run(request, session, cancel)
        finally:
            session._cancel = None
            session._run_lock.release()

    def _run(self, request: Request, session: Session, cancel: threading.Event) -> Iterator[Event]:
        start = time.monotonic()
        usage = Usage()
        llm: ChatModel | None = None
        trace: dict = {"request": request.text, "plan": [], "choices": {}, "results": {}, "answer": ""}

        def now() -> float:
            return time.monotonic() - start

        def stamp() -> None:
            # which LLM and which route served the run (no key): the model at the end, which a router
            # may have re-picked during the run
            if (route := getattr(getattr(llm, "inner", None), "route", None)) is not None:
                trace["llm_route"] = route.describe()

        def close(answer: str) -> FinalAnswer:
            stamp()
            trace.update(answer=answer, llm=usage.to_json(), seconds=round(now(), 3))
            return FinalAnswer(answer, trace, t=now())

        def fail(message: str, stage: str) -> RunFailed:
            stamp()
            trace.update(error=message, llm=usage.to_json(), seconds=round(now(), 3))
            return RunFailed(message, stage, trace, t=now())

        # uploads join the conversation's workspace; a bad file is reported, the rest goes on
        uploaded: list[str] = []
        for f in request.files:
            try:
                uploaded.append(session.workspace.add_upload(f).name)
                session.main_files.append(uploaded[-1])
            except (OSError, ValueError) as e:
                yield fail(f"Cannot use the file {Path(f).name}: {e}", "upload")
                return
        files = session.file_names()
        trace["files"] = files

        # the LLM of this request (a router picks one it serves now, one that reads images if any came)
        if self.llm is not None:
            try:
                llm = MeteredChatModel(self.llm.for_request(images=_has_images(uploaded)), usage)
            except LLMError as e:
                yield fail(str(e), "planning")
                return
            stamp()
        experts = self.registry(llm)

        # 1. plan
        try:
            plan, source = self._plan(
                request, files, session.history, llm, self._capabilities_of(experts), uploaded=uploaded
            )
        except LLMError as e:
            yield fail(str(e), "planning")
            return
        except planning.PlanError as e:
            yield fail(f"The plan is not usable: {e}", "planning")
            return
        trace["plan"] = plan.to_json()
        trace["plan_source"] = source
        if plan.notes:
            trace["plan_notes"] = plan.notes
        if plan.dropped:
            trace["plan_dropped"] = plan.dropped
        if plan.unplanned:
            trace["plan_unplanned"] = plan.unplanned
        if plan.routes:
            trace["plan_routes"] = [r.note for r in plan.routes]
        yield PlanReady(plan, source, t=now())
        if cancel.is_set():
            yield fail("Stopped: the request was cancelled before any task ran.", "cancelled")
            return

        results: dict[int, TaskResult] = {}
        if not plan.tasks:
            # chit-chat: no tools, the LLM answers directly
            if llm is None:
                answer = response.template_answer(request.text, plan, results)
                yield AnswerDelta(answer, t=now())
            else:
                try:
                    history = planning.trim_history(session.history, self.config.history_tokens)
                    answer = yield from self._stream(llm, response.chat_messages(request.text, history), now)
                except LLMError as e:
                    yield fail(str(e), "response")
                    return
                if not answer:
                    yield fail("The LLM sent an empty answer: try again, or rephrase the request.", "response")
                    return
            self._remember(session, request, uploaded, answer)
            yield close(answer)
            return

        # 2. select (backends first fetch what they need to list the plan's candidates)
        kinds = sorted({t.task for t in plan.tasks})
        for backend in experts.backends:
            if sources := backend.prepare(kinds):
                trace.setdefault("catalog", {}).update(sources)
        if unserved := [k for k in kinds if not experts.serves(k)]:  # e.g. Spaces found by meaning
            for backend in experts.backends:
                if sources := backend.discover(unserved):
                    trace.setdefault("catalog", {}).update(sources)
        ranked = {t.id: selection.rank(t, experts.experts(t.task), _priority(experts)) for t in plan.tasks}
        choices: dict[int, ModelChoice] = selection.select(
            request.text, plan, ranked, llm, self.config.selection_top_k, self.config.llm_selects
        )
        trace["choices"] = {str(k): v.to_json() for k, v in choices.items()}
        yield ModelsSelected(choices, t=now())
        if cancel.is_set():
            yield fail("Stopped: the request was cancelled before any task ran.", "cancelled")
            return

        # 3. execute
        scheduler = Scheduler(
            experts,
            self.config.concurrency,
            self.config.task_timeout,
            self.config.max_attempts,
            executors=shared_executors(self.config.cpu_workers, self.config.io_workers),
        )
        yield from scheduler.run(
            plan, choices, session.workspace, results, t0=start, cancel=cancel, ip_token=request.ip_token
        )
        if cancel.is_set():
            trace["results"] = {str(k): results[k].to_json() for k in sorted(results, key=_order(plan))}
            n_done = sum(r.status == "done" for r in results.values())
            yield fail(
                f"Stopped: {n_done} of {len(results)} tasks had finished; the others were stopped and their "
                "files removed.",
                "cancelled",
            )
            return
        trace["results"] = {str(k): results[k].to_json() for k in sorted(results, key=_order(plan))}
        served_by_llm = [str(r.task_id) for r in results.values() if r.backend == "llm" and r.status == "done"]
        if served_by_llm:
            trace["llm_served_tasks"] = served_by_llm

        # 4. respond
        if llm is None:
            answer = response.template_answer(request.text, plan, results)
            yield AnswerDelta(answer, t=now())
        else:
            try:
                answer = yield from self._stream(llm, response.build_messages(request.text, plan, results), now)
            except LLMError as e:
                # the work is done and its files exist: say so rather than lose it
                answer = (
                    response.template_answer(request.text, plan, results)
                    + f"\n\n(The LLM could not write the answer: {e})"
                )
                yield AnswerDelta(answer, t=now())
        if not answer:  # the LLM streamed nothing: the results still answer
            answer = response.template_answer(request.text, plan, results)
            yield AnswerDelta(answer, t=now())
        if extra := response.dropped_addendum(plan, answer):  # the chat always says what was left out
            answer += extra
            yield AnswerDelta(extra, t=now())
        self._remember(session, request, uploaded, answer, results, plan)
        yield close(answer)

    def answer(self, request: Request, session: Session | None = None) -> FinalAnswer | RunFailed:
        """Run to the end and return the last event (FinalAnswer or RunFailed)."""
        last: Event | None = None
        for last in self.run(request, session):
            pass
        assert isinstance(last, (FinalAnswer, RunFailed))
        return last

    def plan_only(
        self, text: str, files: list[str] = (), session: Session | None = None, *, all_tasks: bool = False
    ) -> tuple[Plan, str]:
        """Only the planning stage: (plan, who planned it). Raises LLMError or PlanError. `all_tasks`:
        plan as if every task type could run (TaskBench's setting), not around this mode's map."""
        files = list(files)  # the files given with this request: what it is about
        llm = MeteredChatModel(self.llm.for_request(images=_has_images(files))) if self.llm is not None else None
        history = session.history if session else []
        capabilities = None if all_tasks else self.capabilities(llm)
        return self._plan(Request(text), files, history, llm, capabilities, uploaded=files)

    def _plan(
        self,
        request: Request,
        files: list[str],
        history: list[dict[str, str]],
        llm: ChatModel | None,
        capabilities: Capabilities | None = None,
        uploaded: list[str] | None = None,
    ) -> tuple[Plan, str]:
        if request.plan is not None:
            return request.plan, "given"
        if llm is not None:
            # one repair round when the plan is invalid; then its valid part, with what was dropped
            plan = planning.plan_with_llm(
                llm,
                request.text,
                files,
                history,
                history_tokens=self.config.history_tokens,
                capabilities=capabilities,
                new=uploaded or (),
            )
            plan.unplanned += uncovered(request.text, plan)  # a part the plan left out is said, not failed
            return plan, "llm"
        if self.planner is not None:
            turns = [m["content"] for m in history if m["role"] == "user"]
            # the files this turn brought are what it is about; with none, the newest file of the
            # conversation is ("now read it aloud"); others count when the text names them (validation
            # knows them all), never as unasked inputs of their own
            about = [f for f in files if f in request.text] + (uploaded or files[-1:])
            planned = self.planner.plan(request.text, list(dict.fromkeys(about)), turns, capabilities=capabilities)
            # the workspace's rules for file names (a path as written -> the conversation's file)
            plan = planning.validate(planned.to_json(), files) if planned.tasks else Plan([])
            plan.notes += planned.notes
            plan.unplanned, plan.routes, plan.asked = list(planned.unplanned), list(planned.routes), planned.asked
            return plan, "offline"
        raise LLMError(
            f"No LLM is configured and the embedded planner is not installed: {advice('llm')}, "
            "or pass a plan with --plan."
        )

    @staticmethod
    def _stream(llm: ChatModel, messages: list, now) -> Iterator[Event]:
        parts: list[str] = []
        for part in llm.stream(messages):
            if isinstance(part, Completion):
                continue
            parts.append(part)
            yield AnswerDelta(part, t=now())
        return "".join(parts).strip()

    @staticmethod
    def _remember(
        session: Session,
        request: Request,
        uploaded: list[str],
        answer: str,
        results: dict[int, TaskResult] | None = None,
        plan: Plan | None = None,
    ) -> None:
        made = _made_files(plan, results or {})
        order = {t.id: i for i, t in enumerate(plan.tasks)} if plan else {}
        outputs = sorted((results or {}).values(), key=lambda r: order.get(r.task_id, r.task_id))
        session.main_files += [
            Path(v).name for r in outputs for k, v in r.outputs.items() if k in ("image", "audio", "video")
        ]
        user = request.text + (f" (files: {', '.join(uploaded)})" if uploaded else "")
        reply = answer + (f" (files produced: {'; '.join(made)})" if made else "")
        session.history += [{"role": "user", "content": user}, {"role": "assistant", "content": reply}]


def _made_files(plan: Plan | None, results: dict[int, TaskResult]) -> list[str]:
    """The media a turn produced, each with the task that made it and the text it came from, so that a
    follow-up ("translate it", "make it louder") can tell a spoken rendering of a text from a recording."""
    tasks = plan.by_id() if plan else {}
    out = []
    for tid, r in results.items():
        for kind, value in r.outputs.items():
            if kind not in ("image", "audio", "video"):
                continue
            source = ""
            task = tasks.get(tid)
            text = task.args.get("text") if task else None
            if isinstance(text, str) and text.startswith(GENERATED):
                upstream = results.get(int(text[len(GENERATED) :]))
                text = upstream.outputs.get("text") if upstream else None
            if isinstance(text, str) and text.strip():
                short = text.strip() if len(text) <= 80 else text.strip()[:77] + "..."
                source = f' from the text "{short}"'
            out.append(f"{Path(value).name} ({r.task} output{source})")
    return out


def _has_images(files: list[str]) -> bool:
    return any(media_kind(Path(f).name) == "image" for f in files)


def _priority(experts: ExpertRegistry):
    order = {b.name: b.priority for b in experts.backends}
    return lambda backend: order.get(backend, 99)


def _order(plan: Plan):
    pos = {t.id: i for i, t in enumerate(plan.tasks)}
    return lambda tid: pos.get(tid, 0)
