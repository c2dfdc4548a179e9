"""Inputs of a request: file names (named or uploaded), quoted text, questions asked without quotes,
and the geometry of the text (clauses and sentences) the other stages read spans by."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...types import MEDIA_EXTENSIONS, media_kind

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
# "s' " followed by lowercase words is a plural possessive ("the States' space race"), not a closing quote
_QUOTE = re.compile(
    r"\"([^\"]+)\"|“([^”]+)”|‘([^’]+)’|(?<![\w])'(.+?)(?:(?<!s)|(?<=s)(?!'\s+[a-z]+\s+[a-z]))'(?![\w])", re.S
)
_UNQUOTED_Q = re.compile(
    r"(?:question(?: is)?\s*:\s*|tell me\s+)"
    r"((?:who|what|when|where|which|why|how|is|are|does|do|can)\b(?! (?:kind|class|category|type)\b)[^?\"']{3,200}\?)",
    re.I,
)
# "What is the longest river?" as a sentence of its own (not "Can you ...?")
_DIRECT_Q = re.compile(
    r"(?:^|[.!?]\s+|(?<=\s{3}))((?:what|who|whom|whose|when|where|which|why|how)\b(?! similar)[^?.!\"]{3,200}\?)", re.I
)
# "I want to know who wrote it." -> "Who wrote it?"
_INDIRECT_Q = re.compile(
    r"\b(?:know|find out|ask)\s+((?:who|what|when|where|why|how many|how much|how far)\b"
    r"(?! (?:kind|class|category|type))[^?\"'.;]{3,200})[.?]",
    re.I,
)
_LANGS = (
    "english french spanish german chinese japanese korean italian portuguese russian arabic hindi dutch "
    "swedish turkish greek polish vietnamese thai indonesian hebrew mandarin cantonese latin"
).split()
_COLORS = "red|blue|green|yellow|white|black|purple|orange|pink|brown|gr[ae]y|golden|silver"

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


def find_inputs(text: str, has_files: bool = False) -> tuple[list[_Input], str]:
    """Files, quotes and unquoted questions with their spans, and the text with quotes blanked out."""
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
            kind = "question" if value.endswith("?") else "quote"
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
            found.append(_Input("question", q, "text", m.start(1), m.end(1), False))
    if not any(i.kind == "question" for i in found):
        for m in _INDIRECT_Q.finditer("".join(masked)):
            q = m.group(1).strip()
            found.append(_Input("question", q[0].upper() + q[1:] + "?", "text", m.start(1), m.end(1), False))
    found.sort(key=lambda i: i.start)
    return found, "".join(masked).lower()


_BOUNDARY = re.compile(r"[.;!?](?:\s|$)|,\s|\band\b|\bthen\b|\bfinally\b|\bafter that\b|\balso\b|\blastly\b")


def _clause(masked: str, pos: float) -> tuple[int, int]:
    """The clause around `pos`: between the boundaries before and after it."""
    pos = max(0, int(pos))
    start = 0
    for b in _BOUNDARY.finditer(masked, 0, pos):
        start = b.end()
    nxt = _BOUNDARY.search(masked, pos + 1)
    return start, (nxt.start() if nxt else len(masked))


def _sentence(masked: str, pos: float) -> tuple[int, int]:
    """The sentence around `pos` (sentence ends outside quotes, which are blanked)."""
    pos = max(0, int(pos))
    start = 0
    for b in re.finditer(r"[.!?](?:\s|$)", masked[:pos]):
        start = b.end()
    nxt = re.search(r"[.!?](?:\s|$)", masked[pos:])
    return start, (pos + nxt.end() if nxt else len(masked))


def _sentence_text(text: str, pos: int) -> str:
    """The sentence of the original text around `pos` (quotes are blanked only in the masked copy)."""
    _, masked = find_inputs(text)
    s0, s1 = _sentence(masked, max(pos, 0))
    return text[s0:s1].strip() or text
