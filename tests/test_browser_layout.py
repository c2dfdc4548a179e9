"""The page's layout in Chromium at laptop (1440x900) and phone (390x844) size, checked by element boxes
(issue 22): on a laptop the newest output and the plan are in view without scrolling past unrelated
content; on a phone the plan comes before the outputs and nothing is clipped or runs out of its box.
Screenshots go to tmp/artifacts/ (HUGGINGGPT_ARTIFACTS) for a person to look at."""

from __future__ import annotations

import pytest
from test_app import make_pipeline
from test_app_api import serve
from test_browser import browser  # noqa: F401 (the fixture)
from test_browser_stage import LAPTOP, PHONE, ask, open_page, shot

import app
from hugginggpt.config import Config
from hugginggpt.orchestrator import Pipeline

pytestmark = pytest.mark.browser

BOX = """(sel) => {
  const e = document.querySelector(sel); if (!e) return null; const r = e.getBoundingClientRect();
  return {x: r.x, y: r.y + window.scrollY, w: r.width, h: r.height, top: r.y, bottom: r.bottom, right: r.right};
}"""

# every visible element under `root` that runs past the viewport's right edge, or past the right edge of
# the nearest ancestor that clips (overflow other than visible, and not a scroll box)
OVERFLOW = """(root) => {
  const vw = document.documentElement.clientWidth, bad = [];
  for (const e of document.querySelectorAll(root + ' *')) {
    const r = e.getBoundingClientRect();
    if (!r.width || !r.height || getComputedStyle(e).visibility === 'hidden') continue;
    const name = e.tagName + '.' + (typeof e.className === 'string' ? e.className.split(' ')[0] : '');
    const text = (e.textContent || '').trim().slice(0, 40);
    if (r.right > vw + 1) { bad.push(['past the viewport', name, text]); continue; }
    for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
      const s = getComputedStyle(a);
      if (s.overflowX === 'visible' && s.overflowY === 'visible') continue;
      if (s.overflowX === 'auto' || s.overflowX === 'scroll') break;
      if (r.right > a.getBoundingClientRect().right + 1) bad.push(['clipped', name, text]);
      break;
    }
  }
  return bad;
}"""

# step titles: the title text and its "embedded (0.8s)" label inside the step's box (its padding edge)
STEP_LABELS = """() => {
  const bad = [];
  for (const g of document.querySelectorAll('#chat .thought-group')) {
    const box = g.getBoundingClientRect(), st = getComputedStyle(g);
    const right = box.right - parseFloat(st.paddingRight) - parseFloat(st.borderRightWidth);  // the content edge
    for (const e of g.querySelectorAll('.title .md, .title .duration')) {
      const r = e.getBoundingClientRect();
      if (r.width && r.right > right + 0.5) bad.push([e.textContent.trim(), Math.round(r.right), Math.round(right)]);
    }
  }
  return bad;
}"""

# plan graph: every task box drawn inside the panel
GRAPH = """() => {
  const panel = document.querySelector('#plan-graph').getBoundingClientRect(), bad = [];
  const nodes = document.querySelectorAll('#plan-graph g.task-node rect');
  for (const n of nodes) {
    const r = n.getBoundingClientRect();
    if (r.right > panel.right + 1 || r.left < panel.left - 1) bad.push(n.parentElement.dataset.task);
  }
  return {n: nodes.length, bad};
}"""

# the outputs gallery: each image whole (its shape kept, inside the gallery) and its caption whole
GALLERY = """() => {
  const g = document.querySelector('#outputs-gallery').getBoundingClientRect(), out = [];
  for (const item of document.querySelectorAll('#outputs-gallery .thumbnail-item')) {
    const img = item.querySelector('img'), cap = item.querySelector('.caption-label');
    const r = img.getBoundingClientRect(), c = cap ? cap.getBoundingClientRect() : null;
    out.push({
      shape: (r.width / r.height) / (img.naturalWidth / img.naturalHeight),
      inside: r.top >= g.top - 1 && r.bottom <= g.bottom + 1 && r.right <= g.right + 1,
      caption: cap ? cap.textContent.trim() : null,
      caption_whole: cap ? cap.scrollWidth <= cap.clientWidth + 1 && c.bottom <= g.bottom + 1 : false,
    });
  }
  return out;
}"""


@pytest.fixture
def offline_demo(tmp_path):
    offline = Pipeline.from_config(Config(mode="offline"))
    with serve(lambda cfg: offline, tmp_path / "s", base=Config(mode="offline")) as demo:
        yield demo


def box(page, sel: str) -> dict:
    return page.evaluate(BOX, sel)


