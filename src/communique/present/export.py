"""Exports: documents, claims, conflicts, agreements and commitments as JSONL or CSV
(Parquet with the `parquet` extra).

The record fields are the contract of shared/eval/README.md: keep them stable. Dates are ISO
strings, amounts are JSON numbers in base units, and everything carries its `source`.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from typing import IO, TYPE_CHECKING, Any, Protocol

from communique._optional import require
from communique.models import (
    Agreement,
    Claim,
    Commitment,
    Conflict,
    Document,
    Entry,
    FollowUp,
    Period,
    Review,
)
from communique.present.figures import Figure, Range, figure
from communique.present.formats import ExportFormat, Record
from communique.reconcile.canon import describe_metric

if TYPE_CHECKING:
    from communique.reconcile.timelines import MetricSummary, TimelinePoint


class Exporter(Protocol):
    def write(self, records: Iterable[Record], stream: IO[Any]) -> int: ...


def _number(value: Decimal | None) -> int | float | None:
    """A Decimal as a JSON number: an int when whole, else a float."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _period(period: Period | None) -> dict[str, str] | None:
    return (
        None
        if period is None
        else {"start": period.start.isoformat(), "end": period.end.isoformat()}
    )


def claim_record(claim: Claim) -> Record:
    """One claim as the scorer and users read it, with its figure as every surface shows it
    (`figure_fields`)."""
    record: Record = {
        "id": claim.id,
        "source": claim.source,
        "speaker": claim.speaker,
        "quote": claim.quote,
        "value": _number(claim.value),
        "unit": claim.unit,
        "qualifier": claim.qualifier.value,
        "low": _number(claim.low),
        "high": _number(claim.high),
        "step": _number(claim.step),
        "metric": claim.metric,
        "metric_phrase": claim.metric_phrase,
        "indicator": claim.indicator,
        "scope": claim.scope,
        "subject": claim.subject,
        "object": claim.object,
        "period": _period(claim.period),
        "as_of": claim.as_of.isoformat() if claim.as_of else None,
        "time_source": None if claim.time_source is None else claim.time_source.value,
        "modality": claim.modality.value,
        "vague": claim.vague,
        "enumeration": claim.enumeration,
        "start": claim.span.start,
        "end": claim.span.end,
        "sentence": None
        if claim.sentence is None
        else {"start": claim.sentence.start, "end": claim.sentence.end},
        "document_date": claim.document_date.isoformat() if claim.document_date else None,
        "extractor": claim.extractor,
    }
    record.update(figure_fields(figure(claim)))
    return record


def figure_fields(shown: Figure) -> Record:
    """The figure's interval and time as `present.figures` shows them: `low`/`high` are the
    literal interval, `ordinary_low`/`ordinary_high` the ordinary reading, `when` the period
    or moment in words."""
    return {
        "low": _number(shown.literal.low),
        "high": _number(shown.literal.high),
        "ordinary_low": _number(shown.ordinary.low),
        "ordinary_high": _number(shown.ordinary.high),
        "when": shown.when,
    }


# The flat claim table for spreadsheets: one value a cell, named for what it holds.
FLAT_CLAIM_FIELDS = (
    "id",
    "document_title",
    "document_date",
    "url",
    "source",
    "speaker",
    "quote",
    "sentence",
    "value",
    "unit",
    "amount",
    "qualifier",
    "low",
    "high",
    "literal",
    "ordinary_low",
    "ordinary_high",
    "ordinary",
    "metric",
    "metric_label",
    "metric_phrase",
    "subject",
    "object",
    "when",
    "period_start",
    "period_end",
    "as_of",
    "modality",
    "start",
    "end",
    "extractor",
)


