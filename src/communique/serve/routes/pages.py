"""The web UI: overview, documents, claims, metrics, conflicts, search, and the API docs page."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, Response

from communique.models import Conflict, ConflictKind, Modality, Qualifier, Severity, Verdict
from communique.present.charts import build_chart
from communique.reconcile.conflicts import board_order
from communique.reconcile.names import resolve_conflict_filter, resolve_filter
from communique.reconcile.records import track_record
from communique.reconcile.timelines import build_timeline, summarize_metrics
from communique.serve.passages import claim_context, document_blocks
from communique.serve.routes.claims import claim_filter, parse_sort
from communique.serve.web import (
    MAX_ID,
    MAX_LIMIT,
    STATIC,
    WHOLE,
    ApiError,
    ClaimId,
    ConflictId,
    DocumentId,
    LedgerDep,
    Offset,
    not_found,
    query_string,
    render,
)
from communique.store.board import (
    ConflictFilter,
    conflict_page,
    conflicts_by_ids,
    conflicts_of_claims,
    count_conflicts,
)
from communique.store.browse import (
    ClaimSort,
    claim_page,
    claims_by_ids,
    claims_for_metrics,
    count_documents,
    count_search,
    document_ids,
    document_summaries,
    metric_counts,
    speaker_summaries,
)
from communique.store.facets import FacetCounts, FacetValue, claim_facets
from communique.store.ledger import ClaimFilter

router = APIRouter(include_in_schema=False)

PAGE = 25  # rows per HTML page: a laptop screen or two
HOME_CONFLICTS = 6  # conflicts on the overview, the starkest first
_Text = Annotated[str | None, Query(max_length=256)]
T = TypeVar("T")


def _pages(total: int, offset: int, size: int = PAGE) -> dict[str, int | None]:
    return {
        "total": total,
        "offset": offset,
        "size": size,
        "prev": max(0, offset - size) if offset > 0 else None,
        "next": offset + size if offset + size < total else None,
    }


def _parse(kind: Callable[[str], T], name: str, value: str | None) -> T | None:
    """A form field: empty means any; a bad value is a 422 naming the field."""
    if not value:
        return None
    try:
        return kind(value)
    except ValueError as exc:
        raise ApiError(422, "bad-parameter", f"{name}: {value!r} is not valid") from exc


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, ledger: LedgerDep) -> HTMLResponse:
    counts = ledger.count()
    top, metric_total = metric_counts(ledger, limit=10)
    conflicts: list[Conflict] = []
    for severity in Severity:  # the starkest first, confirmed ones leading; none dismissed
        if len(conflicts) < HOME_CONFLICTS:
            where = ConflictFilter(severity=severity.value)
            found = conflict_page(ledger, where, limit=HOME_CONFLICTS, order=board_order)
            kept = [c for c in found if c.review is None or c.review.verdict != Verdict.DISMISSED]
            conflicts += kept[: HOME_CONFLICTS - len(conflicts)]
    sources = [c.source or "" for k in conflicts for c in k.claims]
    return render(
        "index.html",
        request,
        counts=counts,
        metrics_total=metric_total,
        documents=document_summaries(ledger, limit=10),
        top_metrics=top,
        conflicts=conflicts,
        doc_ids=document_ids(ledger, sources),
    )


@router.get("/documents", response_class=HTMLResponse)
def documents_page(request: Request, ledger: LedgerDep, offset: Offset = 0) -> HTMLResponse:
    return render(
        "documents.html",
        request,
        documents=document_summaries(ledger, limit=PAGE, offset=offset),
        pages=_pages(count_documents(ledger), offset),
    )


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document_page(request: Request, ledger: LedgerDep, document_id: DocumentId) -> HTMLResponse:
    doc = ledger.document(document_id)
    if doc is None:
        raise not_found("document", document_id)
    return render(
        "document.html",
        request,
        doc=doc,
        blocks=document_blocks(doc.text, doc.turns, doc.claims),
    )


@router.get("/claims", response_class=HTMLResponse)
def claims_page(
    request: Request,
    ledger: LedgerDep,
    metric: _Text = None,
    speaker: _Text = None,
    country: Annotated[str | None, Query(pattern="^[A-Za-z]{0,2}$")] = None,
    since: Annotated[str | None, Query(max_length=10)] = None,
    until: Annotated[str | None, Query(max_length=10)] = None,
    year: Annotated[str | None, Query(max_length=4)] = None,
    qualifier: _Text = None,
    modality: _Text = None,
    document: Annotated[int | None, Query(ge=1, le=MAX_ID), WHOLE] = None,
    text: _Text = None,
    sort: Annotated[str | None, Query(max_length=16)] = None,
    offset: Offset = 0,
) -> HTMLResponse:
    typed = replace(
        claim_filter(
            metric=metric or None,
            speaker=speaker or None,
            country=country or None,
            since=_parse(date.fromisoformat, "since", since),
            until=_parse(date.fromisoformat, "until", until),
            qualifier=_parse(Qualifier, "qualifier", qualifier),
            modality=_parse(Modality, "modality", modality),
            document=document,
            unit=None,
            text=text,
        ),
        year=_parse(_year, "year", year),
    )
    where = resolve_filter(ledger, typed)
    column, descending = parse_sort(_parse(_sort, "sort", sort))
    items, total = claim_page(
        ledger,
        where,
        limit=PAGE,
        offset=offset,
        sort=None if column is ClaimSort.ID and not descending else column,
        descending=descending,
    )
    filters = {
        "metric": metric or "",
        "speaker": speaker or "",
        "country": country or "",
        "since": since or "",
        "until": until or "",
        "year": year or "",
        "qualifier": qualifier or "",
        "modality": modality or "",
        "document": document or "",
        "text": text or "",
    }
    view = query_string(**filters, sort=sort or "")
    return render(
        "claims.html",
        request,
        claims=items,
        pages=_pages(total, offset),
        filters=filters,
        sort=sort or "",
        view=view,
        facets=_facet_links(claim_facets(ledger, where), filters, sort or ""),
        in_conflict=conflicts_of_claims(ledger, [c.claim.id or 0 for c in items]),
        qualifiers=list(Qualifier),
        modalities=list(Modality),
    )


def _facet_links(
    facets: list[FacetCounts], filters: dict[str, Any], sort: str
) -> list[tuple[FacetCounts, list[tuple[FacetValue, bool, str]]]]:
    """Each facet's values with whether the view is filtered by it, and the link that adds
    the value to the view's filters (or, when chosen, takes it off)."""
    out = []
    for counts in facets:
        name = counts.facet.value
        links = []
        for value in counts.values:
            chosen = str(filters.get(name, "")) == value.value
            view = query_string(**{**filters, name: "" if chosen else value.value}, sort=sort)
            links.append((value, chosen, view))
        out.append((counts, links))
    return out


