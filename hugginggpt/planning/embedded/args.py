"""Text arguments in the request's own words: a drawing's description, an edit's instruction, a question
asked without quotes, and the labels a classification is asked to choose among."""

from __future__ import annotations

import re

# the words that ask, before what is asked ("could you please", "i would like you to")
_POLITE = re.compile(
    r"^(?:(?:and|then|also|finally|lastly|next|now|so|ok|okay|hey|hi|hello|after that|afterwards"
    r"|(?:from|using|with|based on) (?:that|this|it|what you (?:got|read|found)))\W+)*"
    r"(?:(?:please|kindly|can you|could you|would you|will you|i want(?: you)? to|i'd like(?: you)? to|"
    r"i would like(?: you)? to|i need(?: you)? to|help me|let's|lets|go ahead and)\W+)*",
    re.I,
)
# a generation's description as people write it: "an image of a red barn", "a story about robots"
_OF = re.compile(
    r"\b(?:image|picture|photo|video|clip|illustration|drawing|painting|animation|text|story|paragraph|poem|essay|"
    r"song|article)s?\s+(?:of|about|on|showing|depicting|that represents|representing|illustrating)\s+(.+?)"
    r"(?=\s+(?:based on|with the following|using|from)\b|[,.;!?](?:\s|$)|\s+(?:and then|then)\s|$)",
    re.I,
)
_TRAILING_STYLE = re.compile(
    r"\s*[,.;!?]\s+(?P<style>(?:in\s+)?(?:an?\s+)?(?:[\w-]+\s+){0,3}?(?:style|styled|look|watercolou?r|cartoon|sketch"
    r"|anime|pixel art|oil painting|black and white|sepia))(?:\s+(?:please|pls|plz|thanks))?\W*$",
    re.I,
)
_MAKE = re.compile(
    r"^(?:draw|paint|sketch|illustrate|render|create|generate|make|produce|design|film|write|compose|show me)"
    r"(?:\s+(?:me|us))?\s+",
    re.I,
)
_WH = re.compile(
    r"^(?:(?:from|to|at|in|on|for|with|by|about)\s+)?"  # "from which platform"
    r"(?:who|whom|whose|what|when|where|which|why|how|is|are|was|were|does|do|did|can|could)\b",
    re.I,
)


def prompt(clause: str) -> str:
    """The description a drawing, video or text is to show ("" when the clause gives none of its own)."""
    if m := _OF.search(clause):
        body = re.sub(r"^(?:the|a|an)\s+(?=\w+\s+of\b)", "", m.group(1).strip())
        if style := _TRAILING_STYLE.match(clause, m.end()):  # "... in a café? cartoon style plz"
            body = f"{body}, {style['style'].strip()}"
        return body
    rest = _POLITE.sub("", clause.strip())
    if m := _MAKE.match(rest):
        body = rest[m.end() :].strip(" .!?")
        # "make a picture" names no subject of its own
        if body and not re.fullmatch(r"(?:an?|the|some)?\s*(?:image|picture|video|clip|story|text|poem)s?", body, re.I):
            return body
    return ""


_TEXT_KIND = re.compile(
    r"\b(?:an?|some|one)\s+(?:[\w-]+\s+){0,2}?(?:poem|story|essay|haiku|paragraph|article|message|email|letter|"
    r"speech|song|joke|limerick|toast|tweet|post)s?\s+(?:about|on|for)\s+",
    re.I,
)


def text_prompt(clause: str) -> str:
    """What a text is to be written about, with the kind of text it is ("a short poem about autumn leaves")."""
    body = prompt(clause)
    if body and (m := _TEXT_KIND.search(clause)):
        at = clause.lower().find(body.lower(), m.end())
        if 0 <= at - m.end() <= 4:  # "a paragraph about the benefits of ...": only "the " between
            return clause[m.start() : at + len(body)]
    return body


def instruction(clause: str) -> str:
    """An edit's instruction in the request's words: the clause without the words that ask."""
    return _POLITE.sub("", clause.strip()).strip(" .,;") or clause.strip()


# "say the gate number out loud": a thing named, to be found and spoken
SAID_THE = re.compile(
    r"^(?:just\s+)?(?:say|read(?: out)?|tell me|call out)\s+(?:me\s+|us\s+)?"
    r"(?P<thing>(?:the|its|his|her|their|my|our)\s+[\w'-]+(?:\s+[\w'-]+){0,3}?)"
    r"\s+(?:out loud|aloud|for me|to me|back)\b",
    re.I,
)


