"""A request cut into clauses: the spans between sentence ends, commas and joining words.

Syntax only, no phrasings: quotes and file names are found first (`inputs`) and stand in the clause as
typed placeholders ("this image", "this text"), so that a quote's own words ("Translate 'say hi'") never
read as part of the ask, and a sentence end inside a quote never splits a clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .inputs import ASK_START, ASK_WORDS, _Input

# where one ask ends and the next begins: a sentence end, a semicolon, a comma,
# and the words that join clauses ("and", "then", "also", "after that", "finally"...)
_BOUNDARY = re.compile(
    # a new line, with the marker of a numbered or bulleted list after it ("\n2) box the faces"), a list
    # marker at the start or inside a line ("1) read this 2) tell me ..."): each item is a clause
    r"\s*\n[\s\n]*(?:\(?\d{1,2}[.)]\s+|[-*•]\s+)?|^\s*\(?\d{1,2}[.)]\s+|(?<=\s)\(?\d{1,2}\)\s+"
    r"|(?:^|(?<=\s))\([a-h]\)\s+"  # "(a) read it, (b) file it ...": lettered items too
    r"|[.!?;](?=\s|$)"
    # a dash, "+" or "&" between words ends a clause too ("these two notes - are they ...", "... + whats it say"),
    # and so does an emoji ("... the shop sign 🙄 mirror it back")
    r"|,(?=\s)|(?<=\s)[-–—+&]+(?=\s)|\s*(?:->|=>|→|>>)\s*"  # "receipt -> total -> out loud": one after another
    r"|\s*[\U0001F300-\U0001FAFF\u2600-\u27BF]+(?:\s+|$)"
    # ("what i then typed": "then" between a subject and its verb tells when, it joins nothing)
    r"|\s(?:and then|and also|and finally|and|then(?<!\bi then)(?<!\bwe then)(?<!\bhe then)(?<!\bshe then)"
    r"(?<!\bthey then)|also|afterwards|after that|finally|lastly|plus|as well as|"
    # ("the best before date", "I look after the dog": a phrase, no joiner)
    r"but first|before that|once done|once that is done"
    r"|(?<!\bnot\s)(?<!\blook\s)(?<!\blooks\s)(?<!\blooking\s)(?<!\bi'm\s)(?<!\bwe're\s)(?<!\bam\s)after(?! that\b)"
    r"|(?<!\bbest\s)before(?! that\b))(?=\s)"
    # "next" joins asks, but "the next train" names a thing
    r"|(?<!\bthe)(?<!\ba)(?<!\bthis)(?<!\bthat)(?<!\bmy)(?<!\byour)(?<!\bour)(?<!\btheir)\snext(?=\s)",
    re.I,
)
# where an unpunctuated request starts its next ask: "... the chemist left could you write ...", "... two voicemails
# this afternoon are they asking ..." (not after a word that begins the same question: "what are they", "or is it")
_PUNCTUATED = re.compile(r"[.,;:!?]")
_RUN_ON = re.compile(
    r"(?P<before>[\w']+)\s(?=(?:could|can|would|will) (?:you|u)\b|(?:are|is|was|were|do|does|did) (?:they|these|those"
    r"|the two|both|it|he|she)\b"
    # "... in the pic which gate am i meant to use": a question of its own, its verb after its wh-phrase
    r"|(?:which|what|where|when|who|how)\s+(?:\w+\s+){0,2}?(?:am|is|are|do|does|did|can|should|shall|will|was|were)"
    r"\s+(?:i|we|you|they|he|she|it)\b)",
    re.I,
)
_SAME_QUESTION = re.compile(  # words after which an auxiliary continues one question ("what are they", "or is it")
    r"or|and|if|so|but|what|how|who|why|when|where|which|whether|that|wonder|know|tell|ask|see|say|what's|how's|"
    r"where's|who's|not|never|also|then|me|us|out|check|guess|idea",
    re.I,
)
_WH_NEAR = re.compile(r"\b(?:what|which|how|who|whose|where|when|why)\b", re.I)
# "tag every person, company and place": the last of a list of single words, not a new ask
_LISTED_BEFORE = re.compile(r"\b(?:every|each|all|any|both)\s+[a-z]+,\s*[a-z]+\s*$", re.I)
_ONLY_JOINERS = re.compile(
    r"\s*(?:(?:and|then|also|afterwards|after that|before that|before this|before anything else|first of all|"
    r"finally|lastly|next|first|firstly|second|secondly|plus|"
    r"additionally|moreover|furthermore|besides|now|so|please)\W*)+\s*",
    re.I,
)
_NEXT_SENTENCE = re.compile(r"[\"'”’]?\s+[A-Z]")
# ... or an ask in lower case ("... 'Kommst du heute Abend?' which language is that?")
_ASK_NEXT = re.compile(
    r"[\"'”’]?\s+(?:which|what|who|how|is|are|does|do|can|could|please|tell|translate|say|read)\b", re.I
)


# "between X and", "both X and": the "and" joins two things ("both recordings and" is a whole phrase)
# ("transcribe both and ...": "both" is the object, and "and" joins two asks)
# ("which places and names come up": two things one question asks for)
_PAIR = re.compile(
    r"\bbetween\b(?!.*\band\b)|\bboth\b(?=\s+\S)(?!.*\band\b)(?!\s+\w+s\s*$)|^\W*(?:which|what)\s+[a-z]+s\s*$"
    r"|^\W*(?:who|what|when|where|which|why|how)\s*$",  # "who and where gets mentioned": one question
    re.I,
)
_LEAD = re.compile(
    r"(?:based on|using|according to|with|from|given|after|once|for|in|on|regarding|about|as for)\b", re.I
)
_TRAIL = re.compile(r"(?:using|with the|with this|with my|based on|according to)\b", re.I)
_PLACEHOLDER = {"image": "this image", "audio": "this recording", "video": "this video", "text": "this text"}
# any placeholder a clause's words may hold (see `placeholder`), as a pattern
PLACEHOLDERS = "this (?:" + "|".join(sorted({*(v.split()[1] for v in _PLACEHOLDER.values()), "file", "question"})) + ")"


@dataclass
class Clause:
    """One clause: its span in the request, its words (placeholders for quotes and files, lower case) and
    the inputs written inside it."""

    index: int
    start: int
    end: int
    text: str  # the request's own words (quotes included)
    words: str  # lower case, quotes and files as placeholders
    joiner: str  # the boundary before it: "", ".", ",", "and", "then"...
    inputs: list[_Input] = field(default_factory=list)
    at: dict[int, int] = field(default_factory=dict)  # id(input) -> where its placeholder starts in `words`
    presenting: bool | None = None  # it presents a file or text and asks nothing (set by `reading`)

    def where(self, i: _Input) -> int:
        """Where an input of this clause sits in its words (0 when it has no placeholder)."""
        return self.at.get(id(i), 0)


def placeholder(i: _Input) -> str:
    if i.kind == "file":
        return _PLACEHOLDER.get(i.modality, "this file")
    if i.kind == "title":  # "a 'dupe or not?' post": a name, no text to work on
        return "the title"
    return "this question" if i.kind == "question" else "this text"


def _words(text: str, a: int, b: int, inputs: list[_Input]) -> tuple[str, dict[int, int]]:
    """The clause text[a:b] in lower case with its quotes and file names as placeholders, and where each
    placeholder (or unquoted question) starts in it."""
    out, at, pos = "", {}, a

    def add(chunk: str) -> None:
        nonlocal out
        words = " ".join(chunk.lower().split())
        if words:
            out = f"{out} {words}" if out else words

    for i in sorted((i for i in inputs if a <= i.start < b), key=lambda i: i.start):
        add(text[pos : i.start])
        at[id(i)] = len(out) + (1 if out else 0)
        if i.quoted:  # an unquoted question keeps its own words
            add(placeholder(i))
            pos = min(b, i.end)
        else:
            pos = i.start
    add(text[pos:b])
    return out, at


def _between_inputs(a: int, b: int, inputs: list[_Input], text: str) -> bool:
    """The word at a..b sits between the end of one given thing and the start of another."""
    ends = {i.end for i in inputs if i.start >= 0}
    starts = {i.start for i in inputs if i.start >= 0}
    before = len(text[:a].rstrip(" ,"))
    after = b + (len(text[b:]) - len(text[b:].lstrip()))
    return before in ends and after in starts


_ASK_VERB = re.compile(
    r"\b(?:tell|give|show|read|find|make|say|translate|summari[sz]e|transcribe|write|count|list|describe|detect"
    r"|classify|convert|generate|create|draw|answer|compare|extract)\s+(?:me|us|it|this|that|them|the|all|every)\b",
    re.I,
)


def _lead_phrases_joined(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """A phrase that leads into the clause after its comma ("Based on the edited image, find the cars")
    is part of that clause; one that trails after a comma ("..., using a.jpg as the document") is part of
    the clause before."""
    out: list[tuple[int, int, str]] = []
    k = 0
    while k < len(spans):
        a, b, j = spans[k]
        # (not "in this order: turn it upright, ...": the words after its colon are its own clause)
        lead = text[a:b].strip()
        # (nor "from that tell me the code please, ...": a lead with its own ask is a clause)
        if (
            k + 1 < len(spans)
            and spans[k + 1][2] == ","
            and _LEAD.match(lead)
            and not re.search(r":\s*\S", lead)
            and not _ASK_VERB.search(lead)
        ):
            out.append((a, spans[k + 1][1], j))
            k += 2
            continue
        if out and j == "," and _TRAIL.match(text[a:b].strip()):  # "answer it, using a.jpg as the page"
            out[-1] = (out[-1][0], b, out[-1][2])
            k += 1
            continue
        out.append((a, b, j))
        k += 1
    return out


# word pairs that are one thing ("make it black and white")
_BINOMIALS = {("black", "white"), ("salt", "pepper"), ("pros", "cons"), ("bed", "breakfast"), ("rock", "roll")}


def _binomial(plain: str, a: int, b: int) -> bool:
    before = re.search(r"(\w+)\s*$", plain[:a])
    after = re.match(r"\s*(\w+)", plain[b:])
    return bool(before and after and (before[1].lower(), after[1].lower()) in _BINOMIALS)


_LAST_WORD = re.compile(r"\s*([a-z]+)\s*(?:[.!?;,]|$)", re.I)


def _one_word_pair(plain: str, start: int, a: int, b: int) -> bool:
    """ "... come across as warm and happy?": one word after "and" that ends the sentence, and is no verb
    of an ask ("transcribe it and summarize."), pairs with the word before it."""
    m = _LAST_WORD.match(plain, b)
    if m is None or len(plain[start:a].split()) < 2:
        return False
    from .goals import GOALS  # the words that name an ask (goals imports nothing of this module)

    return not any(g.cue_rx is not None and g.cue_rx.search(m[1].lower()) for g in GOALS)


_NUMBERED = re.compile(r"\(?\d{1,2}[.)]")
_MARKER = re.compile(r"[-*•]")


def _joiner(boundary: str, at: int) -> str:
    """The joining word a boundary stands for: a list item follows the one before ("then"), a new line
    ends a sentence."""
    word = boundary.strip().lower()
    last = word.split()[-1] if word else ""
    if _NUMBERED.fullmatch(last) or re.fullmatch(r"\([a-h]\)", last) or "\n" in boundary and _MARKER.fullmatch(last):
        return "then" if at > 0 else ""
    if not word and "\n" in boundary:
        return "."
    if word in ("+", "&"):
        return "and"
    if _EMOJI.fullmatch(word):
        return "."
    return word


_EMOJI = re.compile(r"[\U0001F300-\U0001FAFF\u2600-\u27BF]+")


# a short list of options that ends with "or" ("sport, politics or food?", "tech, health or money:")
_OPTIONS_AFTER = re.compile(
    r"\s*(?:[\w'-]+(?: [\w'-]+)?(?:,\s*[\w'-]+(?: [\w'-]+)?)*,?\s+)?or\s+[\w'-]+(?: [\w'-]+)?\s*(?:[?:!.,—–-]|$)"
)
_OPTIONS_ONLY = re.compile(r"\s*[\w'-]+(?: [\w'-]+)?(?:,\s*[\w'-]+(?: [\w'-]+)?)*,?\s+or\s+[\w'-]+(?: [\w'-]+)?\s*")
_ITEM_BEFORE = re.compile(
    r"(?:^\s*|[,:—–-]\s*|\b(?:in|into|under|as|among|between|either|is|are|be)\s+)[\w'-]+(?: [\w'-]+)?\s*$"
)


# "one of these tags: billing, technical fault, cancellation.": a list a colon opens, its items a word or two
# each (not asks: "three things: read it, translate it")
_ITEM = rf"(?:or\s+)?(?!(?:{ASK_START})\b)[\w'-]+(?: (?!(?:{ASK_START})\b)[\w'-]+){{0,2}}"
_COLON_LIST_BEFORE = re.compile(rf":\s*(?:{_ITEM},\s*)*{_ITEM}\s*$", re.I)
_COLON_LIST_AFTER = re.compile(rf"\s*(?:{_ITEM},\s*)*{_ITEM}\s*(?:[.;!?\n]|$)", re.I)


_A_WORD = re.compile(r"\b(?:a|an)\s+[a-z]+$", re.I)  # "... a short", "... an angry" before a comma
# what starts a clause of its own after a comma: an ask, a joining word, a pronoun, a number or a quote
_NEW_PART = re.compile(
    rf"\s*(?:(?:{ASK_START})\b|(?:and|then|also|but|so|or|i|we|you|u|it|he|she|they|this|that|these"
    r"|those|not|no|just|in|on|at|for|with|from|by|as|to|if|because|since|thanks?|cheers|ta)\b|[\d\"'“‘(])",
    re.I,
)


def _in_options(plain: str, start: int, a: int, b: int) -> bool:
    """The comma or dash at a..b is inside (or opens) a list of options: a short item before a comma, and
    more short items after it that end with "or"; a dash followed by such a list; or a comma inside a list
    that a colon opens."""
    if plain[a] in ", " and _COLON_LIST_BEFORE.search(plain, start, a) and _COLON_LIST_AFTER.match(plain, b):
        return True
    if not _OPTIONS_AFTER.match(plain, b):
        return False
    return plain[a] != "," or bool(_ITEM_BEFORE.search(plain[start:a]))


def _in_brackets(plain: str, at: int) -> bool:
    """Is `at` inside a bracket opened and closed on its line, that lists three or more things?"""
    opened = plain.rfind("(", 0, at)
    closed = plain.find(")", at)
    line_end = plain.find("\n", at)
    return (
        plain.count(",", opened, closed) >= 2
        and opened > plain.rfind(")", 0, at)
        and opened > plain.rfind("\n", 0, at)
        and closed > 0
        and (line_end < 0 or closed < line_end)
        and closed - opened < 200
    )


def split(text: str, inputs: list[_Input]) -> list[Clause]:
    """The clauses of `text`, in order; empty spans are skipped. Inputs are attached to the clause they
    start in."""
    blank = list(text)  # quotes and file names blanked: a "." or "and" inside them is no boundary
    for i in inputs:
        if i.start >= 0 and i.quoted:
            blank[i.start : i.end] = ["_"] * (i.end - i.start)
    plain = "".join(blank)
    spans: list[tuple[int, int, str]] = []
    start, joiner = 0, ""
    # a quote that ends its sentence ("... Peru." What is ...) ends the clause too
    ends = [
        (i.end, i.end, ".")
        for i in inputs
        if i.quoted and i.value[-1:] in ".!?" and (_NEXT_SENTENCE.match(text, i.end) or _ASK_NEXT.match(text, i.end))
    ]
    marks = sorted([(m.start(), m.end(), m.group(0)) for m in _BOUNDARY.finditer(plain)] + ends)
    if not _PUNCTUATED.search(plain):  # dictated, no punctuation: a new ask starts at its own verb
        runs = [
            m
            for m in _RUN_ON.finditer(plain)
            if not _SAME_QUESTION.fullmatch(m["before"])
            # "what emotion are they showing", "which of the two is it": the question's own words before it
            and not _WH_NEAR.search(" ".join(plain[: m.end("before")].split()[-3:]))
        ]
        marks = sorted(marks + [(m.end("before"), m.end(), " ") for m in runs])
    for a, b, word in marks:
        if a < start:
            continue
        if word.strip() in (",", "and", "or") and _in_brackets(plain, a):
            continue  # "a category (lost property, refund, complaint)": the options in brackets, one clause
        if word.strip() in (",", "-", "–", "—", "and") and _in_options(plain, start, a, b):
            continue  # "sport, politics or food?", "would this go in — sport, ...": options, not asks
        if word.strip() == "," and _A_WORD.search(plain, start, a) and not _NEW_PART.match(plain, b):
            continue  # "write me a short, polite reply": two words of one thing, not two asks
        if word.strip() in ("-", "–", "—", ":") and _OPTIONS_ONLY.fullmatch(plain, start, a):
            continue  # "cooking, travel or finance - what's it about?": the options and their question
        if word.strip().lower() == "and" and (
            _PAIR.search(plain[start:a])
            or _between_inputs(a, b, inputs, text)
            or _one_word_pair(plain, start, a, b)
            or _binomial(plain, a, b)
            or _LISTED_BEFORE.search(plain, 0, a)
        ):
            continue  # "between X and Y", "both X and Y", "'X' and 'Y'", "warm and happy?" join two things
        spans.append((start, a, joiner))
        start, joiner = b, _joiner(word, a)
        if joiner == "after" and ASK_WORDS.match(plain[b:].lstrip()) and not re.match(r"\s*\w+ing\b", plain[b:]):
            joiner = "then"  # "first make it brighter, after count the faces": afterwards, not "after doing X"
    spans.append((start, len(plain), joiner))
    spans = _lead_phrases_joined(text, spans)
    clauses: list[Clause] = []
    carry = ""  # a span of joining words only ("Then," of "Then, read it"): it joins the next clause
    for a, b, j in spans:
        if not text[a:b].strip(" \t\n'\"()[]-:"):
            continue
        if _ONLY_JOINERS.fullmatch(text[a:b]):
            carry = (carry + " " + text[a:b].strip().lower()).strip()
            continue
        j, carry = (carry or j), ""
        inside = [i for i in inputs if i.start >= 0 and a <= i.start < b]
        words, at = _words(text, a, b, inside)
        clauses.append(Clause(len(clauses), a, b, text[a:b].strip(), words, j, inside, at))
    for c in clauses:
        if text[c.end : c.end + 3].lstrip().startswith("?") and not c.inputs:
            c.presenting = False  # "... and it is happy news or not happy news for me?": a question
    return clauses
