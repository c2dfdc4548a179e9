"""Routes through the capability map: what the rules found, adapted to what this pipeline can run.

A task the pipeline cannot run becomes one that can when that one answers the same ask (a question
about the words on a receipt is read by OCR when no visual-question model can run); a task that can run
but would hand back an unrelated output (OCR text as the description of a photo) becomes the literal ask,
so that the run ends in the sentence that says what to configure. Each step's own sentence decides, by
meaning (the MiniLM intents of `meaning`); without MiniLM the rules' tasks stay as they are.
"""

from __future__ import annotations

import re
from typing import Any

from ... import tasks as registry
from . import meaning
from .inputs import _clause, _Input, _sentence_text
from .intents import _Node

# a question that counts people or faces: the embedded detector answers it with its count
_COUNT = re.compile(r"\bhow many\b.*\b(?:faces?|people|persons?|men|women|kids|children|heads)\b", re.I)
# the ask is about words on the image: reading it stays reading (never a caption)
_READING = re.compile(r"\b(?:read|text|written|writing|words?|says?|said|ocr|transcrib\w*|letters?)\b", re.I)


def adapt(nodes: list[_Node], text: str, masked: str, inputs: list[_Input], capabilities: Any = None) -> list[_Node]:
    """The nodes with each task replaced by the route this pipeline can run for the same ask (or by the
    literal ask, when the runnable task would answer something else). No map: every task runs."""
    if capabilities is None or not meaning.available():
        return nodes
    for n in nodes:
        sentence = _ask(text, masked, n)
        if n.task == "visual-question-answering" and not capabilities.serves(n.task):
            n.task = _question_route(sentence, capabilities) or n.task
        elif n.task == "image-to-text" and not meaning._captions(capabilities) and not _READING.search(sentence):
            intent, score = meaning.classify(sentence)
            if intent is not None and intent.name == "caption" and score >= meaning.THRESHOLD:
                # the only image-to-text here reads text: a description needs a visual model
                n.task = "visual-question-answering"
                n.args.setdefault("text", "Describe this image.")
        elif n.task == "text-to-image" and any(i.kind == "file" and i.modality == "image" for i in inputs):
            # "make this image smaller" with a photo attached asks for an edit of it, not a new picture
            intent, score = meaning.classify(sentence)
            if intent is not None and intent.name == "edit" and score >= meaning.THRESHOLD:
                n.task = "image-editing"
        elif not capabilities.serves(n.task):
            intent, score = meaning.classify(sentence)
            if (
                intent is not None
                and score >= meaning.THRESHOLD
                and intent.task != n.task
                and capabilities.serves(intent.task)
                and registry.get(intent.task).inputs == registry.get(n.task).inputs
            ):
                n.task = intent.task  # the same inputs, an ask this pipeline can serve
    return nodes


def _ask(text: str, masked: str, n: _Node) -> str:
    """The words that ask for this step: its clause ("describe photo.jpg" of "describe photo.jpg and then
    read it aloud"), or its whole sentence when the clause is too short to say anything."""
    a, b = _clause(masked, n.pos)
    clause = text[a:b].strip()
    return clause if len(clause.split()) >= 2 else _sentence_text(text, n.pos)


def _question_route(sentence: str, capabilities: Any) -> str | None:
    """A runnable task for a question about a picture, when one answers it; else None (the run then
    says which model it needs)."""
    if _COUNT.search(sentence) and capabilities.serves("object-detection"):
        return "object-detection"
    intent, score = meaning.classify(sentence)
    if intent is None or score < meaning.THRESHOLD:
        return None
    if intent.name == "ask-document":
        for task in ("document-question-answering", "image-to-text"):
            if capabilities.serves(task):
                return task
    if intent.name == "read-text" and capabilities.serves("image-to-text"):
        return "image-to-text"
    if intent.name == "count" and capabilities.serves("object-detection"):
        return "object-detection"
    return None
