"""Units written around a number: currencies (ISO 4217), percent, physical units.

Currencies come from `data/currencies.toml`. A unit is written either before the number (a
symbol or code: "US$", "€", "KSh") or after it ("yuan", "per cent", "million tonnes").
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from importlib import resources

PERCENT = "percent"
COUNT = "count"
RANK = "rank"


@dataclass(frozen=True, slots=True)
class UnitWord:
    """One way of writing a unit after a number, with the factor to base units."""

    unit: str
    factor: Decimal = Decimal(1)


# Physical units after the number; the unit strings are what exports carry.
_PHYSICAL: dict[str, UnitWord] = {
    "tonnes": UnitWord("tonne"),
    "tonne": UnitWord("tonne"),
    "tons": UnitWord("tonne"),
    "metric tons": UnitWord("tonne"),
    "cubic metres": UnitWord("m3"),
    "cubic meters": UnitWord("m3"),
    "bcm": UnitWord("m3", Decimal(10) ** 9),
    "megawatts": UnitWord("MW"),
    "MW": UnitWord("MW"),
    "gigawatts": UnitWord("MW", Decimal(1000)),
    "GW": UnitWord("MW", Decimal(1000)),
    "sq m": UnitWord("m2"),
    "sqm": UnitWord("m2"),
    "square metres": UnitWord("m2"),
    "square meters": UnitWord("m2"),
    "sq km": UnitWord("km2"),
    "square kilometres": UnitWord("km2"),
    "square kilometers": UnitWord("km2"),
    "hectares": UnitWord("ha"),
    "kilometres": UnitWord("km"),
    "kilometers": UnitWord("km"),
    "km": UnitWord("km"),
    "TEU": UnitWord("TEU"),
    "barrels": UnitWord("barrel"),
    "percentage points": UnitWord("percentage_point"),
    "percentage point": UnitWord("percentage_point"),
    "per cent": UnitWord(PERCENT),
    "percent": UnitWord(PERCENT),
    "%": UnitWord(PERCENT),
}

TIME_NOUNS = frozenset(
    [
        "year",
        "years",
        "month",
        "months",
        "week",
        "weeks",
        "day",
        "days",
        "hour",
        "hours",
        "minute",
        "minutes",
        "second",
        "seconds",
        "decade",
        "decades",
        "century",
        "centuries",
        "times",
    ]
)
"""Nouns after a number that make it a duration or a frequency, not a claim."""


@dataclass(frozen=True, slots=True)
class _Tables:
    before: dict[str, str]  # symbol or code written before the number → ISO code
    after: dict[str, UnitWord]  # unit word written after the number
    before_re: re.Pattern[str]
    after_re: re.Pattern[str]


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    data = tomllib.loads(
        resources.files("communique.data").joinpath("currencies.toml").read_text("utf-8")
    )
    before: dict[str, str] = {}
    after: dict[str, UnitWord] = dict(_PHYSICAL)
    for code, spec in data.items():
        for symbol in spec.get("symbols", []):
            before[symbol] = code
            before["\\" + symbol] = code  # Markdown escapes "\$" until read/ normalises them
        for c in spec.get("codes", []):
            before[c] = code
            after[c] = UnitWord(code)
        for name in spec.get("names", []):
            after[name] = UnitWord(code)
    # A symbol of letters must end at a word boundary ("Rs" but not "Rsomething").
    before_re = re.compile(
        "(?:"
        + "|".join(
            re.escape(s) + (r"(?![A-Za-z])" if s[-1].isalpha() else "")
            for s in sorted(before, key=len, reverse=True)
        )
        + ")"
    )
    after_re = re.compile(r"\s*(?:" + _alternation(list(after)) + r")(?![A-Za-z])")
    return _Tables(before, after, before_re, after_re)


def currency_before(text: str, end: int) -> tuple[int, str] | None:
    """A currency symbol or code ending at `end` (spaces allowed): (start, ISO code)."""
    tables = _tables()
    stop = end
    while stop > 0 and text[stop - 1] == " ":
        stop -= 1
    window_start = max(0, stop - 8)
    best: tuple[int, str] | None = None
    for m in tables.before_re.finditer(text, window_start, stop):
        if m.end() == stop:
            start = m.start()
            if start > 0 and text[start - 1].isalpha():
                continue  # "NATO" must not end in a code
            if best is None or start < best[0]:
                best = (start, tables.before[m.group()])
    return best


def unit_after(text: str, start: int, end: int | None = None) -> tuple[int, UnitWord] | None:
    """A unit word starting at `start` (after optional spaces) and over by `end`: (end, unit)."""
    tables = _tables()
    m = tables.after_re.match(text, start, len(text) if end is None else end)
    if m is None:
        return None
    word = m.group().strip()
    unit = tables.after.get(word)
    if unit is None:
        return None
    return m.end(), unit
