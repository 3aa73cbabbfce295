"""The report: what the ledger says, for the terminal (Rich) and as one offline HTML file.

`build_report(ledger)` gathers everything once; `report_renderables` turns it into Rich
renderables (the CLI prints them) and `render_html` into a self-contained page: inline CSS,
inline SVG charts, each document's text with every claim's span anchored, so that a conflict
links straight to its highlighted quote. Document text is untrusted: the Jinja environment
autoescapes everything, and nothing from a document is ever marked safe.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from communique.models import Claim, Conflict, Document, Severity, Turn
from communique.present.charts import Chart, build_chart
from communique.present.figures import LITERAL, ORDINARY, figure, format_amount
from communique.reconcile.canon import describe_metric
from communique.reconcile.conflicts import (
    Incomparable,
    board_order,
    describe_moment,
    find_incomparable,
)
from communique.reconcile.timelines import MetricSummary, build_timeline, summarize_metrics
from communique.reconcile.tracker import Thread, Tracker, agreement_registry, commitment_tracker

if TYPE_CHECKING:
    from rich.console import RenderableType

    from communique.store.ledger import Ledger

# Past this many documents the HTML report keeps those with conflicts and the most recent
# others: 200 statements of ~15k characters make a ~5 MB page that still opens quickly.
MAX_DOCUMENTS = 200
# Charts for the metrics with the most claims first; past ~100 inline SVGs a page gets slow
# to scroll, and the metrics table still lists every key.
MAX_CHARTS = 100
MAX_AGREEMENTS = 60
"""Agreements listed in the HTML report: those named in most statements first; the rest are
counted and left to `communique export agreements`."""
# The most confident conflicts first; the rest are counted and left to `communique export
# conflicts`.
MAX_CONFLICTS = 500


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of a document's text: plain, a claim's span, or the start of a speaker's turn."""

    text: str
    claim: Claim | None = None
    speaker: str | None = None


@dataclass(frozen=True, slots=True)
class DocumentView:
    document: Document
    anchor: str
    segments: tuple[Segment, ...]
    claims: int


@dataclass(frozen=True, slots=True)
class SpeakerView:
    name: str
    claims: int
    documents: int
    metrics: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Report:
    generated: datetime
    counts: Mapping[str, int]
    documents: tuple[DocumentView, ...]
    omitted_documents: int
    speakers: tuple[SpeakerView, ...]
    metrics: tuple[MetricSummary, ...]
    charts: tuple[Chart, ...]
    conflicts: tuple[Conflict, ...]
    hidden_conflicts: int
    incomparable: tuple[Incomparable, ...]
    linked: frozenset[int] = field(default_factory=frozenset)  # claim ids with an anchor
    anchors: Mapping[str, str] = field(default_factory=dict)  # source → document anchor
    conflicted: frozenset[int] = field(default_factory=frozenset)  # claim ids in a conflict
    agreements: tuple[Thread, ...] = ()  # those named in most statements first
    hidden_agreements: int = 0
    tracker: Tracker | None = None


def segment_text(text: str, claims: Sequence[Claim], turns: Sequence[Turn] = ()) -> list[Segment]:
    """Cut `text` at claim spans and turn starts; overlapping or out-of-range spans are skipped."""
    cuts: list[tuple[int, int, Claim | None, str | None]] = []
    for turn in turns:
        if 0 <= turn.span.start <= len(text):
            cuts.append((turn.span.start, turn.span.start, None, turn.speaker))
    for claim in claims:
        if claim.span.end <= len(text) and claim.span.start < claim.span.end:
            cuts.append((claim.span.start, claim.span.end, claim, None))
    cuts.sort(key=lambda c: (c[0], c[2] is not None, c[1]))
    segments: list[Segment] = []
    pos = 0
    for start, end, cut, speaker in cuts:
        if start < pos:
            continue  # overlaps what is already highlighted
        if start > pos:
            segments.append(Segment(text[pos:start]))
        if cut is None:
            segments.append(Segment("", speaker=speaker))
        else:
            segments.append(Segment(text[start:end], claim=cut))
        pos = max(pos, end)
    if pos < len(text):
        segments.append(Segment(text[pos:]))
    return segments


