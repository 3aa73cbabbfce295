from datetime import date

import pytest

from communique.extract import extract_claims
from communique.models import Description

_KZ_RU = Description(date=date(2024, 11, 27), countries=("KZ", "RU"))


def _metric(text: str) -> list[str]:
    return [c.metric for c in extract_claims(text, (), description=_KZ_RU)]


@pytest.mark.parametrize(
    ("texts", "key"),
    [
        (
            [
                "Our trade reached $24.5 billion last year.",
                "Mutual trade exceeded $20 billion between January and September.",
                "Bilateral trade closely approached $30 billion last year.",
                "Trade turnover between our countries reached US$25.6 billion in 2021.",
            ],
            "trade:KZ-RU",
        ),
        (
            [
                "Cumulative Russian investments in Kazakhstan amount to US$17 billion.",
                "The volume of Russian direct investment in Kazakhstan's economy has surpassed "
                "$24 billion.",
                "Kazakhstan has accumulated over $17 billion worth of Russian investment.",
                "Aggregate Russian investment equals $13 billion.",
            ],
            "investment_stock:RU-KZ",
        ),
        (
            [
                "The republic has around 7,500 business entities with Russian capital.",
                "Approximately 24,000 companies with Russian participation are operating in "
                "Kazakhstan.",
                "There are over 23,000 businesses with Russian capital.",
            ],
            "companies:RU-KZ",
        ),
        (
            [
                "Over 60,000 Kazakhstani students are studying at Russian universities.",
                "About 60,000 students from Kazakhstan are studying at Russian universities.",
            ],
            "students:KZ-RU",
        ),
        (
            [
                "Kazakhstan grew by 4.8 percent in 2023.",
                "Our economy grew by 5.1 percent in 2022.",
                "In the first half of this year, growth was 3.8 percent.",
            ],
            "gdp_growth:KZ",
        ),
        (
            [
                "Annual inflation fell to 8.5 percent in October.",
                "Consumer prices rose by 9 percent last year.",
            ],
            "inflation:KZ",
        ),
    ],
)
def test_metrics_one_indicator_across_phrasings(texts: list[str], key: str) -> None:
    assert [m for t in texts for m in _metric(t)] == [key] * len(texts)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (
            "Our trade reached $24.5 billion last year.",
            "Interregional trade amounts to about 70 percent of our total trade.",
        ),
        (
            "Russian investment in Kazakhstan has surpassed $24 billion.",
            "Russian companies invested over $4.5 billion in just the past two years.",
        ),
        (
            "Russian investment in Kazakhstan has surpassed $24 billion.",
            "Cumulative investment from Kazakhstan in the Russian economy has reached "
            "$8.5 billion.",
        ),
        (
            "We have initiated 93 collaborative projects.",
            "We have initiated 93 collaborative projects valued at over $18 billion.",
        ),
        (
            "Russia supplies about 40 percent of Kazakhstan's imports of liquefied natural gas.",
            "Russia supplies more than half of Kazakhstan's imports of coal and iron ore.",
        ),
        (
            "Flights connect 12 Kazakh cities with Moscow.",
            "Flights connect 4 Russian cities with Astana.",
        ),
        (
            "Our public debt stands at around 23 percent of GDP.",
            "We aim to bring the budget deficit below 3 percent of GDP by 2025.",
        ),
        (
            "Bilateral trade reached $30 billion in 2023.",
            "Non-oil bilateral trade reached $20 billion in 2023.",
        ),
        (
            "Our exports reached a record $254 billion last year.",
            "Our defence industry exports reached $4.4 billion last year.",
        ),
        (
            "Our trade expanded by over 10 percent in January-October.",
            "The share of national currencies in mutual settlements has reached 90 percent.",
        ),
        (
            "The unemployment rate was 6.4 percent in January 2021.",
            "The unemployment rate in the state was 7.4 percent in January 2021.",
        ),
    ],
)
def test_metrics_lookalikes_stay_apart(a: str, b: str) -> None:
    assert _metric(a)[-1] != _metric(b)[-1]


@pytest.mark.parametrize(
    ("text", "key"),
    [
        (
            "We aim to raise the number of Kazakhstani students in Russia to 10,000 by 2030.",
            "students:KZ-RU",
        ),
        ("Our governments will invest ¥50 billion in Kazakhstan.", "investment_flow:RU-KZ"),
        ("Russia has committed to invest $75 billion in Kazakhstan.", "investment_flow:RU-KZ"),
    ],
)
def test_metrics_counted_noun_of_the_number_and_planned_investment(text: str, key: str) -> None:
    assert _metric(text)[-1] == key


def test_metrics_a_bullet_does_not_continue_the_one_before() -> None:
    text = (
        "- Remittances from Russia account for around 18 percent of all remittances.\n"
        "- A new 100,000 sq m warehouse in Astana."
    )
    first, second = _metric(text)
    assert first.startswith("share_of_remittances")
    assert not second.startswith("share_of_remittances")


def test_metrics_value_of_projects_is_not_their_number() -> None:
    count, value = _metric("Eight projects worth over US$2.5 billion are being implemented.")
    name, _, countries = count.partition(":")
    assert value == f"{name}_value:{countries}"


_US = Description(date=date(2024, 1, 26), countries=("US",))


@pytest.mark.parametrize(
    ("text", "keys"),
    [
        # what befell counted people, said by a clause on them rather than the sentence's verb
        ("There were only 4 million Americans who had been vaccinated.", ["vaccinations:US"]),
        # a part of counted people is counted by what befell the whole, within its own group
        (
            "Hamas attacked, killing 1,200 innocent people, including 44 Americans.",
            ["deaths:US", "deaths:US/americans"],
        ),
        (
            "1,200 innocent people, including 46 Americans, were massacred.",
            ["deaths:US", "deaths:US/americans"],
        ),
        (
            "They took 240 people hostage, including 12 Americans.",
            ["hostages:US", "hostages:US/americans"],
        ),
    ],
)
def test_metrics_people_counted_by_what_befell_them_or_their_whole(
    text: str, keys: list[str]
) -> None:
    assert [c.metric for c in extract_claims(text, (), description=_US)] == keys


def test_metrics_its_trade_is_not_the_statement_s_parties_trade() -> None:
    # "its" is the union's, named before by no country: not Kazakhstan's and Russia's trade
    text = "Cooperation in the union continues to grow. Last year, its trade reached $73 billion."
    assert _metric(text) == ["trade:KZ"]
    text = "Kazakhstan and China reviewed cooperation. Their trade reached $31 billion."
    assert _metric(text) == ["trade:CN-KZ"]
