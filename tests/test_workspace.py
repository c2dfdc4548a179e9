"""Only uploads and files produced in the workspace can be used as task inputs."""

from __future__ import annotations

import os

import pytest

from hugginggpt.workspace import PathRefused, Workspace


@pytest.fixture
def ws(tmp_path):
    src = tmp_path / "outside"
    src.mkdir()
    (src / "photo.jpg").write_bytes(b"jpeg")
    w = Workspace(tmp_path / "ws")
    w.add_upload(src / "photo.jpg")
    return w


def test_uploads_resolve_by_name_and_original_path(ws, tmp_path):
    copy = ws.root / "photo.jpg"
    assert ws.resolve("photo.jpg") == copy
    assert ws.resolve(str(tmp_path / "outside" / "photo.jpg")) == copy
    assert copy.read_bytes() == b"jpeg"


def test_files_produced_in_the_workspace_resolve(ws):
    (ws.root / "t1-out.png").write_bytes(b"png")
    assert ws.resolve("t1-out.png") == ws.root / "t1-out.png"
    assert ws.resolve(str(ws.root / "t1-out.png")) == ws.root / "t1-out.png"


@pytest.mark.parametrize(
    "name,reason",
    [
        ("/etc/passwd", "is not a file you uploaded"),
        ("../outside/photo.jpg", "leaves the workspace"),
        ("sub/../../x.png", "leaves the workspace"),
        ("file:///etc/passwd", "is a URL"),
        ("http://example.com/a.png", "is a URL"),
        ("missing.png", "was not uploaded and no task produced it"),
        ("", "an empty file name"),
    ],
)
def test_everything_else_is_refused(ws, name, reason):
    with pytest.raises(PathRefused, match=reason):
        ws.resolve(name)


def test_symlink_out_of_the_workspace_is_refused(ws, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("s3cret")
    os.symlink(secret, ws.root / "innocent.png")
    with pytest.raises(PathRefused, match="points outside the workspace"):
        ws.resolve("innocent.png")


def test_uploads_with_clashing_names_are_kept_apart(tmp_path):
    w = Workspace(tmp_path / "ws")
    for d in ("a", "b"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "x.png").write_bytes(d.encode())
    first = w.add_upload(tmp_path / "a" / "x.png")
    second = w.add_upload(tmp_path / "b" / "x.png")
    assert first != second and first.read_bytes() == b"a" and second.read_bytes() == b"b"
    assert w.resolve(str(tmp_path / "b" / "x.png")) == second


def test_bad_uploads_are_refused_clearly(tmp_path):
    w = Workspace(tmp_path / "ws")
    with pytest.raises(ValueError, match="is not a file"):
        w.add_upload(tmp_path / "nope.png")
    (tmp_path / "empty.png").write_bytes(b"")
    with pytest.raises(ValueError, match="is empty"):
        w.add_upload(tmp_path / "empty.png")
    (tmp_path / "big.wav").write_bytes(b"x" * 2048)
    with pytest.raises(ValueError, match="uploads are limited to"):
        w.add_upload(tmp_path / "big.wav", max_bytes=1024)


def test_odd_file_names_are_made_safe(tmp_path):
    (tmp_path / "my photo; rm -rf.png").write_bytes(b"x")
    w = Workspace(tmp_path / "ws")
    dest = w.add_upload(tmp_path / "my photo; rm -rf.png")
    assert dest.parent == w.root and " " not in dest.name and ";" not in dest.name
    assert w.resolve("my photo; rm -rf.png") == dest


def test_conversations_live_under_the_configured_workdir(tmp_path):
    from hugginggpt.config import Config
    from hugginggpt.orchestrator import Pipeline

    pipeline = Pipeline(Config(workdir=tmp_path / "runs"))
    one, two = pipeline.new_session(), pipeline.new_session()
    assert one.workspace.root.parent == (tmp_path / "runs").resolve()
    assert one.workspace.root != two.workspace.root
