from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from communique.extract import EXTRACTOR, extract_claims, extract_claims_batch
from communique.models import Description, Modality, Period, Qualifier, Span, Turn

_KZ_RU = Description(date=date(2024, 11, 27), countries=("KZ", "RU"))


def _claims(text: str, description: Description = _KZ_RU, turns: tuple[Turn, ...] = ()):
    return extract_claims(text, turns, description=description)


def test_claims_quote_is_the_text_at_its_span() -> None:
    text = "Our trade exceeded $20 billion. There are over 23,000 businesses with Russian capital."
    claims = _claims(text)
    assert [c.quote for c in claims] == ["exceeded $20 billion", "over 23,000 businesses"]
    for c in claims:
        assert text[c.span.start : c.span.end] == c.quote
        assert c.sentence is not None and c.sentence.start <= c.span.start
        assert c.extractor == EXTRACTOR


def test_claims_speaker_comes_from_the_turn_that_holds_the_claim() -> None:
    text = "A: Trade reached $10 billion.\nB: Trade reached $12 billion."
    turns = (
        Turn(speaker="Alpha Person", span=Span(start=3, end=29), country="KZ"),
        Turn(speaker="Beta Person", span=Span(start=33, end=len(text)), country="RU"),
    )
    assert [(c.speaker, int(c.value)) for c in _claims(text, turns=turns)] == [
        ("Alpha Person", 10 * 10**9),
        ("Beta Person", 12 * 10**9),
    ]


@pytest.mark.parametrize(
    ("text", "period", "as_of", "modality"),
    [
        (
            "Our trade reached $24.5 billion last year.",
            Period(start=date(2023, 1, 1), end=date(2023, 12, 31)),
            None,
            Modality.ACTUAL,
        ),
        (
            "Russian investment in Kazakhstan has surpassed $24 billion.",
            None,
            date(2024, 11, 27),
            Modality.ACTUAL,
        ),
        (
            "We will be able to increase our mutual trade to more than $30 billion in the next "
            "few years.",
            None,
            None,
            Modality.TARGET,
        ),
        (
            "Construction of three new thermal power plants in Kazakhstan is on the agenda.",
            None,
            date(2024, 11, 27),
            Modality.PLAN,
        ),
        (
            "Our Central Bank has raised its policy rate to 35 percent.",
            None,
            date(2024, 11, 27),
            Modality.ACTUAL,
        ),
        (
            "Both sides reaffirmed their commitment to the Free Trade Area, a market of "
            "1.4 billion people.",
            None,
            date(2024, 11, 27),
            Modality.ACTUAL,
        ),
        (
            "We agreed to raise our trade to $30 billion.",
            None,
            None,
            Modality.TARGET,
        ),
        (
            "There are plans to open three such schools in the republic soon.",
            None,
            date(2024, 11, 27),
            Modality.PLAN,
        ),
    ],
)
def test_claims_period_as_of_and_modality(
    text: str, period: Period | None, as_of: date | None, modality: Modality
) -> None:
    (claim,) = _claims(text)
    assert (claim.period, claim.as_of, claim.modality) == (period, as_of, modality)


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        ("We signed 12 agreements today.", ["12 agreements"]),
        (
            "Our trade reached $7.5bn in 2024. We aim to raise it to $15 billion by 2030.",
            ["$7.5bn", "$15 billion"],
        ),
        ("Over 60 major joint projects are being implemented.", ["Over 60 major joint projects"]),
    ],
)
def test_claims_quote_covers_the_counted_noun_only(text: str, quotes: list[str]) -> None:
    assert [c.quote for c in _claims(text)] == quotes


@pytest.mark.parametrize(
    "text",
    [
        "Our trade expanded by over 10 percent in January-October.",
        "Mutual trade showed 12 percent growth last year.",
        "Bilateral trade was up 15 percent.",
    ],
)
def test_claims_growth_rates_get_a_growth_metric(text: str) -> None:
    (claim,) = _claims(text)
    assert claim.metric == "trade_growth:KZ-RU"


