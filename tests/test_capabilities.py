"""The capability map: task facts, reasons rendered in one sentence, and agreement with what runs."""

from __future__ import annotations

import contextlib
import io
import json

import pytest
from PIL import Image

from hugginggpt import cli, planning
from hugginggpt.capabilities import Capabilities, advice, render
from hugginggpt.config import Config
from hugginggpt.experts.base import ExpertBackend
from hugginggpt.experts.registry import ExpertRegistry
from hugginggpt.orchestrator import Pipeline, build_backends
from hugginggpt.tasks import TASKS, get, is_synonym, normalize_name
from hugginggpt.types import Missing, Request, TaskFailed, TaskFinished, TaskSkipped

# ---- task facts ----------------------------------------------------------------------------------


def test_every_task_has_a_label_and_synonyms_are_unambiguous():
    seen: dict[str, str] = {}
    for name, t in TASKS.items():
        assert t.label, name
        for s in t.synonyms:
            assert s not in TASKS, f"{s} is a task name, not a synonym"
            assert seen.setdefault(s, name) == name, f"{s} names both {seen[s]} and {name}"


@pytest.mark.parametrize(
    "spelling, task",
    [
        ("named-entity-recognition", "token-classification"),
        ("NER", "token-classification"),
        ("optical_character_recognition", "image-to-text"),
        ("OCR", "image-to-text"),
        ("Text Summarization", "summarization"),
        ("image captioning", "image-to-text"),
        ("Speech-to-Text", "automatic-speech-recognition"),
        ("sentiment-analysis", "text-classification"),
        ("Automatic Speech Recognition", "automatic-speech-recognition"),
        ("object_detection", "object-detection"),
        ("Text-to-Image", "text-to-image"),
        ("pose estimation", "openpose-control"),
    ],
)
def test_synonyms_and_spellings_normalise_to_the_registry_name(spelling, task):
    assert normalize_name(spelling) == task


def test_unknown_names_stay_unknown_and_synonyms_are_flagged():
    assert normalize_name("mind-reading") == "mind-reading"
    assert normalize_name("image-to-video") == "image-to-video"
    assert is_synonym("OCR") and is_synonym("named entity recognition")
    assert not is_synonym("Text-to-Image") and not is_synonym("object_detection")


def test_hub_tags_and_llm_facts_live_on_the_task_type():
    assert get("image-editing").hub_tag == "image-to-image"
    assert get("canny-control").hub_tag is None
    assert get("translation").llm_servable and get("summarization").llm_servable
    assert not get("text-to-image").llm_servable and not get("image-to-text").llm_servable


# ---- the renderer --------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["token", "llm", "remote", "mode"])
def test_every_fix_names_the_settings_control_and_the_server_variable(kind):
    text = render("translation", Missing(kind), mode="offline")
    assert "Settings" in text and "(server:" in text
    assert text.count(".") >= 1 and "\n" not in text
    assert "translate a text (translation)" in text


def test_advice_knows_the_mode_and_the_token():
    assert "pick hybrid mode" in advice("token", mode="offline")
    assert "pick hybrid mode" not in advice("token", mode="hybrid")
    # a token is there, the mode leaves it unused: say so, do not ask for a token again
    assert advice("token", mode="offline", has_token=True).startswith("switch Mode to hybrid")
    assert "pip install foo==1" in render("summarization", Missing("package", "foo==1"))
    assert "any mode" in render("tabular-classification", Missing("none"))


# ---- the map agrees with what runs, per mode -----------------------------------------------------


class _PackageMissing(ExpertBackend):
    name = "embedded"
    priority = 10

    def experts(self, task):
        return []

    def missing(self, task):
        return Missing("package", "some-wheel==1.0") if task == "summarization" else None


def test_an_active_backends_own_reason_comes_first():
    caps = Capabilities(ExpertRegistry([_PackageMissing()]), mode="offline")
    assert caps.reason("summarization") == Missing("package", "some-wheel==1.0")
    assert "pip install some-wheel==1.0" in caps.message("summarization")
    assert caps.reason("text-to-image").kind == "token"
    assert caps.reason("translation").kind == "remote"  # a token or an LLM would do
    assert caps.reason("no-such-task").kind == "none"


