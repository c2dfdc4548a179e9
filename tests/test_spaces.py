"""Spaces as experts: configured, shipped and found by meaning, called through gradio_client against
stand-in Gradio apps on 127.0.0.1 and a stand-in of the Hub's Space API (no network)."""

from __future__ import annotations

import json
import threading
import time

import pytest
from fake_spaces import FakeHub, captioner, depth_space, troubled
from fakes import ScriptedChatModel
from PIL import Image

from hugginggpt import planning
from hugginggpt.capabilities import Capabilities, render
from hugginggpt.config import Config
from hugginggpt.experts import space_api
from hugginggpt.experts.registry import ExpertRegistry
from hugginggpt.experts.spaces import SpacesBackend, parse_specs, shipped_specs
from hugginggpt.orchestrator import Pipeline
from hugginggpt.spaces_search import FoundCache, SpaceHub
from hugginggpt.tasks import TASKS
from hugginggpt.types import FinalAnswer, Missing, Request, RunFailed, TaskStarted


@pytest.fixture(scope="module")
def spaces():
    """The stand-in Spaces, launched once for the module (a Gradio launch costs a second or two)."""
    apps = {"caption": captioner(), "depth": depth_space()}
    apps["troubled"], apps["gate"] = troubled()
    yield apps
    apps["gate"].release.set()
    for name in ("caption", "depth", "troubled"):
        apps[name].close()


@pytest.fixture
def photo(tmp_path):
    path = tmp_path / "photo.png"
    Image.new("RGB", (40, 30), "white").save(path)  # no text on it: the embedded OCR finds nothing
    return path


def plan_of(task: str, **args: str):
    return planning.validate([{"id": 0, "task": task, "dep": [-1], "args": args}], ["photo.png"])


def run(pipeline: Pipeline, request: Request) -> tuple[list, FinalAnswer | RunFailed]:
    events = list(pipeline.run(request))
    return events, events[-1]


def backend(specs: str | dict, **kw) -> SpacesBackend:
    return SpacesBackend(parse_specs(json.dumps(specs) if isinstance(specs, dict) else specs), **kw)


# ---- configured Spaces ------------------------------------------------------------------------------


def test_a_caption_with_no_keys_in_hybrid_mode_is_served_by_the_configured_space(spaces, photo, monkeypatch):
    """The whole path a visitor without keys takes: HUGGINGGPT_SPACES, hybrid mode, the offline planner,
    the capability map, ranking (the embedded OCR reads no text on a photo and hands over), the call."""
    url = spaces["caption"].url
    monkeypatch.setenv("HUGGINGGPT_SPACES", json.dumps({"image-to-text": {"space": url, "api_name": "/caption"}}))
    monkeypatch.setenv("HUGGINGGPT_MODE", "hybrid")
    pipeline = Pipeline.from_config(Config.from_env())
    assert pipeline.llm is None and not pipeline.config.hf_token
    caps = pipeline.capabilities()
    assert f"spaces:{url}" in {f"{e.backend}:{e.model}" for e in caps.experts("image-to-text")}
    before = spaces["caption"].calls.count("caption")
    _, last = run(pipeline, Request("describe this photo", [photo], plan=plan_of("image-to-text", image="photo.png")))
    assert isinstance(last, FinalAnswer), last
    result = last.trace["results"]["0"]
    assert result["status"] == "done" and result["backend"] == "spaces" and result["model"] == url
    assert result["outputs"]["text"] == "a 40x30 picture of a red square"
    assert result["outputs"]["data"]["api_name"] == "/caption"
    assert f"spaces:{url}" in last.trace["choices"]["0"]["candidates"]
    assert spaces["caption"].calls.count("caption") == before + 1
    assert "red square" in last.answer


def test_the_token_and_the_visitors_ip_token_go_with_the_call(spaces, photo, tmp_path):
    url = spaces["caption"].url
    spaces_backend = backend({"image-to-text": {"space": url, "api_name": "/caption"}}, token="hf_visitor_SECRET")
    pipeline = Pipeline(Config(mode="hybrid", hf_token="hf_visitor_SECRET"), backends=[spaces_backend])
    request = Request("caption", [photo], plan=plan_of("image-to-text", image="photo.png"), ip_token="ip-of-visitor")
    _, last = run(pipeline, request)
    assert isinstance(last, FinalAnswer) and last.trace["results"]["0"]["status"] == "done"
    headers = spaces["caption"].calls.seen["caption"][-1]
    assert headers["x-ip-token"] == "ip-of-visitor"
    assert headers["x-hf-authorization"] == "Bearer hf_visitor_SECRET"
    assert "hf_visitor_SECRET" not in json.dumps(last.trace)


