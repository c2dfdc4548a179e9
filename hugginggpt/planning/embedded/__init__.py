"""The embedded offline planner: a request becomes a HuggingGPT task plan without any LLM.

It reads the request the way a careful human would: it finds the inputs (file names, uploaded files,
quoted text, an unquoted question), finds the phrases that ask for a task ("transcribe", "estimate the
depth", "classify ..."), orders them as the request tells them, and wires each task's arguments to the
file, the quote or the output of an earlier task (`<GENERATED>-k`) by modality, using the task
registry's inputs and outputs and back-references such as "the edited image" or "the summary".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ... import tasks as registry
from ...types import GENERATED

# ---- inputs: files and quotes ------------------------------------------------------------------

_EXT = {
    "image": "jpg jpeg png gif bmp tiff tif svg ico webp",
    "audio": "wav mp3 wma ogg aac flac aiff au m4a",
    "video": "mp4 avi mov flv wmv mkv webm m4v mpg mpeg",
    "text": "txt md csv json pdf doc docx",
}
_EXT_MOD = {e: m for m, exts in _EXT.items() for e in exts.split()}
# one run of path characters ending in a known extension (a flat pattern: no nested repeats to backtrack)
_FILE = re.compile(r"(?<![\w~/.-])([\w~/.-]*[\w~-]\.(" + "|".join(_EXT_MOD) + r"))(?![\w])", re.I)
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


def _find_inputs(text: str, has_files: bool = False) -> tuple[list[_Input], str]:
    """Files, quotes and unquoted questions with their spans, and the text with quotes blanked out."""
    found: list[_Input] = []
    masked = list(text)
    for m in _QUOTE.finditer(text):
        i = next(g for g in range(1, 5) if m.group(g) is not None)
        value = m.group(i).strip()
        masked[m.start() : m.end()] = " " * (m.end() - m.start())
        fm = _FILE.fullmatch(value)
        if fm:
            found.append(_Input("file", value, _EXT_MOD[fm.group(2).lower()], m.start(), m.end()))
        elif value:
            kind = "question" if value.endswith("?") else "quote"
            found.append(_Input(kind, value, "text", m.start(), m.end()))
    masked_s = "".join(masked)
    for m in _FILE.finditer(masked_s):
        found.append(_Input("file", m.group(1), _EXT_MOD[m.group(2).lower()], m.start(), m.end()))
        masked[m.start() : m.end()] = " " * (m.end() - m.start())
    masked_s = "".join(masked)
    if not any(i.kind == "question" for i in found):
        for m in _UNQUOTED_Q.finditer(masked_s):
            q = m.group(1).strip()
            found.append(_Input("question", q[0].upper() + q[1:], "text", m.start(1), m.end(1)))
            masked[m.start(1) : m.end(1)] = " " * (m.end(1) - m.start(1))
    if not any(i.kind == "question" for i in found) and (found or has_files):
        for m in _DIRECT_Q.finditer("".join(masked)):
            q = text[m.start(1) : m.end(1)].strip()
            found.append(_Input("question", q, "text", m.start(1), m.end(1)))
    if not any(i.kind == "question" for i in found):
        for m in _INDIRECT_Q.finditer("".join(masked)):
            q = m.group(1).strip()
            found.append(_Input("question", q[0].upper() + q[1:] + "?", "text", m.start(1), m.end(1)))
    found.sort(key=lambda i: i.start)
    return found, "".join(masked).lower()


# ---- task triggers --------------------------------------------------------------------------

# abstract triggers are resolved to a task by the modality they apply to
_CLASSIFY, _ENHANCE, _QUESTION, _TO_TEXT, _DESCRIBE = "@classify", "@enhance", "@question", "@to-text", "@describe"

_L = "|".join(_LANGS)
_NON_EN = "|".join(x for x in _LANGS if x != "english")
_DET = r"(?:(?:an?|the|this|that|its|their|my|some|new|more|short|brief|detailed|final)\s+)*"
_TRIGGERS: list[tuple[str, str]] = [
    (
        "token-classification",
        r"token[- ]classif\w*|named[- ]entit\w*|\bentit(?:y|ies)\b|parts?[- ]of[- ]speech|\bpos[- ]tag\w*|\bner\b"
        r"|\b(?:tag|label|classif\w*)\s+(?:the\s+|all\s+)?(?:words|tokens)|names of (?:people|persons|places)",
    ),
    ("translation", rf"translat\w*|\b(?:into|to)\s+(?:{_L})\b|\bin\s+(?:{_NON_EN})\b"),
    (
        "summarization",
        r"summar\w*|\bshort(?:er|en)?\b[^.;]{0,15}\b(?:version|summary)|\bconcise|\bkey points|\btl;?dr|\bcondens\w*",
    ),
    (
        "conversational",
        r"conversational|\b(?:have|hold|start|generate|continue|create)\w*\s+(?:a\s+|an?\s+\w+\s+)?conversation"
        r"|conversation (?:response|reply)|\bchat\w*|\bdiscuss\w*|\bdialog\w*|\brespond\b|\breply\b|\bconverse\b",
    ),
    (
        "text-generation",
        r"text[- ]generation|\b(?:generat|creat|writ|produc|compos)\w*\s+"
        + _DET
        + r"(?:\w+\s+)?(?:text|paragraph|story|essay|poem|article|content|continuation)s?\b"
        r"|\bwrite\b|\bcontinue\b|\bexpand\w*|\bparaphras\w*|\bcomplete the (?:text|sentence)"
        r"|\b(?:need|want|like)\s+(?:a|an|some)\s+(?:(?:new|short|brief)\s+(?:text|paragraph|story|essay|poem)\b"
        r"|(?:text|paragraph|story|essay|poem)\s+(?:about|on)\b)"
        r"|\b(?:additional|more comprehensive|more detailed) (?:\w+ )?text",
    ),
    ("sentence-similarity", r"sentence similarity|\bsimilar\w*|\bcompar\w*|\bhow close"),
    (
        "tabular-classification",
        r"tabular|\b(?:image|picture|photo|scan\w*)\s+(?:\S+\s+)?of\s+(?:a\s+|the\s+)?table|containing\s+(?:a\s+|the\s+)?table"
        r"|table image",
    ),
    (
        "object-detection",
        r"object detection|\bdetect\w*|\bbounding box\w*|\bwhat objects"
        r"|\b(?:identify|find|locate|recogni[sz]e|label|list|count)\w*\s+(?:and\s+label\s+)?(?:all\s+|the\s+|other\s+|any\s+)*"
        r"(?:\w+\s+)?objects?\b",
    ),
    (
        "image-to-text",
        r"image[- ]to[- ]text|\bocr\b|\bextract\w*\s+(?:the\s+|all\s+|any\s+)?(?:text|words)"
        r"|\bread\w*\s+(?:the\s+)?text"
        r"|\bcaption\w*",
    ),
    (
        "text-to-image",
        r"text[- ]to[- ]image|\b(?:generat|creat|draw|produc|render|design|make|paint)\w*\s+"
        + _DET
        + r"(?:(?!segment|edit|modif|enhanc|output|depth|transform)\w+\s+)?"
        r"(?:image|picture|illustration|drawing|painting|photo|artwork|thumbnail|poster|logo)s?\b"
        r"|\b(?:image|picture|photo|illustration)s?\s+(?:\w+\s+)?(?:generated|created|drawn|produced)\b(?! by)"
        r"|\bvisuali[sz]ation of|\billustrat\w*|\bartistic interpretation",
    ),
    ("text-to-video", r"text[- ]to[- ]video|\bvideos?\b|\banimation\b"),
    (
        "image-to-image",
        r"image[- ]to[- ]image|\bstyles?\b|\btransform\w*\s+(?:the\s+|this\s+|my\s+|\w+ed\s+)*(?:image|picture|photo)"
        r"|\b(?:look|appear)\w*\s+(?:like|as)|\bappearance\b|\bsuper[- ]resolution|\bupscal\w*"
        r"|\b(?:enhanc|improv|sharpen|restor)\w*\s+(?:the\s+|this\s+|its\s+)?(?:\w+\s+)?(?:image|picture|photo|resolution)",
    ),
    (
        "image-editing",
        r"image editing|\bedit\w*|\bmodif\w*"
        r"|\b(?:chang|transform|alter|adjust)\w*\b[^.;]{0,50}?\b(?:colou?r|background|to (?:" + _COLORS + r"))"
        r"|\b(?:make|turn|paint)\w*\b[^.;]{0,30}?\b(?:" + _COLORS + r")\b"
        r"|\b(?:add|remov|replac|eras|insert)\w*\b[^.;]{0,30}\b(?:to|from|in|on|onto)\s+(?:the|this|my)\s+(?:image|picture|photo)"
        r"|\bcolou?rs? more vivid",
    ),
    (
        "image-segmentation",
        r"segment\w*|\bdivid\w*[^.;]{0,40}\b(?:segments|regions|parts)|\bseparate (?:regions|segments)|\bmasks?\b",
    ),
    ("depth-estimation", r"\bdepth\b|\bhow far\b|\bdistances? (?:from|to) the camera"),
    (
        "text-to-speech",
        r"text[- ]to[- ]speech|\btts\b|\b(?:convert|turn|transform|change)\w*\b[^.;]{0,40}?\b(?:into|to|as)\s+"
        r"(?:an?\s+)?(?:[\w-]+\s+){0,2}(?:speech|audio|voice|spoken)"
        r"|\b(?:provide|give|return|send)\s+(?:me|us)\s+(?:with\s+)?an?\s+audio\b"
        r"|\bspeech\s+(?:audio\s+)?from\s+(?:the\s+|this\s+)?(?:following\s+|given\s+)?text"
        r"|\bread\w*\b[^.;]{0,40}?\b(?:aloud|out loud)"
        r"|\b(?:audio|spoken|voice)\s+(?:answer|response|version|summary|reply)"
        r"|\bnarrat\w+|\bsynthesi[sz]\w*|\b(?:generat|creat|produc)\w*\s+"
        + _DET
        + r"(?:\w+\s+)?(?:audio|speech|voice)\b"
        r"|\bin audio format|\bspeak\b|\bpronounc\w*"
        r"|^\s*(?:please\s+)?say\b(?=\s*(?::|$))",  # 'say "..."' (quote blanked out) as a command: speak it
    ),
    (
        "automatic-speech-recognition",
        r"transcri\w*|speech[- ]to[- ]text|speech recognition|\bstt\b|\bdecode\w*\s+the\s+(?:audio|speech|recording)"
        r"|what (?:is|was) (?:said|spoken)|\brecogni[sz]\w*\s+(?:the\s+)?speech",
    ),
    (
        "audio-to-audio",
        r"audio[- ]to[- ]audio|\b(?:enhanc|improv|clean|denois)\w*[^.;]{0,30}?\b(?:audio|speech|sound|voice|recording)"
        r"|\b(?:reduc|remov|separat|suppress|clean)\w*[^.;]{0,30}?\bnoise|\bnoise (?:reduction|removal|suppression)"
        r"|\bnoisy\b|\bsource separation|\bclear(?:er)? (?:voice|audio|sound)|\baudio quality",
    ),
    ("text-classification", r"\bsentiment\b"),
    ("audio-classification", r"audio classification|\bcommands?\b|\bemotions?\b|\bspeaker identification"),
    (
        _CLASSIFY,
        r"\bclassif(?:y|ying|ies)\b|\bclassified\b(?!\s+(?:text|image|audio|response|result|label|output|data|content))"
        r"|\bcategori[sz]\w*|\bwhich (?:class|category)|\bwhat (?:class|category|kind of)"
        r"|\bmain category|\bbelongs? to|\b(?:know|tell me|find|get) (?:the|its) (?:category|class)\b",
    ),
    (
        _ENHANCE,
        r"\b(?:enhanc|improv|upscal|sharpen|restor|clean)\w*\b[^.;]{0,25}?\b(?:quality|resolution|clarity)"
        r"|\b(?:low|poor|bad) (?:in )?quality",
    ),
    (
        _QUESTION,
        # "a response to the following question" asks for a conversation, not an answer
        r"(?<!response to the following )(?<!response to the )(?<!respond to the following )\bquestions?\b"
        r"|\bfind (?:out )?(?:the )?answer"
        r"|\banswer (?:my|the|this) (?:query|question)|\bhow many\b|\bhow far\b|\bwhat colou?r\b",
    ),
    (
        _TO_TEXT,
        r"\b(?:convert|turn|change|transform)\w*\b[^.;]{0,40}?\b(?:into|to)\s+(?:a\s+)?(?:text|textual|written)\b",
    ),
    (
        _DESCRIBE,
        r"\b(?:generat|giv|get|provid|produc|creat|writ)\w*\s+(?:me\s+)?"
        + _DET
        + r"(?:textual\s+|text\s+|descriptive\s+)?(?:descripti\w+|caption)|\bdescribe\b|\bdescriptive text",
    ),
    # ControlNet conditions (HuggingGPT's planner prompt): a map extracted from an image
    (
        "canny-control",
        r"\bcanny\b|\bedge[- ]?(?:map|detect\w*)|\b(?:extract|find|detect|get|draw)\w*\s+(?:the\s+)?edges\b",
    ),
    ("hed-control", r"\bhed\b|\bsoft edges?\b|\bholistic edges?\b"),
    ("mlsd-control", r"\bmlsd\b|\bstraight lines\b|\bline segments\b"),
    ("normal-control", r"\bnormal map\b|\bsurface normals\b"),
    ("openpose-control", r"\bopenpose\b|\b(?:body |human )?pose (?:map|skeleton|estimation)\b|\bskeleton\b"),
]
_COMPILED = [(t, re.compile(p)) for t, p in _TRIGGERS]
_CONTROLS = ("canny", "hed", "mlsd", "normal", "openpose")

_MOD_NOUNS = {
    "image": r"\b(?:image|picture|photo\w*|scene|table|scan|screenshot|drawing|painting|segments?)\b",
    "audio": r"\b(?:audio|speech|recording|voice|sound|song|music|podcast|speaker)\b",
    "text": r"\b(?:text|article|sentence|paragraph|summary|answer|transcript\w*|response|labels?|words|tokens|"
    r"caption|description|document|report|story)\b",
}

# back-references: a noun phrase naming the output of an earlier task
_BACKREFS: list[tuple[str, tuple[str, ...]]] = [
    (r"\banswers?\b", ("question-answering", "visual-question-answering", "document-question-answering")),
    (r"\b(?:response|reply|conversation)\b", ("conversational",)),
    (r"\bsummar(?:y|ized|ised)\b", ("summarization",)),
    (r"\btranslat(?:ed|ion)\b", ("translation",)),
    (r"\btranscri(?:pt|bed|ption)\w*", ("automatic-speech-recognition",)),
    (r"\b(?:caption|extracted text)\b", ("image-to-text",)),
    (
        r"\b(?:classified|classification|category|label)\b",
        (
            "image-classification",
            "audio-classification",
            "tabular-classification",
            "text-classification",
            "token-classification",
        ),
    ),
    (r"\b(?:entities|tokens|tagged)\b", ("token-classification",)),
    (r"\b(?:generated|new) (?:text|story|paragraph)\b", ("text-generation",)),
    (r"\bsimilarity\b", ("sentence-similarity",)),
    (r"\b(?:edited|modified|changed)\b", ("image-editing",)),
    (r"\b(?:generated|created) (?:image|picture)\b", ("text-to-image",)),
    (r"\bsegment(?:ed|s)\b", ("image-segmentation",)),
    (r"\bdepth\b", ("depth-estimation",)),
    (r"\bdetected\b|\bbounding boxes\b", ("object-detection",)),
    (r"\b(?:enhanced|cleaned|clearer|improved) (?:audio|speech|sound|recording)\b", ("audio-to-audio",)),
    (r"\b(?:generated|resulting|synthesi[sz]ed) (?:audio|speech|voice)\b", ("text-to-speech",)),
    (r"\b(?:transformed|enhanced|improved|stylized) (?:image|picture|photo)\b", ("image-to-image",)),
]
_BACKREFS_C = [(re.compile(p), t) for p, t in _BACKREFS]
_BOUNDARY = re.compile(r"[.;!?](?:\s|$)|,\s|\band\b|\bthen\b|\bfinally\b|\bafter that\b|\balso\b|\blastly\b")


@dataclass
class _Mention:
    task: str
    start: int
    end: int
    window: tuple[int, int] = (0, 0)  # the words this mention governs (its objects)


@dataclass(eq=False)  # nodes are compared by identity while they are reordered
class _Node:
    task: str
    pos: int
    window: tuple[int, int]
    args: dict[str, str] = field(default_factory=dict)
    deps: list[int] = field(default_factory=list)
    weak: bool = False  # named only by a description ("a noisy recording"), not by a request


_WEAK = re.compile(r"noisy|table|\bcommands?\b|\bemotions?\b")


def _weak(phrase: str) -> bool:
    return bool(_WEAK.search(phrase))


def _mentions(masked: str) -> list[_Mention]:
    """Every task phrase, earliest first; overlapping phrases of the same task are merged."""
    out: list[_Mention] = []
    for task, rx in _COMPILED:
        for m in rx.finditer(masked):
            out.append(_Mention(task, m.start(), m.end()))
    out.sort(key=lambda m: (m.start, -m.end))
    return out


def _clause(masked: str, pos: float) -> tuple[int, int]:
    """The clause around `pos`: between the boundaries before and after it."""
    pos = max(0, int(pos))
    start = 0
    for b in _BOUNDARY.finditer(masked, 0, pos):
        start = b.end()
    nxt = _BOUNDARY.search(masked, pos + 1)
    return start, (nxt.start() if nxt else len(masked))


def _modality_near(masked: str, m: _Mention, focus: str, exclude: tuple[str, ...] = ()) -> str:
    """The modality the phrase applies to: a noun after it in its clause, else the nearest before, else the focus."""
    c0, c1 = _clause(masked, m.start)
    after, before = masked[m.start : max(c1, m.end)], masked[c0 : m.start]
    nouns = [(mod, rx) for mod, rx in _MOD_NOUNS.items() if mod not in exclude]
    hits = [(h.start(), mod) for mod, rx in nouns for h in re.finditer(rx, after)]
    if hits:
        return min(hits)[1]
    hits = [(h.start(), mod) for mod, rx in nouns for h in re.finditer(rx, before)]
    if hits:
        return max(hits)[1]
    return focus


def _resolve(m: _Mention, masked: str, focus: str) -> str | None:
    """The concrete task of an abstract trigger (questions are resolved once per request, elsewhere)."""
    c0, c1 = _clause(masked, m.start)
    if m.task == _CLASSIFY:
        if re.search(r"\btokens?\b|\bwords\b|\bentit", masked[m.start : c1]):
            return "token-classification"
        if re.search(r"\btable|tabular", masked):
            return "tabular-classification"
        # a text is classified only when the request says so ("the sentiment of this review")
        if re.search(r"\bsentiment|\b(?:the|this|a) (?:text|sentence|review|comment|tweet)s?\b", masked[m.start : c1]):
            return "text-classification"
        mod = _modality_near(masked, m, focus, exclude=("text",))
        return {"image": "image-classification", "audio": "audio-classification"}.get(mod)
    if m.task == _ENHANCE:
        mod = _modality_near(masked, m, focus, exclude=("text",))
        return {"image": "image-to-image", "audio": "audio-to-audio"}.get(mod)
    if m.task == _TO_TEXT:
        mod = _modality_near(masked, _Mention(m.task, c0, c0), focus, exclude=("text",))
        return {"image": "image-to-text", "audio": "automatic-speech-recognition"}.get(mod)
    if m.task == _DESCRIBE:
        mod = _modality_near(masked, m, focus, exclude=("text",))
        return {"image": "image-to-text", "audio": "automatic-speech-recognition"}.get(mod, "text-generation")
    return m.task


def _question_task(masked: str, inputs: list[_Input], q_pos: int, image_before: bool) -> str:
    """Which question-answering task: about a document image, an image, or a text passage."""
    qs = [i for i in inputs if i.kind == "question"]
    qtext = qs[0].value.lower() if qs else ""
    files = [i for i in inputs if i.kind == "file"]
    image = image_before or any(f.modality == "image" for f in files)
    if not image:
        return "question-answering"
    c0, c1 = _clause(masked, q_pos)
    clause = masked[c0:c1]
    if re.search(r"\bdocument|\bscanned|\binvoice|\breceipt", masked) and not re.search(r"\b(?:picture|photo)", qtext):
        return "document-question-answering"
    if re.search(r"\b(?:image|picture|photo|scene)\b", qtext + " " + clause):
        return "visual-question-answering"
    if any(f.modality == "text" for f in files) or re.search(r"\b(?:text|article|passage|paragraph|context)\b", clause):
        return "question-answering"
    return "visual-question-answering"


def _primary_output(task: str) -> str:
    return registry.get(task).outputs[0]


class OfflinePlanner:
    """Plans a request into HuggingGPT tasks with rules over its wording and the task registry."""

    def plan(
        self,
        text: str,
        files: list[str] | tuple[str, ...] = (),
        history: list[str] | None = None,
        capabilities: Any = None,  # the capability map; not read yet by these rules
    ) -> list[dict]:
        """Tasks as HuggingGPT's planner writes them: id, task, dep ([-1]: none), args; [] for chit-chat.

        `files` are uploaded file names (inputs even when the text does not name them); `history` is
        accepted for the planner interface and not used: each request is planned on its own."""
        text = (text or "").strip()
        inputs, masked = _find_inputs(text, has_files=bool(files))
        named = {i.value for i in inputs if i.kind == "file"}
        uploads = [
            _Input("file", f, _EXT_MOD.get(f.rsplit(".", 1)[-1].lower(), "text"), -1, -1)
            for f in files
            if f not in named and f.rsplit("/", 1)[-1] not in named
        ]
        inputs = uploads + inputs
        if not inputs and GREETING.match(text):
            return []
        nodes = self._nodes(text, masked, inputs)
        if not nodes:
            if GREETING.match(text) or not text:
                return []
            nodes = [_Node("conversational", 0, (0, len(masked)))]
        nodes = self._order(nodes, inputs)
        nodes = self._bridge(masked, nodes, inputs)
        _condition_generation(nodes)
        self._wire(text, masked, nodes, inputs)
        return [
            {"id": i, "task": n.task, "dep": sorted(set(n.deps)) or [-1], "args": n.args} for i, n in enumerate(nodes)
        ]

    # -- which tasks ---------------------------------------------------------------------------

    def _nodes(self, text: str, masked: str, inputs: list[_Input]) -> list[_Node]:
        files = [i for i in inputs if i.kind == "file"]
        nodes: list[_Node] = []
        seen: dict[str, _Node] = {}
        taken: list[tuple[int, int]] = []
        questions: list[_Mention] = []
        mentions = _mentions(masked)
        # a question the user gives with no "answer the question" phrase still asks for an answer
        if not any(m.task == _QUESTION for m in mentions):
            for q in (i for i in inputs if i.kind == "question"):
                s0, s1 = _sentence(masked, q.start)
                talk = re.search(r"conversation|\bchat|\brespon", masked) or re.search(
                    r"translat|similar", masked[s0:s1]
                )
                inside = any(q.start <= m.start < q.end for m in mentions)  # "What emotion ...?" is classification
                if not talk and not inside:
                    mentions.append(_Mention(_QUESTION, q.start, q.end))
                    break
            mentions.sort(key=lambda m: (m.start, -m.end))
        for m in mentions:
            if any(a <= m.start < b for a, b in taken) and m.task.startswith("@"):
                continue  # an abstract phrase inside a concrete one ("classify the tokens")
            before = [n for n in nodes if n.pos < m.start]
            focus = _primary_output(before[-1].task) if before else None
            if focus is None:
                prev = [f for f in files if f.start < m.start] or files
                focus = prev[-1].modality if prev else "text"
            if m.task == _QUESTION:
                questions.append(m)
                taken.append((m.start, m.end))
                continue
            task = _resolve(m, masked, focus)
            if task is None:
                continue
            taken.append((m.start, m.end))
            if task in seen:
                if seen[task].weak and not _weak(masked[m.start : m.end]):
                    seen[task].pos, seen[task].weak = m.start, False  # the request names it for real later
                    seen[task].window = (m.end, _clause(masked, m.end)[1])
                continue
            node = _Node(task, m.start, (m.end, _clause(masked, m.end)[1]), weak=_weak(masked[m.start : m.end]))
            seen[task] = node
            nodes.append(node)
        if questions:
            # one answering task; it sits where the request asks to answer, not where it mentions a question
            act = [q for q in questions if re.search(r"answer", masked[max(0, q.start - 20) : q.end + 20])]
            q = act[0] if act else questions[0]
            image_before = any("image" in registry.get(n.task).outputs for n in nodes if n.pos < q.start)
            task = _question_task(masked, inputs, q.start, image_before)
            qa = _Node(task, q.start, (q.end, _clause(masked, q.end)[1]))
            nodes.append(qa)
            tr = seen.get("translation")
            quest = [i for i in inputs if i.kind == "question"]
            same = quest and _sentence(masked, tr.pos if tr else 0) == _sentence(masked, quest[0].start)
            if tr and same and tr.pos < quest[0].start:
                tr.pos, qa.pos = min(tr.pos, qa.pos), max(tr.pos, qa.pos) + 0.5
                tr.window = (tr.window[0], quest[0].end)
        # an audio file nothing consumes carries what the user said: transcribe it first
        consumes = any("audio" in registry.get(n.task).input_modalities() for n in nodes)
        makes = any("audio" in registry.get(n.task).outputs for n in nodes)
        for f in files:
            if f.modality == "audio" and not consumes and not makes and nodes:
                nodes.append(_Node("automatic-speech-recognition", -1, (f.end, f.end)))
                consumes = True
        nodes.sort(key=lambda n: n.pos)
        return nodes

    # -- in which order -------------------------------------------------------------------------

    @staticmethod
    def _order(nodes: list[_Node], inputs: list[_Input]) -> list[_Node]:
        """Mention order, except that a task whose media input only a later task makes moves after it."""
        have = {i.modality for i in inputs if i.kind == "file"}
        order = list(nodes)
        for _ in range(len(order)):
            moved = False
            avail = set(have) | {"text"}
            for idx, n in enumerate(order):
                need = [m for m in registry.get(n.task).input_modalities() if m != "text" and m not in avail]
                if need:
                    later = [j for j in range(idx + 1, len(order)) if need[0] in registry.get(order[j].task).outputs]
                    if later:
                        order.insert(later[0], order.pop(idx))
                        moved = True
                        break
                avail |= set(registry.get(n.task).outputs)
            if not moved:
                break
        return order

    # -- which arguments --------------------------------------------------------------------------

    @staticmethod
    def _bridge(masked: str, nodes: list[_Node], inputs: list[_Input]) -> list[_Node]:
        """A text task whose only source is an image or a recording reads it first (image-to-text / speech
        recognition), as in "summarize the text in this photo"."""
        files = [i for i in inputs if i.kind == "file"]
        if any(f.modality == "text" for f in files):
            return nodes
        quotes = [i for i in inputs if i.kind == "quote"]
        texts = [i for i in inputs if i.kind in ("quote", "question")]
        out: list[_Node] = []
        pending = list(nodes)
        for n in nodes:
            if n not in pending:
                continue
            text_before = any("text" in registry.get(m.task).outputs for m in out)
            s0, s1 = _sentence(masked, n.pos)
            quoted = any(s0 <= q.start <= s1 for q in texts) or (n.task == "question-answering" and quotes)
            if n.task in _READERS and not text_before and not quoted:
                media = [m for m in out if set(registry.get(m.task).outputs) & {"image", "audio"}]
                if media:
                    mod = "audio" if "audio" in registry.get(media[-1].task).outputs else "image"
                else:
                    near = [f for f in files if f.modality in ("image", "audio") and f.start <= n.pos] or [
                        f for f in files if f.modality in ("image", "audio")
                    ]
                    mod = near[-1].modality if near else None
                if mod:
                    reader = "automatic-speech-recognition" if mod == "audio" else "image-to-text"
                    later = [m for m in nodes if m.task == reader and m not in out]
                    if later:  # the request asks for the reader too, only after: it goes first
                        pending.remove(later[0])
                    out.append(later[0] if later else _Node(reader, n.pos, (n.pos, n.pos)))
            if n in pending:
                out.append(n)
                pending.remove(n)
        return out

    def _wire(self, text: str, masked: str, nodes: list[_Node], inputs: list[_Input]) -> None:
        quotes = [i for i in inputs if i.kind == "quote"]
        questions = [i for i in inputs if i.kind == "question"]
        files = [i for i in inputs if i.kind == "file"]
        text_files = [f for f in files if f.modality == "text"]
        used: set[int] = set()
        idx = 0

        def gen(k: int) -> str:
            nodes[idx].deps.append(k)
            return f"{GENERATED}{k}"

        def backref(n: _Node, modality: str) -> int | None:
            """An earlier task the mention's own words name ("the summary", "the edited image")."""
            span = masked[n.window[0] : n.window[1]]
            hits = []
            for rx, producers in _BACKREFS_C:
                for h in rx.finditer(span):
                    for k in range(idx - 1, -1, -1):
                        if nodes[k].task in producers and modality in registry.get(nodes[k].task).outputs:
                            hits.append((h.start(), k))
                            break
            return min(hits)[1] if hits else None

        def latest(modality: str, before: int) -> int | None:
            for k in range(before - 1, -1, -1):
                if modality in registry.get(nodes[k].task).outputs:
                    return k
            return None

        def local_quote(n: _Node, pool: list[_Input]) -> _Input | None:
            c0, c1 = _clause(masked, int(n.pos))
            s0, s1 = _sentence(masked, int(n.pos))
            w1 = max(n.window[1], s1)
            free = [q for q in pool if id(q) not in used and (c0 <= q.start <= c1 + 2 or s0 <= q.start <= w1)]
            return free[0] if free else None

        def media(n: _Node, modality: str) -> str | None:
            ref = backref(n, modality)
            if ref is not None:
                return gen(ref)
            pool = [f for f in files if f.modality == modality]
            c0, c1 = _clause(masked, int(n.pos))
            s0, s1 = _sentence(masked, int(n.pos))
            local = [f for f in pool if c0 <= f.start <= c1 or n.pos <= f.start <= s1]
            if local:
                return local[0].value
            if pool and re.search(r"\boriginal|\binitial", masked[n.window[0] : n.window[1]]):
                return pool[0].value
            k = latest(modality, idx)
            if k is not None:
                return gen(k)
            if pool:
                before = [f for f in pool if f.start <= n.pos]
                return (before[-1] if before else pool[0]).value
            return None

        def text_arg(n: _Node) -> str:
            ref = backref(n, "text")
            if ref is not None:
                return gen(ref)
            q = local_quote(n, quotes)
            if n.task in ("translation", "conversational", "text-to-speech"):
                c0, c1 = _clause(masked, int(n.pos))
                near_q = [x for x in questions if id(x) not in used and c0 <= x.start <= max(c1, n.window[1]) + 2]
                if near_q and (q is None or near_q[0].start < q.start):
                    q = near_q[0]
            if q is not None:
                used.add(id(q))
                return q.value
            k = latest("text", idx)
            if k is not None:
                return gen(k)
            tf = [f for f in text_files if id(f) not in used]
            if tf:
                return tf[0].value
            free = [q for q in quotes if id(q) not in used]
            if free:
                used.add(id(free[0]))
                return free[0].value
            if quotes:
                return quotes[0].value
            prompt = _prompt(text, masked, n)
            if prompt:
                return prompt
            if questions and n.task in ("conversational", "text-generation", "translation"):
                return questions[0].value
            return text

        def question(n: _Node) -> str:
            free = [q for q in questions if id(q) not in used]
            if free:
                used.add(id(free[0]))
                return free[0].value
            k = latest("text", idx)
            if k is not None:
                return gen(k)
            free = [q for q in quotes if id(q) not in used]
            if free:
                used.add(id(free[0]))
                return free[0].value
            return _sentence_text(text, int(n.pos))

        for idx, n in enumerate(nodes):
            spec = registry.get(n.task)
            args: dict[str, str] = {}
            if n.task == "question-answering":
                args["text"] = question(n)
                k = backref(n, "text")
                k = latest("text", idx) if k is None else k
                if k is not None and args["text"] != f"{GENERATED}{k}":
                    args["context"] = gen(k)
                else:
                    free = [q for q in quotes if id(q) not in used]
                    tf = [f for f in text_files if id(f) not in used]
                    args["context"] = free[0].value if free else (tf[0].value if tf else text)
                    if free:
                        used.add(id(free[0]))
            elif n.task in ("visual-question-answering", "document-question-answering"):
                img = media(n, "image")
                if img is None:
                    continue
                args["image"] = img
                args["text"] = question(n)
            elif n.task == "sentence-similarity":
                vals: list[str] = []
                k = backref(n, "text")
                k = latest("text", idx) if k is None else k
                if k is not None:
                    vals.append(gen(k))
                for q in quotes:
                    if id(q) not in used and len(vals) < 2:
                        used.add(id(q))
                        vals.append(q.value)
                if len(vals) < 2 and k is not None:
                    k2 = latest("text", k)
                    if k2 is not None:
                        vals.append(gen(k2))
                for q in quotes:
                    if len(vals) < 2 and q.value not in vals:
                        vals.append(q.value)
                while len(vals) < 2:
                    vals.append(text)
                args["text1"], args["text2"] = vals[0], vals[1]
            else:
                ok = True
                for name in spec.inputs:
                    if name in ("image", "audio", "video"):
                        v = media(n, name)
                        if v is None:
                            ok = False
                            break
                        args[name] = v
                    elif name in spec.optional:
                        q = local_quote(n, quotes)
                        if q is not None and _clause(masked, int(n.pos))[0] <= q.start:
                            used.add(id(q))
                            args[name] = q.value
                    elif n.task == "image-editing" or (
                        n.task.endswith("-text-to-image") and n.task != "text-to-image" and not _prompt(text, masked, n)
                    ):
                        args[name] = self._instruction(n, masked, text, quotes, used, nodes, idx, gen)
                    else:
                        args[name] = text_arg(n)
                if not ok:
                    continue
            n.args = args
        # drop tasks left without their media input, renumbering references
        keep = [i for i, n in enumerate(nodes) if n.args or not registry.get(n.task).inputs]
        if len(keep) != len(nodes):
            remap = {old: new for new, old in enumerate(keep)}
            kept = [nodes[i] for i in keep]
            for n in kept:
                n.deps = [remap[d] for d in n.deps if d in remap]
                for key, v in list(n.args.items()):
                    if v.startswith(GENERATED):
                        old = int(v[len(GENERATED) :])
                        n.args[key] = f"{GENERATED}{remap[old]}" if old in remap else text
            nodes[:] = kept

    @staticmethod
    def _instruction(n, masked, text, quotes, used, nodes, idx, gen) -> str:
        """The edit instruction: a quote in its sentence, else a text output the sentence points to
        ("based on the answer"), else a quote given as a description, else the request's own verb phrase."""
        s0, s1 = _sentence(masked, int(n.pos))
        local = [q for q in quotes if id(q) not in used and s0 <= q.start <= s1]
        if local:
            used.add(id(local[0]))
            return local[0].value
        span = masked[s0:s1]
        if re.search(r"\bbased on|\baccording to|\busing\b|\buse\b|\bto reflect|\bdescri(?:bed|bing|ption)\b", span):
            for rx, producers in _BACKREFS_C:
                if rx.search(span):
                    for k in range(idx - 1, -1, -1):
                        if nodes[k].task in producers and "text" in registry.get(nodes[k].task).outputs:
                            return gen(k)
            for k in range(idx - 1, -1, -1):
                if "text" in registry.get(nodes[k].task).outputs:
                    return gen(k)
        for q in quotes:
            qs0, qs1 = _sentence(masked, q.start)
            if id(q) not in used and re.search(r"descri|instruction|prompt|edit", masked[qs0:qs1]):
                used.add(id(q))
                return q.value
        # the verb phrase of the request: "change the color of the car to blue"
        end = re.search(r"[.;!?](?:\s|$)|,\s|\bthen\b|\bafter that\b", masked[int(n.pos) :])
        stop = int(n.pos) + end.start() if end else len(masked)
        nxt = [m.start for m in _mentions(masked) if int(n.pos) + 12 < m.start < stop]
        stop = min(nxt) if nxt else stop
        phrase = re.sub(r"(?:,?\s+and|,)$", "", text[int(n.pos) : stop].strip(" ,.")).strip()
        return phrase or _sentence_text(text, int(n.pos))


