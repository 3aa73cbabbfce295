"""The REST API's bodies (pydantic, used only here at the edge) and their builders from models."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any
from urllib.parse import quote

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import to_json

from communique.models import (
    Agreement,
    AgreementKind,
    AgreementStatus,
    Claim,
    Commitment,
    CommitmentKind,
    Conflict,
    ConflictKind,
    DatePrecision,
    Document,
    FollowUp,
    Modality,
    Period,
    Progress,
    Qualifier,
    Review,
    Severity,
    Span,
    TimeSource,
    Turn,
    Verdict,
)
from communique.present.figures import Figure, figure
from communique.reconcile.timelines import MetricSummary, TimelinePoint
from communique.store.browse import ClaimListing, DocumentSummary, SpeakerSummary, listing_claim
from communique.store.facets import Facet, FacetCounts
from communique.store.ledger import SearchHit


def _iso_date(value: object) -> object:
    """Only YYYY-MM-DD text (or a date): pydantic's lax mode would read 0 as 1970-01-01."""
    if isinstance(value, str) and not _ISO_DATE.fullmatch(value):
        raise ValueError("expected a date as YYYY-MM-DD")
    if isinstance(value, int | float | bool):
        raise ValueError("expected a date as YYYY-MM-DD")
    return value


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
IsoDate = Annotated[date, BeforeValidator(_iso_date)]
Day = date  # a field named `date` would shadow the type inside a model


class _Out(BaseModel):
    model_config = ConfigDict(frozen=True)


class ErrorDetail(_Out):
    code: str = Field(description="Stable machine-readable reason, e.g. not-found, bad-parameter.")
    message: str = Field(description="What went wrong, for a person.")
    details: list[str] | None = Field(default=None, description="One line per bad field.")


class ErrorResponse(_Out):
    """Every API error has this shape, whatever the status code."""

    error: ErrorDetail


class PeriodOut(_Out):
    start: date
    end: date


class SpanOut(_Out):
    start: int
    end: int


class ClaimOut(_Out):
    id: int
    document_id: int | None
    source: str | None
    document_date: date | None
    speaker: str
    quote: str
    value: float
    unit: str
    qualifier: Qualifier
    low: float | None = Field(description="Lower end of the interval the hedge implies.")
    high: float | None = Field(description="Upper end of the interval the hedge implies.")
    step: float | None = Field(description="Place value of the number's last digit as written.")
    metric: str
    metric_phrase: str
    indicator: str = Field(description="The recognised indicator, or empty.")
    scope: str | None = Field(description="The region, sector or group it is said of.")
    subject: str | None
    object: str | None
    period: PeriodOut | None
    as_of: date | None
    time_source: TimeSource | None = Field(
        description="How the period or as-of date was established."
    )
    modality: Modality
    vague: bool = Field(description="A vague plural read as a lower bound ('thousands of').")
    enumeration: int | None = Field(
        description="Offset where the list of parallel figures it belongs to starts."
    )
    span: SpanOut = Field(description="Half-open offsets of the quote in the document text.")
    sentence: SpanOut | None
    extractor: str
    amount: str = Field(description="The value as people read it: $25.6 bn, 24,000, 10%.")
    literal: str = Field(description="The literal interval (`low`..`high`) in words.")
    ordinary_low: float | None = Field(
        description="Lower end of the hedge in ordinary reading (what a listener takes it to "
        "mean: 'exceeded $21 billion' is a little above 21)."
    )
    ordinary_high: float | None = Field(description="Upper end in ordinary reading.")
    ordinary: str = Field(description="The ordinary reading in words.")
    when: str = Field(description="The period or moment in words: 2021, as of 2024-11-27.")
    links: dict[str, str]


