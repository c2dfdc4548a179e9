"""The cooperation set (bench/data/compose.jsonl) is well formed, and bench/compose.py scores plans
right. Halves B, C, D, E, J, K, R, V and X are held out: no assertion message here quotes a request, only case ids
(halves F, G, H, I, L, M, N, O, P, Q, S, T, U, W and Y are development halves, like A, but their messages quote none
either)."""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import compose  # noqa: E402

from hugginggpt.tasks import TASKS  # noqa: E402

CASES = compose.load_cases()


def test_every_line_parses_with_the_fields_of_a_case():
    lines = [x for x in compose.DATA.read_text(encoding="utf-8").splitlines() if x.strip()]
    assert len(lines) == len(CASES) >= 80
    ids = [c["id"] for c in CASES]
    assert len(set(ids)) == len(ids)
    for c in CASES:
        assert {"id", "half", "kind", "request", "files", "steps", "offline", "expect", "note"} <= set(c), c["id"]
        assert c["half"] in tuple("ABCDEFGHIJKLMNOPQRSTUVWXYZ") and c["kind"] in compose.KINDS, c["id"]
        assert isinstance(c["request"], str) and c["request"].strip(), c["id"]
        assert all(isinstance(w, str) and w for w in c["expect"]), c["id"]


def test_task_names_exist_and_links_point_to_earlier_steps():
    for c in CASES:
        for j, step in enumerate(c["steps"]):
            assert step["task"] and all(t in TASKS for t in step["task"]), (c["id"], j)
            assert all(isinstance(i, int) and 0 <= i < j for i in step.get("from", [])), (c["id"], j)
        named = {t for step in c["steps"] for t in step["task"]}
        assert set(c["offline"]) <= named, c["id"]
        assert all(t in TASKS for t in c.get("extra_ok", [])), c["id"]


def test_files_are_made_by_the_bench():
    for c in CASES:
        assert all(f in compose.MAKERS for f in c["files"]), c["id"]


def test_offline_steps_are_served_here_and_the_others_are_not(tmp_path):
    served = set(compose.offline_pipeline(tmp_path).served_tasks())
    for c in CASES:
        for j, step in enumerate(c["steps"]):
            if compose.is_remote(step, c):
                # image-to-text is served, by OCR, which cannot caption: a description step stays remote
                others = set(step["task"]) - {"image-to-text"}
                assert others and not others & served, (c["id"], j)
            else:
                assert set(step["task"]) <= served, (c["id"], j)


def test_the_kinds_the_issue_asks_for():
    kinds = Counter(c["kind"] for c in CASES)
    multi = kinds["two-step"] + kinds["three-step"]
    assert multi >= 64
    assert 0.2 <= kinds["three-step"] / multi <= 0.35
    assert kinds["single"] >= 14 and kinds["needs-remote"] >= 8 and kinds["mixed-remote"] >= 8
    for c in CASES:
        n = len(c["steps"])
        want = {"single": n == 1, "two-step": n == 2, "three-step": n == 3}.get(c["kind"], True)
        assert want, c["id"]
        remote = any(compose.is_remote(s, c) for s in c["steps"])
        assert remote == (c["kind"] in ("mixed-remote", "needs-remote")), c["id"]
        if c["kind"] == "needs-remote":
            assert all(compose.is_remote(s, c) for s in c["steps"]), c["id"]


def test_halves_hold_the_same_mix():
    for kind in compose.KINDS:
        halves = Counter(c["half"] for c in CASES if c["kind"] == kind)
        assert abs(halves["A"] - halves["B"]) <= 1, kind


def test_half_c_is_fifty_cases_after_a_and_b_with_its_own_files():
    c_cases = [c for c in CASES if c["half"] == "C"]
    assert [c["id"] for c in c_cases] == [f"co-c{i:02d}" for i in range(1, 51)]
    start = CASES.index(c_cases[0])
    assert CASES[start : start + 50] == c_cases and all(c["half"] in ("A", "B") for c in CASES[:start])
    earlier = {f for c in CASES if c["half"] in ("A", "B") for f in c["files"]}
    kinds = Counter(c["kind"] for c in c_cases)
    assert all(kinds[k] >= 6 for k in compose.KINDS) and kinds["two-step"] >= 16 and kinds["three-step"] >= 8
    new = {f for c in c_cases for f in c["files"]} - earlier
    assert len(new) >= 15  # most of its files are drawn or recorded for it


def test_half_d_is_fifty_cases_after_c_with_files_of_its_own():
    d_cases = [c for c in CASES if c["half"] == "D"]
    assert [c["id"] for c in d_cases] == [f"co-d{i:02d}" for i in range(1, 51)]
    start = CASES.index(d_cases[0])
    assert CASES[start : start + 50] == d_cases and CASES[start - 1]["half"] == "C"
    kinds = Counter(c["kind"] for c in d_cases)
    assert dict(kinds) == {"single": 8, "two-step": 20, "three-step": 10, "mixed-remote": 6, "needs-remote": 6}
    earlier = {f for c in CASES if c["half"] != "D" for f in c["files"]}
    mine = {f for c in d_cases for f in c["files"]}
    assert len(mine) >= 20 and not mine & earlier  # every file it uses is drawn or recorded for it


