"""The embedded models' native threads: none spins waiting for work (several tasks share the cores)."""

from __future__ import annotations

import pytest

SPIN = "session.intra_op.allow_spinning"


def _spinning(session) -> str:
    return session.get_session_options().get_session_config_entry(SPIN)


def test_ocr_sessions_do_not_spin_and_still_read():
    pytest.importorskip("rapidocr")
    from PIL import Image, ImageDraw, ImageFont

    from hugginggpt.experts.embedded.ocr import RAPIDOCR, read_text

    engine = RAPIDOCR.get()
    assert _spinning(engine.text_det.session.session) == "0"
    assert _spinning(engine.text_rec.session.session) == "0"  # loaded by the warm-up, not left lazy
    image = Image.new("RGB", (420, 80), "white")
    ImageDraw.Draw(image).text((10, 20), "TOTAL 10.50", fill="black", font=ImageFont.load_default(size=36))
    text, _ = read_text(image)
    assert "10.50" in text


def test_piper_session_does_not_spin_and_still_speaks(tmp_path):
    pytest.importorskip("piper")
    from hugginggpt.experts.embedded.tts import PIPER

    voice = PIPER.get()
    assert _spinning(voice.session) == "0"
    audio = b"".join(chunk.audio_int16_bytes for chunk in voice.synthesize("Hello there."))
    assert len(audio) > 22050  # more than half a second of 16-bit speech at 22.05 kHz


def test_every_blas_runs_on_one_thread_once_the_models_load():
    threadpoolctl = pytest.importorskip("threadpoolctl")
    pytest.importorskip("rapidocr")
    from hugginggpt.experts.embedded.minilm import embed
    from hugginggpt.experts.embedded.ocr import RAPIDOCR

    vectors = embed(["the meeting moved to Friday", "the meeting is on Friday now"])
    assert float(vectors[0] @ vectors[1]) > 0.7  # still the same embeddings
    RAPIDOCR.get()  # brings OpenCV, which bundles an OpenBLAS of its own
    # numpy's and OpenCV's (a test may have loaded other libraries since: they are not the models')
    blas = [
        p
        for p in threadpoolctl.threadpool_info()
        if p["user_api"] == "blas" and any(lib in p["filepath"] for lib in ("numpy", "opencv"))
    ]
    assert len(blas) == 2 and all(p["num_threads"] == 1 for p in blas), blas
