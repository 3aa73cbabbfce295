"""One convention for a claim's figure: the intervals, labelled, and the period in words."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from communique.extract.intervals import Interval, literal_interval, ordinary_interval
from communique.models import Claim, Period, Qualifier, Span
from communique.present.charts import build_chart
from communique.present.figures import chart_day, describe_range, describe_when, figure
from communique.reconcile.timelines import build_timeline

YEAR_2021 = Period(start=date(2021, 1, 1), end=date(2021, 12, 31))


def _claim(
    quote: str,
    value: str,
    qualifier: Qualifier,
    *,
    low: str | None = None,
    high: str | None = None,
    period: Period | None = YEAR_2021,
    as_of: date | None = None,
    claim_id: int = 1,
) -> Claim:
    return Claim(
        id=claim_id,
        quote=quote,
        value=Decimal(value),
        unit="USD",
        qualifier=qualifier,
        low=None if low is None else Decimal(low),
        high=None if high is None else Decimal(high),
        metric="trade:KZ-RU",
        period=period,
        as_of=as_of,
        span=Span(start=0, end=len(quote)),
        document_date=date(2022, 2, 10),
    )


def test_figures_show_the_intervals_module_labelled_both_ways() -> None:
    claim = _claim("exceeded US$21 billion", "21000000000", Qualifier.OVER)
    shown = figure(claim)
    assert (shown.literal.low, shown.literal.high) == (
        literal_interval(claim).low,
        literal_interval(claim).high,
    )
    assert (shown.ordinary.low, shown.ordinary.high) == (
        ordinary_interval(claim).low,
        ordinary_interval(claim).high,
    )
    assert shown.literal.text == "$21 bn or more"
    assert shown.ordinary.text == "$21 bn – $24.15 bn"
    assert shown.amount == "$21 bn"


def test_figures_an_extractor_interval_is_the_literal_one() -> None:
    claim = _claim(
        "exceeded US$21 billion", "21000000000", Qualifier.OVER, low="21e9", high="26.25e9"
    )
    shown = figure(claim)
    assert shown.literal.text == "$21 bn – $26.25 bn"
    assert shown.ordinary.text == "$21 bn – $24.15 bn"  # clipped to the literal, never wider


@pytest.mark.parametrize(
    ("interval", "text"),
    [
        (Interval(Decimal("5e9"), Decimal("5e9")), "exactly $5 bn"),
        (Interval(Decimal("24.45e9"), Decimal("24.55e9")), "$24.45 bn – $24.55 bn"),
        (Interval(Decimal("21e9"), None), "$21 bn or more"),
        (Interval(None, Decimal("3e9")), "up to $3 bn"),
        (Interval(None, None), "any value"),
    ],
)
def test_figures_describe_ranges(interval: Interval, text: str) -> None:
    assert describe_range(interval, "USD") == text


@pytest.mark.parametrize(
    ("period", "as_of", "text"),
    [
        (YEAR_2021, None, "2021"),
        (Period(start=date(2022, 1, 1), end=date(2022, 10, 31)), None, "January–October 2022"),
        (None, date(2024, 11, 27), "as of 2024-11-27"),
        (
            Period(start=date(2022, 1, 1), end=date(2022, 10, 15)),
            None,
            "from 2022-01-01 to 2022-10-15",
        ),
        (None, None, "undated"),
    ],
)
def test_figures_describe_when(period: Period | None, as_of: date | None, text: str) -> None:
    assert describe_when(period, as_of) == text


def test_figures_a_year_sits_mid_year_and_a_level_at_its_date() -> None:
    assert chart_day(_claim("$24.5 billion", "24.5e9", Qualifier.EXACT)) == date(2021, 7, 2)
    level = _claim("$13 billion", "13e9", Qualifier.EXACT, period=None, as_of=date(2024, 11, 27))
    assert chart_day(level) == date(2024, 11, 27)
    undated = _claim("$1 billion", "1e9", Qualifier.EXACT, period=None)
    assert chart_day(undated) == date(2022, 2, 10)  # its document's date


def test_figures_a_2021_figure_is_drawn_inside_2021_on_a_chart() -> None:
    """The web chart once put 2021's figure on its last day, at the 2022 year mark."""
    claims = [
        _claim("$24.5 billion", "24.5e9", Qualifier.EXACT, claim_id=1),
        _claim(
            "$28.4 billion",
            "28.4e9",
            Qualifier.EXACT,
            period=Period(start=date(2023, 1, 1), end=date(2023, 12, 31)),
            claim_id=2,
        ),
    ]
    chart = build_chart(
        build_timeline(claims, "trade:KZ-RU"), metric="trade:KZ-RU", label="", conflict_kinds={}
    )
    assert chart is not None
    boundaries = sorted(t.pos for t in chart.x_ticks if t.major)  # 1 January of 2022, 2023
    labels = {t.label: t.pos for t in chart.x_ticks if t.label}
    x_2021 = next(m.x for m in chart.marks if m.claim_id == 1)
    x_2023 = next(m.x for m in chart.marks if m.claim_id == 2)
    assert x_2021 < boundaries[0] and boundaries[-1] < x_2023
    assert abs(x_2021 - labels["2021"]) < abs(x_2021 - labels.get("2022", 10**6))


def test_figures_one_point_is_drawn_when_asked() -> None:
    points = build_timeline([_claim("$24.5 billion", "24.5e9", Qualifier.EXACT)], "trade:KZ-RU")
    assert build_chart(points, metric="m", label="", conflict_kinds={}) is None
    chart = build_chart(points, metric="m", label="", conflict_kinds={}, min_points=1)
    assert chart is not None and len(chart.marks) == 1
