"""The answer stage: a compact log of the run for the LLM, or a templated answer without one."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from .capabilities import advice
from .detections import PERSON_LABELS, people_said
from .llm.base import Message
from .tasks import get as get_task
from .types import Plan, TaskResult

SYSTEM = (
    "You are HuggingGPT, an assistant that answered the user's request by running AI models. "
    "Using only the results below, answer the request directly and helpfully. Then say briefly "
    "which model did what, and say plainly what failed and why. The files produced are shown to the user "
    "under your answer: call them by what they are (the edited image, the cut-out, the speech), not by their "
    "file names. A count, a label or a value you give must be the one the results hold. Do not invent results "
    "the log does not contain."
)

CHAT_SYSTEM = "You are HuggingGPT, a helpful assistant. No tools were needed for this message; answer it directly."


def _short(value: Any, limit: int = 600) -> Any:
    if isinstance(value, Path):
        return value.name
    if isinstance(value, str) and len(value) > limit:
        return value[:limit] + "..."
    if isinstance(value, (list, dict)):
        text = json.dumps(value, ensure_ascii=False, default=str)
        return text if len(text) <= limit else text[:limit] + "..."
    return value


def results_log(plan: Plan, results: dict[int, TaskResult]) -> list[dict[str, Any]]:
    """One compact entry per task: what ran, on which model, what came out or what went wrong."""
    entries = []
    for t in plan.tasks:
        r = results.get(t.id)
        entry: dict[str, Any] = {"id": t.id, "task": t.task, "args": t.args}
        if r is not None:
            entry["status"] = r.status
            if r.model:
                entry["model"] = f"{r.model} ({r.backend})" if r.backend else r.model
            if r.outputs:
                entry["outputs"] = {k: _short(v) for k, v in r.outputs.items()}
            if r.error:
                entry["error"] = r.error
        entries.append(entry)
    return entries


def build_messages(request: str, plan: Plan, results: dict[int, TaskResult]) -> list[Message]:
    log = json.dumps(results_log(plan, results), ensure_ascii=False)
    left_out = ""
    if plan.dropped or plan.unplanned:  # parts of the request that could not run at all: the answer must say so
        left_out = "\nLeft out of the plan (say so in the answer): " + " ".join(plan.dropped + plan.unplanned)
    if plan.routes:  # how a part was served in place of its own task: the answer says so too
        left_out += "\nHow it was done (say so in the answer): " + " ".join(map(str, plan.routes))
    return [
        {"role": "system", "content": SYSTEM},
        {"role": "user", "content": f"Request: {request}\nResults: {log}{left_out}"},
    ]


def dropped_addendum(plan: Plan, answer: str) -> str:
    """What to append to `answer` so that it says which tasks of the plan were left out, and which parts
    of the request no task serves ("" when it says each of them already, or there is none)."""
    names = [m.group(1) for s in plan.dropped if (m := re.search(r"\(([^)]+)\)", s))]
    said = len(names) == len(plan.dropped) and all(n.lower() in answer.lower() for n in names)
    missing = ([] if said else plan.dropped) + [s for s in plan.unplanned if s not in answer]
    return "\n\n" + " ".join(missing) if missing else ""


def chat_messages(request: str, history: list[Message]) -> list[Message]:
    return [{"role": "system", "content": CHAT_SYSTEM}, *history, {"role": "user", "content": request}]


def template_answer(request: str, plan: Plan, results: dict[int, TaskResult], plan_error: str | None = None) -> str:
    """An answer composed from the results alone (no LLM), led by what the request asked for.

    The request's own words pick what to say from each final result: the line of a read text that holds
    the word it asked about ("the total" -> "TOTAL 10.50"), a count of the detected things it names
    ("how many people"), the transcript of a recording, the top label of a classification. Then one line
    says which model did it; failures say why, in one sentence each. No dump of every output: those are
    in the task steps."""
    if plan_error:
        return f"I could not plan this request: {plan_error}"
    if plan.dropped or plan.unplanned or plan.routes:
        if not plan.tasks:  # nothing to run: what could not be planned, and why, is the answer
            return " ".join(plan.dropped + plan.unplanned)
        # a part served another way: its note when that worked; else what its own task needs, once
        failed = [r for r in plan.routes if getattr(results.get(r.task_id), "status", "done") != "done"]
        hidden = {k for r in failed for k in _feeding(plan, r.task_id)}
        shown = Plan([t for t in plan.tasks if t.id not in hidden], plan.notes, plan.raw, asked=plan.asked)
        answer = template_answer(request, shown, results) if shown.tasks else ""
        said = [r.note for r in plan.routes if r not in failed] + [r.otherwise or r.note for r in failed]
        parts = [answer, " ".join(said), " ".join(plan.dropped + plan.unplanned)]
        return "\n\n".join(p for p in parts if p)
    if not plan.tasks:
        return (
            "Hi! Without an LLM I cannot chat, but the models here can read the text in a photo or a receipt, "
            "transcribe a recording, read a text aloud, find and count faces and people, cut a person out, "
            "make simple photo edits, and tell the sentiment, language or topic of a text. Try 'what does this "
            "sign say?' or 'transcribe this recording' with a file attached. "
            f"For open conversation, {advice('llm')}."
        )
    words = _request_words(request)
    counting = bool(_COUNTING.search(request))
    done = [results[t.id] for t in plan.tasks if t.id in results and results[t.id].status == "done"]
    # what the visitor gets: the results nothing else consumed; a spoken or drawn version of a text
    # does not hide the text it came from, and a cut-out made from detections does not hide their count
    # when the request asks for one
    used = {d for t in plan.tasks for d in t.dep}
    if plan.asked is not None:  # the planner says which results were asked for: each of them, and the text
        # a spoken or drawn one was made from
        shown = set(plan.asked) | {
            d for t in plan.tasks if t.id in plan.asked and "text" not in get_task(t.task).outputs for d in t.dep
        }
        finals = [r for r in done if r.task_id in shown and (r.task_id in plan.asked or _is_text(r))]
        finals += [r for r in done if counting and _detections(r) and r not in finals]
    else:
        finals = [r for r in done if r.task_id not in used or _is_text(r) or (counting and _detections(r))]
        finals = [
            r for r in finals if not (_is_text(r) and any(_fed_by(plan, r.task_id, o) for o in finals if _is_text(o)))
        ]
    counted = any(_detections(r) and r.task != "image-segmentation" for r in finals)
    lines: list[str] = [_say(r, words, counting=counting and not counted) for r in finals]
    if done:
        # one credit per model and job: two questions answered by one model name it once
        used_models = list(dict.fromkeys(f"{r.model} to {get_task(r.task).label or r.task}" for r in done if r.model))
        if used_models:
            lines += ["", "_Used " + "; ".join(used_models) + "._"]
    problems = [results[t.id] for t in plan.tasks if t.id in results and results[t.id].status != "done"]
    if problems:
        lines.append("")
        for r in problems:
            label = get_task(r.task).label or r.task
            if r.unavailable:  # the capability map's sentence says what and what to configure
                lines.append(f"- {r.error}" if len(plan.tasks) > 1 else str(r.error))
            elif r.status == "failed":
                lines.append(f"- Could not {label} (task {r.task_id}, {r.task}): {r.error}")
            else:
                lines.append(f"- Did not {label} (task {r.task_id}, {r.task}): skipped because {r.error}")
        if len(plan.tasks) > 1:
            lines.append("")
            lines.append(f"{len(done)} of {len(plan.tasks)} tasks finished.")
    return "\n".join(lines).strip()


_COUNTING = re.compile(r"\bhow many\b|\bcount\b|\bnumber of\b", re.I)

# what a person calls a task's output file (the answer names outputs so, never by file name)
OUTPUT_NAMES = {
    "object-detection": "the detection image",
    "image-segmentation": "the cut-out",
    "image-editing": "the edited image",
    "image-to-image": "the edited image",
    "text-to-image": "the generated image",
    "text-to-video": "the video",
    "text-to-speech": "the speech",
    "audio-to-audio": "the processed audio",
    "depth-estimation": "the depth map",
    "canny-control": "the edge map",
}


def output_name(task: str) -> str:
    """ "the edited image", "the speech": how the page and the answer call the file a task made."""
    if task in OUTPUT_NAMES:
        return OUTPUT_NAMES[task]
    spec = get_task(task)
    if "image" in spec.outputs:
        return "the image"
    if "audio" in spec.outputs:
        return "the audio"
    return "the output"


_STOP = set(
    "a an the this that these those it its in on of to for and or me my you your i we is are was be please "
    "can could would will do does what which who how tell show give find read say aloud text image photo picture "
    "file recording audio in into from with then also all any some there here about".split()
)


def _feeding(plan: Plan, task_id: int) -> set[int]:
    """A task and every task whose output reaches it."""
    by_id, out, todo = plan.by_id(), set(), [task_id]
    while todo:
        k = todo.pop()
        if k in by_id and k not in out:
            out.add(k)
            todo += list(by_id[k].dep)
    return out


def _request_words(request: str) -> list[str]:
    return [w for w in re.findall(r"[a-z][a-z'-]+", request.lower()) if w not in _STOP and len(w) > 2]


def _is_text(r: TaskResult) -> bool:
    return "text" in get_task(r.task).outputs and bool(str(r.outputs.get("text", "")).strip())


def _fed_by(plan: Plan, source: int, consumer: TaskResult) -> bool:
    """Does `consumer` (a text result) come from `source`'s text (a summary of it, a translation)? A cut-out
    made from a detection's image does not replace what the detection found."""
    reads_text = any(i.startswith("text") or i == "context" for i in get_task(consumer.task).inputs)
    return consumer.task_id != source and reads_text and source in plan.by_id()[consumer.task_id].dep


