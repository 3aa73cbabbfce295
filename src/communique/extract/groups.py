"""The part of the world a figure is said of, inside its countries: a region, a sector, a group
("unemployment in the Kaluga Region", "92 percent for pilots", "loans to small businesses",
"youth unemployment", "world GDP", the "44 Americans" a count of 1,200 people includes). Read
off the parse of the figure's own phrase; a country is no scope (it goes to the key's
countries), nor is a time.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from communique.extract.countries import country_of
from communique.extract.periods import MONTHS
from communique.extract.tokens import lemma, pos

Doc = Any
Token = Any

WORLD = "world"
_PREPOSITIONS = frozenset(["in", "for", "among", "at", "across", "within", "throughout", "to"])
_WORLD_WORDS = frozenset(["world", "global", "worldwide", "globe", "planet"])
# Modifiers that grade or frame a measure without narrowing what it is said of.
_FRAMING = frozenset(
    [
        # who is counted, as such: "240 people hostage" are hostages, not a group of them
        "people",
        "persons",
        "individuals",
        "new",
        "more",
        "additional",
        "other",
        "total",
        "overall",
        "average",
        "annual",
        "current",
        "major",
        "key",
        "first",
        "last",
        "such",
        "record",
        "many",
        "several",
        "various",
        "further",
        "real",
        "nominal",
        "cumulative",
        "direct",
        "foreign",
        "bilateral",
        "mutual",
        "national",
        "domestic",
        "own",
        "entire",
        "whole",
        "combined",
        "net",
        "gross",
        "monthly",
        "daily",
        "weekly",
        "yearly",
        "previous",
        "next",
        "recent",
        "latest",
        "estimated",
        "projected",
        "official",
        "same",
        "only",
        "full",
        "significant",
        "considerable",
        "substantial",
        "huge",
        "enormous",
        "important",
        "main",
        "basic",
        "general",
        "federal",
        "public",
        "private",
        "state",
        "government",
        "international",
        "joint",
        "overall",
        "so-called",
        "aggregate",
        "accumulated",
        "goods",
        "services",
        "merchandise",
        "economic",
        "commercial",
    ]
)
# Nouns of a prepositional phrase that point back or frame ("in the country", "in this area",
# "in line with", "in particular"): never a scope. "The state" is not among them: "the
# unemployment rate in the state" is a state's, not the nation's.
_NOT_SCOPES = frozenset(
    [
        "economy",
        "market",
        "territory",
        "republic",
        "country",
        "republic",
        "nation",
        "area",
        "field",
        "sphere",
        "line",
        "framework",
        "context",
        "case",
        "term",
        "view",
        "order",
        "light",
        "addition",
        "particular",
        "total",
        "part",
        "respect",
        "accordance",
        "connection",
        "place",
        "way",
        "direction",
    ]
)
_ORDINALS = frozenset(
    [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "half",
        "quarter",
    ]
)
_TIME_WORDS = frozenset(
    [
        "year",
        "month",
        "week",
        "day",
        "quarter",
        "period",
        "time",
        "decade",
        "century",
        "season",
    ]
)
_SLUG = re.compile(r"[^a-z0-9]+")


def scope_slug(words: str) -> str:
    """A scope as a key writes it: lower case, hyphens, no articles ("the Kaluga Region" →
    "kaluga-region")."""
    kept = [w for w in words.lower().split() if w not in ("the", "a", "an", "our", "their", "its")]
    return _SLUG.sub("-", " ".join(kept)).strip("-")


def _is_time(noun: Token, words: str) -> bool:
    """ "the first quarter", "January-October", "2023": a time, which dates and never scopes."""
    if lemma(noun) in _TIME_WORDS or any(ch.isdigit() for ch in words):
        return True
    return any(w in MONTHS for w in re.split(r"[\s–-]+", words.lower()))


def _noun_words(noun: Token) -> str:
    """A noun with its compound and adjective modifiers, as written ("small businesses")."""
    words = [
        t
        for t in noun.lefts
        if t.dep_ in ("compound", "amod", "nmod") and t.lower_ not in _FRAMING and pos(t) != "NUM"
    ]
    return " ".join([*(t.text for t in words), noun.text])


def _inside(token: Token, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a <= token.idx < b for a, b in spans)


def _pp_scope(
    head: Token,
    *,
    places_only: bool,
    same: re.Pattern[str] | None,
    taken: Sequence[tuple[int, int]],
    proper: bool = False,
    of: bool = True,
    figure: int | None = None,
) -> str | None:
    """A prepositional phrase on `head` that says where or for whom: any noun phrase, or only
    a proper name or a plural group (`places_only`), or only a proper name (`proper`); never
    the figure itself (token `figure`: "cut child poverty in half")."""
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in (
            _PREPOSITIONS | {"of"} if of else _PREPOSITIONS
        ):
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj" or pos(obj) not in ("NOUN", "PROPN") or obj.i == figure:
                continue
            if prep.lower_ == "of" and pos(obj) != "PROPN":
                continue  # "the price of Cetrotide", but not "the share of exports"
            if lemma(obj) in _WORLD_WORDS:
                return WORLD
            if _inside(obj, taken):
                continue  # a time ("in FY 2024-25") or a country ("in South Africa")
            words = _noun_words(obj)
            if _is_time(obj, words) or (lemma(obj) in _NOT_SCOPES and pos(obj) != "PROPN"):
                continue
            if same is not None and same.search(words.lower()):
                continue  # "the share of national currencies in mutual settlements"
            if any(country_of(t.text) or _inside(t, taken) for t in obj.lefts):
                continue  # "in Kazakhstan's economy", misparsed "in Kazakhstan amount"
            if country_of(obj.text):
                continue
            if places_only and pos(obj) != "PROPN" and (proper or obj.tag_ != "NNS"):
                continue
            slug = scope_slug(words)
            if slug:
                return slug
    return None


def _modifier_scope(
    head: Token,
    alias: tuple[int, int] | None,
    same: re.Pattern[str] | None,
    taken: Sequence[tuple[int, int]],
) -> str | None:
    """Nouns compounded on an indicator's head outside its alias (and not another of its aliases,
    "business entities"): "youth unemployment" → youth; adjectives ("harmful emissions") grade
    a measure more often than they narrow it, and are left out."""
    kept = []
    for t in head.lefts:
        if t.dep_ not in ("compound", "nmod") or pos(t) not in ("NOUN", "PROPN"):
            continue
        if alias is not None and alias[0] <= t.idx < alias[1]:
            continue
        if (same is not None and same.fullmatch(t.lower_)) or _inside(t, taken):
            continue
        if any(c.lower_ in _FRAMING for c in t.children):
            continue  # "foreign capital enterprises": framing, whatever the word it frames
        if t.lower_ in _WORLD_WORDS:
            return WORLD
        if t.lower_ in _FRAMING or t.lower_ in _ORDINALS or lemma(t) in _TIME_WORDS:
            continue
        if country_of(t.text):
            continue
        kept.append(t.text)
    return scope_slug(" ".join(kept)) or None


def whole_of(noun: Token) -> Token | None:
    """The noun a counted part is part of: "people" for "44 Americans" in "killing 1,200
    people, including 44 Americans"; None when `noun` is no part of another."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "including" or prep.head.i == prep.i:
        return None
    whole = prep.head
    return whole if pos(whole) in ("NOUN", "PROPN") else None


