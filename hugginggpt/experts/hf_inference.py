"""Hugging Face experts: catalog models run through Inference Providers (`huggingface_hub.InferenceClient`).

With `config.hf_base_url` set, every call goes to `{base}/models/{model_id}` in the classic HF inference
wire format instead (what `InferenceClient(model=URL)` sends): a self-hosted server, or the loopback fake
of the tests. Remote failures become `ExpertError` with one sentence naming the model.
"""

from __future__ import annotations

import base64
import io
import json
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from huggingface_hub import InferenceClient
from huggingface_hub.errors import (
    GatedRepoError,
    HfHubHTTPError,
    InferenceTimeoutError,
    OfflineModeIsEnabled,
    RepositoryNotFoundError,
)
from huggingface_hub.utils import get_session, hf_raise_for_status
from PIL import Image, ImageDraw, UnidentifiedImageError

from ..types import Missing, ModelInfo, Task, arg_modality
from .base import Expert, ExpertBackend, ExpertContext, ExpertError, register_backend

if TYPE_CHECKING:
    from ..config import Config


class ModelCatalog(Protocol):
    def models(self, task: str) -> list[ModelInfo]: ...


def _transport_errors() -> tuple[tuple[type[Exception], ...], tuple[type[Exception], ...]]:
    """(timeout, other transport) exception types of every HTTP stack the SDK may use: huggingface_hub
    2.x talks through httpx2, 1.x through httpx, and neither wraps connection errors."""
    timeouts: list[type[Exception]] = [InferenceTimeoutError]
    transport: list[type[Exception]] = []
    for name in ("httpx2", "httpx"):
        try:
            mod = __import__(name)
        except ImportError:
            continue
        timeouts.append(mod.TimeoutException)
        transport.append(mod.TransportError)
    return tuple(timeouts), tuple(transport)


_TIMEOUT_ERRORS, _TRANSPORT_ERRORS = _transport_errors()

CHAT_TASKS = ("text-generation", "conversational", "text2text-generation")
# Tasks no Inference Provider route of the SDK serves; with a base URL they go through a raw POST.
RAW_ONLY_TASKS = ("depth-estimation",)
# hf-inference refuses text-to-video, so behind a base URL it is a raw POST too.
RAW_WITH_BASE_URL = ("depth-estimation", "text-to-video")
# instruction edits, and ControlNet generation (no provider serves a ControlNet model), run as
# image-to-image with a prompt on the editing models providers serve
CONTROL_TASKS = tuple(f"{c}-text-to-image" for c in ("canny", "depth", "hed", "mlsd", "normal", "openpose", "seg"))
SDK_TASK = {"image-editing": "image-to-image", **{t: "image-to-image" for t in CONTROL_TASKS}}
LOADING_RETRY_MAX_S = 10.0  # retry a loading model once when it says it will be ready this soon


# ---- outputs -> resources --------------------------------------------------------------------


def save_image(image: Image.Image | bytes, ctx: ExpertContext, stem: str) -> Path:
    """Write an image (PIL or encoded bytes of any format) as PNG in the workspace."""
    if isinstance(image, (bytes, bytearray)):
        image = Image.open(io.BytesIO(image))
    if image.mode in ("I", "I;16", "F"):  # 16-bit / float maps (depth): stretch to 8-bit grey
        image = _to_grey(image)
    elif image.mode not in ("RGB", "RGBA", "L"):
        image = image.convert("RGBA" if "A" in image.getbands() else "RGB")
    path = ctx.new_file(stem, ".png")
    image.save(path, format="PNG")
    return path


def _to_grey(image: Image.Image) -> Image.Image:
    import numpy as np

    arr = np.asarray(image, dtype=np.float32)
    span = float(arr.max() - arr.min()) or 1.0
    return Image.fromarray(((arr - arr.min()) / span * 255).astype("uint8"), mode="L")


