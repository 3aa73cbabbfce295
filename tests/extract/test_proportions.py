"""Shares written without a percent sign, in sentences of our own."""

from decimal import Decimal

import pytest

from communique.extract.quantities import find_mentions
from communique.models import Qualifier


@pytest.mark.parametrize(
    ("text", "quote", "value", "qualifier"),
    [
        ("Six in 10 Americans agree.", "Six in 10 Americans", 60, Qualifier.EXACT),
        (
            "Roughly seven in 10 schools replied.",
            "Roughly seven in 10 schools",
            70,
            Qualifier.ABOUT,
        ),
        (
            "More than 1 out of 3 seniors got it.",
            "More than 1 out of 3 seniors",
            Decimal(100) / 3,
            Qualifier.OVER,
        ),
        ("one in two", "one in two", 50, Qualifier.EXACT),
        ("Four out of five are are", "Four out of five", 80, Qualifier.EXACT),
        ("It cut deaths by three fourths the rate.", "three fourths", 75, Qualifier.ABOUT),
        ("They hold one half of the shares.", "one half", 50, Qualifier.ABOUT),
        ("They hold 1/4 of the shares.", "1/4", 25, Qualifier.ABOUT),
        (
            "Trade grew by over one-third reaching $2 billion.",
            "over one-third",
            Decimal(100) / 3,
            Qualifier.OVER,
        ),
        ("It fell by two\nthirds and then rose.", "two\nthirds", Decimal(200) / 3, Qualifier.ABOUT),
        ("More than half will have had two doses.", "More than half", 50, Qualifier.OVER),
        (
            "Every third enterprise is new.",
            "Every third enterprise",
            Decimal(100) / 3,
            Qualifier.ABOUT,
        ),
    ],
)
def test_proportions_shares_in_words(
    text: str, quote: str, value: Decimal | int, qualifier: Qualifier
) -> None:
    shares = [m for m in find_mentions(text, 0, len(text)) if m.unit == "percent"]
    assert [(text[m.start : m.end], m.value, m.qualifier) for m in shares] == [
        (quote, Decimal(value), qualifier)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "In the first half of 2024 we met.",
        "It took one and a half years.",
        "A third country joined.",
        "Five in 10 minutes is fast.",
        "One in 2020 was held.",
        "Half the team left.",
        "Half of them came, half did not.",
    ],
)
def test_proportions_halves_of_time_and_idioms_are_no_share(text: str) -> None:
    shares = [m for m in find_mentions(text, 0, len(text)) if m.unit == "percent"]
    assert len(shares) <= (1 if text.startswith("Half") else 0)
