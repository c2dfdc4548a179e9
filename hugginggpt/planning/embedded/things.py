"""What the composer works with: the things of a request (its inputs, and the results of steps), the steps,
and what became of each clause."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .clauses import Clause
from .goals import Goal

# nouns that name a kind of thing: "the image" is the newest image of the request
NOUNS = {
    # things that carry words name a picture too, when a picture is given: "this sign", "the receipt"
    "image": re.compile(
        r"\b(?:image|picture|photo\w*|pic|scan|screenshot|drawing|painting|scene|frame|sign|receipt|menu|poster|"
        r"board|ticket|flyer|notice|invoice|chart|diagram|graph|letter|card)s?\b"
    ),
    # "sound" as a noun ("the sound"), not the verb ("they sound excited")
    "audio": re.compile(
        r"\b(?:audio|recording|speech|voice|clip|memo|song|music|podcast|voicemail)s?\b"
        r"|\b(?:the|this|that|a|an|its|their|his|her|my|our|of|any)\s+(?:\w+\s+)?sounds?\b"
    ),
    "text": re.compile(r"\b(?:text|article|sentence|paragraph|passage|story|review|comment|message|email|tweet)s?\b"),
}
# "the second one", "first file:", "attachment 2": one of several files given, by its place
ORDINAL = re.compile(
    r"\b(?:(?P<nth>first|second|third|1st|2nd|3rd|last|latter|former)\s+(?:one|file|attachment|upload|image|picture"
    r"|photo|pic|recording|clip|audio|scan|document|doc)s?\b"
    r"|the (?P<bare>first|second|third|last|latter|former)(?=\s*$|\s*[,.;:?!]|\s+(?:is|was|please|pls)\b)"
    r"|\b(?:file|attachment|image|picture|photo|pic|recording|clip)\s*(?:#|no\.?\s*)?(?P<num>[123])\b)"
)
NTH = {"first": 0, "1st": 0, "former": 0, "second": 1, "2nd": 1, "latter": -1, "third": 2, "3rd": 2, "last": -1}
CONVERT = {"image": "image-to-text", "audio": "automatic-speech-recognition"}  # a thing's words


@dataclass
class Thing:
    """Something a step can work on: an input of the request or a step's result."""

    modality: str  # image | audio | video | text
    value: str  # a file name, a text, or <GENERATED>-k
    step: int | None = None  # the step that made it (None: an input)
    makes: str = "input"  # input | artifact | answer | verdict | annotation
    origin: Thing | None = None  # what it is a form of (the photo an OCR text was read from)
    at: int = -1  # where the request gives it (-1: uploaded, or made by a step)


@dataclass
class Step:
    id: int
    task: str
    args: dict[str, str]
    goal: str | None  # the goal it serves (None: a conversion a goal needed)
    clause: int | None
    reads: Thing | None = None  # the thing it works on


@dataclass
class Fate:
    """What became of a clause: planned (its steps), not planned (why), or context (it asks nothing)."""

    clause: Clause
    kind: str  # planned | unplanned | context
    steps: list[int] = field(default_factory=list)
    why: str = ""


def takes(goal: Goal, modality: str) -> bool:
    """Can the goal work on a thing of this kind (a picture's or recording's words, for a text goal)?"""
    return modality in goal.tasks or modality in CONVERT and "text" in goal.tasks
