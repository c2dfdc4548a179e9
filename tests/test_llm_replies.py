"""The LLM path on replies in the shapes real models give (reasoning blocks, prose in any language,
fences, Python literals, comments, wrapper objects, synonyms, unknown tasks, cycles, paths as seen in
demonstrations), each served by the loopback OpenAI-compatible server to the real openai client, and
run through the whole pipeline: the plan, what was dropped and what the user is told are asserted."""

from __future__ import annotations

import json
import wave
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from fakes import TimedExpert, backend, universal_backend
from PIL import Image

from hugginggpt.config import Config
from hugginggpt.llm.openai_compatible import OpenAICompatible
from hugginggpt.orchestrator import Pipeline, Session
from hugginggpt.types import AnswerDelta, FinalAnswer, PlanReady, Request, RunFailed

ANSWER = "Here is what the models found."


def task(tid: int, name: str, dep: list[int] | None = None, **args: str) -> dict:
    return {"task": name, "id": tid, "dep": dep or [-1], "args": args}


def plan_json(*tasks: dict) -> str:
    return json.dumps(list(tasks), ensure_ascii=False)


CAPTION = plan_json(task(0, "image-to-text", image="c.jpg"))
SUMMARY = plan_json(task(0, "summarization", text="a long text"))
TTI_VIDEO = plan_json(task(0, "text-to-image", text="a cat"), task(1, "image-to-video", [0], image="<GENERATED>-0"))
MIND = plan_json(task(0, "image-to-text", image="c.jpg"), task(1, "mind-reading", [0], text="<GENERATED>-0"))
CYCLE = plan_json(
    task(0, "summarization", [1], text="<GENERATED>-1"), task(1, "translation", [0], text="<GENERATED>-0")
)
ARABIC = "سأقوم بتحليل الطلب وتقسيمه إلى مهام. أولاً سأقرأ الصورة ثم سأقرأ أفكار المستخدم.\n"


@dataclass
class Case:
    replies: list[str]  # the planning replies: the plan, and the repaired plan when one is asked for
    tasks: list[str] | None  # the task names of the plan that runs; None: the run fails
    files: tuple[str, ...] = ("c.jpg",)
    args: dict[int, dict[str, str]] = field(default_factory=dict)  # task id -> expected args
    dropped: tuple[str, ...] = ()  # what Plan.dropped says (substrings)
    message: str = ""  # in the failure message, or in the final answer
    repair: str = ""  # in the repair prompt (a repair round is expected)
    request: str = "please help with c.jpg"


