"""Intents by meaning: the request's instruction against example phrasings of what people ask.

The instruction (the request without its quotes, passage and file names) is embedded with the MiniLM
encoder the embedded experts ship (one encode call per request) and compared with example phrasings
of each intent, embedded once per process. An intent names the task that serves it and how its
arguments are read; `route` then adapts it to the capability map (a question about the text in a
photo is read by OCR when no visual-question model can run). Without MiniLM this layer is off and the
rules plan alone (one log line says so).
"""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass
from typing import Any

log = logging.getLogger(__name__)

# intents about a picture: without one in the request they cannot be what it asks
IMAGE_INTENTS = frozenset(
    {"read-text", "ask-document", "count", "detect-objects", "cut-out", "edges", "edit", "caption", "ask-image"}
)
THRESHOLD = 0.52  # cosine to the nearest example phrasing below which no intent is claimed
SURE = 0.85  # a short instruction this close to an example overrules rules that saw several tasks


@dataclass(frozen=True)
class Intent:
    name: str
    task: str
    examples: tuple[str, ...]


def _i(name: str, task: str, examples: str) -> Intent:
    return Intent(name, task, tuple(e.strip() for e in examples.split(";") if e.strip()))


# Generic phrasings, written for this planner (none taken from an evaluation set).
INTENTS: tuple[Intent, ...] = (
    _i(
        "read-text",
        "image-to-text",
        "what does this sign say; what is written here; read the text in this image; what text is in this "
        "picture; transcribe the words in this photo; read this for me; what does the label say; copy the text "
        "from this screenshot; read the receipt; extract the text from this scan; what does the poster say; "
        "what is written on the board",
    ),
    _i(
        "ask-document",
        "document-question-answering",
        "what is the total on this receipt; how much did the coffee cost; what is the date on this invoice; "
        "who is this letter addressed to; what is the amount due on this bill; what time does the shop open "
        "according to the notice; how much was the tax",
    ),
    _i(
        "count",
        "object-detection",
        "how many faces are in this picture; how many people are in this photo; count the people; count the "
        "faces; find the faces in this photo; detect the people in this image; is there a person in this "
        "picture; is anyone in this photo; where are the faces; box the faces; spot the people in this image",
    ),
    _i(
        "detect-objects",
        "object-detection",
        "what objects are in this picture; detect the objects in this image; find all the cars in this photo; "
        "locate the dog in this picture; what things can you see on the table",
    ),
    _i(
        "cut-out",
        "image-segmentation",
        "cut the person out of this photo; remove the background; cut her out; make the background "
        "transparent; separate the person from the background; segment this image; isolate the subject; "
        "give me a mask of the person",
    ),
    _i(
        "edges",
        "canny-control",
        "show me the edges in this image; make an edge map; find the outlines; trace the edges of this "
        "picture; detect the edges; draw the contours of this photo",
    ),
    _i(
        "edit",
        "image-editing",
        "make it black and white; rotate this image by 90 degrees; flip this photo horizontally; make this "
        "picture brighter; blur this image; sharpen this photo; crop the image; resize this picture to half; "
        "increase the contrast; invert the colours; make it grayscale; turn the photo upside down; make it "
        "darker; mirror the image; make it look like a pencil sketch; give it a sepia look",
    ),
    _i(
        "caption",
        "image-to-text",
        "describe this photo; what is in this picture; what do you see in this image; caption this image; "
        "tell me about this photo; what is happening in this picture; write a caption for this photo",
    ),
    _i(
        "ask-image",
        "visual-question-answering",
        "what colour is the car in this photo; is the dog in this picture sleeping; what is the man holding; "
        "what animal is this; where was this photo taken; what is the weather like in this picture",
    ),
    _i(
        "transcribe",
        "automatic-speech-recognition",
        "transcribe this recording; what is said in this audio; write down what the speaker says; turn this "
        "voice memo into text; what does she say in this clip; convert this speech to text; give me the "
        "transcript of this audio; what are they saying",
    ),
    _i(
        "speak",
        "text-to-speech",
        "say welcome in a natural voice; read this sentence aloud; convert this text to speech; speak these "
        "words; say good morning; read it out loud; make an audio of this sentence; pronounce this",
    ),
    _i(
        "read-aloud",
        "text-to-speech",
        "read this sign out loud; read the text in this picture aloud; read this page aloud to me; say what "
        "this notice says out loud; read the receipt aloud",
    ),
    _i(
        "sentiment",
        "text-classification",
        "is this review positive or negative; what is the sentiment of this text; how does this customer "
        "feel; is this comment happy or angry; does this tweet sound positive; what is the tone of this "
        "message; is the writer pleased",
    ),
    _i(
        "language",
        "text-classification",
        "which language is this sentence in; what language is this written in; detect the language of this "
        "text; identify the language; is this french or spanish; what language is this",
    ),
    _i(
        "topic",
        "text-classification",
        "is this headline about sports, politics or cooking; classify this text as business, science or "
        "entertainment; which category does this article belong to: tech, health or travel; is this news "
        "about finance or weather; label this text with one of these topics",
    ),
    _i(
        "similarity",
        "sentence-similarity",
        "how similar are these two sentences; do these sentences mean the same thing; compare these two "
        "texts; are these phrases paraphrases of each other; how close in meaning are these",
    ),
    _i(
        "qa",
        "question-answering",
        "answer the question from the passage; based on this text, who did it; according to the paragraph, "
        "when did it happen; read the context and answer the question",
    ),
    _i(
        "summarize",
        "summarization",
        "summarize this; give me the key points of this paragraph; make this shorter; what is the gist of "
        "this article; tl;dr; sum up this text in a few sentences; condense this report",
    ),
    _i(
        "draw",
        "text-to-image",
        "draw a picture of a lighthouse; generate an image of a cat; create an illustration of a forest; "
        "paint a sunset; make a picture of a dragon; show me an image of a red car",
    ),
    _i(
        "translate",
        "translation",
        "translate this into spanish; how do you say good night in french; what is this in german; put this "
        "sentence into italian",
    ),
    _i(
        "write",
        "text-generation",
        "write a short poem about the sea; write a story about a robot; compose an email to my boss; write "
        "a paragraph about climate change; continue this story; write a haiku",
    ),
    _i(
        "chat",
        "conversational",
        "hello; hi there; thanks, that was helpful; how are you; good morning; what can you do; who are "
        "you; thank you very much; bye; nice to meet you; tell me a joke; what do you think about music",
    ),
)


