import pytest

from communique.extract.hedges import hedge_after, hedge_before
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
        ("as many as ", Qualifier.AT_MOST, "as many as "),
        ("as much as ", Qualifier.AT_MOST, "as much as "),
        ("prices as low as ", Qualifier.AT_LEAST, "as low as "),
        ("do not exceed ", Qualifier.AT_MOST, "do not exceed "),
        ("something like\n", Qualifier.ABOUT, "something like\n"),
        ("more \nthan ", Qualifier.OVER, "more \nthan "),  # a hedge broken over a line
        ("Close\nto ", Qualifier.NEARLY, "Close\nto "),
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
    ("after", "qualifier"),
    [
        (" or more of", Qualifier.AT_LEAST),
        (" and more", Qualifier.AT_LEAST),
        (" or fewer", Qualifier.AT_MOST),
    ],
)
def test_hedges_hedge_after_reads_the_qualifier(after: str, qualifier: Qualifier) -> None:
    found = hedge_after("20 percent" + after, len("20 percent"))
    assert found is not None and found[1] is qualifier


def test_hedges_no_hedge_after_means_none() -> None:
    assert hedge_after("20 percent of all", len("20 percent")) is None