def _year(value: str) -> int:
    year = int(value)
    if not 1 <= year <= 9999:
        raise ValueError(value)
    return year


def _sort(value: str) -> str:
    parse_sort(value)  # a ValueError names what is not a column
    return value


@router.get("/claims/{claim_id}", response_class=HTMLResponse)
def claim_view(request: Request, ledger: LedgerDep, claim_id: ClaimId) -> HTMLResponse:
    found = claims_by_ids(ledger, [claim_id])
    if not found:
        raise not_found("claim", claim_id)
    claim = found[0]
    doc = ledger.document(claim.source or "")
    if doc is None:
        raise not_found("document", claim.source)
    turn = next((t for t in doc.turns if t.span.start <= claim.span.start < t.span.end), None)
    conflicts = conflicts_of_claims(ledger, [claim_id]).get(claim_id, [])
    sources = [c.source or "" for k in conflicts for c in k.claims]
    return render(
        "claim.html",
        request,
        claim=claim,
        doc=doc,
        turn=turn,
        context=claim_context(doc.text, claim),
        conflicts=conflicts,
        doc_ids=document_ids(ledger, sources),
    )


@router.get("/metrics", response_class=HTMLResponse)
def metrics_page(request: Request, ledger: LedgerDep, offset: Offset = 0) -> HTMLResponse:
    counts, total = metric_counts(ledger, limit=PAGE, offset=offset)
    keys = [c.metric for c in counts]
    summaries = {s.metric: s for s in summarize_metrics(claims_for_metrics(ledger, keys))}
    return render(
        "metrics.html",
        request,
        metrics=[summaries[k] for k in keys if k in summaries],
        pages=_pages(total, offset),
    )


@router.get("/metrics/{key:path}", response_class=HTMLResponse)
def metric_page(request: Request, ledger: LedgerDep, key: str) -> HTMLResponse:
    claims = ledger.claims(ClaimFilter(metric=key)) if key else []
    if not claims:
        raise not_found("metric", repr(key))
    conflicts = conflict_page(ledger, ConflictFilter(metric=key), limit=MAX_LIMIT)
    points = build_timeline(claims, key, conflicts=conflicts)
    summary = summarize_metrics(claims)[0]
    chart = build_chart(
        points,
        metric=key,
        label=summary.label,
        conflict_kinds={c.id: c.kind.value for c in conflicts if c.id is not None},
        min_points=1,
    )
    sources = [c.source or "" for c in claims] + [
        c.source or "" for k in conflicts for c in k.claims
    ]
    return render(
        "metric.html",
        request,
        summary=summary,
        points=points,
        chart=chart,
        conflicts=conflicts,
        doc_ids=document_ids(ledger, sources),
    )


