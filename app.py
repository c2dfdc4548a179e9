"""HuggingGPT's web page: the layout of one gr.Blocks page, wired to hugginggpt/ui/.

Run it with `python app.py` (honours GRADIO_SERVER_NAME / GRADIO_SERVER_PORT) or as a Hugging Face Space.
This file only lays out components and turns the controller's plain `Update`s into component values:
the views are in hugginggpt/ui/view.py, visitors' state in ui/sessions.py, the handlers in
ui/controller.py (testable without a server).
"""

from __future__ import annotations

import os

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

import logging  # noqa: E402
import tempfile  # noqa: E402
from collections.abc import Callable, Iterator  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import gradio as gr  # noqa: E402

from hugginggpt import warmup  # noqa: E402
from hugginggpt.config import Config  # noqa: E402
from hugginggpt.orchestrator import Pipeline  # noqa: E402
from hugginggpt.ui import mcp_tools  # noqa: E402
from hugginggpt.ui.controller import Controller, Panels, Update  # noqa: E402
from hugginggpt.ui.oauth import ip_token, oauth_token, on_spaces, visitor_settings  # noqa: E402
from hugginggpt.ui.sessions import MODES, SESSION_TTL, close_user_state  # noqa: E402
from hugginggpt.ui.view import WELCOME, render_graph  # noqa: E402
from hugginggpt.workspace import MAX_UPLOAD_BYTES  # noqa: E402

log = logging.getLogger("hugginggpt.app")

ASSETS = Path(__file__).resolve().parent / "assets"
# runs at once, all visitors: follows HUGGINGGPT_WORKERS (Config.queue_concurrency) unless set on its own
CONCURRENCY = int(os.environ.get("HUGGINGGPT_UI_CONCURRENCY") or Config.from_env().queue_concurrency)
QUEUE = int(os.environ.get("HUGGINGGPT_UI_QUEUE", "64"))  # runs waiting; past it: "busy, try again"

CSS = """
.gradio-container { max-width: 1440px !important; }
#title h1 { font-size: 1.5em; margin: 0; }
#title p { margin: 0; color: #6b7280; }
#capabilities { font-size: 0.85em; }
#capabilities summary { cursor: pointer; }
#run-status { min-height: 1.6em; }
#status-row.done #run-status p { color: #15803d; font-weight: 600; }
#status-row.partly #run-status p, #status-row.needs #run-status p { color: #b45309; font-weight: 600; }
#status-row.failed #run-status p { color: #b91c1c; font-weight: 600; }
#status-row.stopped #run-status p, #status-row.note #run-status p { color: #4b5563; font-weight: 600; }
#plan-steps ol, #plan-steps ul { margin: 0; }
.plan-graph { overflow-x: auto; padding: 4px 0; }
.plan-graph.empty, .muted { color: #6b7280; font-size: 0.9em; }
table.choices { font-size: 0.85em; border-collapse: collapse; width: 100%; table-layout: auto; }
table.choices td, table.choices th {
  border-bottom: 1px solid #e5e7eb; padding: 4px 6px; text-align: left; vertical-align: top;
  white-space: normal; overflow-wrap: anywhere;
}
#request textarea::placeholder { text-overflow: ellipsis; }
/* a step's title and its "embedded (0.8s)" stay inside the step: long model ids break, the label wraps */
#chat .thought-group .title { flex-wrap: wrap; }
#chat .thought-group .title .md { min-width: 0; overflow-wrap: anywhere; }
#chat .thought-group .duration { white-space: nowrap; }
/* the outputs gallery: each image whole at its own shape (not letterboxed in a square and cut by the
   box's height), its caption under it, whole */
#outputs-gallery .grid-wrap { min-height: 0; max-height: none; overflow-y: visible; }
#outputs-gallery .grid-container { grid-template-rows: none; grid-auto-rows: auto; }
#outputs-gallery .thumbnail-item { aspect-ratio: auto; height: auto; }
#outputs-gallery .thumbnail-item > img { width: auto; max-width: 100%; height: auto; max-height: 60vh;
  display: block; margin: 0 auto; }
#outputs-gallery .caption-label { position: static; display: block; max-width: none; white-space: normal;
  border: none; border-top: 1px solid var(--border-color-primary); border-radius: 0; }
/* one grid: the chat, with the outputs under it, beside the plan; on a phone: chat, plan, outputs */
#main { display: grid !important; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
  grid-template-areas: "chat side" "out side"; grid-template-rows: auto 1fr; align-items: start; }
#col-chat { grid-area: chat; } #col-side { grid-area: side; } #col-out { grid-area: out; }
#main > div { min-width: 0 !important; }
@media (max-width: 767px) {
  #main { grid-template-columns: minmax(0, 1fr); grid-template-areas: "chat" "side" "out"; grid-template-rows: auto; }
}
@media (max-width: 640px) {
  .gradio-container { padding-left: 6px !important; padding-right: 6px !important; }
  #title p { display: none; }
  #title h1 { font-size: 1.2em; }
  #capabilities { font-size: 0.8em; }
}
"""

