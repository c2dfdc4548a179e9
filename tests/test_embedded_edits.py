"""Offline image edits read from the instruction (Pillow, OpenCV looks): each edit changes the pixels
as it says, clauses apply in order, and what it cannot do is refused, never claimed."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from hugginggpt.experts.base import ExpertContext, ExpertError
from hugginggpt.experts.embedded import EmbeddedBackend
from hugginggpt.experts.embedded.edits import ImageEditExpert, parse
from hugginggpt.types import Task


def picture(w: int = 120, h: int = 80) -> Image.Image:
    """Four coloured quadrants and a white square in the top-left one: every turn and flip shows."""
    im = Image.new("RGB", (w, h))
    d = ImageDraw.Draw(im)
    d.rectangle([0, 0, w // 2 - 1, h // 2 - 1], fill=(200, 30, 30))
    d.rectangle([w // 2, 0, w - 1, h // 2 - 1], fill=(30, 200, 30))
    d.rectangle([0, h // 2, w // 2 - 1, h - 1], fill=(30, 30, 200))
    d.rectangle([w // 2, h // 2, w - 1, h - 1], fill=(200, 200, 30))
    d.rectangle([4, 4, 14, 14], fill=(255, 255, 255))
    return im


def edit(tmp_path, text, image=None, task="image-editing"):
    path = tmp_path / "in.png"
    (image or picture()).save(path)
    args = {"image": str(path), "text": text}
    out = ImageEditExpert().run(Task(id=0, task=task, args=args), args, ExpertContext(tmp_path, 0))
    return out, Image.open(out["image"]).convert("RGB")


def arr(im):
    return np.asarray(im).astype(int)


def test_serves_editing_and_image_to_image_under_its_own_id():
    backend = EmbeddedBackend()
    for task in ("image-editing", "image-to-image"):
        assert [e.model for e in backend.experts(task)] == ["pillow/instruction-edits"]
    assert [e.model for e in backend.experts("canny-control")] == ["opencv/canny"]


def test_grayscale_then_mirror_in_order(tmp_path):
    src = picture()
    out, res = edit(tmp_path, "Make it black and white, then mirror it")
    a = arr(res)
    assert (a[..., 0] == a[..., 1]).all() and (a[..., 1] == a[..., 2]).all()
    assert np.abs(a[..., 0] - arr(src.convert("L"))[:, ::-1]).max() <= 1
    assert out["data"]["edits"] == ["converted to grayscale", "mirrored left to right"]
    assert out["text"].startswith("Edited: converted to grayscale, mirrored left to right")


@pytest.mark.parametrize(
    ("text", "transpose"),
    [
        ("Rotate this image by 90 degrees", Image.Transpose.ROTATE_270),  # clockwise by default
        ("rotate it 90° to the left", Image.Transpose.ROTATE_90),
        ("turn it upside down", Image.Transpose.ROTATE_180),
        ("rotate 270 degrees counterclockwise", Image.Transpose.ROTATE_270),
        ("flip it vertically", Image.Transpose.FLIP_TOP_BOTTOM),
        ("mirror the photo", Image.Transpose.FLIP_LEFT_RIGHT),
    ],
)
def test_turns_and_flips_are_exact(tmp_path, text, transpose):
    src = picture()
    _, res = edit(tmp_path, text)
    assert (arr(res) == arr(src.transpose(transpose))).all()


def test_a_free_angle_expands_the_canvas(tmp_path):
    out, res = edit(tmp_path, "rotate by 45 degrees clockwise")
    assert res.width > 120 and res.height > 80
    assert out["data"]["edits"] == ["rotated 45° clockwise"]
    assert tuple(arr(res)[0, 0]) == (255, 255, 255)  # the new corners are filled white


@pytest.mark.parametrize(
    ("text", "size", "pixel"),
    [
        ("crop it to a square", (80, 80), (20, 0)),
        ("crop the left half", (60, 80), (0, 0)),
        ("crop the bottom half", (120, 40), (0, 40)),
        ("crop the centre", (60, 40), (30, 20)),
        ("crop to 50%", (60, 40), (30, 20)),
        ("resize to 60x20", (60, 20), None),
        ("scale it to 25%", (30, 20), None),
        ("make it 240 px wide", (240, 160), None),
        ("make a thumbnail", (256, 171), None),
    ],
)
def test_crops_and_resizes(tmp_path, text, size, pixel):
    src = picture()
    _, res = edit(tmp_path, text)
    assert res.size == size
    if pixel:  # the crop's top-left pixel is the source pixel at `pixel`
        assert tuple(arr(res)[0, 0]) == tuple(arr(src)[pixel[1], pixel[0]])


def test_tones(tmp_path):
    src = arr(picture())
    mean = src.mean()
    assert arr(edit(tmp_path, "make it brighter")[1]).mean() > mean + 10
    assert arr(edit(tmp_path, "darken it by 50%")[1]).mean() < mean * 0.6
    contrast = arr(edit(tmp_path, "increase the contrast")[1]).std()
    assert contrast > src.std() * 1.1
    assert arr(edit(tmp_path, "less contrast please")[1]).std() < src.std() * 0.9
    inv = arr(edit(tmp_path, "invert the colors")[1])
    assert (inv == 255 - src).all()
    sep = arr(edit(tmp_path, "give it an old-fashioned sepia look")[1])
    assert (sep[..., 0] >= sep[..., 2]).all()  # warm: red over blue everywhere


def test_blur_and_sharpen_change_the_detail(tmp_path):
    rng = np.random.default_rng(0)
    noisy = Image.fromarray(rng.integers(0, 255, (80, 120, 3), dtype=np.uint8))

    def roughness(a):
        return np.abs(np.diff(a, axis=1)).mean()

    base = roughness(arr(noisy))
    _, blurred = edit(tmp_path, "blur it", noisy)
    _, strong = edit(tmp_path, "blur it heavily", noisy)
    _, sharp = edit(tmp_path, "sharpen", noisy.resize((60, 40)).resize((120, 80)))
    assert roughness(arr(strong)) < roughness(arr(blurred)) < base * 0.6
    assert roughness(arr(sharp)) > roughness(arr(noisy.resize((60, 40)).resize((120, 80))))


@pytest.mark.parametrize("text", ["turn it into a pencil sketch", "show only the edges", "make it a cartoon"])
def test_looks_from_opencv(tmp_path, text):
    out, res = edit(tmp_path, text)
    assert res.size == (120, 80) and not (arr(res) == arr(picture())).all()
    assert out["data"]["edits"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("add a hat to the dog", "cannot 'add a hat to the dog'"),
        ("make it grayscale and remove the car", "cannot 'remove the car'"),
        ("blur the background", "not to the background alone"),
        ("make him smile", "needs a generative model"),
        ("a cat in the style of Monet", "cannot 'a cat in the style of monet'"),
        ("the picture of my cat", "no edit found"),
    ],
)
def test_what_it_cannot_do_is_refused(tmp_path, text, message):
    with pytest.raises(ExpertError, match=message):
        edit(tmp_path, text)
    assert not list(tmp_path.glob("t0-edited*"))  # refused before any file was written


def test_no_instruction_is_an_expert_error(tmp_path):
    for text in ("", "   "):
        with pytest.raises(ExpertError, match="no edit instruction given"):
            edit(tmp_path, text, task="image-to-image")


def test_resize_limits(tmp_path):
    with pytest.raises(ExpertError, match="over the limit"):
        edit(tmp_path, "resize to 9000x9000")
    with pytest.raises(ExpertError, match="say how to resize"):
        parse("resize it")


def test_file_names_and_chit_chat_are_not_edits():
    names = [e.name for e in parse("Here is my holiday photo.jpg, please convert it to grayscale")]
    assert names == ["converted to grayscale"]


def test_a_bare_fix_it_takes_its_edit_from_the_fault_told_before_it():
    assert [e.name for e in parse("this sign is upside down, fix it")] == ["turned 180° (it was upside down)"]
    with pytest.raises(ExpertError, match="without being told how"):
        parse("fix it")


def test_unmirror_flips_back():
    assert [e.name for e in parse("unmirror it")] == ["mirrored left to right"]


def test_a_stated_fault_and_a_bare_turn_undo_the_fault(tmp_path):
    upside_down = picture().transpose(Image.Transpose.ROTATE_180)
    for text in ("this came out upside down lol, flip it", "it's upside down, turn it around", "upside-down scan"):
        out, im = edit(tmp_path, text, upside_down)
        assert (arr(im) == arr(picture())).all(), text
        assert "180°" in out["text"]
    # a stated fault and another edit: the fault is undone first
    _, im = edit(tmp_path, "it's upside down, make it black and white", upside_down)
    assert im.size == picture().size and arr(im)[8, 8].tolist() == [255, 255, 255]  # the white square is back
    # no fault stated: a flip is a mirror
    _, im = edit(tmp_path, "flip it", picture())
    assert (arr(im) == arr(picture().transpose(Image.Transpose.FLIP_LEFT_RIGHT))).all()


def page(lines: list[str]) -> Image.Image:
    im = Image.new("RGB", (640, 90 * len(lines) + 60), "white")
    d = ImageDraw.Draw(im)
    for i, line in enumerate(lines):
        d.text((30, 30 + 90 * i), line, fill="black", font=ImageFont.load_default(size=56))
    return im


@pytest.mark.slow  # OCR of each turn
@pytest.mark.parametrize("turned", [Image.Transpose.ROTATE_90, Image.Transpose.ROTATE_270, Image.Transpose.ROTATE_180])
def test_the_right_way_up_is_told_by_the_text_in_the_picture(tmp_path, turned):
    upright = page(["Opening hours", "Mon to Fri 9 to 5"])
    out, im = edit(tmp_path, "can you turn this the right way round", upright.transpose(turned))
    assert im.size == upright.size and (arr(im) == arr(upright)).all(), out["text"]
    out, im = edit(tmp_path, "make it upright", upright)
    assert "already the right way up" in out["text"] and (arr(im) == arr(upright)).all()


def test_sideways_with_nothing_to_tell_by_is_turned_clockwise_and_says_so_and_a_bare_ask_is_refused(tmp_path):
    plain = Image.new("RGB", (120, 80), (90, 140, 200))
    out, im = edit(tmp_path, "this pic is sideways, fix it", plain)
    assert im.size == (80, 120) and "nothing in the picture shows which way is up" in out["text"]
    with pytest.raises(ExpertError, match="shows which way is up"):
        edit(tmp_path, "turn it the right way up", plain)


@pytest.mark.slow
@pytest.mark.parametrize("turned", [Image.Transpose.ROTATE_90, Image.Transpose.ROTATE_180, Image.Transpose.ROTATE_270])
def test_the_right_way_up_of_a_photo_is_told_by_its_faces(tmp_path, turned):
    from made_photos import person_photo

    photo, _ = person_photo(2, face=110)
    out, im = edit(tmp_path, "turn this photo the right way round", photo.transpose(turned))
    assert im.size == photo.size and (arr(im) == arr(photo)).all(), out["text"]


def test_an_edit_that_needs_a_generative_model_says_what_to_configure(tmp_path):
    with pytest.raises(ExpertError, match=r"generative model: enter a Hugging Face token in Settings.*HF_TOKEN"):
        edit(tmp_path, "make the sky purple")


def test_can_u_fix_it_after_a_stated_fault_undoes_it(tmp_path):
    upside_down = picture().transpose(Image.Transpose.ROTATE_180)
    _, im = edit(tmp_path, "ugh this came out upside down, can u fix it", upside_down)
    assert (arr(im) == arr(picture())).all()


def test_a_picture_told_to_be_a_mirror_image_is_mirrored_back(tmp_path):
    mirrored = picture().transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    for text in ("the writing is back to front, fix it", "this came out mirrored, flip it back", "it's backwards"):
        out, im = edit(tmp_path, text, mirrored)
        assert (arr(im) == arr(picture())).all(), text
        assert "mirror image" in out["text"]
    # told, then another edit: mirrored back first, then the edit
    out, im = edit(tmp_path, "this scan is reversed, make it grayscale", mirrored)
    assert im.size == picture().size and out["text"].index("mirror") < out["text"].index("gray")


def test_a_fault_told_with_any_verb_is_undone_and_a_turn_asked_is_done():
    # told ("my phone saved it sideways"): undone by the turn the picture shows
    told = "my camera saved this one sideways?, straighten it up"
    assert [e.name for e in parse(told)] == ["turned the right way up"]
    # asked ("turn it upside down", "rotate it sideways"): done as asked
    assert [e.name for e in parse("turn the scan upside down")] == ["rotated 180° (upside down)"]
    assert [e.name for e in parse("rotate the photo sideways")] == ["rotated 90° clockwise"]
    assert [e.name for e in parse("mirror it")] == ["mirrored left to right"]


def test_toning_down_a_picture_said_too_bright_is_one_brightness_edit():
    assert [e.name for e in parse("tone it down a bit")] == ["brightness lowered to 70%"]
    assert [e.name for e in parse("way too bright from the flash, tone it down")] == ["brightness lowered to 70%"]
    assert [e.name for e in parse("tone it up")] == ["brightness raised to 135%"]


def test_a_fault_told_in_the_past_tense_is_no_turn_asked(tmp_path):
    # "the camera turned round and it has come out back to front": what happened, then the ask to put it right
    mirrored = picture().transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    text = "the camera turned round and the photo has come out back to front, please put it the right way round"
    out, im = edit(tmp_path, text, mirrored)
    assert (arr(im) == arr(picture())).all() and "mirror" in out["text"]
    # "my phone flipped this round" tells how the fault came; it is no flip of its own (two flips undo nothing)
    text = "my phone camera flipped this round, it came out back to front. put it the right way round"
    out, im = edit(tmp_path, text, mirrored)
    assert (arr(im) == arr(picture())).all() and out["text"].count("mirrored") == 1