@pytest.mark.parametrize(
    ("text", "metrics"),
    [
        # the change a figure sizes says what changed ...
        ("We saw a 10 percent increase in exports.", ["exports_growth:KZ"]),
        # ... or nothing, and it goes on about the change before it ("we" did not grow)
        (
            "Last year trade fell by 15 percent. This year, we are seeing a 45-percent growth.",
            ["trade_growth:KZ-RU", "trade_growth:KZ-RU"],
        ),
        # ... or about a rate, but never about a share
        ("Inflation peaked at 9 percent, then dropped to 3 percent.", ["inflation:KZ"] * 2),
        (
            "Exports are 40 percent of our trade. We saw a 3 percent growth.",
            ["share_of_trade:KZ-RU", "gdp_growth:KZ"],
        ),
    ],
)
def test_claims_a_change_sized_by_a_figure(text: str, metrics: list[str]) -> None:
    assert [c.metric for c in _claims(text)] == metrics


def test_claims_pronoun_target_takes_the_metric_before_it() -> None:
    actual, target = _claims(
        "Our trade reached $7.5bn in 2024. We aim to raise it to $15 billion by 2030."
    )
    assert (target.metric, target.modality) == (actual.metric, Modality.TARGET)


def test_claims_interval_follows_hedge_and_precision() -> None:
    exact, over = _claims("Trade reached $17 billion, and investment exceeded $17 billion.")
    assert (exact.qualifier, exact.low, exact.high) == (
        Qualifier.EXACT,
        16_500_000_000,
        17_500_000_000,
    )
    assert over.qualifier is Qualifier.OVER and over.low == 17_000_000_000
    assert over.high is None  # literally, "exceeded" allows any amount above


def test_claims_a_range_keeps_its_high_end() -> None:
    [claim] = _claims("Investment will reach $20–25 billion.")
    assert (claim.value, claim.qualifier, claim.low, claim.high) == (
        20_000_000_000,
        Qualifier.AT_LEAST,
        20_000_000_000,
        25_000_000_000,
    )


def test_claims_date_and_parties_fall_back_to_the_text() -> None:
    text = (
        "Astana, 3 July 2024\n\nKazakhstan and China reviewed cooperation. Bilateral trade "
        "reached $31.5 billion last year."
    )
    (claim,) = _claims(text, Description())
    assert claim.period == Period(start=date(2023, 1, 1), end=date(2023, 12, 31))
    assert claim.metric == "trade:CN-KZ"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(alphabet=st.characters(codec="utf-8"), max_size=400)
    | st.lists(
        st.sampled_from(
            [
                "over",
                "$",
                "5",
                "billion",
                "percent",
                "two",
                "projects",
                "in",
                "2023",
                ",",
                ".",
                "\n",
                ":",
                "|",
                "top",
                "half",
                "last year",
                "of",
                "Russia",
                "Russian",
                "the",
                "will",
            ]
        ),
        max_size=60,
    ).map(" ".join)
)
def test_claims_arbitrary_text_never_crashes(text: str) -> None:
    for claim in _claims(text):
        assert text[claim.span.start : claim.span.end] == claim.quote


def test_claims_batch_gives_the_same_claims_as_one_at_a_time() -> None:
    texts = [
        "Our trade reached $24.5 billion last year. We signed 12 agreements.",
        "No figures here at all.",
        "Russian investment in Kazakhstan has surpassed $24 billion.",
    ]
    one_by_one = [_claims(t) for t in texts]
    batched = list(extract_claims_batch((t, (), _KZ_RU, ()) for t in texts))
    assert batched == one_by_one
    assert [len(c) for c in batched] == [2, 0, 1]


