"""Tool graphs for bench/data/taskbench_fresh.jsonl, sampled the way TaskBench samples them (back-instruct).

    python bench/taskbench_fresh_graphs.py sample > graphs.jsonl      # seeded: the same 160 graphs every time
    python bench/taskbench_fresh_graphs.py sample --seed 20250611 --n 100 --mix 40,50,10 --prefix freshc > c.jsonl
    python bench/taskbench_fresh_graphs.py fill graphs.jsonl written.json > bench/data/taskbench_fresh.jsonl
    python bench/taskbench_fresh_graphs.py fill c.jsonl written_c.json --half C >> bench/data/taskbench_fresh.jsonl
    python bench/taskbench_fresh_graphs.py check bench/data/taskbench_fresh.jsonl

TaskBench (Shen et al. 2023) first samples a tool subgraph (one node, a chain or a DAG) whose links are
type-compatible (a link's source outputs a type among its target's input types), then has the request written
for exactly that graph. `sample` does the first step over the 23 Hugging Face tools of
/work/shared/eval/tool_desc_huggingface.json, with the dev split's mix of types (40% single, 50% chain, 10% DAG).
Each argument slot is a link (`<node-k>`), a file name, or a text placeholder `<TEXT:role>`. The requests were
then written by hand for each graph, with the texts the placeholders stand for (`fill` puts them in, in order).
`check` verifies a finished file: tool names, `<node-k>` indices, links against arguments, eval fields, halves.

`sample --seed N --n TOTAL --mix S,C,D --prefix P` draws another set (half C: seed 20250611, 100 graphs,
40/50/10, ids freshc-001..; half D: seed 20261207, the same counts, ids freshd-001..): the chain lengths and DAG
sizes keep the default's proportions (largest remainder), and singles take every tool once per 23 before a seeded
draw of the rest. With no options the output is the original 160 graphs, byte for byte.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TOOLS = ROOT.parent / "shared" / "eval" / "tool_desc_huggingface.json"
SEED = 20240518
N_SINGLE, N_CHAIN, N_DAG = 64, 80, 16
CHAIN_LENGTHS = {2: 24, 3: 30, 4: 18, 5: 8}
DAG_SIZES = {3: 5, 4: 8, 5: 3}
NODE = re.compile(r"<node-(\d+)>")
HALVES = ("A", "B", "C", "D")
FILE_KIND = {"jpg": "image", "png": "image", "wav": "audio", "mp3": "audio", "txt": "text"}

# What a literal text in each tool's slot stands for (a hint to the writer; the written text replaces it).
TEXT_ROLE = {
    "Question Answering": ["context", "question"],
    "Visual Question Answering": [None, "question"],
    "Document Question Answering": [None, "question"],
    "Image Editing": ["edit instruction", None],
    "Sentence Similarity": ["sentence", "sentence"],
    "Text-to-Image": ["image prompt"],
    "Text-to-Video": ["video prompt"],
    "Text-to-Speech": ["text to speak"],
    "Conversational": ["chat message"],
    "Text Generation": ["text to continue / prompt"],
    "Translation": ["text to translate"],
    "Summarization": ["long text"],
    "Token Classification": ["text to tag"],
}
# Tools whose text input may be a file the user names (TaskBench's example.txt).
TXT_FILE_OK = {"Summarization", "Token Classification", "Translation", "Question Answering", "Text Generation"}


def load_tools() -> dict[str, dict]:
    return {t["id"]: {"in": t["input-type"], "out": t["output-type"]} for t in json.loads(TOOLS.read_text())["nodes"]}


def literal(rng: random.Random, tool: str, slot: int, kind: str, files: dict[str, str]) -> str:
    if kind == "image":
        return files.setdefault("image", "example.png" if rng.random() < 0.1 else "example.jpg")
    if kind == "audio":
        return files.setdefault("audio", "example.mp3" if rng.random() < 0.1 else "example.wav")
    if tool in TXT_FILE_OK and slot == 0 and "txt" not in files and rng.random() < 0.12:
        files["txt"] = "example.txt"
        return "example.txt"
    role = TEXT_ROLE.get(tool, ["text"])[slot] or "text"
    return f"<TEXT:{role}>"


def fits(tools: dict, src: str, dst: str) -> bool:
    return bool(tools[src]["out"]) and tools[src]["out"][0] in tools[dst]["in"]


def build_nodes(rng: random.Random, tools: dict, order: list[str], parents: dict[int, list[int]]) -> list[dict]:
    """Arguments for nodes in topological order; parents[i] feed node i, each into a slot of its type."""
    files: dict[str, str] = {}
    nodes = []
    for i, tool in enumerate(order):
        slots = list(tools[tool]["in"])
        args: list[str | None] = [None] * len(slots)
        for p in parents.get(i, []):
            kind = tools[order[p]]["out"][0]
            free = [s for s, k in enumerate(slots) if k == kind and args[s] is None]
            args[rng.choice(free)] = f"<node-{p}>"
        for s, k in enumerate(slots):
            if args[s] is None:
                args[s] = literal(rng, tool, s, k, files)
        nodes.append({"task": tool, "arguments": args})
    return nodes


def sample_chain(rng: random.Random, tools: dict, length: int) -> tuple[list[str], dict[int, list[int]]]:
    while True:
        order = [rng.choice([t for t in tools if tools[t]["out"]])]
        while len(order) < length:
            nxt = [t for t in tools if t not in order and fits(tools, order[-1], t)]
            if len(order) < length - 1:
                nxt = [t for t in nxt if tools[t]["out"]]
            if not nxt:
                break
            order.append(rng.choice(nxt))
        if len(order) == length:
            return order, {i: [i - 1] for i in range(1, length)}


def sample_dag(rng: random.Random, tools: dict, size: int) -> tuple[list[str], dict[int, list[int]]]:
    """A connected DAG that is not a chain: some node feeds two others, or takes two links."""
    while True:
        order: list[str] = []
        parents: dict[int, list[int]] = {}
        ok = True
        for i in range(size):
            cands = [t for t in tools if t not in order]
            if i == 0 or (i < size - 1 and rng.random() < 0.3):  # a root: a second source joins later
                cands = [t for t in cands if tools[t]["out"]]
                order.append(rng.choice(cands))
                parents[i] = []
                continue
            tool = rng.choice(cands)
            ins = list(tools[tool]["in"])
            able = [p for p in range(i) if tools[order[p]]["out"] and tools[order[p]]["out"][0] in ins]
            if not able:
                ok = False
                break
            k = 1 if len(ins) == 1 else rng.choice([1, 1, 2])
            chosen: list[int] = []
            for p in rng.sample(able, len(able)):
                kind = tools[order[p]]["out"][0]
                if len(chosen) < k and ins.count(kind) > sum(tools[order[c]]["out"][0] == kind for c in chosen):
                    chosen.append(p)
            order.append(tool)
            parents[i] = sorted(chosen)
        if not ok:
            continue
        outdeg = [sum(p in ps for ps in parents.values()) for p in range(size)]
        seen, todo = {0}, [0]  # weakly connected
        while todo:
            x = todo.pop()
            for y in range(size):
                if y not in seen and (y in parents.get(x, []) or x in parents.get(y, [])):
                    seen.add(y)
                    todo.append(y)
        sinks_ok = len(seen) == size
        branching = max(outdeg) >= 2 or any(len(ps) >= 2 for ps in parents.values())
        if sinks_ok and branching:
            return order, parents


def canonical(nodes: list[dict]) -> tuple[list[dict], list[dict], list[dict]]:
    """Sort nodes by tool name (as TaskBench's files do), remap <node-k>; links in sampled order for eval_links."""
    perm = sorted(range(len(nodes)), key=lambda i: nodes[i]["task"])
    new_index = {old: new for new, old in enumerate(perm)}
    eval_links = [
        {"source": nodes[int(m)]["task"], "target": n["task"]}
        for n in nodes
        for a in n["arguments"]
        for m in NODE.findall(a)
    ]
    out = [
        {
            "task": nodes[old]["task"],
            "arguments": [
                NODE.sub(lambda m: f"<node-{new_index[int(m.group(1))]}>", a) for a in nodes[old]["arguments"]
            ],
        }
        for old in perm
    ]
    return out, sorted(links_of(out), key=lambda x: (x["source"], x["target"])), eval_links


def links_of(nodes: list[dict]) -> list[dict]:
    return [
        {"source": nodes[int(m)]["task"], "target": n["task"]}
        for n in nodes
        for a in n["arguments"]
        for m in NODE.findall(a)
        if int(m) < len(nodes)
    ]


def apportion(shares: dict[int, int], total: int) -> dict[int, int]:
    """Split total in the proportions of shares (largest remainder; ties to the earlier key)."""
    whole = sum(shares.values())
    exact = {k: v * total / whole for k, v in shares.items()}
    out = {k: int(x) for k, x in exact.items()}
    for k in sorted(shares, key=lambda k: (-(exact[k] - out[k]), list(shares).index(k)))[: total - sum(out.values())]:
        out[k] += 1
    return out


def sample(
    seed: int = SEED, mix: tuple[int, int, int] = (N_SINGLE, N_CHAIN, N_DAG), prefix: str = "fresh"
) -> list[dict]:
    n_single, n_chain, n_dag = mix
    rng = random.Random(seed)
    tools = load_tools()
    names = sorted(tools)
    plans: list[tuple[str, list[str], dict]] = []
    singles = names * (n_single // len(names)) + rng.sample(names, n_single % len(names))
    plans += [("single", [t], {}) for t in singles]
    for length, count in apportion(CHAIN_LENGTHS, n_chain).items():
        plans += [("chain", *sample_chain(rng, tools, length)) for _ in range(count)]
    for size, count in apportion(DAG_SIZES, n_dag).items():
        plans += [("dag", *sample_dag(rng, tools, size)) for _ in range(count)]
    assert len(plans) == n_single + n_chain + n_dag
    rng.shuffle(plans)
    rows = []
    for i, (kind, order, parents) in enumerate(plans, 1):
        nodes, links, eval_links = canonical(build_nodes(rng, tools, order, parents))
        rows.append(
            {
                "id": f"{prefix}-{i:03d}",
                "domain": "huggingface",
                "user_request": "",
                "type": kind,
                "n_tools": len(nodes),
                "task_nodes": nodes,
                "task_links": links,
                "eval_nodes": [n["task"] for n in nodes],
                "eval_links": eval_links,
            }
        )
    return rows


def fill(graphs_path: str, written_path: str, half: str | None = None) -> list[dict]:
    """written: {id: {"user_request": str, "texts": [values for the <TEXT:...> placeholders, in order]}}.

    half: a `half` field put after n_tools in every row (as the file's rows have it)."""
    written = json.loads(Path(written_path).read_text())
    rows = []
    for line in Path(graphs_path).read_text().splitlines():
        row = json.loads(line)
        w = written[row["id"]]
        texts = list(w.get("texts", []))
        for n in row["task_nodes"]:
            for j, a in enumerate(n["arguments"]):
                if a.startswith("<TEXT:"):
                    n["arguments"][j] = texts.pop(0)
        if texts:
            raise SystemExit(f"{row['id']}: {len(texts)} texts left over")
        row["user_request"] = w["user_request"]
        if half:
            tail = ("task_nodes", "task_links", "eval_nodes", "eval_links")
            row = {k: v for k, v in row.items() if k not in tail} | {"half": half} | {k: row[k] for k in tail}
        rows.append(row)
    return rows


def check(path: str) -> list[str]:
    tools = load_tools()
    problems = []
    rows = [json.loads(line) for line in Path(path).read_text().splitlines() if line.strip()]
    keys = ["id", "domain", "user_request", "type", "n_tools", "task_nodes", "task_links", "eval_nodes", "eval_links"]
    for r in rows:
        rid = r.get("id")
        bad = problems.append
        if [k for k in r if k != "half"] != keys or r.get("half", "A") not in HALVES:
            bad(f"{rid}: keys {list(r)}")
            continue
        nodes = r["task_nodes"]
        names = [n["task"] for n in nodes]
        if not r["user_request"].strip():
            bad(f"{rid}: empty request")
        if any(t not in tools for t in names):
            bad(f"{rid}: unknown tool in {names}")
            continue
        if len(set(names)) != len(names) or r["n_tools"] != len(nodes):
            bad(f"{rid}: repeated tools or wrong n_tools")
        for i, n in enumerate(nodes):
            if set(n) != {"task", "arguments"} or len(n["arguments"]) != len(tools[n["task"]]["in"]):
                bad(f"{rid}: node {i} has {len(n['arguments'])} arguments for {tools[n['task']]['in']}")
            for slot, a in enumerate(n["arguments"]):
                if not isinstance(a, str) or not a.strip() or "<TEXT:" in a:
                    bad(f"{rid}: node {i} argument {a!r}")
                    continue
                want = tools[n["task"]]["in"][slot] if slot < len(tools[n["task"]]["in"]) else None
                for m in NODE.findall(a):
                    k = int(m)
                    if k >= len(nodes) or k == i:
                        bad(f"{rid}: node {i} refers to <node-{k}>")
                    elif tools[nodes[k]["task"]]["out"][:1] != [want]:
                        bad(f"{rid}: {nodes[k]['task']} -> {n['task']} slot {slot} not type-compatible")
                if not NODE.search(a):
                    ext = a.rsplit(".", 1)[-1] if re.fullmatch(r"example\.\w+", a) else None
                    kind = FILE_KIND.get(ext, "text")
                    if kind != want:
                        bad(f"{rid}: node {i} slot {slot} {a!r} is {kind}, tool wants {want}")
                    elif kind == "text" and ext is None and a not in r["user_request"]:
                        bad(f"{rid}: text argument not in the request: {a[:60]!r}")
                    elif ext and a not in r["user_request"]:
                        bad(f"{rid}: file {a} not named in the request")
        derived = links_of(nodes)
        key = lambda ls: sorted((x["source"], x["target"]) for x in ls)  # noqa: E731
        if key(derived) != key(r["task_links"]) or key(derived) != key(r["eval_links"]):
            bad(f"{rid}: links disagree with arguments")
        if r["eval_nodes"] != names:
            bad(f"{rid}: eval_nodes")
        n_links = len(derived)
        shape = {
            "single": len(nodes) == 1 and n_links == 0,
            "chain": len(nodes) >= 2
            and n_links == len(nodes) - 1
            and all(sum(x["target"] == t for x in derived) <= 1 for t in names)
            and all(sum(x["source"] == t for x in derived) <= 1 for t in names),
            "dag": len(nodes) >= 3 and n_links >= len(nodes) - 1,
        }.get(r["type"])
        if not shape:
            bad(f"{rid}: type {r['type']} does not fit {len(nodes)} nodes / {n_links} links")
    ids = [r.get("id") for r in rows]
    if len(set(ids)) != len(ids):
        problems.append("duplicate ids")
    return problems


def parse_sample(argv: list[str]) -> dict:
    """`--seed N --n TOTAL --mix S,C,D --prefix P` (all optional; --n must equal the mix's sum)."""
    ap = argparse.ArgumentParser(prog="taskbench_fresh_graphs.py sample")
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("--n", type=int, help="total number of graphs (checked against --mix)")
    ap.add_argument("--mix", default=f"{N_SINGLE},{N_CHAIN},{N_DAG}", help="single,chain,dag counts")
    ap.add_argument("--prefix", default="fresh", help="ids are PREFIX-001, PREFIX-002, ...")
    a = ap.parse_args(argv)
    mix = tuple(int(x) for x in a.mix.split(","))
    if len(mix) != 3 or min(mix) < 0:
        ap.error("--mix wants three counts: single,chain,dag")
    if a.n is not None and a.n != sum(mix):
        if a.mix != ap.get_default("mix"):
            ap.error(f"--n {a.n} but --mix sums to {sum(mix)}")
        mix = tuple(apportion({0: N_SINGLE, 1: N_CHAIN, 2: N_DAG}, a.n).values())  # the default proportions
    return {"seed": a.seed, "mix": mix, "prefix": a.prefix}


def main(argv: list[str]) -> int:
    if argv[:1] == ["sample"]:
        sys.stdout.write("".join(json.dumps(r) + "\n" for r in sample(**parse_sample(argv[1:]))))
    elif argv[:1] == ["fill"] and (len(argv) == 3 or (len(argv) == 5 and argv[3] == "--half" and argv[4] in HALVES)):
        sys.stdout.write("".join(json.dumps(r) + "\n" for r in fill(argv[1], argv[2], *argv[4:])))
    elif argv[:1] == ["check"] and len(argv) == 2:
        problems = check(argv[1])
        print("\n".join(problems) or "ok")
        return 1 if problems else 0
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
