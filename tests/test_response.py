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
    assert "**image-to-text** (task 0, rapidocr): “OPEN 9-5”" in answer
    assert "audio t1-speech.wav (1.2 s of speech)" in answer
    assert "**object-detection** (task 2, opencv) failed: no faces or people found" in answer
    assert "was skipped because task 2 (object-detection) failed" in answer
    assert answer.endswith("2 of 4 tasks finished.")
    assert "/ws/" not in answer


def test_template_without_tasks_or_with_a_plan_error_says_what_to_do():
    assert "configure an LLM" in template_answer("hi", Plan([]), {})
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
