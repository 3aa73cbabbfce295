from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from communique.extract.quantities import find_mentions
from communique.models import Qualifier


def _mentions(text: str) -> list[tuple[str, Decimal, str, Qualifier]]:
    return [
        (text[m.start : m.end], m.value, m.unit, m.qualifier)
        for m in find_mentions(text, 0, len(text))
    ]


@pytest.mark.parametrize(
    ("text", "quote", "value", "unit", "qualifier"),
    [
        (
            "Trade amounted to R86.6 billion.",
            "R86.6 billion",
            Decimal(866 * 10**8),
            "ZAR",
            Qualifier.EXACT,
        ),
        (
            "It stands at more than A$130 billion.",
            "more than A$130 billion",
            Decimal(130 * 10**9),
            "AUD",
            Qualifier.OVER,
        ),
        (
            "Firms invested an estimated ₦1.2 trillion.",
            "an estimated ₦1.2 trillion",
            Decimal(12 * 10**11),
            "NGN",
            Qualifier.ABOUT,
        ),
        (
            "A 100,000 sq m warehouse.",
            "100,000 sq m",
            Decimal(100000),
            "m2",
            Qualifier.EXACT,
        ),
        (
            "Budget of MX$450 million.",
            "MX$450 million",
            Decimal(450 * 10**6),
            "MXN",
            Qualifier.EXACT,
        ),
        (
            "Trade exceeded US$21 billion.",
            "exceeded US$21 billion",
            Decimal(21 * 10**9),
            "USD",
            Qualifier.OVER,
        ),
        (
            "It closely approached \\$30 billion.",
            "closely approached \\$30 billion",
            Decimal(30 * 10**9),
            "USD",
            Qualifier.NEARLY,
        ),
        (
            "a swap of 190 billion yuan",
            "190 billion yuan",
            Decimal(190 * 10**9),
            "CNY",
            Qualifier.EXACT,
        ),
        (
            "a fund of 5 billion reais",
            "5 billion reais",
            Decimal(5 * 10**9),
            "BRL",
            Qualifier.EXACT,
        ),
        ("goods worth €124 billion", "€124 billion", Decimal(124 * 10**9), "EUR", Qualifier.EXACT),
        (
            "payments of 750 billion roubles",
            "750 billion roubles",
            Decimal(750 * 10**9),
            "RUB",
            Qualifier.EXACT,
        ),
        (
            "exports reached KSh 68 billion",
            "KSh 68 billion",
            Decimal(68 * 10**9),
            "KES",
            Qualifier.EXACT,
        ),
        (
            "more than 90 per cent of payments",
            "more than 90 per cent",
            Decimal(90),
            "percent",
            Qualifier.OVER,
        ),
        ("nearly half of all enterprises", "nearly half", Decimal(50), "percent", Qualifier.NEARLY),
        (
            "one-third of all school students",
            "one-third",
            Decimal(100) / 3,
            "percent",
            Qualifier.ABOUT,
        ),
        (
            "Every third enterprise was created",
            "Every third enterprise",
            Decimal(100) / 3,
            "percent",
            Qualifier.ABOUT,
        ),
        (
            "one of the top five investors",
            "top five investors",
            Decimal(5),
            "rank",
            Qualifier.AT_MOST,
        ),
        (
            "about 6 billion cubic metres of gas",
            "about 6 billion cubic metres",
            Decimal(6 * 10**9),
            "cubic metres",
            Qualifier.ABOUT,
        ),
    ],
)
def test_quantities_money_percent_units_and_ranks(
    text: str, quote: str, value: Decimal, unit: str, qualifier: Qualifier
) -> None:
    assert _mentions(text) == [(quote, value, unit, qualifier)]


