from decimal import Decimal

import pytest

from communique.extract.units import PHYSICAL_UNITS, currency_before, unit_after


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("US$25", "USD"),
        ("\\$30", "USD"),
        ("€124", "EUR"),
        ("KSh 68", "KES"),
        ("R$ 5", "BRL"),
        ("£1", "GBP"),
        ("Rs 1,000", "INR"),
    ],
)
def test_units_currency_before_the_number(text: str, code: str) -> None:
    number_at = next(i for i, ch in enumerate(text) if ch.isdigit())
    found = currency_before(text, number_at)
    assert found is not None and found == (0, code)


@pytest.mark.parametrize(
    ("after", "unit"),
    [
        (" yuan in 2023", "CNY"),
        (" reais", "BRL"),
        (" per cent of", "percent"),
        ("%", "percent"),
        (" million tonnes", None),
        (" tonnes of", "tonnes"),
        (" cubic metres", "cubic metres"),
        (" realistic", None),
        (" km of new roads", "km"),
        (" mm gauge", "mm"),
        (" feet high", "feet"),
        ("°C above", "°C"),
        (" square kilometres", "km2"),
        (" hectares", "ha"),
        (" kilovolts", "kV"),
        (" megawatts", "MW"),
        (" terawatt-hours", "MWh"),
    ],
)
def test_units_unit_after_the_number(after: str, unit: str | None) -> None:
    found = unit_after(after, 0)
    assert (found[1].unit if found else None) == unit


def test_units_a_code_inside_a_word_is_not_a_currency() -> None:
    assert currency_before("NATO 5", 5) is None


@pytest.mark.parametrize(
    ("after", "unit", "factor"),
    [(" GW", "MW", 1000), (" bcm", "cubic metres", 10**9), (" kWh", "MWh", Decimal("0.001"))],
)
def test_units_other_scales_convert_to_the_one_unit(after: str, unit: str, factor: Decimal) -> None:
    found = unit_after(after, 0)
    assert found is not None and (found[1].unit, found[1].factor) == (unit, factor)


def test_units_a_short_symbol_needs_digits() -> None:
    assert unit_after(" km", 0, digits=True) is not None
    assert unit_after(" km", 0, digits=False) is None
    assert unit_after(" tonnes", 0, digits=False) is not None


def test_units_every_physical_unit_name_is_in_the_table() -> None:
    assert {"tonnes", "km", "MW", "cubic metres", "mm", "feet"} <= PHYSICAL_UNITS


def test_units_unit_after_stays_inside_the_sentence() -> None:
    from communique.extract import extract_claims
    from communique.models import Description

    text = "Trade reached 5\nRUB in total. Trade reached 7 RUB."
    for claim in extract_claims(text, (), description=Description()):
        assert claim.sentence is not None
        assert claim.sentence.start <= claim.span.start <= claim.span.end <= claim.sentence.end