_2Y = Period(start=date(2023, 1, 1), end=date(2024, 11, 27))
_Y23 = Period(start=date(2023, 1, 1), end=date(2023, 12, 31))
_TODAY = date(2024, 11, 27)


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        (
            "The volume of Russian direct investment in Kazakhstan's economy has surpassed "
            "$24 billion, with over $4.5 billion invested in just the past two years.",
            [(None, _TODAY), (_2Y, None)],
        ),
        (
            "Accumulated Chinese investment in Kazakhstan has exceeded $25 billion, with "
            "$3 billion invested in 2023 alone.",
            [(None, _TODAY), (_Y23, None)],
        ),
        (
            "Our total investment portfolio stands at $12 billion, with about $2 billion "
            "added in 2023.",
            [(None, _TODAY), (_Y23, None)],
        ),
        (
            "Kazakh investment in Russia amounts to $6 billion, including $1.5 billion "
            "invested over the past two years.",
            [(None, _TODAY), (_2Y, None)],
        ),
        # A time attached to a coordinated clause dates both figures.
        (
            "Mutual trade reached $5 billion and investment $2 billion in 2023.",
            [(_Y23, None), (_Y23, None)],
        ),
        (
            "In 2023, trade reached $5 billion, with exports of $3 billion.",
            [(_Y23, None), (_Y23, None)],
        ),
        # A participial clause dates the noun it modifies, not the figure...
        (
            "Of the $6 billion promised in 2023, donors have so far delivered $4.7 billion.",
            [(_Y23, None), (None, _TODAY)],
        ),
        # A time far past the last figure, beyond the parsed window, is another clause's.
        (
            "Both sides support the free trade area, with a combined GDP of $3.4 trillion, and "
            "the Protocol on Investment that the Assembly of the Union adopted in February 2023.",
            [(None, _TODAY)],
        ),
        # An earlier value with no time of its own has no moment we know.
        (
            "The tariff on chilled beef is now 21.6 percent, down from 38.5 percent before "
            "the agreement.",
            [(None, _TODAY), (None, None)],
        ),
        # A conversion in brackets restates the amount before it.
        (
            "Since 2023, transactions worth ₹ 2,500 crore (about AED 1.1 billion) were settled.",
            [(_2Y, None), (_2Y, None)],
        ),
        # ... unless that noun is the figure's subject.
        ("Investments made in 2023 totalled $5 billion.", [(_Y23, None)]),
    ],
)
def test_claims_time_in_another_figures_phrase_does_not_date_this_one(
    text: str, dates: list[tuple[Period | None, date | None]]
) -> None:
    assert [(c.period, c.as_of) for c in _claims(text)] == dates


def test_claims_a_time_after_the_base_of_a_comparison_dates_the_base() -> None:
    text = (
        "Last month, the unemployment rate fell to 3.6 percent, down from 6.7 percent when "
        "the President took office."
    )
    us = Description(date=date(2022, 4, 7), countries=("US",))
    turns = (Turn(speaker="Jen Psaki", span=Span(start=0, end=len(text)), country="US"),)
    now, base = _claims(text, us, turns)
    assert now.period == Period(start=date(2022, 3, 1), end=date(2022, 3, 31))
    assert base.as_of == date(2021, 1, 20)


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("We are relying on one line for 2.5 million doses to be filled.", Modality.PLAN),
        ("There are 300 homes still to be built.", Modality.PLAN),
        ("We delivered 1 million doses to be used by states.", Modality.ACTUAL),
    ],
)
def test_claims_a_figure_still_to_be_done_is_a_plan(text: str, modality: Modality) -> None:
    [claim] = _claims(text)
    assert claim.modality is modality


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        ("In 2021 we reduced the federal deficit by $350 billion.", "budget_deficit_change:US"),
        ("In 2021 the federal deficit rose 90 percent to $738 billion.", "budget_deficit:US"),
        ("Exports grew by $5 billion in 2021.", "exports_change:US"),
    ],
)
def test_claims_an_amount_of_change_is_not_the_level(text: str, metric: str) -> None:
    us = Description(date=date(2022, 4, 21), countries=("US",))
    money = [c for c in _claims(text, us) if c.unit == "USD"]
    assert [c.metric for c in money] == [metric]