MODES = {
    "offline": {"mode": "offline"},
    "hybrid-no-token": {"mode": "hybrid"},
    "hybrid-token": {"mode": "hybrid", "hf_token": "hf_test"},
    "offline-token": {"mode": "offline", "hf_token": "hf_test"},
    "remote-token": {"mode": "remote", "hf_token": "hf_test"},
}


def _pipeline(kw: dict) -> Pipeline:
    config = Config(**kw)
    return Pipeline(config, backends=build_backends(config))


def _cli_tasks(monkeypatch, kw: dict) -> dict:
    monkeypatch.setenv("HUGGINGGPT_MODE", kw["mode"])
    if kw.get("hf_token"):
        monkeypatch.setenv("HF_TOKEN", kw["hf_token"])
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert cli.main(["tasks", "--json"]) == 0
    return json.loads(out.getvalue())


@pytest.mark.parametrize("name", list(MODES))
def test_tasks_command_lists_exactly_what_the_map_serves(monkeypatch, name):
    kw = MODES[name]
    caps = Pipeline.from_config(Config.from_env(**kw)).capabilities()  # as the CLI builds it (LLM included)
    rows = {r["task"]: r for r in _cli_tasks(monkeypatch, kw)["tasks"]}
    assert {t for t, r in rows.items() if r["served_by"]} == set(caps.served())
    for task, row in rows.items():
        assert (row["why_not"] is None) == caps.serves(task)
        if row["why_not"]:
            assert row["why_not"] == caps.message(task)
            if kw.get("hf_token"):
                assert "enter a Hugging Face token" not in row["why_not"], row["why_not"]


@pytest.mark.parametrize("name", list(MODES))
def test_a_task_that_cannot_run_fails_with_the_maps_sentence(name, tmp_path):
    """Every unserved task, given in a plan, fails with exactly the sentence `tasks` shows."""
    pipeline = _pipeline(MODES[name])
    caps = pipeline.capabilities()
    image = tmp_path / "photo.png"
    Image.new("RGB", (32, 32), "white").save(image)
    unserved = [t for t in TASKS if not caps.serves(t)]
    assert unserved, "every mode here leaves something out"
    raw = [
        {
            "id": i,
            "task": t,
            "dep": [-1],
            "args": {a: ("photo.png" if a == "image" else "hello") for a in get(t).inputs},
        }
        for i, t in enumerate(unserved)
        if "audio" not in get(t).inputs
    ]
    plan = planning.validate(raw, ["photo.png"])
    events = list(pipeline.run(Request("run these", [image], plan=plan)))
    failed = {e.result.task: e.result.error for e in events if isinstance(e, TaskFailed)}
    assert not [e for e in events if isinstance(e, (TaskFinished, TaskSkipped))]
    for task in (r["task"] for r in raw):
        assert failed[task] == caps.message(task)


def test_offline_served_tasks_really_run(tmp_path):
    """A served task of the offline map runs: the map does not promise what cannot happen."""
    pipeline = _pipeline({"mode": "offline"})
    caps = pipeline.capabilities()
    assert caps.serves("sentence-similarity") and caps.serves("text-classification")
    plan = planning.validate(
        [
            {"id": 0, "task": "sentence-similarity", "dep": [-1], "args": {"text1": "a cat", "text2": "a kitten"}},
            {"id": 1, "task": "text-classification", "dep": [-1], "args": {"text": "I love this wonderful day!"}},
        ]
    )
    events = list(pipeline.run(Request("compare and classify", plan=plan)))
    done = {e.result.task for e in events if isinstance(e, TaskFinished)}
    assert done == {"sentence-similarity", "text-classification"}


def test_the_llm_planner_prompt_lists_runnable_tasks_first_and_names_the_rest():
    caps = _pipeline({"mode": "offline"}).capabilities()
    system = planning.build_messages("hi", capabilities=caps)[0]["content"]
    served, missing = caps.served(), [t for t in TASKS if not caps.serves(t)]
    spec_lines = [line.split("(")[0] for line in system.splitlines() if line.split("(")[0] in TASKS]
    assert spec_lines[: len(served)] == served
    note = system[system.index("These tasks cannot run now") :]
    for t in missing:
        assert t in note
    assert "text-to-image (needs an HF token)" in note
