"""What a figure measures, read off the dependency parse of its sentence.

For a count, the noun it counts ("93 collaborative *projects*"); for an amount, the phrase it
is said of: the subject of its verb ("our bilateral trade closely approached $30 billion"),
the noun of an "of" ("a joint fund of 5 billion reais"), what follows "worth of" ("$17
billion worth of Russian investment"), or the counted noun it values ("Eight projects worth
over US$2.5 billion"). Also the verb that governs it and the modality of that verb.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Any

from communique.extract.tokens import lemma, lemma_forms, participle, pos
from communique.models import Modality

Token = Any  # spacy.tokens.Token; spaCy is imported only by extract/nlp.py
Doc = Any

_STOP_CLIMB = frozenset({"relcl", "advcl", "parataxis"})
_CLAUSE_CUT = frozenset({"advcl", "relcl", "conj", "ccomp", "parataxis", "cc"})
_TARGET_LEMMAS = lemma_forms(
    [
        "aim",
        "target",
        "goal",
        "objective",
        "strive",
        "seek",
        "ambition",
    ]
)
_RAISE_LEMMAS = lemma_forms(
    ["increase", "raise", "bring", "double", "triple", "boost", "lift", "grow", "expand"]
)
_PLAN_LEMMAS = lemma_forms(
    [
        "plan",
        "intend",
        "propose",
        "decide",
        "agree",
        "schedule",
        "envisage",
        "expect",
        "launch",
        "agenda",
        "prepare",
        "pledged or announced",
        "commitment",
        "commit",
        "pledge",
    ]
)
# Spending money on something: by a date it is still a plan, no level to reach.
_SPENDING_LEMMAS = lemma_forms(
    [
        "purchase",
        "buy",
        "invest",
        "spend",
        "donate",
        "contribute",
        "provide",
        "allocate",
        "award",
        "lend",
        "give",
        "deliver",
        "supply",
        "fund",
        "finance",
    ]
)
# Giving money: a plan while it is being or is to be given ("is awarding $16 million",
# "instructed them to allocate 20 billion rubles"), a fact once given or when habitual
# ("has awarded", "Turkey allocates 2.1 per cent of its national income").
_GIVING_LEMMAS = lemma_forms(["award", "allocate"])
# Saying that money or things are coming, done or not: "announced $26 million for safety".
_ANNOUNCE_LEMMAS = lemma_forms(["announce", "unveil", "propose", "pledge"])
_FUTURE_AUX = frozenset({"will", "shall", "'ll"})
_MULTIPLYING = ("halv", "doubl", "tripl", "quadrupl")
_SIZE_NOUNS = frozenset(["number", "amount", "size", "volume", "level", "quantity"])
# Modals that put a figure in what is meant or required, not in what is ("a rule that would
# protect 36 million workers", "the wage must reach 12,654 rubles"); "would have" looks back.
_MODAL_AUX = frozenset({"would", "must", "should", "'d"})
# Nouns that frame what is "to" be done as a goal: "the task is to reach ...".
_TASK_LEMMAS = lemma_forms(["task", "target"])
_PLAN_AFTER = re.compile(
    r"^[^.;]{0,60}?\b(?:is|are)\s+(?:currently\s+|now\s+)?"
    r"(?:on the agenda|planned|scheduled|envisaged|to be built)\b",
    re.I,
)
# "2.5 million doses to be filled", "homes yet to be built": what is still to be done, unless
# the figure's verb says it was done ("delivered 1 million doses to be used by states").
_STILL_TO_BE = re.compile(
    r"^\s*(?:[a-z]+\s+){0,2}?(?:yet\s+|still\s+)?to\s+be\s+[a-z]+(?:ed|en|lt|ught)\b", re.I
)
_ANAPHORS = frozenset(
    [
        "it",
        "they",
        "this",
        "that",
        "which",
        "figure",
        "number",
        "amount",
        "total",
        "result",
        "indicator",
        "these",
    ]
)
_GROWTH_NOUNS = lemma_forms(["increase", "growth", "rise", "decline", "decrease", "drop", "fall"])
# Subjects that see or report a change rather than undergo it ("we are seeing a 45-percent growth").
_SEERS = frozenset(["we", "i", "you", "they"])
# Nouns that frame a figure without saying what it measures ("a record $50 billion").
_NOT_MEASURES = frozenset(
    [
        "worth",
        "stage",
        "total",
        "record",
        "level",
        "mark",
        "high",
        "amount",
        "sum",
        "figure",
        "percent",
        "percentage",
        "cent",
    ]
)
_WHEN_WORDS = frozenset(["today", "yesterday", "tomorrow", "tonight", "now"])
_COUNT_RUN = frozenset({"ADJ", "NOUN", "PROPN"})
_PHRASE_CUT = _CLAUSE_CUT | {"acl", "appos", "punct"}


@dataclass(frozen=True, slots=True)
class Reading:
    """What the parse says about one figure; character offsets are sentence-local."""

    noun: int | None = None  # index of the counted noun, for counts
    noun_end: int | None = None  # end offset of the counted noun
    phrase: tuple[int, int] | None = None  # the metric phrase as written
    phrase_head: str = ""  # lemma of the phrase's head noun
    head: int | None = None  # index of the phrase's head noun
    verb: str = ""  # lemma of the governing verb
    governor: int | None = None  # index of the governing verb
    verbs: tuple[str, ...] = ()  # lemmas of the verbs from the figure up to the governing one
    state: str = ""  # what was done with counted things, spelt out: "initiated", "implementation"
    valued: int | None = None  # index of a counted noun whose value this amount gives
    share: bool = False  # "X percent of Y", "the share of Y"
    growth: bool = False  # "grew by 10 percent", "up 15 percent", "an increase of 11 percent"
    anaphoric: bool = False  # "the precise figure is ...", "it grew by ..."
    clause: tuple[int, int] = (0, 0)
    modality: Modality = Modality.ACTUAL


def window_chars(doc: Doc) -> int:
    """Characters in a parsed window, without building its text (`doc.text` joins every token)."""
    return int(doc[-1].idx + len(doc[-1])) if len(doc) else 0


def token_starts(doc: Doc) -> list[int]:
    """Sentence-local start offset of every token, for `token_index`."""
    return [t.idx for t in doc]


def token_index(starts: list[int], offset: int) -> int:
    """Index of the token that covers sentence-local `offset`."""
    return max(0, bisect_right(starts, offset) - 1)


def counted_noun(doc: Doc, after: int) -> int | None:
    """The noun a number counts: the last noun of the adjective/noun run that follows it."""
    last = None
    j = after
    while j < len(doc) and j - after < 9:
        t = doc[j]
        if t.dep_ == "npadvmod" or t.lower_ in _WHEN_WORDS:
            break  # "12 agreements today"
        if pos(t) in ("NOUN", "PROPN") or (t.tag_ == "NNS"):
            last = j
        elif pos(t) == "ADJ" or t.lower_ in ("more", "new", "such", "other", "additional"):
            if last is not None:
                break
        elif (pos(t) == "VERB" and t.dep_ in ("amod", "compound") and last is None) or (
            t.lower_ in ("and", "&") and j + 1 < len(doc) and pos(doc[j + 1]) in _COUNT_RUN
        ):
            pass
        else:
            break
        j += 1
    return last


_WHEN_NOUNS = frozenset(
    ["year", "month", "week", "day", "quarter", "half", "period", "time", "decade", "future"]
)


def _is_when(noun: Token) -> bool:
    """A noun that names a time ("in the first quarter"), not what an amount is in."""
    return lemma(noun) in _WHEN_NOUNS or noun.tag_ == "CD"


def _span(doc: Doc, first: int, last: int) -> tuple[int, int]:
    return doc[first].idx, doc[last].idx + len(doc[last])


def _edges(doc: Doc, head: Token, cut: frozenset[str]) -> tuple[int, int]:
    """The span of `head` with the subtrees of its children, less those attached by `cut`."""
    lo = hi = head.i
    for child in head.children:
        if child.dep_ not in cut:
            lo = min(lo, child.left_edge.i)
            hi = max(hi, child.right_edge.i)
    return _span(doc, lo, hi)


def _phrase_of(doc: Doc, noun: Token) -> tuple[int, int]:
    """A noun with its modifiers and "of/in" attachments, without clauses or appositions."""
    return _edges(doc, noun, _PHRASE_CUT)


def _clause(doc: Doc, verb: Token) -> tuple[int, int]:
    return _edges(doc, verb, _CLAUSE_CUT)


def _governor(anchor: Token) -> tuple[Token | None, list[Token]]:
    """The verb governing `anchor` and the tokens on the way, stopping at clause edges."""
    path = []
    t = anchor
    while t.head.i != t.i:
        crossing = t.dep_
        t = t.head
        path.append(t)
        if pos(t) in ("VERB", "AUX") and (
            t.dep_ not in ("acl", "amod", "xcomp", "pcomp")
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
        ):
            return t, path
        if crossing in _STOP_CLIMB:
            break
    return (t if pos(t) in ("VERB", "AUX") else None), path


def _subject(verb: Token, anchor: Token) -> Token | None:
    """The subject of `verb` (or of the verb it depends on), the nearest before `anchor`. A
    finite verb the parser left without one takes the noun just before it ("... of 2021
    bilateral trade increased by 36 percent", where "trade" was hung on "of"); a clausal
    complement never borrows the subject of the clause above it."""
    t = verb
    for _ in range(4):
        subjects = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
        if subjects:
            before = [c for c in subjects if c.i < anchor.i]
            return before[-1] if before else subjects[0]
        if t.tag_ in ("VBD", "VBZ", "VBP") and t.i > 0:
            prev = t.doc[t.i - 1]
            if pos(prev) == "NOUN" and prev.dep_ in ("pobj", "compound") and prev.head.i < t.i:
                return prev
        if t.head.i == t.i or t.dep_ not in ("xcomp", "conj", "advcl", "acl"):
            return None
        t = t.head
    return None


# Verbs that say nothing of what counted things are ("there are 12", "we have 12", "it
# includes 12"): a count keyed by its state leaves them out.
_LIGHT_VERBS = lemma_forms(
    [
        "be",
        "have",
        "do",
        "get",
        "make",
        "include",
        "see",
        "reach",
        "total",
        "amount",
        "account",
        "stand",
        "become",
        "remain",
        "exceed",
        "surpass",
        "approach",
        "number",
        "count",
        "comprise",
        "involve",
        "say",
        "note",
        "mention",
        "know",
        "want",
        "need",
        "like",
        "hope",
        "think",
        "believe",
        "consider",
        "welcome",
        "call",
        "let",
        "put",
        "keep",
        "show",
        "give",
        "take",
        "go",
        "come",
        "bring",
        "find",
        "continue",
        "start",
        "begin",
    ]
)


def _count_state(noun: Token) -> str:
    """What was done with counted things, as a word ("93 projects initiated" → initiated,
    "are at the stage of implementation" → implementation); "" for a light verb."""
    for t in noun.ancestors:
        if pos(t) in ("VERB", "AUX"):
            if lemma(t) != "be":
                return "" if lemma(t) in _LIGHT_VERBS else participle(t)
            for c in t.children:
                if c.dep_ in ("attr", "acomp") and c.i != noun.i and pos(c) in ("NOUN", "ADJ"):
                    return str(c.lower_)
                if c.dep_ == "prep":
                    objs = [g for g in c.subtree if g.dep_ == "pobj" and pos(g) == "NOUN"]
                    if objs:
                        return str(objs[-1].lower_)
            return ""
        if pos(t) == "NOUN" and t.dep_ in ("dobj", "nsubj", "pobj") and lemma(t) in ("plan",):
            return "planned"
    return ""


def _count_verb(noun: Token) -> str:
    """What is done with counted things: the nearest verb above them, or for "be" the noun
    it links to ("are at the stage of implementation" → implementation)."""
    for t in noun.ancestors:
        if pos(t) in ("VERB", "AUX"):
            if lemma(t) != "be":
                return lemma(t)
            for c in t.children:
                if c.dep_ in ("attr", "acomp") and c.i != noun.i:
                    return lemma(c)
                if c.dep_ == "prep":
                    objs = [g for g in c.subtree if g.dep_ == "pobj" and pos(g) == "NOUN"]
                    if objs:
                        return lemma(objs[-1])
            return "be"
        if pos(t) == "NOUN" and t.dep_ in ("dobj", "nsubj", "pobj") and lemma(t) in ("plan",):
            return lemma(t)
    return ""


def _intent_path(anchor: Token) -> list[Token]:
    """Ancestors that can make a figure a goal or a plan: up through infinitives and objects,
    stopping above a verb with its own subject (its clause is the figure's modal domain), at
    relative clauses, at appositions that describe a thing ("committed to the AfCFTA, a market
    of 1.4 billion people") and at finite adverbial clauses ("when ...")."""
    path = []
    t = anchor
    while t.head.i != t.i:
        crossing = t
        t = t.head
        if crossing.dep_ in ("relcl", "appos") or (
            crossing.dep_ == "advcl" and any(c.dep_ == "mark" for c in crossing.children)
        ):
            break
        if (
            pos(crossing) in ("VERB", "AUX")
            and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in crossing.children)
            and not any(c.dep_ == "aux" and c.lower_ == "to" for c in crossing.children)
        ):
            break
        path.append(t)
    return path


def _going_to(t: Token) -> bool:
    """ "we're going to have 600 million doses": the future said with "be going to"."""
    return (
        t.lower_ == "going"
        and any(c.dep_ == "aux" for c in t.children)
        and any(c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in t.children)
    )


def _done(t: Token) -> bool:
    """A verb in the past ("have committed", "decided" is not; "has awarded" is)."""
    return t.tag_ == "VBD" or (
        t.tag_ == "VBN"
        and any(c.lower_ in ("have", "has", "had") for c in t.children if c.dep_ == "aux")
    )


def _committed_deed(t: Token) -> bool:
    """ "committed the worst atrocity": a deed done, not a commitment ("committed to invest",
    "committed $5 billion" keep theirs)."""
    if lemma(t) != "commit" or not _done(t):
        return False
    objects = [c for c in t.children if c.dep_ == "dobj"]
    return (
        bool(objects)
        and all(pos(o) == "NOUN" and o.like_num is False for o in objects)
        and not any(c.lower_ == "to" or c.dep_ == "xcomp" for c in t.children)
    )


def _modality(anchor: Token, tail: str, deadline: bool, *, count: bool) -> Modality:
    path = _intent_path(anchor)
    if pos(anchor) == "VERB":
        path = [anchor, *path]  # the figure is the verb: "this would double the budget"
    first_verb = next((t for t in path if pos(t) in ("VERB", "AUX")), None)
    # What was done to the figure itself is a fact ("have committed over £1 billion"); a past
    # decision about a future act is not ("decided to establish a fund of 5 billion reais").
    lemmas = {
        lemma(t) for t in path if not (t is first_verb and _done(t)) and not _committed_deed(t)
    }
    future = any(
        c.lower_ in _FUTURE_AUX
        or (c.lower_ in _MODAL_AUX and not any(a.lower_ == "have" for a in t.children))
        for t in path
        for c in t.children
        if c.dep_ == "aux"
    )
    future = future or any(_going_to(t) for t in path)
    # "the project itself is to employ over 5,000 people": what is to be done; "The plan is to
    # produce 400,000 tonnes", "Our goal is to reach $200 billion": its subject says what kind
    bound = [
        t
        for prev, t in pairwise([anchor, *path])
        if lemma(t) == "be"
        and prev.dep_ == "xcomp"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in prev.children)
    ]
    framed = {lemma(c) for t in bound for c in t.children if c.dep_ == "nsubj"}
    # "raise trade to $30 billion" is a goal; "has raised its policy rate to 35 percent" a fact.
    raising = any(
        lemma(t) in _RAISE_LEMMAS and prev.lower_ == "to" and not _done(t)
        for prev, t in pairwise(path)
    )
    if lemmas & _TARGET_LEMMAS or raising or framed & (_TARGET_LEMMAS | _TASK_LEMMAS):
        return Modality.TARGET
    announced = any(lemma(t) in _ANNOUNCE_LEMMAS for t in path)
    still_to_be = bool(_STILL_TO_BE.match(tail)) and not (
        first_verb is not None and _done(first_verb)
    )
    # "if we supply 37 million tonnes this year": a figure supposed, not stated
    supposed = (
        not count
        and first_verb is not None
        and not _done(first_verb)
        and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in first_verb.children)
    )
    giving = not count and any(lemma(t) in _GIVING_LEMMAS and t.tag_ in ("VB", "VBG") for t in path)
    planned = (
        future
        or bool(bound)
        or supposed
        or giving
        or announced
        or bool(framed & _PLAN_LEMMAS)
        or bool(lemmas & _PLAN_LEMMAS)
        or bool(_PLAN_AFTER.match(tail))
        or still_to_be
    )
    if (
        planned
        and deadline
        and (not count or "reach" in lemmas or "reached" in lemmas)
        and not (lemmas & _SPENDING_LEMMAS)
    ):
        # a level to reach by a date; things to build, and money to spend ("agreed to purchase
        # $750 billion in energy by 2028", "pledged to donate $10 billion by 2020"), stay plans
        return Modality.TARGET
    return Modality.PLAN if planned else Modality.ACTUAL


