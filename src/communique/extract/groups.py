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
from communique.segment.lexicon import LABEL_WORDS, fold

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


def _named(noun: Token) -> bool:
    """A common noun named by a proper one compounded on it ("the Wegovy pill")."""
    return any(
        t.dep_ == "compound" and pos(t) == "PROPN" and not country_of(t.text) for t in noun.lefts
    )


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
            if prep.lower_ == "of" and pos(obj) != "PROPN" and not _named(obj):
                continue  # "the price of Cetrotide", "of the Wegovy pill", not "of exports"
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


def _person_title(noun: Token) -> bool:
    """A person's title, or a name with one or an honorific before it ("Secretary Blinken")."""
    return (
        fold(noun.text) in _PERSON_WORDS
        or any(fold(t.text) in _PERSON_WORDS for t in noun.lefts if t.dep_ in ("compound", "amod"))
        or (noun.i > 0 and fold(noun.doc[noun.i - 1].text) in _PERSON_WORDS)
    )


_PERSON_WORDS = frozenset([*LABEL_WORDS["person_titles"], *LABEL_WORDS["honorifics"]])


def _compounds(noun: Token) -> list[Token]:
    """The nouns compounded on `noun`, and on them, in order ("Inflation Reduction Act")."""
    found = []
    for t in noun.lefts:
        if t.dep_ == "compound" and pos(t) in ("NOUN", "PROPN") and t.lower_ not in _FRAMING:
            found += [*_compounds(t), t]
    return found


def _object_words(noun: Token) -> str:
    """A noun with the nouns compounded on it, and a proper name's "of" ("Department of the
    Interior"), as written ("Climate Resilience Centers")."""
    words = [t.text for t in (*_compounds(noun), noun)]
    if pos(noun) == "PROPN":
        for prep in noun.rights:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if obj is not None and pos(obj) == "PROPN":
                    words += ["of", *(t.text for t in (*_compounds(obj), obj))]
    return " ".join(words)


def _usable(noun: Token, taken: Sequence[tuple[int, int]]) -> bool:
    """A noun that can name an item: no time, no country, no pronoun, nothing framing."""
    return (
        pos(noun) in ("NOUN", "PROPN")
        and not _inside(noun, taken)
        and not country_of(noun.text)
        and not _is_time(noun, noun.text)
        and lemma(noun) not in _NOT_SCOPES
        and lemma(noun) not in _SELF
        and noun.lower_ not in _FRAMING
    )


# Prepositions that name the programme an amount comes from.
_SOURCE_PREPS = frozenset(["from", "through", "under"])
# What a government calls itself: the one who pays, never what an amount is for.
_SELF = frozenset(["administration", "government", "cabinet", "we"])


def find_item(
    doc: Doc,
    *,
    figure: int | None,
    governor: int | None,
    head: int | None,
    taken: Sequence[tuple[int, int]] = (),
) -> str | None:
    """What an amount of money is for, when its own phrase says only who pays (an actor) or
    names a measure of many items at once (funding, a price): the noun of a "for" on the
    figure ("$7.3 billion for clean electricity" → electricity); the object of an infinitive
    of purpose after it ("announced $9 billion to replace lead pipes" → pipes); else the
    proper name the amount is said of, when it is no country and no person ("Eucrisa will be
    discounted from $792", "Duavee will see its price cut from $202", "NOAA is awarding $12.7
    million"). Token indices into `doc`; nothing inside the `taken` spans (times, countries)."""
    if figure is not None:
        for prep in doc[figure].children:
            if prep.dep_ == "prep" and prep.lower_ == "for":
                for obj in prep.children:
                    if obj.dep_ == "pobj" and _usable(obj, taken) and pos(obj) == "NOUN":
                        return scope_slug(_object_words(obj)) or None
        sources = [doc[figure], *(doc[i] for i in (head, governor) if i is not None)]
        for prep in (c for s in sources for c in s.children):
            if prep.dep_ == "prep" and prep.lower_ in _SOURCE_PREPS and prep.i > figure:
                for obj in prep.children:
                    if obj.dep_ == "pobj" and pos(obj) == "PROPN" and _usable(obj, taken):
                        # "$15 billion through the Bipartisan Infrastructure Law"
                        return scope_slug(_object_words(obj)) or None
        hosts = [doc[figure], *([doc[governor]] if governor is not None else [])]
        for host in hosts:
            for verb in host.children:
                if (
                    verb.dep_ in ("advcl", "acl", "xcomp", "relcl")
                    and verb.i > figure
                    and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
                ):
                    for obj in verb.children:
                        if obj.dep_ == "dobj" and _usable(obj, taken):
                            return scope_slug(_object_words(obj)) or None
    said_of = doc[head] if head is not None else None
    if (said_of is None or pos(said_of) != "PROPN") and governor is not None:
        # "Duavee will see its price cut from $202 to $30", "NOAA is awarding $12.7 million in
        # grants": the measure's own noun says no item, the subject does
        said_of = next(
            (c for c in doc[governor].children if c.dep_ in ("nsubj", "nsubjpass")), None
        )
        if said_of is not None and pos(said_of) == "NOUN":
            # "The monthly prices of Ozempic ... will fall ... to an average price of $350"
            named = _pp_scope(said_of, places_only=True, same=None, taken=taken, proper=True)
            if named is not None and named != WORLD:
                return named
    if (
        said_of is not None
        and pos(said_of) == "PROPN"
        and said_of.dep_ in ("nsubj", "nsubjpass")
        and _usable(said_of, taken)
        and not _person_title(said_of)
        and not any(country_of(t.text) for t in said_of.subtree)
    ):
        return scope_slug(_object_words(said_of)) or None
    return None


def share_predicate(doc: Doc, *, figure: int | None, governor: int | None) -> str | None:
    """What a share with no whole is said to be: "nearly 40 percent are pre-diabetic, and
    over ten percent are diabetic" → pre-diabetic; the figure is the subject of "be" and the
    predicate an adjective or a noun."""
    if figure is None or governor is None or lemma(doc[governor]) != "be":
        return None
    token = doc[figure]
    while token.dep_ not in ("nsubj", "nsubjpass") and token.head.i != token.i:
        if token.head.i == governor:
            break
        token = token.head
    if token.dep_ not in ("nsubj", "nsubjpass") or token.head.i != governor:
        return None
    said = [c for c in doc[governor].children if c.dep_ in ("acomp", "attr")]
    if not said or pos(said[-1]) not in ("ADJ", "NOUN"):
        return None
    first, last = said[0], said[-1]  # "pre - diabetic" may come as three
    words = [doc[first.left_edge.i : last.i + 1].text]
    words += [t.text for t in last.rights if t.dep_ == "conj" and pos(t) == pos(last)]
    return scope_slug(" or ".join(words)) or None