CASES: dict[str, Case] = {
    # ---- reasoning models and reply shapes --------------------------------------------------------
    "think block": Case(
        ["<think>The user wants a caption. Maybe [object-detection]? No: image-to-text.</think>\n" + CAPTION],
        ["image-to-text"],
        args={0: {"image": "c.jpg"}},
    ),
    "think block then fence": Case(
        ['<think>\nPlan: {"task": "x"}\n</think>\n\n```json\n' + CAPTION + "\n```"],
        ["image-to-text"],
    ),
    "closing think tag only": Case(
        ["Okay, the user asks for a caption; I need image-to-text on c.jpg.\n</think>\n" + CAPTION],
        ["image-to-text"],
    ),
    "thinking tag variant": Case(["<thinking>caption it</thinking>" + CAPTION], ["image-to-text"]),
    "think cut off with a draft plan": Case(
        ["<think>First draft: " + CAPTION + " then I should double-check whether the user also wants"],
        ["image-to-text"],
    ),
    "think cut off without a plan": Case(
        ["<think>The user wants a summary. Let me think about which task fits best. Summarization takes", SUMMARY],
        ["summarization"],
        files=(),
        repair="ended inside <think>",
        request="summarize: a long text",
    ),
    "prose around the JSON": Case(
        ["Sure! Here is the plan [as requested]:\n" + CAPTION + "\nThis plan reads the image first."],
        ["image-to-text"],
    ),
    "json fence": Case(["```json\n" + CAPTION + "\n```"], ["image-to-text"]),
    "bare fence": Case(["Plan:\n```\n" + CAPTION + "\n```\nDone."], ["image-to-text"]),
    "unclosed fence": Case(["```json\n" + CAPTION], ["image-to-text"]),
    "trailing commas": Case(
        ['[{"task": "image-to-text", "id": 0, "dep": [-1], "args": {"image": "c.jpg",},},]'], ["image-to-text"]
    ),
    "single quotes": Case(
        ["[{'task': 'image-to-text', 'id': 0, 'dep': [-1], 'args': {'image': 'c.jpg'}}]"], ["image-to-text"]
    ),
    "comments": Case(
        [
            '[\n  // read the picture\n  {"task": "image-to-text", "id": 0, "dep": [-1], /* none */ '
            '"args": {"image": "c.jpg"}}, # then speak\n  {"task": "text-to-speech", "id": 1, "dep": [0], '
            '"args": {"text": "<GENERATED>-0"}}\n]'
        ],
        ["image-to-text", "text-to-speech"],
        args={1: {"text": "<GENERATED>-0"}},
    ),
    "tasks wrapper": Case(['{"tasks": ' + CAPTION + "}"], ["image-to-text"]),
    "plan wrapper with reasoning": Case(
        ['{"reasoning": "one step is enough", "plan": ' + CAPTION + "}"], ["image-to-text"]
    ),
    "single task object": Case(
        ['{"task": "image-to-text", "id": 0, "dep": [-1], "args": {"image": "c.jpg"}}'], ["image-to-text"]
    ),
    "curly quotes": Case(
        ["[{\u201ctask\u201d: \u201cimage-to-text\u201d, \u201cid\u201d: 0, \u201cdep\u201d: [-1], "
         "\u201cargs\u201d: {\u201cimage\u201d: \u201cc.jpg\u201d}}]"],
        ["image-to-text"],
    ),  # fmt: skip
    "other field names": Case(
        [
            '[{"task_name": "image-to-text", "task_id": 0, "dependencies": [], '
            '"arguments": {"image_url": "c.jpg"}}, {"task_name": "text-to-speech", "task_id": 1, '
            '"dependencies": [0], "arguments": {"text": "<GENERATED-0>"}}]'
        ],
        ["image-to-text", "text-to-speech"],
        args={0: {"image": "c.jpg"}, 1: {"text": "<GENERATED>-0"}},
    ),
    "args as a JSON string": Case(
        ['[{"task": "image-to-text", "id": 0, "dep": [-1], "args": "{\\"image\\": \\"c.jpg\\"}"}]'],
        ["image-to-text"],
        args={0: {"image": "c.jpg"}},
    ),
    "capitalised keys": Case(
        ['[{"Task": "Image-to-Text", "ID": 0, "Dep": [-1], "Args": {"Image": "c.jpg"}}]'], ["image-to-text"]
    ),
    "objects one a line, no commas": Case(
        [
            '{"task": "image-to-text", "id": 0, "dep": [-1], "args": {"image": "c.jpg"}}\n'
            '{"task": "text-to-speech", "id": 1, "dep": [0], "args": {"text": "<GENERATED>-0"}}'
        ],
        ["image-to-text", "text-to-speech"],
    ),
    "arabic prose then a fenced plan": Case([ARABIC + "```json\n" + CAPTION + "\n```"], ["image-to-text"]),
    "chinese prose then a plan": Case(["好的，我来规划任务：\n" + CAPTION + "\n以上。"], ["image-to-text"]),
    # ---- task-name synonyms --------------------------------------------------------------------
    "named-entity-recognition": Case(
        [plan_json(task(0, "named-entity-recognition", text="Ann lives in Paris"))],
        ["token-classification"],
        files=(),
        request="find the names in: Ann lives in Paris",
    ),
    "optical-character-recognition": Case(
        [plan_json(task(0, "optical-character-recognition", image="c.jpg"))], ["image-to-text"]
    ),
    "text-summarization": Case(
        [plan_json(task(0, "text-summarization", text="a long text"))], ["summarization"], files=()
    ),
    "title-case synonym with spaces": Case(
        [plan_json(task(0, "Sentiment Analysis", text="I love it"))], ["text-classification"], files=()
    ),
    "synonym with no input in the conversation": Case(
        [plan_json(task(0, "ocr", text="read this")), "[]"],
        None,
        files=(),
        repair="needs an image, and the conversation has none",
        message="needs an image",
    ),
    # ---- unknown tasks, repair, the valid part --------------------------------------------------
    "unknown task repaired": Case(
        [plan_json(task(0, "mind-reading", text="a long text")), SUMMARY],
        ["summarization"],
        files=(),
        repair="task 0 is 'mind-reading', which is not a known task",
    ),
    "unknown dependent dropped": Case(
        [TTI_VIDEO, TTI_VIDEO],
        ["text-to-image"],
        files=(),
        dropped=("Dropped task 1 (image-to-video): 'image-to-video' is not a task this app knows",),
        repair="'image-to-video', which is not a known task",
        message="image-to-video",
    ),
    "unknown dependent, repair gives up": Case(
        [MIND, "I am sorry, I cannot do that."],
        ["image-to-text"],
        dropped=("Dropped task 1 (mind-reading)",),
        message="mind-reading",
    ),
    "dependents of a dropped task go too": Case(
        [
            plan_json(
                task(0, "image-to-text", image="c.jpg"),
                task(1, "mind-reading", [0], text="<GENERATED>-0"),
                task(2, "text-to-speech", [1], text="<GENERATED>-1"),
            )
        ]
        * 2,
        ["image-to-text"],
        dropped=("Dropped task 1 (mind-reading)", "Dropped task 2 (text-to-speech): it needs the output of task 1"),
    ),
    "nothing valid twice": Case(
        [plan_json(task(0, "mind-reading", text="x"))] * 2,
        None,
        files=(),
        message="task 0 is 'mind-reading', which is not a known task, still after one round of repair",
    ),
    "cycle twice": Case([CYCLE, CYCLE], None, files=(), repair="circular", message="circular"),
    "cycle, then no plan": Case([CYCLE, "[]"], None, files=(), message="the plan is circular"),
    "cycle repaired": Case(
        [CYCLE, plan_json(task(0, "summarization", text="x"), task(1, "translation", [0], text="<GENERATED>-0"))],
        ["summarization", "translation"],
        files=(),
        repair="wait for each other",
    ),  # fmt: skip
    "arabic prose, unknown task, prose repair": Case(
        [ARABIC + "```json\n" + plan_json(task(0, "mind-reading", image="c.jpg")) + "\n```", ARABIC],
        None,
        message="mind-reading",
    ),
    "arabic prose, unknown and valid tasks": Case([ARABIC + "```json\n" + MIND + "\n```"] * 2, ["image-to-text"]),
    # ---- file paths as LLMs write them ------------------------------------------------------------
    "absolute demo path": Case(
        [plan_json(task(0, "image-to-text", image="/examples/c.jpg"))], ["image-to-text"], args={0: {"image": "c.jpg"}}
    ),
    "relative demo path": Case(
        [plan_json(task(0, "image-to-text", image="examples/figure-65.png"))],
        ["image-to-text"],
        files=("figure-65.png", "c.jpg"),
        args={0: {"image": "figure-65.png"}},
    ),
    "a demonstration's file name": Case(
        [plan_json(task(0, "image-to-text", image="examples/figure-65.png"))],
        ["image-to-text"],
        args={0: {"image": "c.jpg"}},
    ),
    "dot slash": Case(
        [plan_json(task(0, "image-to-text", image="./c.jpg"))], ["image-to-text"], args={0: {"image": "c.jpg"}}
    ),
    "windows path": Case(
        [plan_json(task(0, "image-to-text", image="C:\\Users\\me\\c.jpg"))],
        ["image-to-text"],
        files=("c.jpg", "d.jpg"),
        args={0: {"image": "c.jpg"}},
    ),
    "path in a file argument": Case(
        [plan_json(task(0, "automatic-speech-recognition", path="/tmp/uploads/talk.wav"))],
        ["automatic-speech-recognition"],
        files=("talk.wav",),
        args={0: {"audio": "talk.wav"}},
    ),
}  # fmt: skip


