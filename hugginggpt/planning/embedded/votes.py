"""Which task a clause asks for, by meaning: a vote beside the keyword rules.

Every task type has exemplars: its own description and label from the task registry, the example
phrasings of the intents (`meaning.INTENTS`), and generic phrasings written here (none taken from an
evaluation set). A clause is embedded with MiniLM and each task scores its nearest exemplar. The vote is
restricted to the tasks the request's inputs can feed (an image task needs an image, a recording task a
recording): a request the rules read as nothing is planned as the task it means, and a clause of a chain
that names no task in the rules' words ("turn the summary into a picture") gets the task it means.
All clauses of a request are embedded in one encode call; without MiniLM the vote abstains.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from ... import tasks as registry
from . import meaning

log = logging.getLogger(__name__)

# Generic phrasings of what people ask each task for. Kept short: a verb and its object.
_PHRASES: dict[str, str] = {
    "token-classification": "find the names of people, places and organisations in this text; tag each word "
    "with its part of speech; extract the entities from the sentence; label the tokens; highlight the proper "
    "nouns; which words are nouns and verbs",
    "translation": "translate this into another language; put this sentence in spanish; say this in german; "
    "what is this in english; convert the text to french; how do you say this in japanese",
    "summarization": "summarize this text; make it shorter; give me the main points; condense this article; "
    "a brief overview of the document; sum it up in a few lines; the short version of this report",
    "question-answering": "answer the question from the passage; find the answer in this text; according to "
    "the paragraph, who did it; use the context to answer; look up the answer in the article",
    "conversational": "can you give me some advice; what do you think about this; let's chat about my day; "
    "reply to my message; i need tips for my trip; help me decide what to do; talk to me; recommend "
    "something for me; how should i deal with this; i feel stressed, any suggestions; why does this happen; "
    "what is the capital of a country; explain how something works; tell me a fact about animals; who "
    "invented the telephone; what should i cook tonight",
    "text-generation": "write a story; compose a poem; draft a paragraph about a topic; continue this text; "
    "generate an article; write a product description; expand this into a longer text; paraphrase it",
    "sentence-similarity": "how similar are these two sentences; do these mean the same; compare the two "
    "phrases; score the similarity of the texts; are these sentences alike in meaning",
    "text-classification": "is this review positive or negative; what is the sentiment; which language is "
    "this; what topic is this text about; classify this sentence",
    "tabular-classification": "classify the table in this image; predict the class of each row of the table; "
    "categorize the records in the spreadsheet picture",
    "object-detection": "find the objects in this picture; draw boxes around the cars; locate every person "
    "in the photo; detect what things are in the image; where are the items in the scene",
    "image-classification": "what is this a picture of; classify this image; which category does the photo "
    "belong to; what kind of animal is in the image; label the picture",
    "image-to-image": "transform this photo into a painting; change the style of the image; make the picture "
    "higher resolution; upscale the photo; turn the day photo into night; restore an old photograph; "
    "make it look like a cartoon",
    "image-to-text": "describe this image; caption the photo; what text is written in the picture; read "
    "the words in this image; a sentence about what the picture shows",
    "text-to-image": "draw a picture of a house; generate an image of a dog; paint a landscape; create an "
    "illustration; make artwork of a castle; design a poster showing a beach",
    "text-to-video": "make a video of a cat playing; generate a short clip; create an animation of a scene; "
    "produce a film showing the ocean; a moving video from this description",
    "visual-question-answering": "answer a question about this picture; what colour is the car in the "
    "photo; is the person in the image smiling; how many dogs are in the picture; what is he holding",
    "document-question-answering": "answer a question about this scanned document; what is the total on the "
    "invoice; who signed the form; what date is on the letter; find the amount in the receipt",
    "image-segmentation": "segment the image; separate the objects into regions; mask the person; divide "
    "the photo into parts; outline each object pixel by pixel; cut the subject from the background",
    "depth-estimation": "estimate the depth of the image; make a depth map; how far away are the objects; "
    "which things are closer to the camera",
    "image-editing": "edit the photo; change the colour of the car to red; remove the person from the "
    "picture; add a hat to the dog; replace the sky; make the wall blue",
    "text-to-speech": "read this aloud; say this sentence; turn the text into speech; make an audio "
    "recording of these words; narrate the story; voice this message",
    "automatic-speech-recognition": "transcribe the recording; what is said in this audio; write down "
    "the speech; convert the audio to text; the words spoken in the clip",
    "audio-to-audio": "remove the noise from the recording; clean up the audio; enhance the speech quality; "
    "separate the voice from the music; make the recording clearer",
    "audio-classification": "what sound is this; classify the audio clip; what emotion does the speaker "
    "have; recognise the command in the recording; which kind of noise is it",
}

# tasks whose text input may be the request's own words (a prompt); the other text tasks work on a text
# the request gives them (a quote, a passage, a text file: the "material")
PROMPTED = {"conversational", "text-generation", "text-to-image", "text-to-video"}


class _Index:
    """Exemplar embeddings of every votable task, computed once per process."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.ready = self.failed = False
        self.tasks: list[str] = []  # row -> task
        self.matrix: Any = None

    def get(self) -> _Index:
        if self.ready or self.failed:
            return self
        with self.lock:
            if not (self.ready or self.failed):
                try:
                    from ...experts.embedded.minilm import embed

                    rows: list[tuple[str, str]] = []
                    for task, phrases in _PHRASES.items():
                        spec = registry.get(task)
                        rows += [(task, p.strip()) for p in phrases.split(";") if p.strip()]
                        rows += [(task, spec.description), (task, spec.label)]
                    rows += [(it.task, e) for it in meaning.INTENTS if it.task in _PHRASES for e in it.examples]
                    self.tasks = [t for t, _ in rows]
                    self.matrix = embed([p for _, p in rows])
                    self.ready = True
                except Exception as e:  # MiniLM missing: the vote abstains, the rules plan alone
                    log.warning("embedded planner: no vote by meaning (%s)", e)
                    self.failed = True
        return self


INDEX = _Index()


def servable_inputs(task: str, modalities: set[str]) -> bool:
    """The task's inputs exist in the request: every media input is among `modalities`, and a task that
    works on a text has one ("text" in `modalities`) unless it is prompted by the request's own words."""
    mods = registry.get(task).input_modalities()
    if all(m == "text" for m in mods):
        return task in PROMPTED or "text" in modalities
    return all(m in modalities for m in mods if m != "text")


def scores(clauses: list[str]) -> list[dict[str, float]]:
    """For each clause, every task's cosine to its nearest exemplar ([] entries without MiniLM)."""
    idx = INDEX.get()
    if not idx.ready or not clauses:
        return [{} for _ in clauses]
    from ...experts.embedded.minilm import embed

    sims = embed(clauses) @ idx.matrix.T
    out = []
    for row in sims.tolist():
        best: dict[str, float] = {}
        for task, s in zip(idx.tasks, row, strict=True):
            if s > best.get(task, -1.0):
                best[task] = s
        out.append(best)
    return out


def rank(score: dict[str, float], modalities: set[str]) -> list[tuple[str, float]]:
    """The tasks the inputs can feed, best first."""
    ok = [(t, s) for t, s in score.items() if servable_inputs(t, modalities)]
    return sorted(ok, key=lambda x: -x[1])
