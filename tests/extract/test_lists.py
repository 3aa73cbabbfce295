"""Figures side by side: emphatic repeats once, rhetorical counts never, list items marked,
vague plurals as flagged lower bounds."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from communique.extract import extract_claims
from communique.models import Description, Qualifier

_D = Description(date=date(2024, 11, 27), countries=("US",))


def _claims(text: str):  # type: ignore[no-untyped-def]
    return extract_claims(text, (), description=_D)


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        ("The figure is 40 percent — 40 percent of our exports go to Asia.", ["40 percent"]),
        ("Exports grew 7 percent, 7 percent, in one year.", ["7 percent"]),
        ("I have three pieces of advice for you.", []),
        ("There are two reasons for that, and two examples.", []),
        ("We built three plants and 40 schools.", ["three plants", "40 schools"]),
    ],
)
def test_lists_repeats_and_rhetorical_counts(text: str, quotes: list[str]) -> None:
    assert [c.quote for c in _claims(text)] == quotes


@pytest.mark.parametrize(
    ("text", "listed"),
    [
        (
            "Support reached 38 percent of the Black community, 42 percent of the Hispanic "
            "community and 30 percent of young voters.",
            [True, True, True],
        ),
        ("The rate was 92 percent for pilots and 62 percent for the Navy.", [True, True]),
        ("Trade rose from $5 billion to $7 billion.", [False, False]),
        ("Trade reached $5 billion, or 7 percent of the total.", [False, False]),
        ("Exports reached $5 billion. Imports reached $3 billion.", [False, False]),
    ],
)
def test_lists_items_of_one_enumeration_are_marked(text: str, listed: list[bool]) -> None:
    claims = _claims(text)
    assert [c.enumeration is not None for c in claims] == listed
    starts = {c.enumeration for c in claims if c.enumeration is not None}
    assert len(starts) <= 1 and all(s == claims[0].span.start for s in starts)


@pytest.mark.parametrize(
    ("text", "quote", "value", "unit"),
    [
        ("Thousands of lives were saved.", "Thousands of lives", 1000, "count"),
        ("Millions of people have been vaccinated.", "Millions of people", 10**6, "count"),
        ("It cost tens of billions of dollars.", "tens of billions of dollars", 10**10, "USD"),
        ("The war killed hundreds of thousands of people.", None, 10**5, "count"),
        ("Scores of wells were capped.", "Scores of wells", 20, "count"),
    ],
)
def test_lists_vague_plurals_are_flagged_lower_bounds(
    text: str, quote: str | None, value: int, unit: str
) -> None:
    (claim,) = _claims(text)
    assert (claim.value, claim.unit, claim.qualifier, claim.vague) == (
        Decimal(value),
        unit,
        Qualifier.AT_LEAST,
        True,
    )
    if quote is not None:
        assert claim.quote == quote


@pytest.mark.parametrize(
    "text", ["We invested billions in new plants.", "Billions more in aid are on the way."]
)
def test_lists_vague_money_of_no_currency_is_no_claim(text: str) -> None:
    assert _claims(text) == []