def _speakers(claims: Sequence[Claim], documents: Sequence[Document]) -> tuple[SpeakerView, ...]:
    by_name: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_name[claim.speaker or "(unknown)"].append(claim)
    turns_docs: dict[str, set[str]] = defaultdict(set)
    for doc in documents:
        for turn in doc.turns:
            turns_docs[turn.speaker].add(doc.source)
    names = set(by_name) | set(turns_docs)
    views = [
        SpeakerView(
            name=name,
            claims=len(by_name.get(name, [])),
            documents=len(turns_docs.get(name, set()) | {c.source or "" for c in by_name[name]}),
            metrics=tuple(m for m, _ in Counter(c.metric for c in by_name[name]).most_common(4)),
        )
        for name in names
    ]
    return tuple(sorted(views, key=lambda v: (-v.claims, v.name)))


def _chosen_documents(documents: Sequence[Document], keep: set[str], limit: int) -> list[Document]:
    if len(documents) <= limit:
        return list(documents)
    must = [d for d in documents if d.source in keep]
    rest = sorted(
        (d for d in documents if d.source not in keep),
        key=lambda d: (d.date is not None, d.date),
        reverse=True,
    )
    chosen = {d.source for d in must + rest[: max(0, limit - len(must))]}
    return [d for d in documents if d.source in chosen]


