"""Each clause read into the goals it asks for: by the words that name a goal (cues), else by meaning.

Meaning is MiniLM (the encoder the embedded experts ship): the clause against every goal's everyday
phrasings and against phrasings that only present a file ("I have a photo of my cat"), in one encode call
per request; without MiniLM (not installed) only cues and the form of a question are read, and one log
line says so.
A noun that names the result of a goal already read ("the summary" after "summarize") refers to it: it is
no new goal.
"""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass
from typing import Any

from .clauses import PLACEHOLDERS, Clause
from .goals import BY_NAME, CONTEXT_EXAMPLES, GOALS, Goal

log = logging.getLogger(__name__)

AMBIGUOUS = 0.1  # two goals whose cosines are this close are both readings of a clause
THRESHOLD = 0.58  # cosine to a goal's nearest phrasing from which a clause no cue names asks for it
MARGIN = 0.05  # ... and by this much nearer than the phrasings that only present a file

# a clause that presents a file or a text rather than asking ("I have an image of a table", "here is a
# noisy recording"): descriptive cue words in it ("table", "noisy") are no ask
_PRESENTS = re.compile(
    r"^(?:hi|hello|hey)?\W*(?:so\s+|today\s+)?(?:i|we|the user|user)(?:'ve| have| has| had|'d| got| get| receive"
    r"| received| uploaded| uploads| provided"
    r"| provides| recorded| took| scanned| found| received)\b|^(?:here|this|there|attached|it)(?:'s| is| are)\b"
    r"|^(?:listen(?:ing)? to|look(?:ing)? at|check(?:ing)? out|see(?!\s+(?:if|whether|what|how|which|who)\b)|here)\b"
    r"|^(?:passage|context|text|article|document)\s*:|^(?:my|our|the) \w+(?: \w+)? (?:is|are|was|has|have|had)\b"
    r"|^in (?:this|the|my|our) \w+,? (?:i|we|someone|somebody|he|she|they|the speaker)\b"  # "In memo.wav I ask ..."
    r"|^(?:this|that|it)(?: \w+){0,2}?(?:'s| is| are| was| looks| seems)\b"  # "this one's way too dark"
    # someone giving it: "the courier texted me ...", "my sister left me a note", "Rita left this on the fridge"
    r"|^(?!(?:please|pls|can|could|would|will|just|and|then|also|now|so|i|we|you|u|who|whom|whose|what|which|when"
    r"|where|why|how|did|does|do|has|have|is|was)\b)(?:[\w']+\s+){1,5}?"
    r"(?:texted|sent|send|sends|emailed|wrote|left|told|gave|messaged|forwarded|mailed|posted|dropped|stuck|put)"
    r"\s+(?:me|us|this|these|that|it)\b"
    r"|^(?:this|that|the|a|an|my|our)\s+(?:\w+\s+)?(?:came|come|comes|arrived|arrives)\b"  # "this letter came for ..."
    # "voice memo from this afternoon's visit attached" (not "say the gate number out loud (pass attached)")
    r"|^(?!.*\b(?:please|say|read|tell|give|translate|summari[sz]e|transcribe|make|turn|check|count|cut|find)\b)"
    r".*\b(?:attached|enclosed)\W*$"
    # "found this dog wandering ...", "got this in the post": what the asker came by
    r"|^(?:just\s+)?(?:found|got|took|snapped|spotted|saw|received|picked up)\s+(?:this|these|a|an|my|our|some)\b",
)
# asking words inside a presenting clause ("I have a photo that I'd like to blur")
_ASKS = re.compile(
    r"\b(?:would like|'d like|(?<!how i )(?<!what i )(?<!way i )wants?|needs?|please|"
    r"can you|could you|would you|help me|wish|hoping|trying|"
    r"to (?!(?:be|the|this|that|these|those|a|an|my|your|our|their|its|it|me|us|him|her|them)\b)\w+)\b"
)


_HELLO = re.compile(
    r"\W*(?:hi|hello|hey|dear \w+|thanks|thank you|ok|okay|cool|great|good (?:morning|afternoon|evening))"
    r"(?: there| you| everyone| so much| very much| all| team| guys| folks| po| brother| sister| friend| mate)?\W*"
)
# "if they sound annoyed, tell me": the ask to tell, on its own, asks nothing the clause before did not
_TELL_ONLY = re.compile(
    r"(?:and\s+|so\s+|then\s+)?(?:please\s+)?(?:(?:tell|let|show) (?:me|us)(?: know)?|say so)"
    r"(?:\s+(?:please|pls|plz))?\W*"
)


@dataclass
class Want:
    """A goal a clause asks for."""

    goal: Goal
    clause: Clause
    at: int  # where in the clause's words its cue starts (meaning: 0)
    end: int  # where its cue ends (meaning: the clause's end)
    evidence: str  # cue | meaning | question
    score: float = 1.0
    reach: int = -1  # where the last of its cues in the clause ends (-1: at `end`)

    @property
    def last(self) -> int:
        return max(self.end, self.reach)


@dataclass
class Reference:
    """A noun that names an earlier goal's result ("the summary", "the edited image")."""

    goal: Goal
    clause: Clause
    at: int