def save_audio(data: bytes, ctx: ExpertContext, stem: str) -> Path:
    """Write audio bytes as FLAC or WAV (kept as is when already one of them, else decoded to WAV)."""
    if data[:4] == b"fLaC":
        path = ctx.new_file(stem, ".flac")
    elif data[:4] == b"RIFF" and data[8:12] == b"WAVE":
        path = ctx.new_file(stem, ".wav")
    else:
        import soundfile as sf

        try:
            samples, rate = sf.read(io.BytesIO(data))
        except Exception as e:  # soundfile raises its own LibsndfileError / RuntimeError
            raise ValueError(f"audio in an unknown format ({data[:4]!r})") from e
        path = ctx.new_file(stem, ".wav")
        sf.write(path, samples, rate, format="WAV")
        return path
    path.write_bytes(data)
    return path


def save_video(data: bytes, ctx: ExpertContext, stem: str) -> Path:
    suffix = ".webm" if data[:4] == b"\x1a\x45\xdf\xa3" else ".gif" if data[:3] == b"GIF" else ".mp4"
    path = ctx.new_file(stem, suffix)
    path.write_bytes(data)
    return path


_PALETTE = [(255, 0, 0), (0, 200, 0), (0, 90, 255), (255, 160, 0), (200, 0, 200), (0, 200, 200), (255, 255, 0)]


def draw_boxes(image_path: Path, detections: list[dict[str, Any]], ctx: ExpertContext) -> Path:
    """A copy of the image with each detection's box and label drawn on it."""
    with Image.open(image_path) as src:
        img = src.convert("RGB")
    draw = ImageDraw.Draw(img)
    colors: dict[str, tuple[int, int, int]] = {}
    width = max(2, round(min(img.size) / 150))
    for d in detections:
        color = colors.setdefault(d["label"], _PALETTE[len(colors) % len(_PALETTE)])
        b = d["box"]
        draw.rectangle([b["xmin"], b["ymin"], b["xmax"], b["ymax"]], outline=color, width=width)
        caption = f"{d['label']} {d['score']:.2f}"
        draw.text((b["xmin"] + width + 1, b["ymin"] + width + 1), caption, fill=color)
    return save_image(img, ctx, "boxes")


def overlay_masks(image_path: Path, segments: list[tuple[str, Image.Image]], ctx: ExpertContext) -> Path:
    """A copy of the image with each segment's mask tinted in its own color."""
    with Image.open(image_path) as src:
        base = src.convert("RGBA")
    for i, (_, mask) in enumerate(segments):
        m = mask.convert("L").resize(base.size)
        tint = Image.new("RGBA", base.size, _PALETTE[i % len(_PALETTE)] + (0,))
        tint.putalpha(m.point(lambda v: 110 if v > 127 else 0))
        base = Image.alpha_composite(base, tint)
    return save_image(base.convert("RGB"), ctx, "segments")


def count_summary(labels: list[str]) -> str:
    """'2 person, 1 dog' (most frequent first); 'nothing found' when empty."""
    if not labels:
        return "nothing found"
    return ", ".join(f"{n} {label}" for label, n in Counter(labels).most_common())


def labels_summary(items: list[dict[str, Any]], top: int = 5) -> str:
    return ", ".join(f"{d['label']} ({d['score']:.2f})" for d in items[:top]) or "no label"


def _as_dict(item: Any) -> dict[str, Any]:
    """SDK output dataclass -> plain JSON-able dict (they are dict subclasses in 1.x/2.x, dataclasses in 0.x)."""
    if isinstance(item, dict):
        return {k: _as_dict(v) if isinstance(v, dict) else v for k, v in item.items()}
    from dataclasses import asdict, is_dataclass

    return asdict(item) if is_dataclass(item) else dict(item)


# ---- the expert ------------------------------------------------------------------------------


