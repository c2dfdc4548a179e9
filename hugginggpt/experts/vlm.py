"""Vision-language experts: captions, visual questions and "what is in this picture" answered by a chat
model that reads images (image content parts), the way these tasks are served today.

Two sources: the controller LLM when it is multimodal (gpt-4.1-mini, Llama-4-Scout on the router...),
offered by `controller_backend` next to the LLM's language tasks; and, with an HF token, the
image-text-to-text models that Inference Providers serve through Hugging Face's OpenAI-compatible router,
from the live Hub listing (backend `vlm`, registered with `register_backend`).
"""

from __future__ import annotations

import base64
import copy
import io
import threading
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..llm.base import ChatModel, LLMError, ModelRefused
from ..llm.router_models import RouterModels, image_readers
from ..llm.router_models import shared as shared_router_models
from ..types import WEB_IMAGE_TYPES, ModelInfo, Task
from .base import Expert, ExpertBackend, ExpertContext, ExpertError, register_backend

if TYPE_CHECKING:
    from ..config import Config

VLM_TASKS = ("image-to-text", "visual-question-answering", "document-question-answering")
HUB_TAG = "image-text-to-text"  # the Hub's pipeline tag of vision-language chat models
MAX_SIDE = 1024  # larger images are scaled down before they are sent (tokens, upload time)
MAX_TOKENS = 400
# Router VLMs offered when the Hub cannot be asked (offline listing, no network): marked unverified,
# ranked after any live one.
KNOWN_ROUTER_VLMS = (
    "meta-llama/Llama-4-Scout-17B-16E-Instruct",
    "Qwen/Qwen2.5-VL-72B-Instruct",
    "google/gemma-3-27b-it",
)
_PROMPTS = {
    "image-to-text": ("Describe this image in one or two sentences. If it contains text, quote the text exactly."),
    "visual-question-answering": "Answer the question about this image briefly. Question: {text}",
    "document-question-answering": "Answer the question from this document image, briefly. Question: {text}",
}


def image_part(path: Path) -> dict[str, Any]:
    """An OpenAI `image_url` content part holding the image as a data URL (scaled to MAX_SIDE)."""
    from PIL import Image, UnidentifiedImageError

    data = path.read_bytes()
    mime = WEB_IMAGE_TYPES.get(path.suffix.lower())
    try:
        with Image.open(io.BytesIO(data)) as img:
            if mime is None or max(img.size) > MAX_SIDE:
                img.thumbnail((MAX_SIDE, MAX_SIDE))
                buf = io.BytesIO()
                img.convert("RGB").save(buf, format="JPEG", quality=90)
                data, mime = buf.getvalue(), "image/jpeg"
    except (UnidentifiedImageError, OSError) as e:
        raise ExpertError(f"the image {path.name} cannot be read ({type(e).__name__})") from e
    return {"type": "image_url", "image_url": {"url": f"data:{mime};base64,{base64.b64encode(data).decode()}"}}


def build_messages(task: Task, inputs: dict[str, Any]) -> list[dict[str, Any]]:
    """The one-turn chat that asks a VLM to do `task` on its image input."""
    image = inputs.get("image")
    if image is None:
        raise ExpertError("the task has no image input")
    path = Path(image)
    if not path.is_file():
        raise ExpertError(f"the image input {path.name} does not exist")
    text = str(inputs.get("text") or task.args.get("text") or "").strip()
    if task.task != "image-to-text" and not text:
        raise ExpertError("the task has no question (text input)")
    prompt = _PROMPTS[task.task].format(text=text)
    context = str(inputs.get("context") or "").strip()
    if task.task != "image-to-text" and context:  # an earlier result the answer is also to draw on
        prompt += f"\nAlso use this text, which comes with the image:\n{context}"
    if task.task == "image-to-text" and text:  # "what is in this picture", "describe the colours"...
        prompt = f"{text}\n\n{prompt}"
    return [{"role": "user", "content": [{"type": "text", "text": prompt}, image_part(path)]}]