class _Index:
    """The phrasings' embeddings, computed once per process."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.ready = self.failed = False
        self.rows: list[Goal | None] = []  # row -> goal (None: a phrasing that only presents a file)
        self.matrix: Any = None

    def get(self) -> _Index:
        if self.ready or self.failed:
            return self
        with self.lock:
            if not (self.ready or self.failed):
                try:
                    from ...experts.embedded.minilm import embed

                    rows: list[tuple[Goal | None, str]] = [(g, e) for g in GOALS for e in g.examples]
                    rows += [(None, e) for e in CONTEXT_EXAMPLES]
                    self.matrix = embed([e for _, e in rows])
                    self.rows = [g for g, _ in rows]
                    self.ready = True
                except Exception as e:  # MiniLM not installed (or its weights missing): cues only
                    log.warning("embedded planner: MiniLM is not available (%s); reading goals by their cues only", e)
                    self.failed = True
        return self


INDEX = _Index()


def scores(texts: list[str]) -> list[dict[str, float]]:
    """For each text, every goal's cosine to its nearest phrasing, and "" for the nearest phrasing that only
    presents a file ([{}...] without MiniLM)."""
    idx = INDEX.get()
    if not idx.ready or not texts:
        return [{} for _ in texts]
    from ...experts.embedded.minilm import embed

    out = []
    for row in (embed(texts) @ idx.matrix.T).tolist():
        best: dict[str, float] = {}
        for goal, s in zip(idx.rows, row, strict=True):
            key = goal.name if goal is not None else ""
            if s > best.get(key, -1.0):
                best[key] = s
        out.append(best)
    return out


def by_meaning(texts: list[str], among: set[str] | None = None) -> list[tuple[Goal | None, float, float]]:
    """For each text: the nearest goal (among `among`, when given), its cosine, and the cosine of the
    nearest presenting phrasing ((None, 0, 0) without MiniLM)."""
    return [nearest(best, among) for best in scores(texts)]


def nearest(best: dict[str, float], among: set[str] | None = None) -> tuple[Goal | None, float, float]:
    """Of one text's `scores`: the nearest goal (among `among`), its cosine, and the presenting cosine."""
    context = best.get("", 0.0)
    fits = {k: v for k, v in best.items() if k and (among is None or k in among)}
    if not fits:
        return None, 0.0, context
    name = max(fits, key=fits.get)  # type: ignore[arg-type]
    return BY_NAME[name], fits[name], context


# "in this recording", "on the photo": where the subject of a question is, not what is asked of it
_LOCATED = re.compile(
    r"\s*\b(?:in|on|from|inside)\s+(?:this|that|the|my|your|these)\s+(?:image|picture|photo\w*|pic|recording|audio"
    r"|clip|voice ?memo|memo|voicemail|video|file|scan)\b"
)


def unlocated(words: str) -> str:
    """The words of a question without where its subject is ("does the man in this recording like it")."""
    return _LOCATED.sub("", words).strip() or words


def about_sound(question: str) -> bool:
    """Is a question about a recording about its sound (what makes it, the mood of a voice) rather than
    about what is said in it?"""
    (best,) = scores([unlocated(question.lower())])
    sound = max(best.get("label", 0.0), best.get("emotion", 0.0))
    return sound > max(best.get("ask", 0.0), best.get("words", 0.0))


def about_mood(question: str) -> bool:
    """Is a question about a recording's sound about how someone feels ("is the speaker angry or calm?"),
    which what they say shows too, rather than about what makes the sound?"""
    (best,) = scores([unlocated(question.lower())])
    mood = best.get("sentiment", 0.0)
    return mood >= MOOD_FLOOR and mood > max(best.get("label", 0.0), best.get("detect", 0.0))


MOOD_FLOOR = 0.45


def about_sight(question: str) -> bool:
    """Is the question about what a picture shows (a colour, what someone holds) rather than about words
    in it (a total, a date, a platform)? Without MiniLM: no (reading the picture is tried)."""
    if _ABOUT_WORDS.search(question.lower()):  # "what's written on the shirt?": its words answer it
        return False
    (best,) = scores([question])
    return best.get("ask-visual", 0.0) > best.get("ask", 0.0)


_ABOUT_WORDS = re.compile(
    r"\b(?:written|writing|says?|text|words?|printed|spelled|spelt|(?:phone )?numbers?|email|address|website|price"
    # a value printed on a plate, a label, a packet ("what's the max pressure on it?")
    r"|max(?:imum)?|min(?:imum)?|serial|voltage|wattage|pressure|capacity|dosage|dose|expiry|expires|model|code)\b"
)


def _asked_part(clause: Clause) -> str:
    """The words of a clause that ask: after "that I'd like to" in "I have a photo that I'd like to blur"."""
    if _PRESENTS.search(clause.words) and (m := _ASKS.search(clause.words)):
        return clause.words[m.end() :].strip() or clause.words
    return clause.words


_LISTING = ("and", ",", "and also", "also", "plus", "as well as")  # joiners that may add one more thing


def _may_ask(clause: Clause) -> bool:
    """A clause that presents a file, describes one after a comma ("making it hard to hear"), or only adds
    a thing to the clause before ("and a document image") asks nothing by its meaning."""
    if clause.joiner in _LISTING and _NOUN_PHRASE.match(clause.words):
        return False  # "... and a document image 'a.jpg'": one more thing, not an ask
    describes = _GERUND.match(clause.words) or _LIKE.match(clause.words)
    return not presents(clause) and not (clause.joiner == "," and describes)


_LIST_TAIL = re.compile(r"[\w-]+(?: [\w-]+)? (?:or|and) [\w-]+(?: [\w-]+)?\s*(?:[:?.!]|$)")
QUESTION_FORM = re.compile(r"(?:who|whom|whose|what|when|where|which|why|how|is|are|was|were|does|did)\b(?! you\b)")
# the goals a question can ask for: something told about a thing, not a new thing made from it
QUESTION_GOALS = {
    "ask", "ask-visual", "words", "describe", "sentiment", "language", "label", "emotion", "entities",
    "similarity", "detect", "summarize", "chat",
}  # fmt: skip
_NOUN_PHRASE = re.compile(r"(?:a|an|the|some|my|our|its|their|this|these|another)\b")
_GERUND = re.compile(r"(?:which|that|where|who|\w+ing)\b")
_LIKE = re.compile(r"(?:like|such as|similar to|kind of like|sort of like)\b")  # ", like a line sketch": how, not what


