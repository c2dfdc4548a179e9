"""Long requests planned through the capability map: a step this mode cannot run takes the route that
answers the same ask, and a step that would answer something else becomes the literal ask."""

from __future__ import annotations

import pytest

from hugginggpt.config import Config
from hugginggpt.orchestrator import Pipeline, build_backends
from hugginggpt.planning.embedded import EmbeddedPlanner


@pytest.fixture(scope="module")
def offline():
    config = Config(mode="offline")
    return Pipeline(config, backends=build_backends(config)).capabilities()


def tasks(text: str, files: list[str], capabilities=None) -> list[str]:
    return [t.task for t in EmbeddedPlanner().plan(text, files, capabilities=capabilities).tasks]


def test_a_question_about_a_receipts_words_is_read_offline(offline):
    plan = tasks("what is the total on receipt.png? say it out loud", ["receipt.png"], offline)
    assert plan == ["document-question-answering", "text-to-speech"]


def test_counting_people_in_a_long_request_is_detection(offline):
    plan = tasks("How many people are in party.jpg? Then speak the answer.", ["party.jpg"], offline)
    assert plan[0] == "object-detection" and plan[-1] == "text-to-speech"


def test_a_description_is_never_ocr_offline(offline):
    plan = tasks("describe photo.jpg and then read the description aloud", ["photo.jpg"], offline)
    assert plan == ["visual-question-answering", "text-to-speech"]  # fails with what to configure
    # reading the words stays reading
    assert tasks("Read the text in sign.jpg and then say it aloud", ["sign.jpg"], offline) == [
        "image-to-text",
        "text-to-speech",
    ]


def test_a_question_nothing_here_answers_stays_the_literal_ask(offline):
    assert tasks("what color is the car in car.jpg? tell me in a sentence", ["car.jpg"], offline)[0] == (
        "visual-question-answering"
    )


def test_without_a_map_the_rules_tasks_stand():
    assert tasks("describe photo.jpg and then read the description aloud", ["photo.jpg"]) == [
        "image-to-text",
        "text-to-speech",
    ]


@pytest.mark.parametrize(
    "request_text, files, plan",
    [
        ("remove the background of photo.jpg", ["photo.jpg"], ["image-segmentation"]),
        ("cut her out of photo.jpg", ["photo.jpg"], ["image-segmentation"]),
        (
            "detect the faces in photo.jpg then remove the background",
            ["photo.jpg"],
            ["object-detection", "image-segmentation"],
        ),
        ("Remove the background noise from podcast.wav.", ["podcast.wav"], ["audio-to-audio"]),
    ],
)
def test_background_removal_is_a_cut_out_of_images_only(request_text, files, plan):
    assert tasks(request_text, files) == plan


def test_a_step_that_cannot_run_is_kept_not_swapped_for_another_ask(offline):
    # the translation needs a remote model: it stays in the plan (and says so), it does not vanish
    assert tasks("translate this receipt to French", ["receipt.png"], offline) == ["image-to-text", "translation"]
    # a route that cannot run either is no route: a video stays a video, never a drawing
    assert tasks("make a video of a cat surfing", [], offline) == ["text-to-video"]


@pytest.mark.parametrize(
    "request_text, task",
    [
        (
            "When does the museum reopen? The museum will close from June to September and reopen in October.",
            "question-answering",
        ),
        ("How many people live there? Springfield is a town of 30,000 people near the river.", "question-answering"),
        ("Is this review positive or negative? The food was cold and the waiter was rude.", "text-classification"),
    ],
)
def test_a_question_before_its_passage_is_asked_of_the_passage(offline, request_text, task):
    plan = EmbeddedPlanner().plan(request_text, [], capabilities=offline).to_json()
    assert [t["task"] for t in plan] == [task]
    if task == "question-answering":
        assert plan[0]["args"]["text"].endswith("?") and plan[0]["args"]["context"][0].isupper()


def test_a_command_then_a_colon_gives_the_text_and_a_voice_means_speech():
    plan = EmbeddedPlanner().plan("speak: the meeting moved to 3pm").to_json()
    assert plan == [{"id": 0, "task": "text-to-speech", "dep": [-1], "args": {"text": "the meeting moved to 3pm"}}]
    assert tasks("Read the sign and tell me in a voice what it says", ["sign.png"]) == [
        "image-to-text",
        "text-to-speech",
    ]


def test_a_short_request_of_two_steps_keeps_both(offline):
    # short, no "then": still two asks; the meaning of one must not drop the other
    assert tasks("what's the total? say it out loud", ["receipt.png"], offline) == [
        "document-question-answering",
        "text-to-speech",
    ]


def test_an_edit_of_the_attached_photo_is_no_new_picture_and_read_back_is_speech(offline):
    assert tasks("make this image smaller, 50%", ["photo.png"], offline) == ["image-editing"]
    assert tasks("make an image of a cat", [], offline) == ["text-to-image"]
    assert tasks("Please convert my voice note to text and then read it back to me", ["note.wav"], offline) == [
        "automatic-speech-recognition",
        "text-to-speech",
    ]