def _number_of(doc: Doc, last: int, tail: str, deadline: bool) -> Reading:
    """A bare count said of "the number" ("we expect the number to reach 250,000"): it
    continues the figure before it."""
    anchor = doc[last]
    for t in anchor.ancestors:
        number = next(
            (
                c
                for c in t.children
                if lemma(c) == "number" and c.dep_ in ("nsubj", "dobj", "nsubjpass")
            ),
            None,
        )
        if number is not None:
            counted = next(
                (
                    g
                    for c in number.children
                    if c.dep_ == "prep" and c.lower_ == "of"
                    for g in c.children
                    if g.dep_ == "pobj" and pos(g) == "NOUN"
                ),
                None,
            )
            if counted is not None:  # "raise the number of students to 10,000": students
                return Reading(
                    noun=counted.i,
                    noun_end=anchor.idx + len(anchor),
                    phrase=_phrase_of(doc, counted),
                    phrase_head=lemma(counted),
                    head=counted.i,
                    verb=_count_verb(counted),
                    state=_count_state(counted),
                    modality=_modality(anchor, tail, deadline, count=True),
                )
            return Reading(
                noun_end=anchor.idx + len(anchor),
                anaphoric=True,
                phrase_head="number",
                modality=_modality(anchor, tail, deadline, count=True),
            )
        if pos(t) == "VERB" and t.dep_ not in ("xcomp", "ccomp"):
            break
    return Reading()


