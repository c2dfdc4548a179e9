"""The embedded planner: clauses -> goals -> steps composed by type -> a typed Plan.

1. `clauses`: the request cut at sentence ends, commas and joining words, quotes and files as placeholders;
2. `reading`: each clause read into the goals it asks for (the words that name one, else its meaning), or
   into none (it presents a file: context);
3. `compose`: each goal gets the thing it works on (`sources`) and the task that does it on that kind of
   thing, through the conversions the capability map can run, sharing each conversion, with its arguments
   (`slots`);
4. the result is a `Plan` that also says which parts of the request it could not plan, and why: every
   clause ends planned, named as not planned, or context (`Reading.fates`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ... import tasks as registry
from ...types import GENERATED, Plan, Route, Task
from . import args as argtext
from . import spelling
from .clauses import Clause, split
from .compose import DONE_FIRST, REPLY, Composer
from .goals import (
    ASK_GOALS,
    BY_NAME,
    CHECKS_ANSWER,
    GOALS,
    LANGUAGES,
    OPTION_NOUN,
    PROMPTED,
    SORT_THIS,
    WHICH_IT_GOES,
    WHICHEVER_FITS,
    Goal,
)
from .inputs import ASK_WORDS, GREETING, _Input, file_modality, find_inputs, split_parts, statements
from .reading import (
    CHANGES,
    HELP_WITH,
    LOOK_LIKE,
    LOOKS_WRONG,
    QUESTION_GOALS,
    SELF_TOLD,
    TELLS,
    THRESHOLD,
    Want,
    by_meaning,
    declined,
    has_words,
    nearest,
    presents,
    read,
    references,
    scores,
    told_turned,
    unlocated,
)
from .things import NOUNS, ORDINAL, Fate, Step


@dataclass
class Reading:
    """A request as the planner read it: its clauses, the goals found, the plan, and each clause's fate."""

    clauses: list[Clause]
    wants: list[Want]
    plan: Plan
    fates: list[Fate] = field(default_factory=list)


class GoalPlanner:
    """Plans a request into tasks without an LLM, by goals and the types of what they need and make."""

    def plan(
        self,
        text: str,
        files: list[str] | tuple[str, ...] = (),
        history: list[str] | None = None,
        capabilities: Any = None,
    ) -> Plan:
        """The plan of `text`. `files` are the files this turn is about (uploads, or the conversation's
        newest file); `history` is accepted for the planner interface (each request is planned on its
        own); `capabilities` is the pipeline's capability map (None: every task counts as runnable)."""
        return self.read(text, files, capabilities).plan

    def read(self, text: str, files: list[str] | tuple[str, ...] = (), capabilities: Any = None) -> Reading:
        text = spelling.corrected((text or "").strip())
        inputs = _inputs(text, files)
        clauses = split(text, inputs)
        if (not text or GREETING.match(text)) and not any(i.kind == "file" for i in inputs):
            return Reading(clauses, [], Plan([]), [Fate(c, "context") for c in clauses])
        clauses, wants = read(clauses)
        wants = _quoted_messages(clauses, wants)
        wants = _besides_small_talk(_questions(clauses, wants, text))
        # (the options a told habit lists stay: "i sort them into three piles: a, b, c. put this one in the right pile")
        told = [w for w in wants if SELF_TOLD.match(w.clause.words) and w.goal.name != "label"]
        if len(told) < len(wants):
            wants = [w for w in wants if w not in told]
        wants = _one_reading(_choices(_pointed_labels(clauses, wants), clauses))
        for c in clauses:  # a quoted question the asker's own question frames is a text to work on
            for i in c.inputs:
                if i.kind == "question" and i.quoted and _FRAMED.fullmatch(c.words[: c.where(i)].strip()):
                    i.kind = "quote"
        wants = _drawn_or_changed(_reachable(clauses, _heard(clauses, wants, inputs), inputs), inputs)
        wants = _ordered(wants)
        refs = references(clauses, wants)
        material = any(i.kind in ("file", "quote", "passage") or i.kind == "question" and i.quoted for i in inputs)
        files = any(i.kind == "file" for i in inputs)
        replies = [w for w in wants if w.goal.name == "chat" and files and REPLY.search(w.clause.words)]
        if not wants or all(
            w.goal.name == "chat" and w not in replies or w.goal.name == "ask" and not material for w in wants
        ):
            # nothing to work on: the whole request is the chat's ("My cat sneezes. Should I see a vet?")
            return _chat(text, clauses, wants, inputs)
        composer = Composer(text, clauses, inputs, refs, capabilities)
        composer.wants = wants
        made: dict[int, list[int]] = {}
        owners = _owners(clauses, wants)
        mentioned: set[int] = set()
        for w in wants:
            for c in clauses[: w.clause.index + 1]:
                if c.index not in mentioned:
                    composer.mention(c)
                    mentioned.add(c.index)
            made.setdefault(w.clause.index, []).extend(composer.add(w, owners.get(id(w), [])))
        plan = _plan(composer.steps, composer.routes, composer.also_asked)
        fates = []
        for c in clauses:
            if made.get(c.index):
                fates.append(Fate(c, "planned", made[c.index]))
            elif c.index in composer.unplanned:
                fates.append(Fate(c, "unplanned", why=composer.unplanned[c.index]))
            elif _asks_unread(c, wants) and not _continued(c, clauses, wants) and not _why_not(c, clauses):
                composer.unplanned[c.index] = (
                    f"I could not tell what to do for “{c.text.strip(' .,;')}”: try other words."
                )
                fates.append(Fate(c, "unplanned", why=composer.unplanned[c.index]))
            else:
                fates.append(Fate(c, "context"))
        plan.unplanned = list(dict.fromkeys(composer.unplanned.values()))
        return Reading(clauses, wants, plan, fates)


_OPTIONS_LEAD = re.compile(
    rf"\b(?:(?:one|any) of(?: these| the following| them)?|categor(?:y|ies)|options|{OPTION_NOUN}s"
    rf"|(?:one|a|any|the right)\s+{OPTION_NOUN})\s*:\s*$"
)