def test_a_wrong_endpoint_or_parameter_says_what_the_space_offers(spaces, photo):
    url = spaces["caption"].url
    for entry, expected in (
        ({"api_name": "/captoin"}, "it has no endpoint /captoin; it offers /caption, /translate (closest: /caption)"),
        ({"api_name": "/caption", "params": {"imgae": 1}}, "has no parameter 'imgae'; it takes image (closest: image)"),
    ):
        b = backend({"image-to-text": {"space": url, **entry}})
        _, last = run(
            Pipeline(Config(mode="hybrid"), backends=[b]),
            Request("x", [photo], plan=plan_of("image-to-text", image="photo.png")),
        )
        error = last.trace["results"]["0"]["error"]
        assert expected in error and "HUGGINGGPT_SPACES" in error, error


def test_a_translation_space_gets_the_languages_the_task_names(spaces):
    url = spaces["caption"].url
    b = backend({"translation": {"space": url, "api_name": "/translate", "params": {"src_lang": "English"}}})
    plan = plan_of("translation", text="Translate into Chinese: good morning")
    _, last = run(Pipeline(Config(mode="hybrid"), backends=[b]), Request("x", plan=plan))
    assert last.trace["results"]["0"]["outputs"]["text"] == "[English -> Chinese (Simplified)] good morning"


def test_a_space_call_reads_its_endpoint_from_the_api_once_after_binding(spaces, monkeypatch):
    """bind() checks the endpoint; the call then takes its parameters and returns from one more look-up
    (the translation's languages and the outputs used to look it up again each)."""
    looked = []
    check = space_api.check_endpoint
    monkeypatch.setattr(space_api, "check_endpoint", lambda api, name: looked.append(name) or check(api, name))
    url = spaces["caption"].url
    b = backend({"translation": {"space": url, "api_name": "/translate", "params": {"src_lang": "English"}}})
    plan = plan_of("translation", text="Translate into Chinese: good morning")
    _, last = run(Pipeline(Config(mode="hybrid"), backends=[b]), Request("x", plan=plan))
    assert last.trace["results"]["0"]["outputs"]["text"] == "[English -> Chinese (Simplified)] good morning"
    assert looked == ["/translate", "/translate"]


@pytest.mark.parametrize(
    ("endpoint", "sentence"),
    [
        ("/quota", "the Space's free GPU quota is used up: sign in with Hugging Face or enter a Hugging Face token"),
        ("/boom", "failed: CUDA out of memory"),
        ("/slow", "did not answer within 2 s"),
    ],
)
def test_a_failing_space_hands_over_to_the_next_with_one_sentence(spaces, photo, endpoint, sentence):
    bad, good = spaces["troubled"].url, spaces["caption"].url
    b = backend(
        {
            "image-to-text": [
                {"space": bad, "api_name": endpoint, "timeout": 2},
                {"space": good, "api_name": "/caption"},
            ]
        }
    )
    # the failing one first: more likes rank it higher
    b._experts[0].meta["likes"] = 10
    pipeline = Pipeline(Config(mode="hybrid"), backends=[b])
    started = time.monotonic()
    _, last = run(pipeline, Request("x", [photo], plan=plan_of("image-to-text", image="photo.png")))
    result = last.trace["results"]["0"]
    assert result["status"] == "done" and result["model"] == good
    assert len(result["attempts"]) == 1 and result["attempts"][0].startswith(f"spaces:{bad}: Space {bad}")
    assert sentence in result["attempts"][0], result["attempts"][0]
    assert time.monotonic() - started < 15