@router.get("/conflicts", response_class=HTMLResponse)
def conflicts_page(
    request: Request,
    ledger: LedgerDep,
    metric: _Text = None,
    kind: _Text = None,
    severity: _Text = None,
    speaker: _Text = None,
    country: Annotated[str | None, Query(pattern="^[A-Za-z]{0,2}$")] = None,
    document: Annotated[int | None, Query(ge=1, le=MAX_ID), WHOLE] = None,
    verdict: _Text = None,
    unreviewed: bool = False,
    offset: Offset = 0,
) -> HTMLResponse:
    """The board, filtered; confirmed conflicts lead, then the unreviewed most confident
    first, and dismissed ones close it (`reconcile.conflicts.board_order`)."""
    typed = ConflictFilter(
        metric=metric or None,
        kind=_parse(ConflictKind, "kind", kind),
        severity=_parse(Severity, "severity", severity),
        speaker=speaker or None,
        country=country or None,
        document_id=document,
        verdict=_parse(Verdict, "verdict", verdict),
        unreviewed=unreviewed,
    )
    where = resolve_conflict_filter(ledger, typed)
    conflicts = conflict_page(ledger, where, limit=PAGE, offset=offset, order=board_order)
    sources = [c.source or "" for conflict in conflicts for c in conflict.claims]
    filters = {
        "metric": metric or "",
        "kind": kind or "",
        "severity": severity or "",
        "speaker": speaker or "",
        "country": country or "",
        "document": document or "",
        "verdict": verdict or "",
        "unreviewed": "true" if unreviewed else "",
    }
    return render(
        "conflicts.html",
        request,
        conflicts=conflicts,
        pages=_pages(count_conflicts(ledger, where), offset),
        filters=filters,
        view=query_string(**filters),
        kinds=list(ConflictKind),
        severities=list(Severity),
        verdicts=list(Verdict),
        doc_ids=document_ids(ledger, sources),
    )


@router.get("/conflicts/{conflict_id}", response_class=HTMLResponse)
def conflict_view(request: Request, ledger: LedgerDep, conflict_id: ConflictId) -> HTMLResponse:
    found = conflicts_by_ids(ledger, [conflict_id])
    if not found:
        raise not_found("conflict", conflict_id)
    conflict = found[0]
    sides = []
    for claim in conflict.claims:
        doc = ledger.document(claim.source or "")
        if doc is not None:
            sides.append((claim, doc, claim_context(doc.text, claim)))
    return render(
        "conflict.html",
        request,
        conflict=conflict,
        sides=sides,
        doc_ids=document_ids(ledger, [c.source or "" for c in conflict.claims]),
        # the review form, for a server that takes writes (the analyst types the token)
        reviewable=request.app.state.write_token is not None and not ledger.readonly,
    )


@router.get("/speakers", response_class=HTMLResponse)
def speakers_page(request: Request, ledger: LedgerDep, offset: Offset = 0) -> HTMLResponse:
    items, total = speaker_summaries(ledger, limit=PAGE, offset=offset)
    return render("speakers.html", request, speakers=items, pages=_pages(total, offset))


@router.get("/speakers/{name:path}", response_class=HTMLResponse)
def speaker_page(request: Request, ledger: LedgerDep, name: str) -> HTMLResponse:
    """One person's track record: what they claimed, named and promised, and where their
    figures are in conflict."""
    record = track_record(ledger, name)
    if record is None:
        raise not_found("speaker", repr(name))
    sources = [c.source or "" for c in record.claims]
    sources += [c.source or "" for k in record.conflicts for c in k.claims]
    sources += [a.source or "" for a in record.agreements]
    sources += [t.commitment.source or "" for t in record.commitments]
    sources += [f.source or "" for t in record.commitments for f in t.history]
    return render(
        "speaker.html",
        request,
        record=record,
        in_conflict=conflicts_of_claims(ledger, [c.id or 0 for c in record.claims]),
        doc_ids=document_ids(ledger, sources),
    )


@router.get("/search", response_class=HTMLResponse)
def search_page(
    request: Request,
    ledger: LedgerDep,
    q: Annotated[str, Query(max_length=200)] = "",
    offset: Offset = 0,
) -> HTMLResponse:
    hits = ledger.search(q, limit=PAGE, offset=offset) if q.strip() else []
    total = count_search(ledger, q) if q.strip() else 0
    claims, claim_total = (
        claim_page(ledger, ClaimFilter(text=q.strip()), limit=10) if q.strip() else ([], 0)
    )
    return render(
        "search.html",
        request,
        q=q,
        hits=hits,
        pages=_pages(total, offset),
        claims=claims,
        claim_total=claim_total,
    )


@router.get("/docs", response_class=HTMLResponse)
def api_docs(request: Request) -> HTMLResponse:
    """The API reference from the OpenAPI schema, drawn server-side (no CDN, no inline script)."""
    schema = request.app.openapi()
    operations = [
        {
            "method": method.upper(),
            "path": path,
            **op,
            "types": [_type_label(p.get("schema", {})) for p in op.get("parameters", [])],
        }
        for path, item in schema.get("paths", {}).items()
        for method, op in item.items()
    ]
    return render("docs.html", request, schema=schema, operations=operations)


def _type_label(schema: dict[str, Any]) -> str:
    """A parameter's JSON Schema as a short label: "string | null", "Qualifier"."""
    if "anyOf" in schema:
        return " | ".join(_type_label(s) for s in schema["anyOf"])
    if "$ref" in schema:
        return str(schema["$ref"]).rsplit("/", 1)[-1]
    label = str(schema.get("type", "any"))
    if "format" in schema:
        label += f" ({schema['format']})"
    return label


@router.get("/favicon.ico")
def favicon() -> Response:
    return FileResponse(STATIC / "favicon.svg", media_type="image/svg+xml")