class AgreementOut(_Out):
    id: int
    document_id: int | None
    source: str | None
    document_date: Day | None
    speaker: str
    name: str = Field(description="The name as written, or a descriptive phrase.")
    quote: str
    kind: AgreementKind
    parties: list[str] = Field(description="ISO alpha-2 codes and organisation acronyms.")
    status: AgreementStatus
    date: Day | None = Field(description="When it was signed or adopted, if the text says.")
    mentions: int = Field(description="How often the document names it.")
    thread: int | None = Field(
        description="Id of the first stored mention of the same agreement, across documents."
    )
    span: SpanOut = Field(description="Half-open offsets of the name in the document text.")
    sentence: SpanOut | None
    extractor: str
    links: dict[str, str]


class FollowUpOut(_Out):
    status: Progress = Field(description="done, delayed, changed or restated")
    source: str | None
    document_date: Day | None
    speaker: str
    quote: str = Field(description="The later sentence or commitment, as written.")
    span: SpanOut
    later_commitment_id: int | None


class CommitmentOut(_Out):
    id: int
    document_id: int | None
    source: str | None
    document_date: date | None
    speaker: str
    actor: list[str] = Field(description="ISO codes, acronyms or a person's canonical name.")
    quote: str = Field(description="The clause stating the commitment.")
    action: str
    kind: CommitmentKind
    due: PeriodOut | None = Field(description="When it should happen, if the text says.")
    span: SpanOut = Field(description="Half-open offsets of the quote in the document text.")
    sentence: SpanOut | None
    extractor: str
    history: list[FollowUpOut] = Field(description="What later statements reported of it.")
    links: dict[str, str]


class TurnOut(_Out):
    seq: int
    speaker: str
    label: str
    role: str | None
    country: str | None
    span: SpanOut


class DocumentSummaryOut(_Out):
    id: int
    source: str
    title: str | None
    date: Day | None
    place: str | None
    publisher: str | None
    url: str | None
    participants: list[str]
    countries: list[str]
    turns: int
    claims: int
    links: dict[str, str]


class DocumentOut(_Out):
    id: int
    source: str
    title: str | None
    date: Day | None
    date_precision: DatePrecision | None = Field(
        description="How much of the date the source gave: a year-only date is stored as its"
        " first day, so `date` alone would overstate it."
    )
    place: str | None
    publisher: str | None
    url: str | None
    participants: list[str]
    countries: list[str]
    content_hash: str
    text: str = Field(description="The normalised text every span points into.")
    turns: list[TurnOut]
    claims: list[ClaimOut]
    links: dict[str, str]


class MetricOut(_Out):
    metric: str
    claims: int
    documents: int
    units: list[str]
    phrasings: list[str]
    first: date | None
    last: date | None
    links: dict[str, str]


class TimelinePointOut(_Out):
    when: date | None = Field(description="Period end, else as-of date, else document date.")
    claim: ClaimOut


class MetricDetailOut(MetricOut):
    timeline: list[TimelinePointOut]


class ReviewOut(_Out):
    verdict: Verdict
    note: str
    at: datetime | None
    claims: list[str] = Field(
        description="Identities of the claims judged (content hash prefix:start-end:value)."
    )


class ConflictOut(_Out):
    id: int
    kind: ConflictKind
    severity: Severity
    confidence: float = Field(description="0..1: how sure the evidence makes the contradiction.")
    metric: str
    explanation: str
    reasons: list[str] = Field(description="The evidence, in plain words.")
    review: ReviewOut | None = Field(description="The analyst's verdict, if any.")
    period: PeriodOut | None
    as_of: date | None
    claims: list[ClaimOut]


class ReviewIn(BaseModel):
    """An analyst's verdict on a conflict."""

    model_config = ConfigDict(extra="forbid")

    verdict: Verdict
    note: str = Field(default="", max_length=4000)


class SearchHitOut(_Out):
    document_id: int
    source: str
    title: str | None
    date: Day | None
    snippet: str = Field(description="Text around the match; matched words wrapped in [[ ]].")
    links: dict[str, str]


class SpeakerOut(_Out):
    speaker: str
    country: str | None
    turns: int
    claims: int


class _Page(_Out):
    total: int = Field(description="How many items match, across all pages.")
    limit: int
    offset: int
    next: str | None = Field(
        default=None,
        description="Path of the next page (the same filters, the offset moved on); null on "
        "the last page.",
    )


