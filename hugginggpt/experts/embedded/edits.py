"""Image edits offline, read from the instruction: grayscale, rotate, flip, crop, resize, blur, sharpen,
brightness, contrast, saturation, invert, sepia (Pillow), and pencil sketch, edge map, cartoon and
painting looks (OpenCV).

The instruction is split into clauses ("make it black and white, then rotate it left"); each clause
must name an edit this module knows. A clause that asks for something else ("add a hat", "remove the
car") or for part of the image only ("blur the background") is refused with one sentence: the editor
never returns an image that claims to have done what it did not.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
from PIL import Image, ImageEnhance, ImageFilter, ImageOps

from ...capabilities import advice
from ...types import Task
from ..base import ExpertContext, ExpertError
from ._common import EmbeddedExpert, check, load_image, save_png
from .upright import turn

MODEL_ID = "pillow/instruction-edits"
MAX_OUT_SIDE = 4096  # resize never makes an image larger than this

Op = Callable[[Image.Image], Image.Image]


@dataclass
class Edit:
    name: str  # what was done, in words: "rotated 90° clockwise"
    op: Op


# ---- the OpenCV looks ---------------------------------------------------------------------------


def _cv(fn: Callable[[np.ndarray], np.ndarray]) -> Op:
    return lambda im: Image.fromarray(fn(np.ascontiguousarray(np.asarray(im.convert("RGB")))))


def _sketch(a: np.ndarray) -> np.ndarray:
    import cv2

    g, _ = cv2.pencilSketch(np.ascontiguousarray(a[:, :, ::-1]), sigma_s=60, sigma_r=0.07, shade_factor=0.05)
    return cv2.cvtColor(g, cv2.COLOR_GRAY2RGB)


def _edge_map(a: np.ndarray) -> np.ndarray:
    import cv2

    from .vision import canny

    return cv2.cvtColor(255 - canny(Image.fromarray(a)), cv2.COLOR_GRAY2RGB)


def _cartoon(a: np.ndarray) -> np.ndarray:
    import cv2

    color = cv2.bilateralFilter(a, 9, 75, 75)
    color = (color // 32) * 32 + 16  # posterize
    g = cv2.medianBlur(cv2.cvtColor(a, cv2.COLOR_RGB2GRAY), 5)
    lines = cv2.adaptiveThreshold(g, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY, 9, 5)
    return cv2.bitwise_and(color, color, mask=lines)


def _painting(a: np.ndarray) -> np.ndarray:
    import cv2

    return cv2.stylization(a, sigma_s=60, sigma_r=0.45)


def _sepia(im: Image.Image) -> Image.Image:
    m = np.array([[0.393, 0.769, 0.189], [0.349, 0.686, 0.168], [0.272, 0.534, 0.131]], np.float32)
    a = np.asarray(im.convert("RGB")).astype(np.float32) @ m.T
    return Image.fromarray(a.clip(0, 255).astype(np.uint8))


# ---- parsing ------------------------------------------------------------------------------------

_NUM = r"(\d+(?:\.\d+)?)"
_PERCENT = re.compile(_NUM + r"\s*(?:%|percent\b)")
_SIZE = re.compile(r"\b(\d{1,5})\s*(?:x|×|\*|by)\s*(\d{1,5})\b")
_ANGLE = re.compile(r"(-?\d+(?:\.\d+)?)\s*(?:°|º|degrees?\b|deg\b)")
_BARE_NUMBER = re.compile(r"(?<![\w.])(-?\d+(?:\.\d+)?)(?![\w.%])")
_FILE = re.compile(r"\S+\.(?:png|jpe?g|gif|bmp|webp|tiff?)\b")
# words that say only a part of the image should change: a whole-image filter would not do that
_PART = re.compile(
    r"\b(background|foreground|sky|face|faces|eyes?|hair|skin|teeth|person|people|man|woman|child|dog|cat|car|"
    r"him|her|them|object|subject|logo|text|plate)\b"
)
# verbs of edits no filter can do: a clause with one of these and no known edit is refused
_GENERATIVE = re.compile(
    r"\b(add|adds|adding|remove|removing|erase|delete|replace|put|insert|change|swap|make|turn|give|draw|paint|"
    r"colou?ri[sz]e|fix|restore|repair|generate|create|move|transform|convert|apply|edit|place|wear|"
    r"extend|expand|outpaint|inpaint|upscale|enhance|improve|retouch|clean|straighten|style|render)\b"
)
_LESS = re.compile(r"\b(less|lower|reduce[sd]?|decrease[sd]?|down|dim|weaker|softer|tone down|too (bright|strong))\b")


def _amount(clause: str, default: float, more: bool) -> float:
    """An enhancement factor: 'by 30%' -> 1.3 (0.7 when lowering), 'to 120%' -> 1.2, else `default`."""
    m = _PERCENT.search(clause)
    if not m:
        return default
    pct = float(m.group(1)) / 100
    if re.search(r"\bto\s+" + re.escape(m.group(0)), clause):
        return max(0.0, pct)
    return max(0.0, 1 + pct if more else 1 - pct)


def _strength(clause: str) -> float:
    if re.search(r"\b(slight(ly)?|a (little|bit)|subtle|subtly|light(ly)?|gently|mild(ly)?)\b", clause):
        return 0.5
    if re.search(r"\b(heav(y|ily)|strong(ly)?|a lot|very|much|really|extreme(ly)?)\b", clause):
        return 2.0
    return 1.0


def _rotate(clause: str) -> Edit:
    if re.search(r"\bupside[- ]down\b", clause):
        deg = 180.0
    else:
        m = _ANGLE.search(clause) or _BARE_NUMBER.search(clause)
        deg = abs(float(m.group(1))) if m else 90.0
        if m and float(m.group(1)) < 0:
            deg = -deg
    ccw = bool(re.search(r"\b(left|anti-?clockwise|counter-?clockwise|ccw)\b", clause))
    if abs(deg) % 360 == 0:
        raise ExpertError(f"rotating by {deg:g}° leaves the image as it is")
    angle = deg if ccw else -deg  # PIL turns counterclockwise for positive angles
    way = " (upside down)" if abs(deg) == 180 else (" counterclockwise" if ccw else " clockwise")
    fill = (255, 255, 255)

    def op(im: Image.Image) -> Image.Image:
        if angle % 90 == 0:  # exact quarter turns: no resampling, no border
            return turn(im, int(angle % 360))
        return im.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=fill)

    return Edit(f"rotated {abs(deg):g}°{way}", op)


_SIDEWAYS = ("sideways", "on its side")


def _upright(way: str | None) -> Edit:
    """A turn back to upright ("it's sideways, fix it", "turn it the right way round"): a half turn when the
    picture is said to be upside down, else the quarter turn its faces and text show (`upright`)."""
    upside_down = bool(way and way.startswith("upside"))
    edit = Edit("turned 180° (it was upside down)" if upside_down else "turned the right way up", lambda im: im)

    def op(im: Image.Image) -> Image.Image:
        from .upright import upright_turn

        if upside_down:
            return turn(im, 180)
        sideways = way in _SIDEWAYS
        degrees = upright_turn(im, (90, 270) if sideways else (0, 90, 180, 270))
        if degrees is None and sideways:
            edit.name = (
                "turned 90° clockwise (nothing in the picture shows which way is up: say 'rotate it left' if it "
                "should go the other way)"
            )
            return turn(im, 270)
        if degrees is None:
            raise ExpertError(
                "nothing in the picture (no face, no text) shows which way is up: say how to turn it, e.g. "
                "'rotate it 90 degrees left'"
            )
        edit.name = {0: "left as it is (it is already the right way up)", 90: "turned 90° counterclockwise",
                     180: "turned 180°", 270: "turned 90° clockwise"}[degrees]  # fmt: skip
        return turn(im, degrees)

    edit.op = op
    return edit


def _undo(way: str | None) -> Edit:
    """The edit that undoes a stated fault: a mirror image ("it's back to front") is mirrored back; a turned
    one is turned upright."""
    if way and _MIRRORED.search(way):
        return Edit("mirrored left to right (it was a mirror image)", ImageOps.mirror)
    return _upright(way)


def _flip(clause: str) -> Edit:
    if re.search(r"\b(vertical(ly)?|upside[- ]down|top to bottom|up and down|over)\b", clause):
        return Edit("flipped upside down (top to bottom)", ImageOps.flip)
    return Edit("mirrored left to right", ImageOps.mirror)


def _crop(clause: str) -> Edit:
    halves = {
        "left": (0, 0, 0.5, 1), "right": (0.5, 0, 1, 1), "top": (0, 0, 1, 0.5), "upper": (0, 0, 1, 0.5),
        "bottom": (0, 0.5, 1, 1), "lower": (0, 0.5, 1, 1),
    }  # fmt: skip
    m = re.search(r"\b(left|right|top|upper|bottom|lower) half\b", clause)
    if m:
        fx0, fy0, fx1, fy1 = halves[m.group(1)]
        return Edit(
            f"cropped to the {m.group(1)} half",
            lambda im: im.crop(
                (round(fx0 * im.width), round(fy0 * im.height), round(fx1 * im.width), round(fy1 * im.height))
            ),
        )
    if re.search(r"\bsquare\b", clause):

        def square(im: Image.Image) -> Image.Image:
            s = min(im.size)
            x, y = (im.width - s) // 2, (im.height - s) // 2
            return im.crop((x, y, x + s, y + s))

        return Edit("cropped to a centred square", square)
    size = _SIZE.search(clause)
    if size:
        w, h = int(size.group(1)), int(size.group(2))

        def exact(im: Image.Image) -> Image.Image:
            cw, ch = min(w, im.width), min(h, im.height)
            x, y = (im.width - cw) // 2, (im.height - ch) // 2
            return im.crop((x, y, x + cw, y + ch))

        return Edit(f"cropped the centre {w}x{h}", exact)
    frac = 0.5 if re.search(r"\b(cent(er|re)|middle)\b", clause) else 0.8
    pct = _PERCENT.search(clause)
    if pct:
        frac = float(pct.group(1)) / 100
    elif re.search(r"\bthird\b", clause):
        frac = 1 / 3
    elif re.search(r"\bquarter\b", clause):
        frac = 0.25
    if not 0 < frac < 1:
        raise ExpertError(f"cannot crop to {frac:.0%} of the image: give a share between 1% and 99%")

    def centre(im: Image.Image) -> Image.Image:
        cw, ch = max(1, round(im.width * frac)), max(1, round(im.height * frac))
        x, y = (im.width - cw) // 2, (im.height - ch) // 2
        return im.crop((x, y, x + cw, y + ch))

    return Edit(f"cropped to the centre {frac:.0%}", centre)


def _resize(clause: str) -> Edit:
    size = _SIZE.search(clause)
    pct = _PERCENT.search(clause)
    width = re.search(r"\b(?:width(?: of| to)?\s*(\d{1,5})|(\d{1,5})\s*(?:px|pixels)?\s*wide)\b", clause)
    height = re.search(r"\b(?:height(?: of| to)?\s*(\d{1,5})|(\d{1,5})\s*(?:px|pixels)?\s*(?:tall|high))\b", clause)
    target: Callable[[Image.Image], tuple[int, int]]
    if size:
        w, h = int(size.group(1)), int(size.group(2))
        what, target = f"resized to {w}x{h}", lambda im: (w, h)
    elif width or height:
        m = width or height
        n = int(m.group(1) or m.group(2))
        if width:
            what, target = f"resized to {n} px wide", lambda im: (n, round(im.height * n / im.width))
        else:
            what, target = f"resized to {n} px high", lambda im: (round(im.width * n / im.height), n)
    elif re.search(r"\bthumbnail\b", clause):
        what = "made a 256 px thumbnail"
        target = lambda im: (  # noqa: E731
            (256, round(im.height * 256 / im.width))
            if im.width >= im.height
            else (round(im.width * 256 / im.height), 256)
        )
    else:
        if pct:
            f = float(pct.group(1)) / 100
        elif re.search(r"\b(double|twice|2x)\b", clause):
            f = 2.0
        elif re.search(r"\b(half|halve)\b", clause):
            f = 0.5
        elif re.search(r"\b(shrink\w*|smaller|downscale\w*|reduce)\b", clause):
            f = 0.5
        elif re.search(r"\b(enlarge\w*|bigger|larger|upscale\w*)\b", clause):
            f = 2.0
        else:
            raise ExpertError(
                "say how to resize: a size such as 800x600, a width such as '400 px wide', or a percentage"
            )
        what, target = f"resized to {f:.0%}", lambda im: (round(im.width * f), round(im.height * f))

    def op(im: Image.Image) -> Image.Image:
        w, h = target(im)
        if w < 1 or h < 1:
            raise ExpertError(f"cannot resize to {w}x{h} pixels")
        if max(w, h) > MAX_OUT_SIDE:
            raise ExpertError(f"resizing to {w}x{h} is over the limit of {MAX_OUT_SIDE} pixels a side")
        return im.resize((w, h), Image.Resampling.LANCZOS)

    return Edit(what, op)


def _blur(clause: str) -> Edit:
    s = _strength(clause)
    m = re.search(r"\bradius\s*(?:of\s*)?" + _NUM, clause)
    fixed = float(m.group(1)) if m else None
    word = "slightly " if s < 1 else "strongly " if s > 1 else ""
    return Edit(
        f"{word}blurred",
        lambda im: im.filter(
            ImageFilter.GaussianBlur(fixed if fixed is not None else max(1.0, max(im.size) / 200) * s)
        ),
    )


def _sharpen(clause: str) -> Edit:
    s = _strength(clause)
    return Edit("sharpened", lambda im: im.filter(ImageFilter.UnsharpMask(radius=2, percent=int(120 * s), threshold=2)))


def _enhance(kind: str, cls: Any, up: str, down: str) -> Callable[[str], Edit]:
    def make(clause: str) -> Edit:
        lower = bool(_LESS.search(clause)) or bool(re.search(down, clause))
        f = _amount(clause, 0.7 if lower else 1.35, more=not lower)
        if abs(f - 1) < 1e-6:
            raise ExpertError(f"a {kind} of 100% leaves the image as it is")
        word = f"{kind} {'lowered' if f < 1 else 'raised'} to {f:.0%}"
        return Edit(word, lambda im: cls(im).enhance(f))

    return make


# (name, trigger pattern, builder of the edit from its clause); tried on each clause, applied in the
# order they appear in the instruction
RULES: list[tuple[str, str, Callable[[str], Edit]]] = [
    ("grayscale", r"grayscale|gr[ae]y|monochrome|desaturated?|colou?rless|no colou?rs?|"
     r"(?:remove|drop|take out|strip|drain) (?:all )?(?:the |its )?colou?rs?|without colou?rs?",
     lambda c: Edit("converted to grayscale", lambda im: ImageOps.grayscale(im).convert("RGB"))),
    ("sepia", r"sepia|vintage|old[- ]fashioned|retro|antique|old photo|look old",
     lambda c: Edit("sepia toned", _sepia)),
    ("invert", r"invert\w*|negative|inverse colou?rs?|reverse the colou?rs",
     lambda c: Edit("colours inverted", lambda im: ImageOps.invert(im.convert("RGB")))),
    ("rotate", r"rotat\w*|(?:turn|spin|tilt)\w*(?= (?:it |this |the \w+ )?(?:by |through )?(?:-?\d|left|right|"
     r"clockwise|anti|counter|upside|sideways|90|180|270))|upside[- ]down(?! flip)", _rotate),
    ("flip", r"(?:un-?)?flip\w*|(?:un-?)?mirror\w*|reflect\w*", _flip),
    ("crop", r"crop\w*|trim\w*|zoom(?:ed)? in", _crop),
    ("resize", r"resiz\w*|(?<!gray)(?<!grey)scal(?:e|ed|ing)\b|shrink\w*|enlarge\w*|downscal\w*|upscal\w*|smaller|"
     r"bigger|larger|thumbnail|half (?:the )?size|double (?:the )?size|width|height|"
     r"\d+\s*(?:px|pixels)?\s*(?:wide|tall|high)\b", _resize),
    ("blur", r"blur\w*|soften\w*|smooth\w*|defocus\w*|out of focus", _blur),
    ("sharpen", r"sharp\w*|crisp\w*|deblur\w*|unblur\w*", _sharpen),
    ("brightness", r"bright\w*|lighten\w*|lighter|darken\w*|darker|dim|too dark|exposure|tone (?:it )?(?:down|up)",
     _enhance("brightness", ImageEnhance.Brightness, "", r"\b(darken\w*|darker|dim|too bright|tone (?:it )?down)\b")),
    ("contrast", r"contrast\w*|punch\w*", _enhance("contrast", ImageEnhance.Contrast, "", r"\b(flat\w*)\b")),
    ("saturation", r"saturat\w*|vivid|vibrant|more colou?rful|colou?rful|washed out|muted",
     _enhance("saturation", ImageEnhance.Color, "", r"\b(muted|washed out)\b")),
    ("pencil sketch", r"pencil\w*|sketch\w*|line drawing|charcoal", lambda c: Edit("pencil sketch", _cv(_sketch))),
    ("edge map", r"edges?|canny|outlines?|line ?art|contours?", lambda c: Edit("edge map", _cv(_edge_map))),
    ("cartoon", r"cartoon\w*|comic\w*|anime|toon", lambda c: Edit("cartoon look", _cv(_cartoon))),
    ("painting", r"(?:oil |watercolou?r )?painting|painted|painterly|watercolou?r|oil paint|artistic|stylized|stylize",
     lambda c: Edit("painting look", _cv(_painting))),
]  # fmt: skip
_RULES = [(name, re.compile(rf"\b(?:{pattern})"), build) for name, pattern, build in RULES]
NAMES = ", ".join(name for name, _, _ in RULES)

_POLITE = r"(?:please\s+)?(?:(?:can|could|would) (?:you|u)\s+)?(?:please\s+)?"  # "can u fix it"
_REPAIR = re.compile(  # a bare "fix it": which edit, the rest of the instruction says
    _POLITE + r"(?:fix|repair|correct|sort out|straighten)\s+(?:it|this|that)"
    r"(?:\s+up)?(?:\s+please)?\??"
)
# a fault of the picture's orientation stated in the instruction ("this came out upside down", "it's sideways")
_WAY = re.compile(
    r"\b(?P<way>upside[- ]down|sideways|on its side|the wrong way(?: round| up| around)?|"
    r"back to front|backwards|mirrored|reversed|(?:a |like a |in a )mirror(?: image)?)"
)
# ... told, not asked: "it's sideways", "my phone saved it sideways"; not "turn it upside down"
_ASKED_TURN = re.compile(
    # ("the camera turned round and the photo has come out back to front": told, not asked)
    r"\b(?:turn|rotate|flip|spin|put|make|set|mirror)(?:s|ing)?\b(?![^,.;?!]*\b(?:is|was|'s|came|come|comes)\b)[^,.;?!]*$"
)


class _Fault:
    """A fault of the picture's orientation stated in an instruction ("this came out upside down", "it's
    sideways", "my phone saved this selfie sideways"), not a turn asked for ("turn it upside down")."""

    @staticmethod
    def search(text: str) -> re.Match[str] | None:
        for m in _WAY.finditer(text):
            start = max(text.rfind(x, 0, m.start()) for x in ",.;?!")
            if not _ASKED_TURN.search(text[start + 1 : m.start()]):
                return m
        return None


