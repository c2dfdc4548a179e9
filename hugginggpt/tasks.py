"""The task-type registry: every task the planner may use, with its facts.

Covers the 23 Hugging Face Hub tasks of HuggingGPT's planner prompt, text-classification and
image-editing (TaskBench), and the ControlNet family of microsoft/JARVIS. Each task type carries the
facts the rest of the code asks about it (its Hub pipeline tag, whether a chat LLM can do it, the names
LLMs call it by, a plain-English label for messages): knowledge about a task has this one home.
"""

from __future__ import annotations

from dataclasses import dataclass

from .types import Modality


@dataclass(frozen=True)
class TaskType:
    name: str
    inputs: tuple[str, ...]  # argument names; see types.arg_modality for their modality
    outputs: tuple[Modality, ...]
    description: str
    optional: tuple[str, ...] = ()  # arguments it can do without
    hub_tag: str | None = None  # the Hub pipeline tag of models that do it (None: no Hub task)
    llm_servable: bool = False  # a chat LLM can do it from text alone
    synonyms: tuple[str, ...] = ()  # other names LLMs and people use for it (normalised spelling)
    label: str = ""  # plain English for messages: "read the text in an image"

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


def _add(
    name: str,
    inputs: str,
    outputs: str,
    description: str,
    optional: str = "",
    *,
    label: str,
    hub: bool | str = True,
    llm: bool = False,
    synonyms: str = "",
) -> None:
    TASKS[name] = TaskType(
        name,
        tuple(inputs.split()),
        tuple(outputs.split()),  # type: ignore[arg-type]
        description,
        tuple(optional.split()),
        hub_tag=(name if hub is True else hub) or None,
        llm_servable=llm,
        synonyms=tuple(_key(s) for s in synonyms.split(",") if s.strip()),
        label=label,
    )


def _key(name: str) -> str:
    return name.strip().lower().replace("_", "-").replace(" ", "-")


# Language
_add(
    "token-classification",
    "text",
    "text",
    "label words of a text (named entities, parts of speech)",
    label="find names, places and other entities in a text",
    llm=True,
    synonyms="named-entity-recognition, ner, entity-recognition, entity-extraction, part-of-speech-tagging, "
    "pos-tagging, keyword-extraction",
)
_add(
    "text2text-generation",
    "text",
    "text",
    "rewrite text into new text (paraphrase, grammar fix, answer)",
    label="rewrite a text",
    llm=True,
    synonyms="paraphrase, paraphrasing, grammar-correction, text-rewriting, rewriting, text2text",
)
_add(
    "summarization",
    "text",
    "text",
    "shorten a text keeping its key points",
    label="summarize a text",
    llm=True,
    synonyms="text-summarization, summarize, summary, summarisation",
)
_add(
    "translation",
    "text",
    "text",
    "translate a text into another language",
    label="translate a text",
    llm=True,
    synonyms="machine-translation, translate, text-translation",
)
_add(
    "question-answering",
    "text context",
    "text",
    "answer a question (text) from a context passage",
    label="answer a question from a passage",
    llm=True,
    synonyms="qa, extractive-question-answering, reading-comprehension, text-question-answering",
)
_add(
    "conversational",
    "text",
    "text",
    "reply to a message in a dialogue",
    "context",  # a text the reply is about: the letter read from a picture, the voicemail's words
    label="chat",
    llm=True,
    synonyms="chat, dialogue, dialog, chatbot, chat-completion",
)
_add(
    "text-generation",
    "text",
    "text",
    "write new text continuing or following a prompt",
    "context",  # a text the writing works from: "make this sound friendlier" (the text), "a poem from my notes"
    label="write text",
    llm=True,
    synonyms="text-completion, story-generation, writing, generate-text, creative-writing, llm",
)
_add(
    "sentence-similarity",
    "text1 text2",
    "text",
    "score how similar two sentences are",
    label="compare how similar two sentences are",
    synonyms="text-similarity, semantic-similarity, semantic-textual-similarity, sts",
)
_add(
    "text-classification",
    "text",
    "text",
    "classify a text (sentiment, topic, language...)",
    "labels",
    label="classify a text (sentiment, language, topic)",
    llm=True,
    synonyms="sentiment-analysis, sentiment-classification, sentiment, language-detection, "
    "language-identification, topic-classification, zero-shot-classification, text-categorization",
)
# Tables and vision
_add(
    "tabular-classification",
    "image",
    "text",
    "classify the rows of a table given as an image",
    label="classify the rows of a table",
    synonyms="table-classification",
)
_add(
    "object-detection",
    "image",
    "image text",
    "find and box objects in an image",
    label="find and box objects in an image",
    synonyms="detection, face-detection, person-detection, object-localization, object-recognition",
)
_add(
    "image-classification",
    "image",
    "text",
    "label what an image shows",
    label="label what an image shows",
    synonyms="image-recognition, image-labeling, image-tagging",
)
_add(
    "image-to-image",
    "image text",
    "image",
    "transform an image (style, enhancement) guided by text",
    "text",
    label="transform an image",
    synonyms="style-transfer, image-transformation, image-enhancement, super-resolution",
)
_add(
    "image-to-text",
    "image",
    "text",
    "describe an image in words or read the text in it",
    label="describe an image or read the text in it",
    synonyms="image-captioning, captioning, image-caption, caption, optical-character-recognition, ocr, "
    "text-recognition, text-extraction, image-description",
)
_add(
    "text-to-image",
    "text",
    "image",
    "generate an image from a description",
    label="draw an image from a description",
    synonyms="image-generation, generate-image, text2image, txt2img, image-synthesis, drawing",
)
_add(
    "text-to-video",
    "text",
    "video",
    "generate a video from a description",
    label="make a video from a description",
    synonyms="video-generation, text2video, generate-video",
)
_add(
    "visual-question-answering",
    "image text",
    "text",
    "answer a question (text) about an image",
    "context",  # an earlier result the answer may also draw on ("based on the transcript and the scan")
    label="answer a question about a picture",
    synonyms="vqa, image-question-answering, visual-qa",
)
_add(
    "document-question-answering",
    "image text",
    "text",
    "answer a question (text) about a document image",
    "context",  # an earlier result the answer may also draw on ("based on the transcript and the scan")
    label="answer a question about a document image",
    synonyms="document-qa, docvqa, document-visual-question-answering",
)
_add(
    "image-segmentation",
    "image",
    "image text",
    "split an image into labelled regions (masks)",
    label="cut out or outline regions of an image",
    synonyms="segmentation, semantic-segmentation, instance-segmentation, panoptic-segmentation, "
    "background-removal, remove-background",
)
_add(
    "depth-estimation",
    "image",
    "image",
    "estimate the depth of each pixel of an image",
    label="estimate depth in an image",
    synonyms="depth, monocular-depth-estimation, depth-map",
)
_add(
    "image-editing",
    "image text",
    "image",
    "edit an image as a text instruction says",
    label="edit an image",
    hub="image-to-image",  # instruction editors (pix2pix, Kontext) are image-to-image models on the Hub
    synonyms="image-edit, edit-image, instruct-pix2pix, image-inpainting, inpainting",
)
# Audio
_add(
    "text-to-speech",
    "text",
    "audio",
    "speak a text aloud",
    label="speak a text aloud",
    synonyms="tts, speech-synthesis, text2speech, read-aloud, voice-synthesis",
)
_add(
    "automatic-speech-recognition",
    "audio",
    "text",
    "transcribe speech in an audio file to text",
    label="transcribe speech",
    synonyms="asr, speech-recognition, speech-to-text, transcription, audio-transcription, stt",
)
_add(
    "audio-to-audio",
    "audio",
    "audio",
    "enhance or separate audio (denoise, speech enhancement)",
    label="clean up or separate audio",
    synonyms="speech-enhancement, audio-enhancement, noise-reduction, denoising, source-separation",
)
_add(
    "audio-classification",
    "audio",
    "text",
    "label an audio clip (command, emotion, sound event)",
    label="label an audio clip",
    synonyms="sound-classification, audio-tagging, speech-emotion-recognition",
)
# ControlNet: conditions from an image, then images from a condition and a prompt
_COND_WORDS = {
    "canny": ("edge map", "edge-detection, canny, canny-edge-detection, edges"),
    "hed": ("soft edge (HED) map", "hed, hed-edge-detection, soft-edge-detection"),
    "mlsd": ("straight-line (MLSD) map", "mlsd, line-detection, straight-line-detection"),
    "normal": ("surface-normal map", "normal-map, normal-estimation, surface-normal-estimation"),
    "openpose": (
        "pose skeleton",
        "pose-estimation, pose-detection, openpose, human-pose-estimation, keypoint-detection",
    ),
}
for _cond, (_what, _syn) in _COND_WORDS.items():
    _add(
        f"{_cond}-control",
        "image",
        "image",
        f"extract the {_cond} control map of an image (for ControlNet)",
        label=f"make the {_what} of an image",
        hub=False,
        synonyms=_syn,
    )
