"""Language identification with langdetect (character n-gram profiles of 55 languages)."""

from __future__ import annotations

from typing import Any

from ..base import ExpertError
from ._common import Lazy

NAMES = {
    "af": "Afrikaans", "ar": "Arabic", "bg": "Bulgarian", "bn": "Bengali", "ca": "Catalan", "cs": "Czech",
    "cy": "Welsh", "da": "Danish", "de": "German", "el": "Greek", "en": "English", "es": "Spanish",
    "et": "Estonian", "fa": "Persian", "fi": "Finnish", "fr": "French", "gu": "Gujarati", "he": "Hebrew",
    "hi": "Hindi", "hr": "Croatian", "hu": "Hungarian", "id": "Indonesian", "it": "Italian", "ja": "Japanese",
    "kn": "Kannada", "ko": "Korean", "lt": "Lithuanian", "lv": "Latvian", "mk": "Macedonian",
    "ml": "Malayalam", "mr": "Marathi", "ne": "Nepali", "nl": "Dutch", "no": "Norwegian", "pa": "Punjabi",
    "pl": "Polish", "pt": "Portuguese", "ro": "Romanian", "ru": "Russian", "sk": "Slovak", "sl": "Slovenian",
    "so": "Somali", "sq": "Albanian", "sv": "Swedish", "sw": "Swahili", "ta": "Tamil", "te": "Telugu",
    "th": "Thai", "tl": "Tagalog", "tr": "Turkish", "uk": "Ukrainian", "ur": "Urdu", "vi": "Vietnamese",
    "zh-cn": "Chinese (simplified)", "zh-tw": "Chinese (traditional)",
}  # fmt: skip


def _load():
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)  # reads the 55 profiles once
    factory.set_seed(0)  # langdetect samples randomly; a fixed seed makes answers repeatable
    return factory


LANGDETECT: Lazy[Any] = Lazy("langdetect", _load)


def identify(text: str) -> dict[str, Any]:
    """The language of `text` (ISO code and English name) with langdetect's probabilities."""
    from langdetect.lang_detect_exception import LangDetectException

    factory = LANGDETECT.get()
    with LANGDETECT.lock:  # the seed-driven sampler is shared state
        try:
            d = factory.create()
            d.append(text)
            found = d.get_probabilities()
        except LangDetectException as e:
            raise ExpertError(f"cannot tell the language of this text ({e})") from e
    if not found:
        raise ExpertError("cannot tell the language of this text (no letters in it)")
    scores = [{"label": x.lang, "name": NAMES.get(x.lang, x.lang), "score": round(float(x.prob), 4)} for x in found]
    top = scores[0]
    return {
        "text": f"{top['name']} ({top['label']}, {top['score']:.2f})",
        "data": {
            "kind": "language",
            "model": "langdetect",
            "label": top["label"],
            "name": top["name"],
            "scores": scores,
        },
    }
