"""The embedded planner: a request becomes a HuggingGPT task plan without any LLM.

It reads the request the way a careful human would, in three stages:

- `inputs`: the file names (named in the text or uploaded), quoted text, questions asked without
  quotes, and the clauses and sentences of the text;
- `intents`: what is asked, by phrases that name a task and, where MiniLM is installed, by meaning
  (each clause against descriptions and example phrasings of every task); with the capability map it
  plans a servable route when the literal task cannot run ("what does this sign say" -> OCR);
- `votes`: a vote by meaning among the tasks the inputs can feed, for a request the rules read as nothing
  and for a task the rules read whose media the request neither gives nor makes;
- `wiring`: the order the request tells, each task's arguments (a file, a quote, an earlier output
  `<GENERATED>-k` by modality and by back-references such as "the summary").
"""

from __future__ import annotations

import re
from typing import Any

from ... import tasks as registry
from . import meaning, votes
from .inputs import _FILE, _QUOTE, GREETING, _clause, _Input, file_modality, find_inputs
from .intents import _Node, find_tasks
from .routes import adapt
from .wiring import bridge, condition_generation, order, wire


class EmbeddedPlanner:
    """Plans a request into HuggingGPT tasks with rules over its wording, intents by meaning, the task
    registry and (when given) the capability map of the pipeline."""

    def plan(
        self,
        text: str,
        files: list[str] | tuple[str, ...] = (),
        history: list[str] | None = None,
        capabilities: Any = None,
    ) -> list[dict]:
        """Tasks as HuggingGPT's planner writes them: id, task, dep ([-1]: none), args; [] for chit-chat.

        `files` are the conversation's file names (uploads and earlier outputs: inputs even when the
        text does not name them; the newest upload counts when the text says "this photo"); `history`
        is accepted for the planner interface: each request is planned on its own. `capabilities` is
        the pipeline's capability map (None: every task counts as servable)."""
        text = (text or "").strip()
        inputs, masked = find_inputs(text, has_files=bool(files))
        named = {i.value for i in inputs if i.kind == "file"}
        uploads = [
            _Input("file", f, file_modality(f), -1, -1)
            for f in files
            if f not in named and f.rsplit("/", 1)[-1] not in named
        ]
        inputs = uploads + inputs
        if not inputs and GREETING.match(text):
            return []
        nodes = _without_missing_media(find_tasks(text, masked, inputs), masked, inputs)
        short = _by_meaning(text, inputs, nodes, capabilities)
        if short is not None:
            return short
        if not nodes:
            if GREETING.match(text) or not text:
                return []
            nodes = [_Node(_by_vote(text, inputs), 0, (0, len(masked)))]
        nodes = adapt(nodes, text, masked, inputs, capabilities)
        nodes = order(nodes, inputs)
        nodes = bridge(masked, nodes, inputs)
        condition_generation(nodes)
        wire(text, masked, nodes, inputs)
        for n in nodes:  # which labels a text classification is asked for (none: sentiment)
            if n.task == "text-classification" and "labels" not in n.args and (labels := meaning.labels_for(masked)):
                n.args["labels"] = labels
        return [
            {"id": i, "task": n.task, "dep": sorted(set(n.deps)) or [-1], "args": n.args} for i, n in enumerate(nodes)
        ]


_CHAIN = re.compile(r"\b(?:then|after that|afterwards|finally|next|also|as well)\b|;", re.I)
MAX_SHORT_WORDS = 18  # an instruction this short asks for one thing: its meaning decides which


def _by_meaning(text: str, inputs: list[_Input], nodes: list[_Node], capabilities) -> list[dict] | None:
    """A short one-intent request planned by what it means (None: the rules plan it). Requests that chain
    several tasks, or that the rules read as more than one task, are left to the rules and their wiring."""
    quotes = [i.value for i in inputs if i.kind in ("quote", "question") and i.start >= 0]
    parts = meaning.split(text, quotes)
    instruction = _FILE.sub(" ", _QUOTE.sub(" ", parts.instruction))
    words = instruction.split()
    if not words or len(words) > MAX_SHORT_WORDS or _CHAIN.search(instruction):
        return None
    files = [(i.value, i.modality) for i in inputs if i.kind == "file"]
    media = any(m in ("image", "audio") for _, m in files)
    if parts.question and parts.passage and not media:  # "<passage> <question>?" asks about the passage
        args = {"text": parts.question, "context": parts.passage}
        return [{"id": 0, "task": "question-answering", "dep": [-1], "args": args}]
    intent, score = meaning.classify(" ".join(words))
    asks = parts.instruction.strip()
    if (
        parts.passage
        and not media
        and asks.endswith("?")
        and (intent is None or score < meaning.THRESHOLD or intent.name == "qa" or intent.name in meaning.IMAGE_INTENTS)
    ):  # "<question>? <passage>": a question that is no other ask (and no picture to ask it of)
        args = {"text": asks, "context": parts.passage}
        return [{"id": 0, "task": "question-answering", "dep": [-1], "args": args}]
    if intent is None or score < meaning.THRESHOLD:
        return None
    # meaning decides when the rules found nothing to do; it overrules the tasks they found only when
    # it is sure of a very short instruction, or when those tasks cannot run here and it names a route
    # that can ("what does this sign say" -> OCR, "describe this photo" -> not OCR)
    found = [n.task for n in nodes]
    steps = {(n.task, n.pos) for n in nodes if n.task != "conversational"}
    if len({t for t, _ in steps}) > 1 and len({p for _, p in steps}) > 1:
        # several steps at several places ("what's the total? say it out loud"): one intent would drop
        # some (tasks read off one phrase are rival readings of it, left to the meaning below)
        return None
    if found and found != ["conversational"]:
        sure = score >= meaning.SURE and len(words) <= 10
        # ... (a route that cannot run either is no route: "make a video" stays a video, not a drawing)
        blocked = capabilities is not None and (
            (
                capabilities.serves(intent.task)
                and any(not capabilities.serves(t) and _same_input(t, intent.task) for t in found)
            )
            or intent.name == "caption"
        )
        if not (sure or blocked) or (found == [intent.task] and intent.name != "caption"):
            return None
    return meaning.build(intent, parts, quotes, files, capabilities)