# "please find the photo attached": a letter's way of giving a file
_ATTACHED = re.compile(
    r"(?:please\s+)?(?:find|see)\b.*\b(?:attached|enclosed|below)|(?:please\s+)?(?:find|see)\s+(?:attached|enclosed)\b.*"
)
_BARE_MAKE = re.compile(r"(?:please\s+)?(?:generate|create|make|produce)\s+this text")  # "Generate 'X'"
# the polite lead of a bare ask, as people type it ("can u fix it", "could you please flip it")
POLITE = r"(?:please\s+)?(?:(?:can|could|would) (?:you|u)\s+)?(?:please\s+)?"
REPAIR = re.compile(
    POLITE + r"(?:then\s+)?(?:fix|repair|correct|sort out|straighten|clean up|remove|"
    r"delete|erase|get rid of)\s+(?:it|this|that)"
    r"(?:\s+up)?(?:\s+please)?"
)
_STATES = re.compile(
    r"(?:this|that|it|the|my|our)\b.*\b(?:is|are|was|looks|sounds|seems|got|came out|comes out|turned out|ended up)\b"
)
# what is wrong with a picture, as people tell it ("it came out sideways", "so dark", "it's back to front")
_TURNED = (
    r"upside[- ]down|sideways|on (?:its|their|his|her) side|back to front|backwards|mirrored|reversed|flipped"
    r"|the wrong way(?: round| up| around)?"
)
TURNED = re.compile(rf"\b(?:{_TURNED})\b")
_TURN_VERB = re.compile(r"\b(?:turn|rotate|flip|spin|put|make|set|mirror)\w*\b")


def told_turned(words: str) -> bool:
    """The clause tells that the picture is turned ("its upside down sorry"), not asks to turn it ("turn that
    result upside down")."""
    m = TURNED.search(words)
    return m is not None and not _TURN_VERB.search(words[: m.start()])


LOOKS_WRONG = re.compile(
    rf"\b(?:{_TURNED}|crooked|tilted|wonky|skewed"
    r"|(?:too|so|very|really|rly|super|kinda|way too|it's|its|is|looks|came out|come out)"
    r" (?:dark|bright|dim|blurry|blurred|washed out|grainy|faded|pale))\b"
)
CHANGES = {"edit", "restyle", "enhance", "clean-audio", "segment"}  # goals that change the thing itself
_REPAIR_FLOOR = 0.3  # low: a bare "fix it" is known to ask for a change; its fault only says which
# "My summary: 'Walks help you sleep.'": a label for what follows
LABEL = re.compile(r"(?:my|our|his|her|their)\s+(?:\w+\s+)?\w+\s*:\s*this (?:text|image|recording|question)")
# "the museum's website says: <text>": who or what says the text given after it
_SAYS = re.compile(r"(?:[\w']+\s+){1,5}(?:says|said|reads|read|writes|wrote|states|stated|goes)\s*:\s*this text")
# what is said not to be wanted, just before a goal's cue ("don't translate it", "no need to summarise")
_NOT_WANTED = re.compile(
    r"(?:\b(?:don'?t|do not|never)\s+(?:(?:need|have) to\s+|bother(?:ing)?\s+(?:to\s+|with\s+)?)?"
    r"|\b(?:don'?t|do not|never)\s+(?:[\w']+\s+){1,4}(?:or|nor)\s+"  # "don't tidy it up or shorten it"
    r"|\bno need to\s+|\bno\s+|\b(?:don'?t|do not) (?:need|want) (?:it|this|that|them)\s+"
    r"|\bnot (?:necessary|needed) to\s+|\bnot (?:asking|looking) for\s+(?:an?\s+|the\s+|any\s+)?|\bnothing to\s+"
    r"|\bnot (?:after|wanting|bothered about)\s+(?:an?\s+|the\s+|any\s+)?"  # "not after a translation, just curious"
    r"|\b(?:can'?t|cannot|can not|couldn'?t)\s+(?:[\w']+\s+){0,3})$"  # "can't play it out loud in here"
)
# the asker doing it ("a lease I'm translating", "trying to describe it on the lost pets page")
_DOING = re.compile(r"(?:\b(?:i'm|i am|we're|we are|i was|we were|i've been|we've been)\s+|^trying to\s+)$")
_PLACEHOLDERS = re.compile(rf"\b{PLACEHOLDERS}\b|[:;]")
# "grayscale depth is fine": what the asker will accept of the result, no ask of its own
_ACCEPTS = re.compile(r"\b(?:is|are|would be|'s) (?:fine|ok|okay|good enough|alright|enough)\W*$")
_WRITE_REPLY = re.compile(r"\bwrit\w*\s+(?:an?\s+)?(?:[\w-]+\s+)?(?:reply|response|answer)\b")
_QUESTION_NOUN = re.compile(r"questions?\b")
_TAKE_A_QUESTION = {"words", "translate", "speak"}  # goals whose object may be the question itself
_OWNED = re.compile(r"\b(?:my|the|this|that|your|his|her|our|their|its)\s+(?:\w+\s+)?$")


def _unwanted(words: str, at: int) -> bool:
    """The goal named at `at` is said not to be wanted ("no need to translate", "without summarising it"), or
    the asker tells they do it ("a lease I'm translating")."""
    before = words[:at]
    if re.search(r"\bwithout\s+$", before) and re.match(r"\w+ing\b", words[at:]):
        return True
    return bool(_NOT_WANTED.search(before) or _DOING.search(before) or _PURPOSE_OF.search(before))


# "transcribe that clip so I can paste the captions under the video": what the asker will do with the result
_PURPOSE_OF = re.compile(
    # (not "so I can have it read out", "so I can hear it out loud": a result they ask to get)
    r"\bso (?:that )?(?:i|we|they|he|she) can (?!(?:have|get|hear|listen|see|read)\b)\w+\b[^.;:!?]*$"
)


def declined(clause: Clause) -> set[str]:
    """The goals the clause names only to say they are not wanted ("don't translate it"), or that the asker
    does them ("a lease I'm translating")."""
    accepts = bool(_ACCEPTS.search(clause.words))  # "grayscale depth is fine": how the result may look
    return {
        g.name
        for g in GOALS
        if g.cue_rx is not None
        for m in g.cue_rx.finditer(clause.words)
        if accepts and g.name in CHANGES or _unwanted(clause.words, m.start())
    }


