"""Whole runs: the real openai SDK against the loopback server, test experts, the event stream."""

from __future__ import annotations

import json

import numpy as np
import pytest
import soundfile as sf
from fakes import TimedExpert, backend, universal_backend
from PIL import Image

from hugginggpt.config import Config
from hugginggpt.llm.openai_compatible import OpenAICompatible
from hugginggpt.orchestrator import Pipeline, Session
from hugginggpt.planning import parse_plan
from hugginggpt.types import (
    AnswerDelta,
    FinalAnswer,
    ModelsSelected,
    Plan,
    PlanReady,
    Request,
    RunFailed,
    Task,
    TaskFinished,
    TaskStarted,
)

PLAN_REPLY = (
    'Plan: [{"task": "image-to-text", "id": 0, "dep": [-1], "args": {"image": "cat.png"}}, '
    '{"task": "object-detection", "id": 1, "dep": [-1], "args": {"image": "cat.png"}}, '
    '{"task": "text-to-speech", "id": 2, "dep": [0], "args": {"text": "<GENERATED>-0"}}]'
)


@pytest.fixture
def cat(tmp_path):
    from PIL import Image

    path = tmp_path / "cat.png"
    Image.new("RGB", (16, 16), (10, 200, 10)).save(path)
    return path


def pipeline(server, *backends, **cfg) -> Pipeline:
    llm = OpenAICompatible("fake-model", base_url=server.url, api_key="k", timeout=5, retries=0)
    return Pipeline(Config(**cfg), llm=llm, backends=list(backends))


def test_full_run_events_trace_and_three_llm_calls(fake_llm, cat):
    two = [TimedExpert("det/a", ("object-detection",)), TimedExpert("det/b", ("object-detection",), downloads=5)]
    fake_llm.enqueue(
        PLAN_REPLY,
        '{"1": {"id": "det/a", "reason": "detects cats"}}',
        "I see a cat. Listen to t2-text-to-speech.wav.",
    )
    p = pipeline(fake_llm, universal_backend(), backend(*two, name="vision", priority=10))
    events = list(p.run(Request("describe cat.png and read it aloud", [cat]), Session()))
    kinds = [type(e) for e in events]
    assert kinds[:2] == [PlanReady, ModelsSelected]
    assert kinds.count(TaskStarted) == 3 and kinds.count(TaskFinished) == 3
    assert kinds[-1] is FinalAnswer and AnswerDelta in kinds
    # a dependent starts only after its input finished
    order = [(type(e).__name__, getattr(e, "task", None) and e.task.id) for e in events]
    finished0 = next(i for i, e in enumerate(events) if isinstance(e, TaskFinished) and e.result.task_id == 0)
    started2 = next(i for i, e in enumerate(events) if isinstance(e, TaskStarted) and e.task.id == 2)
    assert finished0 < started2, order
    times = [e.t for e in events]
    assert times == sorted(times)

    final = events[-1]
    assert final.answer == "I see a cat. Listen to t2-text-to-speech.wav."
    trace = final.trace
    assert set(trace) >= {"request", "plan", "choices", "results", "answer", "llm", "seconds"}
    assert trace["choices"]["1"]["model"] == "det/a" and trace["choices"]["1"]["reason"] == "detects cats"
    assert trace["results"]["2"]["status"] == "done"
    assert trace["results"]["2"]["outputs"]["audio"] == "t2-text-to-speech.wav"
    assert trace["llm"]["calls"] == 3 and trace["llm"]["prompt_tokens"] > 0
    json.dumps(trace)  # JSON-able as is

    # the response prompt carried the results log with file names, not paths
    response_prompt = fake_llm.prompts()[2][-1]["content"]
    assert "t2-text-to-speech.wav" in response_prompt and str(cat.parent) not in response_prompt
    # the planning prompt named the uploaded file
    assert "Files: cat.png" in fake_llm.prompts()[0][-1]["content"]


def test_chit_chat_is_answered_directly(fake_llm):
    fake_llm.enqueue("[]", "I am fine, thank you!")
    final = pipeline(fake_llm, universal_backend()).answer(Request("How are you?"))
    assert isinstance(final, FinalAnswer) and final.answer == "I am fine, thank you!"
    assert final.trace["plan"] == [] and final.trace["llm"]["calls"] == 2


def test_failing_model_hands_over_to_the_llm_expert(fake_llm):
    fake_llm.enqueue(
        '[{"task": "summarization", "id": 0, "dep": [-1], "args": {"text": "x"}}]',
        '{"0": {"id": "bad/sum", "reason": "made for summaries"}}',
        "A summary.",
        "Done.",
    )
    bad = backend(TimedExpert("bad/sum", ("summarization",), fail="model is loading"))
    final = pipeline(fake_llm, bad).answer(Request("summarize x"))
    result = final.trace["results"]["0"]
    assert result["status"] == "done" and result["backend"] == "llm" and result["outputs"]["text"] == "A summary."
    assert result["attempts"] == ["test:bad/sum: model is loading"]


