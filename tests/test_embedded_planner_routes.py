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
    return [t["task"] for t in EmbeddedPlanner().plan(text, files, capabilities=capabilities)]


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