def _inputs(text: str, files: list[str] | tuple[str, ...]) -> list[_Input]:
    """Files (uploads first, then those the text names), quotes, questions, and an unquoted passage the
    request is about ("Summarize this: <passage>", or plain statements beside the ask of a text-only
    request: "The museum opens at ten. When does it open?")."""
    found = find_inputs(text, has_files=bool(files))
    named = {i.value for i in found if i.kind == "file"}
    uploads = [
        _Input("file", f, file_modality(f), -1, -1)
        for f in files
        if f not in named and f.rsplit("/", 1)[-1] not in named
    ]
    quotes = [i.value for i in found if i.kind in ("quote", "question") and i.quoted]
    parts = split_parts(text, quotes)
    passage = parts.passage if parts.passage and not _asks_something(parts.passage) else ""
    lead = _LEAD_JOINERS.sub("", passage.lower())
    # "sorting my mail into trays - ..." (but not a text introduced as one: "the real line, which is: I never ...")
    before = text[: text.find(passage)] if passage else ""
    introduced = _INTRODUCED.search(parts.instruction + ":") or (passage and _INTRODUCED.search(before))
    told = _FIRST_PERSON.search(passage) and len(passage.split()) < 15 and not introduced
    short = len(passage.split()) < 6 and not introduced
    # with a file given, the sentences beside a question are the asker's own; only a text set off is a passage
    unmarked = not parts.marked or bool(argtext.labels(passage) and len(passage.split()) <= 8)
    # "tag it as one of: absence, dinner money, other": the options to choose among, not a text
    options = bool(passage) and bool(_OPTIONS_LEAD.search(before.lower()))
    if files and (
        # ("What I sent was: Give blood at ...": a text introduced as one, whatever verb it opens with)
        "?" in passage
        or ASK_WORDS.match(lead)
        and not introduced
        or short
        or _names_a_goal(passage)
        or told
        or unmarked
        or options
    ):
        passage = ""  # "got this letter. does it sound ok?", "... could you fix it": asked of the file given
    if not passage and not files and not named and not quotes:
        passage = statements(text)
        # "The bread I baked came out flat. Is it still edible?": one's own story and a yes/no question ask for
        # advice, not a reading (an extractive answer cannot say yes or no)
        rest = text.replace(passage, " ") if passage else ""
        if _FIRST_PERSON.search(passage) and _YES_NO.fullmatch(_HELLO.sub("", rest.strip())):
            passage = ""
    if not passage and not files and not named and not quotes and (m := _SAY_IN.search(text)):
        # "how do you say thank you in Japanese": the words to translate, unquoted
        return uploads + sorted(
            [*found, _Input("quote", m["words"], "text", m.start("words"), m.end("words"))], key=lambda i: i.start
        )
    m = None if quotes else _TWO_LABELLED.search(text) or _TWO_TOLD.search(text)
    # ("Step 1: cut me out ...": asks, no texts; but "When Nell's grandmother dies, she ...." is a story's sentence)
    # (questions labelled as texts, "Q1: ... Q2: ...", are the texts)
    noun = (m.groupdict().get("noun") or "").lower() if m is not None else ""
    texts = noun in ("q", "question", "questions", "text", "sentence", "version")
    if m and (texts or not any(ASK_WORDS.match(m[k]) and ("?" in m[k] or not _WH_START.match(m[k])) for k in "ab")):
        # "First: <text>. Second: <text>.": two texts set off by their labels, each one to work on
        two = [_Input("quote", m[k].strip(), "text", m.start(k), m.end(k)) for k in ("a", "b")]
        # the second text runs on, sentence by sentence, to the end of its line, up to an ask
        line_end = text.find("\n", m.end("b"))
        for sentence in re.findall(r"\s*[^.!?]+[.!?]*", text[m.end("b") : line_end if line_end >= 0 else len(text)]):
            if "?" in sentence or ASK_WORDS.match(sentence.strip()) or _names_a_goal(sentence.lower()):
                break
            b = two[1]
            two[1] = _Input("quote", f"{b.value} {sentence.strip()}", "text", b.start, b.end + len(sentence))
        return uploads + sorted([i for i in found if i.kind == "file"] + two, key=lambda i: i.start)
    if (
        not passage
        and not files
        and not named
        and not quotes
        and (m := _SAY_WORDS.search(text) or _WORDS_ARE.search(text))
    ):
        return uploads + sorted(
            [*found, _Input("quote", m["words"].strip(), "text", m.start("words"), m.end("words"))],
            key=lambda i: i.start,
        )
    start = text.find(passage) if passage else -1
    end = start + len(passage)
    if start < 0 or any(start <= i.start < end for i in found if i.kind in ("file", "quote")):
        return uploads + found
    # a question inside the passage is the passage's own words; one outside it is asked of it
    found = [i for i in found if not start <= i.start < end]
    found.append(_Input("passage", passage, "text", start, end))
    if not any(i.kind == "question" for i in found):
        asked = find_inputs(text[:start] + " " * len(passage) + text[end:], has_files=True)
        found += [i for i in asked if i.kind == "question"]
    # the question that ends the instruction, not the sentences before it ("Found a card... Happy customer or not?")
    asked_last = re.split(r"(?<=[.!?])\s+", parts.instruction.strip())[-1]
    # (a request put as a question, "can you shorten this and read it to me?", is no question about the passage)
    request = re.search(r"\b(?:can|could|would|will) (?:you|u)\b", asked_last, re.I)
    question = parts.question or (asked_last if asked_last.endswith("?") and not request else "")
    if question and not any(i.kind == "question" for i in found):
        at = text.find(question)
        found.append(_Input("question", question, "text", at, at + len(question), at < 0))
    found.sort(key=lambda i: i.start)
    return uploads + found


_ANY = re.compile(r"(?:(?:and|so|also)\s+)?any(?:thing|one|body)?\s+\w+")  # "any vegetarian options on it?"
# "and from which platform": a second question in a fragment
_READ_THE = re.compile(
    r"(?:(?:and|then|also|so)\s+)*(?:please\s+|(?:can|could|would) (?:you|u)\s+)?read\s+(?:me\s+)?"
    r"(?P<thing>(?:the|its|his|her|their)\s+[\w'-]+(?:\s+[\w'-]+){0,2}?)\s+(?:for|to) (?:me|us)"
)
_META_Q = re.compile(
    r"(?:and\s+|so\s+)?(?:is|would|will) (?:that|this|it) (?:be )?"
    r"(?:possible|doable|ok|okay|alright|hard|difficult|easy)"
    r"(?:\s+\w+)?|(?:can|could) you (?:do|manage|make|draw|create) (?:that|this|it|one)(?:\s+\w+)?"
)
_FACT_NAMED = re.compile(r"(?:also\s+)?(?:the|its|their|his|her)\s+[\w'-]+(?:\s+[\w'-]+){0,4}(?:\s+too)?")
_PREP_WH = re.compile(r"(?:from|to|at|in|on|for|with|by|about|and)\s+(?:who|whom|what|when|where|which|how)\b")
# "... and how it can help", ", where a speaker is giving a talk": a wh-word before its subject, with no
# question mark, starts a clause inside a sentence, not a question ("where is the speaker?", "who called")
_RELATIVE = re.compile(
    r"(?:how|what|where|when|why|who|which)\s+(?:a|an|the|my|our|his|her|their|its|this|that|these|those|some"
    r"|it|he|she|they|we|i|you)\s+\w+"
)
# "how do you say thank you in Japanese": unquoted words to translate
_SAY_IN = re.compile(
    rf"\b(?:say|write|translate|spell)\s+(?P<words>(?!(?:it|this|that|them)\b)[^.?!,;:]{{1,60}}?)\s+(?:in|into|to)\s+"
    rf"(?:{LANGUAGES})\b",
    re.I,
)
# (the labels may share a noun: "Text 1: ... Text 2: ...", "Answer A: ... Answer B: ...")
_WH_START = re.compile(r"(?:when|where|what|who|which|how|why|if|is|are|was|were|do|does|did)\b", re.I)
_TWO_LABELLED = re.compile(
    r"(?:^|(?<=[\s.]))(?:(?P<noun>[a-z]+)(?:\s+|(?=1\s*[:)])))?\(?(?:first(?: one)?|one|1|a)\s*[:)]\s+"
    r"(?P<a>[^:\n]{3,300}?[.!?])\s+(?(noun)(?P=noun)\s*)\(?(?:second(?: one)?|two|2|b)"
    r"\s*[:)]\s+(?P<b>[^:\n]{3,300}?(?:[.!?](?=\s|$)|$))",
    re.I,
)
# "the first one is the clinic opens at eight and the second one is doors open at 8 am": the same, told
_TWO_TOLD = re.compile(
    r"\bthe first(?: one)? (?:is|says|reads|goes)\s+(?P<a>[^.?!]{3,300}?)[\s,;]+(?:and\s+)?the second(?: one)?"
    r" (?:is|says|reads|goes)\s+(?P<b>[^.?!]{3,300}?)\s*(?:[.?!]|$)",
    re.I,
)
# "say good morning to the class", "a voice saying You're locked in with DJ Kofi": unquoted words to speak
_SAY_WORDS = re.compile(
    r"\b(?:say|saying|says|pronounce|announce|announcing)\s+(?!(?:if|whether|what|how|which|who|when|where|why|me|us"
    r"|it|this|that|them|something|anything|so|hi to|hello to|the (?:\w+ )?(?:text|words|message|answer|result"
    r"|summary))\b)"
    r"(?P<words>[^.?!\n]{2,200})",
    re.I,
)
# "... into a sound file, the words are welcome to saint michaels ...": the words, told without a colon or quotes
_INTRODUCED = re.compile(r"\b(?:is|are|was|reads|says|goes|read|said)\s*:\s*$")  # "What I sent was: ..."
_WORDS_ARE = re.compile(
    r"\b(?:the (?:words|text|wording|message|announcement|line) (?:are|is|should be|will be|reads|goes)"
    r"|it (?:should )?(?:says?|reads?|goes))\s*:?\s+(?P<words>\S.{8,})$",
    re.I | re.S,
)
# the asker's own question around a quote ("Is '...' Spanish?"), the form wished for ("... in French"), and
# an indirect question ("tell me if ...")
_FRAMED = re.compile(r"(?:is|are|was|does|do|did|what|which|how)(?: \w+)?")
_ASKS_IF_IN = re.compile(  # "tell me whether it's in French"
    r"\b(?:tell me|let me know|check|say|know|wondering)\s+(?:if|whether)\s+(?:it|this|that|the \w+)(?:'s| is| was)"
    r"\s+(?:written\s+)?in\s+\w+\s*$"
)
_IN_LANGUAGE = re.compile(r"\s*\bin\s+\w+\s*$")
# "in Spanish or Portuguese": nobody asks for a translation into one of two languages; they ask which it is
_LANGUAGE_CHOICE = re.compile(
    rf"\bin (?:{LANGUAGES})(?:\s*,\s*(?:in )?(?:{LANGUAGES}))*,? or (?:in )?(?:{LANGUAGES})\b"
)
_INDIRECT = re.compile(
    r"^(?:(?:can you |please )?(?:tell me|let me know|check|say(?: me)?))\s+(?:if|whether)\s+"
    r"|^(?:would|do|did|does) (?:you|u) (?:say|think|reckon|feel)\s+(?:that\s+)?"
)
_BARE = re.compile(r"(?:please )?\w+ (?:it|this|that|them|these|those)(?: please)?")  # a verb and a pointer
_WHICH_IS_IT = re.compile(r"(?:so\s+|and\s+)?(?:which|what)(?: one)? (?:is it|is that|it is|are they)\W*")
_HOW_TO_SAY = re.compile(r"how (?:do|would|can|could|should) (?:you|u|i|we|one) (?:say|write|spell|put)\b")
_OR_ELSE = re.compile(r"or\s+(?:is|are|was|were|do|does|did|have|has|had|will|would|should|can|could)\b")
# "tell me the star rating", "give me the total": a fact asked for by its noun
_TELL_THE = re.compile(
    # (after "from that", "using what you got": the result it is asked of)
    # (or "from the job ad below": the text it is asked of)
    r"(?:(?:and|also|then|so|but)\s+)*(?:(?:from|using|with|based on|in)\s+(?:that|this|it|what you (?:got|read|found)"
    r"|(?:the|this|that|my|our)\s+[\w-]+(?:\s+[\w-]+)?(?:\s+(?:below|above|attached))?)"
    r",?\s+)?(?:please\s+|(?:can|could|would) (?:you|u)\s+)?"
    + argtext.TELL_VERBS
    + r"\s+(?:the|its|his|her|their)\s+(?!(?:transcript|summary|gist|text|words|writing|translation|faces?|people|"
    r"person|background|edges?|outlines?|objects?|names?|entities|language|mood|tone|sentiment)\b)[\w'-]+(?:\s+[\w'-]+){0,6}"
    r"(?:\s+(?:off|out of|from)\s+(?:it|this|that|them|the \w+))?(?:\s+for (?:me|us))?(?:\s+(?:please|pls|plz))?"
    r"(?:\s+if (?:there (?:is|are) (?:one|any)|it has one|any))?$"  # ("the pay-by date if there is one")
)
# a question that picks one of a list ("which ...", "tell me if it's a bill, a fine or junk mail")
_CHOICE = re.compile(r"\b(?:which|what|would|should|is|are|does|do|if|whether|it's|that's)\b")
_MOODS = re.compile(
    r"(?:positive|negative|neutral|good|bad|happy|sad|angry|upset|calm|pleased|annoyed|friendly|rude|polite|"
    r"hostile|cheerful|excited|disappointed|satisfied|unhappy|mixed|meh|ok|okay|fine|furious|livid|cross|mad|"
    r"thrilled|delighted|content|fuming|relaxed|stressed|worried)(?: news)?"
)
# two moods offered, however qualified ("cross or just a bit disappointed", "fuming or is it fine")
_MOOD_OR = re.compile(
    rf"\b{_MOODS.pattern}\b[^,.;?]{{0,20}}?\bor\b(?:\s+(?:just|only|more|really|very|quite|a bit|a little|slightly|"
    rf"kind of|sort of|simply|is it|is she|is he|are they))*\s+{_MOODS.pattern}\b"
)