def test_stop_cancels_a_queued_space_call(spaces, photo):
    """The Space runs one call at a time; another client holds it. Our call waits in its queue; Stop ends
    the run at once, and the queued call leaves the queue: the Space never runs it."""
    from gradio_client import Client, handle_file

    app, gate = spaces["troubled"], spaces["gate"]
    gate.release.clear()
    gate.entered.clear()
    other = Client(app.url, verbose=False, analytics_enabled=False, token=False)
    holder = other.submit(handle_file(str(photo)), api_name="/queued")
    assert gate.entered.wait(10)
    before = app.calls.count("queued")
    b = backend({"image-to-text": {"space": app.url, "api_name": "/queued"}})
    pipeline = Pipeline(Config(mode="hybrid"), backends=[b])
    cancel = threading.Event()
    events = []
    request = Request("x", [photo], plan=plan_of("image-to-text", image="photo.png"))
    worker = threading.Thread(target=lambda: events.extend(pipeline.run(request, cancel=cancel)))
    worker.start()
    deadline = time.monotonic() + 15
    while app.queued() < 1 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert app.queued() == 1 and any(isinstance(e, TaskStarted) for e in events)
    stopped_at = time.monotonic()
    cancel.set()
    worker.join(10)
    assert not worker.is_alive() and time.monotonic() - stopped_at < 5
    assert isinstance(events[-1], RunFailed) and events[-1].stage == "cancelled"
    deadline = time.monotonic() + 5
    while app.queued() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert app.queued() == 0  # it left the Space's queue
    gate.release.set()
    assert holder.result(timeout=10) == "finally"
    time.sleep(0.5)
    assert app.calls.count("queued") == before  # the holder's call only: ours never ran


# ---- found by meaning -------------------------------------------------------------------------------


@pytest.fixture
def hub(spaces, monkeypatch):
    monkeypatch.delenv("HF_HUB_OFFLINE")  # the Hub here is the stand-in on 127.0.0.1
    server = FakeHub(
        {
            "someone/chat": {"host": spaces["troubled"].url, "score": 0.91, "likes": 50, "description": "a chatbot"},
            "someone/depth": {"host": spaces["depth"].url, "score": 0.84, "likes": 7, "description": "depth maps"},
        }
    )
    yield server
    server.close()


def found_backend(hub: FakeHub, tmp_path, **kw) -> SpacesBackend:
    sh = SpaceHub(endpoint=hub.url, token=None)
    return SpacesBackend([], hub=sh, search=True, cache=FoundCache(hub.url, None, tmp_path / "cache"), **kw)


def test_a_task_no_model_serves_is_served_by_a_space_found_by_meaning(spaces, hub, photo, tmp_path):
    before_troubled = spaces["troubled"].calls.total()
    before_depth = spaces["depth"].calls.count("predict")
    pipeline = Pipeline(Config(mode="hybrid"), backends=[found_backend(hub, tmp_path)])
    assert not pipeline.capabilities().serves("depth-estimation")
    _, last = run(pipeline, Request("depth", [photo], plan=plan_of("depth-estimation", image="photo.png")))
    assert isinstance(last, FinalAnswer), last
    result = last.trace["results"]["0"]
    assert result["status"] == "done" and result["backend"] == "spaces" and result["model"] == "someone/depth", (
        result,
        last.trace.get("catalog"),
    )
    assert result["outputs"]["image"].endswith(".png")
    note = last.trace["catalog"]["depth-estimation (Spaces found by meaning)"]
    assert note.startswith("searched now: 1 of 2 fit") and "someone/chat: its API does not fit" in note
    (search,) = hub.searches()
    assert search.query == {"q": ["estimate depth in an image"], "sdk": ["gradio"]}
    # the chat Space's API was read, never called; the depth Space was called once
    assert spaces["troubled"].calls.total() == before_troubled
    assert spaces["depth"].calls.count("predict") == before_depth + 1
    # a second request reuses what was found, with its age: no new search
    pipeline = Pipeline(Config(mode="hybrid"), backends=[found_backend(hub, tmp_path)])
    _, last = run(pipeline, Request("depth", [photo], plan=plan_of("depth-estimation", image="photo.png")))
    assert last.trace["results"]["0"]["model"] == "someone/depth"
    assert last.trace["catalog"]["depth-estimation (Spaces found by meaning)"] == "searched just now: 1 fit"
    assert len(hub.searches()) == 1


