"""How many key facts the offline summary keeps, on notes, voice memos, notices and short news written for
this repo (bench/data/summaries.jsonl: each text with its key facts, who / what / when / where / how much).

    python bench/summaries.py            # writes bench/results/summaries.json

A fact counts as kept when the summary holds it (any of its "|"-separated spellings, any case). Reports the
share of facts kept and the share of words kept (a summary that keeps every word keeps every fact), for the
summarizer now, for the one before issue 22 (MiniLM centrality alone, a third of the sentences), and, at the
same number of sentences as now, for centrality and for the first sentences (so that choosing is compared
at equal length), over the texts the summarizer was developed on ("dev") and over texts written after it
was ("held-out").
"""

from __future__ import annotations

import json
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DATA = ROOT / "bench" / "data" / "summaries.jsonl"
OUT = ROOT / "bench" / "results" / "summaries.json"


def load() -> list[dict]:
    return [json.loads(line) for line in DATA.read_text().splitlines() if line.strip()]


def kept(summary: str, facts: list[str]) -> list[bool]:
    low = summary.lower()
    return [any(alt.lower() in low for alt in fact.split("|")) for fact in facts]


def words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def centrality_summary(text: str, k: int | None = None) -> str:
    """The summarizer before issue 22: the most central third of the sentences (at least one), or the
    `k` most central."""
    import numpy as np

    from hugginggpt.experts.embedded._common import split_sentences
    from hugginggpt.experts.embedded.minilm import embed

    sentences = [text[s:e] for s, e in split_sentences(text)]
    if len(sentences) <= 2 and k is None:
        return " ".join(sentences)
    k = k or min(5, max(1, round(len(sentences) / 3)))
    e = embed(sentences)
    keep = sorted(np.argsort(-(e @ e.mean(0)))[:k].tolist())
    return " ".join(sentences[i] for i in keep)


def lead_summary(text: str, k: int) -> str:
    """The first `k` sentences."""
    from hugginggpt.experts.embedded._common import split_sentences

    return " ".join(text[s:e] for s, e in split_sentences(text)[:k])


def same_length(baseline):
    """A baseline given as many sentences as the summarizer kept for the same text: selection compared
    at equal length, not only length."""
    from hugginggpt.experts.embedded.minilm import summarize

    return lambda text: baseline(text, len(summarize(text)["data"]["sentences"]))


def score(summarize, items: list[dict]) -> dict:
    facts_kept = facts_all = 0
    ratios, seconds, rows = [], [], []
    for item in items:
        t0 = time.perf_counter()
        summary = summarize(item["text"])
        seconds.append(time.perf_counter() - t0)
        k = kept(summary, item["facts"])
        facts_kept += sum(k)
        facts_all += len(k)
        ratios.append(words(summary) / words(item["text"]))
        rows.append({"id": item["id"], "kept": sum(k), "facts": len(k), "summary": summary,
                     "lost": [f for f, ok in zip(item["facts"], k, strict=True) if not ok]})  # fmt: skip
    return {
        "texts": len(items),
        "facts": facts_all,
        "facts_kept": round(facts_kept / max(1, facts_all), 3),
        "texts_with_all_facts": sum(r["kept"] == r["facts"] for r in rows),
        "words_kept_median": round(statistics.median(ratios), 3),
        "p50_ms": round(1000 * statistics.median(seconds), 1),
        "rows": rows,
    }


def main() -> int:
    from hugginggpt.experts.embedded.minilm import summarize

    items = load()
    for item in items:  # a fact the text does not hold is a typo in the data, not a miss
        missing = [f for f, ok in zip(item["facts"], kept(item["text"], item["facts"]), strict=True) if not ok]
        assert not missing, (item["id"], missing)
    summarize("Warm up. The model loads once.  It is then kept.")
    report = {}
    for name, fn in (
        ("now", lambda t: summarize(t)["text"]),
        ("before", centrality_summary),
        ("centrality, same sentences", same_length(centrality_summary)),
        ("lead, same sentences", same_length(lead_summary)),
    ):
        halves = [h for h in ("dev", "held-out") if any(i.get("half", "dev") == h for i in items)]
        report[name] = {h: score(fn, [i for i in items if i.get("half", "dev") == h]) for h in halves}
    for name, halves in report.items():
        for half, r in halves.items():
            print(f"{name:27} {half:8}: {r['facts_kept']:.0%} of {r['facts']} facts kept "
                  f"({r['texts_with_all_facts']}/{r['texts']} texts keep all), median {r['words_kept_median']:.0%} "
                  f"of the words, p50 {r['p50_ms']} ms")  # fmt: skip
    for half, r in report["now"].items():
        for row in r["rows"]:
            if row["lost"]:
                print(f"  lost ({half}) {row['id']}: {row['lost']} <- {row['summary']!r}")
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
