"""Metric keys: one readable key per indicator, shared across phrasings and documents.

"our trade", "mutual trade", "trade turnover" → `trade:KZ-RU`; "Cumulative Russian investments
in Kazakhstan" → `investment_stock:RU>KZ`; "over $4.5 billion invested in just the past two
years" → `investment_flow:RU>KZ`; "Eight projects worth over US$2.5 billion" →
`project:implementation_value:KZ-RU`. Indicators come from `data/metrics.toml`; a phrase that
names none falls back to the lemma of its head noun and of its verb.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from communique.extract.countries import CountryMention, find_countries
from communique.extract.phrases import Reading
from communique.extract.quantities import Mention
from communique.extract.units import COUNT, PERCENT, PHYSICAL_UNITS, RANK


@dataclass(frozen=True, slots=True)
class Indicator:
    name: str
    patterns: tuple[re.Pattern[str], ...]
    symmetric: bool = False
    stock_flow: bool = False
    stock_words: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def indicators() -> tuple[Indicator, ...]:
    """The indicator lexicon, in the order it is tried."""
    data = tomllib.loads(
        resources.files("communique.data").joinpath("metrics.toml").read_text("utf-8")
    )
    return tuple(
        Indicator(
            name=spec["name"],
            patterns=tuple(re.compile(p) for p in spec["patterns"]),
            symmetric=spec.get("symmetric", False),
            stock_flow=spec.get("stock_flow", False),
            stock_words=tuple(spec.get("stock_words", ())),
        )
        for spec in data["indicator"]
    )


def find_indicator(text: str) -> Indicator | None:
    """The first indicator whose phrasing occurs in `text` (lower-case)."""
    for indicator in indicators():
        if any(p.search(text) for p in indicator.patterns):
            return indicator
    return None


_PERSONAL = frozenset(["we", "i", "you", "they", "he", "she", "it", "our", "their"])
_PHYSICAL = PHYSICAL_UNITS
_GOODS = re.compile(r"\b(?:exports|imports|supplies|purchases)\s+of\s+([a-z][a-z ,-]*)")
_RATES = frozenset(["inflation", "policy_rate"])  # indicators that are rates of change already


def metric_name(
    reading: Reading,
    m: Mention,
    phrase: str,
    rank_noun: str,
    count_phrase: str,
    clause_left: str,
) -> tuple[str, bool, bool]:
    """(metric name, symmetric, stock/flow indicator) for one figure: from the indicator
    lexicon, else from the head noun of what it measures and the verb that governs it."""
    if m.unit == RANK:
        ind = find_indicator(rank_noun)
        return f"{ind.name if ind else rank_noun.split()[-1]}_rank", False, False
    # A count is of its head noun ("joint import substitution projects" are projects).
    head_word = count_phrase.split()[-1] if count_phrase else reading.phrase_head
    lookup = head_word if m.unit == COUNT else phrase + " " + reading.verb
    ind = find_indicator(lookup.lower())
    head = reading.phrase_head or "figure"
    if m.unit == PERCENT and reading.share:
        if ind is not None and ind.name == "gdp":
            # "public debt stands at 31 percent of GDP": a ratio named by what is measured
            ratio = find_indicator(clause_left.lower()) if clause_left else None
            if ratio is not None and ratio.name != "gdp":
                return f"{ratio.name}_to_gdp", True, False
        goods = _GOODS.search(phrase.lower()) if ind is not None else None
        if goods is not None and ind is not None:
            # "40 percent of Japan's imports of LNG" and "half of our imports of coal" differ
            item = re.split(r"\s(?:to|from|in|into|for|by|and)\s|,", goods.group(1))[0].split()
            return f"share_of_{ind.name}_{item[-1]}", True, False
        return f"share_of_{ind.name if ind else head}", True, False
    if m.unit == PERCENT and reading.growth:
        if ind is not None and ind.name in _RATES:
            return ind.name, True, False  # "consumer prices rose by 9 percent" is inflation
        if ind is None and (head in _PERSONAL or find_countries(head.title())):
            head = "economy"  # "Türkiye grew by 5.5 percent", "we grew by 4 percent"
        return f"{ind.name if ind else head}_growth", bool(ind is None or ind.symmetric), False
    if ind is None and m.unit == PERCENT and head == "growth":
        return "economy_growth", True, False  # "growth was 3.8 percent": bare growth is GDP's
    if ind is None and clause_left:
        ind = find_indicator(clause_left.lower())
    if ind is None:
        if m.unit != COUNT and (
            reading.phrase_head in _PERSONAL
            or find_countries(head.title())
            or find_countries(head.upper())
        ):
            head = reading.verb or head  # "the EU will mobilise €300 million" → mobilise
        name = f"{head}:{reading.verb}" if m.unit == COUNT and reading.verb else head
        # "12 Indian cities" and "4 UAE cities" are not one figure: a count whose phrase names
        # a country is keyed by direction, like "Japanese companies".
        own_country = m.unit == COUNT and bool(find_countries(count_phrase))
        return (
            name
            if m.unit in (COUNT, PERCENT) or m.unit.isupper()
            else f"{name}_{m.unit.replace(' ', '_')}",
            not own_country,
            False,
        )
    name = ind.name if m.unit not in _PHYSICAL else (f"{ind.name}_{m.unit.replace(' ', '_')}")
    return name, ind.symmetric, ind.stock_flow and m.unit.isupper()


_OBJECT_PREPS = frozenset(["in", "into", "to", "at", "towards", "toward", "for", "on", "within"])
_SUBJECT_PREPS = frozenset(["from", "of", "by", "with"])
_HOST_NOUNS = frozenset(["economy", "market", "territory", "republic", "regions", "region"])


def roles(text: str, mentions: Sequence[CountryMention]) -> tuple[list[str], list[str], list[str]]:
    """Split country mentions into subjects, objects and bare names by the words before them.

    "Russian investment" and "investment from Kazakhstan" name subjects; "in Kazakhstan's
    economy" and "at Russian universities" name objects; a bare name stays undecided.
    """
    subjects: list[str] = []
    objects: list[str] = []
    bare: list[str] = []
    for m in mentions:
        words = text[max(0, m.start - 40) : m.start].lower().split()
        while words and words[-1] in ("the", "leading", "all", "our", "its"):
            words.pop()
        prev = words[-1] if words else ""
        if prev in _OBJECT_PREPS or (prev == "of" and len(words) > 1 and words[-2] in _HOST_NOUNS):
            objects.append(m.code)
        elif prev in _SUBJECT_PREPS or m.adjective:
            subjects.append(m.code)
        else:
            bare.append(m.code)
    return subjects, objects, bare


def direction(
    text: str,
    mentions: Sequence[CountryMention],
    parties: Sequence[str],
    *,
    ours: str | None = None,
) -> tuple[str | None, str | None]:
    """(subject, object) of a directional indicator, filling gaps from the two parties.

    `ours` is the speaker's country, the subject of "our exports" when no country is named.
    """
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
    others = [p for p in parties if p not in (subject, obj)]
    if subject is None and obj is not None and others:
        subject = others[0]
    elif obj is None and subject is not None and others:
        obj = others[0]
    return subject, obj


def pair(mentions: Sequence[CountryMention], parties: Sequence[str]) -> str:
    """The two parties of a symmetric indicator, sorted: "KZ-RU"."""
    named = sorted({m.code for m in mentions})
    codes = named if len(named) == 2 else sorted(set(parties))
    return "-".join(codes) if codes else "?"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def compose_key(
    name: str, *, symmetric: bool, subject: str | None, obj: str | None, pair_codes: str
) -> str:
    """`name:A-B` for symmetric indicators, `name:S>O` for directional ones."""
    slug = _slug(name) or "figure"
    if symmetric:
        return f"{slug}:{pair_codes}"
    return f"{slug}:{subject or '?'}>{obj or '?'}"
