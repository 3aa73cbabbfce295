"""When a claim holds and how that was established: stated, relative, or the document's date;
deadlines for targets and plans, times still to come, events that do not date a capacity."""

from __future__ import annotations

from datetime import date

import pytest

from communique.extract import extract_claims
from communique.models import Description, Modality, Period, Span, TimeSource, Turn

_TODAY = date(2024, 11, 27)
_RU = Description(date=_TODAY, countries=("RU",))


def _claim(text: str, description: Description = _RU):  # type: ignore[no-untyped-def]
    turns = (Turn(speaker="Vladimir Putin", span=Span(start=0, end=len(text)), country="RU"),)
    claims = extract_claims(text, turns, description=description)
    assert claims, text
    return claims[-1]


def _p(a: str, b: str) -> Period:
    return Period(start=date.fromisoformat(a), end=date.fromisoformat(b))


@pytest.mark.parametrize(
    ("text", "period", "as_of", "source"),
    [
        (
            "In January–October 2022, trade reached $22.2 billion.",
            _p("2022-01-01", "2022-10-31"),
            None,
            TimeSource.STATED,
        ),
        (
            "Last month, exports reached $2 billion.",
            _p("2024-10-01", "2024-10-31"),
            None,
            TimeSource.RELATIVE,
        ),
        (
            "Trade reached $24.5 billion last year.",
            _p("2023-01-01", "2023-12-31"),
            None,
            TimeSource.RELATIVE,
        ),
        ("Some 2,400 Russian companies operate in Belarus.", None, _TODAY, TimeSource.DOCUMENT),
        (
            "In 2021 alone, institutions provided $19.5 billion in grants.",
            _p("2021-01-01", "2021-12-31"),
            None,
            TimeSource.STATED,
        ),
        (
            "During my administration, the economy created 15 million jobs.",
            _p("2012-05-07", "2024-11-27"),
            None,
            TimeSource.RELATIVE,
        ),
    ],
)
def test_dating_says_how_the_time_was_established(
    text: str, period: Period | None, as_of: date | None, source: TimeSource
) -> None:
    claim = _claim(text)
    assert (claim.period, claim.as_of, claim.time_source) == (period, as_of, source)


def test_dating_stated_years_need_no_document_date() -> None:
    claim = _claim("Trade reached $25.6 billion in 2021.", Description(countries=("RU",)))
    assert claim.period == _p("2021-01-01", "2021-12-31")
    assert claim.time_source is TimeSource.STATED


@pytest.mark.parametrize(
    ("text", "period", "modality"),
    [
        # a target's rate by the year it is due; an amount from the document's date to it
        (
            "Emissions will fall by 55 percent by 2030.",
            _p("2030-01-01", "2030-12-31"),
            Modality.TARGET,
        ),
        (
            "We will raise trade to $30 billion by 2030.",
            _p("2024-11-27", "2030-12-31"),
            Modality.TARGET,
        ),
        # a time still to come dates the figure and makes it a plan
        (
            "Next year, it should also grow by 1,100 rubles.",
            _p("2025-01-01", "2025-12-31"),
            Modality.PLAN,
        ),
        (
            "Over the next two years we will spend 45 billion rubles.",
            _p("2025-01-01", "2026-12-31"),
            Modality.PLAN,
        ),
    ],
)
def test_dating_deadlines_and_times_to_come(text: str, period: Period, modality: Modality) -> None:
    claim = _claim(text)
    assert (claim.period, claim.modality) == (period, modality)


@pytest.mark.parametrize(
    "text",
    [
        "The new terminal, which opened in 2019, can handle 1 million passengers a year.",
        "The airport will open in 2026 with a capacity of 2 million passengers a year.",
        "A 100,000 sq m warehouse will open in 2025.",
    ],
)
def test_dating_a_capacity_is_not_dated_by_an_opening(text: str) -> None:
    claim = _claim(text)
    assert (claim.period, claim.as_of) == (None, _TODAY)


def test_dating_a_list_takes_the_time_of_its_lead_in() -> None:
    text = (
        "New data on the funds in 2021 show that:\n\n"
        "- Institutions distributed $19.5 billion in grants.\n"
        "- Over 1,400 institutions discharged unpaid balances.\n\n"
        "Today the fund holds $5 billion."
    )
    claims = extract_claims(text, (), description=_RU)
    assert [c.period for c in claims[:2]] == [_p("2021-01-01", "2021-12-31")] * 2
    assert claims[2].as_of == _TODAY