def build_report(
    ledger: Ledger,
    *,
    labels: Mapping[str, str] | None = None,
    max_documents: int = MAX_DOCUMENTS,
    max_charts: int = MAX_CHARTS,
    max_conflicts: int = MAX_CONFLICTS,
) -> Report:
    """Everything the report shows, read from the ledger once."""
    labels = labels or {}
    claims = ledger.claims()
    conflicts = sorted(ledger.conflicts(), key=board_order)
    documents = ledger.documents(with_text=True)
    hidden_conflicts = max(0, len(conflicts) - max_conflicts)
    conflicts = conflicts[:max_conflicts]
    keep = {c.source or "" for conflict in conflicts for c in conflict.claims}
    shown = _chosen_documents(documents, keep, max_documents)
    by_source: dict[str | None, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_source[claim.source].append(claim)
    views = []
    linked: set[int] = set()
    for doc in shown:
        doc_claims = by_source.get(doc.source, [])
        segments = segment_text(doc.text, doc_claims, doc.turns)
        linked |= {s.claim.id for s in segments if s.claim is not None and s.claim.id is not None}
        views.append(
            DocumentView(
                document=doc,
                anchor=f"d{doc.id}",
                segments=tuple(segments),
                claims=len(doc_claims),
            )
        )
    metrics = summarize_metrics(claims, labels=labels)
    kinds = {c.id: c.kind.value for c in conflicts if c.id is not None}
    by_metric: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_metric[claim.metric].append(claim)
    conflicts_of: dict[str, list[Conflict]] = defaultdict(list)
    for conflict in conflicts:
        conflicts_of[conflict.metric].append(conflict)
    charts: list[Chart] = []
    for summary in metrics:
        if not summary.metric or summary.claims < 2 or len(charts) >= max_charts:
            continue
        points = build_timeline(
            by_metric[summary.metric], summary.metric, conflicts=conflicts_of[summary.metric]
        )
        chart = build_chart(
            points, metric=summary.metric, label=summary.label, conflict_kinds=kinds
        )
        if chart is not None:
            charts.append(chart)
    threads = agreement_registry(ledger.agreements())
    return Report(
        generated=datetime.now(UTC).replace(microsecond=0),
        counts=ledger.count(),
        documents=tuple(views),
        omitted_documents=len(documents) - len(shown),
        speakers=_speakers(claims, documents),
        metrics=tuple(metrics),
        charts=tuple(charts),
        conflicts=tuple(conflicts),
        hidden_conflicts=hidden_conflicts,
        incomparable=tuple(find_incomparable(claims)),
        linked=frozenset(linked),
        anchors={v.document.source: v.anchor for v in views},
        conflicted=frozenset(c.id for k in conflicts for c in k.claims if c.id is not None),
        agreements=tuple(threads[:MAX_AGREEMENTS]),
        hidden_agreements=max(0, len(threads) - MAX_AGREEMENTS),
        tracker=commitment_tracker(
            ledger.commitments(), ledger.followups(), today=datetime.now(UTC).date()
        ),
    )


def render_html(report: Report) -> str:
    """One self-contained HTML page (no network): inline CSS, inline SVG, autoescaped text."""
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(
        loader=PackageLoader("communique.present", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["amount"] = lambda claim: format_amount(claim.value, claim.unit)
    env.filters["figure"] = figure
    env.globals["LITERAL"], env.globals["ORDINARY"] = LITERAL, ORDINARY
    env.globals["describe_metric"] = describe_metric
    env.globals["describe_moment"] = describe_moment
    return env.get_template("report.html.j2").render(r=report)


def _review_line(conflict: Conflict) -> str:
    review = conflict.review
    if review is None:
        return ""
    return f"\n{review.verdict.value}" + (f": {review.note}" if review.note else "")


def report_renderables(report: Report, *, limit: int = 20) -> list[RenderableType]:
    """The terminal summary as Rich renderables: counts, conflicts with quotes, metrics."""
    from rich.table import Table
    from rich.text import Text

    out: list[RenderableType] = []
    counts = Table(title="communique ledger", title_justify="left")
    for name in (*report.counts, "speakers", "metrics"):
        counts.add_column(name, justify="right")
    counts.add_row(
        *(str(v) for v in report.counts.values()),
        str(len(report.speakers)),
        str(len([m for m in report.metrics if m.metric])),
    )
    out.append(counts)
    if report.conflicts:
        total = len(report.conflicts) + report.hidden_conflicts
        table = Table(title=f"Conflicts ({total})", title_justify="left")
        table.add_column("#", justify="right")
        table.add_column("kind")
        table.add_column("confidence", justify="right")
        table.add_column("what was said", ratio=1)
        colours = {Severity.HIGH: "red", Severity.MEDIUM: "yellow", Severity.LOW: "dim"}
        for conflict in report.conflicts[:limit]:
            quotes = "\n".join(
                f"• “{c.quote}” — {c.speaker or 'unknown'}, {c.document_date or 'undated'}, "
                f"{c.source}"
                for c in conflict.claims
            )
            table.add_row(
                str(conflict.id or ""),
                conflict.kind.value,
                Text(f"{conflict.confidence:.2f}", style=colours[conflict.severity]),
                Text(conflict.explanation + "\n")
                + Text(quotes, style="dim")
                + Text(_review_line(conflict), style="green"),
            )
        out.append(table)
        if total > limit:
            out.append(
                Text(
                    f"… and {total - limit} more: `communique export conflicts` lists them all",
                    style="dim",
                )
            )
    else:
        out.append(Text("No conflicts found.", style="green"))
    for note in report.incomparable[:limit]:
        out.append(Text(f"note: {note.note}", style="dim"))
    if report.metrics:
        table = Table(title="Metrics with the most claims", title_justify="left")
        for name in ("metric", "claims", "documents", "first", "last"):
            table.add_column(name, justify="left" if name == "metric" else "right")
        for m in report.metrics[:limit]:
            table.add_row(
                m.metric or "(none)",
                str(m.claims),
                str(m.documents),
                str(m.first or ""),
                str(m.last or ""),
            )
        out.append(table)
    return out


__all__ = [
    "MAX_CHARTS",
    "MAX_CONFLICTS",
    "MAX_DOCUMENTS",
    "DocumentView",
    "Report",
    "Segment",
    "SpeakerView",
    "build_report",
    "render_html",
    "report_renderables",
    "segment_text",
]