def test_the_llm_chooses_among_found_spaces_in_its_one_selection_call(spaces, hub, photo, tmp_path):
    hub.spaces["other/depth-pro"] = {"host": spaces["depth"].url, "score": 0.80, "likes": 3, "description": "sharp"}
    llm = ScriptedChatModel(
        '{"0": {"id": "other/depth-pro", "reason": "its description promises sharper maps"}}', "Here is the map."
    )
    pipeline = Pipeline(Config(mode="hybrid"), llm=llm, backends=[found_backend(hub, tmp_path)])
    _, last = run(pipeline, Request("depth", [photo], plan=plan_of("depth-estimation", image="photo.png")))
    choice = last.trace["choices"]["0"]
    assert choice["model"] == "other/depth-pro" and choice["reason"] == "its description promises sharper maps"
    assert set(choice["candidates"]) == {"spaces:someone/depth", "spaces:other/depth-pro"}
    selection_prompt = llm.history[0][1]["content"]
    assert "someone/depth [spaces" in selection_prompt and "found by meaning" in selection_prompt
    assert last.trace["results"]["0"]["model"] == "other/depth-pro"


def test_an_asleep_space_and_a_hub_that_cannot_be_asked_are_sentences(spaces, hub, photo, tmp_path):
    hub.spaces["someone/sleepy"] = {"host": spaces["caption"].url, "score": 0.5, "stage": "SLEEPING"}
    b = backend(
        {
            "image-to-text": [
                {"space": "someone/sleepy", "api_name": "/caption"},
                {"space": "someone/gone", "api_name": "/x"},
            ]
        },
        hub=SpaceHub(endpoint=hub.url),
    )
    _, last = run(
        Pipeline(Config(mode="hybrid"), backends=[b]),
        Request("x", [photo], plan=plan_of("image-to-text", image="photo.png")),
    )
    attempts = " | ".join(last.trace["results"]["0"]["attempts"])
    assert (
        "Space someone/sleepy is asleep: a visit to https://huggingface.co/spaces/someone/sleepy wakes it" in attempts
    )
    assert "Space someone/gone was not found on the Hub (HTTP 404)" in attempts
    down = SpaceHub(endpoint="http://127.0.0.1:9")  # nothing listens there
    b = SpacesBackend([], hub=down, search=True, cache=FoundCache("x", None, tmp_path / "c2"))
    assert b.discover(["depth-estimation"])["depth-estimation (Spaces found by meaning)"].startswith(
        "no search: the Hub did not answer (ConnectError"
    )


# ---- the list, the map and the pieces ---------------------------------------------------------------


def test_the_shipped_list_says_where_each_endpoint_came_from_and_fills_the_map():
    shipped = shipped_specs()
    tasks = {s.task for s in shipped}
    assert {"image-to-text", "text-to-image", "image-editing", "depth-estimation", "translation"} <= tasks
    assert {"hed-control", "openpose-control"} <= tasks
    for s in shipped:
        assert s.source and s.api_name.startswith("/") and "/" in s.space and s.origin == "shipped"
    caps = Capabilities(ExpertRegistry([SpacesBackend(shipped)]), mode="remote")
    assert caps.serves("depth-estimation") and caps.serves("hed-control")
    # offline, a task only a Space does says which mode enables it
    sentence = render("depth-estimation", Missing("space"), mode="offline")
    assert sentence == (
        "To estimate depth in an image (depth-estimation), this app can call a public Hugging Face Space "
        "(nothing on this machine does it): switch Mode to hybrid in Settings (server: HUGGINGGPT_MODE=hybrid)."
    )


def test_tasks_in_hybrid_mode_names_the_spaces_that_serve_each_task():
    from test_cli import cli

    p = cli("tasks", "--json", env={"HUGGINGGPT_MODE": "hybrid", "HF_HUB_OFFLINE": None})
    assert p.returncode == 0, p.stderr
    rows = {r["task"]: r for r in json.loads(p.stdout)["tasks"]}
    assert rows["depth-estimation"]["served_by"] == ["spaces:depth-anything/Depth-Anything-V2"]
    assert "spaces:black-forest-labs/FLUX.1-schnell" in rows["text-to-image"]["served_by"]
    assert "spaces:gokaygokay/Florence-2" in rows["image-to-text"]["served_by"]
    assert rows["hed-control"]["served_by"] == ["spaces:hysts/ControlNet-v1-1"]
    p = cli("tasks", "--json", env={"HUGGINGGPT_MODE": "offline", "HF_HUB_OFFLINE": None})
    rows = {r["task"]: r for r in json.loads(p.stdout)["tasks"]}
    assert "can call a public Hugging Face Space" in rows["depth-estimation"]["why_not"]


