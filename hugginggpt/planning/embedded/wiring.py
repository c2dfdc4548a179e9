"""How the tasks of a request are wired: their order, `<GENERATED>-k` references and arguments."""

from __future__ import annotations

import re

from ... import tasks as registry
from ...types import GENERATED
from .inputs import _clause, _Input, _sentence, _sentence_text
from .intents import _CONTROLS, _mentions, _Node

_COMMAND_COLON = re.compile(r"^(?P<head>[^:\"'“‘\n]{2,60}?):\s+(?P<body>\S.*)$", re.S)

# back-references: a noun phrase naming the output of an earlier task
_BACKREFS: list[tuple[str, tuple[str, ...]]] = [
    (r"\banswers?\b", ("question-answering", "visual-question-answering", "document-question-answering")),
    (r"\b(?:response|reply|conversation)\b", ("conversational",)),
    (r"\bsummar(?:y|ized|ised)\b", ("summarization",)),
    (r"\btranslat(?:ed|ion)\b", ("translation",)),
    (r"\btranscri(?:pt|bed|ption)\w*", ("automatic-speech-recognition",)),
    (r"\b(?:caption|extracted text)\b", ("image-to-text",)),
    (
        r"\b(?:classified|classification|category|label)\b",
        (
            "image-classification",
            "audio-classification",
            "tabular-classification",
            "text-classification",
            "token-classification",
        ),
    ),
    (r"\b(?:entities|tokens|tagged)\b", ("token-classification",)),
    (r"\b(?:generated|new) (?:text|story|paragraph)\b", ("text-generation",)),
    (r"\bsimilarity\b", ("sentence-similarity",)),
    (r"\b(?:edited|modified|changed)\b", ("image-editing",)),
    (r"\b(?:generated|created) (?:image|picture)\b", ("text-to-image",)),
    (r"\bsegment(?:ed|s)\b", ("image-segmentation",)),
    (r"\bdepth\b", ("depth-estimation",)),
    (r"\bdetected\b|\bbounding boxes\b", ("object-detection",)),
    (r"\b(?:enhanced|cleaned|clearer|improved) (?:audio|speech|sound|recording)\b", ("audio-to-audio",)),
    (r"\b(?:generated|resulting|synthesi[sz]ed) (?:audio|speech|voice)\b", ("text-to-speech",)),
    (r"\b(?:transformed|enhanced|improved|stylized) (?:image|picture|photo)\b", ("image-to-image",)),
]
_BACKREFS_C = [(re.compile(p), t) for p, t in _BACKREFS]


# -- in which order


def order(nodes: list[_Node], inputs: list[_Input]) -> list[_Node]:
    """Mention order, except that a task whose media input only a later task makes moves after it."""
    have = {i.modality for i in inputs if i.kind == "file"}
    order = list(nodes)
    for _ in range(len(order)):
        moved = False
        avail = set(have) | {"text"}
        for idx, n in enumerate(order):
            need = [m for m in registry.get(n.task).input_modalities() if m != "text" and m not in avail]
            if need:
                later = [j for j in range(idx + 1, len(order)) if need[0] in registry.get(order[j].task).outputs]
                if later:
                    order.insert(later[0], order.pop(idx))
                    moved = True
                    break
            avail |= set(registry.get(n.task).outputs)
        if not moved:
            break
    return order


# -- which arguments --------------------------------------------------------------------------


