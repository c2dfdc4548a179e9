"""Inputs of a request: file names (named or uploaded), quoted text, questions asked without quotes, and
the parts of a short request (what it asks, the passage it asks it of, a question about the passage)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...types import MEDIA_EXTENSIONS, media_kind
from .goals import GOALS

# documents a request may name as text input; media extensions are types.MEDIA_EXTENSIONS' one table
DOCUMENT_EXTENSIONS = (".txt", ".md", ".csv", ".json", ".pdf", ".doc", ".docx")
_EXTS = sorted(
    {e.lstrip(".") for exts in MEDIA_EXTENSIONS.values() for e in exts} | {e.lstrip(".") for e in DOCUMENT_EXTENSIONS},
    key=len,
    reverse=True,
)


def file_modality(name: str) -> str:
    """The modality of a file input: image, audio or video by types.media_kind, else text."""
    return media_kind(name) or "text"


# one run of path characters ending in a known extension (a flat pattern: no nested repeats to backtrack)
_FILE = re.compile(r"(?<![\w~/.-])([\w~/.-]*[\w~-]\.(" + "|".join(_EXTS) + r"))(?![\w])", re.I)
# single quotes: an opening ' never follows a letter (I'd, company's) and a closing one never precedes one;
# "s' " followed by lowercase words, or by one and a later closing quote ("two months' notice. ...'"), is a plural
# possessive ("the States' space race"), not a closing quote
_QUOTE = re.compile(
    r"\"([^\"]+)\"|“([^”]+)”|‘([^’]+)’"
    r"|(?<![\w])'(.+?)(?:(?<!s)|(?<=s)(?!'\s+[a-z]+(?:\s+[a-z]|[^'\n]*'(?!\w))))'(?![\w])",
    re.S,
)
_UNQUOTED_Q = re.compile(
    r"(?:question(?: is)?\s*:\s*|tell me\s+)"
    r"((?:who|what|when|where|which|why|how|is|are|does|do|can)\b(?! (?:kind|class|category|type)\b)[^?\"']{3,200}\?)",
    re.I,
)
# "What is the longest river?" as a sentence of its own (not "Can you ...?")
_DIRECT_Q = re.compile(
    r"(?:^|(?<=[.!?,:])\s+(?:(?:and|but|also|then)\s+)?|(?<=\s{3})|(?<=\s[-–—])\s+)((?:(?:till|until|by|from|since|"
    r"before|after|at|in|on|for|to)\s+)?(?:what|who|whom|whose|when|where|which|why|how|"
    r"(?:is|are|was|were|does|do|did|has|have|can|could|will|would|should)(?!\s+(?:you|u)\b))\b(?! similar)"
    r"(?:(?!,\s*(?:and|then|but|also)\b)[^?.!\"]){3,200}(?:\?|(?=,\s*(?:and|then|but|also)\b[^?]*\?)))",
    re.I,
)
# "..., say just that time": the next ask
_NEXT_ASK = r"(?:and|then|say|tell|read|give|please|so|also|spoken|out loud|aloud)\b"
# "... when the flour is arriving and say it back to me": an ask joined by "and" ends the question
_AND_ASK = r"\s+and\s+(?:then\s+)?(?:say|tell|read|give|send|translate|summari[sz]e|speak|play)\b"
# "I want to know who wrote it." -> "Who wrote it?"
_INDIRECT_Q = re.compile(
    # (not a purpose: "... so i know who to forward it to")
    r"(?<!\bso i )(?<!\bso we )(?<!\bso that i )(?<!\btrying to )(?<!\btry to )"
    r"\b(?:know|find out|ask|tell me(?:\s+\w+){0,2}?|let me know|say(?:\s+(?:out loud|aloud|to me|back))?"
    r"|flag(?:\s+up)?|point out|find(?=\s+(?:when|where|what|who|which|how)\b)"
    r"|(?:work|worked|figure|figured|find|found) out(?:\s+(?:from|in|on)\s+[\w' ]{1,40}?)?"
    r"|check(?:\s+(?:that|the|this|it)(?:\s+\w+){0,2}\s+for)?|(?:to|can|could) (?:see|tell|read)"
    r"|read(?:\s+(?:me|us))?(?:\s+(?:out|aloud))?(?:\s+to me)?)\s+"
    # (not "who to ask", "what to do": the asker's own next step)
    r"((?:who|what|when|where|why|which|how (?:many|much|far|long|tall|big|old|often|heavy|wide))\b(?!\s+to\s)"
    r"(?! (?:kind|class|category|type))(?:(?!,?\s+but\s|,\s+" + _NEXT_ASK + r"|\s[+&]\s|" + _AND_ASK + r")"
    r"(?:[^?\"'.;]|(?<=\w)'(?=\w)))"
    r"{3,200})(?:[.?]|,?\s+but\s|,\s+" + _NEXT_ASK + r"|\s[+&]\s|" + _AND_ASK + r"|$)",
    re.I,
)
_WONDER_Q = re.compile(
    r"\b(?:wonder(?:ing)?|(?:want|need|like|have) to know|(?:am|i'm) curious|(?:am|i'm) not sure|work(?:ing)? out"
    r"|figur(?:e|ing) out|find(?:ing)? out)\s+(?:if|whether)\s+"
    r"(?P<q>(?:[^?\"'.;]|(?<=\w)'(?=\w)){3,200})",
    re.I,
)
GREETING = re.compile(
    r"^\W*(hi|hello|hey|good (morning|afternoon|evening)|thanks?( you)?|thank you( very much| so much)?|"
    r"bye|goodbye|how are you( doing)?|who are you|what can you do|what is your name|nice to meet you|ok(ay)?|"
    r"cool|great)\b[\w\s,!?.']{0,40}$",
    re.I,
)


@dataclass
class _Input:
    kind: str  # file | quote | question
    value: str
    modality: str
    start: int
    end: int
    quoted: bool = True  # False: a question the request asks in its own words (no quotes)


_TITLE_BEFORE = re.compile(r"\b(?:a|an|the|my|our|their|his|her|this|that)\s*$", re.I)
_TITLE_AFTER = re.compile(
    r"\s*(?:post|video|series|segment|column|thread|piece|article|game|quiz|challenge|campaign|episode|round|feature"
    r"|section|reel|story|blog)\b",
    re.I,
)


def find_inputs(text: str, has_files: bool = False) -> list[_Input]:
    """Files, quotes and unquoted questions with their spans, in order."""
    found: list[_Input] = []
    masked = list(text)
    for m in _QUOTE.finditer(text):
        i = next(g for g in range(1, 5) if m.group(g) is not None)
        value = m.group(i).strip()
        masked[m.start() : m.end()] = " " * (m.end() - m.start())
        fm = _FILE.fullmatch(value)
        if fm:
            found.append(_Input("file", value, file_modality(value), m.start(), m.end()))
        elif value:
            # "doing a 'dupe or not?' post": a title a noun follows, not a question asked
            title = _TITLE_BEFORE.search(text, 0, m.start()) and _TITLE_AFTER.match(text, m.end())
            kind = "title" if title else "question" if value.endswith("?") else "quote"
            found.append(_Input(kind, value, "text", m.start(), m.end()))
    masked_s = "".join(masked)
    for m in _FILE.finditer(masked_s):
        found.append(_Input("file", m.group(1), file_modality(m.group(1)), m.start(), m.end()))
        masked[m.start() : m.end()] = " " * (m.end() - m.start())
    masked_s = "".join(masked)
    if not any(i.kind == "question" for i in found):
        for m in _UNQUOTED_Q.finditer(masked_s):
            q = m.group(1).strip()
            found.append(_Input("question", q[0].upper() + q[1:], "text", m.start(1), m.end(1), False))
            masked[m.start(1) : m.end(1)] = " " * (m.end(1) - m.start(1))
    if not any(i.kind == "question" for i in found) and (found or has_files):
        for m in _DIRECT_Q.finditer("".join(masked)):
            q = text[m.start(1) : m.end(1)].strip()
            q = q if q.endswith("?") else q + "?"  # a question that ends where the next ask begins
            found.append(_Input("question", q, "text", m.start(1), m.end(1), False))
    if not any(i.kind == "question" for i in found):
        for m in _INDIRECT_Q.finditer("".join(masked)):
            q = m.group(1).strip()
            found.append(_Input("question", q[0].upper() + q[1:] + "?", "text", m.start(1), m.end(1), False))
    if not any(i.kind == "question" for i in found):
        for m in _WONDER_Q.finditer("".join(masked)):  # "I'm wondering whether we'd still get in": a yes/no one
            q = m["q"].strip()
            found.append(_Input("question", q[0].upper() + q[1:] + "?", "text", m.start("q"), m.end("q"), False))
    found.sort(key=lambda i: i.start)
    return found


# ---- the parts of a short request: what it asks, the passage it asks it of, a question about it ------

_SENTENCE = re.compile(r"[^.!?]+(?:[.!?]+|$)")
# a statement about the world ("The museum opens at ten.", "We stayed three nights."), not an ask: it starts
# with a subject, not with a verb, a request or a question word, and the speaker presents nothing with it
_STATEMENT = re.compile(
    r"^(?:the|a|an|our|his|her|their|its|we|they|he|she|there|these|those|[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*)\s+(?!user\b)",
)
_NOT_STATEMENT = re.compile(
    r"\b(?:please|can you|could you|would you|i want|i'd like|i would like|i'd love|i would love|i need|help me"
    r"|tell me)\b|^(?:i|my)\b",
    re.I,
)
# the words an ask starts with (question words, "please", imperative verbs)
ASK_START = (
    r"what|who|whom|whose|when|where|which|why|how|is|are|do|does|did|can|could|would|will|should|please|"
    r"tell|give|read|say|summari[sz]e|translate|transcribe|describe|draw|make|write|find|show|list|check|compare|"
    r"classify|detect|count|cut|remove|turn|convert|speak|answer|explain|let|draft|compose|create|generate|"
    r"produce|paint|sketch|design|suggest|prepare|send|reply|respond|crop|rotate|flip|brighten|add|fix|edit|"
    r"change|play|listen|look|identify|extract|pull|copy|type|sum|boil|shorten|help|come up|put"
)
ASK_WORDS = re.compile(rf"^(?:{ASK_START})\b", re.I)


def statements(text: str) -> str:
    """The run of plain statements a text-only request gives beside its ask ("The museum is open from 10
    to 6. Which day is it closed?"): the passage the ask is about, or "" when there is none or no ask."""
    sentences = [m.group(0).strip() for m in _SENTENCE.finditer(text) if m.group(0).strip()]
    plain = [
        bool(_STATEMENT.match(x) and not ASK_WORDS.match(x) and not _NOT_STATEMENT.search(x) and x[-1:] != "?")
        for x in sentences
    ]
    if all(plain) or not any(plain):
        return ""
    runs, run = [], []
    for x, p in zip(sentences, plain, strict=True):
        if p:
            run.append(x)
        elif run:
            runs.append(run)
            run = []
    if run:
        runs.append(run)
    best = max(runs, key=lambda r: sum(len(x.split()) for x in r))
    return " ".join(best) if sum(len(x.split()) for x in best) >= 6 else ""


_OPENS_QUESTION = re.compile(
    r"(?:who|whom|whose|what|when|where|which|why|how|is|are|was|were|does|do|did)\b[^?]*\?", re.I
)
def _asks_listed(head: str, body: str) -> bool:
    """ "Three things please: tell me ..., write ...", "For the attached letter: (a) read it, (b) ...": asks
    listed after a colon whose lead asks nothing itself (after "Translate this:" the words are the text)."""
    lead = re.split(r"(?<=[.!?])\s+", head.strip())[-1]
    lead = re.sub(r"^(?:(?:and|then|also|so|now)\s+)+", "", lead, flags=re.I)
    item = re.sub(r"^\s*(?:\(?[a-z1-9][.)]|[-*•])\s*", "", body)
    return not ASK_WORDS.match(lead) and bool(ASK_WORDS.match(item))


_LABELLED = re.compile(r"^\s*(?:context|passage|text)\s*:\s*(?P<ctx>.+?)\s*question\s*:\s*(?P<q>.+?)\s*$", re.I | re.S)
# (an apostrophe inside a word, "I've", "museum's", or after the s of a plural's possessive, "the parents' email",
# is no quote)
_APOSTROPHE = r"(?<=\w)'(?=\w)|(?<=\ws)'(?=\s)"
_COLON = re.compile(rf"^(?P<head>(?:[^:\"'“‘]|{_APOSTROPHE}){{3,300}}?):\s+(?P<body>\S.*)$", re.S)
_LEAD_Q = re.compile(rf"^(?P<head>(?:[^?\"'“‘]|{_APOSTROPHE}){{3,200}}\?)\s+(?P<body>[A-Z\"'“‘].{{8,}})$", re.S)
# "Give me the key points of the following paragraph. <passage>"
_LEAD_SENT = re.compile(
    r"^(?P<head>[^.!?:\"'“‘]{3,120}\b(?:following|this|these|the text below)\b"
    r"(?!\s+(?:morning|afternoon|evening|week|weekend|month|year|time|summer|winter|spring|autumn))"  # "this morning"
    r"[^.!?:]{0,40}[.!])\s+(?P<body>\S.{15,})$",
    re.S | re.I,
)
_TAIL_Q = re.compile(
    r"^(?P<body>.{15,}?[.!])\s+(?P<head>(?:who|whom|whose|what|when|where|which|why|how)\b[^.!?]{3,200}\?)\s*$",
    re.S | re.I,
)


_HERE_IS = re.compile(
    r"^(?P<head>.{8,300}?)[\s,.;:-]+(?:here(?:'s| is| are)|this is)\s+(?:the|some|my|our)\s+(?:info|information|details"
    r"|text|times|timetable|hours|notice|message|letter|email|note)\b\s*:?\s*(?P<body>\S.{20,})$",
    re.S | re.I,
)
# the ask after the text, pointing back at it (the ask holds no blank line)
_BEFORE_BLANK = re.compile(r"^(?P<body>\S.{30,}?)\s*\n[ \t]*\n\s*(?P<head>(?:(?!\n[ \t]*\n).){3,400})$", re.S)
_ABOVE = re.compile(
    r"^\s*\^|\b(?:the above|above (?:text|message|email|note|minutes|post|paragraph)|all (?:that|of that))\b", re.I
)
# (the head may run over several lines, but holds no blank one)
_AFTER_BLANK = re.compile(r"^(?P<head>(?:(?!\n[ \t]*\n).){3,600}?)\s*\n[ \t]*\n\s*(?P<body>\S[^\n].{30,})$", re.S)


_POINTS = re.compile(r"\b(?:it|this|that|them|these|those|me|us|you|u)\b", re.I)


def _trailing_asks(body: str) -> tuple[str, str]:
    """A passage and the questions or asks that follow it ("<times>. When's the last bus? say it out loud"); an
    aside in brackets at its end ("(Clear voice, nothing fancy.)") is the asker's, not the passage's."""
    aside = ""
    if m := re.search(r"\s*\([^()]{3,200}\)\s*$", body):
        body, aside = body[: m.start()], m.group(0).strip()
    if not body.strip():
        return aside, ""
    sentences = [x for x in _SENTENCE.findall(body) if x.strip()]
    k = len(sentences)
    def asks(sentence: str) -> bool:  # "Then read the German out loud."
        plain = re.sub(r"^(?:and|then|also|now|so|finally|after that|next)\b[\s,]*", "", sentence.strip(), flags=re.I)
        # (or "Run speech-to-text on it, then compare ...": an ask after "then" makes the sentence one of asks)
        after_then = re.split(r",?\s*\b(?:and then|then)\b\s*", plain, flags=re.I)[1:]
        if sentence.strip().endswith("?"):
            return True
        # (an ask names a goal or what it works on: "Please bring shin pads and boots." is the text's own line)
        return any(ASK_WORDS.match(x) for x in [plain, *after_then]) and bool(
            _POINTS.search(plain) or any(g.cue_rx is not None and g.cue_rx.search(plain.lower()) for g in GOALS)
        )

    while k > 1:
        if asks(sentences[k - 1]):
            k -= 1
        elif k > 2 and len(sentences[k - 1].split()) <= 12 and asks(sentences[k - 2]):
            k -= 1  # "... What language would that be? Need it for the catalogue": a remark after the ask
        else:
            break
    return "".join(sentences[:k]).strip(), " ".join(x for x in ("".join(sentences[k:]).strip(), aside) if x)


@dataclass
class Parts:
    instruction: str  # what is asked, without the passage it is about
    passage: str = ""  # an unquoted text the request is about ("Summarize this: ...")
    question: str = ""  # a question asked about the passage
    marked: bool = True  # the passage is set off (a label, a colon, a blank line), not only a sentence apart


_PASSAGE_LABEL = re.compile(
    r"\b(?:passage|context|text|article|review|email|e-mail|message|comment|feedback|complaint|post)\s*:\s*"
    r"(?P<ctx>[^\"'“‘].{15,}?)\s*(?=\bquestion\s*:|$)",
    re.I | re.S,
)


def split_parts(text: str, quotes: list[str]) -> Parts:
    """The instruction, the passage and the question of a short request."""
    if m := _LABELLED.match(text):
        q = m["q"].strip()
        return Parts(q, m["ctx"].strip(), q[0].upper() + q[1:])
    if m := _PASSAGE_LABEL.search(text):  # "... Passage: <text>" after the ask
        passage, asks = _trailing_asks(m["ctx"])
        if asks:  # "Context: <text>. When does it open? Translate the answer": the asks end the passage
            question = next((x.strip() for x in _SENTENCE.findall(asks) if x.strip().endswith("?")), "")
            return Parts(f"{text[: m.start()].strip()} {asks}".strip(), passage, question)
        return Parts(text[: m.start()].strip(), m["ctx"].strip())
    if not quotes and (m := _HERE_IS.match(text)):  # "... on saturday here is the info the centre is open ..."
        return Parts(m["head"].strip(), m["body"].strip())
    if not quotes and (m := _BEFORE_BLANK.match(text)) and _ABOVE.search(m["head"]) and "?" not in m["body"]:
        # "<minutes of a meeting>\n\nCan you squash the above into two lines?": the text pasted before the ask
        return Parts(m["head"].strip(), m["body"].strip())
    if not quotes and (m := _AFTER_BLANK.match(text)) and not _OPENS_QUESTION.match(m["body"]):
        # "boil it down and say it to me\n\n<passage>": the text pasted after a blank line
        return Parts(m["head"].strip(), m["body"].strip())
    if not quotes:
        # "answer this: what year was it finished? <passage>": a question after the colon is no passage
        m = _COLON.match(text)
        if m and not _OPENS_QUESTION.match(m["body"]) and not _asks_listed(m["head"], m["body"]):
            passage, asks = _trailing_asks(m["body"])
            if asks:  # "Bus times: <times>. When's the last bus? say it out loud": the asks end the passage
                question = next((x.strip() for x in _SENTENCE.findall(asks) if x.strip().endswith("?")), "")
                return Parts(f"{m['head'].strip()}: {asks}", passage, question)
            return Parts(m["head"].strip(), m["body"].strip())
        if m := _LEAD_Q.match(text):
            return Parts(m["head"].strip(), m["body"].strip(), marked=False)
        if m := _LEAD_SENT.match(text):
            return Parts(m["head"].strip(), m["body"].strip(), marked=False)
        if m := _TAIL_Q.match(text):
            return Parts(m["head"].strip(), m["body"].strip(), m["head"].strip(), marked=False)
    return Parts(text)
