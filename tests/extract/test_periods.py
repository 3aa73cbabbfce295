from datetime import date

import pytest

from communique.extract.periods import Clock, find_document_date, find_times
from communique.models import TimeSource


@pytest.mark.parametrize(
    ("text", "today", "first", "last"),
    [
        (
            "our trade reached $24.5 billion last year",
            date(2022, 11, 28),
            date(2021, 1, 1),
            date(2021, 12, 31),
        ),
        ("in January-October 2022", date(2022, 11, 28), date(2022, 1, 1), date(2022, 10, 31)),
        (
            "between January and September of this year",
            date(2024, 11, 27),
            date(2024, 1, 1),
            date(2024, 9, 30),
        ),
        ("in just the past two years", date(2024, 11, 27), date(2023, 1, 1), date(2024, 11, 27)),
        ("in FY 2024-25", date(2025, 7, 22), date(2024, 4, 1), date(2025, 3, 31)),
        ("in the first half of 2025", date(2025, 7, 22), date(2025, 1, 1), date(2025, 6, 30)),
        (
            "in the first quarter of this year",
            date(2024, 5, 27),
            date(2024, 1, 1),
            date(2024, 3, 31),
        ),
        ("in the first five months of 2024", date(2024, 7, 3), date(2024, 1, 1), date(2024, 5, 31)),
        ("since 2004", date(2025, 2, 28), date(2004, 1, 1), date(2025, 2, 28)),
        # Sentence-initial prepositions are capitalised: "In 2023, trade reached ..."
        ("In 2023, trade reached", date(2024, 11, 27), date(2023, 1, 1), date(2023, 12, 31)),
        ("In March 2024, exports", date(2024, 11, 27), date(2024, 3, 1), date(2024, 3, 31)),
        ("Since 2020, we have", date(2024, 11, 27), date(2020, 1, 1), date(2024, 11, 27)),
        (
            "85.5 percent in October last year",
            date(2023, 11, 17),
            date(2022, 10, 1),
            date(2022, 10, 31),
        ),
        ("in March this year", date(2023, 11, 17), date(2023, 3, 1), date(2023, 3, 31)),
        (
            "since the framework was signed on 15 July 2023, transactions",
            date(2024, 5, 1),
            date(2023, 7, 15),
            date(2024, 5, 1),
        ),
        (
            "in the first nine months, trade grew",
            date(2024, 11, 27),
            date(2024, 1, 1),
            date(2024, 9, 30),
        ),
        ("for 11 months of this year", date(2024, 12, 20), date(2024, 1, 1), date(2024, 11, 30)),
        (
            "reaching US$25.6 billion in 2021",
            date(2022, 2, 10),
            date(2021, 1, 1),
            date(2021, 12, 31),
        ),
        ("held in Kazan in June", date(2024, 10, 23), date(2024, 6, 1), date(2024, 6, 30)),
    ],
)
def test_periods_relative_phrases_resolve_against_the_document_date(
    text: str, today: date, first: date, last: date
) -> None:
    found = [t for t in find_times(text, today) if t.kind == "period"]
    assert [(t.first, t.last) for t in found] == [(first, last)]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("to $30 billion by 2030", "deadline"),
        ("in the next year", "future"),
        ("in 2030, trade will", "future"),
        ("1,000 rubles more than today", "base"),
        ("on the same period of 2021", "base"),
        ("up 15 percent from 2023", "base"),
        ("operating in the country today", "point"),
        ("at the end of 2023", "point"),
    ],
)
def test_periods_deadlines_bases_and_moments_are_told_apart(text: str, kind: str) -> None:
    assert [t.kind for t in find_times(text, date(2024, 11, 27))] == [kind]


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("Events\nPress statements\nFebruary 10, 2022\n18:15\n", date(2022, 2, 10)),
        ("Prime Minister\n\n11/28/2022 | Press release", date(2022, 11, 28)),
        ("Brasília, 20 November 2024\n\nAt the invitation", date(2024, 11, 20)),
        ("Rio de Janeiro, Brazil, 18-19 November 2024\n", date(2024, 11, 18)),
        ("Title\n2021-11-04T18:35:00Z\nSevastopol", date(2021, 11, 4)),
        ("No date here at all.", None),
    ],
)
def test_periods_find_document_date_reads_the_dateline(head: str, expected: date | None) -> None:
    assert find_document_date(head) == expected


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("trade reached $5 billion in 2021", date(2021, 1, 1), date(2021, 12, 31)),
        ("in January-October 2022", date(2022, 1, 1), date(2022, 10, 31)),
        ("between 2010 and 2020", date(2010, 1, 1), date(2020, 12, 31)),
        ("in 2021–2023", date(2021, 1, 1), date(2023, 12, 31)),
        ("in the year to March 2021", date(2020, 4, 1), date(2021, 3, 31)),
        ("in the spring of 2025", date(2025, 3, 1), date(2025, 5, 31)),
    ],
)
def test_periods_stated_times_need_no_document_date(text: str, first: date, last: date) -> None:
    found = [t for t in find_times(text, None) if t.kind == "period"]
    assert [(t.first, t.last, t.source) for t in found] == [(first, last, TimeSource.STATED)]


@pytest.mark.parametrize(
    "text",
    ["last year", "this month", "over the past six weeks", "since the start of the year", "today"],
)
def test_periods_relative_times_are_not_guessed_without_a_date(text: str) -> None:
    assert [t for t in find_times(text, None) if t.kind in ("period", "point")] == []