def _choice_of(words: str) -> Goal | None:
    """The goal of a question that picks one of the options it lists: the language among languages, the
    sentiment among moods, else the label among the topics listed (None: no options listed)."""
    options = argtext.labels(words)
    if options and _CHOICE.search(words):
        return _choice_among(options)
    if _MOOD_OR.search(words) and _CHOICE.search(words):  # "is she cross or just a bit disappointed?"
        return BY_NAME["sentiment"]
    return None


def _choice_among(options: str) -> Goal:
    """The language among languages, the sentiment among moods, else the label among the options."""
    items = [x.strip().lower() for x in options.split(",")]
    if all(re.fullmatch(LANGUAGES, x, re.I) for x in items):
        return BY_NAME["language"]
    if all(_MOODS.fullmatch(x) for x in items):
        return BY_NAME["sentiment"]
    return BY_NAME["label"]


_POLITE_LEAD = re.compile(r"^(?:(?:please|pls|can you|could you|can u|could u|would you)\s+)+")


def _names_a_thing(words: str) -> bool:
    """ "the letter", "the summary", "its words": the thing itself or a result, not a fact found in it."""
    return (
        any(rx.search(words) for rx in (*NOUNS.values(), ORDINAL))
        or any(g.names_rx is not None and g.names_rx.search(words) for g in GOALS)
        or bool(re.search(r"\b(?:words|writing|whole thing|lot|rest|note|label|slip|pass)\b", words))
        or bool(
            re.search(rf"\bthe (?:{LANGUAGES})\b", words)  # "read the German out loud": the translation
        )
    )


_VERDICTS = ("sentiment", "emotion", "language")  # what a yes/no question may ask of a text as a whole
# a clause that names a goal it cannot reach, and a request that names no goal but gives a file: the goal
# its words mean among those that can be reached, from this cosine (low: the clause is known to ask something)
REACH_FLOOR = 0.25
# a file and words no goal names: the goal they mean only when it reads clearly ("speed this up": none)
FILE_FLOOR = 0.5
AMBIGUOUS = 0.1  # ... and no further than this below the goal it was read as
CHAT_MARGIN = 0.1  # with no file, a goal must read this much nearer than a chat reply to be asked
# a clause that tells about the one asking ("my cat keeps sneezing", "we loved it"), not a wish ("I'd like ...")
_TELLING = re.compile(r"(?:i|we|my|our|i'm|we're|i've|we've)\b(?!\s*(?:'d|would|want|need|wanna|wish)\b)")
_FIRST_PERSON = re.compile(r"\b(?:i|i'm|i've|me|my|we|we're|our|us)\b", re.I)
_HELLO = re.compile(r"^\W*(?:hi|hello|hey)\b\W*", re.I)
_YES_NO = re.compile(
    r"(?:(?:is|are|was|were|can|could|should|shall|will|would|do|does|did|may|might|must)\b[^?]*\?\s*)+", re.I
)


_LENGTH = re.compile(r"(?:in\s+)?(?:\w+\s+)?(?:short\s+)?(?:sentences?|words|lines|paragraphs?)")


# the asker (or someone) wishes to hear a thing: "can I hear what this letter says", "something I can listen to on
# the bus", "I'd rather listen to it" (not "I can't hear it": no wish)
_HEAR_WISH = re.compile(
    r"\b(?:(?:can|could|may|might)\s+(?:i|we|he|she|they|u|you|my \w+)"
    r"|(?:i|we|he|she|they|u|you|my \w+)\s+(?:can|could|would|'d|want to|wanna|need to|get to|like to|love to"
    r"|rather|prefer to|would rather|'d rather|'d prefer to)"
    r"|let (?:me|us|him|her|them)|rather|prefer to)\s+(?:just\s+|actually\s+|then\s+)?(?:hear|listen)\b"
)


