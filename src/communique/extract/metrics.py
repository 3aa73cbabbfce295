"""What a figure measures, named: an indicator of the lexicon when its phrase names one, else the
noun it is said of, with the suffixes that tell its kind apart.

"our trade", "trade turnover" → trade; "Cumulative Russian investments" → investment_stock;
"over $4.5 billion invested in just the past two years" → investment_flow; "almost 36 percent"
that trade grew → trade_growth; "5 percent of Russia's foreign trade" → share_of_trade;
"Eight projects worth over US$2.5 billion" → project_value; "630 state information systems"
→ state_information_system; "$1.5 billion per month" → ..._per_month. Names are words of
the phrase, never verbs: an amount said only of who spends it ("we will provide $20 million")
is named by the indicator its verb names (funding), else plainly `amount`. Countries and
direction are read here too (`roles`, `direction`); `keys` puts the key together.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from communique.extract.countries import CountryMention, country_of
from communique.extract.groups import whole_of
from communique.extract.indicators import (
    Found,
    Indicator,
    Reach,
    find_indicator,
    indicator_of_verb,
)
from communique.extract.phrases import Reading
from communique.extract.quantities import Mention
from communique.extract.tokens import lemma, pos, verb_stem
from communique.extract.units import COUNT, PERCENT, PHYSICAL_UNITS, RANK

Doc = Any


@dataclass(frozen=True, slots=True)
class Naming:
    """A figure's metric name, without countries or scope."""

    name: str  # "trade", "investment_stock", "share_of_trade", "state_information_system"
    indicator: Indicator | None  # the recognised indicator it is built on, if any
    reach: Reach
    alias: tuple[int, int] | None = None  # where the indicator is written (document offsets)


_PERSONAL = frozenset(["we", "i", "you", "they", "he", "she", "it", "our", "their", "this", "that"])
_PHYSICAL = PHYSICAL_UNITS
_GOODS = re.compile(r"\b(?:exports|imports|supplies|purchases)\s+of\s+([a-z][a-z ,-]*)")
_PER = re.compile(
    r"\s*(?:(?:a|per|each|every)\s+(year|month|week|day)\b|(annually|monthly|weekly|daily|yearly)"
    r"\b|per\s+annum\b)",
    re.I,
)
_PER_WORD = {"annually": "year", "yearly": "year", "monthly": "month", "weekly": "week"}
_PER_WORD["daily"] = "day"
_NAME_SLUG = re.compile(r"[^a-z0-9]+")
_PERCENT_WORDS = frozenset(["percent", "percentage", "cent", "per"])


def _slug_unit(unit: str) -> str:
    return unit.replace(" ", "_")  # "square km" is a unit of one word in a key


def name_slug(words: str) -> str:
    return _NAME_SLUG.sub("_", words.lower()).strip("_")


def _actor(doc: Doc, head: int | None, phrase_head: str) -> bool:
    """Whether the phrase names who acts, not what is measured: a pronoun, a country, a person
    or a body named by a proper noun ("the United States", "The EU will mobilise ...")."""
    if not phrase_head or phrase_head in _PERSONAL:
        return True
    if country_of(phrase_head.title()) or country_of(phrase_head.upper()):
        return True
    return head is not None and pos(doc[head]) in ("PROPN", "PRON")


def noun_name(doc: Doc, head: int) -> str:
    """A noun with the nouns compounded on it, singular: "state information systems" →
    state_information_system; adjectives and countries ("new", "Russian") are left out."""
    noun = doc[head]
    parts = [
        lemma(t) if t.i == head else t.lower_
        for t in (*noun.lefts, noun)
        if t.i == head
        or (
            t.dep_ == "compound"
            and pos(t) in ("NOUN", "PROPN")
            and not country_of(t.text)
            and t.i + 1 <= head
        )
    ]
    return name_slug(" ".join(parts))


def _indicator_in(text: str, offset: int, head: str) -> tuple[Indicator, tuple[int, int]] | None:
    found: Found | None = find_indicator(text, head=head) if text else None
    if found is None:
        return None
    return found.indicator, (offset + found.start, offset + found.end)


def per_time(tail: str) -> str:
    """ "_per_year" for a figure followed by "a year", "annually", "per annum"; else ""."""
    m = _PER.match(tail)
    if m is None:
        return ""
    unit = m.group(1) or _PER_WORD.get((m.group(2) or "").lower(), "year")
    return f"_per_{unit.lower()}"