def presents(clause: Clause) -> bool:
    """The clause presents a file or a text and asks nothing of it (or continues the list of what an
    earlier clause presents: "I have a photo and a question in French: ...")."""
    if clause.presenting is None:
        clause.presenting = (bool(_PRESENTS.search(clause.words)) and not _ASKS.search(clause.words)) or bool(
            _ATTACHED.fullmatch(clause.words) or LABEL.fullmatch(clause.words) or _SAYS.fullmatch(clause.words)
        )
    return clause.presenting


# "show me a depth map and the edges too": one more thing wanted, named by the noun for a goal's result
_LIST_ITEM = re.compile(
    r"(?:an?|the|some|its|their)\s+(?:[\w-]+\s+){0,2}?[\w-]+(?:\s+(?:too|as well|also|please|pls))?"
)
_GIVE_ME = re.compile(r"(?:(?:can|could|would) you\s+)?(?:please\s+)?(?:show|give|get|make|send|find)\s+(?:me|us)\b")


def _listed(clauses: list[Clause], wants: list[Want], cued: dict[int, list[Want]]) -> list[Want]:
    """Wants named as one more item after "show me / give me X": the goal whose result the noun names."""
    out = []
    for k, c in enumerate(clauses):
        if k == 0 or any(w.clause is c for w in wants) or c.joiner not in ("and", ","):
            continue
        if not _LIST_ITEM.fullmatch(c.words) or not _GIVE_ME.match(clauses[k - 1].words):
            continue
        if not any(w.clause is clauses[k - 1] for w in wants):
            continue
        for goal in GOALS:
            if goal.names_rx is not None and (m := goal.names_rx.search(c.words)):
                w = Want(goal, c, m.start(), m.end(), "cue")
                out.append(w)
                cued.setdefault(c.index, []).append(w)
                break
    return out


# verbs that change what a picture shows: after an edit, "and add a sailboat" is one more edit of it
_CHANGE = re.compile(r"(?:please\s+)?(?:add|remove|put|insert|erase|delete|replace|swap|place|get rid of|take out)\b")
CONTINUED = 0.35  # an ask right after an edit that reads nearest an edit, from this cosine, is one more edit


def _continued_edits(clauses: list[Clause], wants: list[Want]) -> list[Want]:
    """ "make the sky purple and add a rainbow": a clause that asks, right after an edit, and reads nearest an
    edit of all goals (if below the threshold for a clause on its own) is one more edit of the picture."""
    out = list(wants)
    for k, c in enumerate(clauses):
        if k == 0 or c.joiner not in ("and", ",", "then", "and then") or any(w.clause is c for w in out):
            continue
        if not any(w.clause is clauses[k - 1] and w.goal.name == "edit" for w in out) or not _may_ask(c):
            continue
        if _NOUN_PHRASE.match(c.words):
            continue
        goal, score, context = by_meaning([c.words])[0]
        near = goal is not None and goal.name == "edit" and score >= max(CONTINUED, context + MARGIN)
        if near or _CHANGE.match(c.words):
            out.append(Want(BY_NAME["edit"], c, 0, len(c.words), "meaning", score))
    return sorted(out, key=lambda w: (w.clause.index, w.at))


# a clause that tells about the asker or someone ("my kid wants ...", "she left this"), not a wish ("I'd like")
TELLS = re.compile(
    r"(?:i|we|my|our|his|her|their|he|she|they|i'm|we're|i've|we've|he's|she's|they're)\b"
    r"(?!\s*(?:'d|would|want|need|wanna|wish)\b)"
)
_THEIR_PLAN = re.compile(
    r"(?:(?:my|our|his|her|their)\s+\w+|he|she|they)\s+(?:wants?|would like|likes?|needs?|is going|are going|plans?"
    r"|loves?|has|have)\s+to\b(?!\s+(?:know|see|hear|find out|understand|learn|check)\b)"
)
_DASHES = {"-", "--", "–", "—"}
# "i write in english", "i'll know which cousin to post it to": what the asker does or will do, told in the first
# person with no one asked (no "you", no wish, no request verb), is context beside the ask
_ASKING_VERB = (
    r"wants?|wanna|needs?|wish(?:es)?|would|'d|likes?|loves?|hopes?|hoping|wonders?|wondering|asks?|asking|requests?"
    r"|requires?|must|has to|have to|got to|gotta|'m|am|'ve got|beg|pray|please|appreciates?|mean|meant|take|have"
    r"|says?|said|told|tells?|use|do"  # ("I could use a summary", "we could do with a translation": asks)
)
_OFTEN = r"just|also|usually|always|then|only|often|normally|already|still|really|really just"
# (who tells: the asker, or someone the asker tells of: "somebody write this review on google")
SELF_TOLD = re.compile(
    rf"(?:(?:i|we|he|she|they|someone|somebody|nobody|everyone|everybody)(?:'ll| will|'d| would| can| could)?"
    rf"|(?:my|our|his|her|their)\s+[a-z]+(?:'ll| will| would| can| could))"
    rf"(?:\s+(?:{_OFTEN}))?"
    rf"\s+(?!(?:{_ASKING_VERB}|{_OFTEN})\b)[a-z]+\b(?!.*\b(?:you|u|ya|please|pls|plz)\b)"
    # "i've got four other things to write tonight": the asker's own work still to do
    r"|(?:i|we)(?:'ve| have)?\s+(?:still\s+)?got\s+(?:[\w-]+\s+){1,4}to\s+(?:write|do|finish|send|read|sort)\b"
    r"(?!.*\b(?:you|u|ya|please|pls|plz)\b)"
    # "writing the caption for the newsletter": what the asker is busy with, its subject left out (not "working
    # from the scanned page: detect ...": a lead to the asks after its colon)
    r"|(?![^:]*:)(?:just\s+|currently\s+|still\s+)?(?:writing|making|doing|putting|preparing|planning|working|organi[sz]ing"
    r"|designing|drafting|building)\s+(?!(?:it|this|that|them|these|those)\b)[a-z]+\b"
    r"(?!.*\b(?:you|u|ya|please|pls|plz)\b)"
)