class DocumentPage(_Page):
    items: list[DocumentSummaryOut]


class ClaimPage(_Page):
    next: str | None = Field(
        None,
        description="Path of the next page (keyset: `after` this page's last id); null on "
        "the last page.",
    )
    items: list[ClaimOut]


class MetricPage(_Page):
    items: list[MetricOut]


class ConflictPage(_Page):
    next: str | None = Field(
        None,
        description="Path of the next page (keyset: `after` this page's last id); null on "
        "the last page.",
    )
    items: list[ConflictOut]


class AgreementPage(_Page):
    items: list[AgreementOut]


class CommitmentPage(_Page):
    items: list[CommitmentOut]


class SearchPage(_Page):
    query: str
    items: list[SearchHitOut]


class SpeakerPage(_Page):
    items: list[SpeakerOut]


class FacetValueOut(_Out):
    value: str
    claims: int = Field(description="How many of the filtered claims have this value.")


class FacetOut(_Out):
    facet: Facet
    values: list[FacetValueOut] = Field(description="The most claimed first (years: latest).")
    more: bool = Field(description="Other values exist beyond these.")


class FacetsOut(_Out):
    total: int = Field(description="How many claims the filters match.")
    facets: list[FacetOut]


class NameOut(_Out):
    value: str
    claims: int


class SuggestOut(_Out):
    field: str
    q: str
    items: list[NameOut]


class DocumentIn(BaseModel):
    """A document to ingest; only `text` is required."""

    model_config = ConfigDict(extra="forbid")

    id: Annotated[str, Field(min_length=1, max_length=512)] | None = Field(
        default=None, description="Source name; re-posting the same id replaces that document."
    )
    title: Annotated[str, Field(max_length=2000)] | None = None
    date: IsoDate | None = None
    url: Annotated[str, Field(max_length=2048)] | None = None
    text: str = Field(min_length=1, description="The statement's text (plain text or Markdown).")


class IngestOut(_Out):
    status: str = Field(description="new, unchanged or replaced")
    document: DocumentSummaryOut | None
    claims: int
    conflicts: int


# -- builders -------------------------------------------------------------------------------


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _period(period: Period | None) -> PeriodOut | None:
    return None if period is None else PeriodOut(start=period.start, end=period.end)


def _span(span: Span | None) -> SpanOut | None:
    return None if span is None else SpanOut(start=span.start, end=span.end)


def _claim_links(claim_id: int | None, document_id: int | None, metric: str) -> dict[str, str]:
    links = {"self": f"/api/claims/{claim_id}", "html": f"/claims/{claim_id}"}
    if document_id is not None:
        links["document"] = f"/api/documents/{document_id}"
        links["passage"] = f"/documents/{document_id}#c{claim_id}"
    if metric:
        links["metric"] = f"/api/metrics/{quote(metric, safe='')}"
    return links


def claim_fields(c: ClaimListing) -> dict[str, Any]:
    """The fields of `claim_out` for a listed claim, as plain values in the model's order, for
    serialising straight to JSON: building each claim's models (and validating the page again)
    took most of a page's time. The same body as `claim_out` (tests compare them)."""
    period = None
    if c.period_start and c.period_end:
        period = {"start": c.period_start, "end": c.period_end}
    sentence = None
    if c.sentence_start is not None and c.sentence_end is not None:
        sentence = {"start": c.sentence_start, "end": c.sentence_end}
    fields = {
        "id": c.id,
        "document_id": c.document_id,
        "source": c.source,
        "document_date": c.document_date,
        "speaker": c.speaker,
        "quote": c.quote,
        "value": float(c.value_text),  # the float of the Decimal that `Claim` would hold
        "unit": c.unit,
        "qualifier": c.qualifier,
        "low": None if c.low is None else float(c.low),
        "high": None if c.high is None else float(c.high),
        "step": None if c.step is None else float(c.step),
        "metric": c.metric,
        "metric_phrase": c.metric_phrase,
        "indicator": c.indicator,
        "scope": c.scope,
        "subject": c.subject,
        "object": c.object,
        "period": period,
        "as_of": c.as_of,
        "time_source": c.time_source,
        "modality": c.modality,
        "vague": c.vague,
        "enumeration": c.enumeration,
        "span": {"start": c.start, "end": c.end},
        "sentence": sentence,
        "extractor": c.extractor,
        **_figure_fields(shown := figure(listing_claim(c))),
        "links": _claim_links(c.id, c.document_id, c.metric),
    }
    fields["low"], fields["high"] = _number(shown.literal.low), _number(shown.literal.high)
    return fields