def test_dating_a_lead_in_figure_takes_the_time_of_its_restatement() -> None:
    text = (
        "- **6 million students received direct aid:** The Department projects that 6 million "
        "students have received a grant since the start of 2021.\n"
    )
    first, second = extract_claims(text, (), description=_RU)
    assert first.period == second.period == _p("2021-01-01", "2024-11-27")
    assert first.metric == second.metric


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Today the Administration announced $26 million for runway safety.", Modality.PLAN),
        ("The Department is announcing $22.4 million in grants.", Modality.PLAN),
        ("Russia has committed to invest $75 billion in Kazakhstan.", Modality.PLAN),
        ("Trade reached $24.5 billion last year.", Modality.ACTUAL),
        ("By the end of May, we're going to have roughly 600 million doses.", Modality.PLAN),
        ("We were going through hard times; trade fell to $2 billion last year.", Modality.ACTUAL),
    ],
)
def test_dating_announced_and_pledged_amounts_are_plans(text: str, modality: Modality) -> None:
    assert _claim(text).modality is modality


_US = Description(date=date(2024, 10, 7), countries=("US",))


@pytest.mark.parametrize(
    ("text", "as_of", "source"),
    [
        # words that point back take the time the sentence before names
        (
            "The first thing I did on January 20, 2021 was to buy vaccine. There were only 4 "
            "million Americans who had been vaccinated up to that point.",
            date(2021, 1, 20),
            TimeSource.RELATIVE,
        ),
        # a count of what befell people at an event, told in the past tense, takes its day
        (
            "I will never forget the horror of October 7, 2023. Women raped on the side of the "
            "road. 250 people kidnapped.",
            date(2023, 10, 7),
            TimeSource.RELATIVE,
        ),
        # ... but not one said in the present ("are held"), nor one past a paragraph's end
        (
            "On October 7, 2023 Hamas attacked Israel. 130 hostages are still held in Gaza.",
            date(2024, 10, 7),
            TimeSource.DOCUMENT,
        ),
        (
            "I will never forget October 7, 2023.\n\n250 people were kidnapped.",
            date(2024, 10, 7),
            TimeSource.DOCUMENT,
        ),
        # ... nor a figure of no event that merely follows a day
        (
            "On October 7, 2023 we met in Washington. Our companies employed 4,000 workers.",
            date(2024, 10, 7),
            TimeSource.DOCUMENT,
        ),
    ],
)
def test_dating_a_time_carried_from_the_sentence_before(
    text: str, as_of: date, source: TimeSource
) -> None:
    claim = extract_claims(text, (), description=_US)[-1]
    assert (claim.period, claim.as_of, claim.time_source) == (None, as_of, source)


def test_dating_a_figure_takes_the_time_of_an_earlier_one_on_its_measure() -> None:
    # another figure stands between "This year's" and the growth, which has no time of its own
    text = "This year's trade volumes topped $1 billion and increased 25 percent over 2020."
    volume, growth = extract_claims(text, (), description=_RU)
    assert volume.metric.startswith("trade:") and growth.metric.startswith("trade_growth:")
    assert growth.period == volume.period == _p("2024-01-01", "2024-11-27")
    assert growth.time_source is TimeSource.RELATIVE


def test_dating_a_time_after_a_base_dates_the_base() -> None:
    # "up from 3.5 million when President Biden took office": the inauguration dates the 3.5
    # million, not the 230 million said now
    text = (
        "Over 230 million Americans are fully vaccinated, up from 3.5 million when I took office."
    )
    claim = extract_claims(text, (), description=_US)[0]
    assert (claim.as_of, claim.time_source) == (date(2024, 10, 7), TimeSource.DOCUMENT)