def _part_scope(noun: Token) -> str | None:
    """A part's own noun is the group it counts within its whole ("including 44 Americans":
    americans), so a part and its whole are never one figure; None when it names the whole's
    noun again."""
    whole = whole_of(noun)
    if whole is None or lemma(whole) == lemma(noun):
        return None
    if not any(c.dep_ == "nummod" for c in noun.children):
        return None  # "including those cancer drugs that are $10,000": no counted part
    return scope_slug(_noun_words(noun)) or None


def find_scope(
    doc: Doc,
    *,
    head: int | None,
    governor: int | None,
    figure: int | None = None,
    alias: tuple[int, int] | None = None,
    same: re.Pattern[str] | None = None,
    modifiers: bool = True,
    taken: Sequence[tuple[int, int]] = (),
) -> str | None:
    """The scope of a figure whose phrase is headed by token `head` and whose verb is token
    `governor` (indices into `doc`): a place or group the figure itself is for ("$44.9 million
    for Boston Logan", token `figure`), a prepositional phrase on the head ("in the Kaluga
    Region"), else, when `modifiers`, the head's own modifiers outside the indicator's alias
    (`alias`: character offsets in `doc`; `same`: its aliases), else a place the verb is said
    of ("rose to 5 percent in the Far East"). Nothing inside the `taken` spans (times and countries,
    offsets in `doc`) is a scope."""
    if figure is not None and figure != head:
        # "$44.9 million for Boston Logan", "92 percent for pilots"
        found = _pp_scope(doc[figure], places_only=True, same=same, taken=taken, of=False)
        if found is not None:
            return found
    if head is not None:
        noun = doc[head]
        found = _pp_scope(noun, places_only=False, same=same, taken=taken, figure=figure)
        if found is None and modifiers:
            found = _modifier_scope(noun, alias, same, taken)
        if found is None:
            found = _part_scope(noun)
        if found is not None:
            return found
    if governor is not None:
        return _pp_scope(doc[governor], places_only=True, same=same, taken=taken, proper=True)
    return None