def bridge(masked: str, nodes: list[_Node], inputs: list[_Input]) -> list[_Node]:
    """A text task whose only source is an image or a recording reads it first (image-to-text / speech
    recognition), as in "summarize the text in this photo"."""
    files = [i for i in inputs if i.kind == "file"]
    if any(f.modality == "text" for f in files):
        return nodes
    quotes = [i for i in inputs if i.kind == "quote"]
    texts = [i for i in inputs if i.kind in ("quote", "question")]
    out: list[_Node] = []
    pending = list(nodes)
    for n in nodes:
        if n not in pending:
            continue
        text_before = any("text" in registry.get(m.task).outputs for m in out)
        s0, s1 = _sentence(masked, n.pos)
        quoted = any(s0 <= q.start <= s1 for q in texts) or (n.task == "question-answering" and quotes)
        if n.task in _READERS and not text_before and not quoted:
            media = [m for m in out if set(registry.get(m.task).outputs) & {"image", "audio"}]
            if media:
                mod = "audio" if "audio" in registry.get(media[-1].task).outputs else "image"
            else:
                near = [f for f in files if f.modality in ("image", "audio") and f.start <= n.pos] or [
                    f for f in files if f.modality in ("image", "audio")
                ]
                mod = near[-1].modality if near else None
            if mod:
                reader = "automatic-speech-recognition" if mod == "audio" else "image-to-text"
                later = [m for m in nodes if m.task == reader and m not in out]
                if later:  # the request asks for the reader too, only after: it goes first
                    pending.remove(later[0])
                out.append(later[0] if later else _Node(reader, n.pos, (n.pos, n.pos)))
        if n in pending:
            out.append(n)
            pending.remove(n)
    return out