def make_file(folder: Path, name: str) -> Path:
    path = folder / name
    if name.endswith(".wav"):
        with wave.open(str(path), "wb") as w:
            w.setnchannels(1), w.setsampwidth(2), w.setframerate(16000)
            w.writeframes(b"\x00\x01" * 1600)
    else:
        Image.new("RGB", (16, 16), (30, 60, 200)).save(path)
    return path


def pipeline(server, *backends) -> Pipeline:
    llm = OpenAICompatible("fake-model", base_url=server.url, api_key="k", timeout=5, retries=0)
    # the test experts serve every task, the LLM none: each LLM call is the plan, its repair, the answer
    return Pipeline(Config(llm_as_expert=False), llm=llm, backends=list(backends) or [universal_backend()])


def run(server, tmp_path, request: str, files=(), backends=()) -> tuple[list, FinalAnswer | RunFailed]:
    uploads = [make_file(tmp_path, name) for name in files]
    events = list(pipeline(server, *backends).run(Request(request, uploads), Session()))
    return events, events[-1]


@pytest.mark.parametrize("name", CASES)
def test_llm_reply(fake_llm, tmp_path, name):
    case = CASES[name]
    fake_llm.enqueue(*case.replies, ANSWER)
    events, last = run(fake_llm, tmp_path, case.request, case.files)
    prompts = fake_llm.prompts()
    planning_calls = 2 if case.repair or len(case.replies) == 2 else 1
    if case.repair:
        assert case.repair in prompts[1][-1]["content"]
        assert "corrected JSON" in prompts[1][-1]["content"]
    if case.tasks is None:
        # nothing could run: one clear sentence, never a silent direct answer
        assert isinstance(last, RunFailed) and last.stage == "planning"
        assert last.message.startswith("The plan is not usable: ") and case.message in last.message
        assert "\n" not in last.message and "Traceback" not in last.message
        assert not any(isinstance(e, PlanReady) for e in events)
        assert len(prompts) == planning_calls
        return
    assert isinstance(last, FinalAnswer), last
    plan = next(e for e in events if isinstance(e, PlanReady)).plan
    assert [t.task for t in plan.tasks] == case.tasks
    for tid, args in case.args.items():
        assert plan.by_id()[tid].args == args
    assert all(r["status"] == "done" for r in last.trace["results"].values()), last.trace["results"]
    assert len(prompts) == planning_calls + 1  # the plan (+ repair), then the answer
    dropped = " ".join(plan.dropped)
    for sentence in case.dropped:
        assert sentence in dropped
    if plan.dropped:
        # the trace, the answer prompt and the answer all say what was left out
        assert last.trace["plan_dropped"] == plan.dropped
        assert "Left out of the plan" in prompts[-1][-1]["content"] and plan.dropped[0] in prompts[-1][-1]["content"]
        assert last.answer.startswith(ANSWER) and plan.dropped[0] in last.answer
        assert "".join(e.text for e in events if isinstance(e, AnswerDelta)) == last.answer
    else:
        assert last.answer == ANSWER and "plan_dropped" not in last.trace
    assert case.message in last.answer