def _heard(clauses: list[Clause], wants: list[Want], inputs: list[_Input]) -> list[Want]:
    """With no recording given and no speech asked, a wish to hear a thing asks for it spoken: what its words'
    meaning read beside the wish (the letter's words, a mood) was the thing to hear. With a recording, "listen
    to it" names the recording."""
    if any(i.kind == "file" and i.modality == "audio" for i in inputs) or any(w.goal.name == "speak" for w in wants):
        return wants  # (speech asked elsewhere is what they will hear: "they'll listen to a voice note. ... audio")
    out = list(wants)
    for c in clauses:
        m = _HEAR_WISH.search(c.words)
        if m is None or any(w.clause is c and w.goal.name == "speak" for w in out):
            continue
        out = [w for w in out if not (w.clause is c and w.evidence == "meaning")]
        out.append(Want(BY_NAME["speak"], c, m.start(), len(c.words), "cue"))
        c.presenting = False
    return sorted(out, key=lambda w: (w.clause.index, w.at))


# questions that ask nothing of the files: small talk to the assistant ("how are you today?", "what do you reckon?",
# "can you believe this?"), an exclamation put as a question ("isn't this view amazing?") and a remark about
# people in general ("who even writes letters anymore?", "why do people always mumble?")
_SMALL_TALK = re.compile(
    r"(?:(?:and|so|but|oh|well|hi|hey|anyway)\s+)*"
    r"(?:how are (?:you|u)(?: (?:today|doing))?|how's it going|how have you been|what do (?:you|u) (?:think|reckon)"
    r"|what do (?:you|u) make of (?:it|this|that)|(?:do )?(?:you|u) know what i mean|(?:can|could) (?:you|u) believe"
    r" (?:it|this|that)|where was i|guess what|right|you know|know what i mean)\W*"
    r"|(?:isn't|aren't|wasn't|weren't|isnt|arent) (?:it|this|that|they|these|those|he|she|the \w+)(?: \w+)?"
    r" (?:so |just |really |absolutely )?(?:amazing|beautiful|lovely|cute|gorgeous|great|awful|terrible|funny|weird"
    r"|annoying|ridiculous|crazy|stunning|nice|sweet|adorable|hilarious|brilliant|incredible|unbelievable)\W*"
    r"|(?:why (?:do|does|would|can't|won't|must) (?:people|everyone|everybody|anyone|they all)"
    r"|who (?:even|still|actually) \w+|(?:does|do) (?:anyone|anybody|people) (?:even|still|actually)) .*"
)


def _besides_small_talk(wants: list[Want]) -> list[Want]:
    """Small talk and rhetorical questions beside an ask ask nothing, whatever verb they use ("who even writes
    letters anymore?" writes nothing)."""
    chatty = {id(w) for w in wants if _SMALL_TALK.fullmatch(w.clause.words)}
    if len(chatty) == len(wants):  # the request is all small talk: the chat answers it
        return wants
    return [w for w in wants if id(w) not in chatty]


def _reachable(clauses: list[Clause], wants: list[Want], inputs: list[_Input]) -> list[Want]:
    """A goal is kept where what it works on can be reached: from the files and texts given, or made by
    another goal of the request. A goal read from a clause whose input is nowhere ("paint a green tractor":
    an edit, with no picture) becomes the goal its clause means among those that can be reached, if any;
    a request that names no goal at all but gives a file asks for the goal it means on that file."""
    given = {i.modality for i in inputs if i.kind == "file"}
    if any(i.kind in ("quote", "passage", "question") for i in inputs):
        given.add("text")

    def reaches(goal: Goal, others: list[Want]) -> bool:
        have = set(given)
        for w in others:
            have |= w.goal.output_kinds
        if goal.name in PROMPTED or goal.name in ASK_GOALS:
            return True  # a prompt in the request's own words; a question with nothing to work on is chat
        return any(m in have for m in goal.tasks) or ("text" in goal.tasks and bool(have & {"image", "audio"}))

    among = {g.name for g in GOALS if reaches(g, [])}
    out = []
    lengths: set[int] = set()
    for w in wants:
        if id(w) in lengths:
            continue
        if reaches(w.goal, [o for o in wants if o is not w]):
            out.append(w)
            continue
        if w.goal.name == "describe" and w.evidence == "cue" and not NOUNS["image"].search(w.clause.words):
            # "I need a short description for my earrings listing", "describe a sunset in three sentences": no
            # picture given or named, a text to write
            out.append(Want(BY_NAME["write"], w.clause, w.at, w.end, w.evidence, w.score))
            # (its length, "in three sentences", is the writing's, not a summary of it)
            lengths |= {
                id(o)
                for o in wants
                if o.goal.name == "summarize"
                and o.clause is w.clause
                and _LENGTH.fullmatch(o.clause.words[o.at : o.end])
            }
            continue
        # only a clause that reads nearly as well as a goal it can reach is taken for that goal ("paint a
        # green tractor": an edit or a drawing); "cut her out" with no picture stays a cut-out, and the
        # answer says what to attach
        (best,) = scores([w.clause.words])
        goal, score, _ = nearest(best, among - {"chat"})
        if _BARE.fullmatch(w.clause.words):  # "read it" with nothing to read: say what to attach
            out.append(w)
        elif goal is not None and score >= REACH_FLOOR and score >= best.get(w.goal.name, 0.0) - AMBIGUOUS:
            out.append(Want(goal, w.clause, w.at, w.end, "meaning", score))
        elif (
            w.evidence == "meaning"
            and _INTERROGATIVE.match(w.clause.words)
            and not any(rx.search(w.clause.words) for rx in NOUNS.values())
        ):
            # a question only its meaning tied to a goal, naming nothing to work on ("is it ruined?"), is asked;
            # "is this review positive?" names what it needs, and the answer says to attach it
            out.append(Want(BY_NAME["ask"], w.clause, 0, len(w.clause.words), "question"))
        else:
            out.append(w)
    if not out and clauses:
        # no goal named: a file given asks for the goal its words mean on that file; with only words, the
        # goal they mean when it reads clearly nearer than a chat reply ("paint me a watercolour of a fox")
        files = any(i.kind == "file" for i in inputs)
        options = [c for c in clauses if has_words(c) and not presents(c)] or clauses
        if not files:  # "my cat keeps sneezing": telling about oneself asks for a reply, not a task
            options = [c for c in options if not _TELLING.match(c.words)]
        everything = scores([c.words for c in options])
        # never a goal the clause says it does not want ("read it without summarising it")
        verdicts = [nearest(best, among - {"chat"} - declined(c)) for c, best in zip(options, everything, strict=True)]
        best = max(zip(options, verdicts, everything, strict=True), key=lambda x: x[1][1], default=None)
        if best is not None and best[1][0] is not None:
            clause, (goal, score, _), all_scores = best
            chat = 0.0 if files else all_scores.get("chat", 0.0) + CHAT_MARGIN
            if score >= max(FILE_FLOOR if files else REACH_FLOOR, chat):
                out.append(Want(goal, clause, 0, len(clause.words), "meaning", score))
    return out


# the forms of an ask: a request or a question ("tell me how tall it is", "can you ...", "please ...")
_ASK_FORM = re.compile(
    r"^(?:(?:and|then|also|now|so|but|finally|lastly|next)\s+)*(?:please\s+|(?:can|could|would|will) (?:you|u)\s+)?"
    r"(?:tell|give|show|let me know|find|get|make|turn|put|send|explain|check|work out|figure out|help me|"
    # ("I want to be sure all of us are there": why, not what)
    # (nor "I want to keep them in my memo app", "I want to show it to my grandad": what the result is for)
    r"(?:i want|i need|i'd like|i would like)(?!\s+to\s+(?:be|make sure|ensure|keep|save|store|show|send|give|use"
    r"|remember|print|post|share|put|check|read|hear|know)\b)|add|remove|insert|erase|delete"
    r"|replace|swap)\b"
)


def _ends_a_request(clause: Clause, clauses: list[Clause], wants: list[Want]) -> bool:
    """ "could you make a picture of a basket of apples, pumpkins and bread, in soft colours?": the clause after
    a comma ends a sentence whose ask was read before it; its question mark is the request's."""
    k = clause.index
    while k > 0 and clauses[k].joiner in (",", "and"):
        k -= 1
        if any(w.clause is clauses[k] and w.goal.name not in ASK_GOALS for w in wants):
            return True
    return False


def _why_not(clause: Clause, clauses: list[Clause]) -> bool:
    """ "please don't crop it, | I need the whole field in": the reason for a thing declined, no ask of its own."""
    before = clauses[clause.index - 1] if clause.index else None
    return before is not None and clause.joiner == "," and bool(declined(before)) and bool(_NEEDS.match(clause.words))


