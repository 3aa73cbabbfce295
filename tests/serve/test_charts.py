"""A metric's timeline as chart geometry: marks inside the plot, hedges as intervals."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from communique.models import Claim, Modality, Qualifier, Span
from communique.reconcile.timelines import TimelinePoint
from communique.serve.charts import timeline_chart


def _point(
    when: date | None, value: int, qualifier: Qualifier, *, unit: str = "USD", n: int = 1
) -> TimelinePoint:
    v = Decimal(value)
    low, high = {
        Qualifier.EXACT: (v, v),
        Qualifier.OVER: (v, None),
        Qualifier.UNDER: (None, v),
        Qualifier.ABOUT: (v * Decimal("0.9"), v * Decimal("1.1")),
    }[qualifier]
    claim = Claim(
        id=n,
        quote=str(value),
        value=v,
        unit=unit,
        qualifier=qualifier,
        low=low,
        high=high,
        modality=Modality.ACTUAL,
        span=Span(start=0, end=1),
    )
    return TimelinePoint(when=when, claim=claim)


POINTS = [
    _point(date(2021, 12, 31), 24, Qualifier.EXACT, n=1),
    _point(date(2021, 12, 31), 21, Qualifier.OVER, n=2),
    _point(date(2023, 12, 31), 30, Qualifier.ABOUT, n=3),
    _point(date(2024, 9, 30), 20, Qualifier.UNDER, n=4),
    _point(None, 99, Qualifier.EXACT, n=5),
    _point(date(2022, 1, 1), 70, Qualifier.EXACT, unit="percent", n=6),
]


def test_charts_marks_stay_inside_the_plot() -> None:
    chart = timeline_chart(POINTS)
    assert chart is not None
    for m in chart.marks:
        assert chart.left <= m.x <= chart.right
        for y in (m.y, m.y_low, m.y_high):
            assert chart.top <= y <= chart.bottom


def test_charts_plot_dated_claims_in_the_common_unit() -> None:
    chart = timeline_chart(POINTS)
    assert chart is not None
    assert chart.unit == "USD"
    assert sorted(m.claim.id for m in chart.marks) == [1, 2, 3, 4]


@pytest.mark.parametrize(
    ("claim_id", "open_low", "open_high", "bar"),
    [
        (1, False, False, False),
        (2, False, True, True),
        (3, False, False, True),
        (4, True, False, True),
    ],
)
def test_charts_draw_hedges_as_intervals(
    claim_id: int, open_low: bool, open_high: bool, bar: bool
) -> None:
    chart = timeline_chart(POINTS)
    assert chart is not None
    mark = next(m for m in chart.marks if m.claim.id == claim_id)
    assert (mark.open_low, mark.open_high) == (open_low, open_high)
    assert (mark.y_low != mark.y_high) == bar
    assert mark.y_high <= mark.y <= mark.y_low  # y grows downwards


def test_charts_later_claims_sit_further_right() -> None:
    chart = timeline_chart(POINTS)
    assert chart is not None
    xs = {m.claim.id: m.x for m in chart.marks}
    assert xs[1] == xs[2] < xs[3] < xs[4]


@pytest.mark.parametrize("points", [[], [_point(None, 5, Qualifier.EXACT)]])
def test_charts_nothing_to_draw(points: list[TimelinePoint]) -> None:
    assert timeline_chart(points) is None


def test_charts_a_single_moment_is_centred() -> None:
    chart = timeline_chart([_point(date(2020, 6, 30), 5, Qualifier.EXACT)])
    assert chart is not None
    (mark,) = chart.marks
    assert abs(mark.x - (chart.left + chart.right) / 2) < 5
