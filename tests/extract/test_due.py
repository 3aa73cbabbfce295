"""Due dates of commitments: time expressions read forwards from the document's date."""

from __future__ import annotations

from datetime import date

import pytest

from communique.extract.due import due_of

NOV_2024 = date(2024, 11, 27)


@pytest.mark.parametrize(
    ("clause", "today", "due"),
    [
        (
            "the first launch will take place next year as planned",
            NOV_2024,
            ("2025-01-01", "2025-12-31"),
        ),
        (
            "tomorrow, a session of the council will be convened",
            NOV_2024,
            ("2024-11-28", "2024-11-28"),
        ),
        ("we will open the park in the spring of 2025", NOV_2024, ("2025-03-01", "2025-05-31")),
        ("In 2026, Kazakhstan will host the Games", NOV_2024, ("2026-01-01", "2026-12-31")),
        (
            "This year, we will mark the anniversary",
            date(2022, 2, 10),
            ("2022-01-01", "2022-12-31"),
        ),
        (
            "to take part in the forum in June this year",
            date(2022, 2, 10),
            ("2022-06-01", "2022-06-30"),
        ),
        ("meetings which are to be held on December 24–25", NOV_2024, ("2024-12-24", "2024-12-25")),
        ("the celebrations in Moscow on May 9", NOV_2024, ("2025-05-09", "2025-05-09")),
        ("a summit on 3 March 2025", NOV_2024, ("2025-03-03", "2025-03-03")),
        ("to raise trade to $30 billion by 2030", NOV_2024, ("2024-11-27", "2030-12-31")),
        (
            "to finish the bridge by the end of the year",
            date(2024, 6, 3),
            ("2024-06-03", "2024-12-31"),
        ),
        ("to sign it by March 2025", NOV_2024, ("2024-11-27", "2025-03-31")),
        (
            "to complete the extension by February 5",
            date(2021, 1, 26),
            ("2021-01-26", "2021-02-05"),
        ),
        ("eligible no later than May 1", date(2021, 3, 11), ("2021-03-11", "2021-05-01")),
        ("to report within six months", date(2024, 6, 3), ("2024-06-03", "2024-12-03")),
        ("they will meet next month", date(2024, 12, 3), ("2025-01-01", "2025-01-31")),
        ("deliveries in the first half of 2025", NOV_2024, ("2025-01-01", "2025-06-30")),
        ("the Joint Action Plan for 2024–2026", NOV_2024, ("2024-01-01", "2026-12-31")),
        ("committed to meeting again this summer", date(2023, 4, 14), ("2023-06-01", "2023-08-31")),
        ("at the public health summit in June", date(2023, 4, 14), ("2023-06-01", "2023-06-30")),
        ("the talks will resume in January", NOV_2024, ("2025-01-01", "2025-01-31")),
        # "This coming week" on a Saturday is the week that has not begun.
        ("a task force this coming week", date(2022, 2, 26), ("2022-02-28", "2022-03-06")),
        ("a task force this week", date(2022, 2, 23), ("2022-02-21", "2022-02-27")),
        # No time that can be resolved: no due date.
        ("to increase trade in the next few years", NOV_2024, None),
        ("we have ambitious plans for 2025 and beyond", NOV_2024, None),
        ("a branch will soon open in Astana", NOV_2024, None),
        ("a consulate in Aktau in the near future", NOV_2024, None),
        ("we will continue to work together", NOV_2024, None),
        # Times in the past of the document are not when anything is due.
        ("as agreed in 2021, the plant will be built", NOV_2024, None),
        ("prices fall every spring", NOV_2024, None),
        ("as decided in March 2024, the plant will be built", NOV_2024, None),
    ],
)
def test_due_of_resolves_forwards(clause: str, today: date, due: tuple[str, str] | None) -> None:
    found = due_of(clause, today, start=0, end=len(clause))
    if due is None:
        assert found is None
    else:
        assert found is not None
        assert (found.start.isoformat(), found.end.isoformat()) == due


def test_due_of_without_a_document_date_is_none() -> None:
    assert due_of("next year", None, start=0, end=9) is None