def metric_name(
    doc: Doc,
    m: Mention,
    reading: Reading,
    *,
    phrase: str,
    phrase_at: int,
    clause_left: str,
    rank_noun: str,
) -> Naming:
    """The name of what figure `m` measures. `phrase` is its metric phrase, written at offset
    `phrase_at` of `doc` (the parse the reading's token indices point into), `clause_left` the
    words left of an amount in its clause."""
    head = reading.phrase_head
    if m.unit == RANK:
        found = find_indicator(rank_noun)
        base = found.indicator.name if found else name_slug(rank_noun.split()[-1])
        reach = found.indicator.reach if found else Reach.NATIONAL
        return Naming(f"{base}_rank", found.indicator if found else None, reach)
    if m.unit == COUNT:
        return _count_name(doc, reading)
    hit = _indicator_in(phrase, phrase_at, head)
    if hit is not None and m.unit.isupper() and _says_who(doc, reading):
        # "Russian companies have invested more than $4 billion": the subject says who, the
        # verb what; an actor's own indicator ("companies") is not what the money measures
        by_verb = _verb_indicator(reading)
        hit = (by_verb, None) if by_verb is not None else hit  # type: ignore[assignment]
    if m.unit == PERCENT and reading.share:
        return _share_name(doc, reading, phrase, hit, clause_left)
    if hit is None and not (m.unit == PERCENT and reading.growth):
        # "has committed to invest $75 billion": the verb nearest the figure names it
        by_verb = _verb_indicator(reading)
        if by_verb is not None:
            hit = (by_verb, None)  # type: ignore[assignment]
    if m.unit == PERCENT and (reading.growth or (hit is None and head == "growth")):
        return _growth_name(doc, reading, hit)
    if hit is None and clause_left:
        hit = _indicator_in(clause_left, -1, "")
        hit = (hit[0], None) if hit else None  # type: ignore[assignment]
    if hit is not None:
        indicator, alias = hit
        name = (
            indicator.name if m.unit not in _PHYSICAL else f"{indicator.name}_{_slug_unit(m.unit)}"
        )
        if m.unit.isupper() and _CHANGE_BEFORE.search(clause_left) and not indicator.rate:
            # "reduced the deficit by $350 billion", "a drop of $350 billion": a change of the
            # indicator, not its level ("the deficit rose to $738 billion")
            name = f"{indicator.name}_change"
        return Naming(name, indicator, indicator.reach, alias)
    if head in _PERCENT_WORDS and m.unit == PERCENT:
        # "53 percent, or $39 billion, of total HEERF dollars": the figure is its own subject
        return _share_name(doc, replace(reading, head=None), phrase, None, clause_left)
    if (
        reading.head is not None
        and not _actor(doc, reading.head, head)
        and head
        and head not in _PERCENT_WORDS
        and doc[reading.head].tag_ != "CD"  # "$10 billion from the Rescue Plan": no noun
    ):
        name = noun_name(doc, reading.head)
    else:
        name = "amount" if m.unit.isupper() else "figure"
    if m.unit not in (COUNT, PERCENT) and not m.unit.isupper():
        name = f"{name}_{_slug_unit(m.unit)}"
    return Naming(name, None, Reach.NATIONAL)


# Words that make the amount after them a change of what it measures, not its level.
_CHANGE_BEFORE = re.compile(
    r"(?:\bby|increase of|growth of|rise of|decline of|drop of|fall of|reduction of|cut of)\s*$",
    re.I,
)


def _verb_indicator(reading: Reading) -> Indicator | None:
    """The indicator named by the verbs from the figure up to its governing one, nearest first."""
    return next((i for v in (*reading.verbs, reading.verb) if (i := indicator_of_verb(v))), None)


def _says_who(doc: Doc, reading: Reading) -> bool:
    """Whether the metric phrase is the subject of the figure's verb (who acts on the amount)."""
    if reading.head is None or reading.governor is None:
        return False
    head = doc[reading.head]
    return head.dep_ in ("nsubj", "nsubjpass") and head.head.i == reading.governor


