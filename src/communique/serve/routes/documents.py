"""`/api/documents`: the documents list, one document with turns and claims, and ingest."""

from __future__ import annotations

import dataclasses
import threading
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool

from communique.errors import InputError
from communique.models import RawDocument
from communique.pipeline import STAGES, process_document
from communique.read.readers import Hints, dated
from communique.read.sources import document_from_text
from communique.reconcile import reconcile_pending
from communique.serve.schemas import (
    DocumentIn,
    DocumentOut,
    DocumentPage,
    DocumentSummaryOut,
    ErrorResponse,
    IngestOut,
    document_out,
    document_summary_out,
)
from communique.serve.web import (
    ApiError,
    DocumentId,
    LedgerDep,
    Limit,
    Offset,
    authorize,
    following,
    not_found,
)
from communique.store.browse import count_documents, document_id_by_content, document_summaries
from communique.store.ledger import AddStatus, Ledger

router = APIRouter(tags=["documents"])

MAX_BODY = 5 * 1024 * 1024  # far above any statement (the longest seed is 18 kB)
_FORMATS = {"text/plain": "text", "text/markdown": "markdown", "text/html": "html"}
_write_lock = threading.Lock()  # one ingest at a time: reconcile rewrites derived data


@router.get("/documents", summary="Documents in ingest order, paginated")
def list_documents(
    request: Request, ledger: LedgerDep, limit: Limit = 50, offset: Offset = 0
) -> DocumentPage:
    items = document_summaries(ledger, limit=limit, offset=offset)
    total = count_documents(ledger)
    return DocumentPage(
        items=[document_summary_out(d) for d in items],
        total=total,
        limit=limit,
        offset=offset,
        next=following(request, offset=offset, limit=limit, total=total),
    )


@router.get("/documents/{document_id}", summary="One document: text, speaker turns, claims")
def get_document(ledger: LedgerDep, document_id: DocumentId) -> DocumentOut:
    doc = ledger.document(document_id)
    if doc is None:
        raise not_found("document", document_id)
    return document_out(doc)


def _error(description: str) -> dict[str, Any]:
    return {"description": description, "model": ErrorResponse}


_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": DocumentIn.model_json_schema()},
            "text/plain": {"schema": {"type": "string", "minLength": 1}},
        },
    }
}


@router.post(
    "/documents",
    summary="Ingest a document (needs the write token)",
    status_code=201,
    response_model=IngestOut,
    responses={
        200: {"description": "Already in the ledger", "model": IngestOut},
        401: _error("Missing or wrong Bearer token"),
        403: _error("The server is read-only"),
        413: _error("Body too large"),
        415: _error("Unsupported content type"),
    },
    openapi_extra=_BODY,
)
async def post_document(
    request: Request,
    ledger: LedgerDep,
    source: Annotated[
        str | None,
        Query(alias="id", min_length=1, max_length=512, description="Name for a text/plain body."),
    ] = None,
) -> JSONResponse:
    """Read, process and store one document, then reconcile the ledger.

    Send JSON `{id?, title?, date?, url?, text}`, or raw text as text/plain named by `?id=`.
    """
    authorize(request)
    body = await request.body()
    if len(body) > MAX_BODY:
        raise ApiError(413, "too-large", f"body over {MAX_BODY} bytes")
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "application/json":
        try:
            posted = DocumentIn.model_validate_json(body)
        except ValidationError as exc:
            details = [
                f"{'.'.join(map(str, e['loc'])) or 'body'}: {e['msg']}" for e in exc.errors()
            ]
            raise ApiError(422, "bad-body", "invalid document: " + "; ".join(details)) from exc
    elif kind in _FORMATS:
        try:
            posted = DocumentIn(id=source, text=body.decode("utf-8"))
        except (UnicodeDecodeError, ValidationError) as exc:
            raise ApiError(422, "bad-body", f"the body is not UTF-8 text: {exc}") from exc
    else:
        raise ApiError(415, "unsupported-media-type", "send application/json or text/plain")
    out = await run_in_threadpool(_ingest, ledger, posted, _FORMATS.get(kind, "text"))
    status = 201 if out.status != AddStatus.UNCHANGED else 200
    return JSONResponse(out.model_dump(mode="json"), status_code=status)


def _read(posted: DocumentIn, fmt: str) -> RawDocument:
    """The posted text through the same reader as files of its format (normalisation, markup,
    HTML extraction); the fields posted beside it win over what its markup says."""
    hints = Hints(title=posted.title, url=posted.url).over(dated(posted.date))
    try:
        raw = document_from_text(posted.text, source=posted.id or "api", fmt=fmt, hints=hints)
    except InputError as exc:
        raise ApiError(422, "bad-body", f"cannot read the document: {exc.message}") from exc
    return raw if posted.id else dataclasses.replace(raw, source=f"api:{raw.content_hash[:16]}")


def _ingest(ledger: Ledger, posted: DocumentIn, fmt: str) -> IngestOut:
    raw = _read(posted, fmt)
    with _write_lock:
        doc = process_document(raw)
        status = ledger.add_document(doc, stages=STAGES)
        summary = reconcile_pending(ledger)
        # unchanged text posted under another name: answer with the document that holds it
        found = document_id_by_content(ledger, doc.content_hash)
        stored = ledger.document(found) if found is not None else None
    return IngestOut(
        status=status.value,
        document=None if stored is None else _summary(stored),
        claims=len(stored.claims) if stored else 0,
        conflicts=summary.conflicts,
    )


def _summary(doc: Any) -> DocumentSummaryOut:
    out = document_out(doc)
    return DocumentSummaryOut(
        **out.model_dump(exclude={"text", "turns", "claims", "content_hash"}),
        turns=len(out.turns),
        claims=len(out.claims),
    )