_BIDEN = Clock(today=date(2023, 2, 1), country="US", speaker="Joe Biden")


@pytest.mark.parametrize(
    ("text", "clock", "kind", "first", "last"),
    [
        ("last month", _BIDEN, "period", date(2023, 1, 1), date(2023, 1, 31)),
        ("this quarter", _BIDEN, "period", date(2023, 1, 1), date(2023, 2, 1)),
        ("over the past six weeks", _BIDEN, "period", date(2022, 12, 21), date(2023, 2, 1)),
        ("over the past three years", _BIDEN, "period", date(2020, 2, 1), date(2023, 2, 1)),
        ("since the start of 2021", _BIDEN, "period", date(2021, 1, 1), date(2023, 2, 1)),
        ("since the launch last year", _BIDEN, "period", date(2022, 1, 1), date(2023, 2, 1)),
        ("since September 30, 2022", _BIDEN, "period", date(2022, 9, 30), date(2023, 2, 1)),
        # a day or month without its year: from the latest one, a running total to date
        ("since August 14th", _BIDEN, "period", date(2022, 8, 14), date(2023, 2, 1)),
        ("since 14 January", _BIDEN, "period", date(2023, 1, 14), date(2023, 2, 1)),
        ("Since July, we", _BIDEN, "period", date(2022, 7, 1), date(2023, 2, 1)),
        ("on Friday", _BIDEN, "point", None, date(2023, 1, 27)),
        ("during my administration", _BIDEN, "period", date(2021, 1, 20), date(2023, 2, 1)),
        ("since I took office", _BIDEN, "period", date(2021, 1, 20), date(2023, 2, 1)),
        ("when I was sworn in", _BIDEN, "point", None, date(2021, 1, 20)),
        # the first months of a term, not of a year; whose "their" months are stays unknown
        ("in my first 100 days", _BIDEN, "period", date(2021, 1, 20), date(2021, 4, 29)),
        ("the first six months in office", _BIDEN, "period", date(2021, 1, 20), date(2021, 7, 19)),
        ("in their first six months", _BIDEN, "base", None, None),
        ("when we came into office", _BIDEN, "point", None, date(2021, 1, 20)),
        ("when the President was inaugurated", _BIDEN, "point", None, date(2021, 1, 20)),
        # a day without its year: the latest one on or before the document's date
        ("On October 7th", _BIDEN, "point", None, date(2022, 10, 7)),
        ("on January 20", _BIDEN, "point", None, date(2023, 1, 20)),
        ("on March 3", _BIDEN, "point", None, date(2022, 3, 3)),
        ("as of 31 January", _BIDEN, "point", None, date(2023, 1, 31)),
        ("on January 20, 2021", _BIDEN, "point", None, date(2021, 1, 20)),
        ("7 October 2023", _BIDEN, "point", None, date(2023, 10, 7)),
        (
            "in just the first two years of the Biden-Harris Administration",
            Clock(today=date(2023, 2, 1), country="US"),
            "period",
            date(2021, 1, 20),
            date(2023, 1, 20),
        ),
        # Without a speaker in the table, "this Administration" is the country's incumbent.
        (
            "under this Administration",
            Clock(today=date(2022, 5, 1), country="US", speaker="Karine Jean-Pierre"),
            "period",
            date(2021, 1, 20),
            date(2022, 5, 1),
        ),
        ("in FY2024", _BIDEN, "period", date(2023, 10, 1), date(2024, 9, 30)),
        ("FY23", _BIDEN, "period", date(2022, 10, 1), date(2023, 9, 30)),
        ("over the next two years", _BIDEN, "future", date(2024, 1, 1), date(2025, 12, 31)),
        ("next year", _BIDEN, "future", date(2024, 1, 1), date(2024, 12, 31)),
        ("by 2030", _BIDEN, "deadline", date(2030, 1, 1), date(2030, 12, 31)),
        ("by 2020", _BIDEN, "point", None, date(2020, 12, 31)),  # a deadline past: a moment
        ("On Friday", _BIDEN, "point", None, date(2023, 1, 27)),
        (
            "since President Biden and Vice President Harris took office",
            Clock(today=date(2024, 9, 6), country="US"),
            "period",
            date(2021, 1, 20),
            date(2024, 9, 6),
        ),
        ("by the end of 2024", _BIDEN, "deadline", date(2024, 1, 1), date(2024, 12, 31)),
        ("By the end of 2022", _BIDEN, "point", date(2022, 1, 1), date(2022, 12, 31)),
    ],
)
def test_periods_resolve_against_the_clock(
    text: str, clock: Clock, kind: str, first: date | None, last: date | None
) -> None:
    found = find_times(text, clock)
    assert [(t.kind, t.first, t.last) for t in found] == [(kind, first, last)]


@pytest.mark.parametrize(
    "text", ["In May 5 percent more were sold", "March 3.5 million", "on June 10,000 visitors"]
)
def test_periods_a_month_before_a_figure_is_no_day(text: str) -> None:
    assert [t.kind for t in find_times(text, _BIDEN)] == []


def test_periods_a_year_range_after_a_name_is_the_names() -> None:
    found = find_times("Under Horizon Europe (2021-2027), researchers", date(2025, 1, 1))
    assert [t.kind for t in found] == ["base"]
