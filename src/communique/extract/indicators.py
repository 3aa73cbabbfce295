"""The indicator lexicon (`data/indicators.toml`): what a figure measures, from the words of its
own phrase, or from the verb that governs it ("invested $5 billion" is investment).

Aliases are matched on word boundaries in the lower-cased phrase, a plural ending allowed on
their last word; an alias holding the phrase's head noun wins ("loans to small businesses"
are loans), then the longest ("trade balance" over "trade"), then the one listed first.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from importlib import resources
from typing import Any

from communique.extract.tokens import lemma_forms, noun_lemma


class Reach(StrEnum):
    """Whose figure an indicator is, which decides how its key names countries."""

    SYMMETRIC = "symmetric"  # between two parties, sorted: trade:KZ-RU
    DIRECTIONAL = "directional"  # from a subject to an object, in that order: investment:RU-KZ
    NATIONAL = "national"  # of one place: unemployment:RU


@dataclass(frozen=True, slots=True, kw_only=True)
class Indicator:
    name: str
    reach: Reach = Reach.NATIONAL
    aliases: tuple[str, ...] = ()
    verbs: frozenset[str] = frozenset()  # every `lemma` form of the verbs that name it
    stock_flow: bool = False
    rate: bool = False
    itemised: bool = False  # measures items of a kind, many at once: not compared in conflicts
    event: bool = False  # counts what befell people at one event: dated by the event's day
    pattern: re.Pattern[str] | None = None  # the aliases, compiled


def _alias_pattern(aliases: Iterable[str], patterns: Iterable[str] = ()) -> re.Pattern[str] | None:
    forms = list(patterns)
    for alias in sorted(set(aliases), key=len, reverse=True):
        words = [re.escape(w) for w in alias.split()]
        if not words:
            continue
        last = words[-1]
        if last.endswith("y") and len(last) > 2:
            words[-1] = last[:-1] + "(?:y|ies)"
        else:
            words[-1] = last + "(?:s|es)?"
        forms.append(r"[\s-]+".join(words))
    if not forms:
        return None
    return re.compile(r"(?<![\w-])(?:" + "|".join(forms) + r")(?![\w-])")


def build_indicator(spec: Mapping[str, Any]) -> Indicator:
    """One indicator from its table in the data file (or in a user's catalogue)."""
    aliases = tuple(a.lower() for a in spec.get("aliases", ()))
    return Indicator(
        name=str(spec["name"]),
        reach=Reach(spec.get("kind", Reach.NATIONAL)),
        aliases=aliases,
        verbs=lemma_forms(spec.get("verbs", ())),
        stock_flow=bool(spec.get("stock_flow", False)),
        rate=bool(spec.get("rate", False)),
        itemised=bool(spec.get("itemised", False)),
        event=bool(spec.get("event", False)),
        pattern=_alias_pattern(aliases, spec.get("patterns", ())),
    )


@lru_cache(maxsize=1)
def indicators() -> tuple[Indicator, ...]:
    """The bundled indicator lexicon, in the order of its file."""
    data = tomllib.loads(
        resources.files("communique.data").joinpath("indicators.toml").read_text("utf-8")
    )
    return tuple(build_indicator(spec) for spec in data["indicator"])


_WORD = re.compile(r"[a-z]+")


@lru_cache(maxsize=1)
def _by_first_word() -> dict[str, tuple[int, ...]]:
    """The lexicon's indicators (by position) under the first word of each of their aliases,
    singular: a phrase needs only the patterns of the indicators its words begin (a `patterns`
    entry starts with a word of one of its indicator's aliases)."""
    index: dict[str, set[int]] = {}
    for order, indicator in enumerate(indicators()):
        for alias in indicator.aliases:
            first = _WORD.findall(alias)
            if first:
                index.setdefault(noun_lemma(first[0]), set()).add(order)
    return {word: tuple(sorted(orders)) for word, orders in index.items()}


def _candidates(lowered: str) -> list[int]:
    index = _by_first_word()
    found: set[int] = set()
    for w in _WORD.findall(lowered):
        found.update(index.get(w, ()))
        found.update(index.get(noun_lemma(w), ()))
    return sorted(found)


@lru_cache(maxsize=1)
def _by_name() -> dict[str, Indicator]:
    return {i.name: i for i in indicators()}


def indicator_named(name: str) -> Indicator | None:
    return _by_name().get(name)


@dataclass(frozen=True, slots=True)
class Found:
    """An indicator found in a phrase, and where its alias was written."""

    indicator: Indicator
    start: int
    end: int


def find_indicator(
    text: str,
    *,
    head: str = "",
    ending_at: int | None = None,
    lexicon: Sequence[Indicator] | None = None,
) -> Found | None:
    """The indicator named in `text` (any case): one whose alias holds the phrase's head noun
    `head` ("loans to small businesses" are loans), then the longest, then the first listed;
    only aliases that end at offset `ending_at`, when given."""
    lowered = text.lower()
    if lexicon is None:
        every = indicators()
        tried = [(order, every[order]) for order in _candidates(lowered)]
    else:
        tried = list(enumerate(lexicon))
    best: tuple[bool, int, int] | None = None
    found: Found | None = None
    for order, indicator in tried:
        if indicator.pattern is None:
            continue
        for m in indicator.pattern.finditer(lowered):
            if ending_at is not None and m.end() != ending_at:
                continue
            words = m.group().replace("-", " ").split()
            holds_head = bool(head) and head in {*words, *(noun_lemma(w) for w in words)}
            rank = (holds_head, m.end() - m.start(), -order)
            if best is None or rank > best:
                best = rank
                found = Found(indicator, m.start(), m.end())
    return found


def indicator_of_verb(verb: str) -> Indicator | None:
    """The indicator a governing verb names ("invest" → investment), from its `lemma`."""
    if not verb:
        return None
    return next((i for i in indicators() if verb in i.verbs), None)


_SUFFIXES = re.compile(r"(?:_(?:growth|change|stock|flow|value|rank|per_\w+|to_gdp))+$")


def indicator_of(name: str) -> Indicator | None:
    """The indicator a key name is built on ("trade_growth", "share_of_trade" → trade)."""
    return indicator_named(_SUFFIXES.sub("", name.removeprefix("share_of_")))


def reach_of(name: str) -> Reach:
    """The reach of the indicator a key name is built on ("trade_growth" → symmetric); names
    that are no indicator are national."""
    indicator = indicator_of(name)
    return indicator.reach if indicator is not None else Reach.NATIONAL