_NEEDS = re.compile(r"(?:i|we|it|they|she|he)(?:'d| would)?\s+(?:need|needs|want|wants|have|has|like)\b")


def _continued(clause: Clause, clauses: list[Clause], wants: list[Want]) -> bool:
    """ "I would like only Oliver, | with the garden behind him taken away": the ask goes on in the clause after
    its comma, which a goal was read from."""
    nxt = clauses[clause.index + 1] if clause.index + 1 < len(clauses) else None
    return nxt is not None and nxt.joiner == "," and any(w.clause is nxt for w in wants)


_NEED_THE_RESULT = re.compile(
    r"(?:i|we) (?:need|want|just need|only need) (?:the|that|this) "
    r"(?:number|count|total|answer|figure|result|date|time)\b(?! (?:of|from|in|on)\b)"
)


def _asks_unread(clause: Clause, wants: list[Want]) -> bool:
    """The clause has the form of an ask, but no goal was read from it or in it."""
    words = clause.words.split()
    # "make flashcards" asks; "tell me", "do it" only point at an ask made elsewhere
    if any(w.clause is clause for w in wants) or presents(clause) or len(words) < 2 or _META_Q.fullmatch(clause.words):
        return False
    if len(words) == 2 and words[1] in ("me", "us", "it", "this", "that", "them", "please", "pls"):
        return False
    if wants and HELP_WITH.match(clause.words):  # "please help me check this letter": the asks made say how
        return False
    if wants and _NEED_THE_RESULT.match(clause.words):  # "i need the number for our post": what the ask is for
        return False
    # "give it the right tag": the choice among the options listed, asked on the clause that lists them
    if _THOSE_OPTIONS.search(clause.words) and any(w.goal.name in ("label", "language", "sentiment") for w in wants):
        return False
    # "compare the two | and give me a similarity score": the result of the ask just before, named again
    if clause.joiner in ("and", ",") and any(
        w.clause.index == clause.index - 1 and w.goal.cue_rx is not None and w.goal.cue_rx.search(clause.words)
        for w in wants
    ):
        return False
    return bool(_ASK_FORM.match(clause.words))


def _names_a_goal(words: str) -> bool:
    """Words that name something to do anywhere in them ("... boxed, and then the boxed version in greyscale")."""
    return any(g.cue_rx is not None and g.cue_rx.search(words.lower()) for g in GOALS)


def _asks_something(passage: str) -> bool:
    """A "passage" that starts by naming a goal ("Then speak the answer.") is an instruction, not a text."""
    words = _LEAD_JOINERS.sub("", passage.lower())[:24]
    return any(g.cue_rx is not None and (m := g.cue_rx.search(words)) and m.start() < 12 for g in GOALS)


_LEAD_JOINERS = re.compile(
    r"^(?:(?:then|and|also|now|please|next|finally|after that|afterwards|after this|once done|once that's done|"
    r"second|secondly|lastly),?\s+)+"
)


# goals that say how a result is given, not what: "tell me out loud what day it is" still asks a question
_WISHES = {"speak", "translate", "draw"}
_INTERROGATIVE = re.compile(
    r"(?:who|whom|whose|what|when|where|which|why|how|is|are|was|were|whether)\b(?! you\b)\s+\w+"
    r"|(?:who|what|where|when|how)'?s\s+\w+"
    r"|(?:(?:can you |please )?(?:tell me|let me know|check|say))\s+(?:if|whether)\s+\w+"
    r"|(?:would|do|did|does) (?:you|u) (?:say|think|reckon|feel)\s+\w+"
    r"|(?:does|do|did)\s+(?:the|this|that|these|those|they|it|he|she|we|both|any|all|my|our|their)\b"
    r"|(?:should|shall|can|could|will|would|may|might|must)\s+(?:i|we|it|he|she|they|this|that|these|those|my|our)\b"
)


def _has_ask_words(c: Clause) -> bool:
    """A short noun phrase ("total?", "the shop name?", "apple pie price on the board?"; not "hm?", "this?",
    "can you help me?")."""
    n = len(c.words.split())
    return (
        (n <= 4 or n <= 8 and not TELLS.match(c.words) and not LOOKS_WRONG.search(c.words))
        and bool(re.search(r"[a-z]{3,}", c.words))
        and not re.fullmatch(r"(?:hi|hey|hello|ok|okay|this|that|it|so)", c.words)
        and not re.search(r"\b(?:you|u|help|please|pls|me|i|we|thanks?)\b", c.words)
    )


def _asking(c: Clause, at: int) -> Want:
    """What a question in the clause's own words asks: a verdict on the text as a whole when it reads as
    one ("and is it friendly?", "is it in French?": which an extracted span cannot give), its words when it
    asks for them, else an answer."""
    # "tell me if it sounds positive": "it sounds positive"; "does the person in this recording like it":
    # where the subject is does not say what is asked of it
    m = argtext.IF_TELL.fullmatch(c.words)
    (best,) = scores([unlocated(_INDIRECT.sub("", m["q"] if m else c.words))])
    if choice := _choice_of(c.words):  # "which one is this clip: sports, business or weather?"
        return Want(choice, c, at, len(c.words), "question")
    # ... or the words of it ("what's written on the shirt?"), which a reading gives whole
    verdict = max((*_VERDICTS, "words"), key=lambda g: best.get(g, 0.0))
    # not a question about what a picture shows ("does she like the dress?": a visual answer, not a verdict)
    asked = max(best.get("ask", 0.0), best.get("ask-visual", 0.0))
    # the clause is known to ask: a verdict it reads nearest of all goals, and clearly nearer than an answer,
    # is asked even below the threshold that says whether words ask at all
    top = max((k for k in best if k), key=lambda k: best[k], default="")
    near = best.get(verdict, 0.0) >= THRESHOLD or top == verdict and best[verdict] >= asked + 2 * AMBIGUOUS
    if near and best[verdict] >= asked + AMBIGUOUS:
        return Want(BY_NAME[verdict], c, at, len(c.words), "meaning", best[verdict])
    return Want(BY_NAME["ask"], c, at, len(c.words), "question")


_WH_ITEM = re.compile(r"(?:what|when|where|who|which|how (?:much|many|long|old|often))\b(?!\s+(?:is|are) (?:it|this)$)")


