"""The embedded planner's coverage invariant, over every request set of the project.

Every clause of a request ends planned (it has steps), named as not planned (with one sentence on why), or
context (it asks nothing); a clause that asks for something is never silently context. Every plan is a
valid DAG the validator accepts as it is. A failure names the set and the case id only: the held-out half
of the composition set is not printed.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from hugginggpt.config import Config
from hugginggpt.orchestrator import Pipeline
from hugginggpt.planning import validate
from hugginggpt.planning.embedded import EmbeddedPlanner
from hugginggpt.types import GENERATED

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))


def _sets() -> dict[str, list[tuple[str, str, tuple[str, ...]]]]:
    """(id, request, file names) per set."""
    import demo_requests

    out: dict[str, list[tuple[str, str, tuple[str, ...]]]] = {}
    compose = [json.loads(line) for line in (ROOT / "bench/data/compose.jsonl").read_text().splitlines() if line]
    out["compose"] = [(c["id"], c["request"], tuple(c["files"])) for c in compose]
    out["demo"] = [(f"demo-{k}", d.request, d.files) for k, d in enumerate(demo_requests.DEMOS)]
    proxy = ROOT / "bench/data/planning_proxy.jsonl"
    out["proxy"] = [(r["id"], r["user_request"], ()) for r in map(json.loads, proxy.read_text().splitlines()) if r]
    fresh = ROOT / "bench/data/taskbench_fresh.jsonl"  # its held-out half C too: the invariant, not the plans
    out["fresh"] = [(r["id"], r["user_request"], ()) for r in map(json.loads, fresh.read_text().splitlines()) if r]
    dev = ROOT.parent / "shared/eval/taskbench_hf_dev.jsonl"
    if dev.exists():  # TaskBench's dev split sits beside the project (../shared), in CI too
        out["taskbench"] = [(r["id"], r["user_request"], ()) for r in map(json.loads, dev.read_text().splitlines())]
    out["issue"] = [
        (f"issue-{k}", text, files)
        for k, (text, files) in enumerate(
            [
                ("Translate 'good morning, my friend' into Spanish", ()),
                ("Read this sign and tell me whether it sounds positive or negative", ("sign.png",)),
                ("What does this sign say, and which language is it written in?", ("sign.png",)),
                ("Listen to this review and tell me if the speaker is happy with the product", ("review.wav",)),
                ("Say 'see you at the station' and then transcribe your own recording", ()),
                ("cut her out", ()),
                ("hello!", ()),
                ("", ("photo.jpg",)),
            ]
        )
    ]
    return out


SETS = _sets()
CASES = [(name, *case) for name, cases in SETS.items() for case in cases]


@pytest.fixture(scope="module")
def planner() -> EmbeddedPlanner:
    return EmbeddedPlanner()


@pytest.fixture(scope="module")
def offline():
    return Pipeline.from_config(Config(mode="offline")).capabilities()


def test_the_sets_are_there():
    assert {"compose", "demo", "proxy", "fresh", "issue"} <= set(SETS) and len(CASES) > 600


@pytest.mark.parametrize("mode", ["offline", "all-tasks"])
def test_every_clause_ends_planned_named_or_context(planner, offline, mode):
    capabilities = offline if mode == "offline" else None
    bad: list[str] = []
    for name, cid, text, files in CASES:
        reading = planner.read(text, files, capabilities)
        asking = {w.clause.index for w in reading.wants}
        fates = {f.clause.index: f for f in reading.fates}
        plan = reading.plan
        ids = {t.id for t in plan.tasks}
        problems = []
        if set(fates) != {c.index for c in reading.clauses}:
            problems.append("a clause without a fate")
        for k in asking:
            f = fates.get(k)
            if f is None or f.kind == "context":
                problems.append(f"clause {k} asks but ends as context")
            elif f.kind == "planned" and not set(f.steps) <= ids:
                problems.append(f"clause {k} points at steps the plan lacks")
            elif f.kind == "unplanned" and not f.why.strip():
                problems.append(f"clause {k} is not planned and says no why")
        if any(f.kind == "unplanned" for f in fates.values()) and not plan.unplanned:
            problems.append("a clause is not planned but the plan does not say so")
        for t in plan.tasks:  # a DAG in order: every reference points back
            refs = [int(v[len(GENERATED) :]) for v in t.args.values() if v.startswith(GENERATED)]
            if any(r >= t.id or r not in ids for r in refs) or set(t.dep) != set(refs):
                problems.append(f"task {t.id} refers ahead or away")
        if plan.tasks:
            try:
                validate(plan.to_json(), list(files))
            except Exception as e:  # noqa: BLE001 - any refusal is a finding
                problems.append(f"the validator refuses it: {type(e).__name__}")
        if problems:
            bad.append(f"{name}/{cid}: {'; '.join(problems)}")
    assert not bad, f"{len(bad)} of {len(CASES)} requests break the invariant:\n" + "\n".join(bad[:30])


def test_a_request_with_nothing_to_work_on_says_what_it_needs(planner, offline):
    plan = planner.plan("cut her out", [], capabilities=offline)
    assert plan.tasks == [] and plan.unplanned == ["“cut her out” needs a picture: attach one."]
    plan = planner.plan("summarize it", [], capabilities=offline)
    assert plan.unplanned == ["“summarize it” needs a text: quote it or attach a file."]
    plan = planner.plan("", ["photo.jpg"], capabilities=offline)
    assert plan.tasks == [] and "photo.jpg" in plan.unplanned[0]


def test_an_llm_plan_that_leaves_out_a_part_of_the_request_says_so_in_the_chat(fake_llm, tmp_path):
    from fakes import universal_backend
    from PIL import Image

    from hugginggpt.llm.openai_compatible import OpenAICompatible
    from hugginggpt.types import FinalAnswer, Request

    sign = tmp_path / "sign.png"
    Image.new("RGB", (32, 16), "white").save(sign)
    fake_llm.enqueue('[{"task": "image-to-text", "id": 0, "dep": [-1], "args": {"image": "sign.png"}}]')
    fake_llm.responder = lambda messages: "The sign says EXIT."
    llm = OpenAICompatible("fake-model", base_url=fake_llm.url, api_key="k", timeout=5, retries=0)
    pipeline = Pipeline(Config(llm_selects=False), llm=llm, backends=[universal_backend()])
    final = pipeline.answer(Request("Read this sign and then say it out loud", [sign]))
    assert isinstance(final, FinalAnswer)  # a note, not a failure: the part that ran answers
    note = "The plan may leave out “say it out loud”: no step of it does that."
    assert final.trace["plan_unplanned"] == [note] and final.answer.endswith(note)
    assert final.answer.startswith("The sign says EXIT.")
    # a plan that covers the request says nothing more
    fake_llm.enqueue(
        '[{"task": "image-to-text", "id": 0, "dep": [-1], "args": {"image": "sign.png"}}, '
        '{"task": "text-to-speech", "id": 1, "dep": [0], "args": {"text": "<GENERATED>-0"}}]'
    )
    final = pipeline.answer(Request("Read this sign and then say it out loud", [sign]))
    assert "plan_unplanned" not in final.trace and final.answer == "The sign says EXIT."


def test_a_task_that_makes_what_the_goal_makes_covers_it():
    from hugginggpt.planning.coverage import uncovered
    from hugginggpt.types import Plan, Task

    edges = Task(0, "canny-control", {"image": "room.png"})
    drawn = Task(1, "canny-text-to-image", {"image": "<GENERATED>-0", "text": "a cosy room"}, (0,))
    assert uncovered("find the edges of room.png and draw a picture from them", Plan([edges, drawn])) == []
    # a video step the validator dropped was planned: said by its dropped note, not a second time
    dropped = Plan([Task(0, "text-to-image", {"text": "a cat"})])
    dropped.dropped = ["task 1 (image-to-video) is not a task this app knows"]
    assert uncovered("draw a cat and animate it", dropped) == []
    assert uncovered("draw a cat and animate it", Plan([Task(0, "text-to-image", {"text": "a cat"})])) == [
        "The plan may leave out “animate it”: no step of it does that."
    ]
