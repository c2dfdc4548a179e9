"""The embedded planner's intents by meaning and its routes through the capability map (plans only)."""

from __future__ import annotations

import pytest

from hugginggpt.config import Config
from hugginggpt.orchestrator import Pipeline
from hugginggpt.planning.embedded import EmbeddedPlanner, OfflinePlanner, reading


class _AsJson:
    """The planner, its plans as HuggingGPT's task dicts (the format these tests were written in)."""

    def __init__(self) -> None:
        self.planner = EmbeddedPlanner()

    def plan(self, *args, **kwargs) -> list[dict]:
        return self.planner.plan(*args, **kwargs).to_json()


@pytest.fixture(scope="module")
def planner() -> _AsJson:
    return _AsJson()


@pytest.fixture(scope="module")
def offline():
    return Pipeline.from_config(Config(mode="offline")).capabilities()


def tasks_of(plan):
    return [(t["task"], t["args"]) for t in plan]


def test_alias_is_kept():
    assert OfflinePlanner is EmbeddedPlanner


@pytest.mark.parametrize(
    "text, files, expected",
    [
        ("what's written on this board?", ["board.png"], [("image-to-text", {"image": "board.png"})]),
        ("count the faces please", ["team.jpg"], [("object-detection", {"image": "team.jpg"})]),
        ("get rid of the background", ["me.png"], [("image-segmentation", {"image": "me.png"})]),
        (
            "what are they saying in this clip",
            ["call.opus"],
            [("automatic-speech-recognition", {"audio": "call.opus"})],
        ),
        (
            "turn it upside down",
            ["cat.webp"],
            [("image-editing", {"image": "cat.webp", "text": "turn it upside down"})],
        ),
    ],
)
def test_short_requests_by_meaning(planner, offline, text, files, expected):
    assert tasks_of(planner.plan(text, files, capabilities=offline)) == expected


def test_a_text_question_about_a_photo_is_read_by_ocr_only_when_no_visual_model_runs(planner, offline):
    plan = planner.plan("What does this sign say?", ["sign.png"], capabilities=offline)
    assert tasks_of(plan) == [("image-to-text", {"image": "sign.png"})]
    # a visual question that is not about text stays one: it fails with the sentence on what to configure
    plan = planner.plan("What colour is the car in this photo?", ["street.png"], capabilities=offline)
    assert [t["task"] for t in plan] == ["visual-question-answering"]


def test_describe_a_photo_is_never_ocr_offline(planner, offline):
    plan = planner.plan("Describe this photo", ["cup.jpg"], capabilities=offline)
    assert [t["task"] for t in plan] == ["visual-question-answering"]
    assert offline.message("visual-question-answering")  # it fails with the sentence on what to configure


@pytest.mark.parametrize(
    "text, labels",
    [
        ("Is this review positive or negative? The room was dirty and loud.", None),
        ("Which language is this in: 'Dónde está la biblioteca'", "language"),
        (
            "Is this headline about sports, politics or cooking? 'Bake the bread for an hour'",
            "sports, politics, cooking",
        ),
    ],
)
def test_text_classification_labels_follow_the_question(planner, offline, text, labels):
    (task,) = planner.plan(text, capabilities=offline)
    assert task["task"] == "text-classification"
    assert task["args"].get("labels") == labels
    assert "?" not in task["args"]["text"] or "Dónde" in task["args"]["text"]


def test_question_with_its_context_in_the_same_message(planner, offline):
    (task,) = planner.plan("The shop opens at 8 am and closes at 6 pm. When does the shop close?", capabilities=offline)
    assert task["task"] == "question-answering"
    assert task["args"] == {
        "text": "When does the shop close?",
        "context": "The shop opens at 8 am and closes at 6 pm.",
    }


@pytest.mark.parametrize("text", ["hey there", "thank you so much!", "good evening"])
def test_greetings_plan_no_tools(planner, offline, text):
    assert planner.plan(text, capabilities=offline) == []


def test_an_opus_upload_is_audio(planner):
    plan = planner.plan("transcribe it", ["memo.opus"])
    assert tasks_of(plan) == [("automatic-speech-recognition", {"audio": "memo.opus"})]


def test_chained_requests_stay_with_the_rules(planner, offline):
    plan = planner.plan("Read the text in note.png and then translate it into French", capabilities=offline)
    assert [t["task"] for t in plan] == ["image-to-text", "translation"]
    assert plan[1]["args"]["text"] == "<GENERATED>-0"