def _questions(clauses: list[Clause], wants: list[Want], text: str = "") -> list[Want]:
    """A question the request gives (in quotes, or in its own words) that no goal of its clause takes
    asks for an answer; so does one asked in its own words beside a wish for the answer's form."""
    out = list(wants)
    for k, c in enumerate(clauses):
        asked = [i for i in c.inputs if i.kind == "question" and (i.quoted or not presents(c))]
        # "Is 'Donde esta la estacion?' Spanish or Portuguese?": a quote inside the asker's own question is
        # the text asked about, not the question
        asked = [i for i in asked if not (i.quoted and _FRAMED.fullmatch(c.words[: c.where(i)].strip()))]
        # a question in its own words that runs on into a later clause asking it ("running a café is hard -
        # would you call that review positive?"): that clause's ask
        asked = [
            i for i in asked if i.quoted or not any(w.clause.index > c.index and w.clause.start < i.end for w in wants)
        ]
        mine = [w for w in wants if w.clause is c]
        if _META_Q.fullmatch(c.words):  # "is that possible, dear?": about the ask, not a question to answer
            out = [w for w in out if not (w.clause is c and w.goal.name in ASK_GOALS)]
            continue
        if k and not mine and _OR_ELSE.match(c.words) and any(w.clause is clauses[k - 1] for w in out):
            continue  # "same info, or is one of them out of date?": the other half of the question before it
        if not mine and _WHICH_IS_IT.fullmatch(c.words) and any(w.goal.name in _VERDICTS + ("label",) for w in out):
            continue  # "Finnish? Estonian? Which is it?": the choice asked already
        own_words = [i for i in asked if not i.quoted]
        follows = k > 0 and any(w.clause is clauses[k - 1] and w.goal.name in ASK_GOALS for w in out)
        # "for each voicemail I need: - the transcript - what the caller lost": a wh-item of a list of wants
        listed = any(d.words.rstrip().endswith(":") for d in clauses[:k]) and c.joiner in ("then", ",", "and")
        if not asked and not mine and listed and _WH_ITEM.match(c.words) and not presents(c):
            out.append(Want(BY_NAME["ask"], c, 0, len(c.words), "question"))
        elif not asked and not mine and follows and _PREP_WH.match(c.words):
            # "when's my train leaving and from which platform": a second question, asked on its own
            out.append(Want(BY_NAME["ask"], c, 0, len(c.words), "question"))
        elif (
            not mine
            and follows
            and c.joiner in ("and", ",")
            and _FACT_NAMED.fullmatch(c.words)
            and not _names_a_thing(c.words)
        ):
            # "tell me what jam it is + the best before date": one more fact asked of the same thing
            out.append(Want(BY_NAME["ask"], c, 0, len(c.words), "question"))
        elif (
            not asked
            and not mine
            and not presents(c)
            and "?" in text[c.end : c.end + 2]
            and (_has_ask_words(c) or _ANY.match(c.words))
            # not the end of a request put as a question ("could you make a picture of ..., in soft colours?")
            and not _ends_a_request(c, clauses, out)
        ):
            # "total? and the shop name?": a bare noun with its question mark asks for it
            out.append(_asking(c, 0))
        elif (
            not asked
            and not mine
            and _INTERROGATIVE.match(_LEAD_JOINERS.sub("", c.words))
            and not presents(c)
            and not any(i.kind == "question" and i.quoted for i in c.inputs)  # framed: "is 'X?' Spanish?"
            and not (_RELATIVE.match(c.words) and "?" not in text[c.end : c.end + 3])
        ):
            # "who called and when is the meeting": a question without its question mark
            out.append(_asking(c, 0))
        elif (
            not asked
            and mine
            and all(w.goal.name == "speak" for w in mine)
            and (m := argtext.SAID_THE.match(_POLITE_LEAD.sub("", c.words)))
            and not _names_a_thing(m["thing"])
        ):
            # "say the gate number out loud for me": the number found, then spoken
            out.append(Want(BY_NAME["ask"], c, 0, len(c.words), "question"))
        elif not asked and not mine and (choice := _choice_of(c.words)) is not None:
            # "would you file this under — weather, crime or business?": one of the options listed
            out.append(Want(choice, c, 0, len(c.words), "question"))
        elif (
            own_words
            and mine
            and all(w.goal.name in CHANGES - {"segment"} and w.end <= c.where(own_words[0]) for w in mine)
        ):
            # "lighten it up enough to see what time they lock up": the change, then the question of its result
            out.append(_asking(c, c.where(own_words[0])))
        elif not asked and not mine and argtext.POINT_OUT.fullmatch(c.words) and not presents(c):
            # "highlight any dates": what it holds of that kind, asked; "flag anything urgent": whether it is
            # urgent or not, a verdict on the whole text (an extracted span would always find something)
            goal = BY_NAME["label"] if argtext.flagged(c.words) else BY_NAME["ask"]
            out.append(Want(goal, c, 0, len(c.words), "question"))
        elif not asked and not mine and argtext.IF_TELL.fullmatch(c.words):
            # "if it sounds urgent, tell me": the question put before the ask to tell it
            out.append(_asking(c, 0))
        elif (
            not asked
            and not mine
            and (m := _READ_THE.fullmatch(c.words))
            and not _names_a_thing(m["thing"])
            and not presents(c)
        ):
            # "read the times for me": what they are, found and told
            out.append(Want(BY_NAME["ask"], c, 0, len(c.words), "question"))
        elif not asked and not mine and _TELL_THE.match(c.words) and not presents(c):
            # "read this review aloud and tell me the star rating", "pull the phone numbers off it": a thing it
            # holds, asked for (not all its words: the clause names which)
            want = _asking(c, 0)
            out.append(want if want.goal.name != "words" else Want(BY_NAME["ask"], c, 0, len(c.words), "question"))
        elif asked and not mine and not (presents(c) and any(w.goal.name in ASK_GOALS for w in wants)):
            # ("My question is 'X?'. Translate it and answer it": the question given is the later ask's)
            out.append(
                _asking(c, c.where(asked[0]))
                if own_words
                else Want(BY_NAME["ask"], c, c.where(asked[0]), len(c.words), "question")
            )
        elif (
            presents(c)
            and asked
            and all(w.goal.name == "translate" for w in mine)
            and not any(w.goal.name in ASK_GOALS for w in wants)
        ):  # "I have a question in French: '...'": put in English, then asked
            out.append(Want(BY_NAME["ask"], c, len(c.words), len(c.words), "question"))
        elif (
            mine
            and all(w.goal.name == "translate" for w in mine)
            and (_ASKS_IF_IN.search(c.words) or _LANGUAGE_CHOICE.search(c.words) and "translat" not in c.words)
        ):  # "tell me whether it's in French", "is it in Spanish or Portuguese": the language asked, no translation
            out[:] = [w for w in out if w not in mine]
            out.append(Want(BY_NAME["language"], c, 0, len(c.words), "question"))
        elif own_words and mine and all(w.goal.name == "translate" for w in mine) and _HOW_TO_SAY.match(c.words):
            continue  # "how do you say '...' in Japanese?": the translation is the answer
        elif own_words and mine and all(w.goal.name in _WISHES for w in mine):
            # the question asked beside the wish ("tell me out loud what day it is"): what it asks by meaning
            among = {g.name for g in GOALS if g.name not in _WISHES and g.name != "chat"}
            question = own_words[0].value
            if _YES_NO.fullmatch(question.strip()) and any(_IN_LANGUAGE.match(c.words, w.at) for w in mine):
                # "is this note in French?": the language asked about, not a wish for a translation
                out[:] = [w for w in out if not (w in mine and _IN_LANGUAGE.match(c.words, w.at))]
                out.append(Want(BY_NAME["language"], c, 0, len(c.words), "question"))
                continue
            # what is asked, without the wish's words ("what does this say | in French": its words)
            question = (
                _IN_LANGUAGE.sub("", question.strip(" ?.!"))
                if any(w.goal.name == "translate" for w in mine)
                else question
            )
            goal, score, _ = by_meaning([question], among)[0]
            goal = goal if goal is not None and score >= REACH_FLOOR else BY_NAME["ask"]
            out.append(Want(goal, c, c.where(own_words[0]), len(c.words), "question"))
    out.sort(key=lambda w: (w.clause.index, w.at))
    return out


_OF_A_TEXT = {"language", "sentiment", "label", "emotion", "entities", "speak", "summarize", "similarity"}