def test_bad_configuration_is_an_error_that_says_what_is_wrong(monkeypatch):
    with pytest.raises(ValueError, match="not valid JSON"):
        parse_specs("{image-to-text: 1}")
    with pytest.raises(
        ValueError, match=r"'image-to-txt' is not a task this app knows \(did you mean image-to-text\?\)"
    ):
        parse_specs('{"image-to-txt": {"space": "a/b", "api_name": "/x"}}')
    with pytest.raises(ValueError, match=r"unknown fields \['apiname'\]"):
        parse_specs('{"image-to-text": {"space": "a/b", "api_name": "/x", "apiname": "/x"}}')
    with pytest.raises(ValueError, match="maps 'img' to 'picture', which is not an argument of image-to-text"):
        parse_specs('{"image-to-text": {"space": "a/b", "api_name": "/x", "inputs": {"img": "picture"}}}')
    monkeypatch.setenv("HUGGINGGPT_SPACES", '{"image-to-text": {"space": "a/b"}}')
    with pytest.raises(ValueError, match='needs a "space" and an "api_name"'):
        Config.from_env()


def _endpoint(params: list[tuple[str, str, bool]], returns: list[str], enum: list[str] | None = None) -> dict:
    ps = [
        {
            "parameter_name": n,
            "component": c,
            "parameter_has_default": d,
            "type": {"enum": enum} if enum and c == "Dropdown" else {},
        }
        for n, c, d in params
    ]
    return {"parameters": ps, "returns": [{"component": c, "label": c} for c in returns]}


def test_an_endpoint_fits_a_task_only_when_its_parameters_and_outputs_do():
    depth = TASKS["depth-estimation"]
    ok = space_api.fit(depth, _endpoint([("img", "Image", False), ("res", "Slider", True)], ["Image"]), "/p")
    assert isinstance(ok, space_api.Binding) and ok.inputs == {"img": "image"} and ok.output == 0
    assert "no parameter takes an image" in space_api.fit(
        depth, _endpoint([("msg", "Textbox", False)], ["Image"]), "/p"
    )
    assert "no output is image" in space_api.fit(depth, _endpoint([("img", "Image", False)], ["Textbox"]), "/p")
    needs_prompt = _endpoint([("img", "Image", False), ("prompt", "Textbox", False)], ["Image"])
    assert "parameter 'prompt' (text) has no default" in space_api.fit(depth, needs_prompt, "/p")
    edit = space_api.fit(TASKS["image-editing"], needs_prompt, "/p")
    assert isinstance(edit, space_api.Binding) and edit.inputs == {"img": "image", "prompt": "text"}
    langs = ["English", "French", "Chinese (Simplified)"]
    nllb = _endpoint(
        [("text", "Textbox", False), ("src_lang", "Dropdown", False), ("tgt_lang", "Dropdown", False)],
        ["Textbox"],
        langs,
    )
    binding = space_api.fit(TASKS["translation"], nllb, "/translate")
    assert isinstance(binding, space_api.Binding) and binding.languages == ("src_lang", "tgt_lang")
    assert space_api.languages("Translate to Chinese: good morning", langs) == (
        None,
        "Chinese (Simplified)",
        "good morning",
    )
    assert space_api.languages("Translate from French into English: bonjour", langs) == ("French", "English", "bonjour")


def test_text_outputs_are_read_as_text():
    assert space_api.as_text("{'<DETAILED_CAPTION>': 'A dog on a beach.'}") == "A dog on a beach."
    assert space_api.as_text({"label": "cat", "confidences": [{"label": "cat", "confidence": 0.9}]}) == "cat (0.90)"
    assert space_api.as_text("{not a dict") == "{not a dict"
    assert (
        space_api.file_path(space_api.pick_item([{"image": "/a.png", "caption": None}, {"image": "/b.png"}], -1))
        == "/b.png"
    )