def test_dating_a_time_right_after_a_figure_is_that_figure_s() -> None:
    # "678,000 jobs last month and 7.4 million jobs since he took office": the month is the
    # 678,000's, though it stands nearer the 7.4 million's number than the time after it
    text = "We added 678,000 jobs in February and 7.4 million jobs in 2021."
    monthly, yearly = extract_claims(text, (), description=_US)
    assert monthly.period == _p("2024-02-01", "2024-02-29")
    assert yearly.period == _p("2021-01-01", "2021-12-31")


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("The rule would protect 36 million workers from extreme heat.", Modality.PLAN),
        ("The average wage must reach 12,654 rubles a month.", Modality.PLAN),
        ("The project itself is to employ over 5,000 people.", Modality.PLAN),
        ("The plan is to produce 400,000 tonnes of copper a year.", Modality.PLAN),
        ("Our goal is to reach $200 billion in trade.", Modality.TARGET),
        (
            "The Department of Labor is awarding $16 million to support organizations.",
            Modality.PLAN,
        ),
        ("Turkey allocates 2.1 per cent of its national income to aid.", Modality.ACTUAL),
        ("Without the law, it would have been 5 percent.", Modality.ACTUAL),
        # where a planned change starts from is where things stand
        ("The price of Ovidrel will fall from $251 to $84.", Modality.ACTUAL),
        ("Savings will range from $100 to $500.", Modality.PLAN),
    ],
)
def test_dating_modals_and_what_is_to_be_done_are_plans(text: str, modality: Modality) -> None:
    assert extract_claims(text, (), description=_RU)[0].modality is modality


def test_dating_a_planned_change_goes_from_a_fact_to_a_plan() -> None:
    text = "We aim to reduce the unemployment rate from 11% to 7%."
    start, goal = extract_claims(text, (), description=_RU)
    assert (start.modality, goal.modality) == (Modality.ACTUAL, Modality.TARGET)


@pytest.mark.parametrize(
    ("text", "period"),
    [
        # a deadline that ends the year dates a rate for the whole year
        (
            "Forecasts show that by the end of this year world GDP will have grown by 5.9 percent.",
            _p("2024-01-01", "2024-12-31"),
        ),
        # an average over years named one by one spans them
        (
            "In 2016, 2011 and 2007, this figure averaged 6.5 percent.",
            _p("2007-01-01", "2016-12-31"),
        ),
        # a time said after the figure a continuation goes on about dates the continuation
        (
            "In the first eight months of 2024 trade grew to $24 billion, while he has data for "
            "the first nine months: the numbers could be approaching $28 billion.",
            _p("2024-01-01", "2024-09-30"),
        ),
        # a count's time after a long counted noun is still in its sentence's parse
        (
            "The Department projects that 6 million community college students have received an "
            "emergency aid grant since the start of 2021.",
            _p("2021-01-01", "2024-11-27"),
        ),
    ],
)
def test_dating_periods_said_in_the_sentence(text: str, period: Period) -> None:
    assert _claim(text).period == period


@pytest.mark.parametrize(
    ("text", "period", "modality"),
    [
        (
            "Regarding our forecast for late 2024, total revenue will reach 28 trillion rubles.",
            _p("2024-01-01", "2024-12-31"),
            Modality.PLAN,
        ),
        (
            "We recorded growth in the first quarter: exports rose 2 percent; imports are up 26 "
            "percent.",
            _p("2024-01-01", "2024-03-31"),
            Modality.ACTUAL,
        ),
        (
            "If we supply 37 million tonnes to the world market this year, prices will fall.",
            _p("2024-01-01", "2024-12-31"),
            Modality.PLAN,
        ),
        (
            "The EU has agreed to purchase $750 billion in energy, all by 2028.",
            _p("2024-11-27", "2028-12-31"),
            Modality.PLAN,
        ),
        (
            "The member States remain committed to a 55 per cent reduction in emissions by 2030.",
            _p("2030-01-01", "2030-12-31"),
            Modality.TARGET,
        ),
    ],
)
def test_dating_lead_ins_late_years_suppositions_and_deadlines(
    text: str, period: Period, modality: Modality
) -> None:
    claim = _claim(text)
    assert (claim.period, claim.modality) == (period, modality)


def test_dating_a_time_of_the_commitment_does_not_date_what_is_committed() -> None:
    text = (
        "Last year, Bahrain committed to partnering with regional countries to build a "
        "multinational fleet of 100 unmanned surface vessels."
    )
    claim = _claim(text)
    assert (claim.period, claim.as_of, claim.modality) == (None, _TODAY, Modality.PLAN)


def test_dating_the_start_of_a_change_is_not_dated_by_its_end() -> None:
    text = (
        "Since then, trade has more than tripled from $780 million to nearly $3 billion last year."
    )
    growth, start, end = extract_claims(text, (), description=_RU)
    assert end.period == growth.period == _p("2023-01-01", "2023-12-31")  # the later span's
    assert start.period is None


def test_dating_a_deadline_in_words_names_the_year() -> None:
    text = "Leaders pledged to increase aid by $50 billion a year by the year 2030."
    claim = _claim(text)
    assert claim.modality is Modality.TARGET
    assert claim.period == _p("2024-11-27", "2030-12-31")