# what the Mode choice means, said where it is made
MODE_INFO = (
    "offline: only the models on this server; no key needed, nothing leaves it. "
    "hybrid: these, plus Hugging Face models with your token (captions, translation, image generation). "
    "remote: Hugging Face models only. An API key (below) adds an LLM in any mode."
)

EXAMPLES = [  # each runs offline with the embedded planner and models (tests/test_app_examples.py)
    {"text": "Read the text in this receipt and tell me the total.", "files": [str(ASSETS / "receipt.png")]},
    {"text": "Read the text in this receipt aloud.", "files": [str(ASSETS / "receipt.png")]},
    {"text": "Transcribe this recording, then read the transcript aloud.", "files": [str(ASSETS / "booking.wav")]},
    {"text": 'Read "The meeting moved to Friday at ten" aloud.', "files": []},
]


def build_demo(
    pipeline_factory: Callable[[Config], Pipeline] | None = None,
    *,
    base_config: Config | None = None,
    root: Path | None = None,
    session_ttl: float = SESSION_TTL,
    max_runs: int = CONCURRENCY,
    max_waiting: int = QUEUE,
) -> gr.Blocks:
    """The page. `pipeline_factory(config)` builds the pipeline of a session's settings
    (default: Pipeline.from_config); tests pass their own."""
    base = base_config or Config.from_env()
    root = (root or Path(base.workdir or tempfile.gettempdir()) / "hugginggpt-ui").resolve()
    ctl = Controller(
        pipeline_factory or Pipeline.from_config, base, root, session_ttl, max_runs=max_runs, max_waiting=max_waiting
    )

    # delete_cache: Gradio's own copies of uploads and outputs go after a session's lifetime too
    with gr.Blocks(title="HuggingGPT", delete_cache=(1800, int(session_ttl))) as demo:
        demo.root_dir = root  # type: ignore[attr-defined]
        demo.controller = ctl  # type: ignore[attr-defined]
        user_state = gr.State(None, time_to_live=session_ttl, delete_callback=close_user_state)
        settings_state = gr.State(None, time_to_live=session_ttl)

        gr.Markdown(
            "# HuggingGPT\nAn LLM plans the tasks, picks an expert model for each, runs them and answers.",
            elem_id="title",
        )
        if on_spaces():  # Sign in with Hugging Face: the visitor's runs use (and bill) the visitor's token
            gr.LoginButton()
        banner = gr.Markdown(elem_id="capabilities")
        loading, loading_timer = gr.Markdown(warmup.line(), elem_id="loading"), gr.Timer(2, active=warmup.busy())
        gr.on([demo.load, loading_timer.tick], lambda: (warmup.line(), gr.Timer(active=warmup.busy())), None,
              [loading, loading_timer], api_visibility="private", show_progress="hidden", queue=False)  # fmt: skip
        # one grid (see CSS): chat | plan and settings on the right, outputs under the chat; on a phone
        # chat, plan, outputs; the examples after all of them (a visitor's own run comes first)
        with gr.Row(equal_height=False, elem_id="main"):
            with gr.Column(scale=3, min_width=340, elem_id="col-chat"):
                chatbot = gr.Chatbot(
                    elem_id="chat", label="Chat", height="46vh", min_height=280, placeholder=WELCOME, show_label=False
                )
                request_box = gr.MultimodalTextbox(
                    elem_id="request",
                    file_types=["image", "audio", "video"],
                    file_count="multiple",
                    placeholder="Ask, or attach a file…",
                    show_label=False,
                    submit_btn=True,
                )
                with gr.Row(equal_height=True, elem_id="status-row") as status_row:
                    status = gr.Markdown("", elem_id="run-status")
                    stop = gr.Button("⏹ Stop", size="sm", variant="stop", elem_id="stop", interactive=False, scale=0)
                    new_chat = gr.Button("New conversation", size="sm", elem_id="new-chat", scale=0)
            with gr.Column(scale=2, min_width=340, elem_id="col-side"):
                with gr.Accordion("Task plan", open=True, elem_id="plan"):
                    plan_steps = gr.Markdown("", elem_id="plan-steps")
                    graph = gr.HTML(render_graph(None), elem_id="plan-graph")
                    with gr.Accordion("Edit the plan (JSON) and run it again", open=False, elem_id="plan-edit"):
                        plan_code = gr.Code(
                            "[]",
                            language="json",
                            interactive=True,
                            max_lines=24,
                            label="Plan (editable JSON)",
                            elem_id="plan-json",
                        )
                        rerun = gr.Button("Run this plan (no re-planning)", size="sm", elem_id="rerun")
                with gr.Accordion("Model selection", open=False, elem_id="choices"):
                    choices = gr.HTML(Panels.of(None).choices, elem_id="choices-table")
                with gr.Accordion("Trace", open=False, elem_id="trace"):
                    trace = gr.JSON({}, label="LLM calls, tokens, seconds per stage", elem_id="trace-json")
                    download = gr.DownloadButton("Download run (JSON)", value=None, elem_id="download", size="sm")
                with gr.Accordion("Settings", open=False, elem_id="settings"):
                    mode = gr.Radio(list(MODES), value=base.mode, label="Mode", elem_id="set-mode", info=MODE_INFO)
                    base_url = gr.Textbox(
                        base.openai_base_url or "",
                        label="OpenAI-compatible base URL",
                        placeholder="https://api.openai.com/v1",
                        elem_id="set-base-url",
                    )
                    model = gr.Textbox(base.llm_model, label="LLM model name", elem_id="set-model")
                    api_key = gr.Textbox(
                        "",
                        type="password",
                        label="API key",
                        placeholder="server default" if base.openai_api_key else "sk-…",
                        elem_id="set-api-key",
                    )
                    hf_token = gr.Textbox(
                        "",
                        type="password",
                        label="Hugging Face token",
                        placeholder="server default" if base.hf_token else "hf_…",
                        elem_id="set-hf-token",
                    )
                    provider = gr.Textbox(base.hf_provider, label="Inference provider (auto, hf-inference, …)")
                    with gr.Row():
                        save = gr.Button("Apply settings", size="sm", variant="primary", elem_id="save-settings")
                        forget = gr.Button("Forget my keys", size="sm", elem_id="forget-keys")
                    settings_note = gr.Markdown(
                        "Keys stay in this browser session only; they are never shown again or logged.",
                        elem_id="settings-note",
                    )
            with gr.Column(scale=3, min_width=340, elem_id="col-out"):
                with gr.Accordion("Outputs", open=True, elem_id="outputs"):
                    # empty media boxes are hidden (their columns), so an answer without media takes no room
                    with gr.Column(visible=False) as audio_col:
                        audio = gr.Audio(label="Audio", elem_id="outputs-audio", interactive=False)
                    with gr.Column(visible=False) as gallery_col:
                        gallery = gr.Gallery(
                            label="Media by task",
                            columns=3,
                            height="auto",
                            object_fit="contain",
                            elem_id="outputs-gallery",
                        )
                    outputs_text = gr.Markdown("", elem_id="outputs-text")
                    with gr.Column(visible=False) as files_col:
                        files = gr.File(
                            label="Files", file_count="multiple", elem_id="outputs-files", interactive=False, height=140
                        )
        examples = gr.Examples(
            examples=EXAMPLES, inputs=[request_box], label="Examples (run offline; click one to run it)"
        )

        # API outputs keep their order (clients index them): new components go after `download`
        run_outputs = [
            chatbot, request_box, status, graph, plan_code, choices, gallery, outputs_text, files, trace, download,
            plan_steps, audio, stop, status_row, gallery_col, audio_col, files_col, user_state,
        ]  # fmt: skip

        def values(u: Update) -> tuple:
            """An Update as the tuple of run_outputs (gr.skip() where it leaves a component alone).
            API outputs stay plain values; visibility and colour go to the layout blocks after them."""
            skip = gr.skip()
            p = u.panels
            box = (
                skip
                if u.box is None
                else gr.MultimodalTextbox(value=None, interactive=u.box == "ready", submit_btn=u.box == "ready")
            )
            shown = [skip] * 3 if p is None else [gr.Column(visible=bool(x)) for x in (p.gallery, p.audio, p.files)]
            return (
                skip if u.chat is None else u.chat,
                box,
                skip if u.status is None else u.status,
                *(
                    [skip] * 7
                    if p is None
                    else [p.graph, p.plan_json, p.choices, p.gallery, p.outputs_text, p.files, p.trace]
                ),
                u.download if u.set_download else skip,
                skip if p is None else p.plan_steps,
                skip if p is None else p.audio,
                skip if u.running is None else gr.Button(interactive=u.running),
                skip
                if u.status is None or u.outcome is None  # outcome None: the colour stays as it is
                else gr.Row(elem_classes=[u.outcome] if u.outcome else []),
                *shown,
                u.user,
            )

        def run_settings(settings: dict | None, request: gr.Request, oauth: gr.OAuthToken | None) -> dict | None:
            """The settings of this run only, never stored: the signed-in visitor's token, and the X-IP-Token
            that makes public ZeroGPU Spaces count the visitor's quota."""
            return visitor_settings(settings, oauth_token(oauth), base, ip_token(getattr(request, "headers", None)))

        def respond(
            message: dict | None, user, settings: dict | None, request: gr.Request, oauth: gr.OAuthToken | None = None
        ) -> Iterator[tuple]:
            """Answer a multimodal message {"text", "files"}; streams the chat and the panels."""
            for u in ctl.respond(message, user, run_settings(settings, request, oauth), _session(request)):
                yield values(u)

        def run_plan(
            plan_text: str, user, settings: dict | None, request: gr.Request, oauth: gr.OAuthToken | None = None
        ) -> Iterator[tuple]:
            """Execute the (edited) plan in the plan panel for the last request, without re-planning."""
            for u in ctl.run_plan(plan_text, user, run_settings(settings, request, oauth), _session(request)):
                yield values(u)

        def stop_run(user) -> tuple:
            return values(ctl.stop(user))

        def clear(user) -> tuple:
            return values(ctl.clear(user))

        def apply_settings(m: str, url: str, name: str, key: str, token: str, prov: str, settings: dict | None):
            r = ctl.apply_settings(m, url, name, key, token, prov, settings)
            # applied: the fields clear (the keys are kept, never shown again); not applied: what the
            # visitor typed stays there to correct
            kept = ("", "") if r.applied else (gr.skip(), gr.skip())
            return r.settings, r.banner, r.note, *kept

        def forget_keys(settings: dict | None):
            r = ctl.forget_keys(settings)
            return r.settings, r.banner, r.note, "", ""

        def unload(request: gr.Request) -> None:
            ctl.unload(_session(request))

        run_args: dict[str, Any] = {
            "show_progress_on": [status],
            "show_progress": "hidden",
            "concurrency_limit": max_runs + max_waiting,  # the controller bounds the runs; this only follows
        }
        # the page's own handlers stay callable by API clients but are no MCP tools (mcp_tools are)
        internal = {"api_visibility": "undocumented"}
        chat_event = request_box.submit(
            respond, [request_box, user_state, settings_state], run_outputs, api_name="chat", **internal, **run_args
        )
        rerun_event = rerun.click(
            run_plan, [plan_code, user_state, settings_state], run_outputs, api_name="run_plan", **internal, **run_args
        )
        example_event = examples.load_input_event.then(
            respond, [request_box, user_state, settings_state], run_outputs, api_visibility="private", **run_args
        )
        following = [chat_event, rerun_event, example_event]
        # Stop and New conversation end the run itself (the controller), then the page's stream of it
        stop.click(stop_run, [user_state], run_outputs, api_visibility="private", cancels=following, queue=False)
        for clear_control in (new_chat.click, chatbot.clear):  # the chat's trash icon is New conversation too
            clear_control(clear, [user_state], run_outputs, api_visibility="private", cancels=following, queue=False)
        save.click(
            apply_settings,
            [mode, base_url, model, api_key, hf_token, provider, settings_state],
            [settings_state, banner, settings_note, api_key, hf_token],
            api_visibility="private",
        )
        forget.click(
            forget_keys,
            [settings_state],
            [settings_state, banner, settings_note, api_key, hf_token],
            api_visibility="private",
        )
        demo.load(ctl.banner, [settings_state], [banner], api_visibility="private")
        demo.unload(unload)
        mcp_tools.register(demo, ctl, concurrency_limit=max_runs + max_waiting)  # MCP at /gradio_api/mcp/
    return demo


def _session(request: gr.Request | None) -> str | None:
    return getattr(request, "session_hash", None)


def launch_kwargs(demo: gr.Blocks) -> dict[str, Any]:
    """launch() arguments; server name and port come from GRADIO_SERVER_NAME / GRADIO_SERVER_PORT."""
    return {
        "theme": gr.themes.Soft(),
        "css": CSS,
        "allowed_paths": [str(ASSETS), str(demo.root_dir)],  # type: ignore[attr-defined]
        "max_file_size": MAX_UPLOAD_BYTES,
        "mcp_server": True,  # the tools of hugginggpt/ui/mcp_tools.py, streamable HTTP at /gradio_api/mcp/
    }


def queue(demo: gr.Blocks) -> gr.Blocks:
    """Requests past what the controller admits get "busy, try again in a moment" from it, so Gradio's own
    line only needs room for them to be told."""
    return demo.queue(default_concurrency_limit=CONCURRENCY, max_size=4 * (CONCURRENCY + QUEUE))


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    app = queue(build_demo())
    app.launch(**launch_kwargs(app), prevent_thread_lock=True)
    warmup.start()  # on a Space: once the page is up, load the offline models; the page says which are left
    app.block_thread()