def test_without_minilm_goals_are_read_by_their_cues_alone(monkeypatch, planner, caplog):
    # a fresh index for this test only: a broken MiniLM marks the index failed for the rest of the process
    monkeypatch.setattr(reading, "INDEX", reading._Index())

    def broken(texts):
        raise ImportError("no module named tokenizers")

    monkeypatch.setattr("hugginggpt.experts.embedded.minilm.embed", broken)
    # a cue names the goal: planned as before
    assert [t["task"] for t in planner.plan("Transcribe talk.wav for me")] == ["automatic-speech-recognition"]
    # no cue: nothing read, the log says why, and the reply names the file it could not place
    with caplog.at_level("WARNING"):
        plan = planner.planner.plan("do your magic on this clip please", ["call.opus"])
    assert plan.tasks == [] and "call.opus" in plan.unplanned[0]
    assert "MiniLM is not available" in caplog.text
    # a question is still one by its form: asked of the recording's words
    plan = planner.plan("what are they saying in this clip", ["call.opus"])
    assert [t["task"] for t in plan] == ["automatic-speech-recognition", "question-answering"]


# ---- the vote by meaning (votes.py): requests and clauses the keyword rules do not read ----------------


@pytest.mark.parametrize(
    "text, task",
    [
        ("Sketch a lighthouse standing on a rocky island at night.", "text-to-image"),
        ("Film a short scene of kites flying over a green hill.", "text-to-video"),
        (
            "Make this shorter for me: 'The museum reopens on Monday after a long renovation. New rooms show "
            "the city's history, and entry stays free for children under twelve.'",
            "summarization",
        ),
        ("Looking at yard.jpg, is the gate open?", "visual-question-answering"),
        ("The recording hiss.wav is full of crackle; tidy it up please.", "audio-to-audio"),
    ],
)
def test_a_request_the_rules_do_not_read_is_planned_as_what_it_means(planner, text, task):
    assert [t["task"] for t in planner.plan(text)] == [task]


@pytest.mark.parametrize(
    "text",
    ["Why do cats purr?", "Can you give me some tips for a job interview?", "What is the tallest mountain in Europe?"],
)
def test_a_question_with_nothing_to_work_on_is_a_chat_reply(planner, text):
    assert [t["task"] for t in planner.plan(text)] == ["conversational"]


@pytest.mark.parametrize(
    "text",
    [
        "My dog has been limping since yesterday. Should we wait or go to the vet today?",
        "Hey! The bread I baked came out flat. Is it still edible?",
        "my train got cancelled and I'm stuck in Leeds",
    ],
)
def test_telling_and_asking_with_no_material_is_one_chat_reply_with_all_its_words(planner, text):
    # the story is the question's context, and no task is read from a sentence about oneself
    assert tasks_of(planner.plan(text)) == [("conversational", {"text": text})]


def test_a_question_that_names_missing_material_asks_for_it(planner):
    plan = EmbeddedPlanner().plan("Is this review positive?")
    assert plan.tasks == [] and "quote it or attach" in plan.unplanned[0]


def test_a_task_without_its_media_becomes_the_task_its_words_mean(planner):
    # "paint ... green" reads as an edit, but there is no picture to edit: a picture is drawn
    assert [t["task"] for t in planner.plan("Can you paint a green tractor in a wheat field?")] == ["text-to-image"]
    # with a picture given, the same words are an edit of it
    plan = planner.plan("Can you paint the tractor green?", ["farm.jpg"])
    assert [t["task"] for t in plan] == ["image-editing"] and plan[0]["args"]["image"] == "farm.jpg"


def test_a_task_done_beside_the_one_before_reads_the_same_source(planner):
    plan = planner.plan("Caption view.jpg, read the caption aloud and also translate it into German.")
    assert [t["task"] for t in plan] == ["image-to-text", "text-to-speech", "translation"]
    assert plan[1]["args"] == {"text": "<GENERATED>-0"} and plan[2]["args"] == {"text": "<GENERATED>-0"}
    assert plan[2]["dep"] == [0]


def test_a_quoted_question_is_answered_when_a_chat_reply_comes_only_after_it(planner):
    text = "Look at bill.png and tell me 'What is the total?', then turn the answer into a friendly reply."
    plan = planner.plan(text)
    assert plan[0]["task"] in ("document-question-answering", "visual-question-answering")
    assert plan[0]["args"] == {"image": "bill.png", "text": "What is the total?"}
    assert plan[1]["task"] == "conversational" and plan[1]["args"] == {"text": "<GENERATED>-0"}