def _detections(r: TaskResult) -> list[dict]:
    """A result's labelled boxes or regions (detections, segments), else []."""
    data = r.outputs.get("data")
    found = [d for d in data if isinstance(d, dict) and "label" in d] if isinstance(data, list) else []
    if found and ("box" in found[0] or r.task in ("object-detection", "image-segmentation")):
        return found
    return []


def _say(r: TaskResult, words: list[str], *, counting: bool = False) -> str:
    """One result as the answer to the request, in words derived from its outputs alone."""
    data = r.outputs.get("data")
    labels = [d for d in data if isinstance(d, dict) and "label" in d] if isinstance(data, list) else []
    text = str(r.outputs.get("text", "")).strip()
    has_file = any(r.outputs.get(k) for k in ("image", "audio", "video"))
    noun = output_name(r.task)
    if r.task == "image-segmentation" and has_file:
        return _cutout(labels, noun, counting)
    if found := _detections(r):
        return _count(found, words, noun if has_file else "")
    if isinstance(data, dict) and data.get("label"):  # one classifier's verdict (sentiment, language, topic)
        return _verdict(data)
    if labels:
        top = max(labels, key=lambda d: d.get("score", 0))
        score = f" ({top['score']:.0%} sure)" if isinstance(top.get("score"), int | float) else ""
        return f"It is most likely **{top['label']}**{score}."
    if _is_text(r):
        if r.task == "automatic-speech-recognition":
            return f"The recording says: “{text}”"
        if isinstance(data, dict) and isinstance(data.get("short"), str) and data["short"].strip():
            short = data["short"].strip()  # the words that answer, then the sentence they stand in
            return f"**{short[:1].upper() + short[1:]}** (“{text}”)" if short != text else f"**{short}**"
        text = "\n".join(_clean_line(ln) for ln in text.splitlines())
        found = _lines_about(text, words) or ([text] if "\n" not in text and len(text) <= 60 else [])
        if len(found) == 1 and (value := _value_of(found[0], words)):
            return value
        if found and found != [text]:
            return "  \n".join(f"**{line}**" for line in found)
        quoted = text if len(text) <= 500 else text[:500].rsplit(" ", 1)[0] + " …"
        return f"“{quoted}”".replace("\n", "  \n") + (f" (see {noun})" if has_file else "")
    if has_file:
        return _here_is(r, noun, text)
    return f"Done: {get_task(r.task).label or r.task}."