class HFExpert(Expert):
    """One catalog model, run remotely through `InferenceClient` (or a raw POST, see RAW_WITH_BASE_URL)."""

    backend = "huggingface"

    def __init__(self, model: str, tasks: tuple[str, ...], hf: HFInferenceBackend, **meta: Any):
        super().__init__(model, tasks, **meta)
        self.hf = hf

    def info(self, task: str) -> ModelInfo:
        info = super().info(task)
        if self.meta.get("verified", True):
            return info
        note = f"unverified: from the 2023 snapshot, not in today's provider listing; {info.description}"
        return replace(info, description=note, verified=False)

    # -- plumbing
    @property
    def target(self) -> str:
        """What the client gets as `model`: the model id, or its URL under the base URL."""
        base = self.hf.base_url
        return f"{base}/models/{self.model}" if base else self.model

    def client(self, timeout: float) -> InferenceClient:
        if self.hf.base_url:
            return InferenceClient(model=self.target, token=self.hf.token, timeout=timeout)
        return InferenceClient(model=self.model, provider=self.hf.provider, token=self.hf.token, timeout=timeout)

    def raw_post(self, timeout: float, *, json_body: Any = None, data: bytes | None = None) -> tuple[bytes, str]:
        """POST to the model's URL in the classic wire format; returns (body, content type)."""
        headers = {"Authorization": f"Bearer {self.hf.token}"} if self.hf.token else {}
        resp = get_session().post(self.target, json=json_body, content=data, headers=headers, timeout=timeout)
        hf_raise_for_status(resp)
        return resp.content, resp.headers.get("content-type", "")

    def run(self, task: Task, inputs: dict[str, Any], ctx: ExpertContext) -> dict[str, Any]:
        handler = _HANDLERS.get(task.task)
        if handler is None:
            raise ExpertError(f"hf model {self.model} cannot run {task.task}: {self.hf.missing_reason(task.task)}")
        timeout = ctx.timeout or self.hf.timeout
        # media only from the resolved inputs (checked to lie in the workspace), never the raw plan text
        args = {k: v for k, v in task.args.items() if arg_modality(k) == "text"} | inputs
        args["_task"] = task.task  # the handler of several task types (ControlNet) needs to know which
        deadline = time.monotonic() + timeout
        retried = False
        while True:
            try:
                return handler(self, self.client(timeout), args, ctx, timeout)
            except (
                HfHubHTTPError,
                *_TIMEOUT_ERRORS,
                *_TRANSPORT_ERRORS,
                OfflineModeIsEnabled,
                ValueError,
                KeyError,
                UnidentifiedImageError,
            ) as e:
                # a 503 "model is loading" reply that says how long: wait that once, when the deadline allows
                wait = _loading_time(e) if isinstance(e, HfHubHTTPError) else None
                left = deadline - time.monotonic()
                if not retried and wait is not None and wait <= self.hf.loading_retry_s and wait + 1.0 < left:
                    retried = True
                    ctx.sleep(wait)  # ends early when the run is stopped or its deadline passes
                    timeout = max(1.0, deadline - time.monotonic())
                    continue
                if _not_served(e):
                    self.hf.forget(task.task, self.model)
                raise self.error(e, timeout) from e

    def error(self, e: Exception, timeout: float) -> ExpertError:
        """One clear sentence naming the model and what happened; never the token."""
        who = f"hf model {self.model}"
        where = f"the server at {self.hf.base_url}" if self.hf.base_url else "Hugging Face Inference Providers"
        if isinstance(e, _TIMEOUT_ERRORS):
            msg = f"{who} did not answer within {timeout:g} s; try again or pick another"
        elif isinstance(e, OfflineModeIsEnabled):
            msg = f"{who} cannot be reached: HF_HUB_OFFLINE is set; unset it to use remote models"
        elif isinstance(e, _TRANSPORT_ERRORS):
            what = "cannot connect to" if "Connect" in type(e).__name__ else "lost the connection to"
            msg = f"{who} is unreachable: {what} {where} ({type(e).__name__}); check the network"
        elif isinstance(e, HfHubHTTPError):
            msg = _http_message(who, e, where)
        elif isinstance(e, ValueError) and ("provider" in str(e).lower() or "not supported" in str(e)):
            msg = f"{who} is not served by {self._provider_name()}: {_short(str(e))}"
        else:
            msg = f"{who} returned a reply that could not be read ({type(e).__name__}: {_short(str(e))})"
        return ExpertError(self.hf.scrub(msg))

    def _provider_name(self) -> str:
        p = self.hf.provider
        return "any Inference Provider" if p in (None, "auto") else f"provider {p}"


