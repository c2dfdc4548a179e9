"""langdetect language identification as text-classification."""

from __future__ import annotations

import pytest

from hugginggpt.experts.base import ExpertContext, ExpertError
from hugginggpt.experts.embedded.language import LanguageExpert
from hugginggpt.types import Task


def run(tmp_path, text):
    args = {"text": text}
    return LanguageExpert().run(Task(id=0, task="text-classification", args=args), args, ExpertContext(tmp_path, 0))


@pytest.mark.parametrize(
    ("text", "code", "name"),
    [
        ("The weather is lovely today and we are going to the beach.", "en", "English"),
        ("Ceci est une phrase écrite en français pour tester la détection.", "fr", "French"),
        ("Das ist ein deutscher Satz, der die Spracherkennung prüfen soll.", "de", "German"),
        ("これは日本語の文です。", "ja", "Japanese"),
    ],
)
def test_detects_language(tmp_path, text, code, name):
    out = run(tmp_path, text)
    assert out["data"][0]["label"] == code
    assert out["text"].startswith(name)
    assert 0.5 < out["data"][0]["score"] <= 1.0


def test_repeatable(tmp_path):
    text = "Hola, ¿cómo estás? Espero que todo vaya bien."
    assert run(tmp_path, text) == run(tmp_path, text)


def test_no_letters_is_an_expert_error(tmp_path):
    with pytest.raises(ExpertError, match="cannot tell the language"):
        run(tmp_path, "12345 !!! ???")
    with pytest.raises(ExpertError, match="no text given"):
        run(tmp_path, "")
