"""The README's screenshot tour, taken from the real page so it stays true.

Serves the app offline (embedded planner and models) on 127.0.0.1, drives Debian's chromium with
Playwright, asks a two-step request of the receipt (read the total, then say it aloud) and saves what a
visitor sees at laptop and phone size: the first screen, the answer with its plan and outputs, and on a
phone the plan and outputs under the chat:

    .venv/bin/python scripts/screenshots.py [OUT_DIR]      # default docs/tour
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import app  # noqa: E402
from hugginggpt.config import Config  # noqa: E402
from hugginggpt.orchestrator import Pipeline  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]  # fmt: skip
SIZES = {"laptop": (1440, 900), "phone": (390, 844)}
REQUEST = "what's the total on this receipt? say it out loud"  # two steps: read the total, speak it


def tour(out: Path) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    offline = Pipeline.from_config(Config(mode="offline"))
    shots: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        demo = app.queue(app.build_demo(lambda cfg: offline, base_config=Config(mode="offline"), root=Path(tmp)))
        demo.launch(prevent_thread_lock=True, quiet=True, **app.launch_kwargs(demo))
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
                for name, (w, h) in SIZES.items():
                    page = browser.new_page(viewport={"width": w, "height": h})
                    page.goto(demo.local_url, wait_until="load")
                    page.wait_for_selector("#capabilities summary", timeout=30_000)
                    page.wait_for_timeout(500)
                    shots.append(out / f"{name}-1-welcome.png")
                    page.screenshot(path=str(shots[-1]))
                    page.set_input_files("#request input[type=file]", str(app.ASSETS / "receipt.png"))
                    page.wait_for_selector("#request img", timeout=15_000)
                    page.fill("#request [data-testid=textbox]", REQUEST)
                    page.click("#request [data-testid=submit-button]")
                    page.wait_for_selector("#run-status :text('done')", timeout=90_000)
                    page.wait_for_selector("#outputs-audio", state="visible", timeout=10_000)
                    page.wait_for_timeout(800)
                    shots.append(out / f"{name}-2-answer.png")
                    page.screenshot(path=str(shots[-1]))
                    if name == "phone":  # the plan and the outputs follow the chat
                        page.locator("#plan").scroll_into_view_if_needed()
                        page.evaluate(
                            "() => window.scrollBy(0, document.querySelector('#plan').getBoundingClientRect().top - 8)"
                        )
                        page.wait_for_timeout(300)
                        shots.append(out / f"{name}-3-plan.png")
                        page.screenshot(path=str(shots[-1]))
                    page.close()
                browser.close()
        finally:
            demo.close()
    return shots


if __name__ == "__main__":
    for shot in tour(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "tour"):
        print(shot.relative_to(ROOT) if shot.is_relative_to(ROOT) else shot)