def _figure_fields(shown: Figure) -> dict[str, Any]:
    """A claim's figure as `present.figures` shows it on every surface."""
    return {
        "amount": shown.amount,
        "literal": shown.literal.text,
        "ordinary_low": _number(shown.ordinary.low),
        "ordinary_high": _number(shown.ordinary.high),
        "ordinary": shown.ordinary.text,
        "when": shown.when,
    }


def fields_json(fields: dict[str, Any]) -> bytes:
    """Plain fields (`claim_fields`, or a page of them) as JSON, as their model would write it."""
    return to_json(fields, inf_nan_mode="null")  # the models' ser_json_inf_nan default


def claim_out(claim: Claim, document_id: int | None) -> ClaimOut:
    links = _claim_links(claim.id, document_id, claim.metric)
    shown = figure(claim)
    return ClaimOut(
        id=claim.id or 0,
        document_id=document_id,
        source=claim.source,
        document_date=claim.document_date,
        speaker=claim.speaker,
        quote=claim.quote,
        value=float(claim.value),
        unit=claim.unit,
        qualifier=claim.qualifier,
        low=_number(shown.literal.low),
        high=_number(shown.literal.high),
        step=_number(claim.step),
        metric=claim.metric,
        metric_phrase=claim.metric_phrase,
        indicator=claim.indicator,
        scope=claim.scope,
        subject=claim.subject,
        object=claim.object,
        period=_period(claim.period),
        as_of=claim.as_of,
        time_source=claim.time_source,
        modality=claim.modality,
        vague=claim.vague,
        enumeration=claim.enumeration,
        span=SpanOut(start=claim.span.start, end=claim.span.end),
        sentence=_span(claim.sentence),
        extractor=claim.extractor,
        **_figure_fields(shown),
        links=links,
    )


def _doc_links(doc_id: int) -> dict[str, str]:
    return {"self": f"/api/documents/{doc_id}", "html": f"/documents/{doc_id}"}


def document_summary_out(doc: DocumentSummary) -> DocumentSummaryOut:
    return DocumentSummaryOut(
        id=doc.id,
        source=doc.source,
        title=doc.title,
        date=doc.date,
        place=doc.place,
        publisher=doc.publisher,
        url=doc.url,
        participants=list(doc.participants),
        countries=list(doc.countries),
        turns=doc.turns,
        claims=doc.claims,
        links=_doc_links(doc.id),
    )


def turn_out(seq: int, turn: Turn) -> TurnOut:
    return TurnOut(
        seq=seq,
        speaker=turn.speaker,
        label=turn.label,
        role=turn.role,
        country=turn.country,
        span=SpanOut(start=turn.span.start, end=turn.span.end),
    )


def document_out(doc: Document) -> DocumentOut:
    doc_id = doc.id or 0
    return DocumentOut(
        id=doc_id,
        source=doc.source,
        title=doc.title,
        date=doc.date,
        date_precision=doc.date_precision,
        place=doc.place,
        publisher=doc.publisher,
        url=doc.url,
        participants=list(doc.participants),
        countries=list(doc.countries),
        content_hash=doc.content_hash,
        text=doc.text,
        turns=[turn_out(i, t) for i, t in enumerate(doc.turns)],
        claims=[claim_out(c, doc_id) for c in doc.claims],
        links=_doc_links(doc_id),
    )