_FAULT = _Fault()
# a turn told in the past tense after its subject ("my phone camera flipped this round", "the scanner rotated it")
_TOLD_TURN = re.compile(
    r"(?!(?:please|pls|can|could|would|will|you|u|just|and|then)\b)(?:[\w']+\s+){0,4}?"
    r"(?:flipped|rotated|turned|mirrored|spun|reversed)\b"
)
_MIRRORED = re.compile(r"back to front|backwards|mirror|reversed")
_UPRIGHT = re.compile(  # "turn it the right way round": back to upright, however it is turned
    r"\b(?:the right way (?:round|up|around)|right side up|upright|the correct way (?:round|up|around))\b"
    r"|\b(?:turn|make|put)\w*\s+(?:it|this|them)\s+(?:to\s+|in\s+)?(?:the\s+)?(?:right|correct|proper|normal)\s+"
    r"(?:way|direction|orientation)\b"
    r"|\bstraighten (?:it|this|that|them|the (?:photo|picture|image|pic|scan))(?: up| out)?\b"
    r"|\b(?:make|turn|put|get) (?:it|this|them|the (?:photo|picture|image|pic)) straight\b"
    r"|\bstand (?:it|this|them) (?:up|straight)\b"
)
# with a fault stated, a bare turn ("flip it", "fix it", "turn it back") undoes it
_BACK = re.compile(
    _POLITE + r"(?:fix|repair|correct|sort out|straighten|flip|turn|rotate|spin)"
    r"\s+(?:it|this|that|them)(?:\s+(?:back|round|around|over|up))?(?:\s+please)?\??"
)
_SPLIT = re.compile(r"\s*(?:[,;:]|\.(?:\s|$)|\b(?:and then|then|after that|afterwards|and|also|plus)\b)\s*")