def _one_reading(wants: list[Want]) -> list[Want]:
    """One want where a clause reads as two but means one."""
    # "how do you say '...' in Japanese": the language named is the one to translate into, not asked about
    translated = {w.clause.index for w in wants if w.goal.name == "translate"}
    # ... nor "our new player's dad only speaks German" (a fact told) beside a translation asked elsewhere
    wants = [
        w
        for w in wants
        if not (
            w.goal.name == "language"
            and w.evidence != "cue"
            and (w.clause.index in translated or translated and not _ASKS_WHICH.search(w.clause.words))
        )
    ]
    # "write me a firm but polite reply": one written reply, not a reply written and a chat reply beside it
    written = {w.clause.index for w in wants if w.goal.name == "write" and w.evidence == "cue"}
    wants = [w for w in wants if not (w.goal.name == "chat" and w.clause.index in written)]
    # "write a two-line summary of it": the summary, written (no other text written first); so is "write a short
    # description of what's in it" (of the picture there is; with none, `_reachable` makes it a text written)
    named = {
        w.clause.index for w in wants if w.goal.name in ("summarize", "translate", "describe") and w.evidence == "cue"
    }
    wants = [w for w in wants if not (w.goal.name == "write" and w.clause.index in named)]
    # "count how many walkers are in it": the count the detection gives, no question beside it
    counted = {w.clause.index for w in wants if w.goal.name == "detect"}
    wants = [
        w
        for w in wants
        if not (w.goal.name == "ask" and w.clause.index in counted and _HOW_MANY.match(w.clause.words, w.at))
    ]
    # "write both out": the words written out, inside which "write" names no new text
    wants = [
        w
        for w in wants
        if not (
            w.goal.name == "write"
            and any(o.goal.name == "words" and o.clause is w.clause and o.at <= w.at < o.end for o in wants)
        )
    ]
    # "are these two basically the same question?": a comparison, its noun no question of its own
    compared = {w.clause.index for w in wants if w.goal.name == "similarity"}
    wants = [w for w in wants if not (w.goal.name == "ask" and w.evidence == "cue" and w.clause.index in compared)]
    # "make this photo look like a cartoon": one change, named by its effect (not a restyle, then an edit)
    looks = [w for w in wants if w.goal.name == "restyle" and LOOK_LIKE.match(w.clause.words, w.at)]
    wants = [
        w
        for w in wants
        if not any(
            # ("look like an old faded one from the seventies, sepia sort of thing": the sepia named after it)
            o.goal.name == "edit" and o.clause is w.clause and 0 <= o.at - w.end
            for o in wants
            if w in looks
        )
    ]
    # ("look like an old faded one from the seventies, | sepia sort of thing": the fragment names the same change)
    wants = [
        w for w in wants if not (w.goal.name == "edit" and any(_same_change_again(o.clause, w.clause) for o in looks))
    ]
    edits = [w for w in wants if w.goal.name in ("edit", "restyle")]
    wants = [
        w
        for w in wants
        if not (
            w in edits
            and any(o.clause is not w.clause for o in edits)
            and (
                # "the printer only does black and white, so turn it into greyscale": a fact told, the change asked
                _TOLD_FACT.match(w.clause.words)
                # "make it look like a cartoon. only the cartoon effect": the change named again, to restrict it
                or _ONLY.match(w.clause.words)
                and any(o.clause.index < w.clause.index for o in edits)
            )
        )
    ]
    # "for my reel I need the words read out: flip it, get the text off it, then make an audio clip of that text":
    # the aim named before the colon is the last of the steps listed after it
    wants = [
        w
        for w in wants
        if not (
            0 <= w.at < w.clause.words.find(":")
            and any(o.goal is w.goal and o.clause.index > w.clause.index for o in wants)
            and any(o.clause is w.clause and o.at > w.clause.words.find(":") for o in wants)
        )
    ]
    # "Quick question about my tenancy. ... how much notice do I have to give?": the question announced, then asked
    wants = [
        w
        for w in wants
        if not (
            w.goal.name == "ask"
            and _ANNOUNCED.fullmatch(w.clause.words)
            and any(o.goal.name in ASK_GOALS and o.clause.index > w.clause.index for o in wants)
        )
    ]
    # "why did it save this upside down?? fix it": a fault told as a question, mended by the change after it
    return [
        w
        for w in wants
        if not (
            w.evidence == "question"
            and LOOKS_WRONG.search(w.clause.words)
            and any(o.clause.index == w.clause.index + 1 and o.goal.name in CHANGES for o in wants)
        )
    ]


def _same_change_again(said: Clause, then: Clause) -> bool:
    """ "look like an old faded one, | sepia sort of thing": a short fragment after a comma names the same change."""
    return then.index == said.index + 1 and then.joiner == "," and len(then.words.split()) <= 5


_ANNOUNCED = re.compile(
    r"(?:(?:hi|hello|hey|so|ok|okay)\W+)*(?:(?:a|one|quick|small|little|simple|silly|stupid|two|few|a few)\s+)+"
    r"questions?(?:\s+(?:about|on|re|regarding|for|from)\b.*)?"
)
_ASKS_WHICH = re.compile(r"\?|\b(?:what|which|tell|know|is it|is this|is that|whether|if)\b")
_HOW_MANY = re.compile(r"how many\b")
_ONLY = re.compile(r"(?:but\s+)?(?:only|just)\s+(?:the|a|that)\b")
# a thing's habit told in the third person ("(for the magazine:) the printer only does black and white now", "my
# phone camera mirrors the selfies")
_TOLD_FACT = re.compile(
    r"(?:[^:]*:\s*)?(?:the|our|my|their|his|her)\s+(?:[a-z]+\s+){1,2}(?:only\s+|just\s+|can\s+only\s+)?"
    r"(?:does|do|(?!(?:needs|wants|is|was|has|looks|seems)\b)[a-z]+s)\b"
)


def _drawn_or_changed(wants: list[Want], inputs: list[_Input]) -> list[Want]:
    """A drawing and a change of look asked in one clause are one of them: the change of the picture given
    ("draw me a cartoon version of my cat" with its photo), else the drawing ("paint a green tractor")."""
    drawn = {w.clause.index for w in wants if w.goal.name == "draw"}
    changed = {w.clause.index for w in wants if w.goal.name in ("edit", "restyle")}
    if any(i.kind == "file" and i.modality == "image" for i in inputs):
        return [w for w in wants if not (w.goal.name == "draw" and w.clause.index in changed)]
    return [w for w in wants if not (w.goal.name in ("edit", "restyle") and w.clause.index in drawn)]


def _quoted_messages(clauses: list[Clause], wants: list[Want]) -> list[Want]:
    """ "My friend sent me this message: 'Bugun hava cok guzel, parka gidelim mi?' Which language is it?", "what
    language is this? 'Dzien dobry, jak sie masz?'": a question quoted in a clause that presents it, or on its
    own, is the text asked about, not a question to answer, when the rest of the request only asks things of a
    text."""
    for c in clauses:
        others = [w for w in wants if w.clause is not c]
        alone = c.words.strip(" .!?") == "this question"
        if not (presents(c) or alone) or not others or not all(w.goal.name in _OF_A_TEXT for w in others):
            continue
        if re.search(r"\b(?:question|query|ask)", c.words.replace("this question", "")):
            continue  # "I have a question: '...?'": a question it is
        for i in c.inputs:
            if i.kind == "question" and i.quoted:
                i.kind = "quote"
        if alone:  # its placeholder's word "question" asked nothing
            wants = [w for w in wants if not (w.clause is c and w.goal.name in ASK_GOALS)]
    return wants


_THOSE_OPTIONS = re.compile(
    r"\bwhich (?:one )?of (?:those|these|them|the (?:two|three|four|five|options|categories|piles|folders))\b"
    r"|\bwhich (?:category|pile|folder|tray|box|group|section|label)\b"
    rf"|\bthe (?:right|correct) {OPTION_NOUN}\b"
    rf"|{WHICHEVER_FITS}|{SORT_THIS}|{WHICH_IT_GOES}"
)


def _pointed_labels(clauses: list[Clause], wants: list[Want]) -> list[Want]:
    """ "Every call gets one of these tags: billing, fault, cancellation. Tag this one with whichever fits": a
    label asked with the options listed in another clause is the choice among them; where that clause asks
    the choice already ("I sort them into three piles: ...", "... put it in the right pile"), it is one ask."""
    out = list(wants)
    for w in wants:
        if w.goal.name != "label" or argtext.labels(w.clause.words) or not _THOSE_OPTIONS.search(w.clause.words):
            continue
        listed = [c for c in clauses if c is not w.clause and argtext.labels(c.words)]
        before = [c for c in listed if c.index < w.clause.index]
        source = before[-1] if before else (listed[0] if listed else None)
        if source is None:
            continue
        out.remove(w)
        if not any(o.clause is source and o.goal.name not in ASK_GOALS for o in out):
            out.append(Want(_choice_among(argtext.labels(source.words)), source, 0, len(source.words), "question"))
    return sorted(out, key=lambda w: (w.clause.index, w.at))


