"""Where a figure belongs: the part of its sentence worth parsing, the time expression that
dates it, the speaker turn that holds it, and the head of a row or bullet label.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from itertools import pairwise
from typing import Any

from communique.extract.periods import TimeRef
from communique.extract.phrases import token_index, window_chars
from communique.extract.proportions import MULTIPLE_RE
from communique.extract.quantities import Mention
from communique.extract.tokens import lemma, lemma_forms

_CLAUSE_BREAK = re.compile(
    r";|,\s*(?:and|but|while|whereas)\s+(?:that|the|our|its|their|it|they|we|in|this)\b"
)
_FRONTED_END = re.compile(r"(?:\s+(?:alone|only))?,")  # "In 2021 alone, institutions ..."
FRONTED_WITHIN = 8
"""A time expression starting this close to the sentence ("In 2023, ", "- In 2023, ") scopes
over all of it; set from the bullets and datelines of our statements."""
PARSE_HEAD = 100
PARSE_TAIL = 60
"""Characters parsed before a sentence's first figure and after its last one (after the
words that follow a bare count: the noun it counts is part of its quote). The tagger and
parser look a few tokens around each word, and every reading we take (subject, counted noun,
"worth of", "percent of") lies within these bounds in the seeds and our statements; the
longest is "13 intergovernmental and interdepartmental documents" (under 60 after the
number). Calibrated on the seeds and our statements: at 80 before, one seed subject is cut
and metric B-cubed drops to 0.98; 100 keeps every reading that whole sentences give.
Parsing whole sentences cost about a sixth more time and changed no claim."""


# A sentence led by a time ("Last year, Bahrain committed to ..."): the parse must reach it to
# tell what it dates (the committing, or the figure), so the window starts with the sentence.
_LEAD_TIME = re.compile(
    r"[-*•>\s]*(?:In|Last|This|Next|During|On|Since|By|Earlier|Later|Until)\b(?=[^,.;]{0,40},)"
)
_NOUN_RUN = re.compile(r"(?:\s+[A-Za-z][\w-]*){1,4}")


def parse_window(text: str, sent: tuple[int, int], mentions: Sequence[Mention]) -> tuple[int, int]:
    """The part of a sentence to parse: from a word boundary PARSE_HEAD before its first
    figure (from its start when a time leads it) to the first word boundary PARSE_TAIL after
    its last one."""
    start, end = sent
    if mentions[0].start - start > PARSE_HEAD and not _LEAD_TIME.match(text, start):
        cut = text.find(" ", mentions[0].start - PARSE_HEAD, mentions[0].start)
        start = cut + 1 if cut >= 0 else start
    last = mentions[-1]
    tail = last.end + PARSE_TAIL
    if last.candidate:  # a count's quote runs on to the noun it counts: the tail starts there
        noun = _NOUN_RUN.match(text, last.end, end)
        tail = (noun.end() if noun else last.end) + PARSE_TAIL
    if tail < end:  # never inside a word: "in Kazak" names no country
        space = text.find(" ", tail, end)
        end = space if space >= 0 else end
    return start, end


_LABEL_HEAD = re.compile(r"^(?:(?:the\s+)?number|total|volume)\s+of\s+", re.I)
_PREPOSITION = re.compile(r"\s(?:of|on|in|to|through|with|from|for|at|between)\s")


def label_head(label: str) -> str:
    """The head noun of a row or bullet label: "Kazakhstani students in China" → students."""
    core = _PREPOSITION.split(_LABEL_HEAD.sub("", label), maxsplit=1)[0].split()
    return core[-1].lower() if core else ""


def pick_time(
    times: Sequence[TimeRef],
    mentions: Sequence[Mention],
    m: Mention,
    clause: tuple[int, int],
    *,
    inside_only: bool = False,
    kinds: tuple[str, ...] = ("period", "point"),
    text: str = "",
    sentence_start: int = 0,
) -> TimeRef | None:
    """The time expression a figure belongs to: in its clause; else one fronted at the start
    of the sentence ("Last year, ..."); else one with no figure and no clause break between."""
    usable = [t for t in times if t.kind in kinds]
    inside = _unless_anothers(
        [t for t in usable if clause[0] <= t.start and t.end <= clause[1]], mentions, m, text
    )
    if inside:
        return min(inside, key=lambda t: min(abs(t.start - m.end), abs(m.start - t.end)))
    if inside_only:
        return None
    if text:
        fronted = [
            t
            for t in usable
            if t.start - sentence_start <= FRONTED_WITHIN
            and _FRONTED_END.match(text, t.end)
            and not _CLAUSE_BREAK.search(text, t.end, m.start)
        ]
        if fronted and fronted[0].end <= m.start:
            return fronted[0]
    free = []
    for t in usable:
        lo, hi = (t.end, m.start) if t.end <= m.start else (m.end, t.start)
        if not any(lo <= o.start and o.end <= hi for o in mentions if o is not m) and not (
            text and _CLAUSE_BREAK.search(text, lo, hi)
        ):
            free.append(t)
    if not free:
        return None
    return min(free, key=lambda t: min(abs(t.start - m.end), abs(m.start - t.end)))


# A time right after a figure's counted words ("678,000 jobs last month") is that figure's.
_COUNTED_WORDS = re.compile(r"(?:\s+[\w’'-]+){0,3}\s+")
_FOLLOWS_CHARS = 40


def _unless_anothers(
    times: list[TimeRef], mentions: Sequence[Mention], m: Mention, text: str
) -> list[TimeRef]:
    """Of several candidate times, those not right after another figure's counted words: in
    "added 678,000 jobs last month and 7.4 million jobs since he took office" the month is
    the 678,000's. A lone candidate is kept (one time may date coordinated figures)."""
    if len(times) < 2 or not text:
        return times
    kept = [
        t
        for t in times
        if not any(
            o is not m
            and 0 <= t.start - o.end <= _FOLLOWS_CHARS
            and _COUNTED_WORDS.fullmatch(text, o.end, t.start)
            for o in mentions
        )
    ]
    return kept or times


