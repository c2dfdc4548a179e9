"""Extractive summaries that keep the key facts of a short text (who, what, when, where, how much), and the
short answer inside a sentence that answers a question.

A voice memo or a note says its point in two or three sentences around a greeting and a sign-off, and
its facts (the day, the time, the amount, the name) are spread over them: the most central sentence
alone loses the delivery day. So the sentences are chosen greedily by the facts they add (numbers,
times, days and dates, names, amounts) and by how central they are (MiniLM), greetings and sign-offs
are trimmed or left out, and the summary stops once nothing new is added or its length budget is spent.
Measured in bench/summaries.py.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

import numpy as np

from ._common import split_sentences

Embed = Callable[[list[str]], np.ndarray]

_DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_WHEN = (
    "today|tonight|tomorrow|yesterday|weekend|morning|afternoon|evening|noon|midday|midnight|"
    "next week|next month|next year|next summer|next winter|next spring|next autumn|this week|this weekend"
)
_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen|"
    "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
    "hundred|thousand|million|half|quarter|dozen|first|second|third|once|twice"
)
_AMOUNT = "am|pm|pounds?|euros?|dollars?|percent|%|kilometres?|kilometers?|km|miles?|hours?|minutes?|days?|weeks?"
_FACT = re.compile(
    rf"\b(?:{_DAYS})s?\b|\b(?:{_MONTHS})\b|\b(?:{_WHEN})\b|\b(?:{_NUMBER_WORDS})\b|\d+(?:[.:,]\d+)*(?:\s*(?:{_AMOUNT})\b)?"
    r"|\ban? (?:hour|minute|day|week|month|year)\b",
    re.I,
)
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:[- ][A-Z][a-z]+)*\b|\b[A-Z]{2,}\b")
_NOT_NAMES = {"I", "I'll", "I'm", "OK", "TV"} | set(
    "It Its We You He She They This That These Those Your Our My His Her Their The A An Please Hi Hello Dear "
    "There Here What When Where Who Why How If And But So Then Also Just Yes No".split()
)

# the part of a sentence that only greets or introduces what follows
_OPENER = re.compile(
    r"^(?:(?:hi|hello|hey|dear|good (?:morning|afternoon|evening))\b(?:(?:mr|mrs|ms|dr)\.|[^,.!?]){0,40}[,!.]\s*"
    r"|great news[,!.]?\s*|quick update[,!.]?\s*|just a (?:quick )?(?:reminder|note)(?: that)?[,:]?\s*"
    r"|(?:please )?(?:don't|do not) forget(?: that)?\s*|please note(?: that)?\s*"
    r"|i (?:just )?wanted to let you know(?: that)?\s*|fyi[,:]?\s*|by the way[,:]?\s*|also[,:]\s*"
    r"|so[,:]\s*|anyway[,:]\s*|ok(?:ay)?[,:]\s*"
    # who is calling, as a clause before the news: "it's Pat, the plumber is coming..."
    r"|(?:it'?s|this is)\s+(?-i:[A-Z])[\w.']*(?:\s+(?-i:[A-Z])[\w.']*)?(?:\s+(?:from|at)\s+[^,.!?]{1,40})?,\s*"
    r"(?=\S+\s+\S+\s+\S+))",
    re.I,
)
# sentences that only sign off, thank, apologise or ask to be called back (unless they hold a fact)
_CLOSER = re.compile(
    r"^(?:thanks|thank you|many thanks|see you|talk soon|cheers|best|kind regards|regards|bye|take care|"
    r"(?:please )?let (?:me|us) know|give (?:me|us) a (?:ring|call)|we apologi[sz]e|sorry for|"
    r"have a (?:nice|good|great)|enjoy (?:your|the)|hope (?:you|this)|looking forward)\b",
    re.I,
)
# the writer's own conclusion in a review or an opinion ("Overall we loved it", "I would not recommend it"):
# the verdict a summary of it must keep, whatever facts the other sentences hold
_CONCLUSION = re.compile(
    r"^(?:overall|all in all|in short|in the end|to sum up|in summary|bottom line|on the whole|all things considered)\b"
    r"|\b(?:would|will|wouldn't|won't|would not|will not|can't|cannot)\s+(?:\w+\s+)?(?:recommend|come back|go back|"
    r"return|buy (?:it |this |one )?again|stay (?:there |here )?again|order (?:it |from them )?again)\b"
    r"|\b(?:highly|strongly) recommend|\bnever again\b|\b(?:avoid|skip) (?:it|this|them)\b",
    re.I,
)
# "it's Maria from Home Comforts", "this is Dr. Evans at Park Lane Vets": who is speaking, not the news
_INTRO = re.compile(r"^(?:it'?s|this is|i'?m|my name is)\b", re.I)


def facts_in(sentence: str) -> set[str]:
    """The fact tokens of a sentence: numbers, times, days, dates, amounts, names (lowercased)."""
    found = {m.group(0).lower() for m in _FACT.finditer(sentence)}
    body = sentence.lstrip("\"'“ ")
    for m in _NAME.finditer(body):
        # a capital at the start of a sentence is a name only when it owns something ("Bella's")
        first = m.start() == 0 and body[m.end() : m.end() + 2] not in ("'s", "’s")
        if not first and m.group(0) not in _NOT_NAMES:
            found.add(m.group(0).lower())
    return found


def trim(sentence: str) -> str:
    """The sentence without its greeting or lead-in ("Hi Sam, your sofa..." -> "Your sofa...")."""
    out = sentence
    for _ in range(3):  # "Hi everyone, quick update." / "Hello Ben, this is..."
        cut = _OPENER.sub("", out, count=1)
        if cut == out or not cut.strip():
            break
        out = cut
    out = out.strip()
    return out[:1].upper() + out[1:] if out else sentence


def summarize(text: str, embed: Embed, max_sentences: int | None = None) -> tuple[str, list[int]]:
    """The summary of `text` and the indices of the sentences it keeps."""
    spans = split_sentences(text)
    sentences = [text[s:e] for s, e in spans]
    trimmed = [trim(s) for s in sentences]
    if len(sentences) <= 1:
        return " ".join(trimmed), list(range(len(sentences)))
    facts = [facts_in(t) for t in trimmed]
    closing = [bool(_CLOSER.search(t)) for t in trimmed]
    verdict = [bool(_CONCLUSION.search(t)) for t in trimmed]
    # who is speaking, and lead-ins left alone ("Quick update."): worth a place only for a fact they add
    intro = [bool(_INTRO.search(t)) or (len(t.split()) <= 3 and not facts[i]) for i, t in enumerate(trimmed)]
    n = len(sentences)
    if max_sentences:
        budget = max_sentences
    elif n == 2:  # both, unless the second adds nothing (the stop rule below)
        budget = 2
    elif n <= 5:
        budget = max(1, round(0.67 * n))
    else:
        budget = min(6, max(2, round(n / 3)))
    e = embed(trimmed)
    centre = e.mean(0)
    central = e @ (centre / max(float(np.linalg.norm(centre)), 1e-9))
    first = next((i for i in range(n) if not intro[i] and not closing[i]), 0)
    chosen: list[int] = []
    covered: set[str] = set()
    while len(chosen) < budget:
        best, best_gain, best_new = None, -math.inf, 0
        for i in range(n):
            if i in chosen:
                continue
            new = facts[i] - covered
            # the first sentence past the greeting says what the message is about (the sofa, the parcel)
            gain = 1.0 * len(new) + 1.5 * float(central[i]) + (1.5 if i == first else 0.0)
            if verdict[i] and not any(verdict[k] for k in chosen):
                gain += 2.0  # one conclusion of the writer's is kept
            if closing[i] or intro[i]:
                gain -= 2.0
            if gain > best_gain:
                best, best_gain, best_new = i, gain, len(new)
        if best is None:
            break
        stop = best_new == 0 and not verdict[best] or closing[best] or intro[best]
        if chosen and stop and best_gain < 2.0:
            break  # nothing new worth its words
        chosen.append(best)
        covered |= facts[best]
    keep = sorted(chosen)
    return " ".join(trimmed[i] for i in keep), keep


_WHEN_Q = re.compile(r"\b(when|what time|what day|which day|what date|how soon|until when|by when)\b", re.I)
_HOW_MUCH_Q = re.compile(r"\bhow (much|many|long|old|far|big|tall|heavy|often)\b|\bwhat (price|amount|number)\b", re.I)
_WHO_Q = re.compile(r"\bwho(m|se)?\b", re.I)
_WHERE_Q = re.compile(r"\bwhere\b", re.I)
_LEAD_IN = re.compile(r"\b(?:on|at|by|from|between|until|till|before|after|in|around|about)\s+$", re.I)
_UNIT = re.compile(rf"\s+(?:{_AMOUNT}|people|tickets|stalls|lanes|items)\b", re.I)
_COMPOUND_Q = re.compile(r"\b(?:and|or)\s+(?:what|when|where|who|why|how|which)\b", re.I)
_GREETED = re.compile(r"\b(?:hi|hello|hey|dear|morning|thanks|thank you)\s*,?\s*$", re.I)
_SPEAKER = re.compile(r"\b(?:it'?s|this is|i'?m|my name is|from)\s+$", re.I)
_MONEY = re.compile(r"[$£€]|\b(?:pounds?|euros?|dollars?|cents?|pence|p)\b|\d[.,]\d\d\b", re.I)
_DURATION = re.compile(r"\b(?:hours?|minutes?|days?|weeks?|months?|years?)\b", re.I)
_ANY_NAME = re.compile(r"\b[A-Z][a-z]+(?:[- ][A-Z][a-z]+)*\b")
_PLACE = re.compile(r"\b(?:at|in|on|to|from|near|by)\s+(?:the\s+)?((?:[A-Z][\w'-]*)(?:\s+[A-Z][\w'-]*)*)")


def _near(question: str, sentence: str, fact: re.Match) -> int:
    """How many of the question's words stand in the part of `sentence` that holds `fact` (its clause:
    between commas, semicolons and "and"/"but")."""
    cuts = [0, *(m.end() for m in re.finditer(r"[,;]|\b(?:and|but)\b", sentence)), len(sentence)]
    lo = max(c for c in cuts if c <= fact.start())
    hi = min(c for c in cuts if c >= fact.end())
    part = sentence[lo:hi].lower()
    words = {w[:5] for w in re.findall(r"[a-z]{4,}", question.lower())}
    return sum(1 for w in words if re.search(r"\b" + re.escape(w), part))


def short_answer(question: str, sentence: str) -> str | None:
    """The words of `sentence` that answer `question` when it asks for a time, an amount, a name or a
    place ("when is the sofa coming?" -> "on Thursday between 9 and 12"); None for other questions, or
    when the sentence holds no such words."""
    if _COMPOUND_Q.search(question):
        return None  # "who is calling and what do they want?": the whole sentence answers, not a word of it
    facts = [m for m in _FACT.finditer(sentence)]
    if _WHEN_Q.search(question) and not _HOW_MUCH_Q.search(question):
        times = [
            m for m in facts if not re.fullmatch(r"(?:first|second|third|once|twice|half|dozen)", m.group(0), re.I)
        ]
        if not times:
            return None
        # several times: the one whose part of the sentence shares the question's words ("Construction began
        # last June, and work on the roof starts in March": "when does work on the roof start?" -> March)
        first = max(range(len(times)), key=lambda k: (_near(question, sentence, times[k]), -k))
        times = times[first:]
        start, end = times[0].start(), times[0].end()
        for m in times[1:]:  # "Thursday between 9 and 12": facts a few words apart are one answer
            if m.start() - end > 14:
                break
            end = m.end()
        lead = _LEAD_IN.search(sentence[:start])
        return sentence[lead.start() if lead else start : end]
    if q := _HOW_MUCH_Q.search(question):
        amounts = []
        for m in facts:
            if re.search(r"\d|\b(?:" + _NUMBER_WORDS + r")\b", m.group(0), re.I):
                unit = _UNIT.match(sentence, m.end())
                amounts.append(sentence[m.start() : unit.end() if unit else m.end()])
        # "how much" wants money, "how long" a duration, when the sentence holds several amounts
        wanted = {"much": _MONEY, "long": _DURATION}.get(q.group(1).lower() if q.group(1) else "")
        fitting = [a for a in amounts if wanted and wanted.search(a)]
        return (fitting or amounts or [None])[0]
    if _WHO_Q.search(question):
        # "Hi Joe, it's Pat": Joe is spoken to, Pat is speaking
        names = [
            m for m in _ANY_NAME.finditer(sentence)
            if m.group(0) not in _NOT_NAMES and not _GREETED.search(sentence[: m.start()])
        ]  # fmt: skip
        speaking = [m for m in names if _SPEAKER.search(sentence[: m.start()])]
        return max((m.group(0) for m in speaking or names), key=lambda n: len(n.split()), default=None)
    if _WHERE_Q.search(question):
        m = _PLACE.search(sentence)
        return m.group(0) if m else None
    return None