def read(clauses: list[Clause]) -> tuple[list[Clause], list[Want]]:
    """The goals each clause asks for, in request order. A cue that only names the result of a goal asked
    before ("the summary" after "sum it up") is no new goal. A short fragment after "and" that asks nothing
    of its own rejoins the clause before it ("make it black and white"): the clauses come back with such
    fragments joined."""
    for k, clause in enumerate(clauses):
        if k and clause.joiner in _LISTING and _NOUN_PHRASE.match(clause.words) and presents(clauses[k - 1]):
            clause.presenting = not _ASKS.search(clause.words)
    # "Hi," before the ask asks nothing, nor "tell me" after it
    asking = [c for c in clauses if not _HELLO.fullmatch(c.words) and not (c.index and _TELL_ONLY.fullmatch(c.words))]
    cued = {c.index: cues(c) for c in asking}
    # "no need to translate it": a clause that only declines a goal asks nothing (not read by meaning either)
    # ("the writing's fine, my eyes aren't": a remark, no ask)
    asking = [c for c in asking if cued[c.index] or not (declined(c) or _ACCEPTS.search(c.words))]
    # "busy morning - give me ...", "im driving - tell me ...": words before a dash that name no ask are an aside
    asides = {c.index for c, n in zip(clauses, clauses[1:]) if n.joiner in _DASHES and not cued.get(c.index)}
    wants = [w for w in _by_meaning_where_unread(asking, cued) if w.clause.index not in asides]
    wants = sorted(wants + _listed(asking, wants, cued), key=lambda w: (w.clause.index, w.at))
    # a noun naming the result of a goal asked before ("the summary" after "sum it up") refers to it
    earlier: list[Want] = []
    for c in asking:
        mine = [w for w in wants if w.clause is c]
        kept = []
        for w in mine:
            if w.evidence == "cue" and _names_result(w.goal, c.words, w) and any(e.goal is w.goal for e in earlier):
                continue
            bare = [e for e in earlier if e.goal.name == "write" and _BARE_MAKE.fullmatch(e.clause.words)]
            if w.evidence == "cue" and w.goal.name == "draw" and _names_result(w.goal, c.words, w) and bare:
                # "Generate 'a recipe card on a table', then ... the generated image": that was a drawing
                e = bare[-1]
                earlier[earlier.index(e)] = drawn = Want(w.goal, e.clause, e.at, e.end, e.evidence, e.score)
                cued[e.clause.index] = [drawn if x is e else x for x in cued[e.clause.index]]
                wants = [drawn if x is e else x for x in wants]
                continue
            kept.append(w)
        cued[c.index] = kept if kept or not mine else []
        earlier += kept
    emptied = [c for c in asking if not cued[c.index] and any(w.clause is c for w in wants)]
    if emptied:  # its only cue named an earlier result: what it asks is read by meaning
        wants = [w for w in wants if w.clause not in emptied]
        wants += _by_meaning_where_unread(emptied, {c.index: [] for c in emptied})
        wants.sort(key=lambda w: (w.clause.index, w.at))
    wants = [w for w in wants if w.evidence != "cue" or w in cued[w.clause.index]]
    if any(w.evidence == "cue" or not TELLS.match(w.clause.words) for w in wants):
        # "my kid wants to colour this in. can you trace the outlines": telling about someone asks nothing
        # where another clause names what it asks
        wants = [w for w in wants if not (w.evidence == "meaning" and TELLS.match(w.clause.words))]
    if any(not _THEIR_PLAN.match(w.clause.words) for w in wants):
        # "my son wants to paint this": someone else's plan, told beside the ask, is not the ask
        wants = [w for w in wants if not _THEIR_PLAN.match(w.clause.words)]
    # "three things to the photo, in this order: ...", "got two questions": it counts the asks that follow
    # (as does "for this letter:", a lead its colon ends)
    wants = [
        w
        for w in wants
        if not (w.evidence == "meaning" and (_ANNOUNCES.match(w.clause.words) or w.clause.words.rstrip().endswith(":")))
    ]
    if any(w.evidence != "meaning" for w in wants):  # "please help me check this letter": the asks say how
        wants = [w for w in wants if not (w.evidence == "meaning" and HELP_WITH.match(w.clause.words))]
    if any(w.goal.name != "chat" for w in wants):  # small talk around a request ("can you help me?")
        wants = [w for w in wants if w.goal.name != "chat" or w.evidence == "cue"]
    wants = _repairs(asking, wants)
    wants = _continued_edits(asking, wants)
    # "write me a blurb, three sentences", "a depth map - nearer things lighter, farther darker": a few words after
    # a comma or a dash, naming no goal, say how the ask before is wanted; they ask nothing of their own
    asked = {w.clause.index for w in wants if w.evidence != "meaning"}
    wants = [
        w
        for w in wants
        if not (
            w.evidence == "meaning"
            and w.clause.joiner in (",", *_DASHES)
            and len(_PLACEHOLDERS.sub(" ", w.clause.words).split()) <= 3
            and any(k in asked for k in range(w.clause.index - 2, w.clause.index))
        )
    ]
    # "on the brightened version, count ...": a clause read by meaning that names the result of the same goal
    # asked before refers to it; it asks nothing again
    wants = [
        w
        for w in wants
        if not (
            w.evidence == "meaning"
            and w.goal.names_rx is not None
            and w.goal.names_rx.search(w.clause.words)
            and any(e.goal is w.goal and e.clause.index < w.clause.index for e in wants)
        )
    ]
    clauses = _fragments_joined(clauses, wants)
    return clauses, wants


_ANNOUNCES = re.compile(
    r"(?:(?:i have|i've got|i got|got|here are|here's|there are|just|only)\s+)?(?:two|three|four|five|2|3|4|5|a few"
    r"|a couple of|couple of|a couple|some|several|few)\s+(?:\w+\s+)?(?:things|questions|jobs|tasks|steps|requests"
    r"|favou?rs|bits|asks)\b(?!.*\b(?:you|u)\b)"
)
HELP_WITH = re.compile(
    rf"{POLITE}help (?:me|us)\s+(?:to\s+)?(?:check|with|look at|look over|understand|go through|deal with|sort out"
    r"|make sense of)\s+(?:this|the|my|our|these|that|a)\b(?!.*\?)"
)
_OPENS = re.compile(rf"(?:[^:]*:\s*)?(?:(?:first|firstly|please|pls|now|then|and|just)\s+)*{POLITE}")