_MAP_NAMES = {c: w for c, (w, _) in _COND_WORDS.items()} | {"depth": "depth map", "seg": "segmentation map"}
for _cond in ("canny", "depth", "hed", "mlsd", "normal", "openpose", "seg"):
    _map = _MAP_NAMES[_cond]
    _add(
        f"{_cond}-text-to-image",
        "image text",
        "image",
        f"generate an image from a {_cond} control map and a text prompt (ControlNet)",
        label=f"draw an image from {'an' if _map[0] in 'aeiou' else 'a'} {_map} and a description",
        hub=False,
        synonyms=f"controlnet-{_cond}, {_cond}-controlnet, {_cond}-to-image",
    )

HUB_TASKS = tuple(name for name, t in TASKS.items() if t.hub_tag)  # the task tags a Hub model can carry


class UnknownTask(ValueError):
    pass


def get(name: str) -> TaskType:
    """The task type named `name`; an unknown name raises with the list of known ones."""
    try:
        return TASKS[name]
    except KeyError:
        raise UnknownTask(f"unknown task {name!r}; known tasks: {', '.join(TASKS)}") from None


_SYNONYMS: dict[str, str] = {s: t.name for t in TASKS.values() for s in t.synonyms}
_SQUASHED: dict[str, str] = {
    **{s.replace("-", ""): name for s, name in _SYNONYMS.items()},
    **{t.replace("-", ""): t for t in TASKS},
}


def normalize_name(name: str) -> str:
    """Map spellings and synonyms ('Text-to-Image', 'object_detection', 'Automatic Speech Recognition',
    'named-entity-recognition', 'OCR') to the registry's name; an unknown name comes back normalised."""
    key = _key(name)
    if key in TASKS:
        return key
    if key in _SYNONYMS:
        return _SYNONYMS[key]
    return _SQUASHED.get(key.replace("-", ""), key)


def is_synonym(name: str) -> bool:
    """True when `name` reached its task through the synonym table, not by spelling alone."""
    key = _key(name)
    return (
        key not in TASKS
        and normalize_name(name) in TASKS
        and key.replace("-", "") not in {t.replace("-", "") for t in TASKS}
    )