def _here_is(r: TaskResult, noun: str, text: str) -> str:
    """ "Here is the edited image: flipped upside down (480x360)." from the result's own data."""
    data = r.outputs.get("data")
    if isinstance(data, dict) and isinstance(data.get("edits"), list) and data["edits"]:
        size = f" ({data['width']}x{data['height']})" if data.get("width") and data.get("height") else ""
        return f"Here is {noun}{size}: {', '.join(map(str, data['edits']))}."
    if isinstance(data, dict) and isinstance(data.get("seconds"), int | float):
        return f"Here is {noun} ({data['seconds']:.1f} s)."
    return f"Here is {noun}" + (f" ({text.rstrip('.')})." if text else ".")


def _cutout(found: list[dict], noun: str, counting: bool) -> str:
    """A segmentation's cut-out, with the count of what it holds (its own regions)."""
    if found and all(str(d.get("label", "")).lower() in PERSON_LABELS for d in found):
        n = len(found)
        who = f"**{people_said(found)[0]}**"  # person regions only: no faces, so no basis
        if counting:
            return f"I found {who} and cut {'them' if n > 1 else 'the person'} out ({noun})."
        return f"Here is {noun} of {who}."
    kinds = list(dict.fromkeys(str(d.get("label")) for d in found))
    return f"Here is {noun}" + (f": {_join([f'**{k}**' for k in kinds])}." if kinds else ".")