def test_laptop_shows_the_newest_output_and_the_plan_without_unrelated_content_between(browser, offline_demo):  # noqa: F811
    page = open_page(browser, offline_demo, LAPTOP)
    ask(page, "what's the total on this receipt? say it out loud", app.ASSETS / "receipt.png")
    page.wait_for_selector("#run-status :text('done in')", timeout=90_000)
    page.wait_for_selector("#outputs-audio", state="visible", timeout=10_000)
    page.wait_for_timeout(500)
    shot(page, "layout-laptop-two-steps")
    plan, graph, outputs = box(page, "#plan"), box(page, "#plan-graph"), box(page, "#outputs")
    examples = page.evaluate(
        "() => { const h = [...document.querySelectorAll('button, span, div')].find("
        "e => e.textContent.trim().startsWith('Examples (run offline')); const r = h.getBoundingClientRect();"
        " return {y: r.y + window.scrollY}; }"
    )
    assert graph["bottom"] <= LAPTOP["height"], graph  # the whole plan graph on the first screen
    assert plan["top"] < 200
    assert page.evaluate(GRAPH) == {"n": 2, "bad": []}
    assert outputs["top"] < LAPTOP["height"] - 100, outputs  # the outputs start on the first screen
    assert box(page, "#outputs-audio")["top"] < LAPTOP["height"]  # and the newest output (the speech) with them
    assert examples["y"] > outputs["y"] + outputs["h"] - 1  # the examples come after the outputs, not between
    assert page.evaluate(OVERFLOW, "#main") == []


def _ask_about_people(browser, demo, size, request, path, people, **photo):  # noqa: F811
    """The page at `size` after `request` on a made photo of `people`, once its images are in the gallery."""
    from made_photos import person_photo

    person_photo(people, face=64, **photo)[0].save(path)
    page = open_page(browser, demo, size)
    ask(page, request, path)
    page.wait_for_selector("#run-status :text('done in')", timeout=90_000)
    page.wait_for_selector("#outputs-gallery img", timeout=10_000)
    page.wait_for_timeout(800)
    return page


def test_laptop_gallery_shows_a_single_image_whole_with_its_caption(browser, offline_demo, tmp_path):  # noqa: F811
    page = _ask_about_people(browser, offline_demo, LAPTOP, "flip it upside down", tmp_path / "walker.png", 1)
    shot(page, "layout-laptop-gallery")
    items = page.evaluate(GALLERY)
    assert len(items) == 1, items
    assert abs(items[0]["shape"] - 1) < 0.03 and items[0]["inside"], items  # whole, not letterboxed and cut
    assert items[0]["caption"] == "0: edited image" and items[0]["caption_whole"], items
    assert box(page, "#outputs-gallery")["top"] < LAPTOP["height"]


def test_phone_puts_the_plan_first_and_clips_nothing(browser, offline_demo, tmp_path):  # noqa: F811
    request = "how many people are in this photo? cut them out please"
    page = _ask_about_people(browser, offline_demo, PHONE, request, tmp_path / "two.png", 2, seed=1)
    shot(page, "layout-phone-people")
    plan, outputs, chat = box(page, "#plan"), box(page, "#outputs"), box(page, "#chat")
    assert chat["y"] < plan["y"] < outputs["y"], (chat, plan, outputs)
    assert plan["y"] < 1000, plan  # right after the chat and the input, not ~3,000 px down
    assert page.evaluate(GRAPH)["bad"] == []
    assert page.evaluate(STEP_LABELS) == []
    assert page.evaluate(OVERFLOW, "#main") == []
    items = page.evaluate(GALLERY)
    assert len(items) >= 2 and all(i["caption_whole"] and i["inside"] for i in items), items


def test_phone_step_labels_stay_in_their_step_with_long_model_ids(browser, tmp_path):  # noqa: F811
    """A model id with no space to break at and a long backend label: the title wraps."""
    from fakes import ALL_TASKS, TimedExpert, backend
    from test_app import RulePlanner

    long_id = TimedExpert("facebook/detr_resnet_101_dc5_panoptic_coco_2017", ALL_TASKS, 0.2)
    pipeline = Pipeline(Config(), backends=[backend(long_id, name="huggingface-inference")], planner=RulePlanner())
    with serve(lambda cfg: pipeline, tmp_path / "s") as demo:
        page = open_page(browser, demo, PHONE)
        ask(page, "read receipt.png", app.ASSETS / "receipt.png")
        page.wait_for_selector("#run-status :text('done in')", timeout=60_000)
        page.wait_for_timeout(500)
        assert page.evaluate(STEP_LABELS) == []
        assert page.evaluate(OVERFLOW, "#main") == []
        shot(page, "layout-phone-steps")


def test_settings_explain_the_modes_and_a_rejected_apply_keeps_the_key(browser, tmp_path):  # noqa: F811
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{s.getsockname()[1]}/v1"
    with serve(lambda cfg: make_pipeline(), tmp_path / "s") as demo:
        page = open_page(browser, demo, LAPTOP)
        page.click("#settings button:has-text('Settings')")
        page.wait_for_selector("#set-base-url", timeout=5_000)
        info = page.inner_text("#set-mode")
        for words in ("offline: only the models on this server", "hybrid:", "remote:"):
            assert words in info, info
        page.fill("#set-base-url textarea, #set-base-url input", dead)
        page.fill("#set-api-key input, #set-api-key textarea", "sk-typed-by-the-visitor")
        page.click("#save-settings")
        page.wait_for_selector("#settings :text('Not applied')", timeout=20_000)
        assert page.input_value("#set-api-key input, #set-api-key textarea") == "sk-typed-by-the-visitor"
        assert "server:" not in page.inner_text("#settings-note")
