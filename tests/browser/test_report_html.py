"""The HTML report in Debian's Chromium: renders offline, charts drawn, quotes link to passages."""

from __future__ import annotations

import hashlib
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from communique.models import Claim, Document, Period, Qualifier, Span, TimeSource, Turn
from communique.present.report import build_report, render_html
from communique.reconcile import reconcile
from communique.store.ledger import Ledger

# One worker drives the browser: one Chromium and one server for the whole run.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]


CHROMIUM = Path("/usr/bin/chromium")
HOSTILE = "<script>console.error('injected')</script><img src=x onerror=\"console.error('img')\">"

# (source, date, speaker, text, [(quote, value, qualifier, metric, period-year or None)])
DOCUMENTS = [
    (
        "talks-2022-02.txt",
        "2022-02-10",
        "Vladimir Putin",
        "Our trade grew by a third last year and reached US$25.6 billion. Russian investment "
        f"today stands at US$17 billion. {HOSTILE}",
        [
            ("US$25.6 billion", "25.6e9", "exact", "trade:KZ-RU", 2021),
            ("US$17 billion", "17e9", "exact", "investment_stock:RU-KZ", None),
        ],
    ),
    (
        "talks-2022-02-reply.txt",
        "2022-02-10",
        "Kassym-Jomart Tokayev",
        "Last year our trade exceeded US$21 billion, and Russian investment has today "
        "exceeded US$17 billion.",
        [
            ("exceeded US$21 billion", "21e9", "over", "trade:KZ-RU", 2021),
            ("exceeded US$17 billion", "17e9", "over", "investment_stock:RU-KZ", None),
        ],
    ),
    (
        "visit-2024-11.txt",
        "2024-11-27",
        "Vladimir Putin",
        "Trade closely approached $30 billion in 2023, precisely $28.4 billion. Today Russian "
        "investment is $13 billion.",
        [
            ("closely approached $30 billion", "30e9", "nearly", "trade:KZ-RU", 2023),
            ("$28.4 billion", "28.4e9", "exact", "trade:KZ-RU", 2023),
            ("$13 billion", "13e9", "exact", "investment_stock:RU-KZ", None),
        ],
    ),
    (
        "visit-2024-11-reply.txt",
        "2024-11-27",
        "Kassym-Jomart Tokayev",
        "Today Russian investment has surpassed $24 billion.",
        [("surpassed $24 billion", "24e9", "over", "investment_stock:RU-KZ", None)],
    ),
]


def _document(source: str, day: str, speaker: str, text: str, figures: list) -> Document:  # type: ignore[type-arg]
    claims = []
    for quote, value, qualifier, metric, year in figures:
        start = text.index(quote)
        claims.append(
            Claim(
                quote=quote,
                value=Decimal(value),
                unit="USD",
                qualifier=Qualifier(qualifier),
                metric=metric,
                indicator=metric.split(":")[0].removesuffix("_stock"),
                period=Period(start=date(year, 1, 1), end=date(year, 12, 31)) if year else None,
                as_of=None if year else date.fromisoformat(day),
                # a level said "today" (resolved against the statement's date)
                time_source=TimeSource.STATED if year else TimeSource.RELATIVE,
                speaker=speaker,
                span=Span(start=start, end=start + len(quote)),
            )
        )
    return Document(
        source=source,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        text=text,
        title=f"Statement of {day}",
        date=date.fromisoformat(day),
        place="Moscow",
        turns=(Turn(speaker=speaker, span=Span(start=0, end=len(text))),),
        claims=tuple(claims),
    )


@pytest.fixture
def report_file(tmp_path: Path) -> Path:
    with Ledger.open(str(tmp_path / "ledger.db")) as ledger:
        for spec in DOCUMENTS:
            ledger.add_document(_document(*spec))
        reconcile(ledger)
        page = render_html(build_report(ledger))
    path = tmp_path / "report.html"
    path.write_text(page, encoding="utf-8")
    return path


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's Chromium is not installed")
def test_report_html_renders_offline_with_charts_and_links(
    report_file: Path, tmp_path: Path, browser: Any
) -> None:
    problems: list[str] = []
    # the session's browser (tests/browser/conftest.py), shared with the web UI tests
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    try:
        page = context.new_page()
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.on("requestfailed", lambda r: problems.append(f"failed {r.url}"))
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto(report_file.as_uri())

        assert problems == []
        assert [u for u in requests if not u.startswith("file://")] == []
        # The untrusted text shows as text, not as markup.
        assert "<script>console.error('injected')</script>" in page.inner_text("#documents")
        assert page.locator("#documents img").count() == 0

        charts = page.locator("svg.chart")
        assert charts.count() == 2  # trade and investment stock each have 2+ points
        for i in range(charts.count()):
            chart = charts.nth(i)
            box = chart.bounding_box()
            assert box is not None and box["width"] > 300 and box["height"] > 100
            points = int(chart.get_attribute("data-points") or 0)
            assert chart.locator(".point").count() == points
            assert chart.locator("g.mark").count() == points
        trade = page.locator('svg.chart[data-metric="trade:KZ-RU"]')
        assert trade.locator(".point").count() == 4
        assert trade.locator(".mark.conflict").count() == 2  # exceeded 21 vs 25.6
        stock = page.locator('svg.chart[data-metric="investment_stock:RU-KZ"]')
        assert stock.locator(".mark.conflict").count() == 2  # over 24 vs 13
        dot = stock.locator(".point").first.bounding_box()
        assert dot is not None and dot["width"] > 0 and dot["height"] > 0

        # A conflict's quote jumps to its highlighted passage.
        link = page.locator("#conflicts a.quote").first
        target = (link.get_attribute("href") or "").lstrip("#")
        link.click()
        assert page.evaluate("location.hash") == f"#{target}"
        mark = page.locator(f"mark#{target}")
        assert mark.evaluate("el => getComputedStyle(el).outlineStyle") == "solid"
        assert mark.is_visible()

        page.goto(report_file.as_uri())
        page.screenshot(path=str(tmp_path / "report.png"), full_page=True)
    finally:
        context.close()
    assert (tmp_path / "report.png").stat().st_size > 10_000


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's Chromium is not installed")
def test_report_html_metric_table_fits_a_phone(
    report_file: Path, browser: Any, shots: Path
) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.goto(report_file.as_uri())
        table = page.locator("#metrics table")
        box = table.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        # every figure of a row is still there, labelled
        cell = page.locator('#metrics td[data-label="documents"]').last
        assert cell.inner_text() == "3"  # trade: three documents
        label = cell.evaluate("td => getComputedStyle(td, '::before').content")
        assert label == '"documents: "'
        page.locator("#metrics").screenshot(path=str(shots / "phone_report_metrics.png"))
    finally:
        context.close()