def figure_token(doc: Any, starts: list[int], m: Mention, origin: int) -> Any:
    """The token heading a figure's number: "billion" in "$4.5 billion"."""
    tok = doc[token_index(starts, m.num_end - 1 - origin)]
    while tok.dep_ in ("compound", "quantmod") and tok.head is not tok:
        tok = tok.head
    return tok


# What leads from a figure to the figure it is compared with ("3.6 percent, down from 6.7
# percent when the President took office"): a time after the base dates the base.
_FROM_BASE = re.compile(r"[\s,;:—–-]*(?:(?:down|up)\s+)?from\s*", re.I)
_UP_FROM = re.compile(r"\b(?:down|up)\s+from\s*$", re.I)  # what a base follows, whatever before
_TO_LEVEL = re.compile(r"\s*,?\s*to\s*", re.I)


def owned_elsewhere(
    doc: Any,
    starts: list[int],
    origin: int,
    t: TimeRef,
    m: Mention,
    mentions: Sequence[Mention],
) -> bool:
    """True when time expression `t` hangs, in the parse, under another figure of the sentence
    or under a participial or relative clause that does not govern `m`: "surpassed $24
    billion, with over $4.5 billion invested in just the past two years" dates only the $4.5
    billion; "the Protocol adopted in February 2023" dates the protocol. A time attached to a
    verb or a coordinated clause ("trade reached $5 billion and investment $2 billion in
    2023") still dates both figures."""
    local = t.start - origin
    if local < 0 or local >= window_chars(doc) or m.num_start < origin:
        return False
    mine = figure_token(doc, starts, m, origin)
    governs_mine = {a.i for a in mine.ancestors} | {mine.i}
    others = {
        figure_token(doc, starts, o, origin).i
        for o in mentions
        if o is not m and o.num_start >= origin and o.num_end - origin <= window_chars(doc)
    }
    for o in mentions:
        if o is m or o.start < m.end or o.end > t.start or o.num_start < origin:
            continue
        between = doc.text[m.end - origin : o.start - origin]
        after_base = _FROM_BASE.fullmatch(between) or _UP_FROM.search(doc.text, 0, o.start - origin)
        if after_base and not MULTIPLE_RE.fullmatch(
            doc.text[m.num_start - origin : m.num_end - origin]
        ):
            # "3.4 percent, down from 7.4 percent when he took office", "230 million Americans
            # are fully vaccinated, up from 3.5 million when President Biden took office": the
            # base's; but "tripled from $780 million to $3 billion last year" grew over the span
            # that ends then
            return True
        if _TO_LEVEL.fullmatch(between):
            return True  # "tripled from $780 million to nearly $3 billion last year": the end's
    t_tok = doc[token_index(starts, local)]
    for a in (t_tok, *t_tok.ancestors):
        if a.i in governs_mine:
            return False
        if a.i in others:
            return True
        if (
            a.dep_ in ("acl", "relcl")
            and a.head.i not in governs_mine
            and not (a.head.dep_ in ("nsubj", "nsubjpass") and a.head.head.i in governs_mine)
        ):
            return True  # but "Investments made in 2023 totalled $5 billion" dates the figure
    return False