def test_invalid_plan_gets_one_repair_round(fake_llm):
    fake_llm.enqueue(
        '[{"task": "mind-reading", "id": 0, "dep": [-1], "args": {"text": "x"}}]',
        '[{"task": "summarization", "id": 0, "dep": [-1], "args": {"text": "x"}}]',
        "done",
    )
    final = pipeline(fake_llm, universal_backend()).answer(Request("summarize x"))
    assert isinstance(final, FinalAnswer)
    assert final.trace["plan"][0]["task"] == "summarization"
    repair = fake_llm.prompts()[1][-1]["content"]
    assert "mind-reading" in repair and "corrected JSON" in repair


def test_unrepairable_plan_fails_clearly(fake_llm):
    bad = '[{"task": "mind-reading", "id": 0, "dep": [-1], "args": {"text": "x"}}]'
    fake_llm.enqueue(bad, bad)
    final = pipeline(fake_llm, universal_backend()).answer(Request("read my mind"))
    assert isinstance(final, RunFailed) and final.stage == "planning"
    assert final.message.startswith("The plan is not usable: task 0 is 'mind-reading'")


def test_llm_down_fails_clearly(fake_llm):
    fake_llm.enqueue({"status": 401, "body": {"error": {"message": "bad key"}}})
    final = pipeline(fake_llm, universal_backend()).answer(Request("anything"))
    assert isinstance(final, RunFailed)
    assert "rejected the API key (401): check OPENAI_API_KEY" in final.message


def test_response_failure_keeps_the_results(fake_llm):
    fake_llm.enqueue(
        '[{"task": "summarization", "id": 0, "dep": [-1], "args": {"text": "x"}}]',
        {"status": 500, "body": {"error": {"message": "boom"}}},
    )
    final = pipeline(fake_llm, universal_backend(), llm_as_expert=False).answer(Request("summarize x"))
    assert isinstance(final, FinalAnswer)
    assert "summarization(text=x)" in final.answer and "could not write the answer" in final.answer


def test_llm_serves_language_tasks_and_the_trace_says_so(fake_llm):
    fake_llm.enqueue(
        '[{"task": "translation", "id": 0, "dep": [-1], "args": {"text": "Bonjour"}}]',
        "Hello",
        "It means Hello.",
    )
    final = pipeline(fake_llm).answer(Request("translate Bonjour"))
    assert final.trace["choices"]["0"]["backend"] == "llm"
    assert final.trace["results"]["0"]["outputs"]["text"] == "Hello"
    assert final.trace["llm_served_tasks"] == ["0"]
    assert final.trace["llm"]["calls"] == 3


def test_given_plan_skips_planning(fake_llm):
    fake_llm.enqueue("Summarized.")
    plan = parse_plan('[{"task": "summarization", "id": 0, "dep": [-1], "args": {"text": "x"}}]')
    final = pipeline(fake_llm, universal_backend(), llm_as_expert=False).answer(Request("summarize", plan=plan))
    assert final.trace["plan_source"] == "given" and final.trace["llm"]["calls"] == 1


def test_multi_turn_reuses_earlier_outputs_and_history(fake_llm):
    session = Session()
    fake_llm.enqueue(
        '[{"task": "text-to-image", "id": 0, "dep": [-1], "args": {"text": "a red fox"}}]',
        "Here is t0-text-to-image.png",
        '[{"task": "image-classification", "id": 0, "dep": [-1], "args": {"image": "t0-text-to-image.png"}}]',
        "It is a fox.",
    )
    p = pipeline(fake_llm, universal_backend())
    first = p.answer(Request("draw a red fox"), session)
    assert first.trace["results"]["0"]["outputs"]["image"] == "t0-text-to-image.png"
    second = p.answer(Request("what is in the picture you made?"), session)
    assert second.trace["results"]["0"]["status"] == "done"
    third_prompt = "\n".join(m["content"] for m in fake_llm.prompts()[2])
    assert "draw a red fox" in third_prompt and "t0-text-to-image.png" in third_prompt
    assert "t0-text-to-image.png" in third_prompt.split("Files:")[-1]


def test_bad_upload_fails_clearly(fake_llm, tmp_path):
    empty = tmp_path / "empty.png"
    empty.write_bytes(b"")
    final = pipeline(fake_llm, universal_backend()).answer(Request("look", [empty]))
    assert isinstance(final, RunFailed) and final.stage == "upload" and "empty.png is empty" in final.message
    assert fake_llm.requests == []


def test_failing_model_still_answers(fake_llm):
    fake_llm.enqueue('[{"task": "summarization", "id": 0, "dep": [-1], "args": {"text": "x"}}]', "Sorry, it failed.")
    bad = backend(TimedExpert("bad/sum", ("summarization",), fail="model is loading"))
    final = pipeline(fake_llm, bad, llm_as_expert=False).answer(Request("summarize x"))
    assert isinstance(final, FinalAnswer)
    assert final.trace["results"]["0"]["status"] == "failed"
    assert "model is loading" in fake_llm.prompts()[-1][-1]["content"]


def test_no_llm_and_no_planner_says_what_to_configure():
    final = Pipeline(Config(), backends=[universal_backend()]).answer(Request("anything"))
    assert isinstance(final, RunFailed) and "OPENAI_API_KEY" in final.message and "Settings" in final.message


