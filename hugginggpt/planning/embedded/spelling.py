"""A request's words as people mean them: chat spellings ("wat", "pls", "u"), two letters typed the wrong
way round ("trun", "upsdie", "rigth") and one letter left out or typed twice ("upsde", "befor") put right
before the request is read. Quotes and file names are left
as they are: they are what the request works on, not how it asks.

The swaps are found against the words the planner itself knows (its goals' phrasings, cues written out, and
the common words of requests), so no misspelling is listed one by one.
"""

from __future__ import annotations

import re
from functools import cache

from .goals import CONTEXT_EXAMPLES, GOALS

# chat spellings of whole words: how people type them in a chat box
_CHAT = {
    "wat": "what", "wht": "what", "wats": "what's", "whats": "what's", "u": "you", "ur": "your", "r": "are",
    "pls": "please", "plz": "please", "pleas": "please", "thx": "thanks", "abt": "about", "bc": "because",
    "cuz": "because", "coz": "because", "b4": "before", "msg": "message", "txt": "text", "ppl": "people",
    "pic": "picture", "pics": "pictures", "rn": "right now", "w/": "with", "2day": "today", "tmrw": "tomorrow",
    "tho": "though", "n": "and", "gonna": "going to", "wanna": "want to", "gotta": "have to", "dunno": "don't know",
    "im": "i'm", "ive": "i've", "dont": "don't", "cant": "can't", "wont": "won't", "doesnt": "doesn't",
    "isnt": "isn't", "didnt": "didn't", "thats": "that's", "theres": "there's", "hows": "how's",
}  # fmt: skip
# a learner's "say me" is "tell me" (from "dime", "sag mir", "dis-moi")
_SAY_ME = re.compile(r"\bsay (me|us)\b", re.I)
_COMMON = (
    "the a an and or but to of in on at for with from by about into this that these those it its my your his her "
    "their our me us him them i you he she we they is are was were be been do does did have has had can could "
    "would should will please right way up down round around upside left turn rotate flip mirror straighten "
    "picture photo image sign letter note voice message recording clip what when where which who why how many "
    "much face faces people person count tell say read out loud aloud then after before first also back again "
    "everything something anything"
)
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_WORD = re.compile(r"[A-Za-z][A-Za-z'/0-9]*")
# what a request gives, left untouched: quotes and file names
_KEEP = re.compile(r"\"[^\"]*\"|“[^”]*”|‘[^’]*’|(?<![\w])'[^']+'(?![\w])|[\w~/.-]+\.[A-Za-z0-9]{2,5}\b")


@cache
def _known() -> frozenset[str]:
    words: set[str] = set(_COMMON.split())
    for g in GOALS:
        for phrase in g.examples:
            words.update(w.lower() for w in _WORD.findall(phrase))
    for phrase in CONTEXT_EXAMPLES:
        words.update(w.lower() for w in _WORD.findall(phrase))
    return frozenset(w for w in words if len(w) >= 3)


@cache
def _dictionary() -> frozenset[str]:
    """English words: the whole words of the MiniLM vocabulary (empty without MiniLM: nothing is swapped, as
    a real word could not be told from a typo)."""
    try:
        from ...experts.embedded.weights import MINILM

        vocab = (MINILM.locate() / "vocab.txt").read_text(encoding="utf-8").split()
    except Exception:  # not installed, or its files missing
        return frozenset()
    return frozenset(w for w in vocab if w.isalpha())


def _swapped(word: str) -> str | None:
    """The known word `word` is, with two neighbouring letters typed the wrong way round; never a word of its
    own ("sing" is no "sign")."""
    known, dictionary = _known(), _dictionary()
    low = word.lower()
    if len(low) < 4 or low in known or not low.isalpha() or not dictionary or low in dictionary:
        return None
    for k in range(len(low) - 1):
        fixed = low[:k] + low[k + 1] + low[k] + low[k + 2 :]
        if fixed in known:
            return fixed
    # one letter left out ("upsde", "labl", "befor") or typed twice ("pleasse"): only where one known word fits
    # (never a word's own ending taken off: "upscaled" is no "upscale")
    near = {low[:k] + c + low[k:] for k in range(len(low) + 1) for c in _LETTERS} | {
        low[:k] + low[k + 1 :] for k in range(len(low) - 1)
    }
    fits = near & known
    return fits.pop() if len(fits) == 1 else None


def _fix(word: str) -> str:
    low = word.lower()
    if low in _CHAT:
        return _CHAT[low]
    return _swapped(word) or word


def corrected(text: str) -> str:
    """`text` with chat spellings and swapped letters put right, quotes and file names as they are."""
    out, pos = [], 0
    for m in _KEEP.finditer(text):
        out.append(_SAY_ME.sub(r"tell \1", _WORD.sub(lambda w: _fix(w.group(0)), text[pos : m.start()])))
        out.append(m.group(0))
        pos = m.end()
    out.append(_SAY_ME.sub(r"tell \1", _WORD.sub(lambda w: _fix(w.group(0)), text[pos:])))
    return "".join(out)
