"""The app as an MCP server: three tools that other agents call (Gradio serves them at /gradio_api/mcp/).

- `run_request`: a request and its files -> the answer, the steps that ran, the output files (images as
  image content). It goes through the page's controller: the same admission (run slots, "busy"), the same
  checks of uploads, the same pipeline cache and time limits, and progress as MCP progress notifications.
- `plan_request`: the plan only, as JSON.
- `list_tasks`: what the current mode can run, and why not the rest.

Each call is a conversation of its own (MCP tools are stateless here): its files are removed when it
ends, its output files live on in Gradio's cache (served at their URLs, deleted with the cache).
The docstrings are the tool descriptions an LLM reads. Configuration: the server's, except that a caller
who sends `Authorization: Bearer hf_...` runs on that Hugging Face token, as a signed-in visitor does.
"""

from __future__ import annotations

import json
import logging
import mimetypes
import tempfile
from pathlib import Path
from typing import Any

import gradio as gr
from gradio import processing_utils
from gradio.data_classes import FileData
from gradio_client.utils import encode_file_path

from .. import planning
from ..llm.base import LLMError
from ..tasks import TASKS
from . import view as v
from .controller import BUSY_MESSAGE, Controller, ServerBusy, Update
from .mcp_files import FileArgError, stage
from .oauth import visitor_settings
from .sessions import UserState, settings_config

log = logging.getLogger("hugginggpt.mcp")

TOOLS = ("run_request", "plan_request", "list_tasks")


def caller_token(http: gr.Request | None) -> str | None:
    """The caller's own Hugging Face token, from `Authorization: Bearer hf_...` (the header Gradio's MCP
    guide has clients send for private Spaces); None without one."""
    headers = getattr(http, "headers", None) or {}
    auth = (headers.get("authorization") or "").strip()
    scheme, _, token = auth.partition(" ")
    token = token.strip()
    return token if scheme.lower() == "bearer" and token.startswith("hf_") else None


def own_hosts(http: gr.Request | None) -> set[str]:
    """The host[:port] names the caller reached this server by: URLs on them are this server's own."""
    headers = getattr(http, "headers", None) or {}
    hosts = {headers.get("host") or "", *(headers.get("x-forwarded-host") or "").split(",")}
    return {h.strip().lower() for h in hosts if h.strip()}


def register(demo: gr.Blocks, ctl: Controller, *, concurrency_limit: int | None = None) -> None:
    """Add the MCP tools (also plain API endpoints) to the page being built: call it inside `with demo`."""
    base = ctl.base

    def settings_of(http: gr.Request | None) -> dict | None:
        return visitor_settings(None, caller_token(http), base)

    def staged(files: list[str] | None, folder: Path, http: gr.Request | None) -> list[Path]:
        if isinstance(files, str):  # one file given as a string rather than a list of one
            files = [files]
        if files is not None and not isinstance(files, list):
            raise gr.Error("files must be a list of data: URIs or http(s) URLs ([] when there are none).")
        try:
            return stage(files, folder, own_hosts=own_hosts(http), local_url=demo.local_url)
        except FileArgError as e:
            raise gr.Error(f"Cannot use a file: {e}") from None

    def text_of(request: str) -> str:
        text = (request or "").strip() if isinstance(request, str) else ""
        if not text:
            raise gr.Error(
                "The request is empty: say what you want done, e.g. 'what is the total on this receipt?' "
                "with the receipt's image in files."
            )
        return text

    def run_request(request: str, files: list[str] | None = None, http: gr.Request | None = None) -> list:
        """Have HuggingGPT do something with models on text, images or audio, and answer. It plans the
        request into steps (read the text in an image, transcribe or speak, detect faces or objects, caption,
        cut out or edit an image, classify, translate...), picks a model for each, runs them and writes the
        answer from their results. Use it when a request needs models on media, e.g. "what is the total on
        this receipt?" with the receipt's image. Call list_tasks to see what this server can do now. Output
        images come back as images, every output file also as a URL. A run takes seconds to minutes and
        reports its progress; an error says what cannot run and what to configure.

        Args:
            request: What you want done, in plain language; say "this photo", "the recording" or a file's name.
            files: The images, audio or video it is about: data: URIs (data:image/png;name=a.png;base64,...) or URLs.

        Returns:
            The answer, the steps that ran, and the output files.
        """
        _serve_file_lists(demo)
        text = text_of(request)
        progress = gr.Progress()  # reaches the MCP client as progress notifications
        progress((0, None), desc="reading the files" if files else "planning")
        with tempfile.TemporaryDirectory(prefix="mcp-", dir=ctl.root) as inbox:
            paths = staged(files, Path(inbox), http)
            last: Update | None = None
            for last in ctl.respond({"text": text, "files": [str(p) for p in paths]}, None, settings_of(http)):
                _report(progress, last)
        user = last.user if last else None
        if user is None or user.run is None:  # refused before it started: the server is busy
            if isinstance(user, UserState):
                user.close(wait=0)
            raise gr.Error((last.status if last and last.status else BUSY_MESSAGE).lstrip("⏳ "))
        try:
            return _result(demo, user.run.view)
        finally:
            user.close(wait=5.0)  # its files; the outputs are in Gradio's cache by now

    def plan_request(request: str, files: list[str] | None = None, http: gr.Request | None = None) -> str:
        """Plan a request without running it: the steps HuggingGPT would run for it, as JSON. Each task has
        an id, its type, its arguments (a file name, text, or <GENERATED>-k for the output of task k) and
        the tasks it waits for; "cannot_run" says, one sentence each, which parts of the request this
        server cannot serve now and what to configure. Quick: use it to check a request before run_request.

        Args:
            request: What you want done, in plain language.
            files: The images, audio or video it is about: data: URIs or http(s) URLs (none: leave it out).

        Returns:
            The plan as JSON.
        """
        text = text_of(request)
        with tempfile.TemporaryDirectory(prefix="mcp-", dir=ctl.root) as inbox:
            names = [p.name for p in staged(files, Path(inbox), http)]
        pipeline = _pipeline(ctl, settings_of(http))
        try:
            with ctl.slot():
                plan, source = pipeline.plan_only(text, names)
        except ServerBusy as e:
            raise gr.Error(str(e).lstrip("⏳ ")) from None
        except (LLMError, planning.PlanError) as e:
            raise gr.Error(f"The request could not be planned: {v.public(str(e))}") from None
        tasks = [{**t.to_json(), "does": v.task_label(t.task)} for t in plan.tasks]
        return json.dumps(
            {"planned_by": source, "files": names, "tasks": tasks, "cannot_run": [v.public(s) for s in plan.dropped]},
            ensure_ascii=False,
        )

    def list_tasks(http: gr.Request | None = None) -> str:
        """List what HuggingGPT can do on this server now, as JSON: the mode (offline, hybrid or remote),
        the controller LLM if any, each task type it can run with its inputs, outputs and models, and for
        each task type it cannot run, one sentence on why and what to configure. No arguments.

        Returns:
            The mode and the task types, as JSON.
        """
        settings = settings_of(http)
        cfg = settings_config(settings, base)
        pipeline = _pipeline(ctl, settings)
        capabilities = pipeline.capabilities()
        can, cannot = [], []
        for name, spec in TASKS.items():
            experts = capabilities.experts(name)
            if experts:
                can.append(
                    {
                        "task": name,
                        "does": spec.label or spec.description,
                        "inputs": list(spec.inputs),
                        "outputs": list(spec.outputs),
                        "models": sorted({f"{e.backend}:{e.model}" for e in experts})[:3],
                    }
                )
            else:
                cannot.append({"task": name, "why": capabilities.message(name)})
        route = cfg.llm_route() if pipeline.llm is not None else None
        return json.dumps(
            {"mode": cfg.mode, "llm": route.model if route else None, "can_run": can, "cannot_run": cannot},
            ensure_ascii=False,
        )

    for fn in (run_request, plan_request, list_tasks):
        gr.api(fn, api_name=fn.__name__, concurrency_limit=concurrency_limit)


