"""The web UI's agreements registry and commitments tracker (views from reconcile/tracker.py)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from communique.reconcile.tracker import agreement_registry, commitment_tracker
from communique.serve.schemas import IsoDate
from communique.serve.web import LedgerDep, render
from communique.store.browse import document_ids
from communique.store.entries import AgreementFilter

router = APIRouter(include_in_schema=False)


@router.get("/agreements", response_class=HTMLResponse)
def agreements_page(
    request: Request,
    ledger: LedgerDep,
    party: Annotated[str | None, Query(max_length=16)] = None,
) -> HTMLResponse:
    """Every agreement once, with every statement that names it."""
    where = AgreementFilter(party=party.upper() if party else None)
    threads = agreement_registry(ledger.agreements(where))
    sources = [m.source or "" for t in threads for m in t.mentions]
    return render(
        "agreements.html",
        request,
        threads=threads,
        party=party or "",
        doc_ids=document_ids(ledger, sources),
    )


@router.get("/commitments", response_class=HTMLResponse)
def commitments_page(
    request: Request,
    ledger: LedgerDep,
    today: Annotated[IsoDate | None, Query(description="The tracker's date.")] = None,
) -> HTMLResponse:
    """Commitments due soon, overdue, reported done, delayed or changed, with the quotes."""
    commitments = ledger.commitments()
    tracker = commitment_tracker(commitments, ledger.followups(), today=today or date.today())
    sources = [c.source or "" for c in commitments]
    sources += [f.source or "" for f in ledger.followups()]
    return render(
        "commitments.html", request, tracker=tracker, doc_ids=document_ids(ledger, sources)
    )