def test_at_least_thirty_reply_shapes():
    assert len(CASES) >= 30


def test_repair_prompt_lists_every_finding(fake_llm, tmp_path):
    bad = plan_json(
        task(0, "mind-reading", text="x"),
        task(1, "summarization", [7], text="<GENERATED>-7"),
        task(2, "image-classification"),
    )
    fake_llm.enqueue(bad, SUMMARY, ANSWER)
    _, last = run(fake_llm, tmp_path, "do things", files=("a.png", "b.png"))
    repair = fake_llm.prompts()[1][-1]["content"]
    lines = [line for line in repair.splitlines() if line.startswith("- ")]
    assert lines == [
        "- task 0 is 'mind-reading', which is not a known task",
        "- task 1 (summarization) refers to task 7, which does not exist",
        "- task 2 (image-classification) has no image argument",
    ]
    assert isinstance(last, FinalAnswer) and [t["task"] for t in last.trace["plan"]] == ["summarization"]
    assert any("repaired" in n for n in last.trace["plan_notes"])


def test_an_answer_that_names_the_dropped_task_gets_nothing_appended(fake_llm, tmp_path):
    said = "I drew a cat; image-to-video is not something I can do here."
    fake_llm.enqueue(TTI_VIDEO, TTI_VIDEO, said)
    _, last = run(fake_llm, tmp_path, "draw a cat and animate it")
    assert isinstance(last, FinalAnswer) and last.answer == said


def test_an_empty_llm_answer_becomes_the_composed_one(fake_llm, tmp_path):
    fake_llm.enqueue(CAPTION, "")
    _, last = run(fake_llm, tmp_path, "caption c.jpg", files=("c.jpg",))
    assert isinstance(last, FinalAnswer) and last.answer.strip()
    assert "image-to-text" in last.answer


def test_a_path_outside_the_conversation_never_resolves(fake_llm, tmp_path):
    fake_llm.enqueue(plan_json(task(0, "image-to-text", image="/etc/passwd")), ANSWER)
    _, last = run(fake_llm, tmp_path, "caption it", files=("c.jpg",))
    assert isinstance(last, FinalAnswer)
    assert last.trace["plan"][0]["args"]["image"] == "/etc/passwd"
    result = last.trace["results"]["0"]
    assert result["status"] == "failed" and "not a file you uploaded" in result["error"]