def _pipeline(ctl: Controller, settings: dict | None):
    try:
        return ctl.pipelines.get(settings_config(settings, ctl.base))
    except Exception as e:  # a backend that cannot start with this configuration
        log.warning("pipeline failed to start: %s", type(e).__name__)
        raise gr.Error(f"The pipeline could not start with this configuration: {type(e).__name__}: {e}") from None


def _report(progress: gr.Progress, u: Update) -> None:
    """One progress step per change of the run: waiting, planning, n of m tasks finished, answering."""
    run = u.user.run if isinstance(u.user, UserState) else None
    if run is None:
        return
    with run.cond:
        plan = run.view.plan
        states = list(run.view.states.values())
    if u.queued:
        progress((0, None), desc="waiting for a free slot (the server is busy)")
    elif plan is None:
        progress((0, None), desc="planning")
    else:
        finished = sum(s in ("done", "failed", "skipped") for s in states)
        if states and finished < len(states):
            progress((finished, len(states)), desc="running the tasks")
        else:
            progress((len(states), len(states) or None), desc="writing the answer")


def _result(demo: gr.Blocks, view: v.RunView) -> list:
    """The tool's output: the answer and what ran as text, then each output file (Gradio makes an image
    an MCP image and gives every file a URL). A run that could not answer is an error the caller reads."""
    if view.error is not None:
        raise gr.Error(f"Could not answer ({view.stage}): {view.error}")
    answer = view.answer.strip() or "(no answer text)"  # already public: RunView keeps the answer so
    lines = [answer, "", f"Steps (planned by {view.plan_source or 'none'}):"]
    files: list[dict[str, Any]] = []
    for tid, r in v.ordered_results(view):
        made = r.media()
        what = f"{r.model}" if r.model else ""
        extra = f": {r.error}" if r.status != "done" and r.error else ""
        out = f" -> {', '.join(f'{k} {p.name}' for k, p in made)}" if made else ""
        lines.append(f"- task {tid} {r.task} ({what}): {r.status}{v.public(extra)}{out}")
        for _, path in made:
            cached = processing_utils.save_file_to_cache(path, demo.GRADIO_CACHE)
            files.append(
                FileData(
                    path=cached,
                    url=f"/gradio_api/file={encode_file_path(cached)}",
                    orig_name=path.name,
                    mime_type=mimetypes.guess_type(path.name)[0],
                ).model_dump()
            )
    if not view.results:
        lines.append("- none: answered directly")
    return ["\n".join(lines), *files]


def _serve_file_lists(demo: gr.Blocks) -> None:
    """Gradio's MCP server makes one content item of each output of a tool, an image of a file output;
    run_request returns a list (its number of files varies), which it would print as one text. Open such
    a list so that each file is an item of its own (images as images). Once per server; the server reads
    this method when the tool has returned, so the first call is served too."""
    server = getattr(demo, "mcp_server_obj", None)
    if server is None or getattr(server, "_opens_lists", False):
        return
    original = server.postprocess_output_data

    def postprocess(data: Any, root_url: str):
        flat = [item for out in data for item in (out if isinstance(out, list) else [out])]
        return original(flat, root_url)

    server.postprocess_output_data = postprocess
    server._opens_lists = True