@pytest.mark.parametrize(
    "text",
    [
        "The talks were held on 28 November 2022 in Moscow.",
        "Published on November 27, 2024, 21:00 in Astana.",
        "We will meet on December 24–25 in St Petersburg.",
        "In 2025, we will mark the 80th anniversary of Victory.",
        "The 20<sup>th</sup> Forum of Regions is taking place in Ufa.",
        "The G20 and the COVID-19 pandemic were discussed.",
        "The Soyuz-5 carrier rocket and EXPO-2030 were mentioned.",
        "UN Security Council Resolution 2202 must be performed.",
        "6 of 6",
        "Page 1 of 2.",
        "Media contact: press office, (202) 456-2580",
        "For queries: +91 11 2301 2345",
        "There are about two more months left until the end of 2022.",
        "The Agreement will be 20 years old next January.",
        "The two sides agreed to meet again.",
        "Done in two originals.",
        "They discussed units 3 to 6 of the plant.",
        "The call began at 9:30 a.m.",
        "1. The two sides celebrated the anniversary.",
        "Article 5 was discussed at 3 p.m. on 5 March.",
        "The Boeing 737 and F-16 deals, ISO 9001 and 5G networks, 24/7 monitoring.",
        "In the 1990s trade increased.",
        "The forum meets every second year.",
        "Issued at OR Tambo Building, 460 Soutpansberg Road, Pretoria.",
        "The R2 road and the Rs5 coin were discussed.",
        "Africa's two largest economies met in the 2nd half of the year.",
    ],
)
def test_quantities_dates_ordinals_and_references_are_not_figures(text: str) -> None:
    assert [m for m in find_mentions(text, 0, len(text)) if not m.candidate] == []
    assert all(
        text[m.end : m.end + 12].split()[0] not in ("years", "months", "to", "originals")
        for m in find_mentions(text, 0, len(text))
    )


@given(
    amount=st.decimals(min_value=1, max_value=999, places=1, allow_nan=False),
    symbol=st.sampled_from(["$", "US$", "€", "£"]),
    scale=st.sampled_from(["million", "billion"]),
)
def test_quantities_money_round_trips(amount: Decimal, symbol: str, scale: str) -> None:
    text = f"Trade reached {symbol}{amount} {scale} last year."
    found = find_mentions(text, 0, len(text))
    factor = 10**6 if scale == "million" else 10**9
    assert [m.value for m in found] == [amount * factor]


@pytest.mark.parametrize(
    ("text", "quote", "qualifier"),
    [
        ("The credit cut child poverty in half in 2021.", "in half", Qualifier.EXACT),
        ("It helped cut child poverty nearly in half.", "nearly in half", Qualifier.NEARLY),
        ("Emissions were reduced by half.", "by half", Qualifier.EXACT),
        ("We halved the deficit.", "halved", Qualifier.EXACT),
    ],
)
def test_quantities_a_fall_by_half_is_fifty_percent(
    text: str, quote: str, qualifier: Qualifier
) -> None:
    [m] = find_mentions(text, 0, len(text))
    assert (text[m.start : m.end], m.value, m.unit, m.qualifier) == (
        quote,
        Decimal(50),
        "percent",
        qualifier,
    )


@pytest.mark.parametrize(
    "text",
    ["They divided the plot in half.", "In the second half of 2021 it rose.", "Half of them"],
)
def test_quantities_half_without_a_fall_is_no_halving(text: str) -> None:
    assert not any(
        text[m.start : m.end].lower() in ("in half", "by half")
        for m in find_mentions(text, 0, len(text))
    )


@pytest.mark.parametrize(
    ("text", "quote", "value", "unit", "qualifier"),
    [
        # growth said as a multiple is growth in percent (doubling: 100 percent)
        ("In the 1990s trade increased 2.5 times.", "2.5 times", "150", "percent", "exact"),
        ("Trade has more than doubled.", "more than doubled", "100", "percent", "over"),
        ("Exports nearly tripled.", "nearly tripled", "200", "percent", "nearly"),
        ("Output grew more than 1.5-fold.", "more than 1.5-fold", "50", "percent", "over"),
        ("Funding grew 1.5 times and more.", "1.5 times and more", "50", "percent", "at_least"),
        (
            "Productivity is five times higher than it was.",
            "five times higher",
            "400",
            "percent",
            "exact",
        ),
        # compared with something else, a ratio
        (
            "Loading is four times faster than on old ferries.",
            "four times faster",
            "4",
            "times",
            "exact",
        ),
        (
            "The price is three or four times lower.",
            "three or four times lower",
            "3",
            "times",
            "at_least",
        ),
    ],
)
def test_quantities_multiples_are_growth_or_ratios(
    text: str, quote: str, value: str, unit: str, qualifier: str
) -> None:
    found = find_mentions(text, 0, len(text))
    assert [(text[m.start : m.end], m.value, m.unit, m.qualifier.value) for m in found] == [
        (quote, Decimal(value), unit, qualifier)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "We reject double standards.",
        "It faces a triple planetary crisis.",
        "We meet three times a week.",
        "They doubled down on the plan.",
        "The two halves of the island.",
    ],
)
def test_quantities_no_multiple_in_adjectives_and_frequencies(text: str) -> None:
    assert [m for m in find_mentions(text, 0, len(text)) if m.unit in ("percent", "times")] == []
