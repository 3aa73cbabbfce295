import pytest

from communique.extract.units import currency_before, unit_after


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
        (" tonnes of", "tonne"),
        (" cubic metres", "m3"),
        (" realistic", None),
    ],
)
def test_units_unit_after_the_number(after: str, unit: str | None) -> None:
    found = unit_after(after, 0)
    assert (found[1].unit if found else None) == unit


def test_units_a_code_inside_a_word_is_not_a_currency() -> None:
    assert currency_before("NATO 5", 5) is None


def test_units_unit_after_stays_inside_the_sentence() -> None:
    from communique.extract import extract_claims
    from communique.extract.units import unit_after
    from communique.models import Description

    assert unit_after("5 RUB", 1) is not None
    assert unit_after("5\nRUB", 1, 1) is None  # the sentence ended after the number
    text = "Trade reached 5\nRUB in total. Trade reached 7 RUB."
    for claim in extract_claims(text, (), description=Description()):
        assert claim.sentence is not None
        assert claim.sentence.start <= claim.span.start <= claim.span.end <= claim.sentence.end