def wire(text: str, masked: str, nodes: list[_Node], inputs: list[_Input]) -> None:
    quotes = [i for i in inputs if i.kind == "quote"]
    questions = [i for i in inputs if i.kind == "question"]
    files = [i for i in inputs if i.kind == "file"]
    text_files = [f for f in files if f.modality == "text"]
    used: set[int] = set()
    idx = 0

    def gen(k: int) -> str:
        nodes[idx].deps.append(k)
        return f"{GENERATED}{k}"

    def backref(n: _Node, modality: str) -> int | None:
        """An earlier task the mention's own words name ("the summary", "the edited image")."""
        span = masked[n.window[0] : n.window[1]]
        hits = []
        for rx, producers in _BACKREFS_C:
            for h in rx.finditer(span):
                for k in range(idx - 1, -1, -1):
                    if nodes[k].task in producers and modality in registry.get(nodes[k].task).outputs:
                        hits.append((h.start(), k))
                        break
        return min(hits)[1] if hits else None

    def sibling(n: _Node, modality: str) -> int | None:
        """The source of the task before, when the request does this one beside it ("caption it, read the
        caption aloud and also translate it": the translation reads the caption, not the speech)."""
        if idx == 0:
            return None
        prev = nodes[idx - 1]
        s0, _ = _sentence(masked, int(prev.pos))
        between = masked[int(prev.pos) : int(n.pos)]
        if not (_ALSO.search(between) or re.search(r"\bboth\b", masked[s0 : int(prev.pos)])):
            return None
        for d in prev.deps:
            if modality in registry.get(nodes[d].task).outputs:
                return d
        return None

    def latest(modality: str, before: int) -> int | None:
        for k in range(before - 1, -1, -1):
            if modality in registry.get(nodes[k].task).outputs:
                return k
        return None

    def local_quote(n: _Node, pool: list[_Input]) -> _Input | None:
        c0, c1 = _clause(masked, int(n.pos))
        s0, s1 = _sentence(masked, int(n.pos))
        w1 = max(n.window[1], s1)
        free = [q for q in pool if id(q) not in used and (c0 <= q.start <= c1 + 2 or s0 <= q.start <= w1)]
        return free[0] if free else None

    def media(n: _Node, modality: str) -> str | None:
        ref = backref(n, modality)
        if ref is not None:
            return gen(ref)
        pool = [f for f in files if f.modality == modality]
        c0, c1 = _clause(masked, int(n.pos))
        s0, s1 = _sentence(masked, int(n.pos))
        local = [f for f in pool if c0 <= f.start <= c1 or n.pos <= f.start <= s1]
        if local:
            return local[0].value
        if pool and re.search(r"\boriginal|\binitial", masked[n.window[0] : n.window[1]]):
            return pool[0].value
        k = sibling(n, modality)
        k = latest(modality, idx) if k is None else k
        if k is not None:
            return gen(k)
        if pool:
            before = [f for f in pool if f.start <= n.pos]
            return (before[-1] if before else pool[0]).value
        return None

    def text_arg(n: _Node) -> str:
        ref = backref(n, "text")
        if ref is not None:
            return gen(ref)
        q = local_quote(n, quotes)
        if n.task in ("translation", "conversational", "text-to-speech"):
            c0, c1 = _clause(masked, int(n.pos))
            near_q = [x for x in questions if id(x) not in used and c0 <= x.start <= max(c1, n.window[1]) + 2]
            if near_q and (q is None or near_q[0].start < q.start):
                q = near_q[0]
        if q is not None:
            used.add(id(q))
            return q.value
        k = sibling(n, "text")
        k = latest("text", idx) if k is None else k
        if k is not None:
            return gen(k)
        tf = [f for f in text_files if id(f) not in used]
        if tf:
            return tf[0].value
        free = [q for q in quotes if id(q) not in used]
        if free:
            used.add(id(free[0]))
            return free[0].value
        if quotes:
            return quotes[0].value
        prompt = _prompt(text, masked, n)
        if prompt:
            return prompt
        if questions and n.task in ("conversational", "text-generation", "translation"):
            return questions[0].value
        # "speak: the meeting moved to 3pm": a short command, a colon, then the text it is about
        if (m := _COMMAND_COLON.match(text)) and len(m.group("head").split()) <= 6:
            return m.group("body").strip()
        return text

    def question(n: _Node) -> str:
        free = [q for q in questions if id(q) not in used]
        if free:
            used.add(id(free[0]))
            return free[0].value
        k = latest("text", idx)
        if k is not None:
            return gen(k)
        free = [q for q in quotes if id(q) not in used]
        if free:
            used.add(id(free[0]))
            return free[0].value
        return _sentence_text(text, int(n.pos))

    for idx, n in enumerate(nodes):
        spec = registry.get(n.task)
        args: dict[str, str] = {}
        if n.task == "question-answering":
            args["text"] = question(n)
            k = backref(n, "text")
            k = latest("text", idx) if k is None else k
            if k is not None and args["text"] != f"{GENERATED}{k}":
                args["context"] = gen(k)
            else:
                free = [q for q in quotes if id(q) not in used]
                tf = [f for f in text_files if id(f) not in used]
                args["context"] = free[0].value if free else (tf[0].value if tf else text)
                if free:
                    used.add(id(free[0]))
        elif n.task in ("visual-question-answering", "document-question-answering"):
            img = media(n, "image")
            if img is None:
                continue
            args["image"] = img
            args["text"] = question(n)
        elif n.task == "sentence-similarity":
            vals: list[str] = []
            k = backref(n, "text")
            k = latest("text", idx) if k is None else k
            if k is not None:
                vals.append(gen(k))
            for q in quotes:
                if id(q) not in used and len(vals) < 2:
                    used.add(id(q))
                    vals.append(q.value)
            if len(vals) < 2 and k is not None:
                k2 = latest("text", k)
                if k2 is not None:
                    vals.append(gen(k2))
            for q in quotes:
                if len(vals) < 2 and q.value not in vals:
                    vals.append(q.value)
            while len(vals) < 2:
                vals.append(text)
            args["text1"], args["text2"] = vals[0], vals[1]
        else:
            ok = True
            for name in spec.inputs:
                if name in ("image", "audio", "video"):
                    v = media(n, name)
                    if v is None:
                        ok = False
                        break
                    args[name] = v
                elif name in spec.optional:
                    q = local_quote(n, quotes)
                    if q is not None and _clause(masked, int(n.pos))[0] <= q.start:
                        used.add(id(q))
                        args[name] = q.value
                elif n.task == "image-editing" or (
                    n.task.endswith("-text-to-image") and n.task != "text-to-image" and not _prompt(text, masked, n)
                ):
                    args[name] = _instruction(n, masked, text, quotes, used, nodes, idx, gen)
                else:
                    args[name] = text_arg(n)
            if not ok:
                continue
        n.args = args
    # drop tasks left without their media input, renumbering references
    keep = [i for i, n in enumerate(nodes) if n.args or not registry.get(n.task).inputs]
    if len(keep) != len(nodes):
        remap = {old: new for new, old in enumerate(keep)}
        kept = [nodes[i] for i in keep]
        for n in kept:
            n.deps = [remap[d] for d in n.deps if d in remap]
            for key, v in list(n.args.items()):
                if v.startswith(GENERATED):
                    old = int(v[len(GENERATED) :])
                    n.args[key] = f"{GENERATED}{remap[old]}" if old in remap else text
        nodes[:] = kept


