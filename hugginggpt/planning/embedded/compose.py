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
from typing import Any

from ... import tasks as registry
from ...types import GENERATED, Route
from . import args as argtext
from .clauses import Clause
from .goals import ASK_GOALS, BY_NAME, CHECKS_ANSWER, PROMPTED, Goal
from .inputs import _Input
from .reading import Reference, Want, about_mood, about_sight, about_sound, by_meaning, told_turned
from .slots import AS_QUESTION, THE_QUESTION, Slots
from .sources import Sources
from .things import CONVERT, NOUNS, Step, Thing

# a reply asked for (the verb: "reply to this", "write back"), not one named ("the chatbot's reply")
REPLY = re.compile(
    r"(?<!'s )(?<!\bthe )(?<!\ba )(?<!\byour )(?<!\bits )(?<!\btheir )(?<!\bhis )(?<!\bher )(?<!\bmy )"
    r"\b(?:reply|respond|answer|write back)\b"
    r"|\bwrite\b(?:\s+[\w-]+){1,4}\s+back\b"  # "write a polite apology back to her"
)
# "a poem about it", "an email to the council for approving this": what a text written is about
# "generate a reply I can text back", "draft a response": a reply asked for by naming it
_A_REPLY = re.compile(
    r"\b(?:writ\w*|draft\w*|compos\w*|prepare|generat\w*|give me|make)\s+(?:me\s+)?(?:an?\s+)?(?:[\w-]+\s+)?"
    r"(?:reply|response)\b"
    r"(?=[^.;]{0,40}\b(?:send|text|post|email)\b(?:\s+\w+)?\s+back\b|\s+(?:to|for) (?:him|her|them|this|it)\b)"
)
_REWRITES = re.compile(r"\b(?:rewrit\w*|reword\w*|rephras\w*|paraphras\w*|proofread\w*)\b")  # the text given, again
_ABOUT_IT = re.compile(r"\b(?:about|of|on|from|for|to|based on|\w+ing)\s+(?:it|this|that|them)$")
_POINTS_AT = re.compile(r"\b(?:it|this|that|them)\b")
# a picture of a document: a question about it goes to document question answering
_DOCUMENT = re.compile(
    r"(?:\b|_)(?:document|scan\w*|invoice|receipt|forms?|letter|contract|bill|statement|ticket|menu)(?:\b|_)"
    r"|\b(?:this|that|a|the|scanned) pages?\b"  # not "the lost pets page" (a web page)
)
_VOICE_ITSELF = re.compile(
    r"\bnot (?:just )?(?:the words|what (?:he|she|they|it|the \w+) (?:says?|said))\b"
    r"|\b(?:actual|tone of|sound of (?:his|her|their)) voice\b|\bhow (?:he|she|they) sounds?,? not\b"
)
_A_NAME = re.compile(r"\b(?:for|to|from|by|called|named|labelled|labeled|signed)\s*$", re.I)
# joiners that say a clause is done before the ones said before it ("Before that, flip it")
DONE_FIRST = ("before that", "before this", "before anything else", "but first", "first")
_TOPICAL = re.compile(r"\b(?:topics?|subjects?|about|section|news|story|category|categories)\b")
_CARRIES_TEXT = re.compile(
    r"(?:\b|_)(?:sign|signpost|fingerpost|plaque|placard|banner|poster|flyer|leaflet|notice|card|note|label|brochure"
    r"|newsletter|noticeboard|timetable|rota|schedule|league table)s?(?:\b|_)"
)
_PEOPLE = re.compile(
    r"\b(?:they|them|he|him|she|her|people|person|faces?|everyone|everybody|anyone|someone|kids?|child(?:ren)?|man|"
    r"men|woman|women|girls?|boys?|baby|crowd|family|couple|smil\w*|frown\w*|expressions?)\b"
)
_WRITTEN = re.compile(r"\b(?:writ\w*|wrote|says?|said|text|words|wording|message|tone)\b")
_SEEN = re.compile(r"\b(?:colou?rs?|wearing|holding|looks? like|shape|animal|weather|standing|sitting)\b")
_TABLE = re.compile(r"\btables?\b|\btabular\b|\bspreadsheet\b")
# a question asked in light of something: "based on the transcript and the scan", "about the translated text"
_BASED_ON = re.compile(r"\b(?:based on|according to|using|about|from|in light of|together with|along with)\b")
_AS_CONTEXT = re.compile(r"\bas (?:the|a)? ?(?:context|passage|source)\b")
_EACH = re.compile(  # "transcribe both recordings": the goal on every input of that kind
    r"\b(?:both|each|every|all (?:the |these |those |of the )?\w+s|(?:these|those|the) (?:two|three|four) "
    r"|(?:which|one) of (?:these|those|the) \w+s\b)"
)
# the results of a step done on each input, named together ("... and summarize them", "tell me if each is positive")
_THEM = re.compile(r"\b(?:them|they|both|each|either|every one|the two|all of them)\b")
# "how many people ...", "are there 7 or 8 of us in the pic": a count of people
_COUNT = re.compile(
    r"\b(?:how many|(?:are|were) there (?:\d+|\w+)(?: or (?:\d+|\w+))?)\b.*"
    r"\b(?:faces?|people|ppl|persons?|men|women|kids|children|heads|adults|folks|guys|humans|guests|players|students"
    r"|pupils|passengers|customers|visitors|members|staff|workers|babies|toddlers|of (?:us|them|you))\b"
    # "how many came tonight?", "how many turned up": people, by the verbs that only people do
    r"|\bhow many (?:of (?:us|them|you) )?(?:came|come|showed up|turned up|attended|joined|went|made it|were invited)\b"
)
_DESCRIBE = "Describe this image."
_BASED_ON_TEXT = re.compile(
    r"\bbased on (?:an?|the|this|that|my|its|his|her|their)\s+(?:[\w-]+\s+)?(?:description|prompt|command|request)s?$"
    # "draw the monster exactly the way he describes it": as a recording given describes it
    r"|\b(?:the way|as|how) (?:he|she|they|i|we|it) describes? (?:it|him|her|them)\b"
)
# a prompt that only points at a text given elsewhere ("it", "a description", "the text")
_POINTS_AT_TEXT = re.compile(
    r"(?:it|this|that|them|(?:an?|the|this|that|my|its|his|her|their)\s+(?:[\w-]+\s+)?"
    r"(?:description|text|prompt|command|instructions?|request|words)"
    r"|(?:an?\s+)?(?:picture|image|illustration|drawing|video|clip|poster)\s+(?:for|of|to go with)\s+"
    r"(?:it|this|that|them))"
    r"(?:\s+for\s+(?:me|her|him|them|us|my\s+\w+))?(?:\s+(?:please|pls|plz))?"  # "draw it for her"
)
_REREAD_FLOOR = 0.4  # a misread clause is read again among the goals that fit what it works on
# goals whose steps differ by more than what they work on (a question, an instruction, a prompt): asked
# twice, done twice
_EACH_ITS_OWN = {*ASK_GOALS, *PROMPTED, "edit", "restyle", "translate", "label"}
# "this photo", "my picture": an image the request gives, not one to draw
_THIS_IMAGE = re.compile(
    r"\b(?:this|that|the|my|our|the attached|the uploaded)\s+(?:image|picture|photo|pic|photograph)\b"
    r"|\b(?:both|these|those|all|all the|all my|my|the|each)\s+(?:two\s+)?(?:images|pictures|photos|pics|photographs)\b"
)


