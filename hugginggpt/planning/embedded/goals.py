"""What a request can ask for, as goals independent of the file type: one table.

A goal is what a person wants done to something ("the words of x", "its sentiment", "an answer about x",
"speak it", "edit it"); the task that does it follows from what x is (the words of a photo are read by
OCR, those of a recording by speech recognition). Each goal carries, in one place:

- `tasks`: the task that realizes it for each kind of input (image, audio, text);
- `cues`: words that name it outright ("transcribe", "summary", "depth"): lexical evidence;
- `examples`: everyday phrasings, for reading a clause by meaning when no cue names its goal;
- `names`: the nouns a later clause uses for its result ("the summary", "the edited image");
- `makes`: what its result is to the next step: an `artifact` (a new form of the thing: a transcript,
  a translation, an edited photo), an `answer` (a reply to the ask), a `verdict` (a label, a score) or an
  `annotation` (the input with marks drawn on it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from ... import tasks as registry

Makes = Literal["artifact", "answer", "verdict", "annotation"]

_LANGS = (
    "english french spanish german chinese japanese korean italian portuguese russian arabic hindi dutch "
    "swedish turkish greek polish vietnamese thai indonesian hebrew mandarin cantonese latin urdu catalan bengali "
    "swahili somali tagalog ukrainian farsi persian czech hungarian romanian malay yoruba croatian welsh norwegian "
    "danish finnish"
).split()
_COLORS = "red|blue|green|yellow|white|black|purple|orange|pink|brown|gr[ae]y|golden|silver"

_L = LANGUAGES = "|".join(_LANGS)
_NON_EN = "|".join(x for x in _LANGS if x != "english")
_DET = r"(?:(?:an?|one|the|this|that|its|their|my|some|new|more|short|brief|detailed|final)\s+)*"
_CHECKS = r"\b(?:check|mark|grade) (?:my|our|his|her|their) (?:\w+ )?answers?\b|\bis my answer (?:right|correct)\b"
# verbs of making, not their nouns ("produce", never "product"; "create", never "creator")
# what a recording or a note holds, named as what someone says in it ("what he says") or as the message given
_SAYS_WHAT = r"(?:\w+\s+){0,3}?(?:says?|said|is saying|was saying|tells?|told|speaks?|spoke|wrote|writes)\b"
_THE_MESSAGE = (
    r"(?:the|this|that|his|her|their)\s+(?:\w+\s+)?(?:message|voicemail|recording|memo)\b"
    r"(?!\s+(?:to|saying|that|about|back)\b)"
)
# "tag it with whichever fits": one of the options the request lists (a label cue; see planner._THOSE_OPTIONS)
# what an option of the request's own list is called ("the right pile", "the correct tag")
OPTION_NOUN = r"(?:one|tag|label|category|pile|box|folder|tray|group|team|department|queue|bucket|section|drawer)"
# "tell me which it goes under", "which one this belongs in"
WHICH_IT_GOES = (
    r"\bwhich (?:one )?(?:it|this|this one|that|they) (?:goes|go|belongs?|fits?|falls?) (?:under|in|into|with)\b"
)
# "transcribe + file this one pls": the verb alone at the clause's end, its options listed elsewhere
SORT_THIS = (
    r"\b(?:file|tag|sort|label|categori[sz]e)\s+(?:this one|this|it|each one|each)(?:\s+(?:please|for me|too))*$"
)
WHICHEVER_FITS = r"\bwhich(?:ever)? (?:one |tag |label |category |pile |box )?(?:fits|applies|matches|suits)\b"
_VERB_MAKE = r"generat(?:e|es|ed|ing)|creat(?:e|es|ed|ing)|produc(?:e|es|ed|ing)"


@dataclass(frozen=True)
class Goal:
    name: str
    tasks: dict[str, str]  # input modality -> the task that does it
    makes: Makes
    cues: str = ""
    examples: tuple[str, ...] = ()
    names: str = ""  # nouns naming its result later in the request
    labels: str | None = None  # text-classification's label set for this goal (None: the expert's default)
    generic: bool = False  # its cues are generic words that are part of other goals' phrases ("classify")
    cue_rx: re.Pattern | None = field(default=None, compare=False, repr=False)
    names_rx: re.Pattern | None = field(default=None, compare=False, repr=False)

    @cached_property
    def output_kinds(self) -> frozenset[str]:
        """The kinds of thing its tasks make (each one's main output): a summary is text, an edit an image."""
        return frozenset(registry.get(t).outputs[0] for t in self.tasks.values())


def _g(
    name: str,
    tasks: str,
    makes: Makes,
    cues: str = "",
    examples: str = "",
    names: str = "",
    labels: str | None = None,
    generic: bool = False,
) -> Goal:
    pairs = dict(p.split("=") for p in tasks.split())
    return Goal(
        name,
        pairs,
        makes,
        cues,
        tuple(e.strip() for e in examples.split(";") if e.strip()),
        names,
        labels,
        generic,
        re.compile(cues) if cues else None,
        re.compile(names) if names else None,
    )


# Cues and phrasings are generic (a verb and its object, the names people and papers use for a task);
# none is taken from an evaluation set.
GOALS: tuple[Goal, ...] = (
    _g(
        "words",
        "image=image-to-text audio=automatic-speech-recognition",
        "artifact",
        r"\bocr\b|image[- ]to[- ]text"
        r"|\b(?:extract|copy|get|grab|pull|take)\w*\s+(?:out\s+)?(?:all\s+)?(?:the\s+|any\s+)?(?:text|words|writing)\b"
        r"|\bread\w*\s+(?:the\s+|its\s+)?(?:text|handwriting|writing|handwritten|words)"
        r"|\bread (?:it |this |that |them )?off\b(?! the (?:screen|page) to)"  # "read off what's on it"
        r"|\b(?:put|get|have)\s+(?:it|this|that|them)\s+(?:down\s+)?in\s+writing\b|\bin written form\b"
        r"|^(?:and\s+)?(?:please\s+)?read this one(?: (?:for me|pls|plz|please))?$"
        r"|^(?:and\s+)?(?:(?:can|could|would|will) (?:you|u)\s+)?(?:please\s+)?read(?: (?:it|this|that))?"
        r"(?: (?:for me|pls|plz|please))?(?:$|\s+(?=(?:without|but not|not)\b))"
        r"|^(?:(?:can|could|would) (?:you|u)\s+)?(?:please\s+)?read (?:this|the|that|my|his|her|our) "
        # ("read the business card he photographed so i can ...", not "read the letter to me": speech)
        r"(?:(?:business|post|birthday|greeting|index|report|shopping|price|name|parking|train|bus)\s+)?"
        r"(?=[a-z]+\b(?: he| she| they| i| we)? (?:photographed|sent|scanned|took|left|got|attached)\b"
        r"(?!.*\b(?:to me|to us|aloud|out loud|out)\b))"
        r"(?:note|letter|sign|card|label|page|notice|poster|message|slip|receipt|ticket|form|leaflet|flyer|menu|board"
        r"|scan|document|memo|invoice|bill|list)\b"
        r"|^(?:(?:can|could|would) (?:you|u)\s+)?(?:please\s+)?read (?:this|the|that|my) (?:note|letter|sign|card|label"
        r"|page|notice|poster|message|slip|receipt|ticket|form|leaflet|flyer|menu|board|scan|document|memo|handout"
        r"|invoice|bill|statement|certificate|prescription|timetable|one in the (?:photo|picture|pic|image|scan))"
        r"(?: (?:for me|for us|please|pls|plz))?$"
        r"|transcri\w*|speech[- ]to[- ]text|speech recognition|\bstt\b|\bdecode\w*\s+the\s+(?:audio|speech|recording)"
        r"|what (?:is|was) (?:said|spoken)|\brecogni[sz]\w*\s+(?:the\s+)?speech"
        # "what does the note say" (all of it; "... say about the price" asks a question)
        r"|\bwhat\s+(?:does|do|did)\s+(?:it|this|that|the|my|his|her|their|these|those)\b(?:\s+[\w'-]+){0,5}?\s+say"
        r"(?:$|\s+(?!(?:about|regarding|on|of|to|in|when|that|if|whether|for|with|here)\b)"
        # "what did the secretary say in the message": all of what is said in a recording or a note
        r"|\s+in (?:the|this|that|her|his|their|my|your|its) (?:\w+ )?(?:message|recording|voicemail|clip|audio|call"
        r"|memo|note|letter|video)\b)"
        r"|\bwhat\s+(?:it|they|this|that|the\s+[\w ]{1,30}?)\s+says?\b"
        r"(?!\s+(?:about|regarding|on|of|to|when|if|whether)\b)"
        r"|\b(?:type|copy)\s+(?:out|up|down)\s+(?:the|this|that|my|his|her|their|our)\b"
        r"|\bwhat(?:'s| is| was)\s+(?:written\s+)?on\s+(?:the|this|that|my)\s+(?:menu|sign|board|poster|flyer|note"
        r"|letter|card|label|receipt|screen|page|notice|leaflet|ticket)\b(?!\s+(?:for|about|at)\b)"
        r"|\b(?:write|type|copy|jot)\s+(?:down|out|up)\s+(?:what(?:ever)?\b|everything\b|all\b"
        r"|the (?:text|words|writing)\b"
        r"|(?:the|this|that|my|his|her|their)\s+(?:\w+\s+)?(?:note|message|memo|recording|voicemail|letter|sign|label))"
        r"|\b(?:write|type|copy) (?:it|this|that|them|everything|both|each|both of them|all of them|these|those)"
        r" (?:all )?(?:out|down|up)\b"
        r"|\b(?:type|write|copy)\s+(?:the|this|that|my)\s+(?:whole\s+|entire\s+)?\w+\s+(?:out|up)\b"
        r"|\b(?:write|type|copy|jot)\s+(?:down|out|up)\s+(?:both|them|each|all of them|each of them)\b"
        # "write everything he say please" (a learner's "write"): all a recording holds
        r"|\b(?:write|type|copy|jot)\s+(?:whatever|everything|all)\s+(?:that\s+)?(?:he|she|they|it|you|the\s+\w+)\s+"
        r"(?:say|says|said|saying)\b"
        r"|\b(?:text|words|writing)\s+(?:taken|pulled|lifted|copied)\s+(?:off|out of|from)\b"
        r"|\b(?:write|type|give|send) (?:me|us) (?:the|all the|its) (?:text|words|writing|wording)\b"
        # "write what he says", "write the message" (a learner's "write out"): what a recording or a note holds
        rf"|\b(?:write|type)\s+(?:me\s+)?what\s+{_SAYS_WHAT}"
        rf"|\b(?:write|type)\s+(?:me\s+)?{_THE_MESSAGE}"
        r"|\bwrite (?:down |out )?(?:all )?(?:the )?(?:words|text|writing)\b"
        r"|\b(?:take|get|grab|pull)\w*\s+(?:the\s+)?(?:text|words|writing)\s+(?:from|off|out of)\b"
        r"|\bread (?:out )?(?:the|this|that|my) (?:little |short )?(?:rhyme|poem|verse|note|message|text|words|writing"
        r"|wording|label|sign|card|letter|notice|slogan|print)\b"
        r"|\bevery (?:single )?word\b|\bword for word\b|\bverbatim\b|\b(?:typed|written|copied) (?:up|out)\b"
        r"|\b(?:convert|turn|change|transform)\w*\b[^.;]{0,40}?\b(?:into|to)\s+(?:a\s+)?(?:text|textual|written)\b",
        "what does this sign say; what is written here; read the text in this image; what text is in this picture; "
        "copy the text from this screenshot; what does the label say; read the receipt; extract the text from the "
        "scan; what does the poster say; what is written on the board; transcribe this recording; what is said in "
        "this audio; write down what the speaker says; turn this voice memo into text; what does she say in this "
        "clip; give me the transcript; what are they saying; the words spoken in the clip; type up what this "
        "recording says; tell me what it says; what are the words on it; give me the text",
        # ("read the typed version back to me": the transcript, not a fact to find in it)
        r"\btranscri(?:pt|bed|ption)\w*|\b(?:extracted|recogni[sz]ed|detected) (?:text|words)"
        r"|\b(?:typed|typed-up|written|written-out|written-down|text|word-for-word) (?:version|copy)\b",
    ),
    _g(
        "describe",
        "image=image-to-text",
        "artifact",
        # "the way I describe in memo.wav" is the asker describing, not an ask for a description
        r"\bcaption\w*|(?<!\bi )(?<!\bwe )(?<!\bi'll )\bdescribe\b|\bdescriptive text"
        r"|\b(?:"
        + _VERB_MAKE
        + r"|giv\w*|get\w*|provid\w*|writ\w*|need\w*|want\w*)\s+(?:me\s+)?"
        + _DET
        + r"(?:textual\s+|text\s+|descriptive\s+)?descripti\w+",
        "describe this photo; what is in this picture; what do you see in this image; caption this image; tell me "
        "about this photo; what is happening in this picture; write a caption for this photo",
        r"\b(?:caption|description)s?\b",
        generic=True,
    ),
    _g(
        "ask",
        "text=question-answering image=visual-question-answering",
        "answer",
        # "a response to the following question" asks for a conversation, not an answer
        r"(?<!response to the following )(?<!response to the )(?<!respond to the following )"
        # ("make a quiz question from them": questions written, not asked)
        r"(?<!quiz )(?<!test )(?<!exam )(?<!trivia )(?<!practice )(?<!revision )(?<!interview )(?<!multiple-choice )"
        r"(?<!multiple choice )(?<!comprehension )\bquestions?\b"
        # "two questions about this letter: ...": what follows the colon asks (not "the question about the image: ...")
        r"(?!(?<=questions)\s+(?:about|on|regarding)\b[^:]*:)"
        r"|\bfind (?:out )?(?:the )?answer|\banswer (?:my|the|this) (?:query|question)|\banswer (?:it|them|that)\b"
        r"|\banswer\w*\s+(?:my|the|this|these|those|all|each)\s+(?:[\w-]+\s+){0,2}questions?\b"
        r"|(?<!\bi )(?<!\bwe )(?<!\bto )(?<!\bcan )(?<!\bcould )(?<!\bwill )(?<!\bshould )\bask\b(?!\s+(?:me|us)\b)"
        r"|\banswer this\b(?!\s+(?:voicemail|e-?mail|message|text|letter|call|note))"
        r"|\bhow many\b|\bhow far\b|\b(?:make|give me|write)\s+(?:me\s+)?a list of\b"
        r"|\bwhat colou?r\b",
        "answer the question from the passage; based on this text, who did it; according to the paragraph, when did "
        "it happen; what is the total on this receipt; how much did the coffee cost; what is the date on this "
        "invoice; who is this letter addressed to; what time does the shop open; which platform does the train "
        "leave from; when does the museum reopen; how much do i owe; what are the ingredients; does it contain nuts",
        r"\banswers?\b",
        generic=True,
    ),
    # a question about what a picture shows, not about words in it: no text read from the picture answers it
    _g(
        "ask-visual",
        "text=question-answering image=visual-question-answering",
        "answer",
        "",
        "what colour is the car in this photo; is the dog in this picture sleeping; what is the man holding; what "
        "animal is this; where was this photo taken; what is the weather like in this picture; is the door open; "
        "what is she wearing; how many apples are on the table; is anyone sitting on the bench; are they smiling; "
        "is she happy in this photo; is anyone laughing; how tall is the building",
        r"\banswers?\b",
    ),
    _g(
        "sentiment",
        "text=text-classification",
        "verdict",
        r"\bsentiment\b|\b(?:positive or negative|negative or positive|good or bad|bad or good)\b|\bvibe(?: check)?\b"
        # a feeling asked of how someone or something comes across ("tell me if they sound excited")
        r"|\b(?:sound|sounds|sounded|seem|seems|seemed|come across|comes across)\s+(?:\w+\s+)?(?:happy|sad|angry|"
        r"upset|excited|pleased|annoyed|cross|mad|cheerful|positive|negative|friendly|rude|hostile|grumpy|thrilled|"
        r"disappointed|satisfied|unhappy|worried|keen|enthusiastic|glad|furious|irritated|frustrated)\b"
        r"|\b(?:happy|satisfied|pleased|unhappy|disappointed|dissatisfied|thrilled|impressed|upset|annoyed|angry"
        r"|cross|mad|furious)\s+with\b"
        r"|\bthumbs?[- ]up or (?:an? )?thumbs?[- ]down\b"
        # "is she happy or not?", "happy news or not happy news"
        r"|\b(?:happy|sad|good|bad|positive|negative|angry|upset|pleased|satisfied)(?:\s+news)?\s+or\s+(?:not|no)\b"
        r"|\bis (?:it|this|that) (?:an? )?(?:good|bad|positive|negative) (?:news|answer|reply|letter|review|message)\b"
        r"|\b(?:if|whether) (?:it|this|that|he|she|they)(?:'s|'re| is| are| was| sounds| seems) (?:\w+ )?"
        r"(?:positive|negative)\b"
        r"|\bhow (?:she|he|they|the (?:\w+ )?(?:caller|customer|writer|speaker|client))(?:'s| is| are|'re) feeling\b"
        # "if it's bad news, ...": the verdict a condition needs; "summary first, then tone": the noun alone
        r"|\b(?:if|whether)\s+(?:\w+\s+){0,3}?(?:is|'s|was|sounds|seems|looks)\s+(?:like\s+)?(?:good|bad|happy|sad"
        r"|positive|negative|angry|upset)(?:\s+news)?\b"
        r"|^(?:and\s+|then\s+|also\s+)*(?:the\s+|its\s+)?(?:tone|mood|vibe)(?:\s+(?:please|pls|too))?$"
        r"|\bhow (?:un)?(?:happy|pleased|angry|upset|annoyed|cross|mad|satisfied|positive|negative|cheerful|friendly"
        r"|rude|furious|disappointed)\b(?= (?:is|are|was|were|does|do|did|they|he|she|it)\b)"
        r"|\b(?:what(?:'s| is| was)|describe|how(?:'s| is| was)|judge|rate|check)\b[^.;?]{0,30}\btone\b"
        r"(?! (?:it|this|that|them) )",
        "is this review positive or negative; what is the sentiment of this text; how does this customer feel; is "
        "this comment happy or angry; does this tweet sound positive; what is the tone of this message; is the "
        "writer pleased; is it good news or bad news; is the speaker happy; is this good news for me; should i "
        "worry about it; is it bad; does it sound upset; does it sound cheerful or sad; is the mood upbeat; is it "
        "friendly or rude; is the tone polite; does this note sound hostile; is the wording kind; does the summary "
        "sound positive; did they enjoy the product; does the reviewer actually like it; how does the speaker feel "
        "about it",
        r"\bsentiment\b|\b(?:overall )?tone\b",
    ),
    _g(
        "language",
        "text=text-classification",
        "verdict",
        r"\b(?:what|which) (?:language|lingo)\b|\blanguage (?:is|of)\b"
        r"|\b(?:identify|detect|figure out|work out|find out|determine|guess|recogni[sz]e)\w*\s+(?:the|which|what|its)"
        r"\s+language\b",
        "which language is this sentence in; what language is this written in; detect the language of this text; "
        "identify the language; is this french or spanish; is he speaking german; is she speaking in italian",
        r"\blanguage\b",
        labels="language",
    ),
    _g(
        "label",
        "image=image-classification audio=audio-classification text=text-classification",
        "verdict",
        r"\bclassif(?:y|ying|ies)\b|\bclassified\b(?!\s+(?:text|image|audio|response|result|label|output|data|content))"
        r"|\bcategori[sz]\w*|\bwhich (?:class|category)|\bwhat (?:class|category|kind of|sort of|type of)"
        r"|\bmain category|\b(?:a|the|its)\s+(?:category|label|tag|class)\s*[(:]"
        r"|\bbelongs? to|\bsort\w*\b[^.;]{0,40}\binto\b|\bfile\b[^.;]{0,30}\bunder\b"
        r"|\b(?:know|tell me|find|get) (?:the|its) (?:category|class)\b"
        r"|\b(?:label|file|class|mark)\w*\s+(?:it|this|that|them|each(?: one)?)\s+(?:as|with)\b"
        r"|\bas one of\b|\b(?:under|in|into) one of\b(?!\s+(?:those|these|them|the)\b)"
        # "tag it with whichever fits", "put it in the right pile": one of the options the request lists
        rf"|{WHICHEVER_FITS}|{SORT_THIS}|{WHICH_IT_GOES}"
        r"|\b(?:tag|label|mark|file|sort|put|give|assign|pick|choose)\w*\s+(?:it|this|that|them|each)\b[^.;]{0,20}?"
        r"\bthe (?:right|correct|best|proper)"
        rf" {OPTION_NOUN}\b"
        r"|image classification|audio classification|text classification|\bspeaker identification",
        "classify this image; what is this a picture of; which category does the photo belong to; what kind of "
        "animal is in the image; what sound is this; classify the audio clip; is this headline about sports, "
        "politics or cooking; which category does this article belong to; label this text with a topic; is it music "
        "or speech",
        r"\b(?:classified|classification|category|label|class)\b|\bthat (?:kind|type|sort|class|category)\b",
        generic=True,
    ),
    _g(
        "emotion",
        "audio=audio-classification text=text-classification",
        "verdict",
        r"\bcommands?\b|\bemotions?\b",
        "what emotion does the speaker have; recognise the command in the recording; which kind of noise is it",
        r"\bemotions?\b",
    ),
    _g(
        "entities",
        "text=token-classification",
        "artifact",
        r"token[- ]classif\w*|named[- ]entit\w*|\bentit(?:y|ies)\b|parts?[- ]of[- ]speech|\bpos[- ]tag\w*|\bner\b"
        r"|\b(?:tag|label|classif\w*)\s+(?:the\s+|all\s+)?(?:words|tokens)|names of (?:people|persons|places)"
        r"|\b(?:every|each|all)\s+(?:person|people|place|places|name|names|company|companies)\b[^.;:]{0,40}\b"
        r"(?:named|mentioned)\b"
        r"|\b(?:tag|mark|highlight|list)\s+(?:every|each|all|the)\s+(?:[\w]+,?\s+(?:and\s+)?){0,4}?(?:person|people|company"
        r"|companies|place|places|organi[sz]ations?|names?)\b"
        r"|\b(?:names|people|places|persons|organi[sz]ations) (?:\w+ )?(?:mentioned|named|come up|comes up|came up"
        r"|appear|appears|appeared)\b"
        r"|\b(?:who|where|which people|what places)(?: and (?:who|what|where|when))?(?:'s| is| are| gets?)? "
        r"(?:mentioned|named)\b",
        "find the names of people, places and organisations in this text; tag each word with its part of speech; "
        "extract the entities from the sentence; highlight the proper nouns; list the names in it; which people "
        "and places does it name",
        r"\b(?:entities|tokens|tagged|classified|tags)\b",
    ),
    _g(
        "summarize",
        "text=summarization",
        "artifact",
        r"summar\w*|\bshort(?:er)?\s+(?:[\w-]+\s+)?(?:version|summary)"
        r"|\b(?:one|two|1|2)[- ]line(?:r| version| summary)\b"
        r"|\bconcise|\bkey points|\btl;?dr|\bcondens\w*|\bskim\b|\bmake\b[^.;]{0,30}\b(?:shorter|briefer)\b"
        r"|\btrim\w*\s+(?:it|this|that|them|down)\b|\b(?:to|down to) the essentials\b"
        r"|\bcut (?:it|this|that|them) down\b"
        r"|\bcut down to\b|\bsqueez\w*\b[^.;]{0,20}\b(?:into|down)\b"
        r"|\b(?:in|into) (?:\d|one|two|three|four)(?: or (?:\d|two|three|four|five))? (?:lines|sentences)\b"
        r"|\bin (?:one|two|three|a few|1|2|3) (?:lines|sentences|words)\b"
        r"|\bshorten\w*|\b(?:brief )?overview\b|\bboil\w* (?:[\w']+ ){0,4}?down\b|\bsum (?:\w+ )?up\b|\bgist\b"
        r"|\bmain points?\b|\b(?:bullet points|takeaways|action items)\b"
        r"|\b(?:important|essential|main) (?:bits|parts|details|stuff)\b"
        r"|\b(?:make|take|write)\s+(?:me\s+)?(?:some\s+)?notes\b|\b(?:revision|study|short|brief)\s+notes\b"
        r"|\bnotes\s+(?:made|written|taken)\s+from\b"
        r"|\bwhat(?:'s| is| was)? (?:this|that|the|my) (?:letter|article|text|document|email|message|note|page|story|"
        r"report|paper|podcast|lecture|talk|recording|memo|voicemail|call|episode|speech)s? (?:is |was )?about\b"
        # "what's this radio show about": any text or recording, not a picture (what a picture shows is a caption)
        r"|\bwhat(?:'s| is| was)? (?:this|that|the|my) (?!(?:\w+ )?(?:image|picture|photo|pic|painting|drawing|"
        r"scene)s?\b)(?:[\w-]+ ){1,2}(?:is |was )?about\b",
        "summarize this; give me the key points of this paragraph; make this shorter; what is the gist of this "
        "article; sum up this text in a few sentences; condense this report; the main points in one sentence; list "
        "the action items from the meeting; give me bullet points of the talk",
        r"\bsummar(?:y|ies|ized|ised)\b|\b(?:short|shorter|shortened|brief|condensed|cut-down) (?:one|version)\b",
    ),
    _g(
        "translate",
        "text=translation",
        "artifact",
        rf"translat(?!ors?\b)\w*\b(?!\s+(?:app|apps|tool|tools|service|button|software|feature)\b)|\b(?:into|to)\s+(?:{_L})\b|\bin\s+(?:{_NON_EN})\b|\b(?:{_L})\s+version\b"
        rf"|\b(?:say|says|said|mean|means|read|reads)\b[^.?!]{{0,30}}\bin\s+(?:{_L})\b"
        rf"|^(?:and\s+)?(?:in|into)\s+(?:{_L})(?:\s+(?:please|pls|plz|too))?$"  # "..., in english pls"
        rf"|^(?:and\s+)?(?:{_L})\s+(?:please|pls|plz)$",  # "English please?" (beside a note in German)
        "translate this into spanish; how do you say good night in french; what is this in german; put this "
        "sentence into italian",
        rf"\btranslat(?:ed|ion)\b|\b(?:{_L}) (?:version|one|text)\b",
    ),
    _g(
        "speak",
        "text=text-to-speech",
        "artifact",
        r"\bmake (?:it|this|that|them|these|those|the \w+)\s+(?:into|as)\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}"
        r"(?:speech|audio|voice|spoken|sound\s+(?:file|clip|recording))"  # "make them into audio" (not "make sure ...")
        r"|text[- ]to[- ]speech|\btts\b|\b(?:convert|turn|transform|change)\w*\b[^.;]{0,40}?\b(?:into|to|as)\s+"
        r"(?:an?\s+)?(?:[\w-]+\s+){0,2}(?:speech|audio|voice|spoken|sound\s+(?:file|clip|recording))"
        r"|\b(?:provide|give|return|send)\s+(?:me|us)\s+(?:with\s+)?an?\s+audio\b"
        r"|\bspeech\s+(?:audio\s+)?from\s+(?:the\s+|this\s+)?(?:following\s+|given\s+)?text"
        r"|\b(?:read|say|said|speak|spoke)\w*\b[^.;]{0,40}?\b(?:aloud|out loud)|\baloud\b|\bout loud\b"
        r"|\b(?:in|with|using)\s+(?:a|your|the)\s+(?:\w+\s+)?voice\b"
        # "with clear computer voice" (not "in this voice memo": the file)
        r"|\b(?:in|with|using)\s+(?:clear|calm|slow|soft|loud|natural|computer|robot|male|female|deep|friendly|gentle"
        r"|cheerful|different)\s+(?:\w+\s+)?voice\b"
        r"|\bread\w*\s+(?:it|this|that|them|(?:the|my|your|that|this) (?:whole |full |entire )?\w+)\s+(?:out|back)\b"
        r"|\bread\w*\s+(?:\S+\s+){0,5}?to (?:me|him|her|them|us|my \w+)\b"
        # ("read me the answer" is spoken; "read me what it says", "read me how much I paid" is told)
        r"|\bread\w*\s+out\b|\bread\s+(?:me|us)\b(?!\s+(?:what|how|which|who|when|where|whether|if)\b)|\b(?:say|speak)\w*\s+(?:it|this|that|them)\s+(?:back|again)\b"
        r"|\b(?:by|via|over|through|with)\s+(?:voice|audio|speech)\b(?![- ]to[- ]text)"
        r"|\bplay\w*\s+(?:it|this|that|them)\s+back\b"
        r"|\bcall\s+(?:it|them|that|those)\s+out\b"
        # "get the computer to say what's written here": a machine's voice asked for
        r"|\b(?:get|have|make|let)\s+(?:the|a|your|an?)\s+(?:computer|machine|robot|ai|app|phone|synth\w*)\s+"
        r"(?:voice\s+)?(?:to\s+)?(?:say|read|speak)\w*\b"
        r"|\bvoice\s+(?:say|read|speak)\w*\b|\bas\s+(?:an?\s+)?(?:audio|speech|voice\s+(?:note|message|memo))\b(?!\s+quality)"
        r"|\b(?:audio|spoken|voice)\s+(?:answer|response|version|summary|reply)"
        rf"|\bread (?:it|this|that|them)(?: out| back)? (?:to me )?in (?:{_L})\b"  # "... and read it in German"
        r"|\brecord\s+(?:me\s+)?an?\s+(?:\w+\s+)?(?:voice|audio|spoken)\b"
        r"|^spoken\b|\bspoken (?:back|aloud|out loud|by)\b"
        r"|\b(?:make|do|create|record)\s+(?:me\s+)?an?\s+(?:\w+\s+)?recording\s+of\s+(?:this|that|it|the following)\b"
        r"|\b(?:audio|mp3|sound|voice)\s+(?:file|version|recording|clip|track)\s+of\b"  # "an audio file of the summary"
        # "record just that answer as a short audio clip we can play to him"
        r"|\bas an?\s+(?:\w+\s+)?(?:audio|sound|voice|mp3)\s+(?:clip|file|track|recording)\b"
        r"|\bnarrat\w+|\bsynthesi[sz]\w*|\b(?:"
        + _VERB_MAKE
        + r"|mak(?:e|es|ing))\s+"
        + _DET
        + r"(?:\w+\s+)?(?:audio|speech|voice)\b(?!\s+(?:quality|clearer|cleaner|louder))"
        r"(?!(?:\s+\w+){0,2}\s+(?:louder|quieter|clearer|cleaner|crisper|less (?:muffled|noisy|crackly)|deeper|higher"
        r"|lower|faster|slower)\b)"
        r"|^(?:(?:and|then|also)\s+)*(?:an?\s+|some\s+)?(?:audio|voice (?:recording|version|note|memo|message)"
        r"|spoken version)\s+(?:for|of)\b"
        # "speak it", not "the professor speak(s) too fast" nor "I don't speak either one" (a language the asker knows)
        r"|\bin audio format|(?:^|\b(?:please|pls|and|then|also|to|you|u|now|just)\s+)speak\b"
        r"|\bpronounc\w*"
        # "say me if ...", "say, is it ...", "say how similar they are": tell me (a bare "say" is cut before its words)
        r"|^\s*(?:please\s+)?say\b(?!\s+(?:me|us|if|whether|how|what|which|who|whom|whose|when|where|why)\b)"
        r"(?!\s*,)(?!\s*$)",
        "say welcome in a natural voice; convert this text to speech; speak these words; say good morning; make an "
        "audio of this sentence; pronounce this; narrate the story; voice this message",
        r"\b(?:generated|resulting|synthesi[sz]ed|spoken) (?:audio|speech|voice)\b|\byour (?:own )?recording\b"
        r"|\bthe speech\b",
    ),
    _g(
        "similarity",
        "text=sentence-similarity",
        "verdict",
        r"sentence similarity|\bsimilar\w*|\bsame meaning\b|\bcompar\w*|\bhow close|\bhow (?:much )?alike\b"
        r"|\bhow (?:consistent|different)\b|\bconsistent with (?:one another|each other)\b"
        r"|\b(?:the )?same (?:thing |\w+ )?as\b(?!\s+an?\b)"
        r"|\b(?:say|says|saying|mean|means|meaning|ask|asks|asking|want|wants|wanting|talk|talks|talking)"
        r" (?:\w+ ){0,2}the same\b"
        r"|\b(?:about|on) the same (?:thing|topic|subject|story|event)s?\b"
        # "are these two basically the same question?", "if they broadly agree"
        r"|\b(?:are|were)\s+(?:these|those|they|the two|both)(?:\s+\w+)?\s+(?:\w+\s+){0,2}(?:the same|identical)\b"
        # "are 'X' and 'Y' basically the same search?": two texts given, asked if alike
        r"|\b(?:are|were)\s+this text and this text\b[^.;?]{0,30}?\b(?:the same|identical|alike|similar)\b"
        # "does what he says match the script": a text matched against another
        r"|\bmatch(?:es)?\s+(?:the|my|our|his|her|their)\s+(?:\w+\s+)?(?:script|text|notes?|wording|words|version"
        r"|email|message|letter|original|draft|copy|transcript|lyrics|quote)\b"
        r"|\b(?:they|these|those|the two|both)\s+(?:\w+\s+)?agree\b"
        r"|\bhow (?:well|closely|much) (?:they|these|those|the two|both)\s+(?:\w+\s+)?(?:line up|match|agree|overlap)\b"
        r"|\bcheck\b[^.;]{0,40}\bagainst\b|\b(?:they|these|those|both|the two) (?:\w+ )?match up\b"
        r"|\bthe same \w+ (?:as )?(?:i|we|you|he|she|they) \w+|\bmatch(?:es)? (?:what|mine|my|that|this|it)\b"
        # "same message, or ...", "same news both times?", "do they agree on the day?", "is that what the card
        # says too?", "did I get it right?" (what the asker wrote, against what a file says)
        r"|^(?:(?:is it|are they|is this|was it)\s+)?(?:the\s+)?same\s+(?:\w+\s+)?(?:message|news|thing|text|words|info"
        r"|information|story|meaning|content|request|announcement|details)\b"
        r"|\b(?:do|does|did) (?:they|these|those|both|the two|both of them|the \w+ and the \w+) (?:\w+ )?"
        r"(?:agree|match|differ|line up|say the same)\b|\b(?:is|was) (?:that|this|it) what\b[^.?]*\bsays?\b"
        r"|\bdid (?:i|we) (?:get|hear|write|note|copy|jot) (?:\w+ )?(?:it|that|this|them|everything) "
        r"(?:down )?(?:right|correctly)\b"
        r"|" + _CHECKS,
        "how similar are these two sentences; do these sentences mean the same thing; compare these two texts; are "
        "these phrases paraphrases of each other; how close in meaning are these",
        r"\bsimilarity\b",
    ),
    _g(
        "write",
        "text=text-generation",
        "artifact",
        r"text[- ]generation|\b(?:"
        + _VERB_MAKE
        + r"|writ\w*(?!\s+(?:(?:it|them|both|each|these|those)\s+)?(?:out|down|up)\b)"
        r"(?!\s+(?:me|us)\s+(?:the|all the|its)\s+(?:text|words|writing|wording)\b)"
        + rf"(?!\s+(?:me\s+)?{_THE_MESSAGE})"
        # (not "give me just that answer as speech": the answer found, not a text to write)
        r"|compos\w*|draft\w*|(?:tell|give) (?:me|us)(?!\s+(?:just\s+)?(?:the|that|this|its)\s+(?:\w+\s+)?answers?\b)"
        r"|come up with"
        r"|put together)\s+"
        + _DET
        + r"(?:(?!video|audio|voice|spoken|visual|image|conversational|chat)[\w-]+\s+){0,2}"
        r"(?:text|paragraph|story|essay|poem|article|content|continuation|explanation|message|email|letter|joke|riddle"
        r"|limerick|haiku|rhyme|pun|toast|eulogy"
        r"|tweet|post|slogan|tagline|bio|blurb|invitation|invite|note|card|reply|answer|apology"
        r"|thank[- ]you|idea|suggestion)s?\b"
        # "turn this into a poem", "make it into a short story": a text written from the one given
        r"|\b(?:turn|make|convert|change|rework|rewrite)\w*\s+(?:it|this|that|them|the \w+)\s+into\s+(?:an?\s+)?"
        r"(?:[\w-]+\s+){0,2}(?:poem|story|song|limerick|haiku|rhyme|essay|tweet|post|letter|email|joke|riddle"
        r"|slogan|blurb|bio)s?\b"
        # "make a to-do list from this voice memo": a list written from it
        r"|\b(?:make|write|create|draw up|put together|give me|turn \w+ into)\s+(?:me\s+)?(?:an?\s+)?"
        r"(?:quick\s+|short\s+)?(?:to-?do|todo|task|action|shopping|check)[\s-]*list\b"
        # questions made, not asked ("make a quiz question from them", "set me three exam questions")
        r"|\b(?:make|write|set|create|generate|come up with|think up|draft|prepare)\w*\s+(?:me\s+)?(?:[\w-]+\s+){0,3}"
        r"(?:quiz|test|exam|trivia|practice|revision|interview|multiple[- ]choice|comprehension)\s+questions?\b"
        # not "write it down", "write a caption", nor "how would I write '...' in Portuguese" (a translation)
        r"|(?<!\bwhat you )(?<!\bwhat u )\bwrite\b"  # (not "from what you write, ...")
        rf"(?!\s+(?:me\s+)?what\s+{_SAYS_WHAT})(?!\s+(?:me\s+)?{_THE_MESSAGE})"
        r"(?!\s+(?:(?:it|this|that|them|everything|(?:the|this|that|my|his|her|their) [\w-]+)\s+(?:all\s+)?)?"
        r"(?:down|out|up)\b)(?![^.;,]{0,25}\bcaption)(?!\s+(?:me|us)\s+(?:the|all the|its)\s+(?:text|words|writing)\b)"
        r"(?!\s+(?:down\s+|out\s+)?(?:all\s+)?(?:the\s+)?(?:words|text|writing)\b)"
        rf"(?!\s+(?:this|that|it) (?:text |question )?in (?:\w+$|(?:{_L})\b))"
        # "draft a response I can send back" (but "generate a response" is a chat reply)
        r"|\b(?:writ\w*|draft\w*|compos\w*)\s+(?:me\s+)?(?:an?\s+)?(?:[\w-]+\s+)?response\b"
        r"|\bcontinue\b|\bexpand\w*|\bparaphras\w*|\brewrit\w*|\breword\w*|\brephras\w*"
        r"|\bcomplete the (?:text|sentence)"
        # "make this sound friendlier": the text rewritten ("make it sound clearer" is a recording's clean-up)
        r"|\bmake (?:it|this|that|them) (?:sound|read) (?!(?:\w+ )?(?:clearer|louder|quieter|cleaner|better|crisper)\b)"
        r"|\b(?:need|want|like)\s+(?:a|an|some)\s+(?:(?:new|short|brief)\s+(?:text|paragraph|story|essay|poem)\b"
        r"|(?:text|paragraph|story|essay|poem)\s+(?:about|on)\b)|\b(?:additional|more comprehensive|more detailed)"
        r" (?:\w+ )?text",
        "write a short poem about the sea; write a story about a robot; compose an email to my boss; write a "
        "paragraph about climate change; continue this story; write a haiku; correct the spelling; fix the grammar; "
        "proofread this; rewrite it more politely; come up with a funny caption for my post about cats; "
        "tell me a joke; make this sound more professional",
        r"\b(?:generated|new) (?:text|story|paragraph)\b|\bthe (?:poem|story|essay|haiku|paragraph|brief|message)\b"
        r"|\b(?:your|that|the) (?:limerick|rhyme|poem|verse|joke|toast|caption|slogan|tagline)\b",
    ),
    _g(
        "chat",
        "text=conversational",
        "answer",
        r"conversational|\b(?:have|hold|start|generate|continue|create)\w*\s+(?:a\s+|an?\s+\w+\s+)?conversation"
        r"|conversation (?:response|reply)"
        # not "the group chat", "every chat gets ticked as ..."
        r"|(?<!group )(?<!family )(?<!the )(?<!our )(?<!my )(?<!every )(?<!each )\bchat(?!ter)\w*"
        r"|\bdiscuss\w*|\bdialog\w*|\brespond\b|\breply\b"
        r"|\banswer (?:this|that|the|my) (?:voicemail|e-?mail|message|text|letter|call|note)\b"
        r"|\bconverse\b",
        "hello; hi there; thanks, that was helpful; how are you; what can you do; what do you think "
        "about music; can you give me some advice; i need tips for my trip; help me decide what to do; why does "
        "this happen; explain how something works; who invented the telephone; what should i cook tonight",
        r"\b(?:response|reply|conversation)\b|\byour answer\b",
    ),
    _g(
        "draw",
        "text=text-to-image",
        "artifact",
        # "I'd love a picture of a sunny village green": a picture wished for, of something described
        r"text[- ]to[- ]image|\b(?:i'd|i would|we'd|we would) (?:love|like) (?:a|an) (?:[\w-]+ )?(?:picture|image|"
        r"drawing|painting|illustration) of (?!(?:this|that|it|my|our|him|her|them)\b)|\b(?:"
        + _VERB_MAKE
        + r"|draw\w*|render\w*|design\w*|mak(?:e|es|ing)|paint\w*)\s+(?:me\s+|us\s+)?"
        + _DET
        + r"(?:(?!segment|edit|modif|enhanc|output|depth|transform|line\b)[\w-]+\s+)?"
        r"(?:image|picture|illustration|drawing|painting|photo|artwork|thumbnail|poster|logo|watercolou?r|portrait)s?\b"
        r"|\b(?:image|picture|photo|illustration)s?\s+(?:\w+\s+)?(?:generated|created|drawn|produced)\b(?! by)"
        # "I need an image for our concert poster: ..." (not "a picture of this sign")
        r"|\b(?:needs?|wants?|would like|i'd like)\s+(?:a|an)\s+(?:new\s+|cover\s+)?"
        r"(?:image|picture|illustration|drawing"
        r"|painting"
        r"|poster|logo)\b(?!\s+(?:of (?:this|the|my|that)|edited|fixed|read))"
        r"|\bvisuali[sz]ation of|\billustrat(?!ors?\b)\w*|\bartistic interpretation"
        r"|\b(?:draw|sketch|paint)\s+(?:me\s+|us\s+)?(?:an?|some)\s+(?!conclusion|line|comparison|distinction|parallel|box|circle"
        r"|(?:\w+ )?(?:edge|outline|contour|depth|map|mask|bounding|skeleton|pose))"
        r"|\b(?:draw|paint|illustrate)\s+(?:it|this|that|them)\b(?!\s+(?:on|onto|over|in)\b)"
        # "draw the monster the way he describes it" (not "draw the outlines", "draw boxes round the faces")
        r"|\b(?:draw|paint|sketch|illustrate)\s+(?:the|his|her|my|our|their)\s+"
        r"(?!(?:[\w-]+\s+)?(?:box|boxes|outlines?|edges?|lines?|contours?|faces?|circles?|map|skeleton|pose|stick)"
        r"|stick)\w+"
        r"|\b(?:draw|paint|illustrate|sketch)\s+(?:me\s+)?(?:whatever|what)\b"
        r"|\bas an? (?:picture|image|illustration|drawing|painting)\b"
        r"|\b(?:logo|poster|illustration|drawing|painting|picture|image|artwork|icon|sticker|banner)\s+"
        r"(?:idea|design|concept|mock-?up)s?\b"
        r"|\binto an? (?:image|picture|drawing|illustration)\b"
        # "I need a summary, an image, and a short video": a picture in a list of things wanted
        r"|,\s*an? (?:image|picture|illustration|drawing)\b(?!\s+(?:of|showing|with|that|which|named|called|file))"
        r"|\b(?:turn|convert|transform|make)\w*\s+(?:the\s+|this\s+|that\s+|my\s+)?(?:summary|story|text|description|"
        r"caption|answer|transcript\w*|poem|translation|sentence|quote)\s+into\s+(?:an?\s+)?"
        r"(?:picture|image|illustration|drawing|painting)",
        "draw a picture of a lighthouse; generate an image of a cat; create an illustration of a forest; paint a "
        "sunset; make a picture of a dragon; show me an image of a red car; sketch a castle",
        r"\b(?:generated|created|new) (?:image|picture|illustration)\b|\billustration\b|\bdrawing\b",
    ),
    _g(
        "video",
        "text=text-to-video",
        "artifact",
        r"text[- ]to[- ]video|(?<!\btheir )(?<!\bmy )(?<!\bour )(?<!\bhis )(?<!\bher )(?<!\byour )"
        # ("put it over the video", "captions under the video": a video the asker has)
        r"(?<!\bover the )(?<!\bunder the )(?<!\bon the )(?<!\bin the )(?<!\bfor the )(?<!\bto the )(?<!\bwith the )"
        r"\bvideos?\b"
        r"|(?<!\bfor my )(?<!\bfor our )(?<!\bfor an )(?<!\bfor the )\banimation\b"
        r"|\banimate\b",
        "make a video of a cat playing; generate a short clip; create an animation of a scene; film a scene of "
        "kites over a hill",
        r"\bvideo\b",
    ),
    _g(
        "detect",
        "image=object-detection",
        "annotation",
        r"object detection|\bdetect\w*|\bbounding box\w*|\bwhat objects|\bcount(?:s|ed|ing)?\b"
        r"|\b(?:more|fewer|less|most|fewest)\s+(?:people|persons|faces|heads)\b"  # "which one shows more people"
        r"|^(?:(?:please|and|then|also|now)\s+)*box\s+(?:(?:all|both|every|each|the|my|those|these)\s+)*[a-z]+\b"
        r"|\b(?:identify|find|locate|recogni[sz]e|label|list)\w*\s+(?:and\s+label\s+)?(?:all\s+|the\s+|other\s+|any\s+)*"
        r"(?:\w+\s+)?objects?\b"
        r"|\b(?:find|locate|spot|box|mark|circle)\w*\s+(?:my|his|her|their|our|the|all|every|each|all the|both|both the"
        r"|the two|two|these|those)?\s*"
        r"(?:faces?|people|persons?|heads)\b"
        r"|\b(?:faces?|people|persons?|heads|objects|cars)\b[^.;,]{0,30}\b(?:boxed|circled)\b(?!\s+(?:version|image|copy|one))"
        r"|\b(?:face|people|person)[- ](?:finder|detector|detection|counter|tracker)\b"
        r"|\b(?:box|boxes|frames?|squares?|rectangles?|circles?)\b[^.;]{0,20}\b(?:around|round|on)\s+(?:all\s+|each\s+"
        r"|every\s+)?(?:the\s+|their\s+)?(?:faces?|people|persons?|heads)\b",
        "how many faces are in this picture; how many people are in this photo; count the people; find the faces in "
        "this photo; detect the people in this image; is there a person in this picture; where are the faces; box "
        "the faces; what objects are in this picture; find all the cars in this photo; locate the dog; mark the "
        "faces; circle everyone in the photo",
        r"\bdetected\b|\bbounding boxes\b|\bdetections\b|\b(?:object|their|its) labels\b|\blabels of\b"
        r"|\bidentified objects\b"
        r"|\b(?:objects|things|items) (?:you|we|it|that were) (?:found|detected|identified|spotted)\b"
        r"|\b(?:marked|boxed|annotated)(?:[- ]up)?\b|\bdetection (?:output|result)s?\b|\bwith (?:the )?boxes\b",
    ),
    _g(
        "segment",
        "image=image-segmentation",
        "artifact",
        r"segment\w*|\b(?:divid|split)\w*[^.;]{0,40}\b(?:segments|regions|parts)|\bseparate (?:regions|segments)"
        r"|\bmasks?\b"
        r"|\b(?:remove|erase|delete|drop|strip|cut)\w*\s+(?:out\s+)?(?:the\s+|its\s+|their\s+)?(?:background|bg\b)"
        r"(?!\s+(?:noise|music|sounds?|hum|hiss|chatter|voices?|talk))"
        r"|\bwithout (?:the |its |any |a )?(?:background|bg)\b"
        r"|\b(?:background|bg)\s+(?:removal|remover|removed)|\btransparent background|\bcut\s+(?:\w+\s+){0,4}?out\b"
        r"|\b(?:make|turn)\s+(?:\w+\s+){1,3}?(?:into\s+)?an?\s+cut-?out\b|\bnothing behind (?:him|her|it|them)\b"
        r"|\b(?:behind|around) (?:him|her|them|it)\b[^.;]{0,20}\b(?:taken away|removed|gone|cut|erased|deleted)\b"
        # "lift the figure out of this photo", "isolate her"
        r"|\b(?:lift|pull|take|get|extract|separate)\s+(?:\w+\s+){1,3}?out\s+(?:of|from)\s+(?:the|this|that|my)\s+"
        r"(?:photo|picture|image|pic|shot|background)\b|\bisolate\s+(?:the|him|her|them|my)\b",
        "cut the person out of this photo; remove the background; cut her out; make the background transparent; "
        "separate the person from the background; isolate the subject; give me a mask of the person",
        r"\bsegment(?:ed|s)\b|\bsegmentation (?:map|mask|result|output|image)s?\b|\bcut-?outs?\b|\bmasks?\b",
    ),
    _g(
        "depth",
        "image=depth-estimation",
        "artifact",
        # ("how far is the station from here?" asks a fact, not the depth of a picture)
        # (not "what depth does the sign give?": a value printed on it)
        # (nor "how far is it still to the top?": the way to a place, read off a signpost)
        r"(?<!\bwhat )(?<!\bwhich )\bdepth\b(?! does it give)|\bhow far\b(?!(?:\s+[\w']+){1,4}\s+from here\b)"
        r"(?!(?:\s+[\w']+){0,4}\s+to\b(?!\s+the\s+camera))"
        r"|\bdistances? (?:from|to) the camera",
        "estimate the depth of the image; make a depth map; how far away are the objects; which things are closer "
        "to the camera",
        r"\bdepth\b",
    ),
    _g(
        "edit",
        "image=image-editing",
        "artifact",
        r"image editing|\bedit\w*|\bmodif\w*|\balter(?:s|ed|ing)?\b|\bun-?(?:mirror|flip|rotate)\w*"
        r"|\b(?:shrink\w*|resiz\w*|downsiz\w*|scale (?:it |this |that |them )?(?:down|up))\b"
        r"|\btone (?:it |this |that |them )?(?:down|up)\b"
        r"|\b(?:crop|cropp(?:ed|ing)|rotat(?:e|ed|ing)|brighten\w*|lighten\w*|darken\w*|straighten\w*)\b"
        r"|\b(?:make|turn|put|get|set) (?:it|this|them|the (?:photo|picture|image|pic))"
        r" (?:back )?(?:straight|upright)\b"
        r"|\bstand (?:it|this|them) (?:up(?:right)?|straight)\b"
        r"|\b(?:quarter|half)[- ]turn\b|\banti-?clockwise\b|\bcounter-?clockwise\b"
        # the editor's other adjustments, asked as verbs ("blur their faces"; not "it's blurred": a state)
        r"|\b(?:blur|blurring|pixelat\w*|desaturat\w*|invert|inverting)\b"
        r"|\b(?:increase|decrease|boost|raise|lower|reduce|bump up|turn up|turn down|more|less)\s+(?:the\s+)?"
        r"(?:contrast|saturation|exposure)\b"
        r"|\bflip(?:s|ping)?\b(?! through)"
        r"|\bmirror(?:s|ed|ing)?\s+(?:it|this|that|them|him|her|the)\b"
        r"|\b(?:the )?right (?:way|side) (?:up|round|around)\b"
        r"|\b(?:turn|make|put)\w*\s+(?:it|this|them)\s+(?:to\s+|in\s+)?(?:the\s+)?(?:right|correct|proper|normal)\s+"
        r"(?:way|direction|orientation)\b"
        r"|\bb\s*&\s*w\b|\bb/w\b|\bblack[\s-]*(?:and|&|n)[\s-]*white\b|\bgr[ae]y\s*scale\b|\bsepia\b|\bcartoon\w*\b"
        r"|\b(?:chang|transform|alter|adjust)\w*\b[^.;]{0,50}?\b(?:colou?r|background|to (?:" + _COLORS + r"))"
        r"|\b(?:make|turn|paint)\w*\b[^.;]{0,30}?\b(?:" + _COLORS + r")(?:d?er|r)?\b"
        r"|\b(?:mak\w*|made)\b[^.;]{0,30}?\b(?:brighter|darker|warmer|cooler|sharper|lighter|smaller|bigger|larger"
        r"|tinier|more (?:colou?rful|vivid))\b"
        r"|\breplac\w*\b[^.;]{0,40}\bwith\b"
        r"|\b(?:add|remov|replac|eras|insert)\w*\b[^.;]{0,30}\b(?:to|from|in|on|onto)\s+(?:the|this|my)\s+"
        r"(?:image|picture|photo)|\bcolou?rs? more vivid"
        # asked ("put a hat on him", "can you add ..."), not told ("the neighbours put a sign on their gate")
        r"|(?:^|\b(?:please|pls|to|and|then|also|you|u|just|now)\s+)(?:add|put)\w*\s+(?:a|an|some)\s+(?:\w+\s+)?\w+\s+"
        r"(?:to|on|onto)\s+(?:the|this|my|her|his|their)\s+\w+"
        r"|^(?:please\s+)?(?:add|put)\s+(?:\w+\s+){1,2}?(?:on|onto)\s+(?:everyone|everybody|him|her|them|each \w+)\b",
        "make it black and white; rotate this image by 90 degrees; flip this photo horizontally; make this picture "
        "brighter; blur this image; sharpen this photo; crop the image; resize this picture to half; increase the "
        "contrast; invert the colours; make it grayscale; turn the photo upside down; make it darker; mirror the "
        "image; make it look like a pencil sketch; give it a sepia look; change the colour of the car to red; make me "
        "look older; give him a beard",
        r"\b(?:edited|modified|changed|brightened|lightened|darkened|cropped|rotated|flipped|straightened|mirrored)\b",
    ),
    _g(
        "restyle",
        "image=image-to-image",
        "artifact",
        # "a chatbot-style response" is the style of a text
        r"image[- ]to[- ]image|\bstyles?\b(?!\s+(?:response|reply|answer|message|summary|text|conversation)s?\b)"
        r"|\brestyl\w*|\bstyli[sz]\w*"
        r"|\btransform\w*\s+(?:the\s+|this\s+|my\s+|\w+ed\s+)*(?:image|picture|photo)"
        r"|\b(?:look|appear)\w*\s+(?:like|as)|\bappearance\b|\bsuper[- ]resolution|\bupscal\w*"
        r"|\b(?:enhanc|improv|sharpen|restor)\w*\s+(?:the\s+|this\s+|its\s+)?(?:\w+\s+)?(?:image|picture|photo|"
        r"resolution)",
        "transform this photo into a painting; change the style of the image; make the picture higher resolution; "
        "upscale the photo; turn the day photo into night; restore an old photograph",
        r"\b(?:transformed|enhanced|improved|stylized|stylised|upscaled|restyled|sharpened|restored) "
        r"(?:image|picture|photo)\b",
    ),
    _g(
        "enhance",
        "image=image-to-image audio=audio-to-audio",
        "artifact",
        r"\b(?:enhanc|improv|upscal|sharpen|restor|clean)\w*\b[^.;]{0,25}?\b(?:quality|resolution|clarity)"
        r"|\b(?:low|poor|bad) (?:in )?quality",
        "improve the quality; make it clearer",
        generic=True,
    ),
    _g(
        "clean-audio",
        "audio=audio-to-audio",
        "artifact",
        r"audio[- ]to[- ]audio|\b(?:enhanc|improv|clean|denois)\w*[^.;]{0,30}?\b(?:audio|speech|sound|voice|recording)"
        r"|\b(?:reduc|remov|separat|suppress|clean)\w*[^.;]{0,30}?\bnoise|\bnoise (?:reduction|removal|suppression)"
        r"|\bnoisy\b|\bsource separation|\baudio quality|\bclean\w* (?:it|this|that|them) up\b|\bdenois\w*"
        r"|\b(?:audio|speech|sound|voice|recording|voicemail|message|memo|clip|call)s?\s+(?:\w+\s+)?(?:louder|"
        r"quieter|clearer|cleaner|crisper|less (?:muffled|noisy|crackly)|deeper|higher|lower|faster|slower)\b",
        "remove the noise from the recording; clean up the audio; enhance the speech quality; separate the voice "
        "from the music; make the recording clearer; tidy up the crackle; get rid of the hiss",
        r"\b(?:enhanced|cleaned(?:[- ]up)?|clearer|improved|denoised) (?:audio|speech|sound|recording)\b",
    ),
    _g(
        "table",
        "image=tabular-classification",
        "verdict",
        r"tabular|\b(?:image|picture|photo|scan\w*)\s+(?:\S+\s+)?of\s+(?:a\s+|the\s+)?table"
        r"|containing\s+(?:a\s+|the\s+)?table|table image",
        "classify the table in this image; predict the class of each row of the table",
    ),
    # ControlNet condition maps (HuggingGPT's planner prompt); a drawing after one is drawn from it
    _g(
        "edges",
        "image=canny-control",
        "artifact",
        r"\bcanny\b|\bedge[- ]?(?:map|detect\w*|thing|tool|filter|effect|finder|outlines?|lines?|drawing)"
        r"|\b(?:extract|find|detect|get|draw|trace|show|keep|use|take|want|need|give|make|pull)\w*\s+"
        r"(?:me\s+)?(?:just\s+|only\s+)?"
        r"(?:the\s+)?(?:edges|outlines|contours)\b|^(?:just |only )?the outlines\b|\bline (?:drawing|art)\b",
        "show me the edges in this image; make an edge map; find the outlines; trace the edges of this picture",
        r"\bedge map\b|\bedges\b",
    ),
    _g(
        "soft-edges",
        "image=hed-control",
        "artifact",
        r"\bhed\b|\bsoft edges?\b|\bholistic edges?\b",
        "",
        r"\bsoft edges?\b",
    ),
    _g("lines", "image=mlsd-control", "artifact", r"\bmlsd\b|\bstraight lines\b|\bline segments\b", "", r"\blines\b"),
    _g("normals", "image=normal-control", "artifact", r"\bnormal map\b|\bsurface normals\b", "", r"\bnormal map\b"),
    _g(
        "pose",
        "image=openpose-control",
        "artifact",
        r"\bopenpose\b|\b(?:body |human )?pose (?:map|skeleton|estimation)\b|\bskeleton\b",
        "",
        r"\bpose\b|\bskeleton\b",
    ),
)

BY_NAME: dict[str, Goal] = {g.name: g for g in GOALS}
# "check my quiz answer": the asker's answer compared with the one found, after the question is answered
CHECKS_ANSWER = re.compile(_CHECKS)
ASK_GOALS = frozenset({"ask", "ask-visual"})  # goals that answer a question about what they work on
# goals that make something new from a prompt: the request's own words, or a text it names
PROMPTED = frozenset({"draw", "video", "write", "chat"})
# a clause that presents what the request is about and asks nothing of it ("I have a photo of my cat")
CONTEXT_EXAMPLES = (
    "i have an image",
    "here is a photo",
    "i have a recording",
    "this is my receipt",
    "i took this picture yesterday",
    "listen to this",
    "look at this picture",
    "i have a text",
    "here is an audio file",
    "i have a document",
    "attached is a scan",
    "i have a long article",
    "the user uploads a file",
    "here is the text",
    # a bare noun phrase naming the file ("podcast clip, whats the short version") presents it too
    "podcast episode",
    "an audio clip",
    "old photo",
    "screenshot from my phone",
)