MIX_50 = {"single": 8, "two-step": 20, "three-step": 10, "mixed-remote": 6, "needs-remote": 6}
MIX_60 = {"single": 10, "two-step": 24, "three-step": 12, "mixed-remote": 7, "needs-remote": 7}
MIX_40 = {"single": 6, "two-step": 16, "three-step": 8, "mixed-remote": 5, "needs-remote": 5}


@pytest.mark.parametrize(
    "half, n, after, mix, least_files, speech, development",
    [
        ("E", 50, "D", MIX_50, 20, None, False),  # held out
        ("F", 60, "E", MIX_60, 30, "SPEECH_F", True),
        ("G", 60, "F", MIX_60, 30, "SPEECH_G", True),
        ("H", 40, "G", MIX_40, 20, "SPEECH_H", True),
        ("I", 50, "H", MIX_50, 20, "SPEECH_I", True),
        ("J", 50, "I", MIX_50, 20, "SPEECH_J", False),  # held out
        ("K", 50, "J", MIX_50, 20, "SPEECH_K", False),  # held out
        ("L", 50, "K", MIX_50, 20, "SPEECH_L", True),
        ("M", 50, "L", MIX_50, 20, "SPEECH_M", True),
        ("N", 50, "M", MIX_50, 20, "SPEECH_N", True),
        ("O", 50, "N", MIX_50, 20, "SPEECH_O", True),
        ("P", 50, "O", MIX_50, 20, "SPEECH_P", True),
        ("Q", 50, "P", MIX_50, 20, "SPEECH_Q", True),
        ("R", 50, "Q", MIX_50, 20, "SPEECH_R", False),  # held out
        ("S", 50, "R", MIX_50, 20, "SPEECH_S", True),
        ("T", 50, "S", MIX_50, 20, "SPEECH_T", True),
        ("U", 50, "T", MIX_50, 20, "SPEECH_U", True),
        ("V", 50, "U", MIX_50, 20, "SPEECH_V", False),  # held out
        ("W", 50, "V", MIX_50, 20, "SPEECH_W", True),
        ("X", 50, "W", MIX_50, 20, "SPEECH_X", False),  # held out
        ("Y", 50, "X", MIX_50, 20, "SPEECH_Y", True),
        ("Z", 50, "Y", MIX_50, 20, "SPEECH_Z", False),  # held out
    ],
)
def test_a_later_half_follows_the_one_before_with_its_mix_and_files_of_its_own(
    half, n, after, mix, least_files, speech, development
):
    cases = [c for c in CASES if c["half"] == half]
    letter = half.lower()
    assert [c["id"] for c in cases] == [f"co-{letter}{i:02d}" for i in range(1, n + 1)]
    start = CASES.index(cases[0])
    assert CASES[start : start + n] == cases and CASES[start - 1]["half"] == after
    assert dict(Counter(c["kind"] for c in cases)) == mix
    earlier = {f for c in CASES if c["half"] != half for f in c["files"]}
    mine = {f for c in cases for f in c["files"]}
    assert len(mine) >= least_files and not mine & earlier  # every file it uses is drawn or recorded for it
    if speech:
        assert set(getattr(compose, speech)) <= mine  # and every recording made for it is used
    others = {c["request"].lower() for c in CASES if c["half"] != half}
    assert not [c["id"] for c in cases if c["request"].lower() in others]  # no request of another half reused
    requests = [c["request"].lower() for c in cases]
    assert len(set(requests)) == len(requests)  # nor one of its own repeated
    assert (half in compose.DEVELOPMENT) == development


def test_half_z_is_the_last():
    assert CASES[-1]["half"] == "Z"


# ---- the scorer -----------------------------------------------------------------------------------

SIGN = {
    "id": "t-1",
    "steps": [
        {"task": ["image-to-text", "document-question-answering"]},
        {"task": ["text-classification"], "from": [0]},
        {"task": ["text-to-speech"], "from": [0]},
    ],
    "offline": [],
}


def _plan(*tasks: tuple[int, str, dict]) -> list[dict]:
    return [{"id": i, "task": t, "dep": [-1], "args": a} for i, t, a in tasks]


def test_a_perfect_plan_passes_in_any_order_and_numbering():
    plan = _plan(
        (7, "text-to-speech", {"text": "<GENERATED>-3"}),
        (3, "image-to-text", {"image": "sign.png"}),
        (5, "text-classification", {"text": "<GENERATED>-3"}),
    )
    s = compose.score(SIGN, plan)
    assert s["passed"]
    assert s["assign"] == [3, 5, 7]
    assert (s["steps_found"], s["steps_expected"], s["steps_planned"]) == (3, 3, 3)
    assert (s["links_found"], s["links_expected"], s["links_planned"]) == (2, 2, 2)


