from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from communique.extract.numbers import WORD_VALUES, parse_number, precision


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("22.2 billion", Decimal("22200000000")),
        ("7,500", Decimal(7500)),
        ("six million", Decimal(6000000)),
        ("twenty-five", Decimal(25)),
        ("Fourteen", Decimal(14)),
        ("1.4 trillion", Decimal("1400000000000")),
        ("3 bn", Decimal(3000000000)),
        ("0.5", Decimal("0.5")),
        ("a hundred", Decimal(100)),
        ("1,32,000", Decimal(132000)),
        ("12,34,56,789", Decimal(123456789)),
        # Recognizers-Text's English number cases
        ("one million two hundred thousand", Decimal(1200000)),
        ("twenty-one trillion three hundred", Decimal(21000000000300)),
        ("two  thousand  and  two hundred", Decimal(2200)),
        ("fifty - two", Decimal(52)),
        ("fifty   two", Decimal(52)),
        ("322 hundred", Decimal(32200)),
        ("3 dozens", Decimal(36)),
        ("five and a quarter", Decimal("5.25")),
    ],
)
def test_numbers_parse_number_reads_written_forms(text: str, value: Decimal) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "billion", "many", "twelvety", "1,2345"])
def test_numbers_parse_number_rejects_non_numbers(text: str) -> None:
    assert parse_number(text) is None


@pytest.mark.parametrize(
    ("text", "half_step"),
    [
        ("17 billion", Decimal(500_000_000)),
        ("20 billion", Decimal(500_000_000)),
        ("22.2 billion", Decimal(50_000_000)),
        ("24,000", Decimal(500)),
        ("93", Decimal(0)),
        ("three", Decimal(0)),
    ],
)
def test_numbers_precision_follows_the_digits_written(text: str, half_step: Decimal) -> None:
    assert precision(text) == half_step


_SCALES = {"": 1, " thousand": 10**3, " million": 10**6, " billion": 10**9, " trillion": 10**12}


@given(
    whole=st.integers(min_value=0, max_value=999_999_999),
    decimals=st.integers(min_value=0, max_value=99),
    places=st.sampled_from([0, 1, 2]),
    scale=st.sampled_from(sorted(_SCALES)),
    commas=st.booleans(),
)
def test_numbers_any_formatted_amount_parses_back(
    whole: int, decimals: int, places: int, scale: str, commas: bool
) -> None:
    digits = f"{whole:,}" if commas else str(whole)
    fraction = f"{decimals:02d}"[:places]
    text = digits + (f".{fraction}" if places else "") + scale
    expected = Decimal(f"{whole}.{fraction}" if places else str(whole)) * _SCALES[scale]
    assert parse_number(text) == expected


@given(st.sampled_from(sorted(k for k in WORD_VALUES if " " not in k)))
def test_numbers_every_number_word_parses(word: str) -> None:
    assert parse_number(word) == WORD_VALUES[word]
    assert parse_number(word.capitalize()) == WORD_VALUES[word]


def test_numbers_two_numbers_of_one_scale_stay_two() -> None:
    import re

    from communique.extract.numbers import NUMBER

    found = [m.group() for m in re.finditer(NUMBER, "one million and two million", re.I)]
    assert found == ["one million", "two million"]