def _normalize(text: str) -> str:
    t = text.lower().replace("’", "'")
    t = _FILE.sub(" ", t)
    t = re.sub(
        r"\bblack[\s-]*(?:and|&|n)[\s-]*white\b|\bb\s*&\s*w\b|\bb/w\b|\bgr[ae]y\s*scale\b|\bgr[ae]yscale\b",
        " grayscale ",
        t,
    )
    t = re.sub(r"\b(brightness|contrast|saturation)\s+and\s+(brightness|contrast|saturation)\b", r"\1, \2", t)
    return t


def parse(instruction: str) -> list[Edit]:
    """The edits an instruction asks for, in its order; ExpertError when a part of it is not an edit
    this module can do."""
    text = _normalize(instruction)
    fault = _FAULT.search(text)
    way = fault["way"].replace("-", " ") if fault else None
    found: list[tuple[int, Edit]] = []
    bare = ""
    offset = 0
    for clause in _SPLIT.split(text):
        offset += 1
        clause = clause.strip()
        if not clause:
            continue
        if _UPRIGHT.search(clause) or fault and _BACK.fullmatch(clause):
            found.append((offset * 10_000, _undo(way)))
            continue
        if fault and _FAULT.search(clause) and not _GENERATIVE.search(clause[: _FAULT.search(clause).start()]):
            continue  # "it came out upside down": what is wrong, not an edit; the ask that follows undoes it
        if fault and _TOLD_TURN.match(clause):
            continue  # "my phone camera flipped this round": what happened to it, not a flip asked for
        matched = {name: m for name, rx, _ in _RULES if (m := rx.search(clause))}
        if "flip" in matched and "rotate" in matched and matched["rotate"].group(0).startswith("upside"):
            del matched["rotate"]  # "flip it upside down" is one flip, not a flip and a half turn
        hits = sorted((matched[name].start(), name, build) for name, _, build in _RULES if name in matched)
        if not hits and _REPAIR.fullmatch(clause):  # "it's upside down, fix it": the fault says which edit
            bare = bare or clause
            continue
        if not hits:
            if _GENERATIVE.search(clause):
                raise ExpertError(
                    f"the offline image editor cannot '{clause[:80]}': it only applies whole-image edits "
                    f"({NAMES}); that needs a generative model: {advice('token')}"
                )
            continue  # "here is my photo", "please": no edit asked for
        part = _PART.search(clause)
        if part and not any(name in ("crop", "resize", "rotate", "flip") for _, name, _ in hits):
            raise ExpertError(
                f"the offline image editor cannot '{clause[:80]}': its edits apply to the whole image, "
                f"not to the {part.group(1)} alone; that needs a generative model: {advice('token')}"
            )
        names = {name for _, name, _ in hits}
        for pos, name, build in hits:
            if name == "grayscale" and "saturation" in names:
                continue  # "desaturate" is matched by both: grayscale is the plain reading
            if name == "edge map" and "pencil sketch" in names:
                continue
            found.append((offset * 10_000 + pos, build(clause)))
    turned = any(e.name.startswith(("turned", "rotated", "flipped", "mirrored")) for _, e in found)
    if fault and not turned:  # "it's upside down", "it's sideways, make it black and white": undone first
        found.append((0, _undo(way)))
    if bare and not found:
        raise ExpertError(
            f"the offline image editor cannot '{bare[:80]}' without being told how: say which edit "
            f"({NAMES}), or use a generative model"
        )
    edits = [e for _, e in sorted(found, key=lambda x: x[0])]
    # "way too bright, tone it down": the fault told and the change asked are one edit
    tones = ("brightness", "contrast", "saturation")
    return [e for k, e in enumerate(edits) if not (k and e.name == edits[k - 1].name and e.name.startswith(tones))]


