"""RapidOCR: reading rendered text, document QA, and bad images."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw, ImageFont

from hugginggpt.experts.base import ExpertContext, ExpertError
from hugginggpt.experts.embedded.ocr import DocumentQAExpert, OcrExpert
from hugginggpt.types import Task

pytestmark = pytest.mark.slow  # loading the OCR models takes ~2 s


def render(path, lines, size=(700, 260), font_size=40, origin=(25, 30)):
    img = Image.new("RGB", size, "white")
    d = ImageDraw.Draw(img)
    font = ImageFont.load_default(size=font_size)
    x, y = origin
    for line in lines:
        d.text((x, y), line, fill="black", font=font)
        y += int(font_size * 1.6)
    img.save(path)
    return path


def ocr(tmp_path, path):
    args = {"image": str(path)}
    return OcrExpert().run(Task(id=0, task="image-to-text", args=args), args, ExpertContext(tmp_path, 0))


def test_reads_rendered_lines_in_order(tmp_path):
    path = render(tmp_path / "page.png", ["Invoice number 4711", "Total due: 250 dollars"])
    out = ocr(tmp_path, path)
    lines = out["text"].splitlines()
    assert lines[0].replace(" ", "").lower() == "invoicenumber4711"
    assert "250" in lines[1] and "Total" in lines[1]
    assert all(0.5 <= b["score"] <= 1 for b in out["data"])
    assert out["data"][0]["box"][1] < out["data"][-1]["box"][1]


def test_huge_image_is_downscaled_and_still_read(tmp_path):
    path = render(tmp_path / "big.png", ["HELLO WORLD"], size=(9000, 2400), font_size=500, origin=(300, 700))
    out = ocr(tmp_path, path)
    assert "HELLO" in out["text"].upper() and "WORLD" in out["text"].upper()


def test_palette_and_transparent_images_are_read(tmp_path):
    rgba = Image.open(render(tmp_path / "a.png", ["Transparent 123"])).convert("RGBA")
    rgba.putalpha(255)
    rgba.convert("P").save(tmp_path / "p.png")
    assert "123" in ocr(tmp_path, tmp_path / "p.png")["text"]


def test_blank_image_says_ocr_only(tmp_path):
    Image.new("RGB", (300, 200), "white").save(tmp_path / "blank.png")
    with pytest.raises(ExpertError, match="only reads text"):
        ocr(tmp_path, tmp_path / "blank.png")


@pytest.mark.parametrize("content", [b"", b"not an image at all", b"\x89PNG\r\n\x1a\n\x00\x00garbage"])
def test_corrupt_files_are_expert_errors(tmp_path, content):
    bad = tmp_path / "bad.png"
    bad.write_bytes(content)
    with pytest.raises(ExpertError, match="bad.png"):
        ocr(tmp_path, bad)


def test_missing_file_is_an_expert_error(tmp_path):
    with pytest.raises(ExpertError, match="does not exist"):
        ocr(tmp_path, tmp_path / "nowhere.png")


def test_document_question_answering(tmp_path):
    path = render(
        tmp_path / "doc.png",
        ["ACME Corporation", "Invoice date: 3 March 2026", "Total amount due: 250 EUR"],
        size=(800, 300),
    )
    args = {"image": str(path), "text": "How much money must be paid?"}
    out = DocumentQAExpert().run(
        Task(id=0, task="document-question-answering", args=args), args, ExpertContext(tmp_path, 0)
    )
    assert "250" in out["text"]


def test_a_question_the_document_does_not_answer_is_said_not_guessed(tmp_path):
    path = render(tmp_path / "receipt.png", ["GREEN GROCER", "Milk 2.40", "Apples 4.25", "TOTAL 6.65"], size=(700, 260))
    args = {"image": str(path), "text": "what's the date on this receipt"}
    with pytest.raises(ExpertError, match="the document does not seem to say"):
        DocumentQAExpert().run(
            Task(id=0, task="document-question-answering", args=args), args, ExpertContext(tmp_path, 0)
        )
    args["text"] = "how much were the apples"
    out = DocumentQAExpert().run(
        Task(id=0, task="document-question-answering", args=args), args, ExpertContext(tmp_path, 0)
    )
    assert "4.25" in out["text"]


def test_document_question_answering_also_answers_from_its_context(tmp_path):
    path = render(tmp_path / "agenda.png", ["TEAM AGENDA", "1. Budget review", "2. Hiring plan"], size=(700, 260))
    args = {
        "image": str(path),
        "text": "when is the meeting?",
        "context": "Hi all. The meeting is on Friday at 3 pm in room 12. Bring your laptops.",
    }
    out = DocumentQAExpert().run(
        Task(id=0, task="document-question-answering", args=args), args, ExpertContext(tmp_path, 0)
    )
    assert "Friday" in out["text"]


def test_a_question_for_several_things_nearest_the_heading_gets_what_the_heading_heads(tmp_path):
    path = render(tmp_path / "list.png", ["WINE LIST", "Rioja 12", "Chablis 14", "Barolo 20"], size=(600, 380))
    args = {"image": str(path), "text": "What are the wines on the wine list?"}
    task = Task(id=0, task="document-question-answering", args=args)
    out = DocumentQAExpert().run(task, args, ExpertContext(tmp_path, 0))
    assert "Rioja" in out["text"] and "Barolo" in out["text"] and "WINE LIST" not in out["text"]
    # one thing asked ("what is the shop called?") near the heading is the heading itself
    args = {"image": str(path), "text": "What is this list called?"}
    task = Task(id=0, task="document-question-answering", args=args)
    out = DocumentQAExpert().run(task, args, ExpertContext(tmp_path, 0))
    assert out["text"] == "WINE LIST"