def flat_claim_record(claim: Claim, *, title: str | None, url: str | None, sentence: str) -> Record:
    """One claim as one spreadsheet row (`FLAT_CLAIM_FIELDS`): the sentence it was said in,
    its document's title and address, its period as two dates, both intervals."""
    shown = figure(claim)
    return {
        "id": claim.id,
        "document_title": title,
        "document_date": claim.document_date.isoformat() if claim.document_date else None,
        "url": url,
        "source": claim.source,
        "speaker": claim.speaker,
        "quote": claim.quote,
        "sentence": " ".join(sentence.split()),
        "value": _number(claim.value),
        "unit": claim.unit,
        "amount": shown.amount,
        "qualifier": claim.qualifier.value,
        "low": _number(shown.literal.low),
        "high": _number(shown.literal.high),
        "literal": shown.literal.text,
        "ordinary_low": _number(shown.ordinary.low),
        "ordinary_high": _number(shown.ordinary.high),
        "ordinary": shown.ordinary.text,
        "metric": claim.metric,
        "metric_label": describe_metric(claim.metric),
        "metric_phrase": claim.metric_phrase,
        "subject": claim.subject,
        "object": claim.object,
        "when": shown.when,
        "period_start": shown.period_start.isoformat() if shown.period_start else None,
        "period_end": shown.period_end.isoformat() if shown.period_end else None,
        "as_of": shown.as_of.isoformat() if shown.as_of else None,
        "modality": claim.modality.value,
        "start": claim.span.start,
        "end": claim.span.end,
        "extractor": claim.extractor,
    }


def timeline_record(point: TimelinePoint) -> Record:
    """One point of a metric's timeline (`communique timeline --json`)."""
    claim = point.claim
    shown = figure(claim)
    return {
        "id": claim.id,
        "when": shown.when,
        "period_start": shown.period_start.isoformat() if shown.period_start else None,
        "period_end": shown.period_end.isoformat() if shown.period_end else None,
        "as_of": shown.as_of.isoformat() if shown.as_of else None,
        "quote": claim.quote,
        "value": _number(claim.value),
        "unit": claim.unit,
        "amount": shown.amount,
        "qualifier": claim.qualifier.value,
        "literal": _range(shown.literal),
        "ordinary": _range(shown.ordinary),
        "modality": claim.modality.value,
        "speaker": claim.speaker,
        "document_date": claim.document_date.isoformat() if claim.document_date else None,
        "source": claim.source,
        "conflicts": list(point.conflicts),
    }


def metric_record(summary: MetricSummary) -> Record:
    """One metric as `communique metrics --json` lists it."""
    return {
        "metric": summary.metric,
        "label": summary.label,
        "claims": summary.claims,
        "documents": summary.documents,
        "units": list(summary.units),
        "phrasings": list(summary.phrasings),
        "first": summary.first.isoformat() if summary.first else None,
        "last": summary.last.isoformat() if summary.last else None,
    }


def _range(shown: Range) -> Record:
    return {"low": _number(shown.low), "high": _number(shown.high), "text": shown.text}


def _entry(entry: Entry) -> Record:
    """What every entry's record carries: where it was said, by whom, by which extractor."""
    return {
        "id": entry.id,
        "source": entry.source,
        "speaker": entry.speaker,
        "quote": entry.quote,
        "start": entry.span.start,
        "end": entry.span.end,
        "sentence": None
        if entry.sentence is None
        else {"start": entry.sentence.start, "end": entry.sentence.end},
        "document_date": entry.document_date.isoformat() if entry.document_date else None,
        "extractor": entry.extractor,
    }


def agreement_record(agreement: Agreement) -> Record:
    """One agreement as the scorer and users read it (shared/eval/README.md)."""
    return {
        **_entry(agreement),
        "name": agreement.name,
        "kind": agreement.kind.value,
        "parties": list(agreement.parties),
        "status": agreement.status.value,
        "date": agreement.date.isoformat() if agreement.date else None,
        "mentions": agreement.mentions,
        "thread": agreement.thread,
    }


def followup_record(followup: FollowUp) -> Record:
    """One later statement about a commitment."""
    return {
        **_entry(followup),
        "status": followup.status.value,
        "later_commitment_id": followup.later_commitment_id,
    }


def commitment_record(commitment: Commitment, history: Iterable[FollowUp] = ()) -> Record:
    """One commitment as the scorer and users read it (shared/eval/README.md), with what
    later statements reported of it."""
    return {
        **_entry(commitment),
        "actor": list(commitment.actor),
        "action": commitment.action,
        "kind": commitment.kind.value,
        "due": _period(commitment.due),
        "history": [followup_record(f) for f in history],
    }


def commitment_records(
    commitments: Iterable[Commitment], followups: Iterable[FollowUp]
) -> Iterator[Record]:
    """Commitment records, each with its follow-ups."""
    history: dict[int, list[FollowUp]] = {}
    for f in followups:
        history.setdefault(f.commitment_id, []).append(f)
    return (commitment_record(c, history.get(c.id or 0, ())) for c in commitments)