class _Index:
    """The example phrasings' embeddings, computed once per process."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.ready = False
        self.failed = False
        self.rows: list[int] = []  # row -> intent index
        self.matrix: Any = None

    def get(self):
        if self.ready or self.failed:
            return self
        with self.lock:
            if self.ready or self.failed:
                return self
            try:
                from ...experts.embedded.minilm import embed

                texts = [e for it in INTENTS for e in it.examples]
                self.rows = [k for k, it in enumerate(INTENTS) for _ in it.examples]
                self.matrix = embed(texts)
                self.ready = True
            except Exception as e:  # MiniLM not installed (or its weights missing): rules only
                log.warning("embedded planner: MiniLM is not available (%s); planning with the rules only", e)
                self.failed = True
        return self


INDEX = _Index()


def available() -> bool:
    return INDEX.get().ready


def classify(instruction: str) -> tuple[Intent | None, float]:
    """The nearest intent of an instruction and its cosine (None when MiniLM is missing)."""
    idx = INDEX.get()
    if not idx.ready or not instruction.strip():
        return None, 0.0
    from ...experts.embedded.minilm import embed

    v = embed([instruction])[0]
    scores = idx.matrix @ v
    best: dict[int, float] = {}
    for row, s in zip(idx.rows, scores.tolist(), strict=True):
        best[row] = max(best.get(row, -1.0), s)
    k = max(best, key=best.get)  # type: ignore[arg-type]
    return INTENTS[k], best[k]


# ---- the parts of a short request -------------------------------------------------------------------

_LABELLED = re.compile(r"^\s*(?:context|passage|text)\s*:\s*(?P<ctx>.+?)\s*question\s*:\s*(?P<q>.+?)\s*$", re.I | re.S)
_COLON = re.compile(r"^(?P<head>[^:\"'“‘]{3,120}?):\s+(?P<body>\S.*)$", re.S)
_LEAD_Q = re.compile(r"^(?P<head>[^?\"'“‘]{3,120}\?)\s+(?P<body>[A-Z\"'“‘].{8,})$", re.S)
# "Give me the key points of the following paragraph. <passage>"
_LEAD_SENT = re.compile(
    r"^(?P<head>[^.!?:\"'“‘]{3,120}\b(?:following|this|these|the text below)\b[^.!?:]{0,40}[.!])\s+(?P<body>\S.{15,})$",
    re.S | re.I,
)
_TAIL_Q = re.compile(
    r"^(?P<body>.{15,}?[.!])\s+(?P<head>(?:who|whom|whose|what|when|where|which|why|how)\b[^.!?]{3,200}\?)\s*$",
    re.S | re.I,
)


@dataclass
class Parts:
    instruction: str  # what is asked, without the passage it is about
    passage: str = ""  # an unquoted text the request is about ("Summarize this: ...")
    question: str = ""  # a question asked about the passage


def split(text: str, quotes: list[str]) -> Parts:
    """The instruction, the passage and the question of a short request."""
    if m := _LABELLED.match(text):
        q = m["q"].strip()
        return Parts(q, m["ctx"].strip(), q[0].upper() + q[1:])
    if not quotes:
        if m := _COLON.match(text):
            return Parts(m["head"].strip(), m["body"].strip())
        if m := _LEAD_Q.match(text):
            return Parts(m["head"].strip(), m["body"].strip())
        if m := _LEAD_SENT.match(text):
            return Parts(m["head"].strip(), m["body"].strip())
        if m := _TAIL_Q.match(text):
            return Parts(m["head"].strip(), m["body"].strip(), m["head"].strip())
    return Parts(text)


# ---- an intent as a plan, routed by the capability map ----------------------------------------------

_LIST = re.compile(
    r"\b(?:about|as|into|among|between|(?:one of|any of)(?: these)?(?: topics| labels| categories)?:?)\s+"
    r"(?P<items>[\w -]+?(?:\s*,\s*[\w -]+?)*\s*,?\s+(?:or|and)\s+[\w-]+(?: [\w-]+)?)\s*(?:[?.:!]|$)",
    re.I,
)


def _labels(instruction: str) -> str | None:
    """The candidate labels a request lists ("about sports, politics or cooking")."""
    m = _LIST.search(instruction)
    if not m:
        return None
    items = [x.strip() for x in re.split(r"\s*,\s*|\s+(?:or|and)\s+", m["items"]) if x.strip()]
    return ", ".join(items) if len(items) >= 2 else None


_LANGUAGE_Q = re.compile(r"\b(?:what|which) language\b|\blanguage (?:is|of)\b|\b(?:identify|detect) the language", re.I)


def labels_for(request: str) -> str | None:
    """text-classification's `labels` by what the request asks: "language", the listed labels, or None
    (sentiment, the expert's default). `request` has its quotes blanked out."""
    if _LANGUAGE_Q.search(request):
        return "language"
    return _labels(request)


def _serves(capabilities: Any, task: str) -> bool:
    return capabilities is None or capabilities.serves(task)


def _captions(capabilities: Any) -> bool:
    """image-to-text can describe a photo now (not only read its text: OCR is all the embedded model does)."""
    if capabilities is None:
        return True
    return any("ocr" not in e.meta.get("tags", ()) for e in capabilities.experts("image-to-text"))


def build(
    intent: Intent, parts: Parts, quotes: list[str], files: list[tuple[str, str]], capabilities: Any
) -> list[dict] | None:
    """The plan of a one-intent request, or None when the rules should plan it (an input is missing)."""
    images = [f for f, m in files if m == "image"]
    audios = [f for f, m in files if m == "audio"]
    image = images[-1] if images else None
    text = quotes[0] if quotes else parts.passage
    question = parts.question or parts.instruction

    def one(task: str, **args: str) -> list[dict]:
        return [{"id": 0, "task": task, "dep": [-1], "args": args}]

    name = intent.name
    if name == "chat":
        return [] if not quotes and not parts.passage and not files else None
    if name in ("read-text", "ask-document", "count", "detect-objects", "cut-out", "edges", "edit", "caption"):
        if image is None:
            return None
    if name == "read-text":
        return one("image-to-text", image=image)
    if name == "ask-document":
        for task in ("document-question-answering", "visual-question-answering"):
            if _serves(capabilities, task):
                return one(task, image=image, text=question)
        return one("image-to-text", image=image)  # the text read; the answer picks the line asked about
    if name in ("count", "detect-objects", "cut-out", "edges"):
        return one(intent.task, image=image)
    if name == "edit":
        return one("image-editing", image=image, text=parts.instruction)
    if name == "caption":
        if _captions(capabilities):
            return one("image-to-text", image=image)
        # OCR text is no description of a photo: ask a visual model, or say which one it needs
        return one("visual-question-answering", image=image, text="Describe this image.")
    if name == "ask-image":
        if image is None:
            return None
        if not _serves(capabilities, "visual-question-answering") and re.search(
            r"\bhow many\b.*\b(?:faces?|people|persons?|men|women|kids|children)\b", question, re.I
        ):
            return one("object-detection", image=image)
        return one("visual-question-answering", image=image, text=question)
    if name == "transcribe":
        return one("automatic-speech-recognition", audio=audios[-1]) if audios else None
    if name == "read-aloud":
        if image is not None and not text:
            return [
                {"id": 0, "task": "image-to-text", "dep": [-1], "args": {"image": image}},
                {"id": 1, "task": "text-to-speech", "dep": [0], "args": {"text": "<GENERATED>-0"}},
            ]
        return one("text-to-speech", text=text) if text else None
    if name == "speak":
        return one("text-to-speech", text=text) if text else None
    if name in ("sentiment", "language", "topic"):
        if not text:
            return None
        labels = {"sentiment": None, "language": "language", "topic": labels_for(parts.instruction)}[name]
        return one("text-classification", text=text, **({"labels": labels} if labels else {}))
    if name == "similarity":
        return one("sentence-similarity", text1=quotes[0], text2=quotes[1]) if len(quotes) >= 2 else None
    if name == "qa":
        context = quotes[0] if quotes else parts.passage
        return one("question-answering", text=question, context=context) if context else None
    if name == "summarize":
        return one("summarization", text=text) if text else None
    if name in ("draw", "write"):
        return one(intent.task, text=text or parts.instruction)
    if name == "translate":
        return one("translation", text=text) if text else None
    return None