def test_the_page_carries_the_visitors_ip_token_to_the_space_and_never_into_the_config(spaces, photo, tmp_path):
    """app.py hands the X-IP-Token header to `visitor_settings`; the controller puts it on the run's
    request (not in the Config: one pipeline still serves every visitor)."""
    from hugginggpt.orchestrator import default_planner
    from hugginggpt.ui.controller import Controller
    from hugginggpt.ui.oauth import ip_token, visitor_settings
    from hugginggpt.ui.sessions import settings_config

    assert ip_token({"x-ip-token": " ip-xyz "}) == "ip-xyz" and ip_token({}) is None and ip_token(None) is None
    settings = visitor_settings(None, None, Config(), ip_token({"x-ip-token": "ip-xyz"}))
    assert settings == {"ip_token": "ip-xyz"}
    assert settings_config(settings, Config(mode="hybrid")) == Config(mode="hybrid")
    url = spaces["caption"].url
    b = backend({"image-to-text": {"space": url, "api_name": "/caption"}})
    pipeline = Pipeline(Config(mode="hybrid"), backends=[b], planner=default_planner())
    configs = []
    ctl = Controller(lambda cfg: configs.append(cfg) or pipeline, Config(mode="hybrid"), tmp_path / "s", 3600)
    last = None
    for last in ctl.respond({"text": "describe photo.png", "files": [str(photo)]}, None, settings):
        pass
    assert last.status.startswith("✅ done"), last.status
    assert spaces["caption"].calls.seen["caption"][-1]["x-ip-token"] == "ip-xyz"
    assert configs == [Config(mode="hybrid")]


def test_a_failure_is_one_line_cut_at_200_characters():
    from hugginggpt.experts.spaces import failure

    long = "word  \n" * 100
    msg = str(failure("o/s", ValueError(f"Could not {long}")))
    assert msg.startswith("Space o/s cannot be opened: Could not word word") and "\n" not in msg
    assert msg.endswith("…") and len(msg) == len("Space o/s cannot be opened: ") + 200


def test_a_space_that_cannot_be_reached_says_so():
    import httpx

    from hugginggpt.experts.spaces import failure

    e = failure("o/s", httpx.ConnectError("refused"), where="HUGGINGGPT_SPACES")
    assert str(e) == "Space o/s is unreachable (ConnectError); check the network or its URL in HUGGINGGPT_SPACES"


@pytest.mark.parametrize(
    ("value", "shipped"),
    [(None, True), ("1", True), ("on", True), ("0", False), ("no", False), ("off", False), ("false", False)],
)
def test_spaces_shipped_reads_the_same_in_the_config_and_in_what_hybrid_mode_offers(monkeypatch, value, shipped):
    from huggingface_hub import constants

    from hugginggpt.experts.spaces import _offers

    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.setattr(constants, "HF_HUB_OFFLINE", False)
    monkeypatch.delenv("HUGGINGGPT_SPACES", raising=False)
    if value is None:
        monkeypatch.delenv("HUGGINGGPT_SPACES_SHIPPED", raising=False)
    else:
        monkeypatch.setenv("HUGGINGGPT_SPACES_SHIPPED", value)
    assert Config.from_env().spaces_shipped is shipped
    assert _offers("depth-estimation") is shipped  # only the shipped list serves it


def test_what_hybrid_mode_offers_is_read_once_per_environment(monkeypatch):
    from hugginggpt.experts import spaces

    parsed = []
    parse = spaces.parse_specs
    monkeypatch.setattr(spaces, "parse_specs", lambda raw, *a: parsed.append(raw) or parse(raw, *a))
    mine = json.dumps({"image-to-text": {"space": "me/offers-once", "api_name": "/caption"}})
    monkeypatch.setenv("HUGGINGGPT_SPACES", mine)
    assert spaces._offers("image-to-text") and spaces._offers("image-to-text") and not spaces._offers("summarization")
    assert parsed == [mine]
    other = json.dumps({"summarization": {"space": "me/offers-once", "api_name": "/sum"}})
    monkeypatch.setenv("HUGGINGGPT_SPACES", other)  # a changed environment is read again
    assert spaces._offers("summarization") and not spaces._offers("image-to-text")
    assert parsed == [mine, other]