def _instruction(n, masked, text, quotes, used, nodes, idx, gen) -> str:
    """The edit instruction: a quote in its sentence, else a text output the sentence points to
    ("based on the answer"), else a quote given as a description, else the request's own verb phrase."""
    s0, s1 = _sentence(masked, int(n.pos))
    local = [q for q in quotes if id(q) not in used and s0 <= q.start <= s1]
    if local:
        used.add(id(local[0]))
        return local[0].value
    span = masked[s0:s1]
    if re.search(r"\bbased on|\baccording to|\busing\b|\buse\b|\bto reflect|\bdescri(?:bed|bing|ption)\b", span):
        for rx, producers in _BACKREFS_C:
            if rx.search(span):
                for k in range(idx - 1, -1, -1):
                    if nodes[k].task in producers and "text" in registry.get(nodes[k].task).outputs:
                        return gen(k)
        for k in range(idx - 1, -1, -1):
            if "text" in registry.get(nodes[k].task).outputs:
                return gen(k)
    for q in quotes:
        qs0, qs1 = _sentence(masked, q.start)
        if id(q) not in used and re.search(r"descri|instruction|prompt|edit", masked[qs0:qs1]):
            used.add(id(q))
            return q.value
    # the verb phrase of the request: "change the color of the car to blue"
    end = re.search(r"[.;!?](?:\s|$)|,\s|\bthen\b|\bafter that\b", masked[int(n.pos) :])
    stop = int(n.pos) + end.start() if end else len(masked)
    nxt = [m.start for m in _mentions(masked) if int(n.pos) + 12 < m.start < stop]
    stop = min(nxt) if nxt else stop
    phrase = re.sub(r"(?:,?\s+and|,)$", "", text[int(n.pos) : stop].strip(" ,.")).strip()
    return phrase or _sentence_text(text, int(n.pos))


_ALSO = re.compile(r"\balso\b|\bas well\b")

_READERS = {
    "summarization",
    "translation",
    "text-to-speech",
    "token-classification",
    "text-classification",
    "question-answering",
    "sentence-similarity",
}
_PROMPT = re.compile(
    r"\b(?:image|picture|photo|video|illustration|drawing|painting|animation|text|story|paragraph|poem|essay)s?\s+"
    r"(?:of|about|on|showing|depicting|that represents|representing|illustrating)\s+(.+?)"
    r"(?=\s+(?:based on|with the following|using|from)\b|[,.;!?](?:\s|$)|\s+(?:and|then)\s|$)"
)


def condition_generation(nodes: list[_Node]) -> None:
    """An image generated after a ControlNet condition map is generated from it: text-to-image
    becomes <cond>-text-to-image (its image argument is then wired to the map)."""
    cond = None
    for n in nodes:
        if n.task.endswith("-control") and n.task[: -len("-control")] in _CONTROLS:
            cond = n.task[: -len("-control")]
        elif n.task == "text-to-image" and cond:
            n.task = f"{cond}-text-to-image"


def _prompt(text: str, masked: str, n: _Node) -> str | None:
    """The description a generation task is given in the request's own words ("an image of a red barn")."""
    if n.task not in ("text-to-image", "text-to-video", "text-generation") and not n.task.endswith("-text-to-image"):
        return None
    m = _PROMPT.search(masked, max(0, int(n.pos) - 40))
    if not m or m.start() > _clause(masked, int(n.pos))[1]:
        return None
    value = text[m.start(1) : m.end(1)].strip()
    return re.sub(r"^(?:the|a|an)\s+(?=\w+\s+of\b)", "", value) or None
