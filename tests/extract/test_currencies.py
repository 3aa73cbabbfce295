import importlib.util
from decimal import Decimal
from pathlib import Path

import pytest

from communique.extract.currencies import currency_after, currency_before, home_currency

ROOT = Path(__file__).resolve().parents[2]


def test_currencies_cldr_file_is_what_babel_gives() -> None:
    spec = importlib.util.spec_from_file_location(
        "currencies_script", ROOT / "scripts" / "currencies.py"
    )
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    assert script.OUT.read_text(encoding="utf-8") == script.build()


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("USD34.6", "USD"),
        ("US$4.7", "USD"),
        ("VND4,927", "VND"),
        ("EUR 5", "EUR"),
        ("₹500", "INR"),
        ("₺120", "TRY"),
        ("₩45", "KRW"),
        ("zł 40", "PLN"),
        ("₦1.2", "NGN"),
        ("c $ 16.4", "CAD"),
        ("hk $ 10.05", "HKD"),
        ("C$300", "CAD"),
        ("NZ$12", "NZD"),
        ("TRY 4.5 billion", "TRY"),
    ],
)
def test_currencies_written_before_the_number(text: str, code: str) -> None:
    number_at = next(i for i, ch in enumerate(text) if ch.isdigit())
    found = currency_before(text, number_at)
    assert found is not None and found == (0, code)


@pytest.mark.parametrize(
    "text", ["ALL 50", "TOP 10", "SLE 6000", "a $100", "NATO 5", "the country’s $200"]
)
def test_currencies_words_and_models_before_a_number_are_no_currency(text: str) -> None:
    number_at = next(i for i, ch in enumerate(text) if ch.isdigit())
    found = currency_before(text, number_at)
    assert found is None or (found[1] == "USD" and text[found[0]] == "$")


@pytest.mark.parametrize(
    ("after", "code"),
    [
        (" rupees", "INR"),
        (" crore rupees", "INR"),
        (" yen", "JPY"),
        (" won", "KRW"),
        (" lira", "TRY"),
        (" pesos", "MXN"),
        (" Colombian pesos", "COP"),
        (" rand", "ZAR"),
        (" naira", "NGN"),
        (" zlotys", "PLN"),
        (" Swiss francs", "CHF"),
        (" australian dollars", "AUD"),
        (" EUR", "EUR"),
        (" €", "EUR"),
        ("₾", "GEL"),
        (" ₭ as prize", "LAK"),
        (" bucks", "USD"),
    ],
)
def test_currencies_written_after_the_number(after: str, code: str) -> None:
    found = currency_after(after, 0)
    assert found is not None and found[1] == code


@pytest.mark.parametrize("after", [" real problems", " gold medals", " marks", " $ 37"])
def test_currencies_english_words_after_a_number_are_no_currency(after: str) -> None:
    assert currency_after(after, 0) is None


def test_currencies_a_text_at_home_in_a_dollar_country_reads_its_dollar() -> None:
    text = "Here in Australia, we have invested $130 million and 5 million dollars."
    home = home_currency(text)
    assert home == "AUD"
    at = text.index("130")
    assert currency_before(text, at, home=home) == (at - 1, "AUD")
    assert currency_after(text, text.index(" dollars"), home=home) == (
        text.index("."),
        "AUD",
        Decimal(1),
    )
    assert currency_before(text, at) == (at - 1, "USD")


@pytest.mark.parametrize(
    "text",
    [
        "On behalf of my country, Jamaica, I note the energy bill of $1 billion.",
        "We met partners from Australia to discuss $5 billion.",
        "Here in Russia oil sells at $80 a barrel.",
    ],
)
def test_currencies_a_text_not_speaking_from_a_dollar_country_keeps_usd(text: str) -> None:
    home = home_currency(text)
    assert home in (None, "RUB")
    at = next(i for i, ch in enumerate(text) if ch.isdigit())
    found = currency_before(text, at, home=home)
    assert found is not None and found[1] == "USD"
