"""Speech recognition with PocketSphinx (CMU Sphinx US English model, bundled in the wheel)."""

from __future__ import annotations

from typing import Any

import numpy as np

from ...types import Task
from ..base import ExpertContext, ExpertError
from ._common import ASR_RATE, EmbeddedExpert, Lazy, load_audio

MODEL_ID = "cmusphinx/en-us"


def _load():
    from pocketsphinx import Decoder

    return Decoder(samprate=ASR_RATE, loglevel="FATAL")


POCKETSPHINX: Lazy[Any] = Lazy(MODEL_ID, _load)


def transcribe(samples: np.ndarray) -> tuple[str, list[dict[str, Any]]]:
    """Decode mono float32 16 kHz audio: the transcript and its words with times (seconds)."""
    peak = float(np.abs(samples).max()) if samples.size else 0.0
    if peak < 1e-3:  # below -60 dBFS: digital silence makes the decoder hallucinate words
        return "", []
    if peak < 0.25:  # quiet recordings decode better brought up to a normal level
        samples = samples * (0.7 / peak)
    pcm = (np.clip(samples, -1.0, 1.0) * 32767).astype(np.int16)
    decoder = POCKETSPHINX.get()
    with POCKETSPHINX.lock:  # one decoder, one utterance at a time
        decoder.start_utt()
        decoder.process_raw(pcm.tobytes(), no_search=False, full_utt=True)
        decoder.end_utt()
        hyp = decoder.hyp()
        frate = 100  # PocketSphinx frames per second
        words = [
            {"word": s.word, "start": round(s.start_frame / frate, 2), "end": round(s.end_frame / frate, 2)}
            for s in decoder.seg()
            if not (s.word.startswith("<") or s.word.startswith("[")) and s.word != "<sil>"
        ]
    text = hyp.hypstr.strip() if hyp is not None else ""
    return text, words


class AsrExpert(EmbeddedExpert):
    """automatic-speech-recognition for US English."""

    requires = ("pocketsphinx", "soundfile")
    pip = "pocketsphinx soundfile"

    def __init__(self) -> None:
        super().__init__(
            MODEL_ID,
            ("automatic-speech-recognition",),
            description=(
                "CMU PocketSphinx with its US English acoustic model, 3-gram language model and CMUdict: "
                "transcribes English speech offline. Fast but rough (word error rate 10-35% on clear speech); "
                "any audio format libsndfile reads, resampled to 16 kHz mono."
            ),
            license="bsd-2-clause",
            language="en",
            tags=("embedded", "offline", "speech-recognition"),
            downloads=0,
        )

    def slots(self) -> list[Lazy[Any]]:
        return [POCKETSPHINX]

    def run(self, task: Task, inputs: dict[str, Any], ctx: ExpertContext) -> dict[str, Any]:
        samples = load_audio(inputs, "audio", ASR_RATE)
        text, words = transcribe(samples)
        if not text:
            raise ExpertError("no speech recognized in the audio (silence, noise, or not English?)")
        return {"text": text, "data": {"words": words, "seconds": round(len(samples) / ASR_RATE, 2)}}
