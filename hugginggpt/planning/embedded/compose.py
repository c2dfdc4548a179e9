"""Goals composed into steps by what each needs and makes.

Each goal works on one thing: an input of the request (a file, a quote, a passage) or an earlier step's
result. Which one is read from the clause: an input written in it, a noun naming an earlier result ("the
summary"), a noun naming a kind of thing ("the image": the newest image), and otherwise the newest result
the goal can take ("say it out loud" after a question speaks the answer). A question is asked of what the
request is about, never of an earlier answer. A thing of the wrong type is converted on the way (a
recording's words by speech recognition, a picture's by OCR), and one conversion of one thing is shared by
every goal that needs it: two questions about one sign read it once. The task that realizes a goal is the
one the capability map can run when several would serve it (a question about a picture: a visual model,
else the text read in the picture); a goal that no runnable task serves keeps its own task, so that the
run says what to configure, and a goal with nothing to work on is named as not planned, with why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ... import tasks as registry
from ...types import GENERATED, Route
from . import args as argtext
from .clauses import Clause
from .goals import ASK_GOALS, BY_NAME, PROMPTED, Goal
from .inputs import _Input
from .reading import LABEL, REPAIR, Reference, Want, about_sight, about_sound, by_meaning

# nouns that name a kind of thing: "the image" is the newest image of the request
NOUNS = {
    # things that carry words name a picture too, when a picture is given: "this sign", "the receipt"
    "image": re.compile(
        r"\b(?:image|picture|photo\w*|pic|scan|screenshot|drawing|painting|scene|frame|sign|receipt|menu|poster|"
        r"board|ticket|flyer|notice|invoice|chart|diagram|graph|letter)s?\b"
    ),
    "audio": re.compile(r"\b(?:audio|recording|speech|voice|sound|clip|memo|song|music|podcast|voicemail)s?\b"),
    "text": re.compile(r"\b(?:text|article|sentence|paragraph|passage|story|review|comment|message|email|tweet)s?\b"),
}
# words for "the result" of whatever came before
_RESULT = re.compile(
    r"\b(?:that|this|the|these|those|its|their|obtained|resulting)\s+(?:\w+\s+)?(?:information|results?|outputs?|"
    r"findings|data|info|outcome)\b"
)
_POINTER = re.compile(r"(?:please\s+)?\w+\s+(?:it|this|that|them)(?:\s+too|\s+as well|\s+please)?")
_MAPS = {"depth-estimation", "canny-control", "hed-control", "openpose-control"}
_ANALYSES = {"detect", "label", "words", "describe", "segment", "depth", "table", "edges", "soft-edges", "pose"}
_TO_FORM = re.compile(r"\b(?:to|into|as)\s+(?:an?\s+)?(?:\w+\s+)?$")
_USE_THE = re.compile(r"\buse (?:the|that|this|its|your) (?:\w+ )?\w+ (?:to|as)\b")
_LISTED = re.compile(r"(?:an?|some|one|the)\s+(?:\w+\s+)?\w+$")  # "a short video": a noun, one more in a list
_BOTH = re.compile(r"^(?:\w+\s+)?both\b")
_MINE = re.compile(r"\bmine\b")
_OF_THIS = re.compile(r"\b(?:of|on|from|in|for|to)\s+this\s*$")
_ORIGINAL = re.compile(r"\b(?:original|initial|first|uploaded|source)\b")
# a picture of a document: a question about it goes to document question answering
_DOCUMENT = re.compile(
    r"(?:\b|_)(?:document|scan\w*|invoice|receipt|forms?|letter|contract|bill|pages?|statement|ticket|menu)(?:\b|_)"
)
_TABLE = re.compile(r"\btables?\b|\btabular\b|\bspreadsheet\b")
_AS_QUESTION = re.compile(r"\bas (?:the|a|my|your)? ?(?:question|query)\b")
_AS_CONTEXT = re.compile(r"\bas (?:the|a)? ?(?:context|passage|source)\b")
_THE_QUESTION = re.compile(r"\b(?:the|this|that|my) (?:question|query)\b")
_INTERROGATIVE = re.compile(r"\?|\b(?:who|whom|whose|what|when|where|which|why|how|is|are|was|were|does|do|did)\b")
_ASKED = re.compile(r"\b(?:questions?|query|ask|asks|asked|asking)\b")
# an edit whose words point at an instruction given elsewhere
_AS_SAID = re.compile(
    r"\b(?:like that|that way|the way i (?:said|asked|described)|as (?:i )?(?:said|asked|described)|accordingly"
    r"|(?:these|those|the) changes)\b"
)
_EACH = re.compile(  # "transcribe both recordings": the goal on every input of that kind
    r"\b(?:both|each|every|all (?:the |these |those |of the )?\w+s|(?:these|those|the) (?:two|three|four) )"
)
_BASED = re.compile(r"\b(?:based on|according to|using|use|to reflect|to match|following|as described in)\b")
_COUNT = re.compile(
    r"\bhow many\b.*\b(?:faces?|people|ppl|persons?|men|women|kids|children|heads|adults|folks|guys|humans)\b"
)
_DESCRIBE = "Describe this image."
_REREAD_FLOOR = 0.4  # a misread clause is read again among the goals that fit what it works on
_REWORDS = ("translate", "summarize", "write")  # goals whose result is the same text in other words
# goals whose steps differ by more than what they work on (a question, an instruction, a prompt): asked
# twice, done twice
_EACH_ITS_OWN = {*ASK_GOALS, *PROMPTED, "edit", "restyle", "similarity", "translate", "label"}
# "this photo", "my picture": an image the request gives, not one to draw
_THIS_IMAGE = re.compile(
    r"\b(?:this|that|the|my|our|the attached|the uploaded)\s+(?:image|picture|photo|pic|photograph)\b"
    r"|\b(?:both|these|those|all|all the|all my|my|the|each)\s+(?:two\s+)?(?:images|pictures|photos|pics|photographs)\b"
)
_WISH_FORM = re.compile(r"(?:into|as|in)\s+(?:an?\s+)?\w+")  # a cue that says the form of what came before
_CONVERT = {"image": "image-to-text", "audio": "automatic-speech-recognition"}  # a thing's words


@dataclass
class Thing:
    """Something a step can work on: an input of the request or a step's result."""

    modality: str  # image | audio | video | text
    value: str  # a file name, a text, or <GENERATED>-k
    step: int | None = None  # the step that made it (None: an input)
    makes: str = "input"  # input | artifact | answer | verdict | annotation
    origin: Thing | None = None  # what it is a form of (the photo an OCR text was read from)
    at: int = -1  # where the request gives it (-1: uploaded, or made by a step)