def _count_name(doc: Doc, reading: Reading) -> Naming:
    """A count is of its counted noun: an indicator when the noun, with the words compounded on
    it, ends in one of its aliases ("20 million doses", "community college students"), else the
    noun with its compounds and what was done with them ("630 state information systems in
    use" → state_information_system_used)."""
    noun_i = reading.noun if reading.noun is not None else reading.head
    if noun_i is None:
        return Naming(name_slug(reading.phrase_head) or "figure", None, Reach.NATIONAL)
    noun = doc[noun_i]
    left = min([t.idx for t in noun.lefts if t.dep_ in ("compound", "amod", "nmod")] + [noun.idx])
    written = doc.text[left : noun.idx + len(noun)]
    found = find_indicator(written, head=lemma(noun), ending_at=len(written))
    if found is not None:
        alias = (left + found.start, left + found.end)
        return Naming(found.indicator.name, found.indicator, found.indicator.reach, alias)
    if lemma(noun) in _PEOPLE or noun.tag_ == "NNPS":
        # "killing 1,200 people", "taking 240 people hostage": people counted by what befell them
        done = _described(noun) or _befell(doc, reading) or _befell_whole(noun)
        if done is not None and not done.itemised:  # people are no programme's funding
            return Naming(done.name, done, done.reach)
    # "93 projects initiated" and "13 projects completed" are two counts of projects
    state = f"_{name_slug(reading.state)}" if reading.state else ""
    return Naming(noun_name(doc, noun_i) + state, None, Reach.NATIONAL)


# Nouns that count people as such ("1,200 innocent people"; also a country's people, "44
# Americans", a plural proper noun): what they are a count of is said by the verb or its
# complement, not the noun.
_PEOPLE = frozenset(["people", "person", "individual", "civilian", "citizen", "resident"])


def _befell(doc: Doc, reading: Reading) -> Indicator | None:
    """The indicator named by what was done to counted people: the verb ("killed" → deaths) or
    the verb's predicate noun ("took 240 people hostage" → hostages)."""
    if reading.governor is not None:
        for c in doc[reading.governor].children:
            if c.dep_ in ("oprd", "xcomp", "attr") and pos(c) in ("NOUN", "ADJ"):
                found = find_indicator(c.text, head=lemma(c))
                if found is not None:
                    return found.indicator
    by_state = indicator_of_verb(verb_stem(reading.state)) if reading.state else None
    return by_state or _verb_indicator(reading)


def _described(noun: Any) -> Indicator | None:
    """The indicator named by a clause on counted people that says what befell them, before
    whatever the sentence's verb says: "4 million Americans who had been vaccinated"."""
    for c in noun.children:
        if c.dep_ in ("relcl", "acl") and pos(c) == "VERB":
            found = indicator_of_verb(lemma(c))
            if found is not None:
                return found
    return None


def _befell_whole(noun: Any) -> Indicator | None:
    """For a part of counted people ("killing 1,200 people, including 44 Americans", "taking
    240 people hostage, including eight Americans"), what befell the whole: its own noun, a
    clause on it, or the nearest verb above it."""
    whole = whole_of(noun)
    if whole is None:
        return None
    found = find_indicator(whole.text, head=lemma(whole))
    if found is not None:
        return found.indicator
    done = _described(whole)
    if done is not None:
        return done
    verb = next((a for a in whole.ancestors if pos(a) == "VERB"), None)
    return indicator_of_verb(lemma(verb)) if verb is not None else None


def _share_name(
    doc: Doc,
    reading: Reading,
    phrase: str,
    hit: tuple[Indicator, tuple[int, int]] | None,
    clause_left: str,
) -> Naming:
    """A share is of its whole: "40 percent of imports" → share_of_imports."""
    if hit is not None and hit[0].name == "gdp" and clause_left:
        # "public debt stands at 31 percent of GDP": a ratio named by what is measured
        ratio = find_indicator(clause_left)
        if ratio is not None and ratio.indicator.name != "gdp":
            name = f"{ratio.indicator.name}_to_gdp"
            return Naming(name, ratio.indicator, ratio.indicator.reach)
    if hit is not None:
        indicator, alias = hit
        goods = _GOODS.search(phrase.lower())
        if goods is not None:
            # "40 percent of Japan's imports of LNG" and "half of our imports of coal" differ
            item = re.split(r"\s(?:to|from|in|into|for|by|and)\s|,", goods.group(1))[0].split()
            return Naming(f"share_of_{indicator.name}_{item[-1]}", indicator, indicator.reach)
        return Naming(f"share_of_{indicator.name}", indicator, indicator.reach, alias)
    if reading.head is not None and not _actor(doc, reading.head, reading.phrase_head):
        whole = noun_name(doc, reading.head)
        return Naming("share" if whole == "share" else f"share_of_{whole}", None, Reach.NATIONAL)
    return Naming("share", None, Reach.NATIONAL)


