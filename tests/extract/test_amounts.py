"""Amounts as other extractors' users write them, each construction in a sentence of our own."""

from decimal import Decimal

import pytest

from communique.extract.quantities import find_mentions


def _one(text: str, home: str | None = None) -> tuple[str, Decimal, str]:
    found = find_mentions(text, 0, len(text), home=home)
    assert len(found) == 1, [text[m.start : m.end] for m in found]
    m = found[0]
    return text[m.start : m.end], m.value, m.unit


@pytest.mark.parametrize(
    ("text", "quote", "value", "unit"),
    [
        ("The bank lent USD34.6 million to the port.", "USD34.6 million", "34.6e6", "USD"),
        ("Its reserves reached VND4,927 billion.", "VND4,927 billion", "4927e9", "VND"),
        ("A grant of EUR 5 million was signed.", "EUR 5 million", "5e6", "EUR"),
        ("Exports topped US$4.7 billion.", "topped US$4.7 billion", "4.7e9", "USD"),
        ("The fund holds 5 million USD.", "5 million USD", "5e6", "USD"),
        ("The ticket cost 3 dollars 50 cents.", "3 dollars 50 cents", "3.5", "USD"),
        (
            "It was fourteen dollars and twenty cents.",
            "fourteen dollars and twenty cents",
            "14.2",
            "USD",
        ),
        ("Each family paid a hundred dollars.", "a hundred dollars", "100", "USD"),
        ("A budget of ₹500 crore was approved.", "₹500 crore", "5e9", "INR"),
        ("Farmers receive Rs 2 lakh each.", "Rs 2 lakh", "2e5", "INR"),
        ("They invested 300 crore rupees.", "300 crore rupees", "3e9", "INR"),
        ("A loan of 45 billion won was agreed.", "45 billion won", "45e9", "KRW"),
        ("Tourism brought ₺120 billion.", "₺120 billion", "120e9", "TRY"),
        ("The deal is worth 30 billion lira.", "30 billion lira", "30e9", "TRY"),
        ("Schools received 2 million rand.", "2 million rand", "2e6", "ZAR"),
        ("Exports earned 12 billion naira.", "12 billion naira", "12e9", "NGN"),
        ("The city spent 40 million zlotys.", "40 million zlotys", "40e6", "PLN"),
        ("Aid of 1.2 trillion yen was pledged.", "1.2 trillion yen", "1.2e12", "JPY"),
        ("Remittances reached 8 billion pesos.", "8 billion pesos", "8e9", "MXN"),
        ("A fine of 10,000 Swiss francs was paid.", "10,000 Swiss francs", "10000", "CHF"),
        (
            "They borrowed 125 million Australian dollars.",
            "125 million Australian dollars",
            "125e6",
            "AUD",
        ),
        ("A C$300 million charge was booked.", "C$300 million", "300e6", "CAD"),
        ("Toys earned hk $ 10.05 billion.", "hk $ 10.05 billion", "10.05e9", "HKD"),
        ("The start-up raised €10M last spring.", "€10M", "10e6", "EUR"),
        ("Its output is $2.174T a year.", "$2.174T", "2.174e12", "USD"),
        ("The prize was 10 000 dollars.", "10 000 dollars", "10000", "USD"),
        ("The fare is 100 € for adults.", "100 €", "100", "EUR"),
        ("A new bicycle costs 100₾ there.", "100₾", "100", "GEL"),
        ("Prices rose 50 cents a barrel.", "50 cents", "0.5", "USD"),
        ("The bid was 470 pence a share.", "470 pence", "4.7", "GBP"),
        ("They pay a 12-cent dividend.", "12-cent", "0.12", "USD"),
        ("Growth slowed to minus five percent.", "minus five percent", "-5", "percent"),
        ("Output changed by -2.5 percent.", "-2.5 percent", "-2.5", "percent"),
        ("sales rose 6 . 2 % to the end .", "6 . 2 %", "6.2", "percent"),
        ("It grew by 0.7 per\ncent last year.", "0.7 per\ncent", "0.7", "percent"),
        ("Trade reached $1.2\nbillion last year.", "$1.2\nbillion", "1.2e9", "USD"),
        ("Half a million tonnes were shipped.", "Half a million tonnes", "5e5", "tonnes"),
        ("A two hundred and fifty kilometre road.", "two hundred and fifty kilometre", "250", "km"),
        ("A road of 250 km opened.", "250 km", "250", "km"),
        ("The line has a 1,520 mm gauge.", "1,520 mm", "1520", "mm"),
        ("The bridge is 3,000 feet long.", "3,000 feet", "3000", "feet"),
        ("The plant makes 350MW of power.", "350MW", "350", "MW"),
        ("The plant makes 2 GW of power.", "2 GW", "2000", "MW"),
        ("Pipelines carry 5 bcm of gas.", "5 bcm", "5e9", "cubic metres"),
        ("The park covers 120 square kilometres.", "120 square kilometres", "120", "km2"),
        ("Farms use 400 hectares of land.", "400 hectares", "400", "ha"),
        ("A 220 kV line was built.", "220 kV", "220", "kV"),
        ("Keep warming below 1.5°C this century.", "below 1.5°C", "1.5", "°C"),
        ("Nuclear plants made 30 TWh of power.", "30 TWh", "30e6", "MWh"),
        ("Harvests reached 5 kilotonnes of rice.", "5 kilotonnes", "5000", "tonnes"),
    ],
)
def test_amounts_money_percent_and_units(text: str, quote: str, value: str, unit: str) -> None:
    assert _one(text) == (quote, Decimal(value), unit)