def _not_served(e: Exception) -> bool:
    """The call says no provider serves the model (any more): the SDK's mapping look-up, or the router."""
    if isinstance(e, ValueError) and not isinstance(e, HfHubHTTPError):
        text = str(e)
        return "No provider mapping found" in text or "is not supported by provider" in text
    if isinstance(e, HfHubHTTPError) and e.response is not None and e.response.status_code in (400, 404):
        return "not supported by any provider" in _server_message(e) or e.response.status_code == 404
    return False


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _server_message(e: HfHubHTTPError) -> str:
    try:
        data = e.response.json()
        msg = data.get("error") if isinstance(data, dict) else None
        if isinstance(msg, list):
            msg = "; ".join(map(str, msg))
        if msg:
            return _short(str(msg))
    except Exception:  # a body that is not JSON: fall back to the SDK's parsed message
        pass
    return _short(e.server_message or "")


def _loading_time(e: HfHubHTTPError) -> float | None:
    """The estimated_time of a 503 'model is loading' reply, else None."""
    if e.response is None or e.response.status_code != 503:
        return None
    try:
        data = e.response.json()
    except Exception:  # not JSON: not the loading reply
        return None
    if not isinstance(data, dict):
        return None
    est = data.get("estimated_time")
    if isinstance(est, (int, float)):
        return float(est)
    return 0.0 if "loading" in str(data.get("error", "")).lower() else None


def _http_message(who: str, e: HfHubHTTPError, where: str) -> str:
    status = e.response.status_code if e.response is not None else None
    detail = _server_message(e)
    tail = f" ({detail})" if detail else ""
    if (wait := _loading_time(e)) is not None:
        about = f" (about {wait:.0f} s)" if wait else ""
        return f"{who} is loading{about}; try again or pick another"
    if isinstance(e, GatedRepoError) or status == 403:
        return f"{who} refused access (HTTP {status}): it is gated or the token lacks permission{tail}"
    if status == 401:
        return f"{who} refused the request (HTTP 401): the HF token is missing or invalid; set HF_TOKEN"
    if isinstance(e, RepositoryNotFoundError) or status == 404:
        return f"{who} was not found on {where} (HTTP {status}); pick another"
    if status == 402:
        return f"{who} refused the request (HTTP 402): the account's inference credits are used up"
    if status == 429:
        return f"{who} is rate-limited (HTTP 429); wait a moment or pick another"
    if status in (400, 413, 422):
        return f"{who} rejected the input (HTTP {status}){tail}"
    if status is not None and status >= 500:
        return f"{who} failed on the server (HTTP {status}){tail}"
    return f"{who} failed (HTTP {status}){tail}"


# ---- one handler per task: (expert, client, args, ctx, timeout) -> outputs ----------------------

Handler = Callable[[HFExpert, InferenceClient, dict[str, Any], ExpertContext, float], dict[str, Any]]
_HANDLERS: dict[str, Handler] = {}


def _handles(*tasks: str) -> Callable[[Handler], Handler]:
    def deco(fn: Handler) -> Handler:
        for t in tasks:
            _HANDLERS[t] = fn
        return fn

    return deco


def _media(args: dict[str, Any], name: str) -> Path:
    value = args.get(name)
    if value is None:
        raise ExpertError(f"the task has no {name} input")
    path = Path(value)
    if not path.is_file():
        raise ExpertError(f"the {name} input {path.name} does not exist")
    return path


