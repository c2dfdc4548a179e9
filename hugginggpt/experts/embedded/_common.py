"""Shared pieces of the embedded experts: lazy model slots, input loading, output writing."""

from __future__ import annotations

import importlib.util
import re
import threading
import warnings
import wave
from collections.abc import Callable
from pathlib import Path
from typing import Any, Generic, TypeVar

import numpy as np

from ..base import Expert, ExpertContext, ExpertError

# The embedded models load from site-packages by path, never from a hub (tests/test_offline_no_network.py
# proves it). No HF_HUB_OFFLINE here: set process-wide, it would also cut off the remote experts of
# hybrid mode.

T = TypeVar("T")

MAX_SIDE = 2048  # images are downscaled to this longest side before any model sees them
MAX_PIXELS = 100_000_000  # refuse to decode images beyond this (decompression bombs)
MAX_AUDIO_SECONDS = 600.0
ASR_RATE = 16_000


class Lazy(Generic[T]):
    """A model loaded on first use, once per process (thread-safe), then kept warm.

    `lock` also serializes calls into models whose native state is not thread-safe.
    """

    def __init__(self, name: str, loader: Callable[[], T]):
        self.name = name
        self._loader = loader
        self._value: T | None = None
        self._init_lock = threading.Lock()
        self.lock = threading.RLock()
        self.load_seconds: float | None = None

    @property
    def loaded(self) -> bool:
        return self._value is not None

    def get(self) -> T:
        if self._value is None:
            with self._init_lock:
                if self._value is None:
                    import time

                    t0 = time.perf_counter()
                    try:
                        value = self._loader()
                    except ExpertError:
                        raise
                    except Exception as e:  # a broken install is data for the user, not a crash
                        raise ExpertError(f"could not load the embedded model {self.name}: {e}") from e
                    self.load_seconds = time.perf_counter() - t0
                    single_threaded_blas()  # the model may have brought a BLAS of its own
                    self._value = value
        return self._value  # type: ignore[return-value]


# ---- native threads ---------------------------------------------------------------------------
# The cpu executor runs several tasks at once on few cores, so a model's own threads must not burn CPU
# waiting for work: measured on 2 cores with 16 sessions, ONNX Runtime's spinning intra-op threads cost
# 40% more CPU per request than the same work with sleeping ones, and OpenBLAS's threads 25% more.


def ort_options():
    """ONNX Runtime session options for the embedded models: intra-op threads as many as ORT picks (one
    request stays fast), but idle threads sleep instead of spinning (several tasks share the cores)."""
    import onnxruntime as ort

    opts = ort.SessionOptions()
    opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
    opts.add_session_config_entry("session.inter_op.allow_spinning", "0")
    return opts


def single_threaded_blas() -> None:
    """Every OpenBLAS loaded so far (numpy's, OpenCV's...) on one thread, process-wide. Called after each
    model loads (a model may bring its own). The embedded models' products are small (a few sentences
    through MiniLM): OpenBLAS's threads cost more than they save, even for one request alone (the
    text-to-speech example's plan, MiniLM votes included: 0.09 -> 0.05 s)."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # an optional speed-up: numpy works the same without it
        return
    threadpool_limits(limits=1, user_api="blas")


class EmbeddedExpert(Expert):
    """An expert whose model ships inside a pip wheel. `requires` lists the modules it imports,
    so the backend can tell (cheaply, without loading anything) whether it is installed."""

    backend = "embedded"
    workload = "cpu"  # runs on the process-wide executor bounded to the cores (hugginggpt.executors)
    requires: tuple[str, ...] = ()
    pip: str = ""  # what to install when `requires` is missing

    def slots(self) -> list[Lazy[Any]]:
        """The lazy models this expert uses (for warm-up and the benchmark)."""
        return []

    def warm_up(self) -> None:
        for slot in self.slots():
            slot.get()


# ---- inputs -----------------------------------------------------------------------------------


def get_text(inputs: dict[str, Any], name: str = "text", what: str = "text") -> str:
    value = inputs.get(name)
    if not isinstance(value, str) or not value.strip():
        raise ExpertError(f"no {what} given (argument '{name}' is empty)")
    return value.strip()


def get_path(inputs: dict[str, Any], name: str) -> Path:
    value = inputs.get(name)
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ExpertError(f"no {name} file given (argument '{name}' is empty)")
    path = Path(value)
    if not path.is_file():
        raise ExpertError(f"the {name} file {path.name} does not exist")
    if path.stat().st_size == 0:
        raise ExpertError(f"the {name} file {path.name} is empty")
    return path


def load_image(inputs: dict[str, Any], name: str = "image", max_side: int = MAX_SIDE):
    """The image argument as an RGB PIL image, EXIF-rotated and downscaled to `max_side`."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    path = get_path(inputs, name)
    try:
        with warnings.catch_warnings():  # we check the size ourselves, just below
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            im = Image.open(path)
        with im:
            if im.width * im.height > MAX_PIXELS:
                raise ExpertError(
                    f"the image {path.name} is too large ({im.width}x{im.height} pixels); "
                    f"the limit is {MAX_PIXELS:,} pixels"
                )
            if max(im.size) > max_side:
                im.draft("RGB", (max_side, max_side))  # JPEG: decode at a reduced scale
            im = ImageOps.exif_transpose(im)
            if im.mode in ("RGBA", "LA", "P"):
                rgba = im.convert("RGBA")
                im = Image.new("RGB", rgba.size, "white")
                im.paste(rgba, mask=rgba.getchannel("A"))
            else:
                im = im.convert("RGB")
            im.load()
    except ExpertError:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError, SyntaxError) as e:
        raise ExpertError(f"cannot read {path.name} as an image: {e}") from e
    if min(im.size) < 1:
        raise ExpertError(f"the image {path.name} has no pixels")
    if max(im.size) > max_side:
        im.thumbnail((max_side, max_side))
    return im


