"""Sign in with Hugging Face on a Space: a signed-in visitor's runs use the visitor's own token (for the
router and the Inference Providers, billed to the visitor). No gradio here: the page hands over the
token string of its `gr.OAuthToken`.

The token lives only in the settings of one run (never stored in the session's state, never shown):
the pipeline cache keys pipelines by a hash of the whole config, so two visitors never share one, and
the Hub listing cache is keyed by a hash of the token that listed it.
"""

from __future__ import annotations

import os
from typing import Any

from ..config import Config, config_for_visitor

# what Gradio hands out off Spaces since 6.6, when it mocks the login: never a real token
MOCK_TOKEN = "mock-oauth-token-for-local-dev"
IP_TOKEN = "ip_token"  # the settings key of the visitor's X-IP-Token for one run


def ip_token(headers: Any) -> str | None:
    """The X-IP-Token header of a visitor's request on a Space (None elsewhere)."""
    try:
        value = headers.get("x-ip-token") if headers is not None else None
    except AttributeError:
        return None
    return value.strip() if isinstance(value, str) and value.strip() else None


def on_spaces() -> bool:
    """Running as a Hugging Face Space (the LoginButton is shown only there: elsewhere Gradio mocks the
    login, which needs a local HF login and the network at start-up)."""
    return os.environ.get("SYSTEM") == "spaces"


def oauth_token(oauth: Any) -> str | None:
    """The access token of a `gr.OAuthToken` (None when not signed in, or a mocked login)."""
    token = getattr(oauth, "token", None)
    if not isinstance(token, str) or not token.strip() or token == MOCK_TOKEN:
        return None
    return token.strip()


def visitor_settings(
    settings: dict | None, token: str | None, base: Config, ip_token: str | None = None
) -> dict | None:
    """The settings of one run of a visitor signed in with Hugging Face: their token, unless they typed
    one in Settings, and hybrid mode where the server left the mode to its default (see
    `config.config_for_visitor`). Without sign-in, the settings as they are (the Space's own HF_TOKEN,
    if the owner set one, else offline). `ip_token`: the visitor's X-IP-Token header on a Space, which
    public ZeroGPU Spaces count their free quota on, as `ip_token()` reads it (stripped, None when
    absent or blank); it rides with the run, never in the config."""
    if ip_token:
        settings = {**(settings or {}), IP_TOKEN: ip_token}
    if not token:
        return settings
    merged = dict(settings or {})
    if not (merged.get("hf_token") or "").strip():
        merged["hf_token"] = token
        if not merged.get("mode"):
            merged["mode"] = config_for_visitor(base, token).mode
    return merged
