"""The intervals a hedged figure allows, literally and in ordinary reading."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from communique.extract.intervals import (
    Interval,
    bounds,
    literal_interval,
    ordinary_interval,
    step_of,
)
from communique.models import Qualifier

B = Decimal(10) ** 9


@pytest.mark.parametrize(
    ("quote", "value", "step"),
    [
        ("US$25.6 billion", "25.6e9", Decimal("0.1") * B),
        ("exceeded $20 billion", "20e9", B),  # digits before a scale word all count
        ("approximately 24,000 companies", "24000", Decimal(1000)),  # trailing zeros round
        ("over six million doses", "6e6", Decimal(10) ** 6),  # no digits: the scale decides
        ("around 7,500 entities", "7500", Decimal(100)),
        ("93 projects", "93", Decimal(0)),  # a count written exactly
    ],
)
def test_intervals_step_is_the_extractors(
    make_claim: Any, quote: str, value: str, step: Decimal
) -> None:
    claim = make_claim(quote, value)
    assert step_of(claim) == step


def test_intervals_step_of_an_old_claim_comes_from_its_value(make_claim: Any) -> None:
    claim = make_claim("$12 billion", "12e9", step=None)
    assert step_of(claim) == B


@pytest.mark.parametrize(
    ("qualifier", "step", "low", "high"),
    [
        (Qualifier.EXACT, Decimal(10), Decimal(95), Decimal(105)),
        (Qualifier.OVER, Decimal(0), Decimal(100), None),
        (Qualifier.AT_LEAST, Decimal(0), Decimal(100), None),
        (Qualifier.NEARLY, Decimal(0), Decimal(80), Decimal(100)),
        (Qualifier.ABOUT, Decimal(0), Decimal(80), Decimal(120)),
        (Qualifier.UNDER, Decimal(0), None, Decimal(100)),
        (Qualifier.AT_MOST, Decimal(0), None, Decimal(100)),
    ],
)
def test_intervals_literal_bounds_open_the_way_the_hedge_points(
    qualifier: Qualifier, step: Decimal, low: Decimal | None, high: Decimal | None
) -> None:
    assert bounds(Decimal(100), qualifier, step, ordinary=False) == Interval(low, high)


@pytest.mark.parametrize(
    ("quote", "value", "qualifier", "literal", "ordinary"),
    [
        ("$25.6 billion", 25.6e9, "exact", ("25.55e9", "25.65e9"), ("25.55e9", "25.65e9")),
        ("exceeded $21 billion", 21e9, "over", ("21e9", None), ("21e9", "24.15e9")),
        ("over 60,000", 60000, "over", ("60000", None), ("60000", "70000")),
        ("almost $1.5 billion", 1.5e9, "nearly", ("1.2e9", "1.5e9"), ("1.35e9", "1.5e9")),
        ("about 180", 180, "about", ("144", "216"), ("162", "198")),
        ("less than 5 percent", 5, "under", (None, "5"), ("4", "5")),
        ("at most 3", 3, "at_most", (None, "3"), ("2", "3")),
    ],
)
def test_intervals_per_qualifier(
    make_claim: Any, quote: str, value: float, qualifier: str, literal: Any, ordinary: Any
) -> None:
    claim = make_claim(quote, value, qualifier=qualifier)

    def expect(pair: Any) -> Interval:
        return Interval(*(None if v is None else Decimal(v) for v in pair))

    assert literal_interval(claim) == expect(literal)
    assert ordinary_interval(claim) == expect(ordinary)


def test_intervals_ordinary_never_wider_than_extractors(make_claim: Any) -> None:
    claim = make_claim(
        "over 60,000", 60000, qualifier="over", low=Decimal(60000), high=Decimal(61000)
    )
    assert literal_interval(claim) == Interval(Decimal(60000), Decimal(61000))
    assert ordinary_interval(claim) == Interval(Decimal(60000), Decimal(61000))


@pytest.mark.parametrize(
    ("a", "b", "overlap", "gap"),
    [
        ((1, 2), (3, 4), False, 1),
        ((1, 3), (2, 4), True, 0),
        ((1, 2), (2, 4), True, 0),  # closed: touching counts as meeting
        ((None, 2), (5, None), False, 3),
        ((None, None), (5, 6), True, 0),
    ],
)
def test_intervals_overlap_and_gap(a: Any, b: Any, overlap: bool, gap: int) -> None:
    ia = Interval(*(None if v is None else Decimal(v) for v in a))
    ib = Interval(*(None if v is None else Decimal(v) for v in b))
    assert ia.overlaps(ib) is overlap and ib.overlaps(ia) is overlap
    assert ia.gap(ib) == gap == ib.gap(ia)
