"""Would a learned clause reading help the offline planner? An experiment on the development halves only.

    python bench/clause_knn.py          # writes bench/results/clause_knn.json (about 4 minutes on 2 cores)

The question: can a reading learned from labelled clauses of other writers' requests correct the planner's
hand-written cues on a writer it has not seen? The planner reads each request of the development halves of
bench/data/compose.jsonl (never the held-out ones); on a request it plans right, each clause's goals (none:
context) are a label consistent with the set's expected steps. Each clause is embedded with the MiniLM the
planner already ships, and every development half in turn is read by nearest neighbours among the labelled
clauses of the other halves (leave one writer out):

- `knn_alone`: how often the nearest label equals the planner's own (right) reading of the clause;
- `second_opinion`: the neighbours overrule the planner's reading of a clause where their label is at least
  `near` close and at least `margin` closer than the nearest clause labelled as the planner read it (never to
  drop one of two goals, never to add a goal the request already asks elsewhere). On a right plan every
  overruled clause is a plan made wrong; on a wrong plan it may be a repair. Both are counted.

Results are counts, not a verdict: the docs (docs/BENCHMARKS.md) say what they meant for the design.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
for _p in (ROOT, ROOT / "bench"):
    if str(_p) not in sys.path:
        sys.path.insert(0, str(_p))

import compose  # noqa: E402

OUT = ROOT / "bench" / "results" / "clause_knn.json"
GRID = [(near, margin) for near in (0.6, 0.7, 0.8) for margin in (0.1, 0.2)]
# where the opinion may overrule: any clause; only a clause the cues left without a goal (it may add one); only a
# clause no cue read (left without a goal, or read by meaning)
SCOPES = {
    "any clause": lambda row: True,
    "adds only": lambda row: row["label"] == "-",
    "clauses no cue read": lambda row: not row["by_cue"],
}


def labelled_clauses() -> list[dict]:
    """Every clause of the development halves, with the goals the planner read in it and whether the
    request's plan was right."""
    from hugginggpt.planning.embedded import reading
    from hugginggpt.planning.embedded.planner import GoalPlanner

    cases = [c for c in compose.load_cases() if c["half"] in compose.DEVELOPMENT]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        paths = compose.make_files(Path(tmp) / "made", {f for c in cases for f in c["files"]})
        pipeline = compose.offline_pipeline(Path(tmp) / "runs")
        capabilities = pipeline.capabilities()
        planner = GoalPlanner()
        for case in cases:
            session = pipeline.new_session()  # files named as a run names them (see compose.plan_case)
            uploaded = [session.workspace.add_upload(paths[f]).name for f in case["files"]]
            r = planner.read(case["request"], uploaded, capabilities)
            right = compose.score(case, r.plan.to_json())["passed"]
            for clause in r.clauses:
                mine = [w for w in r.wants if w.clause.index == clause.index]
                goals = sorted({w.goal.name for w in mine})
                by_cue = any(w.evidence in ("cue", "question") for w in mine)  # read by a cue, not by meaning
                text = reading._asked_part(clause)  # the words the planner reads by meaning
                rows.append({"half": case["half"], "id": case["id"], "right": right, "text": text,
                             "label": "+".join(goals) or "-", "by_cue": by_cue})  # fmt: skip
    return rows


def nearest_by_label(sims: np.ndarray, labels: np.ndarray) -> dict[str, float]:
    """For one clause: each label's cosine to its nearest clause read that way."""
    return {label: float(sims[labels == label].max()) for label in set(labels.tolist())}


def overruled(row: dict, best: dict[str, float], asked: set[str], near: float, margin: float) -> bool:
    """Whether the neighbours overrule the planner's reading of one clause (see the module's doc)."""
    pred = max(best, key=best.get)
    if pred == row["label"] or best[pred] < near or best[pred] - best.get(row["label"], 0.0) < margin:
        return False
    mine = set() if row["label"] == "-" else set(row["label"].split("+"))
    theirs = set() if pred == "-" else set(pred.split("+"))
    if theirs and theirs <= mine:  # one of two goals dropped
        return False
    return not (theirs - mine and theirs - mine <= asked)  # a goal the request asks elsewhere


def main() -> None:
    from hugginggpt.experts.embedded.minilm import embed

    t0 = time.perf_counter()
    rows = labelled_clauses()
    X = np.asarray(embed([r["text"] for r in rows]), dtype=np.float32)
    labels = np.array([r["label"] for r in rows])
    right = np.array([r["right"] for r in rows])
    halves = np.array([r["half"] for r in rows])
    asked: dict[str, set[str]] = defaultdict(set)
    for r in rows:
        asked[r["id"]].update(g for g in r["label"].split("+") if g != "-")
    alone = Counter()
    grid = {
        (*key, scope): {"right_plans_changed": set(), "wrong_plan_clauses_changed": 0}
        for key in GRID
        for scope in SCOPES
    }
    for half in compose.DEVELOPMENT:
        train = np.where((halves != half) & right)[0]
        test = np.where(halves == half)[0]
        for i, sims in zip(test, X[test] @ X[train].T, strict=True):
            if right[i]:
                nearest = labels[train][int(np.argmax(sims))]
                alone["clauses"] += 1
                alone["same"] += int(nearest == labels[i])
                alone["asking"] += int(labels[i] != "-")
                alone["asking_same"] += int(labels[i] != "-" and nearest == labels[i])
            best = nearest_by_label(sims, labels[train])
            for (near, margin, scope), g in grid.items():
                if SCOPES[scope](rows[i]) and overruled(rows[i], best, asked[rows[i]["id"]], near, margin):
                    if right[i]:
                        g["right_plans_changed"].add(rows[i]["id"])
                    else:
                        g["wrong_plan_clauses_changed"] += 1
    report = {
        "halves": "".join(compose.DEVELOPMENT),
        "requests": len({r["id"] for r in rows}),
        "right_plans": len({r["id"] for r in rows if r["right"]}),
        "clauses": len(rows),
        "knn_alone": {
            **alone,
            "same_share": round(alone["same"] / alone["clauses"], 3),
            "asking_same_share": round(alone["asking_same"] / alone["asking"], 3),
        },
        "second_opinion": [
            {
                "scope": scope,
                "near": n,
                "margin": m,
                "right_plans_changed": len(g["right_plans_changed"]),
                "wrong_plan_clauses_changed": g["wrong_plan_clauses_changed"],
            }
            for (n, m, scope), g in grid.items()
        ],
        "seconds": round(time.perf_counter() - t0, 1),
    }
    OUT.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
