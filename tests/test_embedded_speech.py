"""Piper TTS and PocketSphinx ASR: a spoken round trip, resampling, and bad audio."""

from __future__ import annotations

import threading
import wave

import numpy as np
import pytest
import soundfile as sf

from hugginggpt.experts.base import ExpertContext, ExpertError
from hugginggpt.experts.embedded._common import resample
from hugginggpt.experts.embedded.speech import AsrExpert
from hugginggpt.experts.embedded.tts import TtsExpert
from hugginggpt.types import Task

SENTENCE = "The quick brown fox jumps over the lazy dog."


def speak(tmp_path, text=SENTENCE):
    args = {"text": text}
    return TtsExpert().run(Task(id=0, task="text-to-speech", args=args), args, ExpertContext(tmp_path, 0))


def transcribe(tmp_path, path):
    args = {"audio": str(path)}
    return AsrExpert().run(Task(id=1, task="automatic-speech-recognition", args=args), args, ExpertContext(tmp_path, 1))


def words(text):
    return set(text.lower().split())


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
def test_spoken_sentence_is_transcribed(tmp_path):
    out = transcribe(tmp_path, speak(tmp_path)["audio"])
    assert len(words(out["text"]) & {"quick", "brown", "fox", "over", "lazy", "dog"}) >= 4, out["text"]
    assert out["data"]["words"][0]["start"] < out["data"]["words"][-1]["end"] <= out["data"]["seconds"]


@pytest.mark.slow
def test_other_rates_and_stereo_are_resampled(tmp_path):
    speech, rate = sf.read(str(speak(tmp_path, "Please open the door and turn on the light.")["audio"]))
    stereo = np.stack([resample(speech, rate, 44100)] * 2, axis=1) * 0.5
    path = tmp_path / "stereo44k.flac"
    sf.write(str(path), stereo, 44100)
    out = transcribe(tmp_path, path)
    assert len(words(out["text"]) & {"open", "door", "turn", "light"}) >= 3, out["text"]


@pytest.mark.slow
def test_concurrent_recognitions_do_not_mix(tmp_path):
    a = speak(tmp_path, "The quick brown fox jumps over the lazy dog.")["audio"]
    b = speak(tmp_path, "Please open the door and turn on the light.")["audio"]
    results = {}

    def go(name, path):
        results[name] = transcribe(tmp_path, path)["text"]

    threads = [threading.Thread(target=go, args=(n, p)) for n, p in (("a", a), ("b", b)) * 2]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert "fox" in results["a"] and "door" in results["b"]


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


@pytest.mark.parametrize("content", [b"", b"RIFF\x00\x00\x00\x00WAVEjunk", b"definitely not audio"])
def test_corrupt_audio_is_an_expert_error(tmp_path, content):
    bad = tmp_path / "bad.wav"
    bad.write_bytes(content)
    with pytest.raises(ExpertError, match="bad.wav"):
        transcribe(tmp_path, bad)


def test_empty_text_is_an_expert_error(tmp_path):
    with pytest.raises(ExpertError, match="no text given"):
        speak(tmp_path, "  ")