def _text(args: dict[str, Any], name: str = "text") -> str:
    value = args.get(name)
    if value is None or not str(value).strip():
        raise ExpertError(f"the task has no {name} input")
    return str(value)


def _labels(args: dict[str, Any]) -> list[str]:
    raw = args.get("labels") or args.get("candidate_labels") or ""
    items = raw if isinstance(raw, list) else str(raw).split(",")
    return [s.strip() for s in items if str(s).strip()]


@_handles("text-to-image")
def _text_to_image(ex: HFExpert, c: InferenceClient, args: dict, ctx: ExpertContext, _t: float) -> dict:
    return {"image": save_image(c.text_to_image(_text(args)), ctx, "image")}


@_handles("image-to-image", "image-editing")
def _image_to_image(ex: HFExpert, c: InferenceClient, args: dict, ctx: ExpertContext, _t: float) -> dict:
    prompt = args.get("text") or None
    image = save_image(c.image_to_image(_media(args, "image"), prompt=prompt), ctx, "image")
    return {"image": image, "data": {"route": "image-to-image editing (reference image + instruction)"}}


@_handles(*CONTROL_TASKS)
def _control_to_image(ex: HFExpert, c: InferenceClient, args: dict, ctx: ExpertContext, _t: float) -> dict:
    """A ControlNet task (a pose, edge or depth map + a prompt) on an image-to-image editing model:
    the map is the reference image and the prompt says to keep its layout."""
    cond = _condition(args.get("_task", ""))
    prompt = f"{_text(args)}. Keep the layout of this {cond} map (shapes, outlines, pose) and render it as a picture."
    image = save_image(c.image_to_image(_media(args, "image"), prompt=prompt), ctx, "image")
    route = f"image-to-image editing with the {cond} map as reference (no ControlNet model is served)"
    return {"image": image, "data": {"route": route, "prompt": prompt}}


def _condition(task: str) -> str:
    """'openpose-text-to-image' -> 'openpose' (the control map's kind)."""
    return task.removesuffix("-text-to-image") or "control"


@_handles("image-to-text")
def _image_to_text(ex: HFExpert, c: InferenceClient, args: dict, ctx: ExpertContext, _t: float) -> dict:
    return {"text": c.image_to_text(_media(args, "image")).generated_text}


@_handles("image-classification")
def _image_classification(ex: HFExpert, c: InferenceClient, args: dict, ctx: ExpertContext, _t: float) -> dict:
    items = [_as_dict(x) for x in c.image_classification(_media(args, "image"))]
    return {"text": labels_summary(items), "data": items}


@_handles("audio-classification")
def _audio_classification(ex: HFExpert, c: InferenceClient, args: dict, ctx: ExpertContext, _t: float) -> dict:
    items = [_as_dict(x) for x in c.audio_classification(_media(args, "audio"))]
    return {"text": labels_summary(items), "data": items}


@_handles("object-detection")
def _object_detection(ex: HFExpert, c: InferenceClient, args: dict, ctx: ExpertContext, _t: float) -> dict:
    image = _media(args, "image")
    items = [_as_dict(x) for x in c.object_detection(image)]
    return {
        "image": draw_boxes(image, items, ctx),
        "text": count_summary([d["label"] for d in items]),
        "data": items,
    }


@_handles("image-segmentation")
def _image_segmentation(ex: HFExpert, c: InferenceClient, args: dict, ctx: ExpertContext, _t: float) -> dict:
    image = _media(args, "image")
    segments = c.image_segmentation(image)
    data = [{"label": s.label, "score": s.score} for s in segments]
    path = overlay_masks(image, [(s.label, s.mask) for s in segments], ctx)  # type: ignore[misc]
    return {"image": path, "text": count_summary([s.label for s in segments]), "data": data}