@dataclass
class Step:
    id: int
    task: str
    args: dict[str, str]
    goal: str | None  # the goal it serves (None: a conversion a goal needed)
    clause: int | None
    reads: Thing | None = None  # the thing it works on


@dataclass
class Fate:
    """What became of a clause: planned (its steps), not planned (why), or context (it asks nothing)."""

    clause: Clause
    kind: str  # planned | unplanned | context
    steps: list[int] = field(default_factory=list)
    why: str = ""


class Composer:
    """Builds the steps of one request, one goal at a time, in the order the goals feed each other."""

    def __init__(
        self, text: str, clauses: list[Clause], inputs: list[_Input], refs: list[Reference], capabilities: Any
    ) -> None:
        self.text = text
        self.clauses = clauses
        self.inputs = inputs
        self.refs = refs
        self.cap = capabilities
        self.steps: list[Step] = []
        self.things: list[Thing] = []  # inputs, then results, in the order they appear
        self.served: dict[str, list[int]] = {}  # goal name -> steps that serve it
        self.used_questions: set[int] = set()
        self.routes: list[Route] = []  # where a goal was served another way than by its own task
        self.unplanned: dict[int, str] = {}  # clause index -> why its ask could not be planned
        self.asking: set[int] = set()  # the clauses a goal was read from (set by the planner)
        self.by_cue: dict[tuple[int, int, str], list[int]] = {}  # (clause, cue start, goal) -> its steps
        self.named: set[int] = set()  # id(thing) of results a later clause names
        self.reused: int | None = None  # the step an ask asked twice is served by
        self.seen: dict[int, int] = {}  # id(thing) -> when it was last mentioned or made (the newest is "it")
        self.clock = 0
        for i in inputs:
            if i.kind in ("file", "quote", "passage") or i.kind == "question" and i.quoted:
                # a quoted question is a text to work on only where a clause gives it ("translate 'where?'")
                self.things.append(
                    Thing(i.modality, i.value, makes="question" if i.kind == "question" else "input", at=i.start)
                )
                self._touch(self.things[-1])

    def _touch(self, thing: Thing) -> None:
        self.clock += 1
        self.seen[id(thing)] = self.clock

    def mention(self, clause: Clause) -> None:
        """A clause that names a thing ("the audio", a file) makes it the newest of its kind."""
        for i in clause.inputs:
            t = next((t for t in self.things if t.step is None and t.value == i.value), None)
            if t is not None:
                self._touch(t)
        for modality, rx in NOUNS.items():
            if rx.search(clause.words):
                latest = self._latest({modality}, answers=False)
                if latest is not None and latest.step is None:
                    self._touch(latest)
        for r in self.refs:  # "from that depth map I need ...": the result it names
            if r.clause is clause and r.goal.name in self.served:
                for t in self._results_of(r.goal):
                    self._touch(t)
                    self.named.add(id(t))

    # ---- the steps --------------------------------------------------------------------------------

    def add(self, want: Want, own: list[_Input]) -> list[int]:
        """The steps that serve `want` (conversions included); [] with a reason in `unplanned`."""
        goal = want.goal
        if goal.name == "draw" and (
            any(i.kind == "file" and i.modality == "image" for i in own)
            or _THIS_IMAGE.search(want.clause.words)
            and self._latest({"image"}) is not None
        ):
            goal = BY_NAME["edit"]  # "make this image smaller": a change of the picture given, not a new one
            want = Want(goal, want.clause, want.at, want.end, want.evidence, want.score)
        cue = (want.clause.index, want.at, goal.name)
        if cue in self.by_cue:  # one phrase read twice as one goal ("make this photo black and white": an
            return self.by_cue[cue]  # edit by its cue, and a drawing of a picture given, which is an edit)
        before = len(self.steps)
        objects, named = self._objects(want, own)
        if not named and goal.name in self.served and goal.name not in _EACH_ITS_OWN:
            return [self.served[goal.name][-1]]  # the same ask again ("..., a depth map please"): done once
        asked = [s for s in self.steps if s.goal in ASK_GOALS]
        if (
            goal.name in ASK_GOALS
            and asked
            and not self._unasked(want)
            and _THE_QUESTION.search(want.clause.words)
            and not _AS_QUESTION.search(want.clause.words)  # "use that answer as the question": a new one
        ):
            return [asked[-1].id]  # "..., a question: 'X?'. Please answer the question": the same one
        if goal.name == "similarity":
            self._similarity(want, objects)
        elif goal.name in PROMPTED:
            self._generate(want, own, objects)
        elif not objects and goal.name in ASK_GOALS:  # a question with nothing to ask it of: a chat reply answers
            self._step("conversational", {"text": self._question(want)}, want, None, "answer")
        elif not objects:
            self.unplanned.setdefault(want.clause.index, _nothing_to(goal, want))
        elif goal.name == "translate" and objects[0].step is not None and self.steps[objects[0].step].goal == goal.name:
            # "my question is in Spanish: '...'. Translate it into English": translated once
            return [objects[0].step]
        else:
            for thing in self._each(want, objects[0]):
                self._realize(want, thing)
        made = list(range(before, len(self.steps)))
        if self.reused is not None and not made:
            made = [self.reused]
        self.reused = None
        if made:
            self.served.setdefault(goal.name, []).append(made[-1])
        self.by_cue[cue] = made
        return made

    def _each(self, want: Want, thing: Thing) -> list[Thing]:
        """`thing`, or every input of its kind when the clause says so ("transcribe both recordings")."""
        if thing.step is not None or want.goal.name in ASK_GOALS or not _EACH.search(want.clause.words):
            return [thing]
        given = [t for t in self.things if t.step is None and t.makes == "input" and t.modality == thing.modality]
        return given if len(given) > 1 else [thing]

    def _realize(self, want: Want, thing: Thing) -> None:
        goal, m = want.goal, thing.modality
        if goal.name in ASK_GOALS:
            self._ask(want, thing)
            return
        if goal.name == "describe" and m == "image":
            self._describe(want, thing)
            return
        if m not in goal.tasks and "text" in goal.tasks and m in _CONVERT:
            if want.evidence == "meaning" and m in goal.output_kinds:
                # a recording's words spoken as a recording again ("type up what this voicemail says" read
                # as "say"): a misreading; the goal its words mean among those that take a recording
                better = self._reread(want, m)
                if better is not None:
                    self._realize(Want(better, want.clause, want.at, want.end, "meaning", 0.0), thing)
                    return
            thing = self._words_of(thing, want)
            m = "text"
        task = goal.tasks.get(m)
        if task == "image-classification" and _TABLE.search(self._about(want, thing)):
            task = "tabular-classification"  # the label of a table's rows
        if task is None:
            self.unplanned.setdefault(want.clause.index, _nothing_to(goal, want))
            return
        args = self._args(task, thing, want)
        self._step(task, args, want, thing, goal.makes)

    def _about(self, want: Want, thing: Thing) -> str:
        """The words that say what `thing` is: its want's clause, and the clause that gives it."""
        given = [c.words for c in self.clauses if c.start <= thing.at < c.end] if thing.at >= 0 else []
        return " ".join([want.clause.words, *given])

    def _reread(self, want: Want, modality: str) -> Goal | None:
        among = {g.name for g in BY_NAME.values() if modality in g.tasks}
        goal, score, _ = by_meaning([want.clause.words], among)[0]
        return goal if goal is not None and score >= _REREAD_FLOOR else None

    def _ask(self, want: Want, thing: Thing) -> None:
        question = self._question(want)
        context = self._as_slot(want, _AS_CONTEXT)
        if context is not None:  # "with the class label as context, answer ...": asked of that text
            self._step("question-answering", {"text": question, "context": context.value}, want, context, "answer")
            return
        if thing.modality == "audio" and about_sound(question):  # "is that a dog barking or a doorbell?"
            self._step("audio-classification", {"audio": thing.value}, want, thing, "verdict")
            return
        # a picture whose words are already read here: answered from them (with no map, the literal task)
        read = next((t for t in self.things if t.origin is thing and t.modality == "text"), None)
        if thing.modality == "audio" or read is not None and self.cap is not None:
            thing = self._words_of(thing, want)
        if thing.modality == "text":
            self._step("question-answering", {"text": question, "context": thing.value}, want, thing, "answer")
            return
        document = any(_DOCUMENT.search(w) for w in (want.clause.words, self.text.lower(), thing.value.lower()))
        if self.cap is None:  # every task counts as runnable: the literal one
            task = "document-question-answering" if document else "visual-question-answering"
            self._step(task, {"image": thing.value, "text": question}, want, thing, "answer")
            return
        serves = self.cap.serves
        sight = want.goal.name == "ask-visual" or (not document and about_sight(question))
        if document and serves("document-question-answering"):
            task = "document-question-answering"
        elif serves("visual-question-answering"):
            task = "visual-question-answering"
        elif _COUNT.search(question.lower()) and serves("object-detection"):
            self._step("object-detection", {"image": thing.value}, want, thing, "annotation")
            return
        elif sight:
            task = "visual-question-answering"  # no text read from the picture answers it: the run says so
        elif serves("image-to-text") and serves("question-answering"):
            text = self._words_of(thing, want)
            self._step("question-answering", {"text": question, "context": text.value}, want, text, "answer")
            note = "No visual model runs here, so the question was answered from the text read in the picture."
            otherwise = "The picture holds no text to answer from. " + self.cap.message("visual-question-answering")
            self.routes.append(Route(self.steps[-1].id, note, otherwise))
            return
        elif serves("document-question-answering"):
            task = "document-question-answering"
        else:
            task = "visual-question-answering"  # it cannot run: the run says what to configure
        self._step(task, {"image": thing.value, "text": question}, want, thing, "answer")

    def _describe(self, want: Want, thing: Thing) -> None:
        if self.cap is None or _captions(self.cap):
            self._step("image-to-text", {"image": thing.value}, want, thing, "artifact")
            return
        # the only image-to-text here reads text: a description needs a visual model (which may not run)
        self._step("visual-question-answering", {"image": thing.value, "text": _DESCRIBE}, want, thing, "artifact")

    def _similarity(self, want: Want, objects: list[Thing]) -> None:
        things = list(objects)
        while len(things) < 2:
            more = self._latest({"text"}, results_only=True, verdicts=True, besides=things) or self._latest(
                {"text"}, convert=set(_CONVERT), before=want.clause.end, besides=things
            )
            if more is None:
                break
            things.append(more)
        texts = [self._words_of(t, want) if t.modality in _CONVERT else t for t in things]
        texts = [t for t in texts if t.modality == "text"]
        if len(texts) < 2:
            self.unplanned.setdefault(want.clause.index, "Comparing needs two texts: quote both.")
            return
        args = {"text1": texts[0].value, "text2": texts[1].value}
        self._step("sentence-similarity", args, want, texts[0], "verdict")

    def _generate(self, want: Want, own: list[_Input], objects: list[Thing]) -> None:
        """A drawing, a video, a text or a chat reply: its prompt is a quote or result the clause names,
        else the description in its own words."""
        goal = want.goal
        prompt_thing = next((t for t in objects if t.modality == "text"), None)
        image = next((t for t in objects if t.modality == "image"), None)
        if prompt_thing is None and goal.name != "chat":  # "draw whatever this sign says": its words
            source = next((t for t in objects if t.modality in _CONVERT and t.step is None), None)
            if source is not None:
                prompt_thing, image = self._words_of(source, want), None
        words = argtext.text_prompt(want.clause.text) if goal.name == "write" else argtext.prompt(want.clause.text)
        words = "" if words.lower() in ("it", "this", "that", "them") else words  # "a picture of it": the last text
        if prompt_thing is None and not words and goal.name != "chat":
            prompt_thing = self._latest({"text"}, results_only=True)
        made = [s for s in self.steps if s.goal in PROMPTED and "text" in s.args]
        if goal.name == "chat":  # a reply about the newest result, or to the request itself
            prompt_thing = prompt_thing or self._latest({"text"}, results_only=True)
            prompt = prompt_thing.value if prompt_thing is not None else self._chat_text(want)
        elif prompt_thing is None and not words and made and _POINTER.fullmatch(want.clause.words):
            prompt = made[-1].args["text"]  # "draw a sunset and animate it": the same description
        else:
            prompt = prompt_thing.value if prompt_thing is not None else (words or want.clause.text)
        task = goal.tasks["text"]
        args = {"text": prompt}
        condition = self._condition() if goal.name == "draw" else None
        if condition is not None:  # a drawing after a condition map is drawn from it (ControlNet)
            task, image = condition
        if image is not None and task.endswith("-text-to-image") and task != "text-to-image":
            args = {"image": image.value, "text": prompt}
        self._step(task, args, want, prompt_thing or image, goal.makes)

    # ---- what a goal works on ---------------------------------------------------------------------

    def _objects(self, want: Want, own: list[_Input]) -> tuple[list[Thing], bool]:
        """The things `want` works on, best first, and whether its clause names them: inputs written in
        it, results it names, the newest thing of each kind it names; with none of those (not named), the
        newest thing the goal can take."""
        goal = want.goal
        found: list[Thing] = []

        def keep(t: Thing | None) -> None:
            if t is not None and t not in found:
                found.append(t)

        for i in own:
            # a file of the kind the goal makes, and cannot take, names its output ("an audio answer (a.wav)")
            if i.kind == "file" and i.modality in goal.output_kinds and i.modality not in goal.tasks:
                continue
            asked = i.kind == "question" and goal.name in ASK_GOALS  # the question itself, not what it is about
            if i.kind in ("file", "quote", "question") and not asked and _takes(goal, i.modality):
                keep(next((t for t in self.things if t.step is None and t.value == i.value), None))
        # a made thing is made from a result its clause names anywhere ("with the detected labels, make a video")
        refs = self._refs_of(want, anywhere=goal.name in PROMPTED)
        results = [t for ref in refs for t in self._results_of(ref)]
        if not results and _RESULT.search(want.clause.words[want.at :]):  # "based on that information"
            latest = self._latest(set(goal.tasks), results_only=True, verdicts=True)
            results += [latest] if latest is not None else []
        results.sort(key=lambda t: (t.modality in goal.tasks, t.step or 0), reverse=True)
        for t in results:
            if _takes(goal, t.modality):
                keep(t)
                break
        tail = want.clause.words[want.at :]
        if _WISH_FORM.match(tail):  # "turn what's said in this recording into an image": named before it
            tail = want.clause.words
            # "describe this photo in Spanish": the form of what the clause asked for before its wish
            done = [k for (c, at, _), ks in self.by_cue.items() if c == want.clause.index and at < want.at for k in ks]
            for t in reversed(self.things):
                if not found and t.step in done and _takes(goal, t.modality) and t.makes not in ("annotation",):
                    keep(t)
        if goal.name in ASK_GOALS:  # the question's own words may say what it is about ("in the image")
            tail += " " + " ".join(i.value.lower() for i in own if i.kind == "question")
        shift = want.at if tail is not want.clause.words else 0
        hits = sorted(
            (h.start(), m)
            for m, rx in NOUNS.items()
            if _takes(goal, m)
            for h in rx.finditer(tail)
            if not (m in goal.output_kinds and want.at <= h.start() + shift < want.last)
        )
        if _MINE.search(tail):  # "how close mine is": the text the asker labels as theirs ("My summary: '...'")
            for c in self.clauses:
                if LABEL.fullmatch(c.words):
                    for i in c.inputs:
                        keep(next((t for t in self.things if t.step is None and t.value == i.value), None))
        if goal.name in ("edit", "restyle") and want.clause.joiner in ("then", "and then") and not found:
            # "box the faces, then make the picture smaller": the boxed copy the step before just made
            last = next((s for s in reversed(self.steps) if s.goal is not None), None)
            marked = [t for t in self.things if last is not None and t.step == last.id and t.makes == "annotation"]
            if marked and last.clause == want.clause.index - 1:
                keep(marked[0])
        for at, modality in hits:
            original = bool(_ORIGINAL.search(tail[max(0, at - 12) : at]))
            keep(self._latest({modality}, original=original, answers=False, before=want.clause.end))
        if not found and _OF_THIS.search(tail):  # "an edge map of this": what was given, not the newest result
            for m in goal.tasks:
                if m != "text":
                    keep(self._latest({m}, original=True, answers=False, before=want.clause.end))
        if goal.name in ASK_GOALS:  # a question about a picture its clause names is asked of the picture
            found.sort(key=lambda t: t.modality != "image")
        if found or goal.name in PROMPTED:
            return found, True
        convertible = set(_CONVERT) if "text" in goal.tasks else set()
        if goal.name in ASK_GOALS:  # a question is about what the request is about, not an answer or a question
            # (nor a description of a picture it has: "what's in this picture, and how many people are in it?")
            asked = [
                t
                for t in self.things
                if t.step is not None and (self._from_question(t) or self.steps[t.step].goal == "describe")
            ]
            latest = self._latest(
                set(goal.tasks), convert=convertible, answers=False, before=want.clause.end, besides=asked
            )
            keep(latest)
            return found, False
        # a picture is analysed as it is, not as a depth or edge map made of it, unless a clause names the map
        maps = [
            t
            for t in self.things
            if goal.name in _ANALYSES
            and t.step is not None
            and self.steps[t.step].task in _MAPS
            and id(t) not in self.named
        ]
        # "both summarize the transcript and tag it", "transcribe the audio and also classify it": the same
        # thing as the goal before
        before = want.clause.words[: want.at]
        if want.clause.joiner in ("and also", "also") or _BOTH.search(before) and any(
            at < want.at for (c, at, _) in self.by_cue if c == want.clause.index
        ):
            last = next((s for s in reversed(self.steps) if s.goal is not None and s.reads is not None), None)
            if last is not None and _takes(goal, last.reads.modality):
                keep(last.reads)
                return found, False
        latest = self._latest(set(goal.tasks), results_only=True, besides=maps)
        answer = self._latest(set(goal.tasks), results_only=True, verdicts=True)
        if (
            goal.name in ("speak", "translate")
            and answer is not None
            and (latest is None or self.steps[answer.step].goal in ASK_GOALS)
        ):
            # a verdict rather than a conversion of an input ("detect the objects and tell me out loud how
            # many"), and the count that answers a question ("how many people are here? say it out loud")
            latest = answer
        keep(latest)
        keep(self._latest(set(goal.tasks), convert=convertible, before=want.clause.end, besides=maps))
        return found, False

    def _latest(
        self,
        modalities: set[str],
        *,
        results_only: bool = False,
        original: bool = False,
        answers: bool = True,
        before: int | None = None,
        convert: set[str] = frozenset(),
        besides: list[Thing] = (),
        verdicts: bool = False,
    ) -> Thing | None:
        """The newest thing of one of `modalities` (results only: made by a step; original: an input),
        among those given before `before` when there are any; inputs of the `convert` modalities count
        too (their words are read on the way: a picture's, a recording's, never a drawn image's). The
        marked-up copy of a detection, and verdicts (unless `verdicts`), are never what a later step works
        on unless a clause names them."""
        fits = [
            t
            for t in sorted(self.things, key=lambda t: self.seen.get(id(t), -1))
            if (t.modality in modalities or t.modality in convert and (t.step is None or self._same_content(t)))
            and t.makes not in ("annotation", "question")
            and (verdicts or t.makes != "verdict")
            and not (results_only and t.step is None or original and t.step is not None)
            and (answers or t.makes != "answer")
            and t not in besides
        ]
        if before is not None:
            fits = [t for t in fits if t.at < before] or fits
        return fits[-1] if fits else None

    def _same_content(self, thing: Thing) -> bool:
        """A cleaned recording or an edited picture: what it says is what the input said, so its words may be
        read ("clean the audio, then summarize it")."""
        return thing.step is not None and self.steps[thing.step].goal in ("clean-audio", "enhance", "edit", "restyle")

    def _refs_of(self, want: Want, *, anywhere: bool = False) -> list[Goal]:
        """Earlier goals whose result the clause names: after the want's cue ("read the summary aloud"),
        then before it ("the answer in Chinese", "the summary out loud"); only those before the cue of a
        goal that takes the named result as it is, or `anywhere` ("use the transcript as the
        instruction to edit the photo")."""
        mine = [
            r
            for r in self.refs
            if r.clause is want.clause
            and r.goal.name in self.served
            # not another item of a list of wants ("I need a summary, an image")
            and not (
                (r.clause.index, r.at, r.goal.name) in self.by_cue and "," in _between(r.clause.words, r.at, want.at)
            )
        ]
        if not mine and want.clause.joiner in ("and", ",", ";"):
            # "use that caption three ways: as the question ...; compared with ...; and turned into a video":
            # each use takes the thing the list was introduced with
            k = want.clause.index - 1
            while k > 0 and self.clauses[k].joiner in ("and", ",", ";") and ":" not in self.clauses[k].words:
                k -= 1
            head = self.clauses[k]
            if k < want.clause.index - 1 or ":" in head.words:
                at = head.words.find(":")
                listed = [r for r in self.refs if r.clause is head and r.goal.name in self.served and r.at < at]
                if ":" in head.words and listed:
                    return [r.goal for r in listed]
        if not mine and want.clause.joiner in ("and", ",") and _LISTED.match(want.clause.words):
            # "from the translation I need a summary, an image, | and a short video": the list's source
            mine = [
                r
                for r in self.refs
                if r.clause.index == want.clause.index - 1
                and r.goal.name in self.served
                and (r.clause.index, r.at, r.goal.name) not in self.by_cue
            ]
            return [r.goal for r in mine]
        after = [r.goal for r in mine if r.at >= want.at - 1]
        # "boil the detection output down to a short summary": the thing comes before a cue that names the form
        form = bool(_TO_FORM.search(want.clause.words[: want.at]))
        before = [r.goal for r in mine if r.at < want.at - 1 and (anywhere or form or _wished(want, r.goal))]
        return after + before

    def _from_question(self, thing: Thing) -> bool:
        """The thing is a question of the request, or made from one (its translation)."""
        while thing is not None:
            if thing.makes == "question":
                return True
            step = self.steps[thing.step] if thing.step is not None else None
            thing = step.reads if step is not None else None
        return False

    def _results_of(self, goal: Goal, modality: str | None = None) -> list[Thing]:
        """The newest result of `goal` (of `modality`), its main one first."""
        step = self.served[goal.name][-1]
        return [t for t in self.things if t.step == step and (modality is None or t.modality == modality)]

    def _words_of(self, thing: Thing, want: Want) -> Thing:
        """The text of a picture or a recording: one conversion step per thing, shared."""
        for t in self.things:
            if t.origin is thing and t.modality == "text":
                return t
        task = _CONVERT[thing.modality]
        self._step(task, {thing.modality: thing.value}, None, thing, "artifact", clause=want.clause.index)
        return self.things[-1]

    def _condition(self) -> tuple[str, Thing] | None:
        for s in reversed(self.steps):
            if s.task.endswith("-control"):
                cond = s.task[: -len("-control")]
                out = next(t for t in self.things if t.step == s.id)
                return f"{cond}-text-to-image", out
        return None

    # ---- arguments ---------------------------------------------------------------------------------

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
        if REPAIR.fullmatch(want.clause.words) and want.clause.index > 0:  # "it's upside down. fix it": the fault
            before = self.clauses[want.clause.index - 1].text.strip(" .,;")
            return f"{before}, {argtext.instruction(want.clause.text)}"
        return argtext.instruction(want.clause.text)

    def _unasked(self, want: Want) -> list[_Input]:
        """The questions the request gives that no step asks yet, those of the want's clause first."""
        mine = [i for i in want.clause.inputs if i.kind == "question" and id(i) not in self.used_questions]
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
        given = self._as_slot(want, _AS_QUESTION)
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
        if _THE_QUESTION.search(want.clause.words) or (
            not _INTERROGATIVE.search(own.lower()) and _ASKED.search(self.text.lower())
        ):
            spoken = [t for t in self.things if t.modality == "text" and t.origin is not None]
            spoken = [t for t in spoken if t.origin.modality == "audio"]
            if spoken:
                return spoken[-1].value
        return own

    def _chat_text(self, want: Want) -> str:
        mine = [i for i in want.clause.inputs if i.kind in ("question", "quote")]
        return mine[0].value if mine else self.text

    def _step(
        self,
        task: str,
        args: dict[str, str],
        want: Want | None,
        reads: Thing | None,
        makes: str,
        clause: int | None = None,
    ) -> None:
        def alike(a: dict[str, str]) -> bool:  # a comparison is the same either way round
            return a == args or task == "sentence-similarity" and sorted(a.values()) == sorted(args.values())

        same = next((s for s in self.steps if s.task == task and alike(s.args)), None)
        if same is not None:  # asked twice ("listen to this review ... is the speaker happy"): done once
            self.reused = same.id
            return
        sid = len(self.steps)
        self.steps.append(
            Step(sid, task, args, want.goal.name if want else None, want.clause.index if want else clause, reads)
        )
        spec = registry.get(task)
        for k, modality in enumerate(spec.outputs):
            kind = makes if k == 0 else "verdict"  # a detection's text (its labels) is a verdict on the image
            origin = reads if want is None or want.goal.name == "words" else None  # the words of a thing
            self.things.append(Thing(modality, f"{GENERATED}{sid}", sid, kind, origin))
            self._touch(self.things[-1])