def _repairs(clauses: list[Clause], wants: list[Want]) -> list[Want]:
    """ "This sign is upside down. Fix it": the fault a statement tells is what the bare repair asks to
    change; the statement asks nothing of its own."""
    out = list(wants)
    for k, c in enumerate(clauses):
        if k == 0:
            continue
        b = k - 1
        while b > 0 and len(clauses[b].words.split()) <= 2 and not any(w.clause is clauses[b] for w in out):
            b -= 1  # "it came out upside down, sorry. can you turn it ...": past an interjection
        before = clauses[b]
        # (a cue of a change or a drawing in the fault told is its scene: "my phone camera make the photo sideways")
        # (but "turn it upright (it's on its side), cut her out": a clause that opens by asking its own change
        # tells the fault it mends; it is one more change, before the next)
        faulty = bool(LOOKS_WRONG.search(before.words)) and not any(
            w.clause is before
            and w.evidence == "cue"
            and (w.goal.name not in (*CHANGES, "draw") or _OPENS.fullmatch(before.words[: w.at]))
            for w in out
        )
        if faulty and any(w.clause is c and w.goal.name in CHANGES for w in out):
            # "so dark. brighten it": the fault told is what the change asked for mends, no change of its own
            # (nor a question: "why did it save this upside down?? fix it"); nor is the words that set the
            # scene of the fault ("mirror selfie at the gym | and the poster came out backwards | flip it ...")
            lead = clauses[b - 1] if b > 0 and before.joiner in ("and", ",") else None
            # (the fault may be told in several sentences: "it came out upside down lol. my mate held the phone the
            # wrong way up. flip it ...": each tells the one fault)
            told, j = [before], b - 1
            while j >= 0 and LOOKS_WRONG.search(clauses[j].words):  # (by place in `clauses`, not by index)
                told.append(clauses[j])
                j -= 1
            out = [
                w
                for w in out
                if not (w.clause is before and (w.goal.name in (*CHANGES, "draw") or w.evidence == "question"))
                and not (any(w.clause is t for t in told[1:]) and w.evidence in ("meaning", "question"))
                and not (w.clause is lead and w.goal.name in ("edit", "restyle") and w.evidence == "meaning")
            ]
            continue
        if any(w.clause is c for w in out) or not REPAIR.fullmatch(c.words):
            continue
        goal, score, _ = by_meaning([f"{before.words}, {c.words}"], CHANGES)[0]
        if faulty:  # how a picture looks wrong: mended by an edit (the editor reads the fault)
            goal, score = BY_NAME["edit"], 1.0
        if goal is None or score < _REPAIR_FLOOR:
            continue
        if _STATES.match(before.words) or faulty:
            # (and a change the fault's story names is its scene: "my phone camera make the photo sideways. fix it")
            out = [
                w
                for w in out
                if not (
                    w.clause is before
                    and (w.evidence in ("meaning", "question") or faulty and w.goal.name in (*CHANGES, "draw"))
                )
            ]
        out.append(Want(goal, c, 0, len(c.words), "meaning", score))
    for k, c in enumerate(clauses):
        # "sorry its sideways. what does the flyer say": a picture told to be turned, with no change asked
        # after the faults told, is turned back first
        if any(w.clause is c for w in out) or not TURNED.search(c.words):
            continue
        # (the next clause that asks something: "it came out upside down, sorry. can you turn it ...")
        after = next(
            (n for n in clauses[k + 1 :] if not LOOKS_WRONG.search(n.words) and any(w.clause is n for w in out)), None
        )
        if after is None or not any(w.clause is after and w.goal.name in CHANGES for w in out):
            out.append(Want(BY_NAME["edit"], c, 0, len(c.words), "meaning", 1.0))
    out.sort(key=lambda w: (w.clause.index, w.at))
    return out


def references(clauses: list[Clause], wants: list[Want]) -> list[Reference]:
    """The nouns of each clause that name the result of a goal asked before them ("the summary", "the
    marked photo", "your own recording")."""
    refs: list[Reference] = []
    for c in clauses:
        # asked before it: in an earlier clause, in it, or done first though said later ("... obtained after
        # classifying the audio": the wants come in the order they are done)
        first = next((k for k, w in enumerate(wants) if w.clause is c), len(wants))
        asked = [w for k, w in enumerate(wants) if w.clause.index < c.index or w.clause is c or k < first]
        _references(c, asked, refs)
    # "how far is it? show me a depth map": the goal asked again, its noun is that ask, not a name for the result
    again = [
        w
        for w in wants
        if any(e.goal is w.goal and e.clause.index < w.clause.index for e in wants) and w.evidence != "question"
    ]
    return [
        r for r in refs if not any(w.clause is r.clause and w.goal is r.goal and w.at <= r.at < w.last for w in again)
    ]


def _by_meaning_where_unread(clauses: list[Clause], cued: dict[int, list[Want]]) -> list[Want]:
    """The cue wants of each clause, and for a clause no cue names, the goal its meaning asks for."""
    wants: list[Want] = []
    unread = [c for c in clauses if not cued.get(c.index) and has_words(c)]
    everything = dict(zip((c.index for c in unread), scores([_asked_part(c) for c in unread]), strict=True))
    verdicts = {k: nearest(best) for k, best in everything.items()}
    for c in unread:  # a question asks to be told something, never for an edit or a drawing
        if QUESTION_FORM.match(c.words):
            verdicts[c.index] = by_meaning([c.words], QUESTION_GOALS)[0]
    for c in clauses:
        if cued.get(c.index):
            wants += cued[c.index]
            continue
        if c.index not in verdicts:
            continue
        goal, score, context = verdicts[c.index]
        # "cut out the cat and put it on a white background": nobody asks for one thing twice in a row, so a
        # clause read as the goal of the clause before it is the other goal its words read nearly as well
        before = [w for w in wants if c.index > 0 and w.clause.index == c.index - 1]
        if goal is not None and c.joiner in ("and", ",", "then") and any(w.goal is goal for w in before):
            runner, second, _ = nearest(everything[c.index], {g for g in BY_NAME if g != goal.name})
            if runner is not None and second >= score - AMBIGUOUS / 2:
                goal, score = runner, second
        # a clause with asking words asks; else it must read nearer an ask than a file's presentation
        if _ASKS.search(c.words):
            context = 0.0
        # "no words in it please", "nothing fancy": what is not wanted asks nothing by its meaning (but "no
        # background" asks it taken away)
        if goal is not None and goal.name not in CHANGES and _NO_THING.match(c.words):
            continue
        # "today a letter came from the office": a statement read near a question asks nothing without a question
        if goal is not None and goal.name == "ask" and not _QUESTIONING.search(c.text.lower()):
            continue
        if goal is not None and score >= THRESHOLD and score >= context + MARGIN and _may_ask(c):
            wants.append(Want(goal, c, 0, len(c.words), "meaning", score))
    return wants