@pytest.mark.parametrize(
    ("text", "quote", "value", "candidate"),
    [
        ("Fifty-nine States voted for it.", "Fifty-nine", 59, True),
        ("We opened two hundred and fifty schools.", "two hundred and fifty", 250, True),
        ("About a dozen projects started.", "About a dozen", 12, True),
        (
            "More than two and a half million people came.",
            "More than two and a half million",
            2.5e6,
            True,
        ),
        ("It is a 38-nation coalition.", "38", 38, True),
        ("Almost 15 million of the 20 million doses arrived.", "Almost 15 million", 15e6, True),
        ("- Hiring 1,500 air traffic controllers in 2023.", "1,500", 1500, True),
        ("There were some 2000 recommendations.", "some 2000", 2000, True),
    ],
)
def test_amounts_counts_written_in_words_and_hyphens(
    text: str, quote: str, value: float, candidate: bool
) -> None:
    found = find_mentions(text, 0, len(text))
    assert found, text
    m = found[0]
    assert (text[m.start : m.end], m.value, m.unit, m.candidate) == (
        quote,
        Decimal(str(value)),
        "count",
        candidate,
    )


@pytest.mark.parametrize(
    ("text", "quote", "low", "high", "unit"),
    [
        ("Costs will be $20–25 billion.", "$20–25 billion", "20e9", "25e9", "USD"),
        (
            "Prices rose between 20 and 25 percent.",
            "between 20 and 25 percent",
            "20",
            "25",
            "percent",
        ),
        ("Emissions fall 26 to 28 per cent.", "26 to 28 per cent", "26", "28", "percent"),
        ("It lets 50 to 80% of the heat pass.", "50 to 80%", "50", "80", "percent"),
        ("Mortgages cost about 23–24 percent.", "about 23–24 percent", "23", "24", "percent"),
        ("We buy a 9–12 seat aircraft.", "9–12", "9", "12", "count"),
        ("Units of 600-700\nmegawatts are planned.", "600-700\nmegawatts", "600", "700", "MW"),
        ("Sales were $20 to $25 billion.", "$20 to $25 billion", "20e9", "25e9", "USD"),
        (
            "It costs between 10 dollars and 20 dollars.",
            "between 10 dollars and 20 dollars",
            "10",
            "20",
            "USD",
        ),
        ("Prices range from $10 to $20.", "$10 to $20", "10", "20", "USD"),
    ],
)
def test_amounts_a_range_is_one_figure_from_its_low_end(
    text: str, quote: str, low: str, high: str, unit: str
) -> None:
    found = find_mentions(text, 0, len(text))
    ranges = [m for m in found if m.high is not None]
    assert len(ranges) == 1, [text[m.start : m.end] for m in found]
    m = ranges[0]
    assert (text[m.start : m.end], m.value, m.high, m.unit, m.qualifier.value) == (
        quote,
        Decimal(low),
        Decimal(high),
        unit,
        "at_least",
    )


@pytest.mark.parametrize(
    "text",
    [
        "Inflation rose from 20 to 25 percent.",
        "The cost went from $350 per kg to $680 per kg.",
        "Between 2015 and 2020 trade grew.",
        "The forum met on 19–21 November.",
        "They discussed units 3 to 6 of the plant.",
        "Orders for the MC-21-300 aircraft grew.",
    ],
)
def test_amounts_changes_dates_and_models_are_no_range(text: str) -> None:
    assert [m for m in find_mentions(text, 0, len(text)) if m.high is not None] == []


def test_amounts_the_dollar_of_a_text_at_home() -> None:
    assert _one("We gave $130 million.", home="AUD") == ("$130 million", Decimal("130e6"), "AUD")
    assert _one("We gave US$130 million.", home="AUD")[2] == "USD"
    assert _one("We gave €130 million.", home="AUD")[2] == "EUR"


@pytest.mark.parametrize(
    ("text", "quote", "value", "unit"),
    [
        # Recognizers-Text's and Duckling's English money cases, in sentences of our own
        ("It was marked at US$ 3.14 each.", "US$ 3.14", "3.14", "USD"),
        ("Coffee was 99¢ a cup.", "99¢", "0.99", "USD"),
        ("The bill came to $20 and 43c.", "$20 and 43c", "20.43", "USD"),
        ("It came to twenty dollars and 43.", "twenty dollars and 43", "20.43", "USD"),
        ("It sold for above a dollar and 42 cents.", "above a dollar and 42 cents", "1.42", "USD"),
        ("The deal was worth 6.65 billion pesetas.", "6.65 billion pesetas", "6.65e9", "ESP"),
        ("The cost is 100元 a unit.", "100元", "100", "CNY"),
        ("A fee of 42MYR applies.", "42MYR", "42", "MYR"),
        ("Eggs averaged 64.2 cents a dozen.", "64.2 cents", "0.642", "USD"),
    ],
)
def test_amounts_money_as_other_extractors_suites_write_it(
    text: str, quote: str, value: str, unit: str
) -> None:
    assert _one(text) == (quote, Decimal(value), unit)


@pytest.mark.parametrize(
    "text",
    [
        "The talks at COP30 in Belem ended.",  # a conference, not 30 pesos
        "Nobody will pay a penny more in taxes.",  # nothing, said of a penny
        "A pound of coal burned well.",  # a weight
        "We gave $20 million and 30 more.",  # no cents after a scaled amount
    ],
)
def test_amounts_no_money_is_read_into_names_and_rhetoric(text: str) -> None:
    found = find_mentions(text, 0, len(text))
    assert not [m for m in found if m.unit.isupper() and m.value < 1] and not any(
        text[m.start : m.end] == "COP30" for m in found
    )
