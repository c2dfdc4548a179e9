"""The answer stage: the compact results log for the LLM and the templated answer without one."""

from __future__ import annotations

from pathlib import Path

from hugginggpt.response import build_messages, results_log, template_answer
from hugginggpt.types import Plan, Task, TaskResult

PLAN = Plan(
    [
        Task(0, "image-to-text", {"image": "a.png"}),
        Task(1, "text-to-speech", {"text": "<GENERATED>-0"}, (0,)),
        Task(2, "object-detection", {"image": "a.png"}),
        Task(3, "image-classification", {"image": "<GENERATED>-2"}, (2,)),
    ]
)
RESULTS = {
    0: TaskResult(0, "image-to-text", "done", {"text": "OPEN 9-5"}, model="rapidocr", backend="embedded"),
    1: TaskResult(
        1, "text-to-speech", "done", {"audio": Path("/ws/t1-speech.wav"), "text": "1.2 s of speech"}, model="piper"
    ),
    2: TaskResult(2, "object-detection", "failed", error="no faces or people found", model="opencv"),
    3: TaskResult(3, "image-classification", "skipped", error="task 2 (object-detection) failed"),
}


def test_template_names_models_outputs_and_failures():
    answer = template_answer("read a.png aloud and find people", PLAN, RESULTS)
    assert answer.startswith("“OPEN 9-5”\nHere is the speech (1.2 s of speech).")  # named, not by file
    assert "_Used rapidocr to read the text in an image" in answer or "_Used rapidocr to " in answer
    assert "- Could not " in answer and "(task 2, object-detection): no faces or people found" in answer
    assert "skipped because task 2 (object-detection) failed" in answer
    assert answer.endswith("2 of 4 tasks finished.")
    assert "/ws/" not in answer


RECEIPT = "CORNER CAFE\n12 Market Street\nCappuccino 3.50\nOrange juice 4.20\nTOTAL 10.50\nThank you!"


def _one(task: str, outputs: dict, args: dict | None = None) -> tuple[Plan, dict[int, TaskResult]]:
    return Plan([Task(0, task, args or {})]), {0: TaskResult(0, task, "done", outputs, model="m", backend="embedded")}


def test_the_answer_is_the_part_of_the_text_the_request_asks_about():
    plan, results = _one("image-to-text", {"text": RECEIPT})
    answer = template_answer("Read the text in this receipt and tell me the total.", plan, results)
    assert answer.splitlines()[0] == "The total is **10.50**."
    assert "Cappuccino" not in answer  # not a dump of the whole receipt
    other = template_answer("What does the receipt say about orange juice?", plan, results)
    assert other.splitlines()[0] == "The orange juice is **4.20**."
    # a document answer that is the asked-about line itself
    plan, one = _one("document-question-answering", {"text": "TOTAL 10.50"})
    assert template_answer("what is the total?", plan, one).startswith("The total is **10.50**.")
    # asked about nothing in the text: the text is the answer
    whole = template_answer("Read the text in this receipt", plan, results)
    assert "Cappuccino 3.50" in whole and "TOTAL 10.50" in whole


def test_detections_are_counted_by_what_the_request_names():
    found = [
        {"label": "person", "score": 0.9, "box": {"xmin": 0, "ymin": 0, "xmax": 5, "ymax": 9}},
        {"label": "person", "score": 0.8, "box": {"xmin": 6, "ymin": 0, "xmax": 9, "ymax": 9}},
        {"label": "face", "score": 0.7, "box": {"xmin": 1, "ymin": 1, "xmax": 2, "ymax": 2}},  # the first's face
    ]
    plan, results = _one("object-detection", {"data": found, "image": Path("/ws/t0-object-detection.png")})
    answer = template_answer("How many people are in this photo?", plan, results)
    assert answer.startswith("I found **2 people** (2 seen whole, 1 face), boxed in the detection image.")
    everything = template_answer("detect objects", plan, results)
    assert everything.startswith("I found **2 people** and **1 face**")


def test_a_transcript_and_a_classification_are_said_plainly():
    plan, results = _one("automatic-speech-recognition", {"text": "book a table for two"})
    assert template_answer("transcribe it", plan, results).startswith("The recording says: “book a table for two”")
    labels = [{"label": "cat", "score": 0.2}, {"label": "tabby cat", "score": 0.7}]
    plan, results = _one("image-classification", {"data": labels})
    assert template_answer("what is this?", plan, results).startswith("It is most likely **tabby cat** (70% sure).")