def document_record(doc: Document) -> Record:
    return {
        "id": doc.id,
        "source": doc.source,
        "title": doc.title,
        "date": doc.date.isoformat() if doc.date else None,
        # "day" unless the source gave less: a "year" date is stored as its 1 January
        "date_precision": doc.date_precision.value if doc.date_precision else None,
        "place": doc.place,
        "publisher": doc.publisher,
        "url": doc.url,
        "participants": list(doc.participants),
        "countries": list(doc.countries),
        "content_hash": doc.content_hash,
        "turns": [
            {
                "speaker": t.speaker,
                "label": t.label,
                "role": t.role,
                "country": t.country,
                "start": t.span.start,
                "end": t.span.end,
            }
            for t in doc.turns
        ],
    }


def review_record(review: Review | None) -> Record | None:
    """An analyst's verdict as written out: verdict, note, when (ISO), the claims judged."""
    if review is None:
        return None
    return {
        "verdict": review.verdict.value,
        "note": review.note,
        "at": review.at.isoformat(timespec="seconds") if review.at else None,
        "claims": list(review.claims),
    }


def conflict_record(conflict: Conflict) -> Record:
    return {
        "id": conflict.id,
        "kind": conflict.kind.value,
        "severity": conflict.severity.value,
        "confidence": round(conflict.confidence, 3),
        "metric": conflict.metric,
        "period": _period(conflict.period),
        "as_of": conflict.as_of.isoformat() if conflict.as_of else None,
        "explanation": conflict.explanation,
        "reasons": list(conflict.reasons),
        "review": review_record(conflict.review),
        "claims": [claim_record(c) for c in conflict.claims],
    }


class JsonlExporter:
    def write(self, records: Iterable[Record], stream: IO[Any]) -> int:
        n = 0
        for record in records:
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            n += 1
        return n


def _flat(record: Record) -> Record:
    """Nested fields as JSON text, so that a CSV row stays one row."""
    return {
        k: json.dumps(v, ensure_ascii=False) if isinstance(v, dict | list) else v
        for k, v in record.items()
    }


class CsvExporter:
    def write(self, records: Iterable[Record], stream: IO[Any]) -> int:
        writer: csv.DictWriter[str] | None = None
        n = 0
        for record in records:
            row = _flat(record)
            if writer is None:
                writer = csv.DictWriter(stream, fieldnames=list(row), lineterminator="\n")
                writer.writeheader()
            writer.writerow(row)
            n += 1
        return n


def csv_lines(records: Iterable[Record], *, fields: Sequence[str] = ()) -> Iterator[str]:
    """CSV text a row at a time, for streaming: the header (`fields`, else the first record's
    keys) first, even when no record follows."""
    buffer = io.StringIO()
    writer: csv.DictWriter[str] | None = None
    if fields:
        writer = csv.DictWriter(buffer, fieldnames=list(fields), lineterminator="\n")
        writer.writeheader()
    for record in records:
        row = _flat(record)
        if writer is None:
            writer = csv.DictWriter(buffer, fieldnames=list(row), lineterminator="\n")
            writer.writeheader()
        writer.writerow(row)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    if buffer.getvalue():
        yield buffer.getvalue()


class ParquetExporter:
    """Parquet needs a binary stream and the `parquet` extra (pyarrow)."""

    def write(self, records: Iterable[Record], stream: IO[Any]) -> int:
        pa = require("pyarrow", extra="parquet")
        pq = require("pyarrow.parquet", extra="parquet")
        rows = [_flat(r) for r in records]
        table = pa.Table.from_pylist(rows)
        pq.write_table(table, stream)
        return len(rows)


EXPORTERS: dict[ExportFormat, Exporter] = {
    ExportFormat.JSONL: JsonlExporter(),
    ExportFormat.CSV: CsvExporter(),
    ExportFormat.PARQUET: ParquetExporter(),
}


def iter_records(kind: str, items: Iterable[Any]) -> Iterator[Record]:
    """Records of one kind ("documents", "claims", "conflicts", "agreements", "commitments")
    from ledger values."""
    converters: dict[str, Callable[[Any], Record]] = {
        "documents": document_record,
        "claims": claim_record,
        "conflicts": conflict_record,
        "agreements": agreement_record,
        "commitments": commitment_record,
    }
    convert = converters[kind]
    return (convert(item) for item in items)
