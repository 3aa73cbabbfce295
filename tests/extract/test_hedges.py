from decimal import Decimal

import pytest

from communique.extract.hedges import hedge_before, interval
from communique.models import Qualifier


@pytest.mark.parametrize(
    ("before", "qualifier", "hedge"),
    [
        ("trade exceeded ", Qualifier.OVER, "exceeded "),
        ("has surpassed ", Qualifier.OVER, "surpassed "),
        ("increase trade to more than ", Qualifier.OVER, "more than "),
        ("at least ", Qualifier.AT_LEAST, "at least "),
        ("approximately ", Qualifier.ABOUT, "approximately "),
        ("Some ", Qualifier.ABOUT, "Some "),
        ("has almost reached ", Qualifier.NEARLY, "almost reached "),
        ("trade closely approached ", Qualifier.NEARLY, "closely approached "),
        ("investment nearing ", Qualifier.NEARLY, "nearing "),
        ("less than ", Qualifier.UNDER, "less than "),
        ("will provide up to ", Qualifier.AT_MOST, "up to "),
        ("work on another ", Qualifier.EXACT, "another "),
    ],
)
def test_hedges_hedge_before_reads_the_qualifier(
    before: str, qualifier: Qualifier, hedge: str
) -> None:
    found = hedge_before(before, len(before))
    assert found is not None
    start, q = found
    assert q is qualifier
    assert before[start:] == hedge


@pytest.mark.parametrize(
    "before",
    ["trade reached ", "amounted to ", "the moreover ", "", "we have handed over ", "turned over "],
)
def test_hedges_no_hedge_means_none(before: str) -> None:
    assert hedge_before(before, len(before)) is None


@pytest.mark.parametrize(
    ("qualifier", "half_step", "low", "high"),
    [
        (Qualifier.EXACT, Decimal(5), Decimal(95), Decimal(105)),
        (Qualifier.OVER, Decimal(0), Decimal(100), Decimal(125)),
        (Qualifier.NEARLY, Decimal(0), Decimal(90), Decimal(100)),
        (Qualifier.ABOUT, Decimal(0), Decimal(95), Decimal(105)),
        (Qualifier.AT_MOST, Decimal(0), Decimal(0), Decimal(100)),
    ],
)
def test_hedges_interval_opens_the_way_the_hedge_points(
    qualifier: Qualifier, half_step: Decimal, low: Decimal, high: Decimal
) -> None:
    assert interval(Decimal(100), qualifier, half_step=half_step) == (low, high)
