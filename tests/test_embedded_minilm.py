"""all-MiniLM-L6-v2 in numpy: reference similarities, extractive QA and summaries."""

from __future__ import annotations

import pytest

from hugginggpt.experts.base import ExpertContext, ExpertError
from hugginggpt.experts.embedded.minilm import MiniLMExpert, embed
from hugginggpt.types import Task

EIFFEL = (
    "The Eiffel Tower is a wrought-iron lattice tower in Paris, France. "
    "It is named after the engineer Gustave Eiffel, whose company designed and built it. "
    "The tower was completed in 1889 as the entrance arch of the World's Fair. "
    "It is 330 metres tall, about the same height as an 81-storey building. "
    "Paris also has many cafes and bakeries."
)


def run(tmp_path, task, **args):
    return MiniLMExpert().run(Task(id=0, task=task, args=args), args, ExpertContext(tmp_path, 0))


def test_matches_sentence_transformers_reference_scores():
    # Cosine scores printed in the sentence-transformers documentation for this model.
    pairs = {
        ("The new movie is awesome", "The new movie is so great"): 0.8939,
        ("The cat sits outside", "The dog plays in the garden"): 0.2838,
        ("A man is playing guitar", "A woman watches TV"): -0.0327,
    }
    e = embed([s for pair in pairs for s in pair])
    for i, expected in enumerate(pairs.values()):
        assert float(e[2 * i] @ e[2 * i + 1]) == pytest.approx(expected, abs=2e-3)
    assert e.shape == (6, 384)


def test_batches_longer_than_one_batch_agree_with_single_encoding():
    texts = [f"sentence number {i} about topic {i % 3}" for i in range(40)]
    many = embed(texts)
    one = embed([texts[37]])[0]
    assert float(many[37] @ one) == pytest.approx(1.0, abs=1e-4)


def test_sentence_similarity(tmp_path):
    close = run(tmp_path, "sentence-similarity", text1="A man is eating food.", text2="A man eats a piece of bread.")
    far = run(tmp_path, "sentence-similarity", text1="A man is eating food.", text2="The stock market fell today.")
    assert close["data"]["score"] > 0.6 > 0.2 > far["data"]["score"]
    assert close["text"].startswith("similarity 0.")


def test_question_answering_picks_the_answering_sentence(tmp_path):
    out = run(tmp_path, "question-answering", text="How tall is the Eiffel Tower?", context=EIFFEL)
    assert "330 metres" in out["text"]
    assert EIFFEL[out["data"]["start"] : out["data"]["end"]] == out["text"]
    out = run(tmp_path, "question-answering", text="When was it finished?", context=EIFFEL)
    assert "1889" in out["text"]
    out = run(tmp_path, "question-answering", text="Who designed the tower?", context=EIFFEL)
    assert "Gustave Eiffel" in out["text"]


@pytest.mark.parametrize(
    "question, line",
    [
        ("When does my bus leave?", "LEAVES 18:20"),
        ("From which stop?", "STOP B"),
        ("Which bus is it?", "BUS 12 TO LEEDS"),
    ],
)
def test_question_answering_on_text_read_off_a_board_answers_with_its_line(tmp_path, question, line):
    # OCR gives a board as short unpunctuated lines: one "sentence" unless each line is a candidate
    board = "BUS 12 TO LEEDS\nSTOP B\nLEAVES 18:20"
    out = run(tmp_path, "question-answering", text=question, context=board)
    assert out["text"] == line and board[out["data"]["start"] : out["data"]["end"]] == line


def test_summarization_keeps_central_sentences_in_order(tmp_path):
    out = run(tmp_path, "summarization", text=EIFFEL)
    assert "cafes" not in out["text"]  # the off-topic sentence is the least central
    kept = out["data"]["sentences"]
    assert kept == sorted(kept) and 1 <= len(kept) < 5


@pytest.mark.parametrize(
    ("task", "args", "message"),
    [
        ("sentence-similarity", {"text1": "hello", "text2": ""}, "text2"),
        ("question-answering", {"text": "What?"}, "no context given"),
        ("summarization", {"text": " \n "}, "no text given"),
    ],
)
def test_empty_inputs_are_expert_errors(tmp_path, task, args, message):
    with pytest.raises(ExpertError, match=message):
        run(tmp_path, task, **args)


def test_long_text_is_truncated_not_crashing(tmp_path):
    long = "word " * 2000
    out = run(tmp_path, "sentence-similarity", text1=long, text2="word word word")
    assert -1.0 <= out["data"]["score"] <= 1.0