def _choices(wants: list[Want], clauses: list[Clause] | None = None) -> list[Want]:
    """A clause that lists options to pick from ("cooking, travel or finance - what's this episode about?")
    asks which one, whatever else its words read as (here a summary): one want, the choice. A question beside
    a clause that lists them ("how cross are they? happy, meh or furious", "... piles - bills, school things or
    health. In which pile goes this one?") asks that choice, on the clause with the options."""
    for c in clauses or []:
        mine = [w for w in wants if w.clause is c]
        pointed = bool(_THOSE_OPTIONS.search(c.words)) and all(w.evidence in ("meaning", "question") for w in mine)
        if not (pointed and mine or any(w.goal.name in ASK_GOALS for w in mine)) or argtext.labels(c.words):
            continue
        beside = [n for n in clauses if abs(n.index - c.index) == 1 and argtext.labels(n.words)]
        if not beside and _THOSE_OPTIONS.search(c.words):  # "which of those three it goes under": listed before
            beside = [n for n in reversed(clauses[: c.index]) if argtext.labels(n.words)][:1]
        # (a list item whose own words ask the choice, "- a category (refund, complaint, ...)", leaves the next item
        # be: "- what the caller lost")
        item = c.joiner == "then" and all(n.joiner == "then" for n in beside)
        if beside and not any(
            w.clause is beside[0] and (w.goal.name not in QUESTION_GOALS or w.evidence == "cue" and item) for w in wants
        ):
            listed = beside[0]
            wants = [w for w in wants if w.clause not in (c, listed)]
            choice = Want(_choice_among(argtext.labels(listed.words)), listed, 0, len(listed.words), "question")
            wants = sorted([*wants, choice], key=lambda w: (w.clause.index, w.at))

    # a cue inside the options is one of them ("refund request, delivery question, or praise"), no ask
    def in_options(w: Want) -> bool:
        options = argtext.labels(w.clause.words)
        if not options or w.goal.name in ("label", "sentiment", "language"):
            return False
        items = options.split(", ")
        start = w.clause.words.rfind(items[0])
        end = w.clause.words.find(items[-1], max(start, 0)) + len(items[-1])
        return 0 <= start <= w.at < end

    wants = [w for w in wants if not (w.evidence == "cue" and in_options(w))]
    out: list[Want] = []
    for w in wants:
        choice = _choice_of(w.clause.words) if w.goal.name in QUESTION_GOALS else None
        if choice is None and w.goal.name == "label" and (options := argtext.labels(w.clause.words)):
            choice = _choice_among(options)  # "classify it as positive or negative": the sentiment
        if choice is None:
            # (the sentiment its cue reads beside that choice is the same ask)
            if not any(o.clause is w.clause and o.goal is w.goal and o.evidence == "question" for o in out):
                out.append(w)
        elif not any(o.clause is w.clause for o in out):
            out.append(Want(choice, w.clause, w.at, w.end, "question"))
    return out


def _ordered(wants: list[Want]) -> list[Want]:
    """Request order, except where the request says otherwise ("X after making it brighter", "but first,
    Y", "(do Y first)"), and inside a clause where a goal works on what a later one makes ("read aloud the
    summary of it": the summary first)."""
    out = list(wants)
    # "what does this card say?? its upside down sorry": the picture is turned back before anything reads it
    turned = [w for w in out if w.goal.name == "edit" and w.evidence != "cue" and told_turned(w.clause.words)]
    out = turned + [w for w in out if w not in turned]
    for w in list(out):  # "..., but first translate it", "remove the background after brightening it"
        if w.clause.joiner in ("after", *DONE_FIRST) or _FIRST.search(w.clause.words[w.at :]):
            earlier = [o for o in out if o.clause.index < w.clause.index or o.clause is w.clause and o.at < w.at]
            if earlier:
                k = out.index(earlier[-1] if w.clause.joiner == "after" else earlier[0])
                if w.clause.joiner == "after":
                    k = out.index(next(o for o in out if o.clause is earlier[-1].clause))
                out.remove(w)
                out.insert(k, w)
    for w in list(out):  # "read me the answer please - which floor is ...?": spoken once it is answered
        if w.goal.name not in _WISHES:
            continue
        k = out.index(w)
        named = [
            o
            for o in out[k + 1 :]
            if o.clause is not w.clause
            and o.goal.names_rx is not None
            and o.goal.names_rx.search(w.clause.words, w.at)
            and not any(e.goal is o.goal for e in out[:k])
        ]
        if named:
            out.remove(w)
            out.insert(out.index(named[0]) + 1, w)
    asks = [w for w in out if w.goal.name in ASK_GOALS]
    for w in list(out):  # "check my answer. Question: ...": compared once the question is answered
        checks = w.goal.name == "similarity" and CHECKS_ANSWER.search(w.clause.words)
        if checks and asks and out.index(asks[-1]) > out.index(w):
            out.remove(w)
            out.insert(out.index(asks[-1]) + 1, w)
    i = 0
    while i < len(out) - 1:
        a, b = out[i], out[i + 1]
        # "a summarized answer", "a translated summary": the participle's goal works on the noun's result
        attributive = (
            a.clause is b.clause
            and _PARTICIPLE.fullmatch(a.clause.words[a.at : a.end])
            and (
                0 < b.at - a.end <= 1
                or b.goal.names_rx is not None
                and b.goal.names_rx.match(a.clause.words, a.end + 1) is not None
            )
        )
        # "keep the outlines of it but generate a new picture from them": a drawing after a map is drawn from it
        conditioned = a.goal.name in _MAP_GOALS and b.goal.name == "draw"
        # "an edge map of the skater cut out": the cut-out first, the map of it
        postpositive = (
            a.clause is b.clause and b.goal.name in CHANGES and bool(_OF_THE.fullmatch(a.clause.words[a.end : b.at]))
        )
        feeds = _feeds(b, a) and (not _feeds(a, b) or attributive or postpositive)
        if a.clause is b.clause and feeds and not conditioned:
            out[i], out[i + 1] = b, a
        i += 1
    return out


_OF_THE = re.compile(r"\s*(?:of|for) (?:the|this|that|my|his|her|their|our) [\w-]+(?: [\w-]+)?\s*")
_MAP_GOALS = {"edges", "soft-edges", "pose", "depth"}  # maps of a picture a drawing can be conditioned on
_PARTICIPLE = re.compile(r"\w+(?:ed|en)")
_FIRST = re.compile(r"\bfirst\W*\)?\s*$|^\W*first\b")


def _feeds(a: Want, b: Want) -> bool:
    """Can `a`'s result be what `b` works on, as it is? Speech made here is not transcribed back inside one clause
    ("say what's written here out loud": the words are found, then spoken)."""
    if a.goal.name == "speak" and b.goal.name == "words":
        return False
    made = {m for t in a.goal.tasks.values() for m in _outputs(t)}
    return bool(made & set(b.goal.tasks))


def _outputs(task: str) -> tuple[str, ...]:
    return registry.get(task).outputs


def _owners(clauses: list[Clause], wants: list[Want]) -> dict[int, list[_Input]]:
    """Which want each input of a clause belongs to: the nearest one whose cue comes before it (or the
    first, for inputs before every cue)."""
    owners: dict[int, list[_Input]] = {}
    for c in clauses:
        mine = sorted((w for w in wants if w.clause is c), key=lambda w: w.at)
        for i in c.inputs:
            if not mine:
                continue
            at = c.where(i)
            before = [w for w in mine if w.at <= at]
            owner = before[-1] if before else mine[0]
            owners.setdefault(id(owner), []).append(i)
    return owners


def _chat(text: str, clauses: list[Clause], wants: list[Want], inputs: list[_Input]) -> Reading:
    """A request that asks for a reply, not a task: nothing to plan for chit-chat; otherwise a chat
    reply (an LLM's), or the files given and nothing asked of them."""
    files = [i for i in inputs if i.kind == "file"]  # (a greeting with no file was answered in `read`)
    if files and not wants:
        names = ", ".join(f.value.rsplit("/", 1)[-1] for f in files)
        plan = Plan([])
        plan.unplanned = [f"I could not tell what to do with {names}: say what you want done with it."]
        return Reading(clauses, wants, plan, [Fate(c, "unplanned", why=plan.unplanned[0]) for c in clauses])
    task = Task(0, "conversational", {"text": text})
    fates = [Fate(c, "planned", [0]) for c in clauses]
    return Reading(clauses, wants, Plan([task]), fates)


def _plan(steps: list[Step], routes: list[Route], also_asked: set[int] = frozenset()) -> Plan:
    tasks = []
    for s in steps:
        deps = sorted({int(v[len(GENERATED) :]) for v in s.args.values() if v.startswith(GENERATED)})
        tasks.append(Task(s.id, s.task, dict(s.args), tuple(deps)))
    return Plan(tasks, routes=routes, asked=[s.id for s in steps if s.goal is not None or s.id in also_asked])