class Composer(Sources, Slots):
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
        self.wants: list[Want] = []  # every goal read from the request (set by the planner)
        self.by_cue: dict[tuple[int, int, str], list[int]] = {}  # (clause, cue start, goal) -> its steps
        self.named: set[int] = set()  # id(thing) of results a later clause names
        self.reused: int | None = None  # the step an ask asked twice is served by
        self.also_asked: set[int] = set()  # steps made on the way that a later ask asks for too
        self.replaced: dict[int, Thing] = {}  # id(input) -> its changed copy, asked to be made before the rest
        self.seen: dict[int, int] = {}  # id(thing) -> when it was last mentioned or made (the newest is "it")
        self.clock = 0
        for i in inputs:
            if i.kind == "quote" and _A_NAME.search(text[: max(0, i.start)]) and len(i.value.split()) <= 2:
                continue  # "left this in the kitchen for 'Ania'": a name, not a text to work on
            if i.kind in ("file", "quote", "passage") or i.kind == "question" and i.quoted:
                # a quoted question is a text to work on only where a clause gives it ("translate 'where?'")
                self.things.append(
                    Thing(i.modality, i.value, makes="question" if i.kind == "question" else "input", at=i.start)
                )
                self._touch(self.things[-1])

    @property
    def asking(self) -> set[int]:
        """The clauses a goal was read from."""
        return {w.clause.index for w in self.wants}

    def _touch(self, thing: Thing) -> None:
        self.clock += 1
        self.seen[id(thing)] = self.clock

    def mention(self, clause: Clause) -> None:
        """A clause that names a thing ("the audio", a file) makes it the newest of its kind."""
        for i in clause.inputs:
            t = next((t for t in self.things if t.step is None and t.value == i.value), None)
            if t is not None:
                self._touch(t)
        nth = self.ordinal_file(clause.words)
        if nth is not None:  # "the second one is a voicemail, transcribe it"
            self._touch(nth)
            return
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
        if (
            goal.name == "draw"
            and self._condition() is None  # a drawing from a map made of the picture is a new picture
            and (
                any(i.kind == "file" and i.modality == "image" for i in own)
                or _THIS_IMAGE.search(want.clause.words)
                and self._latest({"image"}) is not None
            )
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
            and THE_QUESTION.search(want.clause.words)
            and not AS_QUESTION.search(want.clause.words)  # "use that answer as the question": a new one
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
        turned_back = goal.name == "edit" and want.evidence != "cue" and told_turned(want.clause.words)
        first = want.clause.joiner in DONE_FIRST or turned_back
        if goal.name in ("edit", "restyle", "enhance", "clean-audio") and first:
            # "I need an edge map of the skater. Before that, flip the photo" (or "what does it say? it's upside
            # down"): the changed picture is the one the other asks mean
            for k in made:
                read, out = self.steps[k].reads, [t for t in self.things if t.step == k]
                if read is not None and read.step is None and out:
                    self.replaced[id(read)] = out[0]
        if self.reused is not None and not made:
            made = [self.reused]
        self.reused = None
        if made:
            self.served.setdefault(goal.name, []).append(made[-1])
        self.by_cue[cue] = made
        return made

    def _each(self, want: Want, thing: Thing) -> list[Thing]:
        """`thing`, or every input of its kind when the clause says so ("transcribe both recordings"), or every
        result of a step done on each input ("transcribe both and summarize them": both transcripts)."""
        if want.goal.name in ("speak", "translate") and thing.step is not None and thing.makes == "answer":
            return self._answers_asked_with(thing)
        if thing.step is not None and want.goal.name not in ASK_GOALS and _THEM.search(want.clause.words):
            return self._done_on_each(thing)
        if thing.step is not None or want.goal.name in ASK_GOALS or not _EACH.search(want.clause.words):
            return [thing]
        given = [t for t in self.things if t.step is None and t.makes == "input" and t.modality == thing.modality]
        return given if len(given) > 1 else [thing]

    def _done_on_each(self, made: Thing) -> list[Thing]:
        """The results of the step that made `made` and of its twins: the same task, asked in the same clause,
        each on an input given (both transcripts of "transcribe both")."""
        step = self.steps[made.step]
        twins = {
            s.id
            for s in self.steps
            if s.task == step.task and s.clause == step.clause and s.reads is not None and s.reads.step is None
        }
        if step.id not in twins:
            return [made]
        results = [t for t in self.things if t.step in twins and t.makes == made.makes and t.modality == made.modality]
        return results if len(results) > 1 else [made]

    def _answers_asked_with(self, answer: Thing) -> list[Thing]:
        """ "when is it due and how much? tell me out loud": the answers to the questions asked together in
        one sentence (clauses joined by "and" or a comma) are all given in that form."""
        k = self.steps[answer.step].clause
        together = {k}
        while k is not None and k > 0 and self.clauses[k].joiner in ("and", ","):
            k -= 1
            together.add(k)
        answers = [
            t
            for t in self.things
            if t.makes == "answer"
            and t.modality == "text"
            and t.step is not None
            and self.steps[t.step].goal in ASK_GOALS
            and self.steps[t.step].clause in together
        ]
        return answers if answer in answers else [answer]

    def _realize(self, want: Want, thing: Thing) -> None:
        goal, m = want.goal, thing.modality
        if goal.name in ASK_GOALS:
            self._ask(want, thing)
            return
        if goal.name == "describe" and m == "image":
            self._describe(want, thing)
            return
        if goal.name in ("sentiment", "emotion") and m == "audio" and _VOICE_ITSELF.search(self.text.lower()):
            # "does he sound calm? not the words, his actual voice": the voice itself, by an audio classifier
            self._step("audio-classification", {"audio": thing.value}, want, thing, "verdict")
            return
        if goal.name in ("sentiment", "emotion") and m == "image" and self._feeling_shown(want, thing):
            # "what emotion are they showing": faces in a photo, which no words read from it tell
            args = {"image": thing.value, "text": self._question(want)}
            self._step("visual-question-answering", args, want, thing, "answer")
            return
        if goal.name == "label" and m in CONVERT and self._topic_of_words(want, thing):
            thing, m = self._words_of(thing, want), "text"  # which of the topics listed: what it says tells
        mood = goal.name == "emotion" and m == "audio" and about_mood(want.clause.words)
        if mood and self._mood_by_words(want, thing):
            return
        if m not in goal.tasks and "text" in goal.tasks and m in CONVERT:
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
        made_by = self.steps[thing.step].task if thing.step is not None else ""
        drawn_from_map = f"{made_by[: -len('-control')]}-text-to-image"
        if task == "image-to-image" and made_by.endswith("-control") and drawn_from_map in registry.TASKS:
            # "use that edge map to generate a realistic photo": a picture drawn from the map (ControlNet)
            self._step(drawn_from_map, {"image": thing.value, "text": want.clause.text}, want, thing, goal.makes)
            return
        if task == "image-classification" and _TABLE.search(self._about(want, thing)):
            task = "tabular-classification"  # the label of a table's rows
        if task is None:
            self.unplanned.setdefault(want.clause.index, _nothing_to(goal, want))
            return
        args = self._args(task, thing, want)
        self._step(task, args, want, thing, goal.makes)

    def _feeling_shown(self, want: Want, picture: Thing) -> bool:
        """A feeling asked of the people a picture shows, not of words it carries (a sign, a letter)."""
        words = want.clause.words
        texts = (words, self.text.lower(), picture.value.lower())
        if any(_DOCUMENT.search(w) or _CARRIES_TEXT.search(w) for w in texts) or _WRITTEN.search(words):
            return False
        return bool(_PEOPLE.search(words))

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
        voice = _VOICE_ITSELF.search(self.text.lower())  # "is she nervous? not the words, the tone of voice"
        if thing.modality == "audio" and (about_sound(question) or voice):  # "is that a dog or a doorbell?"
            if voice or not (about_mood(question) and self._mood_by_words(want, thing)):
                self._step("audio-classification", {"audio": thing.value}, want, thing, "verdict")
            return
        # a picture whose words are already read here: answered from them (with no map, the literal task)
        read = next((t for t in self.things if t.origin is thing and t.modality == "text"), None)
        if thing.modality == "audio" or read is not None and self.cap is not None:
            thing = self._words_of(thing, want)
        if thing.modality == "text":
            self._step("question-answering", {"text": question, "context": thing.value}, want, thing, "answer")
            return
        # the request's other words tell what the picture is only when it is the one picture given
        alone = sum(t.modality == "image" for t in self._files()) <= 1
        told = (want.clause.words, self.text.lower() if alone else "", thing.value.lower())
        document = any(_DOCUMENT.search(w) for w in told)
        # a picture of a label, a sign, a note: a question about it is about its words unless it asks what is seen
        carries = any(_CARRIES_TEXT.search(w) for w in told)
        if self.cap is None:  # every task counts as runnable: the literal one
            task = "document-question-answering" if document else "visual-question-answering"
            self._step(task, self._with_context(want, {"image": thing.value, "text": question}), want, thing, "answer")
            return
        serves = self.cap.serves
        seen = bool(_SEEN.search(question.lower()))
        sight = want.goal.name == "ask-visual" or (not document and (seen or not carries) and about_sight(question))
        # with no visual model, people are counted by detection, unless a document's reader serves the question
        # and the question names the document ("how many people are in the picture?" of the photo a form wants the
        # number from: counted; "how many guests does the invoice list?": read)
        read_off = document and serves("document-question-answering") and _DOCUMENT.search(question.lower())
        counted = _COUNT.search(question.lower()) and serves("object-detection") and not read_off
        if counted and not serves("visual-question-answering"):
            self._step("object-detection", {"image": thing.value}, want, thing, "annotation")
            return
        if document and serves("document-question-answering"):
            task = "document-question-answering"
        elif serves("visual-question-answering"):
            task = "visual-question-answering"
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
        self._step(task, self._with_context(want, {"image": thing.value, "text": question}), want, thing, "answer")

    def _topic_of_words(self, want: Want, thing: Thing) -> bool:
        """Options listed for a recording or a picture of a text ("sports, business or weather: which one is this
        clip?", "what kind of event is this flyer for: sports, music or food?") are topics of what it says;
        not kinds of sound ("is it music or speech?") nor of what a photo shows ("a cat or a dog?")."""
        words = want.clause.words
        if not argtext.labels(words):
            return False
        if thing.modality == "audio":
            # (or its words are asked for in the request: "transcribe the voicemail and put it with the right team")
            transcribed = any(
                w.goal.name == "words" and w is not want for w in self.wants
            ) or any(t.step is not None and self.steps[t.step].reads is thing for t in self.things)
            return transcribed or bool(_TOPICAL.search(words)) or not about_sound(words)
        if any(_DOCUMENT.search(w) or _CARRIES_TEXT.search(w) for w in (words, thing.value.lower())):
            return True
        # options of the asker's own ("bills, school things or health"): a classifier of pictures knows its own
        # labels only; the words on the picture are what can be sorted by them, unless a visual model runs
        return self.cap is not None and not self.cap.serves("visual-question-answering")

    def _mood_by_words(self, want: Want, recording: Thing) -> bool:
        """ "is the speaker angry or calm?" where no audio classifier runs: the sentiment of what is said, with
        a note that says so. False where an audio classifier runs (or every task counts as runnable)."""
        serves = self.cap.serves if self.cap is not None else None
        if serves is None or serves("audio-classification") or not serves("text-classification"):
            return False
        text = self._words_of(recording, want)
        self._step("text-classification", {"text": text.value}, want, text, "verdict")
        note = "No audio classifier runs here, so the mood was read from what is said."
        self.routes.append(Route(self.steps[-1].id, note, self.cap.message("audio-classification")))
        return True

    def _with_context(self, want: Want, args: dict[str, str]) -> dict[str, str]:
        """A question about a picture that is also to draw on an earlier result ("answer it based on the
        transcribed text and the document image"): that result is its context."""
        if not _BASED_ON.search(want.clause.words):
            return args
        for goal in self._refs_of(want, anywhere=True):
            for result in self._results_of(goal, "text"):
                read_here = result.origin is not None and result.origin.value == args["image"]
                if result.value != args["text"] and not read_here:
                    return {**args, "context": result.value}
        return args

    def _describe(self, want: Want, thing: Thing) -> None:
        # what a menu, a letter or a receipt has on it is its words: read them where no captioner runs
        document = any(_DOCUMENT.search(w) for w in (want.clause.words, thing.value.lower()))
        if self.cap is None or _captions(self.cap) or document and self.cap.serves("image-to-text"):
            self._step("image-to-text", {"image": thing.value}, want, thing, "artifact")
            return
        # the only image-to-text here reads text: a description needs a visual model (which may not run)
        self._step("visual-question-answering", {"image": thing.value, "text": _DESCRIBE}, want, thing, "artifact")

    def _similarity(self, want: Want, objects: list[Thing]) -> None:
        # (a poster and the words read off it are one text, not two to compare)
        things = [t for t in objects if not any(o.origin is t for o in objects)]
        if CHECKS_ANSWER.search(want.clause.words):  # the answer found, and the asker's own (a quote)
            found = self._latest({"text"}, results_only=True)
            given = {i.value for i in self.inputs if i.kind == "quote"}
            mine = [t for t in self.things if t.step is None and t.value in given]
            if found is not None and found.makes == "answer" and mine:
                things = [found, mine[-1]]
        files = [t for t in self._files() if t.modality in CONVERT]
        first = self._last_asked() is None  # (not "..., then compare the two results": what the steps before made)
        if first and len(files) >= 2 and len(things) < 2 and not any(i.kind == "quote" for i in want.clause.inputs):
            # "read both notes and tell me how similar they are": the files given, not a phrase quoted in passing
            things = ([t for t in things if t in files] + [t for t in files if t not in things])[:2]
        while len(things) < 2:
            # not a thing already compared, nor its words, nor what they were read from
            used = [*things, *(t for t in self.things if t.origin in things), *(t.origin for t in things if t.origin)]
            more = self._latest({"text"}, results_only=True, verdicts=True, besides=used) or self._latest(
                {"text"}, convert=set(CONVERT), before=want.clause.end, besides=used
            )
            if more is None:
                break
            things.append(more)
        texts = [self._words_of(t, want) if t.modality in CONVERT else t for t in things]
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
        # "draw whatever this sign says": its words; "reply to this voicemail": what it says is the message
        replies = goal.name in ("chat", "write") and bool(
            REPLY.search(want.clause.words) or _A_REPLY.search(want.clause.words)
        )
        if prompt_thing is None and (goal.name != "chat" or replies):
            source = next((t for t in objects if t.modality in CONVERT and t.step is None), None)
            if source is None and replies:  # "my landlord left this, can u write back ...": the file given
                source = self._latest(set(CONVERT), original=True, before=want.clause.end)
            if source is not None:
                prompt_thing, image = self._words_of(source, want), None
        words = argtext.text_prompt(want.clause.text) if goal.name == "write" else argtext.prompt(want.clause.text)
        if words and goal.name in ("draw", "video"):  # "a picture of a basket of apples, pumpkins and bread, ..."
            at = want.clause.text.find(words)
            rest = want.clause.text[at + len(words) :] if at >= 0 else ""
            if rest.startswith(","):  # the description goes on in its own clause
                words += rest.rstrip(" ?.!")
            for c in self.clauses[want.clause.index + 1 :]:
                if c.joiner not in (",", "and") or c.index in self.asking or c.inputs:
                    break
                words += (", " if c.joiner == "," else " and ") + c.text.strip(" ?.!")
        again = _POINTS_AT.match(words) or _REWRITES.search(want.clause.words)
        if goal.name == "write" and prompt_thing is None and again:
            # "make this sound more professional": a rewrite of the text given, not a text about "this"
            prompt_thing = self._latest({"text"}, convert=set(CONVERT), before=want.clause.end)
            if prompt_thing is not None and prompt_thing.modality in CONVERT:
                prompt_thing = self._words_of(prompt_thing, want)
        # "a picture of it", "based on the description": the last text, else the words of a recording given
        pointed = bool(_POINTS_AT_TEXT.fullmatch(words.lower()) or _BASED_ON_TEXT.search(want.clause.words))
        # ("draft a reply thanking them for inviting me to this": the ask's own words when no prompt is read)
        asked = words or (argtext.instruction(want.clause.text) if goal.name == "write" else "")
        about_it = bool(_ABOUT_IT.search(asked.lower()))
        if goal.name in ("chat", "write") and prompt_thing is None and about_it:
            # "write a poem about it": the poem asked for, about the newest text
            latest = self._latest({"text"}, results_only=True)
            given = self._latest(set(CONVERT), original=True, before=want.clause.end)
            if latest is None and given is not None:  # "a fun tweet inviting my friends to this": a poster's words
                latest = self._words_of(given, want)
            if latest is not None:
                self._ask_about(want, latest)
                return
        if about_it and not pointed:  # "a picture about it": drawn from the newest text
            pointed, words = True, ""
        words = "" if pointed else words
        if prompt_thing is None and not words and goal.name != "chat":
            prompt_thing = self._latest({"text"}, results_only=True)
            spoken = self._latest({"audio"}, original=True)
            if prompt_thing is None and pointed and spoken is not None:  # "I recorded a description in memo.wav,
                prompt_thing = self._words_of(spoken, want)  # draw it": what it says
        made = [s for s in self.steps if s.goal in PROMPTED and "text" in s.args]
        # ("transcribe the voicemail and write an apology back to her": its words, though asked for themselves)
        read = prompt_thing is not None and (self._given_words(prompt_thing) or goal.name == "write" and replies)
        if goal.name in ("chat", "write") and read:
            # "reply to this voicemail politely", "make this sound friendlier": the ask in the request's words,
            # about the text given (or read from a file), which is its context
            self._ask_about(want, prompt_thing)
            return
        last = self._last_asked()
        read_just_before = (
            next((t for t in self.things if t.step == last.id and t.modality == "text"), None)
            if last is not None and last.goal == "words" and last.clause == want.clause.index - 1
            else None
        )
        if goal.name == "write" and prompt_thing is None and "then" in want.clause.joiner and read_just_before:
            # "read it off the photo, then write a short post asking people to check their sheds": the post is
            # written from what was just read
            self._ask_about(want, read_just_before)
            return
        passage = self._unread_passage()
        if goal.name in ("chat", "write") and prompt_thing is None and passage is not None:
            # "Give me a toast for my friend's wedding. She loves hiking and puns!": written with what it tells
            self._ask_about(want, passage)
            return
        if goal.name == "chat":  # a reply about the newest result, or to the request itself
            prompt_thing = prompt_thing or self._latest({"text"}, results_only=True)
            prompt = prompt_thing.value if prompt_thing is not None else self._chat_text(want)
        elif prompt_thing is None and not words and made and _POINTS_AT.search(want.clause.words):
            prompt = made[-1].args["text"]  # "draw a sunset and animate it", "turn it into a video": the same
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

    def _unread_passage(self) -> Thing | None:
        """The text the request gives in its own words (no quotes, no file), if no step works on it yet."""
        passages = {i.value for i in self.inputs if i.kind == "passage"}
        return next(
            (
                t
                for t in self.things
                if t.step is None and t.value in passages and not any(s.reads is t for s in self.steps)
            ),
            None,
        )

    def _ask_about(self, want: Want, text: Thing) -> None:
        """A reply or a piece of writing asked in the request's words, about `text` (its context)."""
        args = {"text": argtext.instruction(want.clause.text), "context": text.value}
        self._step(want.goal.tasks["text"], args, want, text, want.goal.makes)

    def _given_words(self, thing: Thing) -> bool:
        """A text file the request gives, or the words read from a file it gives (not a result made)."""
        if thing.step is None:
            return thing.at < 0 or any(i.kind == "file" and i.value == thing.value for i in self.inputs)
        return thing.origin is not None and thing.origin.step is None and self.steps[thing.step].goal is None

    def _same_step(self, task: str, args: dict[str, str]) -> Step | None:
        """The step already planned that does `task` on `args` (a comparison is the same either way round)."""

        def alike(a: dict[str, str]) -> bool:
            return a == args or task == "sentence-similarity" and sorted(a.values()) == sorted(args.values())

        return next((s for s in self.steps if s.task == task and alike(s.args)), None)

    def _step(
        self,
        task: str,
        args: dict[str, str],
        want: Want | None,
        reads: Thing | None,
        makes: str,
        clause: int | None = None,
    ) -> None:
        same = self._same_step(task, args)
        if same is not None:  # asked twice ("listen to this review ... is the speaker happy"): done once
            self.reused = same.id
            if want is not None:  # a reading done on the way, then asked for itself ("also write out the words")
                self.also_asked.add(same.id)
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


__all__ = ["Composer"]