def _verdict(data: dict[str, Any]) -> str:
    """A classification said as an answer: "The sentiment is **negative**.", "It is **German** (de)."."""
    label = str(data["label"])
    kind = data.get("kind")
    if kind == "sentiment":
        return f"The sentiment is **{label.lower()}**."
    if kind == "language":
        name = data.get("name") or label
        return f"It is **{name}**" + (f" ({label})." if name != label else ".")
    scores = data.get("scores") or []
    top = next((x.get("score") for x in scores if isinstance(x, dict) and x.get("label") == label), None)
    sure = f" ({top:.0%} sure)" if isinstance(top, int | float) else ""
    return f"It is most likely **{label}**{sure}."


_LEADER = re.compile(r"\s*(?:[.·…_]\s?){3,}\s*|\s*-{3,}\s*")


def _clean_line(line: str) -> str:
    """A line of a read text as a person would say it: a price list's dot leaders ("Tea ...... 3.40")
    become one space."""
    return _LEADER.sub(" ", line).strip() if _LEADER.search(line) else line


def _lines_about(text: str, words: list[str]) -> list[str]:
    """The lines of a multi-line text that hold a word the request asked about (a receipt's TOTAL line);
    none when the request names nothing in the text (then the text itself is the answer)."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    if len(lines) < 3 or not words:
        return []
    hits = [ln for ln in lines if any(_near_word(w, ln) for w in words)]
    return hits[:3] if len(hits) < len(lines) else []


def _value_of(line: str, words: list[str]) -> str | None:
    """ "TOTAL 10.50" asked about "total" -> "The total is **10.50**." (None when the line is not the
    asked-about name followed by a short value)."""
    # a word read with a letter missing or wrong ("Coffe" for coffee) is still the word asked about
    found = {w: m for w in dict.fromkeys(words) if (m := _near_word(w, line))}
    named = list(found)
    rest = line
    for w, m in found.items():
        rest = re.sub(rf"\b{re.escape(m)}\b", "", rest, count=1, flags=re.I)
    rest = rest.strip(" :=-\t")
    if not named or not rest or len(rest) > 40 or re.search(r"[a-z]{3}", rest, re.I):
        return None
    name = " ".join(named)
    verb = "are" if re.search(r"[^su]s$", name, re.I) else "is"  # "the apples are", "the total is", "the bus is"
    return f"The {name} {verb} **{rest}**."


def _near_word(word: str, line: str) -> str | None:
    """The word of `line` that is `word`, as OCR may read it: the same, or for words of 5 letters or more,
    one letter dropped, added or changed."""
    for token in re.findall(r"[A-Za-z][A-Za-z'-]*", line):
        t = token.lower()
        if t == word or len(word) >= 5 and _one_edit(t, word):
            return token
    return None


def _one_edit(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1 or a == b:
        return a == b
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _singular(word: str) -> str:
    irregular = {"people": "person", "men": "man", "women": "woman", "children": "child", "mice": "mouse"}
    if word in irregular:
        return irregular[word]
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _count(found: list[dict], words: list[str], noun: str) -> str:
    """Detections as a count, of what the request names when it names a detected label; people are
    counted once whether boxed whole, by the face, or both (`detections.people`)."""
    asked = {_singular(w) for w in words}
    where = f", boxed in {noun}" if noun else ""
    labels = {str(d["label"]).lower() for d in found}
    if asked & (PERSON_LABELS | _ANYONE) and labels & (PERSON_LABELS | {"face"}):
        count, basis = people_said(found)
        return f"I found **{count}**" + (f" ({basis})" if basis else "") + f"{where}."
    counts: dict[str, int] = {}
    for d in found:
        counts[str(d["label"])] = counts.get(str(d["label"]), 0) + 1
    named = {label: n for label, n in counts.items() if _singular(label.lower()) in asked}
    shown = named or counts
    parts = [f"**{n} {label if n == 1 else _plural(label)}**" for label, n in shown.items()]
    if not parts:
        return f"I found nothing{where}."
    return f"I found {_join(parts)}{where}."


# words of a request that ask about people without naming a label ("is anyone here? how many?")
_ANYONE = {"person", "anyone", "anybody", "someone", "somebody", "everyone", "human", "individual", "folk"}


def _plural(label: str) -> str:
    return {"person": "people", "man": "men", "woman": "women", "child": "children"}.get(label, label + "s")


def _join(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