def _between(words: str, a: int, b: int) -> str:
    return words[min(a, b) : max(a, b) + 1]


def _wished(want: Want, named: Goal) -> bool:
    """A wish for the form of a result named before it ("the answer in Chinese", "the summary out loud")."""
    return want.goal.name in ("translate", "speak", "draw") and bool(named.output_kinds & set(want.goal.tasks))


def _takes(goal: Goal, modality: str) -> bool:
    """Can the goal work on a thing of this kind (a picture's or recording's words, for a text goal)?"""
    return modality in goal.tasks or modality in _CONVERT and "text" in goal.tasks


def _captions(capabilities: Any) -> bool:
    """image-to-text can describe a photo here (not only read its words, all the embedded OCR does)."""
    return any("ocr" not in e.meta.get("tags", ()) for e in capabilities.experts("image-to-text"))


def _nothing_to(goal: Goal, want: Want | None = None) -> str:
    """One sentence on what a goal with nothing to work on needs: "“cut her out” needs a picture: attach
    one."."""
    kinds = [{"image": "a picture", "audio": "a recording", "text": "a text"}[m] for m in goal.tasks]
    needs = " or ".join(dict.fromkeys(kinds))
    how = "quote it or attach a file" if kinds == ["a text"] else "attach one"
    asked = argtext.instruction(want.clause.text).rstrip(" .!?") if want is not None else ""
    return f"“{asked}” needs {needs}: {how}." if asked else f"This needs {needs}: {how}."


__all__ = ["BY_NAME", "Composer", "Fate", "Step", "Thing"]