# "if it's urgent, let me know": the question put before the ask to tell it
IF_TELL = re.compile(
    r"(?P<q>(?:if|whether)\s+\S+\s+\S+.*?),?\s+(?:(?:please\s+)?(?:tell|let) (?:me|us)(?: know)?|say so|flag it)"
    r"(?:\s+(?:please|pls|plz))?",
    re.I,
)


# verbs that ask for a thing a text holds ("tell me the star rating", "jot down the number he mentions")
TELL_VERBS = (
    r"(?:(?:tell|give|show)\s+(?:me|us)|extract|find|get|pull out|pull|grab|look up|jot down|note down|take down"
    r"|make a note of)"
)


# "flag anything urgent", "highlight any dates": the things of a kind a text holds, pointed out
POINT_OUT = re.compile(
    r"(?:(?:please|pls|and|also|then|just)\s+)*(?:highlight|flag|point out|pick out|spot|mark|underline|note)\s+"
    # (not "pick out every person, place and organisation": the names a text holds, found as entities)
    r"(?:up\s+)?(?:any|all|every)(?=thing\b|\s)"
    r"(?!\s*(?:\w+\s+)?(?:persons?|people|places?|names?|organi[sz]ations?|compan(?:y|ies)|entities)\b)"
    r"(?P<what>[\w' -]+?)(?:\s+(?:please|pls|for me))?",
    re.I,
)


def flagged(words: str) -> str | None:
    """The quality a text is checked for ("flag anything urgent" -> "urgent"), None when a kind of thing is
    pointed out instead ("highlight any dates")."""
    m = POINT_OUT.fullmatch(words.strip(" .,;?!"))
    what = m["what"].strip() if m else ""
    return what[len("thing") :].strip() or None if what.startswith("thing") else None


def question(clause: str) -> str:
    """A question asked in the clause's own words ("what's the total" -> "what's the total?")."""
    q = re.sub(r"\s+(?:please|pls|plz)$", "", _POLITE.sub("", clause.strip()).strip(" .,;"), flags=re.I)
    if m := POINT_OUT.fullmatch(q):  # "highlight any dates" -> "What dates are mentioned?"
        return f"What {m['what'].strip()} are mentioned?"
    if m := IF_TELL.fullmatch(q):
        q = m["q"]
    elif m := re.match(r"(?:make|give me|write)\s+(?:me\s+)?a list of\s+(?P<what>.+)", q, re.I):
        # "make a list of the prices": what they are
        return f"What are {m['what']}?"
    elif re.fullmatch(r"(?:also\s+)?(?:the|its|their|his|her)\s+[\w' -]+", q, re.I):  # "and the best before date"
        return "What is " + re.sub(r"^also\s+", "", q, flags=re.I) + "?"
    if m := SAID_THE.match(q):  # "say the gate number out loud" -> "What is the gate number?"
        plural = re.search(r"[^s\W]s$", m["thing"])  # "read the times for me" -> "What are the times?"
        return f"What {'are' if plural else 'is'} {m['thing']}?"
    # "tell me the star rating": what the thing named is
    q = re.sub(
        rf"^{TELL_VERBS} (?=(?:the|its|his|her|their)\s)",
        "what is ",
        q,
        flags=re.I,
    )
    q = re.sub(r"^(?:tell me|let me know|i (?:want|would like|'d like) to know|i wonder)\s+", "", q, flags=re.I)
    # "pull the wine names off it for me": what is asked, without where from and for whom
    off = r"\s+(?:off|out of|from) (?:it|this|that|them)(?= for (?:me|us)$|$)|\s+for (?:me|us)$"
    q = re.sub(off, "", q, flags=re.I)
    # plural by the noun, not by a verb of the clause after it ("the phone number he mentions": is)
    named = re.split(r"\s+(?:he|she|they|it|i|we|you|that|which|who)\b", q, maxsplit=1, flags=re.I)[0]
    if re.match(r"what is (?:the|its|his|her|their)\s+(?:\w+\s+)*\w+[^s\W]s$", named, re.I):
        q = "what are " + q[len("what is ") :]
    # "tell me if it's a warning": the yes/no question it wraps ("it's a warning?")
    asked_if = bool(re.match(r"(?:if|whether)\s+\S+\s+\S+", q, re.I))
    q = re.sub(r"^(?:if|whether)\s+(?=\S+\s+\S+)", "", q, flags=re.I)
    if not q:
        return clause.strip()
    q = q[0].upper() + q[1:]
    return q if q.endswith("?") or not (_WH.match(q) or asked_if) else q + "?"