class ImageEditExpert(EmbeddedExpert):
    """image-editing and image-to-image by whole-image edits named in the instruction."""

    requires = ("PIL", "cv2")
    pip = "pillow opencv-python-headless<5"

    def __init__(self) -> None:
        super().__init__(
            MODEL_ID,
            ("image-editing", "image-to-image"),
            description=(
                "Whole-image edits read from the instruction, offline with Pillow and OpenCV. Edits: grayscale, "
                "rotate (by N degrees, left or right), flip or mirror, crop (centre, square, a half, a share), "
                "resize (WxH, a width, a percentage), blur, sharpen, brightness, contrast, saturation, invert, "
                "sepia, pencil sketch, edge map, cartoon, painting. Cannot add, remove or change content."
            ),
            license="mit-cmu (pillow), apache-2.0 (opencv)",
            tags=("embedded", "offline", "image-editing", "filters"),
            downloads=0,
        )

    def run(self, task: Task, inputs: dict[str, Any], ctx: ExpertContext) -> dict[str, Any]:
        raw = inputs.get("text")
        instruction = raw.strip() if isinstance(raw, str) else ""
        if not instruction:
            raise ExpertError(
                f"no edit instruction given: say what to do with the image, e.g. 'grayscale' or 'rotate 90 degrees' "
                f"(offline edits: {NAMES})"
            )
        edits = parse(instruction)
        if not edits:
            raise ExpertError(
                f"no edit found in '{instruction[:80]}': the offline image editor does {NAMES}; "
                f"other edits need a generative model: {advice('token')}"
            )
        image = load_image(inputs)
        for edit in edits:
            check(ctx)
            image = edit.op(image)
        path = save_png(ctx, "edited", image)
        done = [e.name for e in edits]
        return {
            "image": path,
            "text": "Edited: " + ", ".join(done) + f" ({image.width}x{image.height}).",
            "data": {"edits": done, "width": image.width, "height": image.height},
        }