# The Hub's VQA and document QA APIs take an image and a question only: a step's `context` (an earlier result
# the answer may also draw on) reaches a vision-language model (vlm.py) and the embedded document QA, not these.
@_handles("visual-question-answering")
def _vqa(ex: HFExpert, c: InferenceClient, args: dict, ctx: ExpertContext, _t: float) -> dict:
    items = [_as_dict(x) for x in c.visual_question_answering(_media(args, "image"), _text(args))]
    return {"text": items[0]["answer"] if items else "", "data": items}


@_handles("document-question-answering")
def _doc_qa(ex: HFExpert, c: InferenceClient, args: dict, ctx: ExpertContext, _t: float) -> dict:
    items = [_as_dict(x) for x in c.document_question_answering(_media(args, "image"), _text(args))]
    return {"text": items[0]["answer"] if items else "", "data": items}


@_handles("automatic-speech-recognition")
def _asr(ex: HFExpert, c: InferenceClient, args: dict, ctx: ExpertContext, _t: float) -> dict:
    return {"text": c.automatic_speech_recognition(_media(args, "audio")).text}


@_handles("text-to-speech")
def _tts(ex: HFExpert, c: InferenceClient, args: dict, ctx: ExpertContext, _t: float) -> dict:
    return {"audio": save_audio(c.text_to_speech(_text(args)), ctx, "speech")}


@_handles("audio-to-audio")
def _audio_to_audio(ex: HFExpert, c: InferenceClient, args: dict, ctx: ExpertContext, _t: float) -> dict:
    items = c.audio_to_audio(_media(args, "audio"))
    if not items:
        raise ValueError("no audio in the reply")
    return {"audio": save_audio(items[0].blob, ctx, "audio"), "data": [{"label": x.label} for x in items]}


@_handles("translation")
def _translation(ex: HFExpert, c: InferenceClient, args: dict, ctx: ExpertContext, _t: float) -> dict:
    src, tgt = args.get("src_lang"), args.get("tgt_lang")
    langs = {"src_lang": src, "tgt_lang": tgt} if src and tgt else {}
    return {"text": c.translation(_text(args), **langs).translation_text}


@_handles("summarization")
def _summarization(ex: HFExpert, c: InferenceClient, args: dict, ctx: ExpertContext, _t: float) -> dict:
    return {"text": c.summarization(_text(args)).summary_text}


@_handles("question-answering")
def _qa(ex: HFExpert, c: InferenceClient, args: dict, ctx: ExpertContext, _t: float) -> dict:
    out = _as_dict(c.question_answering(question=_text(args), context=_text(args, "context")))
    return {"text": out["answer"], "data": out}


@_handles("text-classification")
def _text_classification(ex: HFExpert, c: InferenceClient, args: dict, ctx: ExpertContext, _t: float) -> dict:
    text = _text(args)
    if labels := _labels(args):  # zero-shot: the plan named the labels to choose from
        items = [_as_dict(x) for x in c.zero_shot_classification(text, candidate_labels=labels)]
    else:
        items = [_as_dict(x) for x in c.text_classification(text)]
    return {"text": labels_summary(items), "data": items}


@_handles("token-classification")
def _token_classification(ex: HFExpert, c: InferenceClient, args: dict, ctx: ExpertContext, _t: float) -> dict:
    items = [_as_dict(x) for x in c.token_classification(_text(args))]
    words = [f"{d['word']} ({d.get('entity_group') or d.get('entity')})" for d in items]
    return {"text": ", ".join(words) or "no entities found", "data": items}


@_handles("sentence-similarity")
def _sentence_similarity(ex: HFExpert, c: InferenceClient, args: dict, ctx: ExpertContext, _t: float) -> dict:
    scores = c.sentence_similarity(_text(args, "text1"), other_sentences=[_text(args, "text2")])
    score = float(scores[0])
    return {"text": f"similarity {score:.3f}", "data": {"score": score}}