# options of one or two words each after a colon or a dash, or opening the clause ("... go in — sport, politics
# or food?", "sports, business or weather: which one?")
_BARE_LIST = re.compile(
    r"(?:[:—–-]\s*|^)(?P<items>[\w'-]+(?: [\w'-]+)?(?:\s*,\s*[\w'-]+(?: [\w'-]+)?)*\s*,?\s+or\s+[\w'-]+(?: [\w'-]+)?)"
    r"\s*(?:[?.:!—–-]|$)",
    re.I,
)
_LIST = re.compile(
    r"\b(?:about|as|into|among|between"
    r"|(?:one of|any of)(?: these)?(?: topics| labels| categories)?:?)\s+"
    r"(?P<items>[\w -]+?(?:\s*,\s*[\w -]+?)*\s*,?\s+(?:or|and)\s+[\w-]+(?: [\w-]+)?)"
    # (the options may be followed by how to choose: "... as happy customer or unhappy customer going by its tone")
    r"(?:\s*(?:[?.:!]|$)|\s+(?=(?:going by|based on|depending on|according to|judging by)\b))",
    re.I,
)


_PURPOSE = re.compile(r"\s*\b(?:for\s+(?:our|my|the|this|their|your)|in\s+(?:our|my|their))\s+\w+", re.I)


def _introduced(words: str) -> str | None:
    """The labels a classification lists ("is this about sports, politics or cooking"), if any."""
    # the options nearest the end: "into trays - bank, council or medical" lists the trays
    found = [m for m in (_LIST.search(words), _BARE_LIST.search(words), _IN_THE.search(words)) if m]
    if not found:
        return None
    m = max(found, key=lambda x: x.start("items"))
    items = [re.sub(r"^(?:or|and)\s+", "", x.strip()) for x in re.split(r"\s*,\s*|\s+(?:or|and)\s+", m["items"])]
    items = [re.sub(r"^the\s+", "", x, flags=re.I) for x in items if x]
    for k, item in enumerate(items):  # "as positive or negative for our complaints log": what they are for ends them
        if purpose := _PURPOSE.search(item):
            items = [*items[:k], item[: purpose.start()]] if purpose.start() else items[:k]
            break
    if items and _SHARED_NOUN.search(items[-1]) and " " in items[-1]:  # "family, health or money folder"
        items[-1] = _SHARED_NOUN.sub("", items[-1])
    return ", ".join(items) if len(items) >= 2 else None


# three or more short items, the last after "or", ending the clause ("every call is sales, support or billing")
_THREE_OR_MORE = re.compile(
    r"(?P<items>[\w'-]+(?: [\w'-]+)?(?:\s*,\s*[\w'-]+(?: [\w'-]+)?)+\s*,?\s+or\s+[\w'-]+(?: [\w'-]+)?)\s*(?:[?.:!]|$)"
)


# "three piles: emergency lockout, quote request, complaint": items listed after a colon, three or more
_AFTER_COLON = re.compile(r":\s*(?P<items>[\w' -]+?(?:\s*,\s*[\w' -]+?){2,})\s*$")
# "a category (lost property, refund, complaint)": three or more in brackets
_IN_BRACKETS = re.compile(r"\(\s*(?P<items>[\w' -]+?(?:\s*,\s*[\w' -]+?){2,})\s*\)")


def labels(words: str) -> str | None:
    """The options a clause lists: those a preposition or a colon introduces ("is this about sports, politics or
    cooking"), else three or more ending the clause ("every call is sales, support or billing")."""
    if quality := flagged(words):  # "flag anything urgent": urgent or not
        return f"{quality}, not {quality}"
    if found := _introduced(words):
        return found
    m = _THREE_OR_MORE.search(words) or _AFTER_COLON.search(words) or _IN_BRACKETS.search(words)
    if not m:
        return None
    items = [re.sub(r"^(?:or|and)\s+", "", x.strip()) for x in re.split(r"\s*,\s*|\s+or\s+", m["items"])]
    first = items[0].split()
    items[0] = first[-1] if len(first) > 1 and first[0] in ("is", "are", "be", "either") else items[0]
    return ", ".join(x for x in items if x)


# "go in the family, health or money folder": options a container noun follows (not any "in the X or Y")
_IN_THE = re.compile(
    r"\b(?:in|under|into) the\s+(?P<items>[\w' -]+?(?:\s*,\s*[\w' -]+?)*\s*,?\s+or\s+[\w'-]+\s+(?:folder|pile|tray"
    r"|category|box|bin|section|drawer|group|file|list)s?)\b",
    re.I,
)


# the noun a list of options shares, said once after the last ("the family, health or money folder")
_SHARED_NOUN = re.compile(r"\s+(?:folder|pile|tray|category|box|bin|section|drawer|group|file|list)s?$", re.I)
