"""Units written after a number: percent and physical units (`data/units.toml`), and through
`currencies` the currencies written before or after it ("US$", "€", "yuan", "per cent",
"million tonnes").
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from typing import Any

from communique.extract.currencies import currency_after, currency_before

__all__ = [
    "COUNT",
    "PERCENT",
    "PHYSICAL_UNITS",
    "RANK",
    "TIME_NOUNS",
    "UnitWord",
    "currency_after",
    "currency_before",
    "unit_after",
]

PERCENT = "percent"
COUNT = "count"
RANK = "rank"


@dataclass(frozen=True, slots=True)
class UnitWord:
    """One way of writing a unit after a number, with the factor to base units."""

    unit: str
    factor: Decimal = Decimal(1)


_PERCENT_FORMS = ("per cent", "percent", "percents", "percentage", "pct", "%")


def _data(name: str) -> dict[str, Any]:
    return tomllib.loads(resources.files("communique.data").joinpath(name).read_text("utf-8"))


def _physical() -> dict[str, UnitWord]:
    """Written form → unit, from data/units.toml (the one table of physical units)."""
    table: dict[str, UnitWord] = {}
    for name, spec in _data("units.toml").items():
        for form in spec.get("forms", []):
            table[form] = UnitWord(name)
        for form, factor in spec.get("scaled", {}).items():
            table[form] = UnitWord(name, Decimal(str(factor)))
    table["percentage points"] = table["percentage point"] = UnitWord("percentage_point")
    for form in _PERCENT_FORMS:
        table[form] = UnitWord(PERCENT)
    return table


PHYSICAL_UNITS = frozenset(_data("units.toml"))
"""The names physical units are exported under ("tonnes", "km", "cubic metres", "MW")."""

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


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, UnitWord], re.Pattern[str]]:
    """Physical and percent units written after a number, and one regex for them all. A form
    written with a space also matches across a line break ("0.7 per⏎cent")."""
    after = _physical()
    forms = sorted(after, key=len, reverse=True)
    alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in forms)
    return after, re.compile(rf"\s*(?:{alternation})(?![A-Za-z])")


def unit_after(
    text: str, start: int, *, digits: bool = True, home: str | None = None
) -> tuple[int, UnitWord] | None:
    """A unit starting at `start` (after optional spaces): (end, unit), a currency's name or
    sign included ("yuan", "€"). A symbol of one or two letters ("km", "t") is a unit only
    after digits: "five mi" is no distance."""
    after, pattern = _tables()
    m = pattern.match(text, start)
    if m is not None:
        word = " ".join(m.group().split())
        unit = after.get(word)
        if unit is not None and (digits or len(word) > 2 or not word.isalpha()):
            return m.end(), unit
    money = currency_after(text, start, home=home)
    return (money[0], UnitWord(money[1], money[2])) if money else None
