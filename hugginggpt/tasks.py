"""The task-type registry: every task the planner may use, with its arguments and outputs.

Covers the 23 Hugging Face Hub tasks of HuggingGPT's planner prompt, text-classification and
image-editing (TaskBench), and the ControlNet family of microsoft/JARVIS.
"""

from __future__ import annotations

from dataclasses import dataclass

from .types import Modality, arg_modality


@dataclass(frozen=True)
class TaskType:
    name: str
    inputs: tuple[str, ...]  # argument names; see types.arg_modality for their modality
    outputs: tuple[Modality, ...]
    description: str
    optional: tuple[str, ...] = ()  # arguments it can do without

    def input_modalities(self) -> tuple[Modality, ...]:
        return tuple(arg_modality(a) for a in self.inputs)

    @property
    def title(self) -> str:
        """TaskBench's name of the task ("Text-to-Image", "Automatic Speech Recognition")."""
        return _TITLES.get(self.name) or " ".join(w.capitalize() for w in self.name.split("-"))


_TITLES = {
    "text-to-image": "Text-to-Image",
    "text-to-video": "Text-to-Video",
    "text-to-speech": "Text-to-Speech",
    "image-to-image": "Image-to-Image",
    "image-to-text": "Image-to-Text",
    "audio-to-audio": "Audio-to-Audio",
}

TASKS: dict[str, TaskType] = {}


def _add(name: str, inputs: str, outputs: str, description: str, optional: str = "") -> None:
    TASKS[name] = TaskType(
        name,
        tuple(inputs.split()),
        tuple(outputs.split()),
        description,
        tuple(optional.split()),  # type: ignore[arg-type]
    )


# Language
_add("token-classification", "text", "text", "label words of a text (named entities, parts of speech)")
_add("text2text-generation", "text", "text", "rewrite text into new text (paraphrase, grammar fix, answer)")
_add("summarization", "text", "text", "shorten a text keeping its key points")
_add("translation", "text", "text", "translate a text into another language")
_add("question-answering", "text context", "text", "answer a question (text) from a context passage")
_add("conversational", "text", "text", "reply to a message in a dialogue")
_add("text-generation", "text", "text", "write new text continuing or following a prompt")
_add("sentence-similarity", "text1 text2", "text", "score how similar two sentences are")
_add("text-classification", "text", "text", "classify a text (sentiment, topic, language...)")
# Tables and vision
_add("tabular-classification", "image", "text", "classify the rows of a table given as an image")
_add("object-detection", "image", "image text", "find and box objects in an image")
_add("image-classification", "image", "text", "label what an image shows")
_add("image-to-image", "image text", "image", "transform an image (style, enhancement) guided by text", "text")
_add("image-to-text", "image", "text", "describe an image in words or read the text in it")
_add("text-to-image", "text", "image", "generate an image from a description")
_add("text-to-video", "text", "video", "generate a video from a description")
_add("visual-question-answering", "image text", "text", "answer a question (text) about an image")
_add("document-question-answering", "image text", "text", "answer a question (text) about a document image")
_add("image-segmentation", "image", "image text", "split an image into labelled regions (masks)")
_add("depth-estimation", "image", "image", "estimate the depth of each pixel of an image")
_add("image-editing", "image text", "image", "edit an image as a text instruction says")
# Audio
_add("text-to-speech", "text", "audio", "speak a text aloud")
_add("automatic-speech-recognition", "audio", "text", "transcribe speech in an audio file to text")
_add("audio-to-audio", "audio", "audio", "enhance or separate audio (denoise, speech enhancement)")
_add("audio-classification", "audio", "text", "label an audio clip (command, emotion, sound event)")
# ControlNet: conditions from an image, then images from a condition and a prompt
for _cond in ("canny", "hed", "mlsd", "normal", "openpose"):
    _add(f"{_cond}-control", "image", "image", f"extract the {_cond} control map of an image (for ControlNet)")
for _cond in ("canny", "depth", "hed", "mlsd", "normal", "openpose", "seg"):
    _add(
        f"{_cond}-text-to-image",
        "image text",
        "image",
        f"generate an image from a {_cond} control map and a text prompt (ControlNet)",
    )

HUB_TASKS = tuple(list(TASKS)[:25])  # the task tags a Hub model can carry


class UnknownTask(ValueError):
    pass


def get(name: str) -> TaskType:
    """The task type named `name`; an unknown name raises with the list of known ones."""
    try:
        return TASKS[name]
    except KeyError:
        raise UnknownTask(f"unknown task {name!r}; known tasks: {', '.join(TASKS)}") from None


def normalize_name(name: str) -> str:
    """Map spellings like 'Text-to-Image', 'object_detection', 'Automatic Speech Recognition' to the tag."""
    key = name.strip().lower().replace("_", "-").replace(" ", "-")
    if key in TASKS:
        return key
    squashed = {t.replace("-", ""): t for t in TASKS}
    return squashed.get(key.replace("-", ""), key)
