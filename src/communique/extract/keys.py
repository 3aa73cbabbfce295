"""Metric keys: the one module that writes and reads them, and the key of one figure.

A key is `name[:COUNTRIES][/scope]`, readable and safe in a shell (letters, digits, `_`, `-`,
`:`, `/`):

    trade:KZ-RU                    symmetric: the two parties, sorted
    investment_stock:RU-KZ         directional: subject-object (Russian investment in Kazakhstan);
                                   the direction is also the claim's subject and object
    unemployment:RU/kaluga-region  national, of a region within the country
    gdp_growth/world               no country: the world, a bloc, a place of no country
    student:US/community-college   no indicator: the noun the figure counts, with its scope

Older keys wrote a direction `RU>KZ`; `parse_key` still reads them. `figure_key` builds a
figure's key from its name (`metrics`), its countries (named in its phrase or clause, "our"
read as the speaker's, else the speaker's or the statement's own) and its scope (`groups`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from communique.extract.countries import CountryMention
from communique.extract.groups import WORLD, scope_slug
from communique.extract.indicators import Reach, reach_of
from communique.extract.metrics import Naming, direction
from communique.extract.periods import TimeRef
from communique.models import Modality

_WORDS = r"[\w][\w .-]*?"
_CODES = r"[A-Za-z]{2,3}(?:\s*[-–>]\s*[A-Za-z]{2,3})*"
_KEY = re.compile(
    rf"^\s*(?P<name>{_WORDS})\s*(?::\s*(?P<codes>{_CODES})?\s*)?(?:/\s*(?P<scope>{_WORDS}))?\s*$"
)
_NAME = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True, slots=True)
class MetricKey:
    """A metric key in parts; `str()` writes it."""

    name: str
    countries: tuple[str, ...] = ()  # sorted pair, subject-object, or one country
    scope: str | None = None

    def __str__(self) -> str:
        out = self.name or "figure"
        if self.countries:
            out += ":" + "-".join(self.countries)
        if self.scope:
            out += "/" + self.scope
        return out


def parse_key(text: str) -> MetricKey | None:
    """The parts of a key as written (any case, `>` or `-` between codes); None if it is
    not one."""
    m = _KEY.match(text)
    if m is None:
        return None
    codes = tuple(c.upper() for c in re.split(r"\s*[-–>]\s*", m["codes"])) if m["codes"] else ()
    return MetricKey(m["name"], codes, m["scope"])


def canonical(key: MetricKey) -> MetricKey:
    """One spelling: name in snake case, codes upper case (a symmetric pair sorted), scope
    slugged: `Trade : ru-kz` → `trade:KZ-RU`."""
    name = _NAME.sub("_", key.name.strip().lower()).strip("_")
    codes = tuple(c.upper() for c in key.countries)
    if len(codes) == 2 and reach_of(name) is Reach.SYMMETRIC:
        codes = tuple(sorted(codes))
    scope = scope_slug(key.scope) if key.scope else None
    return MetricKey(name, codes, scope or None)


@dataclass(frozen=True, slots=True)
class Keyed:
    """A figure's key, with the parts the claim records beside it."""

    key: MetricKey
    indicator: str  # the name when built on a recognised indicator, else ""
    subject: str | None = None
    object: str | None = None


# Words that call an amount a level reached so far ("cumulative Russian investments").
_STOCK_WORDS = ("cumulative", "accumulat", "aggregate", "total", "stock", "volume", "portfolio")
_INVESTED = re.compile(r"\s+(?:were\s+|was\s+|have been\s+)?invested\b")
_OURS = re.compile(r"\b(?:our|we|my|us|domestic|national)\b", re.I)


def is_flow(text: str, phrase: str, end: int, when: TimeRef | None, modality: Modality) -> bool:
    """Whether a stock/flow amount is a flow: dated by a period and not called a total ("over
    $4.5 billion invested in just the past two years"), or money still to come ("will invest
    ¥50 billion", "has committed to invest $75 billion"), which is never a level reached."""
    lowered = phrase.lower()
    stock = any(w in lowered for w in _STOCK_WORDS)
    if when is not None and when.kind == "period" and (not stock or _INVESTED.match(text, end)):
        return True
    return modality is not Modality.ACTUAL and not stock


def figure_key(
    naming: Naming,
    *,
    text: str,
    phrase: str,
    nearby: Sequence[CountryMention],
    parties: Sequence[str],
    home: str | None,
    speaker: str | None,
    scope: str | None,
    suffix: str = "",
) -> Keyed:
    """The key of a figure named `naming`, with `nearby` the countries its phrase (or clause)
    names, `parties` the statement's two parties (or fewer), `home` the country whose
    statement it is (the speaker's, else the publisher's) and `speaker` the speaker's country,
    which "our" in the phrase names."""
    name = naming.name + suffix
    indicator = name if naming.indicator is not None else ""
    ours = speaker or home if _OURS.search(phrase) else None
    default = None if scope == WORLD else (ours or home)
    if naming.reach is Reach.SYMMETRIC:
        codes = _pair(nearby, parties, default)
        return Keyed(MetricKey(name, codes, scope), indicator)
    named = list(dict.fromkeys(m.code for m in nearby))
    if naming.reach is Reach.NATIONAL and len(named) <= 1:
        code = named[0] if named else (ours or default)
        return Keyed(MetricKey(name, (code,) if code else (), scope), indicator, subject=code)
    subject, obj = direction(text, nearby, parties, ours=ours)
    if subject is None and obj != default:
        subject = default
    codes = tuple(c for c in dict.fromkeys((subject, obj)) if c)
    return Keyed(MetricKey(name, codes, scope), indicator, subject=subject, object=obj)


def _pair(
    nearby: Sequence[CountryMention], parties: Sequence[str], default: str | None
) -> tuple[str, ...]:
    """The two sides of a symmetric figure: the two countries named, one named and the speaker's
    (or the other party), else the statement's two parties, else the speaker's alone."""
    named = list(dict.fromkeys(m.code for m in nearby))
    if len(named) >= 2:
        return tuple(sorted(named[:2]))
    if len(named) == 1:
        other = default if default and default != named[0] else None
        if other is None:
            other = next((p for p in parties if p != named[0]), None)
        return tuple(sorted({named[0], other} - {None}))  # type: ignore[arg-type]
    if len(parties) == 2:
        return tuple(sorted(parties))
    return (default,) if default else ()
