"""The report: gathered from a real ledger, rendered to the terminal and to offline HTML."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from rich.console import Console

from communique.models import Claim, Document, Period, Qualifier, Span, TimeSource, Turn
from communique.present.report import build_report, render_html, report_renderables, segment_text
from communique.reconcile import reconcile
from communique.store.ledger import Ledger

Y2021 = Period(start=date(2021, 1, 1), end=date(2021, 12, 31))
HOSTILE = "<script>alert('x')</script> & <img src=x onerror=alert(1)>"


def _doc(
    source: str, day: str, speaker: str, text: str, figures: list[tuple[str, str, str]]
) -> Document:
    claims = []
    for quote, value, qualifier in figures:
        start = text.index(quote)
        claims.append(
            Claim(
                quote=quote,
                value=Decimal(value),
                unit="USD",
                qualifier=Qualifier(qualifier),
                metric="trade:KZ-RU",
                metric_phrase="trade",
                indicator="trade",
                period=Y2021,
                time_source=TimeSource.STATED,
                speaker=speaker,
                span=Span(start=start, end=start + len(quote)),
            )
        )
    return Document(
        source=source,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
        text=text,
        title=f"Statement {source}",
        date=date.fromisoformat(day),
        place="Moscow",
        turns=(Turn(speaker=speaker, span=Span(start=0, end=len(text))),),
        claims=tuple(claims),
    )


@pytest.fixture
def ledger(tmp_path: Path) -> Iterator[Ledger]:
    with Ledger.open(str(tmp_path / "ledger.db")) as opened:
        opened.add_document(
            _doc(
                "feb.txt",
                "2022-02-10",
                "Vladimir Putin",
                f"Trade reached US$25.6 billion. {HOSTILE}",
                [("US$25.6 billion", "25.6e9", "exact")],
            )
        )
        opened.add_document(
            _doc(
                "nov.txt",
                "2022-11-28",
                "Kassym-Jomart Tokayev",
                "Last year trade was $24.5 billion.",
                [("$24.5 billion", "24.5e9", "exact")],
            )
        )
        reconcile(opened)
        yield opened


def test_report_gathers_counts_conflicts_and_charts(ledger: Ledger) -> None:
    report = build_report(ledger)
    assert report.counts["documents"] == 2 and report.counts["claims"] == 2
    assert len(report.conflicts) == 1
    assert [c.metric for c in report.charts] == ["trade:KZ-RU"]
    assert len(report.charts[0].marks) == 2 and all(m.conflict for m in report.charts[0].marks)
    assert {s.name for s in report.speakers} == {"Vladimir Putin", "Kassym-Jomart Tokayev"}
    assert report.linked == {c.id for c in ledger.claims()}


def test_report_html_is_self_contained_and_escapes_documents(ledger: Ledger) -> None:
    page = render_html(build_report(ledger))
    assert "<script>alert" not in page and "<img src=x" not in page
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
    # Nothing is fetched: no external scripts, styles, images or fonts.
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "<link" not in page and "@import" not in page
    # Each conflict quote links to an anchor that exists on the highlighted span.
    targets = set(re.findall(r'href="#(c\d+)"', page))
    assert targets and all(f'<mark id="{t}"' in page for t in targets)
    assert page.count('<svg class="chart"') == 1


def test_report_terminal_lists_conflicts_with_quotes(ledger: Ledger) -> None:
    console = Console(record=True, width=200)
    for renderable in report_renderables(build_report(ledger)):
        console.print(renderable)
    text = console.export_text()
    assert "US$25.6 billion" in text and "$24.5 billion" in text and "literal" in text


@pytest.mark.parametrize(
    ("text", "spans", "turn_starts", "expected"),
    [
        ("abc def ghi", [(4, 7)], [], ["abc ", "[def]", " ghi"]),
        ("abc def ghi", [(0, 3), (8, 11)], [0], ["<T>", "[abc]", " def ", "[ghi]"]),
        ("abc def ghi", [(0, 5), (4, 7)], [], ["[abc d]", "ef ghi"]),  # overlap skipped
        ("abc", [(2, 9)], [], ["abc"]),  # out of range skipped
        ("", [], [], []),
    ],
)
def test_report_segments_text_at_claims_and_turns(
    text: str, spans: list[tuple[int, int]], turn_starts: list[int], expected: list[str]
) -> None:
    claims = [
        Claim(quote=text[s:e], value=Decimal(1), unit="count", span=Span(start=s, end=e), id=i)
        for i, (s, e) in enumerate(spans)
    ]
    turns = [Turn(speaker="T", span=Span(start=s, end=len(text))) for s in turn_starts]
    segments = segment_text(text, claims, turns)
    shown = ["<T>" if s.speaker else f"[{s.text}]" if s.claim else s.text for s in segments]
    assert shown == expected


def test_report_notes_currencies_it_could_not_compare(tmp_path: Path) -> None:
    text = "Trade was 2 trillion roubles, or $25.6 billion."
    doc = _doc(
        "rub.txt", "2022-02-10", "Vladimir Putin", text, [("$25.6 billion", "25.6e9", "exact")]
    )
    start = text.index("2 trillion roubles")
    rub = Claim(
        quote="2 trillion roubles",
        value=Decimal("2e12"),
        unit="RUB",
        metric="trade:KZ-RU",
        period=Y2021,
        speaker="Vladimir Putin",
        span=Span(start=start, end=start + 18),
    )
    with Ledger.open(str(tmp_path / "l.db")) as ledger:
        ledger.add_document(replace(doc, claims=(*doc.claims, rub)))
        assert reconcile(ledger).incomparable == 1
        report = build_report(ledger)
    assert report.conflicts == ()
    page = render_html(report)
    assert "Not compared" in page and "RUB and USD" in page


def test_report_html_lists_agreements_across_statements_and_the_commitments_tracker(
    tmp_path: Path,
) -> None:
    import communique
    from communique.present.report import build_report, render_html

    db = str(tmp_path / "seeds.db")
    communique.ingest([str(Path(__file__).parents[2] / "examples" / "corpus")], db=db, workers=1)
    with communique.open_ledger(db) as ledger:
        report = build_report(ledger)
    assert report.agreements and report.tracker is not None
    followed = [t for t in report.agreements if t.statements == 2]
    assert followed and followed[0] is report.agreements[0]  # most statements first
    html = render_html(report)
    section = html[html.index('id="entries"') : html.index('id="charts"')]
    assert "Comprehensive Programme of Economic Cooperation for 2021–2025" in section
    assert "comprehensive cooperation programme until 2025" in section
    assert "Reported done" in section and "Overdue" in section