def metric_out(summary: MetricSummary) -> MetricOut:
    key = quote(summary.metric, safe="")
    return MetricOut(
        metric=summary.metric,
        claims=summary.claims,
        documents=summary.documents,
        units=list(summary.units),
        phrasings=list(summary.phrasings),
        first=summary.first,
        last=summary.last,
        links={"self": f"/api/metrics/{key}", "html": f"/metrics/{key}"},
    )


def metric_detail_out(
    summary: MetricSummary, points: list[TimelinePoint], doc_ids: dict[str, int]
) -> MetricDetailOut:
    return MetricDetailOut(
        **metric_out(summary).model_dump(),
        timeline=[
            TimelinePointOut(
                when=p.when, claim=claim_out(p.claim, doc_ids.get(p.claim.source or ""))
            )
            for p in points
        ],
    )


def review_out(review: Review | None) -> ReviewOut | None:
    if review is None:
        return None
    return ReviewOut(
        verdict=review.verdict, note=review.note, at=review.at, claims=list(review.claims)
    )


def conflict_out(conflict: Conflict, doc_ids: dict[str, int]) -> ConflictOut:
    return ConflictOut(
        id=conflict.id or 0,
        kind=conflict.kind,
        severity=conflict.severity,
        confidence=round(conflict.confidence, 3),
        metric=conflict.metric,
        explanation=conflict.explanation,
        reasons=list(conflict.reasons),
        review=review_out(conflict.review),
        period=_period(conflict.period),
        as_of=conflict.as_of,
        claims=[claim_out(c, doc_ids.get(c.source or "")) for c in conflict.claims],
    )


def facet_out(counts: FacetCounts) -> FacetOut:
    return FacetOut(
        facet=counts.facet,
        values=[FacetValueOut(value=v.value, claims=v.claims) for v in counts.values],
        more=counts.more,
    )


def search_hit_out(hit: SearchHit) -> SearchHitOut:
    return SearchHitOut(
        document_id=hit.document_id,
        source=hit.source,
        title=hit.title,
        date=hit.date,
        snippet=hit.snippet,
        links=_doc_links(hit.document_id),
    )


def speaker_out(speaker: SpeakerSummary) -> SpeakerOut:
    return SpeakerOut(
        speaker=speaker.speaker, country=speaker.country, turns=speaker.turns, claims=speaker.claims
    )


def agreement_out(a: Agreement, document_id: int | None) -> AgreementOut:
    return AgreementOut(
        id=a.id or 0,
        document_id=document_id,
        source=a.source,
        document_date=a.document_date,
        speaker=a.speaker,
        name=a.name,
        quote=a.quote,
        kind=a.kind,
        parties=list(a.parties),
        status=a.status,
        date=a.date,
        mentions=a.mentions,
        thread=a.thread,
        span=SpanOut(start=a.span.start, end=a.span.end),
        sentence=_span(a.sentence),
        extractor=a.extractor,
        links={"self": f"/api/agreements/{a.id}"}
        | ({"document": f"/api/documents/{document_id}"} if document_id else {}),
    )


def followup_out(f: FollowUp) -> FollowUpOut:
    return FollowUpOut(
        status=f.status,
        source=f.source,
        document_date=f.document_date,
        speaker=f.speaker,
        quote=f.quote,
        span=SpanOut(start=f.span.start, end=f.span.end),
        later_commitment_id=f.later_commitment_id,
    )


def commitment_out(
    c: Commitment, document_id: int | None, history: Sequence[FollowUp] = ()
) -> CommitmentOut:
    return CommitmentOut(
        id=c.id or 0,
        document_id=document_id,
        source=c.source,
        document_date=c.document_date,
        speaker=c.speaker,
        actor=list(c.actor),
        quote=c.quote,
        action=c.action,
        kind=c.kind,
        due=_period(c.due),
        span=SpanOut(start=c.span.start, end=c.span.end),
        sentence=_span(c.sentence),
        extractor=c.extractor,
        history=[followup_out(f) for f in history],
        links={"self": f"/api/commitments/{c.id}"}
        | ({"document": f"/api/documents/{document_id}"} if document_id else {}),
    )