class VLMExpert(Expert):
    """A chat model that reads images, serving captions and visual questions."""

    backend = "vlm"

    def __init__(self, model: str, chat: ChatModel | None, route: str, *, verified: bool = True, **meta: Any):
        super().__init__(model, VLM_TASKS, **meta)
        self._chat = chat
        self.route = route  # "controller LLM via hf-router", "hf-router"...
        self.verified = verified
        self._make: Any = None  # a factory for the chat model, when it is built on first use
        self._refused: Any = None  # told when the router refuses the model (no provider serves it)
        self._lock = threading.Lock()

    def info(self, task: str) -> ModelInfo:
        info = super().info(task)
        if self.verified:
            return info
        note = f"unverified (not in today's provider listing); {info.description}"
        return replace(info, description=note, verified=False)

    def chat(self) -> ChatModel:
        with self._lock:
            if self._chat is None:
                self._chat = self._make()
            return self._chat

    def run(self, task: Task, inputs: dict[str, Any], ctx: ExpertContext) -> dict[str, Any]:
        if task.task not in VLM_TASKS:
            raise ExpertError(f"vision-language model {self.model} cannot run {task.task}")
        messages = build_messages(task, inputs)
        chat = self.chat()
        try:
            text = chat.complete(messages, max_tokens=MAX_TOKENS).text.strip()
        except LLMError as e:
            if isinstance(e, ModelRefused) and self._refused is not None:
                self._refused(self.model)
            raise ExpertError(f"vision-language model {self.model}: {e}") from e
        if not text:
            raise ExpertError(f"vision-language model {self.model} returned an empty reply")
        # the model that answered (the controller's may have been re-picked on the router during the run)
        return {"text": text, "data": {"route": self.route, "model": getattr(chat, "name", self.model)}}


class VLMBackend(ExpertBackend):
    """Vision-language chat models; ranked after the controller's language tasks, before the classic
    Hugging Face pipelines (no provider serves 2023's captioning and VQA models any more).

    Router models come from the Hub's live listing; the router's own list (`router`, its /v1/models)
    has the last word on what is served: a listed model it no longer serves is left out, and without a
    Hub listing its image-reading models are offered. Only when neither list can be read are the known
    models offered, marked unverified."""

    name = "vlm"
    priority = 25

    def __init__(
        self,
        experts: list[VLMExpert],
        catalog: Any = None,
        make: Any = None,
        router: RouterModels | None = None,
    ):
        self._experts = list(experts)
        # models offered elsewhere already (the multimodal controller on the same router): `without`
        self.skip: frozenset[str] = frozenset()
        self.catalog = catalog  # live listing of image-text-to-text models (HubCatalog), if any
        self.router = router  # the router's list of served models, if any
        self._make = make  # model id -> ChatModel on the router
        self._listed: dict[str, VLMExpert] = {}
        self._lock = threading.Lock()

    def without(self, model: str) -> VLMBackend:
        """This backend, not offering `model` (the controller LLM of a run offers it already)."""
        if not (self.catalog is not None and model not in self.skip):
            return self
        other = copy.copy(self)  # shares the experts built so far and their lock
        other.skip = self.skip | {model}
        return other

    def experts(self, task: str) -> list[Expert]:
        if task not in VLM_TASKS:
            return []
        return [*self._experts, *self._router_experts()]

    def _router_experts(self) -> list[VLMExpert]:
        if self.catalog is None:
            return []
        taken = {e.model for e in self._experts} | self.skip
        served = self.router.cached() if self.router is not None else None  # never the network here
        listed = [m for m in self.catalog.models(HUB_TAG) if m.id not in taken]
        verified = bool(listed) and self.catalog.source_of(HUB_TAG) == "hub"
        if served is not None:
            # the router's word on what it serves now beats the Hub's listing and the known models
            listed = [m for m in listed if verified and served.serves(m.id)] or [
                ModelInfo(
                    id=m.id,
                    task=HUB_TAG,
                    description=f"vision-language chat model served by {_served_by(m.providers)}",
                )
                for m in image_readers(served)
                if m.id not in taken
            ]
            verified = True
        elif not listed:
            listed = [
                ModelInfo(id=m, task=HUB_TAG, description="vision-language chat model") for m in KNOWN_ROUTER_VLMS
            ]
            listed = [m for m in listed if m.id not in taken]
        out = []
        with self._lock:
            for m in listed:
                key = f"{m.id}|{verified}"
                if key not in self._listed:
                    expert = VLMExpert(
                        m.id,
                        None,
                        "hf-router",
                        verified=verified,
                        downloads=m.downloads,
                        likes=m.likes,
                        description=f"{m.description}; reads images, via Hugging Face's router",
                        tags=m.tags,
                        license=m.license,
                    )
                    expert._make = lambda model=m.id: self._make(model)
                    expert._refused = self._refused
                    self._listed[key] = expert
                out.append(self._listed[key])
        return out

    def _refused(self, model: str) -> None:
        """The router refused `model`: read its list again, so that later runs do not offer it."""
        if self.router is not None:
            self.router.get(refresh=True)

    def prepare(self, tasks: list[str]) -> dict[str, str]:
        if self.catalog is None or not any(t in VLM_TASKS for t in tasks):
            return {}
        from .hf_inference import PREPARE_WAIT_S

        source = self.catalog.prefetch([HUB_TAG], PREPARE_WAIT_S, wait=True).get(HUB_TAG, "snapshot")
        out = {f"{t} (vision-language)": source for t in tasks if t in VLM_TASKS}
        if self.router is not None:
            listing = self.router.get()  # cached: asked at most once an hour, and after a refusal
            out["served on the router"] = (
                f"router list, {listing.age():.0f} s old" if listing is not None else "unknown (list unavailable)"
            )
        return out

    def start(self) -> None:
        if self.catalog is not None:
            self.catalog.prefetch([HUB_TAG], wait=False)