# Verbs whose time dates an event of the thing their subject names, not its size: "a 100,000 sq m
# facility will open in 2025", "the airport, with a capacity of 1 million passengers a year,
# opened in 2019".
_EVENT_VERBS = lemma_forms(
    [
        "open",
        "launch",
        "commission",
        "inaugurate",
        "establish",
        "found",
        "unveil",
        "complete",
        "sign",
        "enact",
    ]
)
# Verbs whose time dates the saying, not a plan or target said: "In August, the President
# announced a plan to provide up to $20,000", "Last year, Bahrain committed to build a fleet
# of 100 vessels".
_SAYING_VERBS = lemma_forms(
    ["announce", "propose", "unveil", "say", "declare", "present", "commit", "pledge", "promise"]
)


def dates_an_event(
    doc: Any,
    starts: list[int],
    origin: int,
    t: TimeRef,
    m: Mention,
    *,
    planned: bool,
    rate: bool = False,
) -> bool:
    """True when time `t` dates an event that figure `m` only describes: the opening of what
    the figure measures ("a 100,000 sq m facility will open in 2025", "the terminal, which
    opened in 2019, handles ..."), whatever a rate or capacity it has ("will open in 2026 with
    a capacity of 2 million passengers a year"), or, for a plan or target, the announcing of
    it."""
    local = t.start - origin
    if local < 0 or local >= window_chars(doc) or m.num_start < origin:
        return False
    verb = doc[token_index(starts, local)]
    if verb.lower_ == "since":
        return False  # "since the framework was signed on 15 July 2023": a period from then on
    while verb.head.i != verb.i and not verb.tag_.startswith("VB"):
        verb = verb.head
    if not verb.tag_.startswith("VB"):
        return False
    mine = figure_token(doc, starts, m, origin)
    path = [t.i for t in (mine, *mine.ancestors)]
    if lemma(verb) in _EVENT_VERBS:
        if rate or verb.i not in path:
            return True
        inner = path[: path.index(verb.i)]
        if any(doc[i].dep_ in ("relcl", "acl") for i in inner):
            return True  # "signed the ARP in March 2021, which included nearly $40 billion"
        below = doc[path[path.index(verb.i) - 1]] if path.index(verb.i) > 0 else None
        return below is not None and below.dep_ in ("nsubj", "nsubjpass")
    # a time to come ("pledged $12 million over the next three years") is the plan's own
    saying = t.kind not in ("future", "deadline")
    return planned and saying and verb.i in path and lemma(verb) in _SAYING_VERBS


def cut_at_turns(start: int, end: int, cuts: list[int]) -> list[tuple[int, int]]:
    """Split a sentence where a speaker turn begins inside it (after "Name:" labels)."""
    inner = [c for c in cuts[bisect_right(cuts, start) :] if c < end]
    bounds = [start, *inner, end]
    return [(a, b) for a, b in pairwise(bounds) if b > a]