def _same_input(blocked: str, route: str) -> bool:
    """A route can stand in for a task that cannot run only when it reads the same kind of input (OCR for a
    question about a sign: both read the image); a translation of a receipt's text is no OCR, so such a
    step stays in the plan and says what it needs instead of vanishing."""
    return registry.get(blocked).input_modalities()[:1] == registry.get(route).input_modalities()[:1]


VOTE_FLOOR = 0.25  # a request the rules read as nothing is planned as the task it means from this cosine on
VOTE_MARGIN = 0.1  # ... and by this much nearer than a chat reply


def _instruction(text: str, inputs: list[_Input]) -> str:
    """What the request asks, without its quotes, passage and file names."""
    quotes = [i.value for i in inputs if i.kind in ("quote", "question") and i.start >= 0]
    return " ".join(_FILE.sub(" ", _QUOTE.sub(" ", meaning.split(text, quotes).instruction)).split())


# a question that asks for knowledge, not a request phrased as a question ("can you draw ...?")
_ASKS = re.compile(
    r"^(?:who|whom|whose|what|when|where|which|why|how|is|are|was|were|does|do|did|should|(?:can|could|would|will)"
    r"(?!\s+(?:you|u)\b))\b[^?]*\?$",
    re.I,
)


def _without_missing_media(nodes: list[_Node], masked: str, inputs: list[_Input]) -> list[_Node]:
    """A task read from words whose media input the request neither gives nor makes ("paint a red boat":
    an edit with no picture) becomes the task its clause means among those that can run on what there is,
    or goes."""
    have = {i.modality for i in inputs if i.kind == "file"} | {"text"}

    def made(n: _Node) -> set[str]:  # by the other tasks
        return {m for o in nodes if o is not n for m in registry.get(o.task).outputs}

    lost = [n for n in nodes if not set(registry.get(n.task).input_modalities()) <= have | made(n)]
    if not lost:
        return nodes
    clauses = [masked[slice(*_clause(masked, n.pos))] for n in lost]
    for n, score in zip(lost, votes.scores(clauses), strict=True):
        ranked = [(t, s) for t, s in votes.rank(score, have) if t not in {m.task for m in nodes}]
        n.task = ranked[0][0] if ranked and ranked[0][1] >= VOTE_FLOOR else ""
    return [n for n in nodes if n.task]


_IMAGE_QA = ("document-question-answering", "visual-question-answering")
_DOCUMENT = re.compile(r"document|scan|invoice|receipt|\bforms?\b|letter|contract|\bbill|\bpages?\b|statement", re.I)


def _by_vote(text: str, inputs: list[_Input], modalities: set[str] | None = None) -> str:
    """The task a request the rules read as nothing means, among those its inputs can feed. A file given
    is what the request is about (a task on it); a text given (quote, passage) is worked on unless a chat
    reply is nearer; with neither, a question or a request not clearly a task is a chat reply."""
    quotes = [i.value for i in inputs if i.kind in ("quote", "question") and i.start >= 0]
    media = {i.modality for i in inputs if i.kind == "file"} - {"text"} if modalities is None else modalities
    material = any(i.modality == "text" for i in inputs if i.kind == "file") or any(i.kind == "quote" for i in inputs)
    material = material or bool(meaning.split(text, quotes).passage)
    instruction = _instruction(text, inputs)
    if not media and not material and _ASKS.match(instruction):
        return "conversational"  # a question with nothing to work on asks for an answer ("why is the sky blue?")
    score = votes.scores([instruction])[0]
    ranked = votes.rank(score, media | ({"text"} if material else set()))
    if media:  # a task on the file given
        ranked = [(t, s) for t, s in ranked if set(registry.get(t).input_modalities()) & media]
    chat = 0.0 if media or material else score.get("conversational", 0.0) + VOTE_MARGIN
    if not ranked or ranked[0][1] < max(VOTE_FLOOR, chat):
        return "conversational"
    task = ranked[0][0]
    if task in _IMAGE_QA:  # a question about a picture is about a document only when the request says so
        task = "document-question-answering" if _DOCUMENT.search(text) else "visual-question-answering"
    return task


OfflinePlanner = EmbeddedPlanner  # the name tests, benchmarks and the orchestrator used first

__all__ = ["EmbeddedPlanner", "OfflinePlanner"]
