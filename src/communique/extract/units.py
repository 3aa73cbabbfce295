"""Units written after a number: percent and physical units (`data/units.toml`), and through
`currencies` the currencies written before or after it ("US$", "€", "yuan", "per cent",
"million tonnes").
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from typing import Any

from communique.extract.currencies import currency_after, currency_before, words_after

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


@lru_cache(maxsize=1)
def _unit_data() -> dict[str, Any]:
    return tomllib.loads(
        resources.files("communique.data").joinpath("units.toml").read_text("utf-8")
    )


def _physical() -> dict[str, UnitWord]:
    """Written form → unit, from data/units.toml (the one table of physical units)."""
    table: dict[str, UnitWord] = {}
    for name, spec in _unit_data().items():
        for form in spec.get("forms", []):
            table[form] = UnitWord(name)
        for form, factor in spec.get("scaled", {}).items():
            table[form] = UnitWord(name, Decimal(str(factor)))
    table["percentage points"] = table["percentage point"] = UnitWord("percentage_point")
    for form in _PERCENT_FORMS:
        table[form] = UnitWord(PERCENT)
    return table


PHYSICAL_UNITS = frozenset(_unit_data())
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
def _tables() -> dict[str, UnitWord]:
    """Physical and percent units written after a number, by their written form."""
    return _physical()


def unit_after(
    text: str, start: int, *, digits: bool = True, home: str | None = None
) -> tuple[int, UnitWord] | None:
    """A unit starting at `start` (after optional spaces): (end, unit), a currency's name or
    sign included ("yuan", "€"). A symbol of one or two letters ("km", "t") is a unit only
    after digits: "five mi" is no distance."""
    after = _tables()
    if start < len(text) and text[start].isdigit():
        return None  # "10 000", "2 1/2": no unit starts with a digit
    found = words_after(text, start, after, spaced=True, fold=False)
    if found is not None:
        end, word = found
        if digits or len(word) > 2 or not word.isalpha():
            return end, after[word]
    money = currency_after(text, start, home=home)
    return (money[0], UnitWord(money[1], money[2])) if money else None