@_handles(*CHAT_TASKS)
def _chat(ex: HFExpert, c: InferenceClient, args: dict, ctx: ExpertContext, _t: float) -> dict:
    content = _text(args)
    if str(args.get("context") or "").strip():  # the text the reply or the writing is about, after the ask
        content = f"{content}\n\nText:\n{args['context']}"
    out = c.chat_completion(messages=[{"role": "user", "content": content}], max_tokens=512)
    return {"text": (out.choices[0].message.content or "").strip()}


@_handles("text-to-video")
def _text_to_video(ex: HFExpert, c: InferenceClient, args: dict, ctx: ExpertContext, timeout: float) -> dict:
    if ex.hf.base_url:
        body, _ = ex.raw_post(timeout, json_body={"inputs": _text(args)})
    else:
        body = c.text_to_video(_text(args))
    return {"video": save_video(body, ctx, "video")}


@_handles("depth-estimation")
def _depth(ex: HFExpert, c: InferenceClient, args: dict, ctx: ExpertContext, timeout: float) -> dict:
    body, ctype = ex.raw_post(timeout, data=_media(args, "image").read_bytes())
    return {"image": save_image(_depth_image(body, ctype), ctx, "depth")}


def _depth_image(body: bytes, content_type: str) -> Image.Image:
    """The depth map of a reply: image bytes, or JSON {"depth": base64 image} / {"predicted_depth": 2-D}."""
    if not content_type.startswith("application/json"):
        return Image.open(io.BytesIO(body))
    data = json.loads(body)
    if isinstance(data, list) and data:
        data = data[0]
    if isinstance(data.get("depth"), str):
        return Image.open(io.BytesIO(base64.b64decode(data["depth"])))
    import numpy as np

    depth = np.squeeze(np.asarray(data["predicted_depth"], dtype=np.float32))
    if depth.ndim != 2:
        raise ValueError(f"predicted_depth has shape {depth.shape}")
    return _to_grey(Image.fromarray(depth, mode="F"))


# ---- the backend -----------------------------------------------------------------------------


def _provider_tasks(provider: str) -> set[str] | None:
    """The SDK tasks a named provider serves (None: "auto", or the SDK does not say)."""
    if provider in ("auto", ""):
        return None
    try:
        from huggingface_hub.inference._providers import PROVIDERS
    except ImportError:  # the table moved: let the SDK say it at call time
        return None
    tasks = PROVIDERS.get(provider)  # type: ignore[call-overload]
    return set(tasks) if tasks is not None else None

SERVED_TASKS = tuple(_HANDLERS)


