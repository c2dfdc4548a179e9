"""Sign in with Hugging Face: a signed-in visitor's runs use the visitor's token for the router and the
experts, and no other; without sign-in, the Space's own token; the app starts with no login, no token
and no network (the LoginButton is rendered only on Spaces)."""

from __future__ import annotations

import json
import time
from types import SimpleNamespace

import gradio as gr
import pytest
from fake_openai import FakeOpenAI
from PIL import Image
from test_router import SERVED, router_responder

from hugginggpt.config import Config
from hugginggpt.ui.oauth import MOCK_TOKEN, oauth_token, on_spaces, visitor_settings

VISITOR = "hf_visitor_SECRET_333"
OWNER = "hf_owner_SECRET_444"


@pytest.fixture
def router():
    with FakeOpenAI(responder=router_responder, api_key=VISITOR, models=SERVED) as server:
        yield server


@pytest.fixture
def square(tmp_path):
    path = tmp_path / "square.png"
    Image.new("RGB", (32, 32), (220, 20, 20)).save(path)
    return path


def _handler(demo: gr.Blocks, name: str):
    return next(f.fn for f in demo.fns.values() if f.name == name)


def _drain(gen) -> list:
    return list(gen)


def test_visitor_settings():
    base = Config(hf_token=OWNER)
    assert visitor_settings({"model": "x"}, None, base) == {"model": "x"}
    assert visitor_settings(None, VISITOR, base) == {"hf_token": VISITOR, "mode": "hybrid"}
    typed = {"hf_token": "hf_typed"}  # a token typed in Settings wins over the sign-in
    assert visitor_settings(typed, VISITOR, base) == typed
    assert visitor_settings({"mode": "remote"}, VISITOR, base) == {"mode": "remote", "hf_token": VISITOR}
    assert oauth_token(gr.OAuthToken(token=VISITOR, scope="inference-api", expires_at=0)) == VISITOR
    assert oauth_token(None) is None
    assert oauth_token(gr.OAuthToken(token=MOCK_TOKEN, scope="", expires_at=0)) is None


def test_the_ip_token_header_rides_with_the_run_settings_under_one_key():
    from hugginggpt.ui.oauth import IP_TOKEN, ip_token

    headers = {"x-ip-token": "  ip-1  "}
    assert visitor_settings({"model": "x"}, None, Config(), ip_token(headers)) == {"model": "x", IP_TOKEN: "ip-1"}
    assert visitor_settings(None, None, Config(), ip_token({"x-ip-token": "   "})) is None
    assert visitor_settings(None, VISITOR, Config(), ip_token(headers))[IP_TOKEN] == "ip-1"


def test_signed_in_visitor_runs_on_their_token_and_no_other(router, square, tmp_path):
    from app import build_demo

    base = Config(hf_token=OWNER, hf_router_url=router.url, workdir=tmp_path)
    demo = build_demo(base_config=base, root=tmp_path / "ui")
    respond = _handler(demo, "respond")
    oauth = gr.OAuthToken(token=VISITOR, scope="inference-api", expires_at=int(time.time()) + 3600)
    message = {"text": "describe square.png", "files": [str(square)]}
    outs = _drain(respond(message, None, None, SimpleNamespace(session_hash="visitor"), oauth))
    assert router.requests, "the run never reached the router"
    assert {r["headers"]["authorization"] for r in router.requests} == {f"Bearer {VISITOR}"}
    assert router.images(), "the caption went through the VLM expert on the router"
    page = json.dumps(outs, default=str)
    assert VISITOR not in page and OWNER not in page

    # another session, not signed in: the Space's own token, never the visitor's
    router.requests.clear()
    outs = _drain(respond(message, None, None, SimpleNamespace(session_hash="anonymous"), None))
    assert router.requests and {r["headers"]["authorization"] for r in router.requests} == {f"Bearer {OWNER}"}
    page = json.dumps(outs, default=str)
    assert VISITOR not in page and OWNER not in page and "rejected the token (401)" in page


def test_no_login_button_off_spaces(monkeypatch, tmp_path):
    from app import build_demo

    monkeypatch.delenv("SYSTEM", raising=False)
    assert not on_spaces()
    demo = build_demo(base_config=Config(), root=tmp_path / "ui")  # no login, no token, no network
    assert not any(isinstance(b, gr.LoginButton) for b in demo.blocks.values())
    monkeypatch.setenv("SYSTEM", "spaces")
    assert on_spaces()