_NO_THING = re.compile(r"(?:but\s+|and\s+)?(?:no|nothing|without|don'?t|never)\b(?!\s+(?:idea|clue)\b)(?!.*\?)")
_QUESTIONING = re.compile(r"\?|\b(?:who|whom|whose|what|when|where|which|why|how|tell|answer|know|find out)\b")


# "a paragraph about exercise and how it can improve our health": a wh-clause with its subject first (and,
# where the planner asks, no question mark) is part of a sentence, not a question
EMBEDDED = re.compile(
    r"(?:how|what|where|when|why|which)\s+(?:it|he|she|they|we|i|you|this|that|these|those)\s+"
    r"(?:can|could|will|would|is|are|was|were|does|do|did|has|have|had|should|may|might|must)\b"
)


_VERB_LED = re.compile(
    r"(?:please\s+)?(?:make|give|tell|send|show|write|add|remove|put|turn|get|find|read|say|draw|create|list)\s+\w+"
)


# a style named alone ("cartoon style plz", "in watercolour", "make it look retro" is an ask of its own)
_STYLE_ONLY = re.compile(
    r"(?:in\s+)?(?:an?\s+)?(?:[\w-]+\s+){0,3}?(?:style|styled|look|watercolou?r|cartoon|sketch|anime|pixel art"
    r"|oil painting|black and white|sepia|colou?rs?|tones?|palette)(?:\s+(?:please|pls|plz|thanks))?\W*"
)


def _fragments_joined(clauses: list[Clause], wants: list[Want]) -> list[Clause]:
    """A short fragment after "and" or a comma that gives no input and asks nothing new (no goal, or by its
    meaning the goal of the clause before) belongs to that clause: "make it black | and white", "is this
    about sports, | politics or cooking". Its want, if any, goes with it."""
    goals_of: dict[int, set[str]] = {}
    for w in wants:
        goals_of.setdefault(id(w.clause), set()).add(w.goal.name)
    out: list[Clause] = []
    for c in clauses:
        mine = goals_of.get(id(c), set())
        tail = _LIST_TAIL.match(c.words)  # "..., science or entertainment: 'text'": the list goes on
        # "based on the transcript | and a document image 'a.jpg'": one more thing the clause works on
        thing = (
            c.joiner == "and" and not mine and _NOUN_PHRASE.match(c.words) and not presents(out[-1]) if out else False
        )
        embedded = c.joiner == "and" and not mine and bool(EMBEDDED.match(c.words))  # "... and how it helps"
        if _VERB_LED.match(c.words) and not mine:  # "... and make flashcards": an ask of its own, even unread
            out.append(c)
            continue
        # "as the question asked against this note, 'The photo was...'": the quote the clause before points at
        apposed = c.joiner == "," and not mine and c.words in ("this text", "this image", "this recording")
        # "make me an image of a hedgehog in a café? cartoon style plz": the drawing's style, no edit of it
        described = c.joiner in ("-", "–", "—", ":", ",") and bool(_NOUN_PHRASE.match(c.words)) and not c.inputs
        if (
            out
            and "draw" in goals_of.get(id(out[-1]), set())
            and mine <= {"edit", "restyle"}
            and (
                c.joiner not in ("then", "and then", "after that", "after", "next")
                and (_STYLE_ONLY.fullmatch(c.words) or described)
            )
        ):
            # ... and "logo idea for our bake sale - a smiling cupcake wearing a chef's hat": what it shows
            wants[:] = [w for w in wants if w.clause is not c]
            prev = out[-1]
            prev.text, prev.words, prev.end = f"{prev.text}, {c.text}", f"{prev.words}, {c.words}", c.end
            continue
        if (
            out
            and c.joiner in ("and", ",")
            and (not c.inputs or tail or thing or apposed)
            and (len(c.words.split()) <= (2 if c.joiner == "and" else 4) or tail or thing or embedded)
            and id(out[-1]) in goals_of
            and (
                not mine
                or mine <= goals_of[id(out[-1])]
                and all(w.evidence == "meaning" for w in wants if w.clause is c)
            )
        ):
            wants[:] = [w for w in wants if w.clause is not c]
            prev = out[-1]
            glue = " and " if c.joiner == "and" else ", "
            prev.text = f"{prev.text}{glue}{c.text}".strip()
            prev.words = f"{prev.words}{glue}{c.words}".strip()
            prev.end = c.end
            shift = len(prev.words) - len(c.words)
            prev.inputs += c.inputs
            prev.at.update({k: v + shift for k, v in c.at.items()})
            continue
        out.append(c)
    for k, c in enumerate(out):
        c.index = k
    return out


_DETERMINER = re.compile(
    r"(?:\b(?:the|this|that|these|those|its|their|his|her|my|your|our|a|an|of|from|on|in|into|with)|'s)\s+(?:\w+\s+)?$"
)


def _names_result(goal: Goal, words: str, w: Want) -> bool:
    """The cue is a noun naming a result ("the summary", "its translation"), not the ask itself
    ("summarize", "answer my question")."""
    if goal.names_rx is None:
        return False
    hit = goal.names_rx.match(words, w.at)  # "the detection output": the name may run past the cue
    return hit is not None and bool(_DETERMINER.search(words[: hit.start()]))


