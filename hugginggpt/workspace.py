"""The files a conversation may use: its uploads and what its tasks produced, in one folder.

A plan's file arguments are resolved here and nowhere else: any path outside the folder
(`/etc/passwd`, `../x`, `file://...`, a symlink that leads out) is refused.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path, PurePosixPath

MAX_UPLOAD_BYTES = 50 * 1024 * 1024
_ONLY = "only files you uploaded or that tasks produced can be used"


class PathRefused(ValueError):
    """A file argument names something outside the workspace, or nothing at all."""


def _safe_name(name: str) -> str:
    stem = re.sub(r"[^A-Za-z0-9._-]+", "_", PurePosixPath(name).name).strip("._") or "file"
    return stem[:120]


class Workspace:
    """One folder per conversation: uploads are copied in, tasks write their outputs in it."""

    def __init__(self, root: Path | None = None, *, parent: Path | None = None):
        """`root`: this folder; else a new folder under `parent` (default: the system temp dir)."""
        if root is None:
            if parent is not None:
                parent.mkdir(parents=True, exist_ok=True)
            root = Path(tempfile.mkdtemp(prefix="hugginggpt-", dir=parent))
        root.mkdir(parents=True, exist_ok=True)
        self.root = root.resolve()
        self.uploads: dict[str, Path] = {}  # name the user knows (path or basename) -> copy

    def add_upload(self, source: str | os.PathLike, max_bytes: int = MAX_UPLOAD_BYTES) -> Path:
        """Copy a user's file in; returns its path here. Raises ValueError for missing or huge files."""
        src = Path(source)
        if not src.is_file():
            raise ValueError(f"{src} is not a file that can be read")
        size = src.stat().st_size
        if size > max_bytes:
            raise ValueError(f"{src.name} is {size / 2**20:.1f} MB; uploads are limited to {max_bytes / 2**20:.0f} MB")
        if size == 0:
            raise ValueError(f"{src.name} is empty")
        dest = self.root / _safe_name(src.name)
        if src.resolve() != dest:
            n = 1
            while dest.exists():
                dest = self.root / f"{Path(_safe_name(src.name)).stem}-{n}{src.suffix.lower()}"
                n += 1
            shutil.copyfile(src, dest)
        self.uploads[str(source)] = dest
        self.uploads.setdefault(src.name, dest)
        self.uploads.setdefault(dest.name, dest)
        return dest

    def resolve(self, name: str) -> Path:
        """The file a plan argument names. Only uploads (by the name or path the user gave) and files
        inside the workspace count; everything else raises PathRefused with the reason."""
        value = name.strip()
        if not value:
            raise PathRefused("an empty file name")
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", value):
            raise PathRefused(f"{value} is a URL; {_ONLY}")
        if value in self.uploads:
            return self.uploads[value]
        pure = PurePosixPath(value)
        if ".." in pure.parts:
            raise PathRefused(f"{value} leaves the workspace; {_ONLY}")
        if pure.is_absolute():
            candidate = Path(value)
            if not _inside(candidate.resolve(), self.root):
                raise PathRefused(f"{value} is not a file you uploaded; {_ONLY}")
        else:
            candidate = self.root / value
        real = candidate.resolve()
        if not _inside(real, self.root):
            raise PathRefused(f"{value} points outside the workspace (a symlink?); it cannot be used")
        if not real.is_file():
            raise PathRefused(f"{value} was not uploaded and no task produced it")
        return real

    def files(self) -> list[Path]:
        """The conversation's files, oldest first: "this photo" means the newest (the last)."""
        return sorted((p for p in self.root.iterdir() if p.is_file()), key=lambda p: (p.stat().st_mtime_ns, p.name))

    def cleanup(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents
