"""What a request asks for: phrases that name a task, resolved by the modality they apply to."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ... import tasks as registry
from .inputs import _COLORS, _LANGS, _clause, _Input, _sentence

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
    ("translation", rf"translat\w*|\b(?:into|to)\s+(?:{_L})\b|\bin\s+(?:{_NON_EN})\b|\b(?:{_L})\s+version\b"),
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
        + r"(?:(?!video|audio|voice|spoken|visual|image)\w+\s+)?"
        r"(?:text|paragraph|story|essay|poem|article|content|continuation|explanation|message|email|letter)s?\b"
        r"|\bwrite\b(?!\s+(?:down|out)\b)(?![^.;,]{0,25}\bcaption)"
        r"|\bcontinue\b|\bexpand\w*|\bparaphras\w*|\bcomplete the (?:text|sentence)"
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
        r"|\bread\w*\s+(?:the\s+)?(?:text|handwriting|writing|handwritten)"
        r"|\bcaption\w*",
    ),
    (
        "text-to-image",
        r"text[- ]to[- ]image|\b(?:generat|creat|draw|produc|render|design|make|paint)\w*\s+"
        + _DET
        + r"(?:(?!segment|edit|modif|enhanc|output|depth|transform)\w+\s+)?"
        r"(?:image|picture|illustration|drawing|painting|photo|artwork|thumbnail|poster|logo)s?\b"
        r"|\b(?:image|picture|photo|illustration)s?\s+(?:\w+\s+)?(?:generated|created|drawn|produced)\b(?! by)"
        r"|\bvisuali[sz]ation of|\billustrat\w*|\bartistic interpretation"
        r"|\b(?:turn|convert|transform|make)\w*\s+(?:the\s+|this\s+|that\s+|my\s+)?(?:summary|story|text|description|"
        r"caption|answer|transcript\w*|poem|translation|sentence|quote)\s+into\s+(?:an?\s+)?"
        r"(?:picture|image|illustration|drawing|painting)",
    ),
    ("text-to-video", r"text[- ]to[- ]video|\bvideos?\b|\banimation\b"),
    (
        "image-to-image",
        r"image[- ]to[- ]image|\bstyles?\b|\brestyl\w*|\bstyli[sz]\w*"
        r"|\btransform\w*\s+(?:the\s+|this\s+|my\s+|\w+ed\s+)*(?:image|picture|photo)"
        r"|\b(?:look|appear)\w*\s+(?:like|as)|\bappearance\b|\bsuper[- ]resolution|\bupscal\w*"
        r"|\b(?:enhanc|improv|sharpen|restor)\w*\s+(?:the\s+|this\s+|its\s+)?(?:\w+\s+)?(?:image|picture|photo|resolution)",
    ),
    (
        "image-editing",
        r"image editing|\bedit\w*|\bmodif\w*|\balter(?:s|ed|ing)?\b"
        r"|\b(?:chang|transform|alter|adjust)\w*\b[^.;]{0,50}?\b(?:colou?r|background|to (?:" + _COLORS + r"))"
        r"|\b(?:make|turn|paint)\w*\b[^.;]{0,30}?\b(?:" + _COLORS + r")\b"
        r"|\b(?:add|remov|replac|eras|insert)\w*\b[^.;]{0,30}\b(?:to|from|in|on|onto)\s+(?:the|this|my)\s+(?:image|picture|photo)"
        r"|\bcolou?rs? more vivid",
    ),
    (
        "image-segmentation",
        r"segment\w*|\bdivid\w*[^.;]{0,40}\b(?:segments|regions|parts)|\bseparate (?:regions|segments)|\bmasks?\b"
        r"|\b(?:remove|erase|delete|drop|strip|cut)\w*\s+(?:out\s+)?(?:the\s+|its\s+|their\s+)?background"
        r"(?!\s+(?:noise|music|sounds?|hum|hiss|chatter|voices?|talk))"
        r"|\bbackground\s+(?:removal|remover)|\btransparent background|\bcut\s+(?:\w+\s+){0,3}?out\b",
    ),
    ("depth-estimation", r"\bdepth\b|\bhow far\b|\bdistances? (?:from|to) the camera"),
    (
        "text-to-speech",
        r"text[- ]to[- ]speech|\btts\b|\b(?:convert|turn|transform|change)\w*\b[^.;]{0,40}?\b(?:into|to|as)\s+"
        r"(?:an?\s+)?(?:[\w-]+\s+){0,2}(?:speech|audio|voice|spoken)"
        r"|\b(?:provide|give|return|send)\s+(?:me|us)\s+(?:with\s+)?an?\s+audio\b"
        r"|\bspeech\s+(?:audio\s+)?from\s+(?:the\s+|this\s+)?(?:following\s+|given\s+)?text"
        r"|\b(?:read|say|said|speak|spoke)\w*\b[^.;]{0,40}?\b(?:aloud|out loud)"
        r"|\b(?:in|with|using)\s+(?:a|your|the)\s+(?:\w+\s+)?voice\b"
        r"|\bread\w*\s+(?:it|this|that|them)\s+(?:out|back)\b"
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


def find_tasks(text: str, masked: str, inputs: list[_Input]) -> list[_Node]:
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
            # the words that lead up to the question say what to do with it ("translate ...", "reply to ...")
            talk = re.search(r"conversation|\bchat|\brespon", masked[: q.end]) or re.search(
                r"translat|similar", masked[s0 : q.end]
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
