"""Chart geometry and value formatting for the HTML report."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from communique.models import Claim, Period, Qualifier, Span
from communique.present.charts import HEIGHT, MAX_MARKS, WIDTH, build_chart, format_amount
from communique.reconcile.timelines import build_timeline


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [
        ("25600000000", "USD", "$25.6 bn"),
        ("17000000000", "USD", "$17 bn"),
        ("2000000000000", "RUB", "₽2 tn"),
        ("4500000", "KZT", "4.5 m KZT"),
        ("24000", "count", "24,000"),
        ("6000000", "count", "6 m"),
        ("33.333333", "percent", "33.33%"),
        ("5", "rank", "#5"),
    ],
)
def test_report_charts_format_amounts(value: str, unit: str, text: str) -> None:
    assert format_amount(Decimal(value), unit) == text


def _claim(i: int, value: str, year: int, qualifier: str = "exact", unit: str = "USD") -> Claim:
    return Claim(
        id=i,
        quote=f"${value}",
        value=Decimal(value),
        unit=unit,
        qualifier=Qualifier(qualifier),
        metric="trade:KZ-RU",
        period=Period(start=date(year, 1, 1), end=date(year, 12, 31)),
        span=Span(start=0, end=1),
    )


def test_report_charts_place_points_inside_the_plot() -> None:
    claims = [
        _claim(1, "20e9", 2020),
        _claim(2, "21e9", 2021, "over"),
        _claim(3, "25.6e9", 2021),
        _claim(4, "28.4e9", 2023),
        _claim(5, "7", 2023, unit="percent"),  # another unit: left out
    ]
    chart = build_chart(
        build_timeline(claims, "trade:KZ-RU"),
        metric="trade:KZ-RU",
        label="Trade",
        conflict_kinds={},
    )
    assert chart is not None and chart.unit == "USD" and chart.left_out == 1
    assert len(chart.marks) == 4
    for mark in chart.marks:
        assert chart.left <= mark.x <= chart.right and chart.top <= mark.y <= chart.bottom
        assert mark.y_high <= mark.y <= mark.y_low  # the hedge's bar spans the point
    over = next(m for m in chart.marks if m.claim_id == 2)
    assert over.open_up and over.y_low - over.y_high > 5  # "over" gets a visible bar
    same_year = sorted(m.x for m in chart.marks if m.claim_id in (2, 3))
    assert same_year[1] - same_year[0] >= 10  # spread apart, both clickable
    assert [t.label for t in chart.x_ticks if t.label] == ["2020", "2021", "2022", "2023"]
    year_2021 = next(t.pos for t in chart.x_ticks if t.label == "2021")
    assert abs(next(m.x for m in chart.marks if m.claim_id == 3) - year_2021) <= 10
    assert 0 < chart.width == WIDTH and chart.height == HEIGHT


def test_report_charts_need_two_points() -> None:
    one = build_timeline([_claim(1, "20e9", 2020)], "trade:KZ-RU")
    assert build_chart(one, metric="trade:KZ-RU", label="Trade", conflict_kinds={}) is None


def test_report_charts_thin_crowded_metrics_but_keep_conflicts() -> None:
    claims = [_claim(i, str(20 + i % 7), 2000 + i % 20) for i in range(1, MAX_MARKS * 2)]
    points = build_timeline(claims, "trade:KZ-RU")
    flagged = replace(points[-1], conflicts=(1,))
    points = [*points[:-1], flagged]
    chart = build_chart(points, metric="trade:KZ-RU", label="Trade", conflict_kinds={1: "literal"})
    assert chart is not None
    assert len(chart.marks) == MAX_MARKS and chart.left_out == len(points) - MAX_MARKS
    assert any(m.claim_id == flagged.claim.id and m.conflict for m in chart.marks)
