"""Eight browser sessions at once: each gets its own answer, never another session's files or history."""

from __future__ import annotations

import json
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from gradio_client import Client, handle_file
from test_app import make_pipeline, write_png
from test_app_api import CHAT, FILES, PLAN, STATUS, serve, texts

from hugginggpt.ui import sessions as ui_sessions

N = 8
LATENCY = 0.5  # seconds per task; a run has two task levels


def test_eight_sessions_at_once_stay_apart(tmp_path):
    pipeline = make_pipeline(latency=LATENCY)  # one stateless pipeline serves everyone
    root = tmp_path / "sessions"
    with serve(lambda cfg: pipeline, root) as demo:
        images = [write_png(tmp_path / f"user{i}.png", color=(30 * i, 90, 200 - 20 * i)) for i in range(N)]
        # download_files=False: time the app, not the client fetching every media file of every reply
        clients = [Client(demo.local_url, verbose=False, download_files=False) for _ in range(N)]

        def converse(i: int) -> tuple[float, tuple, tuple]:
            t0 = time.monotonic()
            first = clients[i].predict(
                {"text": f"request of user {i}", "files": [handle_file(str(images[i]))]}, api_name="/chat"
            )
            took = time.monotonic() - t0
            # names its earlier upload: a turn without files is about what it names, else the newest file
            second = clients[i].predict(
                {"text": f"second turn of user {i}: user{i}.png", "files": []}, api_name="/chat"
            )
            return took, first, second

        start = time.monotonic()
        with ThreadPoolExecutor(N) as pool:
            runs = list(pool.map(converse, range(N)))
        wall = time.monotonic() - start

        for i, (_, first, second) in enumerate(runs):
            for out in (first, second):
                assert out[STATUS].startswith("✅"), out[STATUS]
                chat = " ".join(texts(out[CHAT]))
                plan = json.loads(out[PLAN])
                assert plan[0]["args"] == {"image": f"user{i}.png"}  # only its own upload is visible
                assert f"user {i}" in chat and f"user{i}.png" in texts(out[CHAT])[-1]
                others = [j for j in range(N) if j != i]
                assert not any(f"user {j}" in chat or f"user{j}.png" in chat for j in others)
                names = [Path(f if isinstance(f, str) else f["path"]).name for f in out[FILES]]
                assert names and all(n.startswith(("t0-", "t1-", "t2-")) for n in names)
            # the second turn's chat holds the first turn and nothing from anyone else
            assert texts(second[CHAT])[: len(texts(first[CHAT]))] == texts(first[CHAT])
            assert [t for t in texts(second[CHAT]) if "turn of user" in t or "request of user" in t] == [
                f"request of user {i}",
                f"second turn of user {i}: user{i}.png",
            ]

        # one folder per session, each holding only its own upload
        sessions = [d for d in root.iterdir() if d.is_dir()]
        assert len(sessions) == N
        uploads = sorted(p.name for d in sessions for p in (d / "files").iterdir() if p.name.startswith("user"))
        assert uploads == sorted(f"user{i}.png" for i in range(N))
        for d in sessions:
            assert len([p for p in (d / "files").iterdir() if p.name.startswith("user")]) == 1

        # the runs overlapped: one after another, sixteen runs of >= 2 * LATENCY each take >= 16 s
        # (the margin is for client and server sharing one process and two cores in CI)
        serial = 2 * N * 2 * LATENCY
        assert wall < serial * 0.6, f"{wall:.1f} s for what takes {serial:.1f} s serially"
        assert max(took for took, _, _ in runs) < N * 2 * LATENCY
    assert ui_sessions.sweep(root, max_age=0) == N  # stale sessions are swept