def _served_by(providers: tuple[str, ...]) -> str:
    """ "together, novita": the first four providers, the router itself where the listing names none
    first ("?")."""
    names = list(providers[:4])
    if names and names[0] == "?":
        names[0] = "Hugging Face's router"
    return ", ".join(names)


def controller_backend(llm: ChatModel) -> VLMBackend | None:
    """The controller LLM as a vision-language expert, when it reads images (None otherwise)."""
    inner = getattr(llm, "inner", llm)  # a MeteredChatModel wraps it
    if not getattr(inner, "vision", False):
        return None
    route = getattr(inner, "route", None)
    via = f" via {route.kind}" if route is not None else ""
    expert = VLMExpert(
        llm.name,
        llm,
        f"controller LLM{via}",
        description=f"the controller LLM ({llm.name}{via}), which reads images: captions and visual questions",
    )
    return VLMBackend([expert])


@register_backend("vlm", needs="token", offers=lambda task: task in VLM_TASKS)
def _factory(config: Config) -> VLMBackend | None:
    """Router VLMs from the live listing, with an HF token and no classic inference server. No network."""
    if not config.hf_token or (config.hf_base_url and not config.hf_router_url):
        return None
    from ..config import DEFAULT_HF_ROUTER_URL, LLMRoute
    from ..hub_catalog import HubCatalog
    from ..llm.openai_compatible import OpenAICompatible

    base = (config.hf_router_url or DEFAULT_HF_ROUTER_URL).rstrip("/")
    token, timeout = config.hf_token, config.task_timeout

    def make(model: str) -> ChatModel:
        route = LLMRoute("hf-router", model, base, token, vision=True)  # so that a refusal is recognised
        return OpenAICompatible.on_route(route, timeout=timeout, retries=0)

    catalog = HubCatalog(token=token, provider=config.hf_provider, fetch=False)
    # the controller's own model is left out per run, when it reads images (Pipeline.registry)
    return VLMBackend([], catalog, make, router=shared_router_models(base, token))