def _growth_name(
    doc: Doc, reading: Reading, hit: tuple[Indicator, tuple[int, int] | None] | None
) -> Naming:
    """A change in percent: of the indicator named ("consumer prices rose by 9 percent" is
    inflation itself), of the economy when a country or "we" grew, else of the noun."""
    if hit is not None:
        indicator, alias = hit
        if indicator.rate:
            return Naming(indicator.name, indicator, indicator.reach, alias)
        return Naming(f"{indicator.name}_growth", indicator, indicator.reach, alias)
    gdp = find_indicator("gdp")
    assert gdp is not None
    if reading.head is None:
        return Naming("gdp_growth", gdp.indicator, gdp.indicator.reach)
    if _actor(doc, reading.head, reading.phrase_head):
        # "Türkiye grew by 5.5 percent", "we grew by 4 percent": an economy that grew is the
        # verb's subject; an actor met elsewhere ("Under the Administration, loans are up 60
        # percent") says nothing of what grew
        if doc[reading.head].dep_ in ("nsubj", "nsubjpass", "ROOT"):
            return Naming("gdp_growth", gdp.indicator, gdp.indicator.reach)
        return Naming("figure_growth", None, Reach.NATIONAL)
    if reading.phrase_head == "growth":
        return Naming("gdp_growth", gdp.indicator, gdp.indicator.reach)
    return Naming(f"{noun_name(doc, reading.head)}_growth", None, Reach.NATIONAL)


_OBJECT_PREPS = frozenset(["in", "into", "to", "at", "towards", "toward", "for", "on", "within"])
_SUBJECT_PREPS = frozenset(["from", "of", "by", "with"])
_HOST_NOUNS = frozenset(["economy", "market", "territory", "republic", "regions", "region"])


def role_of(text: str, m: CountryMention) -> str:
    """ "subject", "object" or "bare", by the words before the country: "Russian investment"
    and "investment from Kazakhstan" name subjects; "in Kazakhstan's economy" and "at Russian
    universities" name objects; a bare name stays undecided."""
    words = text[max(0, m.start - 40) : m.start].lower().split()
    while words and words[-1] in ("the", "leading", "all", "our", "its"):
        words.pop()
    prev = words[-1] if words else ""
    if prev in _OBJECT_PREPS or (prev == "of" and len(words) > 1 and words[-2] in _HOST_NOUNS):
        return "object"
    if prev in _SUBJECT_PREPS or m.adjective:
        return "subject"
    return "bare"


def roles(text: str, mentions: Sequence[CountryMention]) -> tuple[list[str], list[str], list[str]]:
    """Split country mentions into subjects, objects and bare names (`role_of`)."""
    found: dict[str, list[str]] = {"subject": [], "object": [], "bare": []}
    for m in mentions:
        found[role_of(text, m)].append(m.code)
    return found["subject"], found["object"], found["bare"]


def direction(
    text: str,
    mentions: Sequence[CountryMention],
    parties: Sequence[str],
    *,
    ours: str | None = None,
) -> tuple[str | None, str | None]:
    """(subject, object) of a directional figure, a gap filled from the two parties of the
    statement when it has two. `ours` is the speaker's country, the subject of "our exports"."""
    subjects, objects, bare = roles(text, mentions)
    subject = subjects[0] if subjects else None
    if subject is None and ours is not None and ours not in objects:
        subject = ours
    obj = next((c for c in objects if c != subject), None)
    for code in bare:
        if subject is None and code != obj:
            subject = code
        elif obj is None and code != subject:
            obj = code
    others = [p for p in parties if p not in (subject, obj)] if len(parties) == 2 else []
    if subject is None and obj is not None and others:
        subject = others[0]
    elif obj is None and subject is not None and others:
        obj = others[0]
    return subject, obj