def resample(x: np.ndarray, rate: int, target: int) -> np.ndarray:
    """Band-limited resampling of a mono float signal (FFT method: low-passes when downsampling)."""
    if rate == target or len(x) == 0:
        return x.astype(np.float32)
    n = max(1, int(round(len(x) * target / rate)))
    spec = np.fft.rfft(x.astype(np.float64))
    out = np.zeros(n // 2 + 1, dtype=np.complex128)
    m = min(len(spec), len(out))
    out[:m] = spec[:m]
    return (np.fft.irfft(out, n) * (n / len(x))).astype(np.float32)


def _too_long(path: Path, seconds: float) -> ExpertError:
    return ExpertError(
        f"the audio {path.name} lasts {seconds:.0f} s; the embedded recognizer takes at most {MAX_AUDIO_SECONDS:.0f} s"
    )


def _decode_with_av(path: Path, rate: int) -> np.ndarray:
    """Mono float32 at `rate` through FFmpeg (PyAV): m4a/aac, webm, opus and whatever libsndfile cannot read."""
    import av

    resampler = av.audio.resampler.AudioResampler(format="flt", layout="mono", rate=rate)
    chunks: list[np.ndarray] = []
    with av.open(str(path), mode="r", metadata_errors="ignore") as container:
        if not container.streams.audio:
            raise ValueError("no audio stream in it")
        stream = container.streams.audio[0]
        if stream.duration is not None and stream.time_base is not None:
            if float(stream.duration * stream.time_base) > MAX_AUDIO_SECONDS:
                raise _too_long(path, float(stream.duration * stream.time_base))
        total = 0
        for frame in container.decode(stream):
            for out in resampler.resample(frame):
                chunk = out.to_ndarray().reshape(-1)
                chunks.append(chunk)
                total += len(chunk)
            if total > MAX_AUDIO_SECONDS * rate:  # no duration in the header: count while decoding
                raise _too_long(path, total / rate)
        for out in resampler.resample(None):
            chunks.append(out.to_ndarray().reshape(-1))
    return np.concatenate(chunks).astype(np.float32) if chunks else np.zeros(0, np.float32)


def load_audio(inputs: dict[str, Any], name: str = "audio", rate: int = ASR_RATE) -> np.ndarray:
    """The audio argument as mono float32 at `rate` Hz: any format libsndfile reads (wav, flac, ogg, opus,
    mp3), and when PyAV is installed anything FFmpeg reads (m4a/aac, webm...)."""
    import soundfile as sf

    path = get_path(inputs, name)
    try:
        info = sf.info(str(path))
        if info.frames / max(info.samplerate, 1) > MAX_AUDIO_SECONDS:
            raise _too_long(path, info.frames / info.samplerate)
        data, sr = sf.read(str(path), dtype="float32", always_2d=True)
        mono = data.mean(axis=1) if data.size else np.zeros(0, np.float32)
    except ExpertError:
        raise
    except (sf.LibsndfileError, RuntimeError, OSError, ValueError) as e:
        if importlib.util.find_spec("av") is None:
            raise ExpertError(f"cannot read {path.name} as audio: {e}") from e
        try:
            mono, sr = _decode_with_av(path, rate), rate
        except ExpertError:
            raise
        except Exception as e2:  # PyAV raises its own error classes (av.error.*), all of them bad input here
            raise ExpertError(f"cannot read {path.name} as audio: {e2}") from e2
    if mono.size == 0:
        raise ExpertError(f"the audio {path.name} holds no samples")
    return np.clip(resample(mono, sr, rate), -1.0, 1.0)


# ---- outputs ----------------------------------------------------------------------------------


def save_png(ctx: ExpertContext, stem: str, image, pnginfo=None) -> Path:
    """Write `image` as a new PNG of the step; `pnginfo` (a PIL PngInfo) adds its text chunks."""
    path = ctx.new_file(stem, ".png")
    image.save(path, format="PNG", pnginfo=pnginfo)
    return path


def save_wav(ctx: ExpertContext, stem: str, samples: np.ndarray, rate: int) -> Path:
    """Write mono int16 PCM."""
    path = ctx.new_file(stem, ".wav")
    pcm = samples if samples.dtype == np.int16 else (np.clip(samples, -1, 1) * 32767).astype(np.int16)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(pcm.tobytes())
    return path


_BOUNDARY = re.compile(r"[.!?。！？][\"'”’)\]]*(?=\s|$)|\n\s*\n")
# a full stop after these is not the end of a sentence ("Dr. Evans", "Mr. Patel", "e.g. this")
_ABBREVIATION = re.compile(r"(?:^|\s)(?:mr|mrs|ms|dr|prof|st|mt|jr|sr|vs|etc|e\.g|i\.e|approx|dept)\.$", re.I)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) character spans of the sentences of `text`, stripped, empty ones dropped."""
    spans = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if m.group() == "." and _ABBREVIATION.search(text[max(start, m.start() - 6) : m.end()]):
            continue
        spans.append((start, m.start() if m.group().isspace() else m.end()))
        start = m.end()
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def check(ctx: ExpertContext) -> None:
    """Stop here if the run was cancelled or its deadline passed (`ExpertContext.check`, where it exists)."""
    fn = getattr(ctx, "check", None)
    if fn is not None:
        fn()