def has_words(clause: Clause) -> bool:
    """Enough words to be read by meaning: a single word is no ask unless a cue names it."""
    # "this text", "this image": a thing given, standing alone, asks nothing
    if re.fullmatch(rf"(?:{PLACEHOLDERS}\W*)+", clause.words):
        return False
    # an aside in brackets ("please: <text> (clear voice, nothing fancy") says how, not what
    words = re.sub(rf"\([^)]*\)?|\b{PLACEHOLDERS}\b|\bplease\b", " ", clause.words)
    return len(re.findall(r"[a-z]{2,}", words)) >= 2


def _rivals_settled(clause: Clause, hits: list[Want]) -> list[Want]:
    """Two goals read off the same words that take and make the same kinds of thing ("remove the
    background from this picture": a cut-out or an edit) are rival readings of one phrase: its meaning
    keeps one. Goals on the same words that feed each other ("read the text aloud") both stay."""
    out = list(hits)
    for a in hits:
        for b in hits:
            if a is b or a not in out or b not in out or not (a.at < b.end and b.at < a.end):
                continue
            if _kinds(a.goal) == _kinds(b.goal):
                best = scores([clause.words])[0]
                loser = a if best.get(a.goal.name, 0.0) < best.get(b.goal.name, 0.0) else b
                out.remove(loser)
    return out


def _kinds(goal: Goal) -> tuple[frozenset[str], frozenset[str]]:
    return frozenset(goal.tasks), goal.output_kinds


def _references(clause: Clause, asked: list[Want], refs: list[Reference]) -> None:
    """Nouns of the clause that name the result of a goal asked before them."""
    for goal in GOALS:
        if goal.names_rx is None:
            continue
        for m in goal.names_rx.finditer(clause.words):
            # the want itself may be named by it ("a video of whatever gets detected": detect, then its labels)
            if any(w.goal is goal and (w.clause is not clause or w.at <= m.start()) for w in asked):
                refs.append(Reference(goal, clause, m.start()))


_OF_WHAT = re.compile(r"\s+of\b")
LOOK_LIKE = re.compile(r"(?:look|appear)\w*\s+(?:like|as)\b")  # a look named by what it resembles
_WH_BEFORE = re.compile(r"\b(?:what|which|who|how)\b(?:\s+[\w'-]+){0,4}\s*$")


def cues(clause: Clause) -> list[Want]:
    """The goals the clause names outright (a descriptive word in a clause that presents a file is no
    ask). The same goal named twice in one clause ("summarize it, and read the summary") is one want."""
    presenting = presents(clause)
    hits: list[Want] = []
    for goal in GOALS:
        if goal.cue_rx is None:
            continue
        for m in goal.cue_rx.finditer(clause.words):
            if _unwanted(clause.words, m.start()) or goal.name in CHANGES and _ACCEPTS.search(clause.words):
                continue  # "no need to translate, just ...", "a lease I'm translating": named, not asked for
            if (
                goal.name == "restyle"
                and LOOK_LIKE.match(clause.words, m.start())
                and _WH_BEFORE.search(clause.words[: m.start()])
            ):
                continue  # "tell me what breed he looks like": a question about the picture, not a new look
            # "I have a product photo of a noisy street": descriptions, no ask; but a question given "in
            # French" is to be put into words the models read
            if presenting and not (goal.name == "translate" and any(i.kind == "question" for i in clause.inputs)):
                break
            # one want per goal and clause; its words reach to its last cue ("read it back ... in a clear voice")
            reach = max(x.end() for x in goal.cue_rx.finditer(clause.words))
            hits.append(Want(goal, clause, m.start(), m.end(), "cue", reach=reach))
            break
    # a generic phrase that overlaps a phrase of another goal is part of it ("classify the tokens": entities,
    # not a label; "the question" of "respond to the question": a reply)
    specific = [w for w in hits if not w.goal.generic]
    # (but "write a short description of what's in it" stays a description too: of a picture, when there is one to
    # see; "generate a descriptive text about it" is a text written)
    kept = [
        w
        for w in hits
        if not (
            w.goal.generic
            and any(
                k.at < w.end
                and w.at < k.end
                and not ((w.goal.name, k.goal.name) == ("describe", "write") and _OF_WHAT.match(clause.words, w.end))
                for k in specific
            )
        )
    ]
    kept = _rivals_settled(clause, kept)
    # a quoted question asks for an answer unless the clause asks something else of it ("translate 'where?'")
    quoted = [
        (clause.where(i), clause.where(i) + len("this question"))
        for i in clause.inputs
        if i.kind == "question" and i.quoted
    ]
    # the word "question" of a placeholder is not the asker's ("Is 'Donde esta...?' Spanish or Portuguese?")
    kept = (
        [
            w
            for w in kept
            if not (w.goal.name == "ask" and any(a <= w.at < b for a, b in quoted) and w.end <= quoted[0][1])
        ]
        if quoted and (specific or all(clause.where(i) > 0 for i in clause.inputs if i.kind == "question"))
        else kept
    )
    if specific:
        # "write a polite reply to this letter": one text written, not a chat reply to it
        kept = [w for w in kept if not (w.goal.name == "chat" and _WRITE_REPLY.search(clause.words))]
        # "ask a chatbot 'X'": the asking is the chat
        kept = [
            w
            for w in kept
            if not (
                w.goal.name == "ask"
                and any(k.goal.name == "chat" for k in kept)
                and clause.words.startswith("ask", w.at)
            )
        ]
        # "transcribe my question", "translate the question": the noun is what an earlier cue works on
        kept = [
            w
            for w in kept
            if not (
                w.goal.name == "ask"
                and _QUESTION_NOUN.match(clause.words, w.at)
                and _OWNED.search(clause.words[: w.at])
                and any(k.at < w.at and k.goal.name in _TAKE_A_QUESTION for k in specific)
            )
        ]
    return sorted(kept, key=lambda w: w.at)
