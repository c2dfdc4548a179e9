"""What a goal works on: an input written in its clause, a result the clause names ("the summary"), the newest
thing of a kind it names ("the image"), or the newest thing it can take, as the request reads it."""

from __future__ import annotations

import re

from .clauses import Clause
from .goals import ASK_GOALS, PROMPTED, Goal
from .inputs import _Input
from .reading import LABEL, Reference, Want
from .things import CONVERT, NOUNS, NTH, ORDINAL, Step, Thing, takes

# words for "the result" of whatever came before
_RESULT = re.compile(
    r"\b(?:that|this|the|these|those|its|their|obtained|resulting)\s+(?:\w+\s+)?(?:information|results?|outputs?|"
    r"findings|data|info|outcome)\b|\bwhat (?:you|it|they) (?:found|detected|spotted|got|came up with)\b"
)
# maps made of a picture, and the goals that analyse a picture: those analyse the picture, not its map
_MAPS = {"depth-estimation", "canny-control", "hed-control", "openpose-control"}
_ANALYSES = {"detect", "label", "words", "describe", "segment", "depth", "table", "edges", "soft-edges", "pose"}
_TO_FORM = re.compile(r"\b(?:to|into|as)\s+(?:an?\s+)?(?:\w+\s+)?$")
_LISTED = re.compile(r"(?:an?|some|one|the)\s+(?:\w+\s+)?\w+$")  # "a short video": a noun, one more in a list
_BOTH = re.compile(r"^(?:\w+\s+)?both\b|\bseparately\b")
_THEN_ITEM = re.compile(r"^(?:which|that)\b|\bthen\b")
_THINGS_LISTED = re.compile(r"\b(?:two|three|four|2|3|4)\s+(?:\w+\s+)?(?:things|questions|jobs|tasks|bits)\s*:")
_FORMS = ("speak", "translate")  # goals that give what came before in another form
_MINE = re.compile(r"\bmine\b")
_OF_THIS = re.compile(r"\b(?:of|on|from|in|for|to)\s+this\s*$")
_COUNTED = re.compile(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a few|few|several)\s+(?:\w+\s+)?$")
_PICTURE = re.compile(r"(?:image|picture|photo|pic|snap|shot)s?")  # nouns for any picture
_ORIGINAL = re.compile(r"\b(?:original|initial|first|uploaded|source)\b")
_POINTER_WORD = re.compile(r"\b(?:it|them)\b")
_THE_THING = re.compile(
    r"\b(?:the|this|that|my|his|her|their|our)\s+(?!(?:answer|result|output)s?\b)(?!(?:is|was|are|were|one)\b)[a-z]+"
)
_NAMED_THING = re.compile(r"\b(?:the|this|that|my|your|his|her|their|its|our)\s+$")
_WISH_FORM = re.compile(r"(?:into|as|in)\s+(?:an?\s+)?\w+")  # a cue that says the form of what came before


