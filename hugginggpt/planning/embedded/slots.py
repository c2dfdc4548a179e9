"""The arguments of a step: an edit's instruction, a question's words, a chat's text, from its clause or from
what the clause names."""

from __future__ import annotations

import re

from ... import tasks as registry
from ...types import GENERATED
from . import args as argtext
from .clauses import Clause
from .inputs import _Input
from .reading import POLITE, QUESTION_FORM, REPAIR, Want
from .things import Step, Thing

_USE_THE = re.compile(r"\buse (?:the|that|this|its|your) (?:\w+ )?\w+ (?:to|as)\b")
AS_QUESTION = re.compile(r"\bas (?:the|a|my|your)? ?(?:question|query)\b")
THE_QUESTION = re.compile(r"\b(?:the|this|that|my) (?:question|query)\b")
# words that hold a question of their own ("answer it" holds none)
_HOLDS_QUESTION = re.compile(r"\?|\b(?:who|whom|whose|what|when|where|which|why|how|is|are|was|were|does|do|did)\b")
_ASKED = re.compile(r"\b(?:questions?|query|ask|asks|asked|asking)\b")
# an edit whose words point at an instruction given elsewhere
_AS_SAID = re.compile(
    r"\b(?:like that|that way|the way i (?:said|asked|described)|as (?:i )?(?:said|asked|described)|accordingly"
    r"|(?:these|those|the) changes)\b"
)
_BASED = re.compile(r"\b(?:based on|according to|using|use|to reflect|to match|following|as described in)\b")
# "it came out upside down, flip it": a bare turn after a stated fault undoes the fault
_TURN_BACK = re.compile(
    POLITE + r"(?:flip|turn|rotate|spin|put|get)\s+(?:it|this|that|her|him|them)"
    r"(?:\s+(?:back|round|around|over|(?:the )?right (?:way|side) (?:up|round|around)|upright))?(?:\s+please)?"
)
_REWORDS = ("translate", "summarize", "write")  # goals whose result is the same text in other words


class Slots:
    """Each step's arguments (a mixin of `Composer`, sharing its state)."""

    text: str
    clauses: list[Clause]
    inputs: list[_Input]
    steps: list[Step]
    things: list[Thing]
    used_questions: set[int]
    asking: set[int]

    def _args(self, task: str, thing: Thing, want: Want) -> dict[str, str]:
        spec = registry.get(task)
        args: dict[str, str] = {}
        for name in dict.fromkeys(spec.inputs + spec.optional):
            if name in ("image", "audio", "video", "text") and name == thing.modality and name not in args:
                args[name] = thing.value
            elif name == "text" and (task in ("image-editing", "image-to-image") or task.endswith("-text-to-image")):
                instruction = self._instruction(want)
                if instruction or name not in spec.optional:
                    args[name] = instruction or want.clause.text
            elif name == "labels":
                labels = want.goal.labels or (argtext.labels(want.clause.words) if want.goal.name == "label" else None)
                if labels:
                    args[name] = labels
        return args

    def _instruction(self, want: Want) -> str:
        """An edit's instruction: a quote in its clause, a result its clause names ("based on the answer"),
        else its clause in the request's words."""
        quote = next((i for i in want.clause.inputs if i.kind == "quote"), None)
        if quote is not None:
            return quote.value
        if _BASED.search(want.clause.words):  # "edit the image based on the answer", "use the transcript"
            for goal in self._refs_of(want, anywhere=True):
                for result in self._results_of(goal, "text"):
                    return result.value
            if _USE_THE.search(want.clause.words):  # "use the brief to edit it": a result by another name
                latest = self._latest({"text"}, results_only=True)
                if latest is not None:
                    return latest.value
        # a recording given in the clause of an edit holds the instruction ("in memo.wav I say how to change
        # it"): its words, read once
        spoken = [i for i in want.clause.inputs if i.kind == "file" and i.modality == "audio"]
        if not spoken and _AS_SAID.search(want.clause.words):  # "I recorded what to change. Edit it like that"
            spoken = [i for c in self.clauses for i in c.inputs if i.kind == "file" and i.modality == "audio"]
        for i in spoken:
            given = next((t for t in self.things if t.step is None and t.value == i.value), None)
            if given is not None:
                return self._words_of(given, want).value
        k = want.clause.index
        turn_back = _TURN_BACK.fullmatch(want.clause.words) and k > 0 and k - 1 not in self.asking
        if (REPAIR.fullmatch(want.clause.words) or turn_back) and k > 0:  # "it's upside down. fix it": the fault
            # the faults told before it, in one sentence ("it's crooked | and too dark, fix both")
            start = k - 1
            while start > 0 and self.clauses[start].joiner in ("and", ",") and start - 1 not in self.asking:
                start -= 1
            told = " and ".join(c.text.strip(" .,;") for c in self.clauses[start:k])
            return f"{told}, {argtext.instruction(want.clause.text)}"
        return argtext.instruction(want.clause.text)

    def _unasked(self, want: Want) -> list[_Input]:
        """The questions the request gives that no step asks yet, those of the want's clause first."""
        mine = [i for i in want.clause.inputs if i.kind == "question" and id(i) not in self.used_questions]
        if not mine and QUESTION_FORM.match(want.clause.words) and not _ASKED.search(want.clause.words):
            return []  # "did he sound upset? also what's their number": the clause asks its own question
        rest = [i for i in self.inputs if i.kind == "question" and id(i) not in self.used_questions]
        return list({id(i): i for i in mine + rest}.values())

    def _as_slot(self, want: Want, slot: re.Pattern) -> Thing | None:
        """A result the clause puts in a slot of the step ("use that answer as the question", "with the
        class label as context")."""
        if not slot.search(want.clause.words):
            return None
        for goal in self._refs_of(want, anywhere=True):
            for result in self._results_of(goal, "text"):
                return result
        return None

    def _question(self, want: Want) -> str:
        given = self._as_slot(want, AS_QUESTION)
        if given is not None:
            return given.value
        for i in self._unasked(want):
            self.used_questions.add(id(i))
            # a question already turned into another text ("translate it into English and answer it"): that
            given = next((t for t in self.things if t.step is None and t.value == i.value), None)
            made = [s for s in self.steps if given is not None and s.reads is given and s.goal in _REWORDS]
            if made:
                return f"{GENERATED}{made[-1].id}"
            # one of two asks in one sentence, each its own goal ("what does it say and is the shop open
            # today?", "when does it leave and from which platform?"): each asks its own part
            own = want.clause.text.strip(" ?.,").lower()
            others = [c for c in self.clauses if c is not want.clause and c.start < i.end and i.start < c.end]
            if (
                not i.quoted
                and own
                and own in i.value.lower()
                and others
                and all(c.index in self.asking for c in others)
            ):
                part = argtext.question(want.clause.text)
                return part if part.endswith("?") else part + "?"
            return i.value
        own = argtext.question(want.clause.text)
        if want.evidence == "question" and not own.endswith("?"):  # "total?", "whether it's urgent"
            own += "?"
        # "answer my query" asked in a recording, or "answer it" after "in memo.wav I ask ...": its words
        if THE_QUESTION.search(want.clause.words) or (
            not _HOLDS_QUESTION.search(own.lower()) and _ASKED.search(self.text.lower())
        ):
            spoken = [t for t in self.things if t.modality == "text" and t.origin is not None]
            spoken = [t for t in spoken if t.origin.modality == "audio"]
            if spoken:
                return spoken[-1].value
        return own

    def _chat_text(self, want: Want) -> str:
        mine = [i for i in want.clause.inputs if i.kind in ("question", "quote")]
        return mine[0].value if mine else self.text
