"""Dates as statements write them, and which one is the document's dateline."""

from __future__ import annotations

from datetime import date

import pytest

from communique.describe.dates import (
    find_dateline,
    month_number,
    parse_date,
    parse_date_hint,
)
from communique.models import DatePrecision


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("February 10, 2022", date(2022, 2, 10)),
        ("11/28/2022 | Press release", date(2022, 11, 28)),
        ("28 November 2022", date(2022, 11, 28)),
        ("November 27, 2024 21:00 Astana", date(2024, 11, 27)),
        ("2022-02-10", date(2022, 2, 10)),
        ("10.02.2022", date(2022, 2, 10)),
        ("Thursday, 10 February, 2022", date(2022, 2, 10)),
        ("Feb. 10, 2022", date(2022, 2, 10)),
        ("Sept 3, 2021", date(2021, 9, 3)),
        ("the 1st of March 2023", date(2023, 3, 1)),
        ("Rio de Janeiro, Brazil, 18-19 November 2024", date(2024, 11, 18)),
        ("November 18–19, 2024", date(2024, 11, 18)),
        ("31/12/2023", date(2023, 12, 31)),
        ("2021-12-16T16:40:00Z", date(2021, 12, 16)),  # kremlin.ru: the date as written
        ("2022-06-07 21:14:17-04:00", date(2022, 6, 7)),  # never shifted to UTC
        ("10 февраля 2022 г.", date(2022, 2, 10)),
        ("1 сентября 2021 года", date(2021, 9, 1)),
        ("5th of May, 2023", date(2023, 5, 5)),
        ("February 30, 2022", None),
        ("in 2022", None),
        ("", None),
    ],
)
def test_dates_parse(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Talks\nFebruary 10, 2022\nPutin: On May 9, 1945 we won.", date(2022, 2, 10)),
        (
            "Title\n\n"
            + "On January 5, 2020 a very long sentence that mentions a date in passing and goes"
            " on and on, well past what any dateline would ever hold on a page header line.\n"
            "28 November 2022",
            date(2022, 11, 28),
        ),
        ("Title\nNo date here.", None),
    ],
)
def test_dates_dateline_is_the_header_date(text: str, expected: date | None) -> None:
    found = find_dateline(text)
    assert (found.value if found else None) == expected


def test_dates_dateline_ignores_dates_after_the_header() -> None:
    text = "Title\nPutin: On May 9, 2020 we met."
    assert find_dateline(text, head_end=text.index("Putin")) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1995", (date(1995, 1, 1), DatePrecision.YEAR)),
        ("1995-09", (date(1995, 9, 1), DatePrecision.MONTH)),
        ("September 1995", (date(1995, 9, 1), DatePrecision.MONTH)),
        ("2021-11-04", (date(2021, 11, 4), DatePrecision.DAY)),
        (date(2021, 11, 4), (date(2021, 11, 4), DatePrecision.DAY)),
        ("", None),
        ("soon", None),
    ],
)
def test_dates_hint_keeps_its_precision(
    value: object, expected: tuple[date, DatePrecision] | None
) -> None:
    assert parse_date_hint(value) == expected


@pytest.mark.parametrize(
    ("name", "number"), [("Sept", 9), ("sept.", 9), ("February", 2), ("февраля", 2), ("Mai", None)]
)
def test_dates_month_names_come_from_one_table(name: str, number: int | None) -> None:
    assert month_number(name) == number


def test_dates_dateline_prefers_a_line_that_is_a_date() -> None:
    text = "Talks on 1 May 2020 in brief\n2021-11-04T18:35:00Z\nSevastopol"
    found = find_dateline(text)
    assert found is not None and found.value == date(2021, 11, 4)