class Sources:
    """What each goal works on (a mixin of `Composer`, sharing its state)."""

    clauses: list[Clause]
    refs: list[Reference]
    steps: list[Step]
    things: list[Thing]
    served: dict[str, list[int]]
    by_cue: dict[tuple[int, int, str], list[int]]
    named: set[int]
    seen: dict[int, int]
    replaced: dict[int, Thing]

    def _objects(self, want: Want, own: list[_Input]) -> tuple[list[Thing], bool]:
        """The things `want` works on, best first, and whether its clause names them: inputs written in
        it, results it names, the newest thing of each kind it names; with none of those (not named), the
        newest thing the goal can take."""
        goal = want.goal
        found: list[Thing] = []

        def keep(t: Thing | None) -> None:
            if t is not None and t not in found:
                found.append(t)

        if goal.name in _FORMS:  # "tell me out loud how much I owe on this ticket": the answer its clause asks
            answers = [t for t in self._made_in(want.clause, ASK_GOALS) if t.makes == "answer"]
            if answers:
                return answers[-1:], True
        if goal.name == "speak":  # "say 'good night' in French": the French words are spoken
            translated = self._made_in(want.clause, {"translate"})
            if translated:
                return translated[-1:], True
        shared = [i for i in own if self._shared_after_colon(want, i)]
        for i in own:
            # a file of the kind the goal makes, and cannot take, names its output ("an audio answer (a.wav)")
            if i.kind == "file" and i.modality in goal.output_kinds and i.modality not in goal.tasks:
                continue
            asked = i.kind == "question" and goal.name in ASK_GOALS  # the question itself, not what it is about
            if i in shared:
                continue
            if i.kind in ("file", "quote", "question") and not asked and takes(goal, i.modality):
                keep(next((t for t in self.things if t.step is None and t.value == i.value), None))
        nth = self.ordinal_file(want.clause.words)
        if nth is not None and takes(goal, nth.modality):
            keep(nth)
        # a made thing is made from a result its clause names anywhere ("with the detected labels, make a video")
        refs = self._refs_of(want, anywhere=goal.name in PROMPTED)
        results = [t for ref in refs for t in self._results_of(ref)]
        if not results and _RESULT.search(want.clause.words[want.at :]):  # "based on that information"
            latest = self._latest(set(goal.tasks), results_only=True, verdicts=True)
            results += [latest] if latest is not None else []
        results.sort(key=lambda t: (t.modality in goal.tasks, t.step or 0), reverse=True)
        for t in results:
            if takes(goal, t.modality):
                keep(t)
                break
        tail = want.clause.words[want.at :]
        if shared:  # its placeholder names no thing of the clause
            tail = want.clause.words[want.at : want.clause.words.find(":")]
        if _WISH_FORM.match(tail):  # "turn what's said in this recording into an image": named before it
            tail = want.clause.words
            # "describe this photo in Spanish": the form of what the clause asked for before its wish
            done = [k for ks in self._asked_before(want) for k in ks]
            for t in reversed(self.things):
                if not found and t.step in done and takes(goal, t.modality) and t.makes not in ("annotation",):
                    keep(t)
        if goal.name in ASK_GOALS:  # the question's own words may say what it is about ("in the image")
            tail += " " + " ".join(i.value.lower() for i in own if i.kind == "question")
        shift = want.at if tail is not want.clause.words else 0
        hits = sorted(
            (h.start(), m, h.group(0))
            for m, rx in NOUNS.items()
            if takes(goal, m)
            for h in rx.finditer(tail)
            # a noun of the kind the goal makes, inside its own words, names the result ("in two sentences"),
            # unless it names a thing given ("is the review positive")
            if not (
                m in goal.output_kinds
                and want.at <= h.start() + shift < want.last
                and (want.evidence == "cue" or not _NAMED_THING.search(tail[: h.start()]))
            )
            # "three sentences", "200 words": a length, not a thing
            and not (m in goal.output_kinds and _COUNTED.search(tail[: h.start()]))
        )
        if _MINE.search(tail):  # "how close mine is": the text the asker labels as theirs ("My summary: '...'")
            for c in self.clauses:
                if LABEL.fullmatch(c.words):
                    for i in c.inputs:
                        keep(next((t for t in self.things if t.step is None and t.value == i.value), None))
        if goal.name in ("edit", "restyle") and want.clause.joiner in ("then", "and then", "after that") and not found:
            # "box the faces, then make the picture smaller": the boxed copy the step before just made
            last = self._last_asked()
            marked = [t for t in self.things if last is not None and t.step == last.id and t.makes == "annotation"]
            if marked and last.clause == want.clause.index - 1:
                keep(marked[0])
        for at, modality, noun in hits:
            keep(self._file_named(noun, modality))  # "the letter" of letter.png and photo.jpg
            original = bool(_ORIGINAL.search(tail[max(0, at - 12) : at]))
            keep(self._latest({modality}, original=original, answers=False, before=want.clause.end))
        if not found and _OF_THIS.search(tail):  # "an edge map of this": what was given, not the newest result
            for m in goal.tasks:
                if m != "text":
                    keep(self._latest({m}, original=True, answers=False, before=want.clause.end))
        if goal.name in ASK_GOALS:  # a question about a picture its clause names is asked of the picture
            found.sort(key=lambda t: t.modality != "image")
        found = [self.replaced.get(id(t), t) for t in found]
        if found or goal.name in PROMPTED:
            return found, True
        convertible = set(CONVERT) if "text" in goal.tasks else set()
        if goal.name in ASK_GOALS:  # a question is about what the request is about, not an answer or a question
            # (nor a description of a picture it has: "what's in this picture, and how many people are in it?")
            # (nor a summary: "transcribe it, give me the short version, and tell me what time ...": the whole text)
            asked = [
                t
                for t in self.things
                if t.step is not None
                and (self._from_question(t) or self.steps[t.step].goal in ("describe", "summarize"))
            ]
            latest = self._latest(
                set(goal.tasks), convert=convertible, answers=False, before=want.clause.end, besides=asked
            )
            keep(latest)
            return found, False
        # a picture is analysed as it is, not as a depth or edge map made of it, unless a clause names the map
        maps = (
            [
                t
                for t in self.things
                if t.step is not None and self.steps[t.step].task in _MAPS and id(t) not in self.named
            ]
            if goal.name in _ANALYSES
            else []
        )
        # "both summarize the transcript and tag it", "transcribe the audio and also classify it": the same
        # thing as the goal before; a wish for a form ("tl;dr? also say it out loud") takes its result instead
        before = want.clause.words[: want.at]
        parallel = want.clause.joiner in ("and also", "also") or _BOTH.search(before) and self._asked_before(want)
        # "from what they said I want two things: a summary, and whether it's positive": each of the same thing
        listed = _THINGS_LISTED.search(self.text.lower()[: want.clause.start])
        last = self._last_asked(reading=True)
        # (not "..., which you should then classify": the item just named)
        item = not _THEN_ITEM.search(want.clause.words) and "then" not in want.clause.joiner
        if listed and last is not None and item:
            parallel = parallel or last.clause >= max(c.index for c in self.clauses if c.start <= listed.start())
        if parallel and goal.name not in _FORMS:
            if last is not None and takes(goal, last.reads.modality):
                keep(last.reads)
                return found, False
        if goal.makes == "verdict" and not refs and _THE_THING.search(tail):
            # "how many stars? and is the advert positive?": a thing named, not the answer just found
            keep(self._latest(set(goal.tasks), convert=convertible, original=True, before=want.clause.end))
            if found:
                return found, False
        # a verdict on the whole thing ("how unhappy is she?"), not on an answer found in it
        latest = self._latest(set(goal.tasks), results_only=True, besides=maps, answers=goal.makes != "verdict")
        answer = self._latest(set(goal.tasks), results_only=True, verdicts=True)
        if (
            goal.name in _FORMS
            and answer is not None
            and (latest is None or self.steps[answer.step].goal in ASK_GOALS)
        ):
            # a verdict rather than a conversion of an input ("detect the objects and tell me out loud how
            # many"), and the count that answers a question ("how many people are here? say it out loud")
            latest = answer
        keep(latest)
        keep(self._latest(set(goal.tasks), convert=convertible, before=want.clause.end, besides=maps))
        return found, False

    def _made_in(self, clause: Clause, goals: set[str] | frozenset[str]) -> list[Thing]:
        """The results of the steps its clause asked of `goals`."""
        return [
            t
            for t in self.things
            if t.step is not None and self.steps[t.step].clause == clause.index and self.steps[t.step].goal in goals
        ]

    def _files(self) -> list[Thing]:
        """The files given, once each (a file named twice is one), in order."""
        given = {i.value for i in self.inputs if i.kind == "file"}
        once: dict[str, Thing] = {}
        for t in self.things:
            if t.step is None and t.value in given:
                once.setdefault(t.value, t)
        return list(once.values())

    def _file_named(self, noun: str, modality: str) -> Thing | None:
        """Of several files of a kind, the one whose name holds the noun a clause names it by."""
        files = [t for t in self._files() if t.modality == modality]
        word = noun.split()[-1].lower()
        named = [t for t in files if _stem(word) in _file_name(t)]
        if not named and _PICTURE.fullmatch(word):
            # "the photo" beside "the letter" (letter.png): the picture no other noun of the request names
            others = {n.lower() for n in NOUNS[modality].findall(self.text.lower())} - {word}
            stems = {_stem(n) for n in others if not _PICTURE.fullmatch(n)}
            named = [t for t in files if not any(s in _file_name(t) for s in stems)]
            named = named if len(named) < len(files) else []
        return named[0] if len(files) > 1 and len(named) == 1 else None

    def ordinal_file(self, words: str) -> Thing | None:
        """The file a clause points at by its place among several given ("the second one", "file 2")."""
        files = self._files()
        m = ORDINAL.search(words)
        if m is None or len(files) < 2:
            return None
        nth = int(m["num"]) - 1 if m["num"] else NTH[m["nth"] or m["bare"]]
        return files[nth] if -len(files) <= nth < len(files) else None

    def _shared_after_colon(self, want: Want, i: _Input) -> bool:
        """ "boil this down and read it out for me: <text>": the text after the colon is what the whole
        sentence works on, and a pointer ("it") in the clause that ends with it is the result of the goal
        before, which already took that text."""
        words = want.clause.words
        colon = words.find(":")
        if colon < 0 or want.clause.where(i) < colon or not _POINTER_WORD.search(words[:colon]):
            return False
        given = next((t for t in self.things if t.step is None and t.value == i.value), None)
        return given is not None and any(
            s.goal is not None and s.reads is given and s.clause is not None and s.clause < want.clause.index
            for s in self.steps
        )

    def _asked_before(self, want: Want) -> list[list[int]]:
        """The steps of each goal its clause asked for before it ("both summarize it and ...")."""
        return [ks for (c, at, _), ks in self.by_cue.items() if c == want.clause.index and at < want.at]

    def _last_asked(self, *, reading: bool = False) -> Step | None:
        """The newest step a goal asked for (not a conversion), one that works on a thing when `reading`."""
        return next(
            (s for s in reversed(self.steps) if s.goal is not None and (s.reads is not None or not reading)), None
        )

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
            # not the want's own cue ("depth map please" after a depth map was asked: the same ask again)
            and not (r.goal is want.goal and want.at <= r.at < want.last)
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
        for t in self.things:
            # "turn it upright, read it, then tell me if it's good news": the upright copy's words are the letter's
            if t.modality == "text" and t.origin is not None and self._copy_of(t.origin, thing):
                return t
        task = CONVERT[thing.modality]
        args = {thing.modality: thing.value}
        # the same reading a goal already asked for ("caption it ... read it aloud"): its text, not a new step
        done = self._same_step(task, args)
        if done is not None:
            return next(t for t in self.things if t.step == done.id and t.modality == "text")
        self._step(task, args, None, thing, "artifact", clause=want.clause.index)
        return self.things[-1]

    def _copy_of(self, copy: Thing, original: Thing) -> bool:
        """`copy` is `original` turned, brightened, cleaned or otherwise changed, by one step or several."""
        while self._same_content(copy):
            copy = self.steps[copy.step].reads
            if copy is original:
                return True
            if copy is None:
                return False
        return False

    def _condition(self) -> tuple[str, Thing] | None:
        for s in reversed(self.steps):
            if s.task.endswith("-control"):
                cond = s.task[: -len("-control")]
                out = next(t for t in self.things if t.step == s.id)
                return f"{cond}-text-to-image", out
        return None


def _stem(word: str) -> str:
    """ "letters" -> "letter": a noun as a file's name may hold it."""
    return re.sub(r"e?s$", "", word) if len(word) > 4 else word


def _file_name(thing: Thing) -> str:
    return thing.value.rsplit("/", 1)[-1].lower()


def _between(words: str, a: int, b: int) -> str:
    return words[min(a, b) : max(a, b) + 1]


def _wished(want: Want, named: Goal) -> bool:
    """A wish for the form of a result named before it ("the answer in Chinese", "the summary out loud")."""
    return want.goal.name in ("translate", "speak", "draw") and bool(named.output_kinds & set(want.goal.tasks))