def test_a_plan_missing_a_link_fails_on_that_link():
    # both steps there, but the sentiment reads the file name instead of the text the OCR step read
    plan = _plan(
        (0, "image-to-text", {"image": "sign.png"}),
        (1, "text-classification", {"text": "sign.png"}),
        (2, "text-to-speech", {"text": "<GENERATED>-0"}),
    )
    s = compose.score(SIGN, plan)
    assert not s["passed"]
    assert s["steps_found"] == 3 and not s["missing_steps"] and not s["extra"]
    assert s["missing_links"] == [[1, 0]]
    assert (s["links_found"], s["links_planned"]) == (1, 1)


def test_a_wrong_link_an_extra_task_and_a_tolerated_one():
    # speech reads the sentiment label, not the sign: a link that counts against precision
    plan = _plan(
        (0, "image-to-text", {"image": "sign.png"}),
        (1, "text-classification", {"text": "<GENERATED>-0"}),
        (2, "text-to-speech", {"text": "<GENERATED>-1"}),
        (3, "translation", {"text": "<GENERATED>-0"}),
    )
    s = compose.score(SIGN, plan)
    assert s["missing_links"] == [[2, 0]] and s["extra"] == ["translation"]
    assert (s["links_found"], s["links_planned"], s["steps_planned"]) == (1, 3, 4)
    s = compose.score({**SIGN, "extra_ok": ["translation"]}, plan)
    assert s["extra"] == [] and (s["links_planned"], s["steps_planned"]) == (2, 3)


def test_siblings_are_matched_to_distinct_tasks():
    case = {
        "steps": [
            {"task": ["image-to-text"]},
            {"task": ["image-to-text"]},
            {"task": ["sentence-similarity"], "from": [0, 1]},
        ],
        "offline": [],
    }
    plan = _plan((0, "image-to-text", {"image": "a.png"}), (1, "sentence-similarity", {"text1": "<GENERATED>-0"}))
    s = compose.score(case, plan)
    assert s["missing_steps"] == [1] and s["missing_links"] == [[2, 1]] and s["links_found"] == 1


def test_figures_add_up():
    rows = [
        compose.score(SIGN, _plan((0, "image-to-text", {"image": "s.png"}))),
        compose.score(SIGN, _plan((0, "image-to-text", {}), (1, "text-classification", {"text": "<GENERATED>-0"}))),
    ]
    f = compose.figures([{"kind": "three-step"}] * 2, rows)
    assert f["passed"] == 0 and f["per_kind"] == {"three-step": {"n": 2, "passed": 0}}
    assert f["steps"]["recall"] == round(3 / 6, 3) and f["steps"]["precision"] == 1.0
    assert f["links"]["recall"] == round(1 / 4, 3) and f["links"]["precision"] == 1.0


@pytest.mark.parametrize("half", ["B", "C", "D", "E", "J", "K", "R", "V", "X", "Z"])
@pytest.mark.parametrize("show", [False, True])
def test_the_held_out_half_is_written_as_figures_only(show, half):
    cases = [{**SIGN, "id": "t-1", "half": half, "kind": "three-step", "request": "SECRET-REQUEST", "files": ["x"]}]
    plan = _plan((0, "image-to-text", {"image": "x"}))
    rows = [{"id": "t-1", "plan": plan, "source": "offline", "plan_s": 0.1, **compose.score(cases[0], plan)}]
    written = json.dumps(compose.report(half, cases, rows, show=show))
    assert ("SECRET-REQUEST" in written) == show
    assert ("image-to-text" in written) == show  # nor its plans


@pytest.mark.parametrize("half", ["F", "G", "H", "I", "L", "M", "N", "O", "P", "Q", "S", "T", "U", "W", "Y"])
def test_a_development_half_is_written_case_by_case(half):
    cases = [{**SIGN, "id": "t-1", "half": half, "kind": "three-step", "request": "VISIBLE-REQUEST", "files": ["x"]}]
    plan = _plan((0, "image-to-text", {"image": "x"}))
    rows = [{"id": "t-1", "plan": plan, "source": "offline", "plan_s": 0.1, **compose.score(cases[0], plan)}]
    written = json.dumps(compose.report(half, cases, rows))
    assert "VISIBLE-REQUEST" in written and "image-to-text" in written


def test_no_name_of_the_file_makers_is_defined_twice():
    # halves written side by side may pick the same constant name; the later one would silently draw both files
    source = Path(compose.__file__).read_text(encoding="utf-8")
    names = [a or b for a, b in re.findall(r"^([A-Za-z_]\w*)\s*=|^def ([A-Za-z_]\w*)", source, re.M)]
    assert not [n for n, k in Counter(names).items() if k > 1]
    keys = re.findall(r'^    "([\w.-]+\.(?:png|jpe?g|wav|flac|ogg))":', source, re.M)
    assert len(keys) == len(set(keys))  # nor a file name made twice