def test_ambiguous_base_names_do_not_resolve(fake_llm, tmp_path):
    # two files of the conversation differ only in case: the base name alone cannot choose
    fake_llm.enqueue(plan_json(task(0, "image-to-text", image="/examples/C.JPG")), ANSWER)
    (tmp_path / "up").mkdir()
    uploads = [make_file(tmp_path, "c.jpg"), make_file(tmp_path / "up", "C.jpg")]
    events = list(pipeline(fake_llm).run(Request("caption", uploads), Session()))
    plan = next(e for e in events if isinstance(e, PlanReady)).plan
    assert plan.tasks[0].args["image"] == "/examples/C.JPG"
    assert any("which was not provided" in n for n in plan.notes)


def test_selection_reply_in_the_one_task_form(fake_llm, tmp_path):
    two = backend(
        TimedExpert("cap/a", ("image-to-text",), downloads=10),
        TimedExpert("cap/b", ("image-to-text",), downloads=900),
    )
    fake_llm.enqueue(
        "<think>captioning</think>" + CAPTION,
        '<think>a is better for photos</think>\n```json\n{"id": "cap/a", "reason": "made for photos"}\n```',
        ANSWER,
    )
    _, last = run(fake_llm, tmp_path, "caption c.jpg", files=("c.jpg",), backends=(two,))
    assert isinstance(last, FinalAnswer)
    assert last.trace["choices"]["0"]["model"] == "cap/a"
    assert last.trace["choices"]["0"]["reason"] == "made for photos"
    assert last.trace["results"]["0"]["model"] == "cap/a"


def test_a_reply_that_is_all_reasoning_gets_one_repair_round(fake_llm, tmp_path):
    fake_llm.enqueue("<think>The user says hello. No tools are needed.</think>", "[]", "Hi there!")
    events, last = run(fake_llm, tmp_path, "hello")
    assert "ended inside <think>" in fake_llm.prompts()[1][-1]["content"]
    assert isinstance(last, FinalAnswer) and last.answer == "Hi there!"
    fake_llm.enqueue("<think>Plan: " + CAPTION + "</think>", ANSWER)
    _, last = run(fake_llm, tmp_path, "caption c.jpg", files=("c.jpg",))
    assert isinstance(last, FinalAnswer) and [t["task"] for t in last.trace["plan"]] == ["image-to-text"]


@pytest.mark.parametrize("reply", ["[]", "Hello! I am doing well, thanks.", "<think>just chatting</think>[]"])
def test_no_plan_is_a_direct_answer(fake_llm, tmp_path, reply):
    fake_llm.enqueue(reply, "Hi there!")
    events, last = run(fake_llm, tmp_path, "hello, how are you?")
    assert isinstance(last, FinalAnswer) and last.answer == "Hi there!"
    assert next(e for e in events if isinstance(e, PlanReady)).plan.tasks == []


def test_json_that_names_no_task_is_a_direct_answer(fake_llm, tmp_path):
    fake_llm.enqueue('{"answer": "Paris is the capital of France."}', "Paris.")
    events, last = run(fake_llm, tmp_path, "what is the capital of France?")
    assert isinstance(last, FinalAnswer) and last.answer == "Paris."
    assert next(e for e in events if isinstance(e, PlanReady)).plan.tasks == []


def test_an_endpoint_fault_during_the_repair_round_is_one_clear_line(fake_llm, tmp_path):
    fake_llm.enqueue(MIND, {"status": 401, "body": {"error": {"message": "bad key"}}})
    _, last = run(fake_llm, tmp_path, "caption c.jpg", files=("c.jpg",))
    assert isinstance(last, RunFailed) and last.stage == "planning"
    assert "401" in last.message and "\n" not in last.message and "Traceback" not in last.message


def test_the_page_shows_what_was_dropped(fake_llm, tmp_path):
    from hugginggpt.ui.view import RunView

    fake_llm.enqueue(TTI_VIDEO, TTI_VIDEO, ANSWER)
    events, _ = run(fake_llm, tmp_path, "draw a cat and animate it")
    view = RunView("draw a cat and animate it")
    for event in events:
        view.apply(event)
    plan_step = json.dumps(view.messages[0], ensure_ascii=False)
    assert "Dropped task 1 (image-to-video): 'image-to-video' is not a task this app knows." in plan_step
    assert "Dropped task 1 (image-to-video)" in view.answer