def test_template_without_tasks_or_with_a_plan_error_says_what_to_do():
    assert "enter a Hugging Face token or an OpenAI-compatible API key" in template_answer("hi", Plan([]), {})
    assert template_answer("x", Plan([]), {}, plan_error="cycle") == "I could not plan this request: cycle"


def test_results_log_is_compact_and_names_files_not_paths():
    log = results_log(PLAN, RESULTS)
    assert log[1]["outputs"] == {"audio": "t1-speech.wav", "text": "1.2 s of speech"}
    assert log[2] == {
        "id": 2,
        "task": "object-detection",
        "args": {"image": "a.png"},
        "status": "failed",
        "model": "opencv",
        "error": "no faces or people found",
    }
    long = dict(RESULTS)
    long[0] = TaskResult(0, "image-to-text", "done", {"text": "x" * 5000})
    user = build_messages("read", PLAN, long)[1]["content"]
    assert "x" * 600 + "..." in user and "x" * 601 not in user


def test_a_task_nothing_here_can_run_is_answered_by_its_one_sentence():
    why = "To draw an image from a description (text-to-image), this app needs a Hugging Face model: enter it."
    plan = Plan([Task(0, "text-to-image", {"text": "a cat"})])
    results = {0: TaskResult(0, "text-to-image", "failed", error=why, unavailable=True)}
    assert template_answer("draw a cat", plan, results) == why  # no "Could not ...: To draw ..." echo
    plan = Plan([Task(0, "image-to-text", {"image": "a.png"}), Task(1, "text-to-image", {"text": "a cat"})])
    results[1] = TaskResult(1, "text-to-image", "failed", error=why, unavailable=True)
    results[0] = TaskResult(0, "image-to-text", "done", {"text": "HELLO"}, model="ocr", backend="embedded")
    answer = template_answer("read a.png and draw a cat", plan, results)
    assert f"- {why}" in answer and answer.endswith("1 of 2 tasks finished.")


def test_a_classifiers_verdict_is_said_as_an_answer():
    def said(data: dict) -> str:
        plan, results = _one("text-classification", {"text": "raw", "data": data})
        return template_answer("classify it", plan, results).splitlines()[0]

    assert said({"kind": "sentiment", "label": "NEGATIVE", "scores": []}) == "The sentiment is **negative**."
    assert said({"kind": "language", "label": "de", "name": "German"}) == "It is **German** (de)."
    topic = {"kind": "zero-shot", "label": "sports", "scores": [{"label": "sports", "score": 0.99}]}
    assert said(topic) == "It is most likely **sports** (99% sure)."


def test_a_plural_name_takes_are():
    plan, results = _one("image-to-text", {"text": "GREEN GROCER\nMilk 2.40\nApples 4.25\nTOTAL 6.65\nThank you"})
    assert template_answer("how much were the apples", plan, results).splitlines()[0] == "The apples are **4.25**."
    assert template_answer("what is the total", plan, results).splitlines()[0] == "The total is **6.65**."


def test_a_files_note_ending_in_a_stop_gets_one_stop():
    plan, results = _one("image-editing", {"image": Path("t0-edited.png"), "text": "Edited: rotated 180° (480x360)."})
    assert template_answer("turn it upside down", plan, results).splitlines()[0] == (
        "Here is the edited image (Edited: rotated 180° (480x360))."
    )


def test_a_model_that_did_one_job_twice_is_credited_once():
    plan = Plan(
        [
            Task(0, "automatic-speech-recognition", {"audio": "v.wav"}),
            Task(1, "question-answering", {"text": "Who called?", "context": "<GENERATED>-0"}, (0,)),
            Task(2, "question-answering", {"text": "What do they want?", "context": "<GENERATED>-0"}, (0,)),
        ],
        asked=[1, 2],
    )
    results = {
        0: TaskResult(
            0, "automatic-speech-recognition", "done", {"text": "Hi, it's Sarah. Bring the report."}, model="whisper"
        ),
        1: TaskResult(1, "question-answering", "done", {"text": "Hi, it's Sarah."}, model="minilm"),
        2: TaskResult(2, "question-answering", "done", {"text": "Bring the report."}, model="minilm"),
    }
    answer = template_answer("who called and what do they want", plan, results)
    assert answer.count("minilm to ") == 1 and "whisper to " in answer
