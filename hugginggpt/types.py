"""The typed domain of a run: plan -> choices -> results -> answer, and the events that carry them.

Plain dataclasses, no I/O. Everything past the plan parser speaks these types, never raw dicts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Literal

Modality = Literal["text", "image", "audio", "video"]
MEDIA: tuple[Modality, ...] = ("image", "audio", "video")
GENERATED = "<GENERATED>-"


# file extensions of the media a plan can name and the app accepts
MEDIA_EXTENSIONS: dict[Modality, tuple[str, ...]] = {
    "image": (".png", ".jpg", ".jpeg", ".gif", ".bmp", ".webp", ".tif", ".tiff"),
    "audio": (".wav", ".mp3", ".flac", ".ogg", ".m4a", ".aac", ".opus"),
    "video": (".mp4", ".webm", ".mov", ".avi", ".mkv"),
}
# the image types a browser and a vision model's data URL take as they are (others are re-encoded)
WEB_IMAGE_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
}


def media_kind(name: str) -> Modality | None:
    """The media modality a file name suggests ('a.png' -> image), if any."""
    suffix = PurePosixPath(name.strip()).suffix.lower()
    return next((kind for kind, exts in MEDIA_EXTENSIONS.items() if suffix in exts), None)


def arg_modality(name: str) -> Modality:
    """The modality of a task argument, from its name: image/audio/video are media, all else is text."""
    return name if name in MEDIA else "text"  # type: ignore[return-value]


# why a task cannot run now: what would enable it
MissingKind = Literal[
    "token",  # a Hugging Face token (Inference Providers)
    "llm",  # a chat LLM (OpenAI-compatible endpoint)
    "remote",  # either of the two: no model on this machine does it
    "mode",  # a model exists, in another mode (offline models while in remote mode)
    "package",  # its offline model's package is not installed (detail: what to pip install)
    "provider",  # the configured provider or server does not serve it (detail: why)
    "loading",  # its model is still loading
    "space",  # a public Hugging Face Space does it, in hybrid or remote mode (no token needed)
    "none",  # nothing serves it in any mode
]


@dataclass(frozen=True)
class Missing:
    """Why a task cannot run now, as data; `capabilities.render` turns it into one sentence."""

    kind: MissingKind
    detail: str = ""


@dataclass(frozen=True)
class Task:
    """One step of a plan. `dep` lists the ids it waits for (empty: none)."""

    id: int
    task: str
    args: dict[str, str]
    dep: tuple[int, ...] = ()

    def refs(self) -> dict[str, int]:
        """Argument name -> id of the task whose output it takes (`<GENERATED>-k`)."""
        out = {}
        for name, value in self.args.items():
            if isinstance(value, str) and value.startswith(GENERATED):
                out[name] = int(value[len(GENERATED) :])
        return out

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "task": self.task, "dep": list(self.dep) or [-1], "args": dict(self.args)}


@dataclass(frozen=True)
class Route:
    """A part of the request served another way than by its own task ("no visual model runs here: the
    question is answered from the text read in the picture"): `note` is said when task `task_id` did it,
    `otherwise` (what the part's own task needs) when it did not."""

    task_id: int
    note: str
    otherwise: str = ""

    def __str__(self) -> str:
        return self.note


@dataclass
class Plan:
    """A validated DAG of tasks. `notes` records every repair the validator made; `dropped` says, one
    sentence each, which tasks of the LLM's plan were left out as unusable and why; `unplanned`, which
    parts of the request no task serves and why; `routes`, where a part is served another way than its own
    task ("answered from the text read in the picture"). The answer says all three."""

    tasks: list[Task]
    notes: list[str] = field(default_factory=list)
    raw: str = ""
    dropped: list[str] = field(default_factory=list)
    unplanned: list[str] = field(default_factory=list)
    routes: list[Route] = field(default_factory=list)
    # the tasks whose results the request asked for, not the conversions on the way (None: the planner
    # does not say, as an LLM's plan): the answer shows each of them
    asked: list[int] | None = None

    def to_json(self) -> list[dict[str, Any]]:
        return [t.to_json() for t in self.tasks]

    def by_id(self) -> dict[int, Task]:
        return {t.id: t for t in self.tasks}


@dataclass(frozen=True)
class ModelInfo:
    """Catalog metadata of a model that can serve a task."""

    id: str
    task: str
    backend: str = "huggingface"
    downloads: int = 0
    likes: int = 0
    description: str = ""
    tags: tuple[str, ...] = ()
    license: str | None = None
    language: str | None = None
    # False: from the shipped 2023 snapshot, not confirmed by today's provider listing (ranked last)
    verified: bool = True

    @property
    def url(self) -> str | None:
        if self.backend == "spaces":  # a Space: its page on the Hub, or the app's own URL
            web = self.id.startswith(("http://", "https://"))
            return self.id if web else f"https://huggingface.co/spaces/{self.id}"
        return f"https://huggingface.co/{self.id}" if self.backend in ("huggingface", "hf-inference") else None


@dataclass
class ModelChoice:
    """The model chosen for a task, why, and the ranked candidates to fall back on."""

    task_id: int
    model: str
    backend: str
    reason: str
    candidates: list[ModelInfo] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "model": self.model,
            "backend": self.backend,
            "reason": self.reason,
            "candidates": [f"{c.backend}:{c.id}" for c in self.candidates],
        }


Status = Literal["done", "failed", "skipped"]


@dataclass
class TaskResult:
    """What a task produced. `outputs` maps a modality (text/image/audio/video/data) to a value;
    media values are paths inside the run's workspace."""

    task_id: int
    task: str
    status: Status
    outputs: dict[str, Any] = field(default_factory=dict)
    error: str | None = None
    model: str | None = None
    backend: str | None = None
    seconds: float = 0.0
    attempts: list[str] = field(default_factory=list)
    unavailable: bool = False  # no model here can run it: `error` is the capability map's whole sentence

    def media(self) -> list[tuple[str, Path]]:
        """Its media outputs that are on disk, as (kind, path)."""
        return [(k, Path(v)) for k, v in self.outputs.items() if k in MEDIA and v and Path(v).is_file()]

    def to_json(self) -> dict[str, Any]:
        outputs = {k: (v.name if isinstance(v, Path) else v) for k, v in self.outputs.items()}
        return {
            "status": self.status,
            "task": self.task,
            "model": self.model,
            "backend": self.backend,
            "outputs": outputs,
            "error": self.error,
            "seconds": round(self.seconds, 3),
            "attempts": list(self.attempts),
            **({"unavailable": True} if self.unavailable else {}),
        }


@dataclass
class Usage:
    """LLM calls and tokens spent on one request."""

    calls: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0

    def add(self, prompt_tokens: int, completion_tokens: int) -> None:
        self.calls += 1
        self.prompt_tokens += prompt_tokens
        self.completion_tokens += completion_tokens

    def to_json(self) -> dict[str, int]:
        return {"calls": self.calls, "prompt_tokens": self.prompt_tokens, "completion_tokens": self.completion_tokens}


@dataclass
class Request:
    """A user turn: text plus uploaded files; `plan` set means 'execute this, skip planning'."""

    text: str
    files: list[Path] = field(default_factory=list)
    plan: Plan | None = None
    # the visitor's X-IP-Token header on a Space: public ZeroGPU Spaces count their quota on it
    ip_token: str | None = field(default=None, repr=False)


# ---- events: the one stream the CLI and the UI consume --------------------------------------


@dataclass
class Event:
    t: float = field(default=0.0, kw_only=True)  # seconds since the run started


@dataclass
class PlanReady(Event):
    plan: Plan
    source: str = "llm"  # llm | offline | given | none


@dataclass
class ModelsSelected(Event):
    choices: dict[int, ModelChoice]


@dataclass
class TaskStarted(Event):
    task: Task
    model: str
    backend: str


@dataclass
class TaskFinished(Event):
    result: TaskResult


@dataclass
class TaskFailed(Event):
    result: TaskResult


@dataclass
class TaskSkipped(Event):
    result: TaskResult


@dataclass
class AnswerDelta(Event):
    text: str


@dataclass
class FinalAnswer(Event):
    answer: str
    trace: dict[str, Any]


@dataclass
class RunFailed(Event):
    """The run could not answer (the LLM is down, the plan is unusable...). `message` says how to fix it."""

    message: str
    stage: str
    trace: dict[str, Any] = field(default_factory=dict)