_READERS = {
    "summarization",
    "translation",
    "text-to-speech",
    "token-classification",
    "text-classification",
    "question-answering",
    "sentence-similarity",
}
_PROMPT = re.compile(
    r"\b(?:image|picture|photo|video|illustration|drawing|painting|animation|text|story|paragraph|poem|essay)s?\s+"
    r"(?:of|about|on|showing|depicting|that represents|representing|illustrating)\s+(.+?)"
    r"(?=\s+(?:based on|with the following|using|from)\b|[,.;!?](?:\s|$)|\s+(?:and|then)\s|$)"
)


def _condition_generation(nodes: list[_Node]) -> None:
    """An image generated after a ControlNet condition map is generated from it: text-to-image
    becomes <cond>-text-to-image (its image argument is then wired to the map)."""
    cond = None
    for n in nodes:
        if n.task.endswith("-control") and n.task[: -len("-control")] in _CONTROLS:
            cond = n.task[: -len("-control")]
        elif n.task == "text-to-image" and cond:
            n.task = f"{cond}-text-to-image"


def _prompt(text: str, masked: str, n: _Node) -> str | None:
    """The description a generation task is given in the request's own words ("an image of a red barn")."""
    if n.task not in ("text-to-image", "text-to-video", "text-generation") and not n.task.endswith("-text-to-image"):
        return None
    m = _PROMPT.search(masked, max(0, int(n.pos) - 40))
    if not m or m.start() > _clause(masked, int(n.pos))[1]:
        return None
    value = text[m.start(1) : m.end(1)].strip()
    return re.sub(r"^(?:the|a|an)\s+(?=\w+\s+of\b)", "", value) or None


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
    _, masked = _find_inputs(text)
    s0, s1 = _sentence(masked, max(pos, 0))
    return text[s0:s1].strip() or text
