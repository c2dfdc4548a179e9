"""Piper TTS and Whisper (faster-whisper) ASR: spoken round trips, other formats and rates, bad audio,
and no network use."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import wave
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from hugginggpt.experts.base import ExpertContext, ExpertError
from hugginggpt.experts.embedded._common import resample
from hugginggpt.experts.embedded.tts import TtsExpert
from hugginggpt.experts.embedded.whisper import WhisperExpert
from hugginggpt.types import Task

ROOT = Path(__file__).resolve().parents[1]
SENTENCE = "The quick brown fox jumps over the lazy dog."
# sentence -> its content words; at least 3 of 4 must come back (no digits: Whisper writes "nine" as "9")
CLIPS = {
    "The library opens early in the morning.": {"library", "opens", "early", "morning"},
    "Please close the window before the storm arrives.": {"close", "window", "storm", "arrives"},
    "My sister bought a green bicycle yesterday.": {"sister", "bought", "green", "bicycle"},
}


def speak(tmp_path, text=SENTENCE):
    args = {"text": text}
    return TtsExpert().run(Task(id=0, task="text-to-speech", args=args), args, ExpertContext(tmp_path, 0))


def transcribe(tmp_path, path):
    args = {"audio": str(path)}
    return WhisperExpert().run(
        Task(id=1, task="automatic-speech-recognition", args=args), args, ExpertContext(tmp_path, 1)
    )


def words(text):
    return set(text.lower().replace(".", " ").replace(",", " ").split())


def test_tts_writes_a_wav_of_speech(tmp_path):
    out = speak(tmp_path)
    path = out["audio"]
    assert path.parent == tmp_path and path.suffix == ".wav"
    with wave.open(str(path)) as w:
        assert w.getnchannels() == 1 and w.getframerate() == 22050
        seconds = w.getnframes() / w.getframerate()
        pcm = np.frombuffer(w.readframes(w.getnframes()), np.int16)
    assert 1.5 < seconds < 6 and out["data"]["seconds"] == pytest.approx(seconds, abs=0.01)
    assert np.abs(pcm).max() > 3000  # not silence


@pytest.mark.slow
@pytest.mark.parametrize("sentence", list(CLIPS))
def test_spoken_sentences_are_transcribed(tmp_path, sentence):
    out = transcribe(tmp_path, speak(tmp_path, sentence)["audio"])
    assert len(words(out["text"]) & CLIPS[sentence]) >= 3, out["text"]
    ws = out["data"]["words"]
    assert ws and ws[0]["start"] < ws[-1]["end"] <= out["data"]["seconds"] + 0.05
    assert all(w["start"] <= w["end"] for w in ws)


@pytest.mark.slow
def test_other_rates_and_stereo_are_resampled(tmp_path):
    speech, rate = sf.read(str(speak(tmp_path, "Please open the door and turn on the light.")["audio"]))
    stereo = np.stack([resample(speech, rate, 44100)] * 2, axis=1) * 0.5
    path = tmp_path / "stereo44k.flac"
    sf.write(str(path), stereo, 44100)
    out = transcribe(tmp_path, path)
    assert len(words(out["text"]) & {"open", "door", "turn", "light"}) >= 3, out["text"]


def _m4a(speech: np.ndarray, rate: int, path: Path) -> None:
    """AAC in an MP4 container, as phones record (libsndfile cannot write or read it; PyAV can)."""
    import av

    with av.open(str(path), "w", format="mp4") as out:
        stream = out.add_stream("aac", rate=rate)
        stream.layout = "mono"
        frame = av.AudioFrame.from_ndarray(speech.astype(np.float32)[None, :], format="fltp", layout="mono")
        frame.sample_rate = rate
        for packet in stream.encode(frame):
            out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)


@pytest.mark.slow
@pytest.mark.parametrize("suffix", [".opus", ".mp3", ".m4a"])
def test_compressed_uploads_are_decoded(tmp_path, suffix):
    speech, rate = sf.read(str(speak(tmp_path, "The garden is full of yellow flowers.")["audio"]), dtype="float32")
    path = tmp_path / f"upload{suffix}"
    if suffix == ".opus":
        sf.write(str(path), resample(speech, rate, 48000), 48000, format="OGG", subtype="OPUS")
    elif suffix == ".mp3":
        sf.write(str(path), speech, rate, format="MP3", subtype="MPEG_LAYER_III")
    else:
        _m4a(speech, rate, path)
    out = transcribe(tmp_path, path)
    assert len(words(out["text"]) & {"garden", "full", "yellow", "flowers"}) >= 3, out["text"]


@pytest.mark.slow
def test_concurrent_recognitions_do_not_mix(tmp_path):
    a = speak(tmp_path, "The quick brown fox jumps over the lazy dog.")["audio"]
    b = speak(tmp_path, "Please open the door and turn on the light.")["audio"]
    results = {}

    def go(name, path):
        results[name] = transcribe(tmp_path, path)["text"].lower()

    threads = [threading.Thread(target=go, args=(n, p)) for n, p in (("a", a), ("b", b)) * 2]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert "fox" in results["a"] and "door" in results["b"]


@pytest.mark.slow
def test_whisper_loads_and_runs_with_the_network_cut(tmp_path):
    # a fixed recording: the voice samples noise, so a fresh synthesis is misheard now and then ("turn luck")
    wav = ROOT / "assets" / "booking.wav"
    log = tmp_path / "net.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("HF_", "OPENAI_", "HUGGINGGPT_"))}
    env.update(PYTHONPATH=f"{ROOT / 'tests' / 'netguard'}:{ROOT}", NETGUARD_LOG=str(log))
    code = (
        "import sys; from hugginggpt.experts.base import ExpertContext; from hugginggpt.types import Task; "
        "from hugginggpt.experts.embedded.whisper import WhisperExpert; from pathlib import Path; "
        f"a = {{'audio': {str(wav)!r}}}; "
        "print(WhisperExpert().run(Task(id=0, task='automatic-speech-recognition', args=a), a, "
        f"ExpertContext(Path({str(tmp_path)!r}), 0))['text'])"
    )
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert p.returncode == 0, p.stderr
    assert {"book", "table", "seven"} <= words(p.stdout), p.stdout
    assert not log.exists() or log.read_text() == ""


def test_resample_keeps_the_pitch():
    rate, target, freq = 22050, 16000, 440.0
    t = np.arange(rate) / rate
    y = resample(np.sin(2 * np.pi * freq * t), rate, target)
    assert len(y) == target
    peak = np.argmax(np.abs(np.fft.rfft(y))) * target / len(y)
    assert peak == pytest.approx(freq, abs=2)


def test_silence_is_an_expert_error(tmp_path):
    path = tmp_path / "silence.wav"
    sf.write(str(path), np.zeros(16000 * 2, np.int16), 16000)
    with pytest.raises(ExpertError, match="no speech recognized"):
        transcribe(tmp_path, path)


@pytest.mark.parametrize(
    "name,content",
    [("bad.wav", b""), ("bad.wav", b"RIFF\x00\x00\x00\x00WAVEjunk"), ("bad.wav", b"definitely not audio"),
     ("bad.m4a", b"\x00\x00\x00\x18ftypM4A not really")],
)  # fmt: skip
def test_corrupt_audio_is_an_expert_error(tmp_path, name, content):
    bad = tmp_path / name
    bad.write_bytes(content)
    with pytest.raises(ExpertError, match=name.replace(".", r"\.")):
        transcribe(tmp_path, bad)


def test_empty_text_is_an_expert_error(tmp_path):
    with pytest.raises(ExpertError, match="no text given"):
        speak(tmp_path, "  ")