def read_figure(
    doc: Doc,
    first: int,
    last: int,
    *,
    count: bool,
    deadline: bool,
    tail: str,
    growth_hint: bool = False,
) -> Reading:
    """Read the figure whose number spans tokens first..last (sentence-local indices)."""
    reading = _read_figure(
        doc, first, last, count=count, deadline=deadline, tail=tail, growth_hint=growth_hint
    )
    if reading.governor is None:
        return reading
    verbs = []
    t = doc[last]
    while t.head.i != t.i and t.i != reading.governor:
        t = t.head
        if pos(t) in ("VERB", "AUX"):
            verbs.append(lemma(t))
    return replace(reading, verbs=tuple(verbs))


def _read_figure(
    doc: Doc,
    first: int,
    last: int,
    *,
    count: bool,
    deadline: bool,
    tail: str,
    growth_hint: bool = False,
) -> Reading:
    noun_i = counted_noun(doc, last + 1) if count else None
    number = doc[last]
    if (
        noun_i is not None
        and number.dep_ == "nummod"
        and last < number.head.i < noun_i
        and pos(number.head) in ("NOUN", "PROPN")
        and number.head.dep_ != "compound"
    ):
        noun_i = number.head.i  # "40,000 Uzbek students study": the number counts students
    if count and noun_i is None:
        return _number_of(doc, last, tail, deadline)
    anchor = doc[noun_i] if noun_i is not None else doc[last]
    verb, path = _governor(anchor)
    verb_lemma = lemma(verb) if verb is not None else ""
    governor = verb.i if verb is not None else None
    modality = _modality(anchor, tail, deadline, count=count)
    clause = _clause(doc, verb) if verb is not None else (0, window_chars(doc))
    growth = growth_hint or any(lemma(t) in _GROWTH_NOUNS and t.i < first for t in path[:2])
    if noun_i is not None:
        noun = doc[noun_i]
        return Reading(
            noun=noun_i,
            noun_end=noun.idx + len(noun),
            phrase=_phrase_of(doc, noun),
            phrase_head=lemma(noun),
            head=noun_i,
            verb=_count_verb(noun),
            state=_count_state(noun),
            governor=governor,
            clause=clause,
            modality=modality,
        )

    # An amount: the counted noun it values, the object of "raise X to", the noun it is
    # "worth of" or "of", the noun above it, the subject of its verb.
    def reading(noun: Token, **kw: Any) -> Reading:
        head = lemma(noun)
        kw.setdefault("share", head == "share")
        kw.setdefault("growth", growth and not kw["share"])
        return Reading(
            phrase=_phrase_of(doc, noun),
            phrase_head=head,
            head=noun.i,
            verb=verb_lemma,
            governor=governor,
            clause=clause,
            modality=modality,
            **kw,
        )

    upto = next(
        (k for k, t in enumerate(path) if pos(t) in ("VERB", "AUX") and t.dep_ != "acl"), len(path)
    )
    sized = next((t for t in path[:2] if lemma(t) in _GROWTH_NOUNS and t.i > last), None)
    if sized is not None and pos(sized) == "NOUN":
        # "a 10 percent increase in exports", "trade showed 12 percent growth", "we are seeing
        # a 45-percent growth": the figure sizes a change, of what its phrase names, else of its
        # verb's subject, else of what was being talked about ("we" who see it did not grow)
        changed = [
            g
            for c in sized.children
            if c.dep_ == "prep" and c.lower_ in ("in", "of")
            for g in c.children
            if g.dep_ == "pobj" and pos(g) in ("NOUN", "PROPN") and not _is_when(g)
        ]
        if changed:
            return reading(changed[0], growth=True)
        growth = True  # "Mutual trade showed 12 percent growth": the subject says what grew
    for t in path[:upto]:
        if (
            pos(t) in ("NOUN", "PROPN")
            and t.tag_ in ("NNS", "NNPS")
            and any(c.dep_ == "nummod" for c in t.children)
        ):
            return reading(t, valued=t.i)
    # "cut it by 40 percent", "raise it to $15 billion", and "cut it in half" (as "by half")
    change = len(path) > 1 and (
        path[0].lower_ in ("to", "by") or (path[0].lower_ == "in" and doc[last].lower_ == "half")
    )
    if pos(doc[last]) == "VERB" and doc[last].lower_.startswith(_MULTIPLYING):
        # "we halved the deficit", "this would double the budget": the figure is the verb,
        # what it measures its object
        objs = [c for c in doc[last].children if c.dep_ == "dobj" and pos(c) in ("NOUN", "PROPN")]
        if objs and lemma(objs[0]) in _SIZE_NOUNS:
            # "double the number of voting machines": the machines are what grows
            inner = [g for c in objs[0].children if c.lower_ == "of" for g in c.children]
            objs = [g for g in inner if g.dep_ == "pobj" and pos(g) == "NOUN"] or objs
        if objs:
            return reading(objs[0])
    if change and pos(path[1]) == "VERB":
        objs = [c for c in path[1].children if c.dep_ == "dobj"]
        if objs and pos(objs[0]) == "PRON":  # "raise it to $15 billion": what "it" was
            return Reading(
                verb=verb_lemma,
                governor=governor,
                clause=clause,
                modality=modality,
                anaphoric=True,
            )
        if objs and pos(objs[0]) in ("NOUN", "PROPN"):
            return reading(objs[0])
    j = last + 1
    while j < len(doc) and doc[j].lower_ in ("per", "a", "year", "annually", "each"):
        j += 1
    if j + 1 < len(doc) and doc[j].lower_ == "worth" and doc[j + 1].lower_ == "of":
        objs = [c for c in doc[j + 1].children if c.dep_ == "pobj"]
        if objs:
            return reading(objs[0])
    if j < len(doc) and doc[j].lower_ == "of" and not growth:
        objs = [c for c in doc[j].children if c.dep_ == "pobj"]
        if objs:
            return reading(objs[0], share=True)
    if j < len(doc) and doc[j].lower_ == "in" and doc[j].head.i in (last, anchor.i):
        # "$110 million in federal assistance", "$2 billion in new investments"
        objs = [c for c in doc[j].children if c.dep_ == "pobj" and pos(c) == "NOUN"]
        if objs and not _is_when(objs[0]):
            return reading(objs[0])
    for t in path[:upto]:
        if pos(t) == "NOUN" and lemma(t) not in _NOT_MEASURES and t.i < first:
            if lemma(t) in _GROWTH_NOUNS:
                return Reading(
                    verb=verb_lemma,
                    governor=governor,
                    clause=clause,
                    modality=modality,
                    growth=True,
                    anaphoric=True,
                )
            return reading(t)
    subject = _subject(verb, anchor) if verb is not None else None
    if subject is None or (sized is not None and lemma(subject) in _SEERS):
        return Reading(
            verb=verb_lemma,
            governor=governor,
            clause=clause,
            modality=modality,
            growth=growth,
            anaphoric=True,
        )
    if subject.lower_ in ("which", "that", "who") and verb is not None and verb.dep_ == "relcl":
        subject = verb.head
    head = lemma(subject)
    share = head == "share"
    return Reading(
        phrase=_phrase_of(doc, subject),
        phrase_head=head,
        head=subject.i,
        verb=verb_lemma,
        governor=governor,
        clause=clause,
        modality=modality,
        growth=growth and not share,
        share=share,
        anaphoric=head in _ANAPHORS or (pos(subject) == "PRON" and head != "we"),
    )