class HFInferenceBackend(ExpertBackend):
    """Catalog models of the tasks Hugging Face Inference Providers serve, one `HFExpert` each."""

    name = "huggingface"
    priority = 30

    def __init__(
        self,
        config: Config,
        catalog: ModelCatalog | None = None,
        *,
        loading_retry_s: float = LOADING_RETRY_MAX_S,
    ):
        if catalog is None:
            from ..catalog import Catalog

            catalog = Catalog()
        self.catalog = catalog
        self.token = config.hf_token
        self.provider = config.hf_provider or "auto"
        self.base_url = config.hf_base_url.rstrip("/") if config.hf_base_url else None
        self.timeout = float(config.task_timeout)
        self.loading_retry_s = loading_retry_s

    def missing_reason(self, task: str) -> str | None:
        if reason := self._route_reason(task):
            return reason
        if not self.experts(task):
            return f"the model catalog lists no {task} model that Inference Providers serve"
        return None

    def missing(self, task: str) -> Missing | None:
        """For a task this kind offers: why this backend, as configured, does not serve it."""
        if task not in _HANDLERS or self.experts(task):
            return None
        reason = self.missing_reason(task)
        return Missing("provider", reason) if reason else None

    def _route_reason(self, task: str) -> str | None:
        """Why no route of the SDK (or of the base URL server) can run `task`."""
        if task not in _HANDLERS:
            return f"Hugging Face Inference Providers serve no {task} models; it needs an embedded expert"
        if self.base_url:
            return None
        if task in RAW_ONLY_TASKS:
            return (
                f"Inference Providers serve no {task} route; it needs an embedded expert or a "
                "classic inference server (HUGGINGGPT_HF_BASE_URL)"
            )
        sdk_task = "conversational" if task in CHAT_TASKS else SDK_TASK.get(task, task)
        served = _provider_tasks(self.provider)
        if served is not None and sdk_task not in served:
            return (
                f"provider {self.provider} does not serve {task}; set HUGGINGGPT_HF_PROVIDER=auto "
                "to let Hugging Face route each model to a provider that does"
            )
        return None

    def experts(self, task: str) -> list[Expert]:
        if self._route_reason(task):
            return []
        models = self.catalog.models(task)
        if not models and SDK_TASK.get(task) == "image-to-image":  # edits and ControlNet: the editing models
            models = self.catalog.models("image-to-image")
        out: list[Expert] = []
        for m in models:
            meta = {
                "downloads": m.downloads,
                "likes": m.likes,
                "description": m.description,
                "tags": m.tags,
                "license": m.license,
                "language": m.language,
                "verified": m.verified,
            }
            out.append(HFExpert(m.id, (task,), self, **meta))
        return out

    def start(self) -> None:
        self.prefetch_catalog(wait=False)

    def prepare(self, tasks: list[str]) -> dict[str, str]:
        """List the plan's tasks that are not cached yet, in parallel, waiting at most PREPARE_WAIT_S
        (cached: no HTTP call); say per task whether the live listing or the snapshot is used."""
        routable = [t for t in tasks if not self._route_reason(t)]
        prefetch = getattr(self.catalog, "prefetch", None)
        if prefetch is None or not routable:
            return {t: "snapshot" for t in routable}
        return dict(prefetch(routable, PREPARE_WAIT_S, wait=True))

    def prefetch_catalog(self, timeout: float | None = None, *, wait: bool = False) -> dict[str, str]:
        """Ask a live catalog (HubCatalog) to list the served tasks now, in background threads unless
        `wait`; later `experts()` calls then see the listing. A snapshot catalog: nothing to do."""
        prefetch = getattr(self.catalog, "prefetch", None)
        if prefetch is None:
            return {}
        tasks = [t for t in SERVED_TASKS if not self._route_reason(t)]
        return prefetch(tasks, timeout, wait=wait)

    def forget(self, task: str, model: str) -> None:
        """A call found `model` not served for `task`: a live catalog leaves it out of later runs."""
        drop = getattr(self.catalog, "drop", None)
        if drop is not None and not self.base_url:
            drop(task, model)
            if SDK_TASK.get(task) == "image-to-image":  # edits run on the image-to-image listing's models
                drop("image-to-image", model)

    def scrub(self, text: str) -> str:
        """`text` with the token masked (error messages may quote server replies)."""
        return text.replace(self.token, "***") if self.token else text


PREPARE_WAIT_S = 5.0  # a request waits this long at most for the live model listing of its tasks


@register_backend("huggingface", needs="token", offers=lambda task: task in _HANDLERS and task not in RAW_ONLY_TASKS)
def _factory(config: Config) -> HFInferenceBackend | None:
    """The backend of a config with a token or a base URL. No network here: see default_catalog."""
    if not (config.hf_token or config.hf_base_url):
        return None
    return HFInferenceBackend(config, default_catalog(config))


def default_catalog(config: Config) -> ModelCatalog:
    """The models to offer, without touching the network: behind a base URL (a classic inference
    server) HuggingGPT's own snapshot; otherwise the Hub listing cached on disk (fresh, else the
    snapshot) - `HFInferenceBackend.prefetch_catalog()` fills that cache."""
    from ..hub_catalog import HubCatalog

    return HubCatalog(
        token=config.hf_token, provider=config.hf_provider, fetch=False, use_hub=not config.hf_base_url
    )