def test_no_llm_with_a_planner_gives_a_templated_answer():
    class OnePlanner:
        def plan(self, text, files=(), history=None, capabilities=None):
            return Plan([Task(0, "summarization", {"text": text})])

    final = Pipeline(Config(), backends=[universal_backend()], planner=OnePlanner()).answer(Request("long story"))
    assert isinstance(final, FinalAnswer) and final.trace["plan_source"] == "offline"
    assert "summarization" in final.answer and "summarization(text=long story)" in final.answer
    assert final.trace["llm"]["calls"] == 0


def test_history_says_what_each_made_file_is(fake_llm):
    """A follow-up sees that the audio of a read-aloud is a spoken rendering of a text (so "translate
    it" refers to the text, not to the app's own speech output)."""
    session = Session()
    fake_llm.enqueue(
        '[{"task": "summarization", "id": 0, "dep": [-1], "args": {"text": "a long story about a fox"}},'
        ' {"task": "text-to-speech", "id": 1, "dep": [0], "args": {"text": "<GENERATED>-0"}}]',
        "Here is the summary, read aloud.",
        "[]",
        "Sure.",
    )
    p = pipeline(fake_llm, universal_backend(), llm_as_expert=False)
    first = p.answer(Request("summarize a long story about a fox and read it aloud"), session)
    summary = first.trace["results"]["0"]["outputs"]["text"]
    speech = first.trace["results"]["1"]["outputs"]["audio"]
    reply = session.history[1]["content"]
    assert f'{speech} (text-to-speech output from the text "{summary}")' in reply
    p.answer(Request("translate it to French"), session)
    assert f'from the text "{summary}"' in "\n".join(m["content"] for m in fake_llm.prompts()[2])


def test_offline_a_turns_upload_is_what_it_is_about_not_an_earlier_output(tmp_path):
    """After a read-aloud made t1-*.wav, "transcribe this recording" with a new upload transcribes the
    upload, and a later request about a new photo plans nothing for the earlier recording."""
    from hugginggpt.planning.embedded import EmbeddedPlanner

    p = Pipeline(Config(), backends=[universal_backend()], planner=EmbeddedPlanner())
    session = Session()
    # names that sort before the earlier outputs (t1-...): "newest" must not mean "last by name"
    receipt, voicemail, sign = tmp_path / "receipt.png", tmp_path / "booking.wav", tmp_path / "a-sign.png"
    for image in (receipt, sign):
        Image.new("RGB", (40, 20), "white").save(image)
    sf.write(voicemail, np.zeros(1600, np.float32) + 0.1, 16000)
    first = p.answer(Request("read the text in this receipt aloud", [receipt]), session)
    assert [t["task"] for t in first.trace["plan"]] == ["image-to-text", "text-to-speech"]
    second = p.answer(Request("Transcribe this recording", [voicemail]), session)
    assert second.trace["plan"] == [
        {"id": 0, "task": "automatic-speech-recognition", "dep": [-1], "args": {"audio": "booking.wav"}}
    ]
    third = p.answer(Request("what does this sign say?", [sign]), session)
    assert [(t["task"], t["args"]) for t in third.trace["plan"]] == [("image-to-text", {"image": "a-sign.png"})]
    # no upload: "it" is the newest file of the conversation
    fourth = p.answer(Request("make it black and white"), session)
    assert [(t["task"], t["args"].get("image")) for t in fourth.trace["plan"]] == [("image-editing", "a-sign.png")]
    # an earlier file the text names is still used
    fifth = p.answer(Request("transcribe booking.wav again"), session)
    assert [(t["task"], t["args"]) for t in fifth.trace["plan"]] == [
        ("automatic-speech-recognition", {"audio": "booking.wav"})
    ]


def test_it_is_the_last_result_shown_not_a_side_file(tmp_path):
    """A cut-out writes its mask and overlay too; "now make it black and white" edits the cut-out."""
    from hugginggpt.planning.embedded import EmbeddedPlanner

    class CutOut(TimedExpert):
        def run(self, task, inputs, ctx):
            out = ctx.new_file("cutout", ".png")
            Image.new("RGBA", (8, 8)).save(out)
            for side in ("overlay", "mask"):  # written after the main output, as the real expert does
                Image.new("L", (8, 8)).save(ctx.new_file(side, ".png"))
            return {"image": out, "text": "1 person"}

    experts = [CutOut("cut", ("image-segmentation",)), TimedExpert("edit", ("image-editing",))]
    p = Pipeline(Config(), backends=[backend(*experts)], planner=EmbeddedPlanner())
    session = Session()
    photo = tmp_path / "walker.png"
    Image.new("RGB", (40, 40), "white").save(photo)
    first = p.answer(Request("cut the person out", [photo]), session)
    assert first.trace["results"]["0"]["outputs"]["image"] == "t0-cutout.png"
    second = p.answer(Request("now make it black and white"), session)
    assert second.trace["plan"][0]["task"] == "image-editing"
    assert second.trace["plan"][0]["args"]["image"] == "t0-cutout.png"
