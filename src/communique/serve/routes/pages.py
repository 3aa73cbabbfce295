"""The web UI: overview, documents, claims, metrics, conflicts, search, and the API docs page."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, Response

from communique.models import Modality, Qualifier
from communique.reconcile.conflicts import board_order
from communique.reconcile.timelines import build_timeline, summarize_metrics
from communique.serve.charts import timeline_chart
from communique.serve.passages import claim_context, document_blocks
from communique.serve.routes.claims import claim_filter
from communique.serve.web import (
    MAX_ID,
    STATIC,
    WHOLE,
    ApiError,
    ClaimId,
    DocumentId,
    LedgerDep,
    Offset,
    not_found,
    render,
)
from communique.store.browse import (
    claim_page,
    claims_by_ids,
    claims_for_metrics,
    count_documents,
    count_search,
    document_ids,
    document_summaries,
    metric_counts,
)
from communique.store.ledger import ClaimFilter

router = APIRouter(include_in_schema=False)

PAGE = 25  # rows per HTML page: a laptop screen or two
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
    return render(
        "index.html",
        request,
        counts=counts,
        metrics_total=metric_total,
        documents=document_summaries(ledger, limit=10),
        top_metrics=top,
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
    qualifier: _Text = None,
    modality: _Text = None,
    document: Annotated[int | None, Query(ge=1, le=MAX_ID), WHOLE] = None,
    text: _Text = None,
    offset: Offset = 0,
) -> HTMLResponse:
    where = claim_filter(
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
    )
    items, total = claim_page(ledger, where, limit=PAGE, offset=offset)
    return render(
        "claims.html",
        request,
        claims=items,
        pages=_pages(total, offset),
        filters={
            "metric": metric or "",
            "speaker": speaker or "",
            "country": country or "",
            "since": since or "",
            "until": until or "",
            "qualifier": qualifier or "",
            "modality": modality or "",
            "text": text or "",
        },
        qualifiers=list(Qualifier),
        modalities=list(Modality),
    )


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
    return render(
        "claim.html",
        request,
        claim=claim,
        doc=doc,
        turn=turn,
        context=claim_context(doc.text, claim),
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
    points = build_timeline(claims, key)
    return render(
        "metric.html",
        request,
        summary=summarize_metrics(claims)[0],
        points=points,
        chart=timeline_chart(points),
        doc_ids=document_ids(ledger, [c.source or "" for c in claims]),
    )


@router.get("/conflicts", response_class=HTMLResponse)
def conflicts_page(request: Request, ledger: LedgerDep) -> HTMLResponse:
    conflicts = sorted(ledger.conflicts(), key=board_order)
    sources = [c.source or "" for conflict in conflicts for c in conflict.claims]
    return render(
        "conflicts.html", request, conflicts=conflicts, doc_ids=document_ids(ledger, sources)
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
